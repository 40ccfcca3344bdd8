import NutrientModel

/// A nutrient's detail: the figure, target and upper limit with their sources, why it
/// matters for skin, cautions and fat pairing, the foods it came from, the foods with no
/// value for it, and the last 14 days.
enum DetailScreen: ScreenComponent {
    enum Command: Sendable { case move(DayMove), previous, next, back, sources, add }

    static let helpTitle = "Detail"

    static let bindings: [KeyBinding<Command>] = [
        KeyBinding([.up, .character("k")], "↑↓ j k", "another nutrient", bar: "↑↓ nutrient", .previous),
        KeyBinding([.down, .character("j")], "↑↓ j k", "another nutrient", .next),
    ] + DayMove.bindings(Command.move, compact: true) + [
        KeyBinding([.character("f")], "f", "best foods for it", bar: "f best foods", .sources),
        KeyBinding([.character("a"), .character("/")], "a /", "add a food", bar: "a add", .add),
        KeyBinding([.enter, .backspace], "⏎", "back to the day", .back),
    ]

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard case .detail(let nutrient) = state.screen else { return [] }
        let all = Nutrient.allCases
        let index = all.firstIndex(of: nutrient)!
        switch command {
        case .move(let move): DayMove.perform(move, &state)
        case .previous:
            state.screen = .detail(all[max(0, index - 1)])
            state.selectedNutrient = max(0, index - 1)
        case .next:
            state.screen = .detail(all[min(all.count - 1, index + 1)])
            state.selectedNutrient = min(all.count - 1, index + 1)
        case .back:
            state.selectedNutrient = index
            state.pop()
        case .sources:
            state.push(.sources(nutrient))
            state.makeRanking()
        case .add:
            state.push(.addFood(search("", in: state)))
        }
        return []
    }

    static func title(_ state: AppState) -> String? { Painter.dayTitle(state) }

    static func draw(_ painter: inout Painter, in area: Area) {
        guard case .detail(let nutrient) = painter.state.screen else { return }
        painter.detail(nutrient, in: area)
    }
}

extension Painter {
    // MARK: Nutrient detail

