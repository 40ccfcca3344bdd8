import ArgumentParser
import Foundation
import Journal
import NutrientModel

/// `absorb summary`: a session summary a dietitian hands out or prints.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "A session summary to hand out or print: averages against targets, gaps and a plan to close them, fat pairing, data coverage, top sources.",
        discussion: """
            Markdown for notes and e-mail; HTML is one self-contained file (charts in inline SVG, \
            no scripts, nothing fetched) that prints on A4 or Letter. Without --from/--to it covers \
            the 14 days ending today. Its skin-and-gut part gives the gut's week (the last 7 days: \
            fibre, fermented foods and their live cultures, prebiotic servings, probiotic days) and \
            each tracked check-in scale over the last --skin-days days (30 or 90) beside --beside, \
            a nutrient (vitamin_d, epa_dha, ...) or fibre, fermented, prebiotic or probiotic: daily \
            scales day by day, POEM week by week against weekly averages.
            """)

    enum SummaryFormat: String, ExpressibleByArgument, CaseIterable { case markdown, html }

    @Option(name: .long, help: ArgumentHelp("First day (default: 13 days before --to).", valueName: "date")) var from: String?
    @Option(name: .long, help: ArgumentHelp("Last day (default: today).", valueName: "date")) var to: String?
    @Option(name: .long, help: "markdown or html.") var format: SummaryFormat = .markdown
    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?
    @Option(name: .long, help: ArgumentHelp("The days the check-in scales cover, ending at --to: 30 or 90.", valueName: "days"))
    var skinDays: Int = 30
    @Option(name: .long, help: ArgumentHelp("The figure beside the scales: a nutrient (vitamin_a, vitamin_d, vitamin_e, vitamin_k, linoleic_acid, alpha_linolenic_acid, epa_dha) or fibre, fermented, prebiotic, probiotic.", valueName: "figure"))
    var beside: String = "fibre"
    @OptionGroup var common: CommonOptions

    func run() throws {
        let end = try parseDate(to, option: "--to") ?? LocalDate.today()
        let start = try parseDate(from, option: "--from") ?? end.adding(days: -13)
        let range = try reportRange(date: nil, from: start.description, to: end.description)
        guard skinDays == 30 || skinDays == 90 else { throw CLIError("--skin-days \(skinDays): give 30 or 90") }
        guard let figure = GutFigure(key: beside) else {
            throw CLIError("--beside \(TextRules.quoted(beside)): not a figure; choose one of \(GutFigure.keys)")
        }
        let session = try common.open()
        var summary = try SessionSummary(session: session, range: range)
        summary.skinGut = try SkinGutSummary(session: session, range: range, days: skinDays, figure: figure)
        // The latest trial begun by the summary's last day: its result, as on that day.
        let asOf = min(range.to, LocalDate.today())
        if let trial = try session.journal.trials(profileID: session.profile.id).last(where: { $0.start <= asOf }) {
            summary.trial = try TrialCommand.review(trial, session: session, today: asOf)
        }
        // A summary is for reading, on a terminal or in a file: a journal's control characters
        // are escaped in it wherever it goes.
        let text = TextRules.escaped(format == .markdown ? summary.markdown() : summary.html(), keepingLineBreaks: true)
        guard let output else {
            print(text, terminator: "")
            return
        }
        try writePrivately(text, to: output)
        printError("Wrote the summary of \(summary.periodText) to \(output).\n")
    }
}

/// Everything a summary shows, computed once by the model; the two renderers only format.
struct SessionSummary {
    let report: Report
    let session: Session
    /// Per nutrient, each day's percent of target (nil: nothing logged that day, or no target).
    let daily: [Nutrient: [Double?]]
    let plan: GapPlan?
    let pairing: FatPairingReport
    /// The model's cautions and advice for the range.
    let review: Review
    let sources: [Nutrient: [LoggedSource]]
    let lowCoverageBelow: Double
    /// The skin-and-gut part, when asked for (the summary command always asks).
    var skinGut: SkinGutSummary?
    /// The latest trial's result (`absorb trial show` without what changed), if there is one.
    var trial: TrialReview?

