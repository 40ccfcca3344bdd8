import Foundation
import Journal
import NutrientModel

/// The skin-and-gut part of a session summary: the gut's week, and each tracked scale over
/// the last 30 or 90 days beside a figure the person chose. Computed by the model
/// (`Review.gut`, `SkinGutReview`); formatted here.
struct SkinGutSummary {
    /// The gut's figures of the range's last 7 days.
    let gut: GutReport
    let gutRange: DateRange
    /// The scales over the skin range, beside the figure.
    let review: SkinGutReview
    let scales: CheckInScales
    let checkInCount: Int

    init(session: Session, range: DateRange, days: Int, figure: GutFigure) throws {
        gutRange = DateRange(from: max(range.from, range.to.adding(days: -6)), to: range.to)
        let skinRange = DateRange(from: range.to.adding(days: -(days - 1)), to: range.to)
        let doses = try session.journal.probiotics(profileID: session.profile.id, in: skinRange).map(\.dose)
        gut = session.data.review(try session.report(gutRange), probiotics: doses).gut
        let checkIns = try session.journal.checkIns(profileID: session.profile.id, in: skinRange)
        checkInCount = checkIns.count
        review = session.data.skinGutReview(report: try session.report(skinRange), checkIns: checkIns,
                                            tracked: session.profile.profile.trackedScales, figure: figure, probiotics: doses)
        scales = session.data.checkInScales
    }

    private func number(_ value: Double?, _ decimals: Int = 1) -> String { value.map { Format.number($0, decimals: decimals) } ?? "—" }

    /// The gut's week as lines of plain text.
    func gutLines() -> [String] {
        var lines: [String] = []
        let fibreTarget = gut.fibreTarget.map { " (AI for the energy logged: \(Format.number($0, decimals: 0)) g)" } ?? ""
        lines.append(gut.loggedDays == 0 ? "Fibre: nothing logged." : "Fibre: \(Format.number(gut.fibreGramsPerDay, decimals: 1)) g a day over \(gut.loggedDays) logged day\(gut.loggedDays == 1 ? "" : "s")\(fibreTarget).")
        if gut.fermentedFoods.isEmpty {
            lines.append("Fermented foods: none logged.")
        } else {
            let foods = gut.fermentedFoods.map { food -> String in
                let live = food.liveCultures == .yes ? "likely live cultures" : food.liveCultures == .no ? "no live cultures" : "live cultures not known"
                return "\(food.description) \(Format.number(food.servings, decimals: 1)) (\(live))"
            }
            lines.append("Fermented foods: \(Format.number(gut.fermentedServings, decimals: 1)) servings, \(Format.number(gut.liveCultureServings, decimals: 1)) likely with live cultures — \(foods.joined(separator: "; ")).")
        }
        lines.append(gut.prebioticServings == 0 ? "Prebiotic foods (inulin-type fructans): none logged."
                     : "Prebiotic foods (inulin-type fructans): \(Format.number(gut.prebioticServings, decimals: 1)) servings — \(gut.prebioticKinds.map { "\($0.kind) \(Format.number($0.servings, decimals: 1))" }.joined(separator: ", ")).")
        let doses = gut.probioticDoses
        lines.append(doses.isEmpty ? "Probiotics: none logged."
                     : "Probiotics: \(gut.probioticDays) of \(gut.days) days — \(Set(doses.map(\.strain)).sorted().joined(separator: "; ")).")
        return lines
    }

    /// "Itch: 12 days recorded, average 4.2, latest 3 (Tue 24 Nov)".
    func scaleLine(_ series: SkinGutReview.ScaleSeries) -> String {
        guard series.recordedDays > 0 else { return "\(series.name): not recorded in these days." }
        var text = "\(series.name): \(series.recordedDays) day\(series.recordedDays == 1 ? "" : "s") recorded, average \(number(series.average)), latest \(series.latest!)"
        if let band = series.latestBand { text += " (\(band))" }
        text += " on \(series.latestDate!.longDescription)"
        if series.scale.isWeekly, let change = series.weeklyChange {
            text += "; weekly average from the first week to the last \(change >= 0 ? "+" : "")\(Format.number(change, decimals: 1))"
        }
        return text + "."
    }

