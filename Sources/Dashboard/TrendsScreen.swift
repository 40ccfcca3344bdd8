import NutrientModel

/// Each nutrient over the last 30 days, with its 7- and 30-day averages, and the week's
/// gut and balance figures.
enum TrendsScreen: ScreenComponent {
    enum Command: Sendable { case move(DayMove), back }

    static let helpTitle = "Trends"

    static let bindings: [KeyBinding<Command>] = DayMove.bindings(Command.move, weekInBar: true, todayInBar: { _ in true }, compact: true) + [
        KeyBinding([.character("w"), .backspace], "w", "back", .back),
    ]

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch command {
        case .move(let move): DayMove.perform(move, &state)
        case .back: state.pop()
        }
        return []
    }

    static func title(_ state: AppState) -> String? { "Trends \(state.glyphs.dot) 30 days to \(state.day.longDescription)" }

    static func statusLine(_ state: AppState) -> StatusLine? {
        let week = state.report(days: 7), month = state.report(days: 30)
        return .note("Averages over \(week.loggedDays) and \(Format.count(month.loggedDays, "logged day", "logged days")); \(state.glyphs.noData) = nothing logged (not zero)",
                     color: nil, dim: true)
    }

    static func draw(_ painter: inout Painter, in area: Area) { painter.trends(in: area) }
}

extension Painter {
    // MARK: Trends

    /// Each nutrient over the last 30 days: a column per day scaled so that the target is
    /// the second-highest level, days with nothing logged as a dot, and the 7- and 30-day
    /// averages over the logged days.
    mutating func trends(in area: Area) {
        let week = state.report(days: 7)
        let month = state.report(days: 30)
        let nameWidth = width >= 110 ? 31 : 12
        let chartX = nameWidth + 2
        canvas.write("Nutrient", x: 1, y: 1, style: CellStyle(bold: true))
        let rowsPerNutrient = height >= 40 ? 4 : height >= 30 ? 3 : height >= 24 ? 2 : 1
        // The target is 7/8 of the chart's height: the glyph its top cell shows there.
        let targetEighths = rowsPerNutrient * 7 - (rowsPerNutrient - 1) * 8
        canvas.write("last 30 days, top \(glyphs.levels[targetEighths - 1]) = target", x: chartX, y: 1, style: CellStyle(dim: true))
        canvas.writeRight("7-day  30-day", right: width - 1, y: 1, style: CellStyle(bold: true))
        // The days of the 30-day report, each scored once for all nutrients.
        let daily = month.dayReports(scorer: state.data.scorer)
        for (row, nutrient) in Nutrient.allCases.enumerated() {
            let top = 2 + row * rowsPerNutrient
            guard top + rowsPerNutrient <= height - 3 else { break }
            let bottom = top + rowsPerNutrient - 1
            // The name, the dots of days with nothing logged and the averages on the block's top
            // row: a bar two rows high reads as the nutrient named above it, never the one before.
            canvas.write(width >= 110 ? nutrient.name : nutrient.shortName, x: 1, y: top, maxWidth: nameWidth)
            // A column a day, stopping 16 columns short of the right edge (the averages' room).
            let chart = Area(x: chartX, y: top, width: max(0, width - 16 - chartX), height: rowsPerNutrient)
            let columns = daily.map { report -> ColumnChart.Column in
                guard !report.entries.isEmpty else { return .noData }
                // Eighths over all the rows: the target sits at 7/8 of the height.
                let score = report.scores[row]
                return .fraction((score.percent ?? 0) / 100 * 7 / 8, rows: rowsPerNutrient, color(statusColor(score.status)))
            }
            ColumnChart(columns: columns, levels: glyphs.levels, noData: glyphs.noData).draw(into: &canvas, in: chart)
            // A day logged with no figure for the nutrient at all: a mark at the column's foot.
            for (offset, report) in daily.enumerated() where chartX + offset < chart.x + chart.width && !report.entries.isEmpty {
                let score = report.scores[row]
                if score.percent == nil, score.amount == nil {
                    canvas.write(String(glyphs.incomplete), x: chartX + offset, y: bottom, style: color(.yellow))
                }
            }
            // Above an upper limit the mark says so beside the figure: colour is never the only sign.
            func text(_ score: NutrientScore) -> String {
                (score.percent.map { Format.percent($0) + " %" } ?? "—") + (score.status == .aboveUL ? String(glyphs.aboveUL) : "")
            }
            let weekText = text(week.scores[row])
            let monthText = text(month.scores[row])
            canvas.writeRight(weekText, right: width - 9, y: top, style: color(statusColor(week.scores[row].status)))
            canvas.writeRight(monthText, right: width - 1, y: top, style: color(statusColor(month.scores[row].status), bold: true))
        }
        // Gut and balance over the 7 days: information, not scores.
        let balance = state.review(of: week).balance
        if balance.days > 0 {
            let fibreTarget = balance.fibreTarget.map { " of \(Format.amount($0)) g" } ?? " g (AI \(balance.referencesNotSet ?? "not set"))"
            var parts = ["7-day: fibre \(Format.amount(balance.fibreGrams))\(fibreTarget)",
                         "fermented \(Format.number(balance.fermentedServingsPerDay, decimals: 1)) \(Format.number(balance.fermentedServingsPerDay, decimals: 1) == "1" ? "serving" : "servings")/day"]
            if let ratio = balance.ratio {
                let allowed = balance.ratioRangeFromAMDRs.map { "AMDRs allow \(Format.number($0.lowerBound, decimals: 1))-\(Format.number($0.upperBound, decimals: 1))" }
                    ?? "AMDRs \(balance.referencesNotSet ?? "not set")"
                parts.append("LA:ALA \(Format.number(ratio, decimals: 1)):1 (\(allowed))")
            }
            // Wrapped onto the row above where the chart leaves it free, else elided.
            let text = " " + parts.joined(separator: " \(glyphs.dot) ")
            let lines = Self.wrap(text, width: width - 1, indent: "   ")
            let chartBottom = 2 + Nutrient.allCases.count * rowsPerNutrient
            if lines.count == 2, chartBottom <= height - 4 {
                canvas.write(lines[0], x: 0, y: height - 4)
                canvas.write(lines[1], x: 0, y: height - 3)
            } else {
                canvas.write(Self.clip(text, to: width, glyphs: glyphs), x: 0, y: height - 3)
            }
        }
    }

}