    /// The trial's part as lines: the first is its title.
    func trialLines(_ review: TrialReview) -> [String] {
        TrialText.lines(review, profile: TextRules.escaped(session.profile.profile.name), data: session.data, whatChanged: false)
    }

    init(session: Session, range: DateRange) throws {
        self.session = session
        report = try session.report(range)
        var daily: [Nutrient: [Double?]] = [:]
        for day in report.dayReports(scorer: session.data.scorer) {
            for score in day.scores {
                daily[score.nutrient, default: []].append(day.entries.isEmpty ? nil : score.percent)
            }
        }
        self.daily = daily
        let week = try session.report(DateRange(from: range.to.adding(days: -6), to: range.to)).entries
        plan = report.entries.isEmpty ? nil : session.data.planner.plan(for: report, diets: report.profile.diets, week: week)
        review = session.data.review(report)
        pairing = review.fatPairing
        sources = review.sources.mapValues { Array($0.prefix(3)) }
        lowCoverageBelow = session.data.absorption.lowCoverageBelowPercent
    }

    /// Bars run to this percent of the target (as the dashboard's run to 1.5 × it): room
    /// to show a target met with some to spare. Presentation, not a nutrition fact.
    static let barTopPercent = 150.0

    var periodText: String {
        "\(report.range.from.longDescription) – \(report.range.to.longDescription)"
    }

    var whoText: String {
        let person = report.profile
        return [TextRules.escaped(person.name), person.sex?.rawValue, person.ageText].compactMap { $0 }.joined(separator: " · ")
    }

    var loggedText: String {
        "\(report.loggedDays) of \(report.range.dayCount) days logged, \(report.entries.count) entr\(report.entries.count == 1 ? "y" : "ies"); figures are daily averages over the logged days"
    }

    func amountText(_ value: Double?, _ nutrient: Nutrient) -> String {
        value.map { "\(Format.amount($0)) \(nutrient.unit)" } ?? "—"
    }

    func targetText(_ score: NutrientScore) -> String {
        guard let value = score.target.value else { return "none" }
        var text = "\(Format.amount(value)) \(score.nutrient.unit) (\(score.target.kind?.rawValue ?? ""))"
        if let replaced = score.target.replacedReference, let reference = replaced.value {
            text += ", custom; reference \(Format.amount(reference))"
        }
        return text
    }

    func coverageText(_ score: NutrientScore) -> String {
        score.coverage.map { "\(Format.percent($0 * 100)) %" } ?? "—"
    }

    func judgement(_ score: NutrientScore) -> String {
        if report.entries.isEmpty { return "nothing logged" }
        return score.judgement(lowCoverageBelowPercent: lowCoverageBelow, days: max(1, report.loggedDays))
    }

    /// The gaps: nutrients below target on average.
    var gaps: [NutrientScore] { report.scores.filter(\.isGap) }

    /// The plan as lines of plain text (no markup).
    func planLines() -> [String] {
        guard let plan else { return ["Nothing logged in these days: no plan."] }
        guard !plan.gaps.isEmpty else { return ["Every target is met on average: nothing to close."] }
        var lines: [String] = []
        if !report.profile.diets.isEmpty {
            lines.append("Keeping to: \(report.profile.diets.sorted().joined(separator: ", ")).")
        }
        if plan.items.isEmpty {
            lines.append("No food that can be suggested closes a gap within the upper limits.")
        }
        for item in plan.items {
            let adds = plan.gapsClosed(by: item, report: report, showingPercent: false)
            lines.append("\(session.data.displayName(ofFoodID: session.data.foods.ids[item.food.index])), \(item.portionText) a day: \(adds.joined(separator: ", ")) (\(Format.grouped(item.kcal)) kcal)")
        }
        // The week's fish, as the plan says it (gaps and the dashboard say the same).
        if let note = plan.fishNote { lines.append(note) }
        for (nutrient, reason) in plan.remaining {
            lines.append("Still short of \(nutrient.name): \(reason).")
        }
        return lines
    }

