import Foundation
import XCTest

/// `absorb summary` in Markdown and HTML: figures checked by hand from the USDA rows, the
/// HTML self-contained with well-formed inline SVG, and rendered by a real headless
/// browser (Debian's chromium; `.ci/run` installs it).
final class SummaryTests: XCTestCase {
    var scratch: URL!
    var absorb: AbsorbProcess!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("absorb-summary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        absorb = AbsorbProcess(journal: scratch.appendingPathComponent("j.sqlite").path)
        // Two of three days logged: salmon, cooked (15237: D 13.1 µg, EPA 0.690 g, DHA 1.457 g
        // per 100 g) 150 g on the 20th; spinach, raw (11457: K 482.9 µg, fat 0.39 g) 90 g
        // alone at lunch on the 21st.
        for args in [["log", "add", "--food", "15237", "--grams", "150", "--date", "2026-11-20", "--meal", "dinner"],
                     ["log", "add", "--food", "11457", "--grams", "90", "--date", "2026-11-21", "--meal", "lunch"],
                     ["profile", "set", "--name", "Ana <B&B>", "--sex", "female", "--age", "34"]] {
            let result = try absorb.run(args)
            XCTAssertEqual(result.status, 0, result.stderr)
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func summary(_ format: String) throws -> String {
        let result = try absorb.run(["summary", "--from", "2026-11-20", "--to", "2026-11-22", "--format", format])
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout
    }

    func testTheMarkdownSummaryHasTheAveragesGapsPlanPairingAndSources() throws {
        let text = try summary("markdown")
        XCTAssertTrue(text.contains("**Ana \\<B&B\\> · female · 34 y** · Females 31-50"), text)
        XCTAssertTrue(text.contains("2 of 3 days logged, 2 entries"), text)
        // D: 13.1 × 1.5 = 19.65 µg over 2 logged days = 9.825 µg a day, 65.5 % of the 15 µg
        // RDA (a hair under in binary, so 65); the bar has 7 of 15 cells.
        XCTAssertTrue(text.contains("| Vitamin D | 9.8 µg | 15 µg (RDA) | 65 | `███████░░░|░░░░░` | low | 100 % |"), text)
        // K: 482.9 × 0.9 + 0.1 × 1.5 (the salmon's) = 434.76 µg / 2 = 217.38 a day, 241.5 % of the 90 µg AI.
        XCTAssertTrue(text.contains("| Vitamin K | 217 µg | 90 µg (AI) | 242 | `██████████|█████` | met |"), text)
        // EPA + DHA: (0.690 + 1.457) × 1.5 = 3.2205 g = 3,220.5 mg / 2 = 1,610 mg a day.
        XCTAssertTrue(text.contains("| EPA + DHA | 1,610 mg | 250 mg (AI) | 644 |"), text)
        XCTAssertTrue(text.contains("## Gaps and a plan to close them\n\nBelow target on average: Vitamin A"), text)
        XCTAssertTrue(text.contains("a day: +"), "a plan with portions: \(text)")
        // The spinach lunch: 434.6 µg K with 0.35 g fat (0.39 × 0.9).
        XCTAssertTrue(text.contains("Sat 21 Nov 2026, Lunch: ") && text.contains("435 µg Vitamin K with 0.4 g fat"), text)
        // Sources by their short names (Data/common_foods.csv: 15237 is "Salmon, Atlantic, farmed, cooked").
        XCTAssertTrue(text.contains("| Vitamin D | Salmon, Atlantic, farmed, cooked 100 % |"), text)
    }

    func testTheHTMLIsOneSelfContainedFileWithWellFormedSVGCharts() throws {
        let html = try summary("html")
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("<strong>Ana &lt;B&amp;B&gt; · female · 34 y</strong>"), "text is escaped")
        for outside in ["<script", "<link", "src=", "url(", "@import"] {
            XCTAssertFalse(html.contains(outside), "the file must not need anything else: \(outside)")
        }
        // One chart of averages and one day-by-day line per nutrient with data: each is
        // well-formed XML with the SVG namespace.
        let svgs = html.components(separatedBy: "<svg ").dropFirst().map { "<svg " + $0.components(separatedBy: "</svg>")[0] + "</svg>" }
        XCTAssertEqual(svgs.count, 1 + 7)
        // Python's XML parser checks each (Foundation's XMLParser needs libxml2 at run time).
        for (index, svg) in svgs.enumerated() {
            let file = scratch.appendingPathComponent("chart-\(index).svg")
            try svg.write(to: file, atomically: true, encoding: .utf8)
            let check = try AbsorbProcess.runProgram("/usr/bin/env", ["python3", "-c",
                                                 "import sys, xml.dom.minidom as m; d = m.parse(sys.argv[1]); print(d.documentElement.namespaceURI)",
                                                 file.path])
            XCTAssertEqual(check.status, 0, "not well-formed XML: \(check.stderr) in \(svg.prefix(200))")
            XCTAssertEqual(check.stdout, "http://www.w3.org/2000/svg\n")
        }
        // The average bar of vitamin D, the second row: 65.5 % of a 520-pixel scale to 150 % = 227.1 px.
        XCTAssertTrue(svgs[0].contains("<rect class=\"bar low\" x=\"190.0\" y=\"50.0\" width=\"227.1\""), svgs[0])
    }

    func testAHeadlessBrowserRendersTheHTML() throws {
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: FileManager.default.isExecutableFile) else {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("CI must install chromium (.ci/run does)") }
            throw XCTSkip("chromium is not installed (apt-get install chromium)")
        }
        let file = scratch.appendingPathComponent("summary.html")
        try summary("html").write(to: file, atomically: true, encoding: .utf8)
        let png = scratch.appendingPathComponent("summary.png")
        let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(scratch.appendingPathComponent("profile").path)"]
        let shot = try AbsorbProcess.runProgram(chromium, flags + ["--window-size=1000,1600", "--screenshot=\(png.path)", file.absoluteString])
        XCTAssertEqual(shot.status, 0, shot.stderr)
        let image = try Data(contentsOf: png)
        XCTAssertEqual(Array(image.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG")
        // PNG width and height (IHDR) are the window's: the page was laid out.
        let width = image[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = image[20..<24].reduce(0) { $0 << 8 | Int($1) }
        XCTAssertEqual([width, height], [1000, 1600])
        XCTAssertGreaterThan(image.count, 30_000, "a blank page compresses to a few kB; this one has text and charts")
        // The browser's own DOM: it parsed the SVG as SVG (rects and polylines inside svg).
        let dom = try AbsorbProcess.runProgram(chromium, flags + ["--dump-dom", file.absoluteString])
        XCTAssertEqual(dom.status, 0)
        XCTAssertEqual(dom.stdout.components(separatedBy: "<svg ").count - 1, 8, dom.stdout.prefix(500) + "")
        XCTAssertTrue(dom.stdout.contains("<rect class=\"bar low\""))
        XCTAssertTrue(dom.stdout.contains("<title>Daily average as a percent of each target</title>"))
    }
}