    mutating func detail(_ nutrient: Nutrient, in area: Area) {
        let report = state.report(days: 1)
        let score = report.score(of: nutrient)
        let target = score.target
        var y = 1
        canvas.write(" \(nutrient.name)", x: 0, y: y, style: CellStyle(bold: true))
        let amount = score.amount.map { "\(Format.amount($0)) \(nutrient.unit)" } ?? "no data"
        let percent = score.percent.map { " = \(Format.percent($0)) % of target" } ?? ""
        canvas.writeRight("\(amount)\(percent) \(glyphs.mark(score.status))", right: width - 1, y: y,
                          style: color(statusColor(score.status), bold: true))
        y += 1
        let targetText = target.value.map { "\(Format.number($0)) \(nutrient.unit) \(target.kind?.rawValue ?? "")" } ?? "none for this life stage"
        let replaces = target.replacedReference.map { " (replaces \($0.value.map { Format.number($0) } ?? "none") \($0.kind?.rawValue ?? "") \(glyphs.dot) \($0.source))" } ?? ""
        canvas.write(Self.clip(Self.forReaders(" Target: \(targetText) \(glyphs.dot) \(target.source)\(replaces)"), to: width, glyphs: glyphs), x: 0, y: y)
        y += 1
        if let limit = target.upperLimit, let unit = target.upperLimitUnit, let basisText = target.upperLimitText {
            let over = score.upperLimitAmount.map { ", today \(Format.amount($0)) \(unit)" } ?? ""
            // Today's figure is the point of the line: where it does not fit, the line wraps
            // (on a small screen the figure comes first) rather than cut it.
            let full = " Upper limit: \(Format.amount(limit)) \(unit) of \(basisText)\(over)"
            let style = score.status == .aboveUL ? color(.magenta, bold: true) : CellStyle.plain
            if full.count <= width - 1 {
                canvas.write(full, x: 0, y: y, style: style)
            } else if height >= 30 {
                for line in Self.wrap(full, width: width - 1, indent: "   ").prefix(2) {
                    canvas.write(line, x: 0, y: y, style: style)
                    y += 1
                }
                y -= 1
            } else {
                let short = " Upper limit: \(Format.amount(limit)) \(unit)\(over) (of \(basisText))"
                canvas.write(Self.clip(short, to: width - 1, glyphs: glyphs), x: 0, y: y, style: style)
            }
        } else {
            canvas.write(" Upper limit: none set", x: 0, y: y, style: CellStyle(dim: true))
        }
        y += 1
        let review = state.review(of: report)
        let cautions = review.cautions.filter { $0.nutrient == nutrient }
        // A caution comes first: on a small screen it takes the room of the skin note and
        // the chart rather than be cut.
        let roomy = height >= 40 || (cautions.isEmpty && height >= 24)
        if roomy { y = skinNote(nutrient, y: y) }
        let showChart = cautions.isEmpty || height >= 30
        let chartHeight = showChart ? (height >= 30 ? 8 : 5) : -1
        let cautionBottom = height - (showChart ? 6 : 8) - chartHeight
        for caution in cautions where y <= cautionBottom {
            for line in Self.wrap("   \(glyphs.aboveUL) " + Self.forReaders(caution.sentence), width: width - 1, indent: "     ")
                .prefix(max(0, cautionBottom - y + 1)) {
                canvas.write(line, x: 0, y: y, style: color(.magenta, bold: true))
                y += 1
            }
        }
        if nutrient.isFatSolubleVitamin, !report.entries.isEmpty {
            let pairing = review.fatPairing
            let share = pairing.withoutAdvice.contains(nutrient) ? FatPairingReport.noAdviceText
                : pairing.pairedShare[nutrient].map { "\(Format.percent($0 * 100)) % eaten in meals with at least \(Format.number(pairing.thresholdGrams)) g fat" } ?? "none eaten"
            if y <= height - 5 - chartHeight {
                canvas.write(Self.clip("   Fat pairing: \(share)", to: width, glyphs: glyphs), x: 0, y: y, style: CellStyle(dim: true))
                y += 1
            }
            for flag in pairing.flags where flag.nutrient == nutrient && y <= height - 5 - chartHeight {
                let text = "   \(glyphs.fatFlag) \(state.data.meals.label(of: flag.meal)): \(Format.amount(flag.amount)) \(nutrient.unit) with \(Format.number(flag.fatGrams, decimals: 1)) g fat: \(flag.suggestion)"
                for line in Self.wrap(text, width: width - 1, indent: "     ").prefix(max(0, height - 5 - chartHeight - y + 1)) {
                    canvas.write(line, x: 0, y: y, style: color(.yellow))
                    y += 1
                }
            }
        }
        rule(y)
        canvas.write(" Where it came from ", x: 2, y: y, style: CellStyle(bold: true))
        y += 1
        // Each food's contribution today, largest first, with its share: the model's.
        let contributions = review.sources[nutrient] ?? []
        // The foods with no value get their row first: a low figure may be missing data.
        let missingRows = score.missingDataFoods.isEmpty ? 0 : 1
        let listBottom = height - 4 - chartHeight - 1 - missingRows
        if contributions.isEmpty {
            canvas.write(report.entries.isEmpty ? "   nothing logged on this day" : "   no logged food has a value",
                         x: 0, y: y, style: CellStyle(dim: true))
            y += 1
        }
        let names = contributions.map { state.foodName($0.foodID) }
        for (index, item) in contributions.enumerated() where y <= listBottom {
            if y == listBottom, contributions.count > index + 1 {
                canvas.write("   and \(Format.count(contributions.count - index, "more food", "more foods"))", x: 0, y: y, style: CellStyle(dim: true))
                y += 1
                break
            }
            let right = "\(Format.amount(item.amount)) \(nutrient.unit)  \(Format.percent(item.share * 100).leftPad(3)) %"
            let grams = " (\(Format.number(item.grams, decimals: 1)) g)"
            let room = width - right.count - 3 - 3 - grams.count
            canvas.write("   \(Self.elide(state.foodName(item.foodID), to: room, among: names, glyphs: glyphs))\(grams)", x: 0, y: y, maxWidth: width - right.count - 3)
            canvas.writeRight(right, right: width - 1, y: y)
            y += 1
        }
        if !score.missingDataFoods.isEmpty {
            let coverage = score.coverage.map { "\(Format.percent($0 * 100)) %" } ?? "—"
            let lead = "   \(glyphs.incomplete) No value (coverage \(coverage)): "
            // As many of the foods as fit, then how many more.
            var shown: [String] = []
            for (index, food) in score.missingDataFoods.enumerated() {
                let rest = score.missingDataFoods.count - index - 1
                let tail = rest > 0 ? "; and \(rest) more" : ""
                let candidate = (shown + [food]).joined(separator: "; ")
                if lead.count + candidate.count + tail.count <= width - 1 { shown.append(food) } else { break }
            }
            let more = score.missingDataFoods.count - shown.count
            var text = lead + shown.joined(separator: "; ")
            if shown.isEmpty { text = lead + Self.clip(score.missingDataFoods[0], to: max(4, width - 1 - lead.count - 12), glyphs: glyphs) + (more > 1 ? "; and \(more - 1) more" : "") }
            else if more > 0 { text += "; and \(more) more" }
            canvas.write(text, x: 0, y: y, style: color(.yellow), maxWidth: width - 1)
            y += 1
        }
        // Where there is room, the day's meals that carried it, with their fat (the model's
        // fat pairing): which meal to pair with fat.
        let mealRows = height - 5 - chartHeight - y
        if height >= 30, nutrient.isFatSolubleVitamin, mealRows >= 2 {
            let meals = review.fatPairing.meals.filter { $0.date == state.day && ($0.vitamins[nutrient] ?? 0) > 0 }
            if !meals.isEmpty {
                let parts = meals.map { meal -> String in
                    let flagged = meal.flags.contains { $0.nutrient == nutrient }
                    return "\(state.data.meals.label(of: meal.meal)) \(Format.amount(meal.vitamins[nutrient] ?? 0)) \(nutrient.unit) with \(Format.number(meal.fatGrams, decimals: 1)) g fat\(flagged ? " \(glyphs.fatFlag)" : "")"
                }
                y += 1
                for line in Self.wrap("   By meal: " + parts.joined(separator: " \(glyphs.dot) "), width: width - 1, indent: "     ").prefix(mealRows - 1) {
                    canvas.write(line, x: 0, y: y, style: CellStyle(dim: true))
                    y += 1
                }
            }
        }
        if showChart { chart(nutrient, top: height - 3 - chartHeight, rows: chartHeight) }
    }