    /// Fat-pairing notes as plain text, one per meal, at most `limit`, with a count of the rest.
    func pairingLines(limit: Int = 8) -> [String] {
        let meals = pairing.meals.filter { !$0.flags.isEmpty }
        guard !meals.isEmpty else {
            return ["Every meal with vitamin A, D, E or K had at least \(Format.number(pairing.thresholdGrams)) g of fat, or none was logged."]
        }
        var lines = meals.prefix(limit).map { meal in
            let vitamins = meal.flags.map { "\(Format.amount($0.amount)) \($0.nutrient.unit) \($0.nutrient.name)" }
            return "\(meal.date.longDescription), \(session.data.meals.label(of: meal.meal)): \(vitamins.joined(separator: ", ")) with \(Format.number(meal.fatGrams, decimals: 1)) g fat — \(meal.flags[0].suggestion)"
        }
        if meals.count > limit { lines.append("… and \(meals.count - limit) more meal\(meals.count - limit == 1 ? "" : "s") like these.") }
        return lines
    }

    /// Missing-data notes: foods logged without a value for a nutrient.
    func coverageLines() -> [String] {
        report.scores.compactMap { score in
            guard !score.missingDataFoods.isEmpty else { return nil }
            return "\(score.nutrient.name) (\(coverageText(score)) of the food has a value): no value for \(score.missingDataFoods.joined(separator: "; "))."
        }
    }

    func sourceText(_ nutrient: Nutrient) -> String {
        let list = sources[nutrient] ?? []
        guard !list.isEmpty else { return "—" }
        return list.map { "\(session.data.displayName(ofFoodID: $0.foodID)) \(Format.percent($0.share * 100)) %" }.joined(separator: "; ")
    }

    // MARK: Markdown

    func markdown() -> String {
        var out = "# absorb · session summary\n\n"
        out += "**\(md(whoText))** · \(md(report.targets.lifeStage))  \n"
        out += "\(periodText) · \(loggedText).\n"
        if let note = report.targets.defaultsNote { out += "\n> \(md(note))\n" }
        out += "\n## Averages against targets\n\n"
        out += "| Nutrient | Average a day | Target | % | | Status | Data |\n"
        out += "| --- | ---: | --- | ---: | --- | --- | ---: |\n"
        for score in report.scores {
            out += "| \(md(score.nutrient.name)) | \(amountText(score.amount, score.nutrient)) | \(md(targetText(score))) | "
                + "\(score.percent.map(Format.percent) ?? "—") | `\(textBar(score.percent))` | \(md(judgement(score))) | \(coverageText(score)) |\n"
        }
        out += "\nBars run to \(Format.percent(Self.barTopPercent)) % of the target; the mark `|` is the target.\n"
        if !review.cautions.isEmpty {
            out += "\n## Cautions\n\n" + review.cautions.map { "- **\(md($0.sentence))**\n" }.joined()
        }
        out += "\n## Gaps and a plan to close them\n\n"
        if gaps.isEmpty {
            out += report.entries.isEmpty ? "Nothing logged in these days.\n" : "No gaps: every target is met on average.\n"
        } else {
            out += "Below target on average: " + gaps.map { "\(md($0.nutrient.name)) (\(Format.percent($0.percent ?? 0)) %)" }.joined(separator: ", ") + ".\n\n"
            out += planLines().map { "- \(md($0))\n" }.joined()
        }
        out += "\n## Fat pairing\n\n"
        out += "Vitamins A, D, E and K are absorbed with fat: meals with less than \(Format.number(pairing.thresholdGrams)) g of fat are noted.\n\n"
        out += pairingLines().map { "- \(md($0))\n" }.joined()
        out += "\n## Data coverage\n\n"
        let coverage = coverageLines()
        out += coverage.isEmpty ? "Every food logged has a value for every nutrient.\n" : coverage.map { "- \(md($0))\n" }.joined()
        out += "\n## Top sources\n\n| Nutrient | Foods that gave the most |\n| --- | --- |\n"
        for nutrient in Nutrient.allCases { out += "| \(md(nutrient.name)) | \(md(sourceText(nutrient))) |\n" }
        if let skinGut { out += skinGut.markdown(md: md) }
        if let trial {
            let lines = trialLines(trial)
            out += "\n## \(md(lines[0]))\n\n" + lines.dropFirst().map { $0.hasPrefix("  ") ? "  - \(md($0.trimmingCharacters(in: .whitespaces)))\n" : "- \(md($0))\n" }.joined()
        }
        out += "\n---\nFood values: USDA SR28. Targets: Dietary Reference Intakes (\(md(report.targets.lifeStage))). Made by absorb \(Absorb.configuration.version).\n"
        return out
    }