    var figureTitle: String { "\(review.figure.name) (\(review.figure.unit))" }

    // MARK: Markdown

    func markdown(md: (String) -> String) -> String {
        var out = "\n## Skin and gut\n\n"
        out += "### The gut's week (\(gutRange.from.longDescription) – \(gutRange.to.longDescription))\n\n"
        out += gutLines().map { "- \(md($0))\n" }.joined()
        out += "\n### Check-ins over \(review.range.dayCount) days, beside \(md(figureTitle))\n\n"
        guard checkInCount > 0 else {
            out += "No check-ins from \(review.range.from.longDescription) to \(review.range.to.longDescription): `absorb check-in` records one.\n"
            return out
        }
        out += review.scales.map { "- \(md(scaleLine($0)))\n" }.joined()
        let daily = review.scales.filter { !$0.scale.isWeekly && $0.recordedDays > 0 }
        if !daily.isEmpty {
            out += "\nDay by day (days with a check-in):\n\n| Day | " + daily.map { md($0.name) }.joined(separator: " | ") + " | \(md(figureTitle)) |\n"
            out += "| --- |" + String(repeating: " ---: |", count: daily.count + 1) + "\n"
            for index in 0..<review.range.dayCount where daily.contains(where: { $0.daily[index] != nil }) {
                let day = review.range.from.adding(days: index)
                out += "| \(day) | " + daily.map { $0.daily[index].map(String.init) ?? "—" }.joined(separator: " | ")
                    + " | \(number(review.figureDaily[index])) |\n"
            }
        }
        if let poem = review.scales.first(where: { $0.scale == .poem }), poem.recordedDays > 0 {
            out += "\nPOEM by week, beside the week's average \(md(figureTitle)) a day:\n\n| Week | POEM | Band | \(md(review.figure.name)) |\n| --- | ---: | --- | ---: |\n"
            for (index, week) in review.weeks.enumerated() where poem.weekly[index] != nil {
                let average = poem.weekly[index]!
                out += "| \(week.from) – \(week.to) | \(Format.number(average, decimals: 1)) | \(md(scales.band(ofAverage: average, on: .poem)?.name ?? "")) | \(number(review.figureWeekly[index])) |\n"
            }
        }
        for note in review.notes.suffix(10) { out += "\n> \(note.date): \(md(note.note))" }
        if !review.notes.isEmpty { out += "\n" }
        out += "\nScales: \(md(review.scales.map { scales.definition($0.scale).source }.joined(separator: "; "))). A change beside a food is not proof that the food caused it.\n"
        return out
    }

    // MARK: HTML

    func html(h: (String) -> String, f: (Double) -> String) -> String {
        var out = "<h2>Skin and gut</h2>\n"
        out += "<h3>The gut's week (\(h(gutRange.from.longDescription)) – \(h(gutRange.to.longDescription)))</h3>\n"
        out += "<ul class=\"gut\">\n" + gutLines().map { "<li>\(h($0))</li>\n" }.joined() + "</ul>\n"
        out += "<h3>Check-ins over \(review.range.dayCount) days, beside \(h(figureTitle))</h3>\n"
        guard checkInCount > 0 else {
            return out + "<p>No check-ins from \(h(review.range.from.longDescription)) to \(h(review.range.to.longDescription)): <code>absorb check-in</code> records one.</p>\n"
        }
        out += "<ul>\n" + review.scales.map { "<li>\(h(scaleLine($0)))</li>\n" }.joined() + "</ul>\n"
        for series in review.scales where series.recordedDays > 0 {
            out += chart(series, h: h, f: f)
        }
        if !review.notes.isEmpty {
            out += "<ul class=\"notes\">\n" + review.notes.suffix(10).map { "<li>\($0.date): \(h($0.note))</li>\n" }.joined() + "</ul>\n"
        }
        out += "<p class=\"meta\">Scales: \(h(review.scales.map { scales.definition($0.scale).source }.joined(separator: "; "))). A change beside a food is not proof that the food caused it.</p>\n"
        return out
    }