    /// The last 14 days as columns scaled to 1.5 × target, with the target as a line.
    mutating func chart(_ nutrient: Nutrient, top: Int, rows: Int) {
        rule(top - 1)
        canvas.write(" Last 14 days, % of target ", x: 2, y: top - 1, style: CellStyle(bold: true))
        let columnWidth = max(3, min(6, (width - 8) / 14))
        let left = 6
        let percents = state.report(days: 14).dayReports(scorer: state.data.scorer).map { $0.score(of: nutrient).percent }
        let scale = 150.0
        let targetLevel = ColumnChart.level(of: 100 / scale, rows: rows)
        canvas.writeRight("100", right: left - 1, y: top + rows - 1 - targetLevel, style: CellStyle(dim: true))
        canvas.writeRight("0", right: left - 1, y: top + rows - 1, style: CellStyle(dim: true))
        // A column a day, a blank cell between; the target as a rule where a column stops below it.
        let columns = percents.map { percent in
            ColumnChart.Column.fraction(min(percent ?? 0, scale) / scale, rows: rows, color((percent ?? 0) >= 100 ? .green : .yellow))
        }
        ColumnChart(columns: columns, levels: glyphs.levels, noData: glyphs.noData, columnWidth: columnWidth - 1, gap: 1,
                    blank: (" ", CellStyle(dim: true)), line: .init(level: targetLevel, character: glyphs.rule, style: CellStyle(dim: true)))
            .draw(into: &canvas, in: Area(x: left, y: top, width: width - left, height: rows))
        for (index, percent) in percents.enumerated() {
            let x = left + index * columnWidth
            let date = state.day.adding(days: index - 13)
            let label = percent.map(Format.percent) ?? (state.entries(on: date).isEmpty ? "·" : "?")
            canvas.write(String(label.suffix(columnWidth - 1)), x: x, y: top + rows, style: date == state.day ? CellStyle(bold: true) : CellStyle(dim: true))
        }
    }

}
