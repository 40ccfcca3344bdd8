import NutrientModel

/// Draws the state into a canvas of its size: the whole screen is a pure function of
/// the state.
public func render(_ state: AppState) -> Canvas {
    var canvas = Canvas(width: state.width, height: state.height)
    if state.isTooSmall {
        drawTooSmall(&canvas, state)
        return canvas
    }
    var painter = Painter(canvas: canvas, state: state)
    switch state.screen {
    case .day: painter.day()
    case .detail(let nutrient): painter.detail(nutrient)
    case .addFood(let search): painter.addFood(search)
    case .amount(let form): painter.amount(form)
    case .profile(let form): painter.profile(form)
    case .help(let from): painter.help(from)
    case .trends: painter.trends()
    case .gaps: painter.gaps()
    case .sources(let nutrient): painter.sources(nutrient)
    case .newFood(let form): painter.newFood(form)
    case .skinGut(let screen): painter.skinGut(screen)
    case .goToDate(let text, let error):
        painter.day()
        painter.prompt("Go to date (YYYY-MM-DD): \(text)", cursor: true, error: error,
                       keys: "⏎ go  Esc cancel")
    }
    return painter.canvas
}

private func drawTooSmall(_ canvas: inout Canvas, _ state: AppState) {
    let lines = [
        "Terminal too small",
        "\(state.width)×\(state.height); absorb needs",
        "\(AppState.minimumWidth)×\(AppState.minimumHeight).",
        "Enlarge it, or q quits.",
    ]
    let top = max(0, (state.height - lines.count) / 2)
    for (offset, line) in lines.enumerated() {
        let clipped = String(line.prefix(state.width))
        canvas.write(clipped, x: max(0, (state.width - clipped.count) / 2), y: top + offset,
                     style: offset == 0 ? CellStyle(bold: true) : .plain)
    }
}

/// Draws one screen into a canvas.
struct Painter {
    var canvas: Canvas
    let state: AppState
    var glyphs: Glyphs { state.glyphs }
    var width: Int { canvas.width }
    var height: Int { canvas.height }

    init(canvas: Canvas, state: AppState) {
        self.canvas = canvas
        self.state = state
    }

    func color(_ color: CellColor?, bold: Bool = false, reverse: Bool = false, dim: Bool = false) -> CellStyle {
        CellStyle(color: state.useColor ? color : nil, bold: bold, reverse: reverse, dim: dim)
    }

    func statusColor(_ status: NutrientStatus) -> CellColor? {
        switch status {
        case .veryLow: .red
        case .low: .yellow
        case .met: .green
        case .aboveUL: .magenta
        case .noData, .noTarget: nil
        }
    }

    // MARK: Shared parts

    mutating func title(_ right: String? = nil) {
        canvas.fill(" ", x: 0, y: 0, width: width, style: CellStyle(reverse: true))
        let person = state.profile.profile
        var who = person.name
        if let sex = person.sex { who += " \(glyphs.dot) \(sex == .female ? "F" : "M")" }
        if let age = person.ageText { who += " \(age)" }
        if person.condition != .none { who += " \(person.condition.rawValue)" }
        var end = canvas.write(" absorb ", x: 0, y: 0, style: CellStyle(bold: true, reverse: true))
        if let banner = state.banner {
            end = canvas.write(" \(banner) ", x: end, y: 0, style: color(.yellow, bold: true, reverse: true))
        }
        canvas.write(" \(who)", x: end, y: 0, style: CellStyle(reverse: true), maxWidth: width / 3)
        if let right {
            canvas.writeRight(right + " ", right: width, y: 0, style: CellStyle(reverse: true))
        }
    }

    /// Text broken into lines of at most `width` at spaces; later lines start with `indent`.
    static func wrap(_ text: String, width: Int, indent: String) -> [String] {
        var lines: [String] = []
        let lead = String(text.prefix { $0 == " " })
        var line = lead
        for word in text.dropFirst(lead.count).split(separator: " ") {
            let candidate = line.count == lead.count && lines.isEmpty ? line + word : line + " " + word
            if candidate.count > width, line.contains(where: { $0 != " " }) {
                lines.append(line)
                line = indent + word
            } else {
                line = candidate
            }
        }
        if line.count > lead.count || lines.isEmpty { lines.append(line) }
        return lines.map { String($0.prefix(width)) }
    }

    /// Text cut to a width, its last character an ellipsis where it was cut.
    static func clip(_ text: String, to width: Int, glyphs: Glyphs) -> String {
        guard text.count > width else { return text }
        guard width > 0 else { return "" }
        return String(text.prefix(width - 1)) + (glyphs == .ascii ? "~" : "…")
    }