    /// One scale against the figure: daily scales day by day, POEM week by week against the
    /// figure's weekly averages. The figure is grey bars to its own maximum; the scale a blue
    /// line over its whole range (gaps where not recorded).
    private func chart(_ series: SkinGutReview.ScaleSeries, h: (String) -> String, f: (Double) -> String) -> String {
        let weekly = series.scale.isWeekly
        let values: [Double?] = weekly ? series.weekly : series.daily.map { $0.map(Double.init) }
        let figure = weekly ? review.figureWeekly : review.figureDaily
        let left = 44.0, right = 64.0, plot = 600.0, top = 14.0, height = 110.0
        let width = left + plot + right
        let slot = plot / Double(max(1, values.count))
        let figureTop = max(figure.compactMap { $0 }.max() ?? 0, 1e-9)
        let low = Double(series.range.lowerBound), high = Double(series.range.upperBound)
        func y(_ value: Double) -> Double { top + height - (value - low) / max(high - low, 1) * height }
        let what = weekly ? "weekly average" : "each day"
        var svg = "<figure style=\"margin:8px 0 12px\"><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"skin-gut\" width=\"\(Int(width))\" height=\"\(Int(top + height + 20))\" viewBox=\"0 0 \(Int(width)) \(Int(top + height + 20))\">\n"
        svg += "<title>\(h(series.name)), \(what), beside \(h(figureTitle))\(weekly ? ", weekly average" : "")</title>\n"
        for (i, value) in figure.enumerated() {
            guard let value, value > 0 else { continue }
            let barHeight = value / figureTop * height
            svg += "<rect class=\"figure\" x=\"\(f(left + Double(i) * slot + slot * 0.15))\" y=\"\(f(top + height - barHeight))\" width=\"\(f(slot * 0.7))\" height=\"\(f(barHeight))\" fill=\"#d5d5d5\"/>"
        }
        svg += "\n<line x1=\"\(f(left))\" y1=\"\(f(top + height))\" x2=\"\(f(left + plot))\" y2=\"\(f(top + height))\" stroke=\"#999\"/>\n"
        svg += "<text x=\"\(f(left - 6))\" y=\"\(f(y(high) + 4))\" text-anchor=\"end\">\(Int(high))</text><text x=\"\(f(left - 6))\" y=\"\(f(y(low)))\" text-anchor=\"end\">\(Int(low))</text>\n"
        svg += "<text x=\"\(f(left + plot + 6))\" y=\"\(f(top + 4))\">\(h(Format.number(figureTop, decimals: 1)))</text><text x=\"\(f(left + plot + 6))\" y=\"\(f(top + 16))\" fill=\"#777\">\(h(review.figure.unit))</text>\n"
        var run: [String] = []
        func flush() {
            if run.count > 1 { svg += "<polyline class=\"scale\" fill=\"none\" stroke=\"#2b5fab\" stroke-width=\"1.8\" points=\"\(run.joined(separator: " "))\"/>" }
            run = []
        }
        for (i, value) in values.enumerated() {
            guard let value else { flush(); continue }
            let x = left + (Double(i) + 0.5) * slot
            run.append("\(f(x)),\(f(y(value)))")
            svg += "<circle cx=\"\(f(x))\" cy=\"\(f(y(value)))\" r=\"2.4\" fill=\"#2b5fab\"/>"
        }
        flush()
        let first = weekly ? review.weeks.first!.from : review.range.from
        svg += "\n<text x=\"\(f(left))\" y=\"\(f(top + height + 14))\">\(first)</text><text x=\"\(f(left + plot))\" y=\"\(f(top + height + 14))\" text-anchor=\"end\">\(review.range.to)</text>\n"
        svg += "<text x=\"\(f(left + 4))\" y=\"\(f(top - 2))\" fill=\"#2b5fab\">\(h(series.name))\(weekly ? " (weekly)" : "")</text>\n"
        return svg + "</svg></figure>\n"
    }
}