    /// A bar of 15 cells to `barTopPercent` of the target, with `|` where the target falls.
    private func textBar(_ percent: Double?) -> String {
        let cellCount = 15
        guard let percent else { return String(repeating: " ", count: cellCount + 1) }
        let perCell = Self.barTopPercent / Double(cellCount)
        let filled = Int((min(percent, Self.barTopPercent) / perCell).rounded())
        var cells = Array(repeating: Character("░"), count: cellCount)
        for i in 0..<filled { cells[i] = "█" }
        cells.insert("|", at: Int((100 / perCell).rounded()))
        return String(cells)
    }

    func md(_ text: String) -> String { Self.escapeMarkdown(text) }

    /// `text` with each of markdown's marks (\\ ` * _ [ ] < > | #) escaped by a backslash,
    /// character by character.
    static func escapeMarkdown(_ text: String) -> String {
        // Byte by byte where each of the marks stands alone (no other byte than ASCII on
        // either side of it, so it is a character of its own: "µg" and "—" leave it so, a
        // combining accent or a keycap after it would not): almost every line.
        let utf8 = Array(text.utf8)
        var alone = true
        for (index, byte) in utf8.enumerated() where byte < 0x80 && Self.markdownSpecial[Int(byte)] {
            if (index > 0 && utf8[index - 1] >= 0x80) || (index + 1 < utf8.count && utf8[index + 1] >= 0x80) {
                alone = false
                break
            }
        }
        if alone {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(utf8.count + 8)
            for byte in utf8 {
                if byte < 0x80, Self.markdownSpecial[Int(byte)] { bytes.append(UInt8(ascii: "\\")) }
                bytes.append(byte)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var out = ""
        for character in text {
            if "\\`*_[]<>|#".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// The ASCII bytes markdown gives a meaning to, escaped by `md`.
    private static let markdownSpecial: [Bool] = (0..<128).map { "\\`*_[]<>|#".utf8.contains(UInt8($0)) }

    // MARK: HTML

    func html() -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>absorb · session summary · \(h(report.profile.name))</title>
            <style>
            body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; max-width: 960px; margin: 24px auto; padding: 0 16px; }
            h1 { font-size: 24px; margin: 0 0 4px; } h3 { font-size: 15px; margin: 16px 0 6px; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid #ccc; padding-bottom: 4px; }
            .meta { color: #444; margin: 0 0 4px; } .note { background: #fff6d6; border-left: 4px solid #d9a400; padding: 6px 10px; }
            table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid #e3e3e3; vertical-align: middle; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            .very_low { color: #a40000; font-weight: 600; } .low { color: #9a5b00; font-weight: 600; } .met { color: #1d6b2a; } .above_ul { color: #a40000; font-weight: 700; }
            ul { padding-left: 20px; } li { margin: 3px 0; } footer { color: #555; font-size: 13px; margin-top: 28px; }
            svg text { font: 11px system-ui, sans-serif; fill: #333; }
            @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } table, figure { break-inside: avoid; } }
            </style>
            </head>
            <body>
            <h1>absorb · session summary</h1>

            """
        out += "<p class=\"meta\"><strong>\(h(whoText))</strong> · \(h(report.targets.lifeStage))</p>\n"
        out += "<p class=\"meta\">\(h(periodText)) · \(h(loggedText)).</p>\n"
        if let note = report.targets.defaultsNote { out += "<p class=\"note\">\(h(note))</p>\n" }
        out += "<h2>Averages against targets</h2>\n"
        out += averagesChart()
        out += "<table>\n<thead><tr><th>Nutrient</th><th>Average a day</th><th>Target</th><th>%</th><th>Status</th><th>Data</th><th>Day by day</th></tr></thead>\n<tbody>\n"
        for score in report.scores {
            out += "<tr><td>\(h(score.nutrient.name))</td><td class=\"num\">\(h(amountText(score.amount, score.nutrient)))</td>"
                + "<td>\(h(targetText(score)))</td><td class=\"num\">\(score.percent.map(Format.percent) ?? "—")</td>"
                + "<td class=\"\(score.status.rawValue)\">\(h(judgement(score)))</td><td class=\"num\">\(coverageText(score))</td>"
                + "<td>\(sparkline(daily[score.nutrient] ?? [], nutrient: score.nutrient))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if !review.cautions.isEmpty {
            out += "<h2>Cautions</h2>\n<ul class=\"cautions\">\n" + review.cautions.map { "<li><strong>\(h($0.sentence))</strong></li>\n" }.joined() + "</ul>\n"
        }
        out += "<h2>Gaps and a plan to close them</h2>\n"
        if gaps.isEmpty {
            out += "<p>\(report.entries.isEmpty ? "Nothing logged in these days." : "No gaps: every target is met on average.")</p>\n"
        } else {
            out += "<p>Below target on average: " + gaps.map { "\(h($0.nutrient.name)) (\(Format.percent($0.percent ?? 0)) %)" }.joined(separator: ", ") + ".</p>\n"
            out += "<ul>\n" + planLines().map { "<li>\(h($0))</li>\n" }.joined() + "</ul>\n"
        }
        out += "<h2>Fat pairing</h2>\n<p>Vitamins A, D, E and K are absorbed with fat: meals with less than \(Format.number(pairing.thresholdGrams)) g of fat are noted.</p>\n"
        out += "<ul>\n" + pairingLines().map { "<li>\(h($0))</li>\n" }.joined() + "</ul>\n"
        out += "<h2>Data coverage</h2>\n"
        let coverage = coverageLines()
        out += coverage.isEmpty ? "<p>Every food logged has a value for every nutrient.</p>\n"
            : "<ul>\n" + coverage.map { "<li>\(h($0))</li>\n" }.joined() + "</ul>\n"
        out += "<h2>Top sources</h2>\n<table>\n<thead><tr><th>Nutrient</th><th>Foods that gave the most</th></tr></thead>\n<tbody>\n"
        for nutrient in Nutrient.allCases { out += "<tr><td>\(h(nutrient.name))</td><td>\(h(sourceText(nutrient)))</td></tr>\n" }
        out += "</tbody>\n</table>\n"
        if let skinGut { out += skinGut.html(h: h, f: f) }
        if let trial {
            let lines = trialLines(trial)
            out += "<h2>\(h(lines[0]))</h2>\n<ul class=\"trial\">\n" + lines.dropFirst().map { "<li>\(h($0.trimmingCharacters(in: .whitespaces)))</li>\n" }.joined() + "</ul>\n"
        }
        out += "<footer>Food values: USDA SR28. Targets: Dietary Reference Intakes (\(h(report.targets.lifeStage))). Made by absorb \(Absorb.configuration.version).</footer>\n"
        out += "</body>\n</html>\n"
        return out
    }

    /// Horizontal bars of each nutrient's average as a percent of its target, to `barTopPercent`,
    /// with the target line at 100 %.
    private func averagesChart() -> String {
        let label = 190.0, barWidth = 520.0, row = 24.0, top = 22.0
        let height = top + row * Double(report.scores.count) + 6
        let scaleTop = Self.barTopPercent
        let scale = barWidth / scaleTop
        var svg = "<figure style=\"margin:0 0 12px\"><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(Int(label + barWidth + 70))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(label + barWidth + 70)) \(Int(height))\">\n"
        svg += "<title>Daily average as a percent of each target</title>\n"
        for mark in stride(from: 0, through: Int(scaleTop), by: 50) {
            let x = label + Double(mark) * scale
            svg += "<line x1=\"\(f(x))\" y1=\"\(f(top - 4))\" x2=\"\(f(x))\" y2=\"\(f(height - 4))\" stroke=\"\(mark == 100 ? "#222" : "#ddd")\" stroke-width=\"\(mark == 100 ? 2 : 1)\"/>"
            svg += "<text x=\"\(f(x))\" y=\"12\" text-anchor=\"middle\">\(mark) %</text>\n"
        }
        for (i, score) in report.scores.enumerated() {
            let y = top + row * Double(i)
            svg += "<text x=\"\(f(label - 8))\" y=\"\(f(y + 15))\" text-anchor=\"end\">\(h(score.nutrient.name))</text>"
            if let percent = score.percent {
                let width = max(1, min(percent, scaleTop) * scale)
                svg += "<rect class=\"bar \(score.status.rawValue)\" x=\"\(f(label))\" y=\"\(f(y + 4))\" width=\"\(f(width))\" height=\"\(f(row - 8))\" fill=\"\(color(score.status))\"/>"
                svg += "<text x=\"\(f(label + width + 6))\" y=\"\(f(y + 15))\">\(Format.percent(percent)) %\(percent > scaleTop ? " ▸" : "")</text>\n"
            } else {
                svg += "<text x=\"\(f(label + 6))\" y=\"\(f(y + 15))\" fill=\"#777\">\(score.target.value == nil ? "no target" : "no data")</text>\n"
            }
        }
        svg += "</svg></figure>\n"
        return svg
    }

    /// A small line of each day's percent of target (gaps where nothing was logged), with
    /// the target as a dashed line.
    private func sparkline(_ values: [Double?], nutrient: Nutrient) -> String {
        let width = 140.0, height = 28.0
        guard values.contains(where: { $0 != nil }) else { return "—" }
        let top = max(Self.barTopPercent, values.compactMap { $0 }.max() ?? 0)
        let step = values.count > 1 ? width / Double(values.count - 1) : 0
        func y(_ percent: Double) -> Double { height - 2 - (min(percent, top) / top) * (height - 4) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"spark\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\"><title>\(h(nutrient.name)), % of target each day</title>"
        svg += "<line x1=\"0\" y1=\"\(f(y(100)))\" x2=\"\(f(width))\" y2=\"\(f(y(100)))\" stroke=\"#999\" stroke-dasharray=\"3 2\"/>"
        var run: [String] = []
        func flush() {
            if run.count > 1 { svg += "<polyline fill=\"none\" stroke=\"#2b5fab\" stroke-width=\"1.5\" points=\"\(run.joined(separator: " "))\"/>" }
            run = []
        }
        for (i, value) in values.enumerated() {
            guard let value else { flush(); continue }
            let point = "\(f(Double(i) * step)),\(f(y(value)))"
            run.append(point)
            svg += "<circle cx=\"\(f(Double(i) * step))\" cy=\"\(f(y(value)))\" r=\"1.8\" fill=\"#2b5fab\"/>"
        }
        flush()
        return svg + "</svg>"
    }

    private func color(_ status: NutrientStatus) -> String {
        switch status {
        case .veryLow: "#c0392b"
        case .low: "#e08e0b"
        case .met: "#2e8b3d"
        case .aboveUL: "#7b1fa2"
        case .noData, .noTarget: "#999999"
        }
    }

    func f(_ value: Double) -> String { String(format: "%.1f", value) }

    func h(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