    mutating func rule(_ y: Int) {
        canvas.fill(glyphs.rule, x: 0, y: y, width: width, style: CellStyle(dim: true))
    }

    /// The key bar: the last row, keys bold and their words plain.
    mutating func keyBar(_ keys: String) {
        let y = height - 1
        canvas.fill(" ", x: 0, y: y, width: width)
        // Where they do not all fit, the ones before the last two go first: help and
        // quit stay in reach on every screen.
        var items = keys.components(separatedBy: "  ").filter { !$0.isEmpty }
        while items.count > 2, items.reduce(1, { $0 + $1.count + 2 }) > width {
            items.remove(at: items.count - 3)
        }
        var x = 1
        for item in items {
            let parts = item.split(separator: " ", maxSplits: 1).map(String.init)
            if x + item.count > width - 1 { break }
            x = canvas.write(parts[0], x: x, y: y, style: CellStyle(bold: true))
            if parts.count > 1 { x = canvas.write(" " + parts[1], x: x, y: y) }
            x += 2
        }
    }

    /// The message line above the key bar.
    mutating func messageLine() {
        guard let message = state.message else { return }
        let style = message.isError ? color(.red, bold: true) : CellStyle(bold: true)
        canvas.write(Self.clip(" " + (message.isError ? "! " : "") + message.text, to: width, glyphs: glyphs),
                     x: 0, y: height - 2, style: style)
    }

    mutating func prompt(_ text: String, cursor: Bool, error: String?, keys: String) {
        canvas.fill(" ", x: 0, y: height - 2, width: width)
        var end = canvas.write(" " + text, x: 0, y: height - 2, style: CellStyle(bold: true))
        if cursor { end = canvas.write(String(glyphs.cursor), x: end, y: height - 2) }
        if let error { canvas.write("  " + error, x: end, y: height - 2, style: color(.red)) }
        keyBar(keys)
    }

    var dayTitle: String {
        let label = state.day == state.today ? "today" : state.day == state.today.adding(days: -1) ? "yesterday" : ""
        return "\(glyphs.previous) \(state.day.longDescription)\(label.isEmpty ? "" : " (\(label))") \(glyphs.next)"
    }

    // MARK: Day

