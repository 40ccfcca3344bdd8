import Foundation
import XCTest

/// The skin-and-gut part of `absorb summary`: the gut's week and the check-in scales beside
/// a chosen figure, figures worked out by hand, in Markdown and in HTML whose inline SVG is
/// well-formed and is rendered by headless chromium.
final class SkinGutSummaryTests: XCTestCase {
    var scratch: URL!
    var absorb: AbsorbProcess!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("absorb-skin-gut-summary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        absorb = AbsorbProcess(journal: scratch.appendingPathComponent("j.sqlite").path)
        // 160 g raw onion (11282: fibre 1.7 g per 100 g, 80 g a prebiotic serving) on the
        // 20th; 300 g plain yogurt (01116: fibre 0, 150 g a fermented serving, live cultures)
        // on the 21st; a capsule of LGG (10 billion CFU) on the 21st.
        for args in [["log", "add", "--food", "11282", "--grams", "160", "--date", "2026-11-20", "--meal", "dinner"],
                     ["log", "add", "--food", "01116", "--grams", "300", "--date", "2026-11-21", "--meal", "breakfast"],
                     ["profile", "set", "--sex", "female", "--age", "34", "--scales", "itch,poem,bristol"],
                     ["check-in", "--date", "2026-11-20", "--itch", "6", "--bristol", "3", "--note", "red <patch>"],
                     ["check-in", "--date", "2026-11-21", "--itch", "4"],
                     ["check-in", "--date", "2026-11-14", "--poem-answers", "2,2,1,1,2,1,1"],
                     ["check-in", "--date", "2026-11-21", "--poem-answers", "1,1,0,0,1,1,2"],
                     ["probiotic", "add", "lgg", "--date", "2026-11-21"]] {
            let result = try absorb.run(args)
            XCTAssertEqual(result.status, 0, "\(args): \(result.stderr)")
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func summary(_ format: String, _ extra: [String] = []) throws -> String {
        let result = try absorb.run(["summary", "--from", "2026-11-20", "--to", "2026-11-22", "--format", format] + extra)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout
    }

    func testTheMarkdownGivesTheGutsWeekAndTheScalesBesideFibre() throws {
        let text = try summary("markdown")
        XCTAssertTrue(text.contains("### The gut's week (Fri 20 Nov 2026 – Sun 22 Nov 2026)"), text)
        // Fibre: 1.7 × 1.6 = 2.72 g over 2 logged days = 1.36 g a day.
        XCTAssertTrue(text.contains("- Fibre: 1.4 g a day over 2 logged days"), text)
        XCTAssertTrue(text.contains("- Fermented foods: 2 servings, 2 likely with live cultures"), text)
        XCTAssertTrue(text.contains("- Prebiotic foods (inulin-type fructans): 2 servings — onion 2."), text)
        XCTAssertTrue(text.contains("- Probiotics: 1 of 3 days — Lactobacillus rhamnosus GG"), text)
        XCTAssertTrue(text.contains("### Check-ins over 30 days, beside Fibre (g)"), text)
        // Itch 6 and 4: average 5, latest 4 on the 21st.
        XCTAssertTrue(text.contains("- Itch (peak NRS): 2 days recorded, average 5, latest 4 on Sat 21 Nov 2026."), text)
        // POEM 10 (week 9–15 Nov) and 6 (week 16–22 Nov): change −4; the latest is mild.
        XCTAssertTrue(text.contains("- POEM: 2 days recorded, average 8, latest 6 (mild eczema) on Sat 21 Nov 2026; weekly average from the first week to the last -4."), text)
        XCTAssertTrue(text.contains("| 2026-11-20 | 6 | 3 | 2.7 |"), text)
        XCTAssertTrue(text.contains("| 2026-11-21 | 4 | — | 0 |"), text)
        // The week's fibre: 2.72 and 0 on its two logged days: 1.36.
        XCTAssertTrue(text.contains("| 2026-11-09 – 2026-11-15 | 10 | moderate eczema | — |"), text)
        XCTAssertTrue(text.contains("| 2026-11-16 – 2026-11-22 | 6 | mild eczema | 1.4 |"), text)
        XCTAssertTrue(text.contains("> 2026-11-20: red \\<patch\\>"), text)
        // Beside another figure, over 90 days.
        let cfu = try summary("markdown", ["--beside", "probiotic", "--skin-days", "90"])
        XCTAssertTrue(cfu.contains("### Check-ins over 90 days, beside Probiotic CFU (billion CFU)"), cfu)
        XCTAssertTrue(cfu.contains("| 2026-11-21 | 4 | — | 10 |"), cfu)
        for bad in [["--skin-days", "45"], ["--beside", "mood"]] {
            let result = try absorb.run(["summary", "--to", "2026-11-22"] + bad)
            XCTAssertEqual(result.status, 1, "\(bad)")
        }
    }

    func testTheHTMLChartsTheScalesAndAHeadlessBrowserRendersThem() throws {
        let html = try summary("html")
        XCTAssertTrue(html.contains("<h2>Skin and gut</h2>"))
        XCTAssertTrue(html.contains("red &lt;patch&gt;"), "notes are escaped")
        let svgs = html.components(separatedBy: "<svg ").dropFirst().map { "<svg " + $0.components(separatedBy: "</svg>")[0] + "</svg>" }
        let charts = svgs.filter { $0.contains("class=\"skin-gut\"") }
        XCTAssertEqual(charts.count, 3, "itch, POEM and Bristol")
        for (index, svg) in charts.enumerated() {
            let file = scratch.appendingPathComponent("chart-\(index).svg")
            try svg.write(to: file, atomically: true, encoding: .utf8)
            let check = try AbsorbProcess.runProgram("/usr/bin/env", ["python3", "-c",
                                                 "import sys, xml.dom.minidom as m; d = m.parse(sys.argv[1]); print(d.documentElement.namespaceURI)",
                                                 file.path])
            XCTAssertEqual(check.status, 0, "not well-formed XML: \(check.stderr) in \(svg.prefix(200))")
        }
        XCTAssertTrue(charts[1].contains("<title>POEM, weekly average, beside Fibre (g), weekly average</title>"), charts[1])
        // POEM's 5 weeks of 30 days (2, then 7 each): 600 px / 5 = 120 a week; week 4 (9–15 Nov)
        // at x = 44 + 3.5 × 120 = 464, POEM 10 of 28 at y = 14 + 110 − 10/28 × 110 = 84.7.
        XCTAssertTrue(charts[1].contains("<circle cx=\"464.0\" cy=\"84.7\""), charts[1])
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: FileManager.default.isExecutableFile) else {
            throw XCTSkip("chromium is not installed (apt-get install chromium)")
        }
        let file = scratch.appendingPathComponent("summary.html")
        try html.write(to: file, atomically: true, encoding: .utf8)
        let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(scratch.appendingPathComponent("profile").path)"]
        let dom = try AbsorbProcess.runProgram(chromium, flags + ["--dump-dom", file.absoluteString])
        XCTAssertEqual(dom.status, 0)
        XCTAssertEqual(dom.stdout.components(separatedBy: "class=\"skin-gut\"").count - 1, 3)
        XCTAssertTrue(dom.stdout.contains("<polyline class=\"scale\""), "the browser parsed the SVG")
    }

    func testTheReportGivesTheSameGutFiguresAsTheSummary() throws {
        let json = try absorb.json(["report", "--from", "2026-11-20", "--to", "2026-11-22", "--format", "json"])
        let gut = try XCTUnwrap(json["gut"] as? [String: Any])
        XCTAssertEqual(gut["fermented_servings"] as? Double, 2)
        XCTAssertEqual(gut["live_culture_servings"] as? Double, 2)
        XCTAssertEqual(gut["prebiotic_servings"] as? Double, 2)
        XCTAssertEqual((gut["prebiotic_by_kind"] as? [String: Any])?["onion"] as? Double, 2)
        XCTAssertEqual(gut["probiotic_days"] as? Double, 1)
        let foods = try XCTUnwrap(gut["fermented_foods"] as? [[String: Any]])
        XCTAssertEqual(foods.first?["live_cultures"] as? String, "yes")
        let text = try absorb.run(["report", "--from", "2026-11-20", "--to", "2026-11-22"]).stdout
        XCTAssertTrue(text.contains("  Prebiotic foods (inulin-type fructans): 2 servings in all (onion 2)"), text)
        XCTAssertTrue(text.contains("  Probiotics: 1 of 3 days"), text)
        let summary = try summary("markdown")
        XCTAssertTrue(summary.contains("- Prebiotic foods (inulin-type fructans): 2 servings — onion 2."), summary)
    }
}