    mutating func day() {
        let period = state.period
        let main = state.report(days: period.days)
        let other = state.report(days: period.comparedDays)
        let review = state.review(of: main)
        let pairing = review.fatPairing
        let dayFlags = period == .day ? pairing.flags : state.fatPairing(of: state.report(days: 1)).flags
        title(dayTitle)
        // Column layout: name | bar | amount / target | % | marks | fat-paired % | other period %.
        // Wide terminals get the nutrients' full names and units.
        let wide = width >= 110
        let nameWidth = wide ? Nutrient.allCases.map(\.name.count).max()! : 12
        let weekWidth = 7
        let fatWidth = 5
        let numbersWidth = wide ? 34 : 27
        let barX = nameWidth + 2
        let barWidth = max(6, width - barX - numbersWidth - fatWidth - weekWidth - 2)
        let numbersX = barX + barWidth + 1
        let fatX = numbersX + numbersWidth
        let weekX = width - weekWidth
        canvas.write("Nutrient", x: 1, y: 1, style: CellStyle(bold: true))
        let targetColumn = Self.targetColumn(barWidth: barWidth)
        canvas.write(period == .day ? "day \(glyphs.dot) to target" : "\(period.label) average", x: barX, y: 1, style: CellStyle(dim: true), maxWidth: targetColumn)
        canvas.write(String(glyphs.targetMark), x: barX + targetColumn, y: 1, style: CellStyle(dim: true))
        canvas.writeRight("amount / target    %", right: fatX - 1, y: 1, style: CellStyle(bold: true))
        canvas.writeRight("fat", right: fatX + fatWidth - 1, y: 1, style: CellStyle(bold: true))
        canvas.write("\(glyphs.divider)\(String(period.comparedLabel.suffix(6)).leftPad(6))", x: weekX, y: 1, style: CellStyle(bold: true))
        for (row, score) in main.scores.enumerated() {
            let y = 2 + row
            let selected = state.focus == .nutrients && row == state.selectedNutrient && state.screen == .day
            let nutrient = score.nutrient
            canvas.write(wide ? nutrient.name : nutrient.shortName, x: 1, y: y, maxWidth: nameWidth)
            bar(score, x: barX, y: y, width: barWidth)
            let amount = score.amount.map(Format.amount) ?? "—"
            let target = score.target.value.map(Format.amount) ?? "none"
            let unit = " " + (wide ? nutrient.unit : nutrient.shortUnit)
            let numbers = "\(amount)\(unit) / \(target)"
            canvas.writeRight(numbers, right: numbersX + numbersWidth - 8, y: y)
            let percent = score.percent.map(Self.shortPercent) ?? "—"
            canvas.writeRight(percent, right: numbersX + numbersWidth - 3, y: y, style: color(statusColor(score.status), bold: true))
            canvas.write(String(glyphs.mark(score.status)), x: numbersX + numbersWidth - 2, y: y, style: color(statusColor(score.status), bold: true))
            if score.isIncomplete {
                canvas.write(String(glyphs.incomplete), x: numbersX + numbersWidth - 1, y: y, style: color(.yellow, bold: true))
            }
            // The share eaten with enough fat, and a flag where a meal of the day had too little.
            if nutrient.isFatSolubleVitamin, let share = pairing.pairedShare[nutrient] {
                let flagged = dayFlags.contains { $0.nutrient == nutrient }
                canvas.writeRight(Format.percent(share * 100), right: fatX + fatWidth - 1, y: y,
                                  style: flagged ? color(.yellow) : CellStyle(dim: true))
                if flagged { canvas.write(String(glyphs.fatFlag), x: fatX + fatWidth - 1, y: y, style: color(.yellow, bold: true)) }
            }
            let otherScore = other.scores[row]
            canvas.write(String(glyphs.divider), x: weekX, y: y)
            let otherPercent = otherScore.percent.map(Self.shortPercent) ?? "—"
            canvas.writeRight(otherPercent, right: weekX + 6, y: y, style: color(statusColor(otherScore.status)))
            if otherScore.status == .aboveUL {
                canvas.write(String(glyphs.aboveUL), x: weekX + 6, y: y, style: color(statusColor(.aboveUL), bold: true))
            } else if otherScore.isIncomplete {
                canvas.write(String(glyphs.incomplete), x: weekX + 6, y: y, style: color(.yellow))
            }
            if selected { canvas.style(x: 0, y: y, width: nameWidth + 1, CellStyle(reverse: true)) }
        }
        let ruleY = 2 + Nutrient.allCases.count
        rule(ruleY)
        let coverage = period == .day
            ? "\(other.loggedDays) logged day\(other.loggedDays == 1 ? "" : "s") in the \(period.comparedLabel)"
            : "\(period.label) average of \(main.loggedDays) logged day\(main.loggedDays == 1 ? "" : "s")"
        canvas.writeRight(" \(coverage) ", right: width - 2, y: ruleY, style: CellStyle(dim: true))
        // Below the entries, one line per meal the day flags for fat pairing, where there is room.
        var flaggedMeals: [(meal: Meal, fat: Double, vitamins: [Nutrient])] = []
        for flag in dayFlags {
            if let last = flaggedMeals.indices.last, flaggedMeals[last].meal == flag.meal {
                flaggedMeals[last].vitamins.append(flag.nutrient)
            } else {
                flaggedMeals.append((flag.meal, flag.fatGrams, [flag.nutrient]))
            }
        }
        // Cautions come before absorption advice: an upper limit passed, a pregnancy risk.
        let cautions = review.cautions.prefix(max(0, (height - ruleY - 5) / 2))
        let flagLines = flaggedMeals.prefix(max(0, (height - ruleY - 5) / 2 - cautions.count))
        let entriesBottom = height - 3 - flagLines.count - cautions.count
        entries(from: ruleY + 1, to: entriesBottom)
        for (offset, caution) in cautions.enumerated() {
            let text = " \(glyphs.aboveUL) \(caution.headline)\(caution.nutrient == nil ? "" : " (⏎ on it: more)")"
            canvas.write(Self.clip(text, to: width, glyphs: glyphs), x: 0, y: entriesBottom + 1 + offset, style: color(.magenta, bold: true))
        }
        for (offset, flagged) in flagLines.enumerated() {
            let names = flagged.vitamins.map { $0.shortName.replacingOccurrences(of: "Vitamin ", with: "") }.joined(separator: ", ")
            let text = " \(glyphs.fatFlag) \(state.data.meals.label(of: flagged.meal)): vitamin \(names) with \(Format.number(flagged.fat, decimals: 1)) g fat: poorly absorbed (⏎ on it: what to do)"
            canvas.write(Self.clip(text, to: width, glyphs: glyphs), x: 0, y: entriesBottom + 1 + cautions.count + offset, style: color(.yellow))
        }
        if state.targets.defaultsNote != nil, height >= 20, state.message == nil {
            canvas.write(" Targets are defaults until sex and age are set: p", x: 0, y: height - 2, style: color(.yellow), maxWidth: width)
        }
        messageLine()
        let keys = state.focus == .entries
            ? "a add  e edit  d delete  u undo  Tab nutrients  ←→ day  t today  p profile  ? help  q quit"
            : state.banner != nil
            ? "a add  ⏎ detail  Tab entries  ←→ day  v 7/30  w trends  g gaps  r restore  ? help  q quit"
            : "a add  ⏎ detail  Tab entries  ←→ day  v 7/30  w trends  g gaps  p profile  ? help  q quit"
        keyBar(keys)
    }

    /// A percent in at most four columns: past 999 % the table shows "999+" (the detail
    /// screen gives the figure).
    static func shortPercent(_ percent: Double) -> String {
        percent >= 999.5 ? "999+" : Format.percent(percent)
    }

    /// A bar's scale, as a multiple of the target: room to see an intake above it.
    static let barScale = 1.5

    /// The column of a bar where the target falls.
    static func targetColumn(barWidth: Int) -> Int { Int((Double(barWidth) / barScale).rounded()) - 1 }

    /// A nutrient's bar: the scale runs to 1.5 × target; the target and, where it falls
    /// on the scale, the upper limit are marked.
    mutating func bar(_ score: NutrientScore, x: Int, y: Int, width barWidth: Int) {
        guard let target = score.target.value, target > 0 else {
            canvas.write(score.amount == nil ? "" : "no reference intake", x: x, y: y, style: CellStyle(dim: true), maxWidth: barWidth)
            return
        }
        let scale = target * Self.barScale
        let targetColumn = Self.targetColumn(barWidth: barWidth)
        let amount = score.amount ?? 0
        let eighths = Int((min(amount, scale) / scale * Double(barWidth * 8)).rounded())
        let style = color(statusColor(score.status))
        for column in 0..<barWidth {
            let filled = eighths - column * 8
            if filled >= 8 {
                canvas.write(String(glyphs.full), x: x + column, y: y, style: style)
            } else if filled > 0 {
                canvas.write(String(glyphs.eighths[filled - 1]), x: x + column, y: y, style: style)
            } else if column == targetColumn {
                canvas.write(String(glyphs.targetMark), x: x + column, y: y, style: CellStyle(dim: true))
            }
        }
        if eighths / 8 <= targetColumn, eighths <= targetColumn * 8 {
            canvas.write(String(glyphs.targetMark), x: x + targetColumn, y: y, style: CellStyle(dim: true))
        } else {
            canvas.write(String(glyphs.targetMark), x: x + targetColumn, y: y, style: CellStyle(color: style.color, reverse: true))
        }
        if let limit = score.target.upperLimit, score.target.upperLimitBasis == .total, limit < scale {
            let column = Int(limit / scale * Double(barWidth)) - 1
            canvas.write(String(glyphs.limitMark), x: x + max(0, column), y: y, style: color(.magenta))
        }
        if amount > scale {
            canvas.write(String(glyphs.overflow), x: x + barWidth - 1, y: y, style: style)
        }
    }

    /// The day's entries grouped by meal, one per line, scrolled to keep the selection in view.
    mutating func entries(from top: Int, to bottom: Int) {
        let entries = state.dayEntries
        let rows = bottom - top + 1
        guard rows > 0 else { return }
        if entries.isEmpty {
            canvas.write(" Nothing logged on \(state.day.longDescription). a adds a food.", x: 0, y: top, style: CellStyle(dim: true))
            return
        }
        let first = max(0, min(state.selectedEntry - rows + 1, entries.count - rows))
        let start = state.focus == .entries ? max(0, first) : 0
        for (offset, entry) in entries.dropFirst(start).prefix(rows).enumerated() {
            let index = start + offset
            let y = top + offset
            let showMeal = index == 0 || entries[index - 1].meal != entry.meal
            if showMeal { canvas.write(state.data.meals.label(of: entry.meal), x: 1, y: y, style: CellStyle(bold: true)) }
            let grams = "\(Format.number(entry.grams, decimals: 1)) g"
            canvas.write(state.foodName(entry.foodID), x: 12, y: y, maxWidth: width - 12 - grams.count - 2)
            canvas.writeRight(grams, right: width - 1, y: y)
            if state.focus == .entries, index == state.selectedEntry {
                canvas.style(x: 11, y: y, width: width - 11, CellStyle(reverse: true))
            }
        }
        if entries.count > rows {
            let more = "\(entries.count) entries \(glyphs.dot) \(start + 1)-\(min(entries.count, start + rows))"
            canvas.writeRight(more, right: width - 1, y: top - 1, style: CellStyle(dim: true))
        }
    }
}
