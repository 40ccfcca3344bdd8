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
        let end = canvas.write(" absorb ", x: 0, y: 0, style: CellStyle(bold: true, reverse: true))
        canvas.write(" \(who)", x: end, y: 0, style: CellStyle(reverse: true), maxWidth: width / 3)
        if let right {
            canvas.writeRight(right + " ", right: width, y: 0, style: CellStyle(reverse: true))
        }
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
        let today = state.report(days: 1)
        let week = state.report(days: 7)
        title(dayTitle)
        // Column layout: name | bar | amount / target | % | marks | 7-day %.
        // Wide terminals get the nutrients' full names and units.
        let wide = width >= 110
        let nameWidth = wide ? Nutrient.allCases.map(\.name.count).max()! : 12
        let weekWidth = 7
        let numbersWidth = wide ? 34 : 27
        let barX = nameWidth + 2
        let barWidth = max(6, width - barX - numbersWidth - weekWidth - 2)
        let numbersX = barX + barWidth + 1
        let weekX = width - weekWidth
        canvas.write("Nutrient", x: 1, y: 1, style: CellStyle(bold: true))
        let targetColumn = Self.targetColumn(barWidth: barWidth)
        canvas.write("day \(glyphs.dot) bar to target", x: barX, y: 1, style: CellStyle(dim: true), maxWidth: targetColumn)
        canvas.write(String(glyphs.targetMark), x: barX + targetColumn, y: 1, style: CellStyle(dim: true))
        canvas.writeRight("amount / target    %", right: weekX - 1, y: 1, style: CellStyle(bold: true))
        canvas.write("\(glyphs.divider) 7-day", x: weekX, y: 1, style: CellStyle(bold: true))
        for (row, score) in today.scores.enumerated() {
            let y = 2 + row
            let selected = state.focus == .nutrients && row == state.selectedNutrient && state.screen == .day
            let nutrient = score.nutrient
            canvas.write(wide ? nutrient.name : nutrient.shortName, x: 1, y: y, maxWidth: nameWidth)
            bar(score, x: barX, y: y, width: barWidth)
            let amount = score.amount.map(Format.amount) ?? "—"
            let target = score.target.value.map(Format.amount) ?? "none"
            let unit = wide ? " " + nutrient.unit : (nutrient.unit == "µg RAE" ? " µg" : " " + nutrient.unit)
            let numbers = "\(amount)\(unit) / \(target)"
            canvas.writeRight(numbers, right: numbersX + numbersWidth - 8, y: y)
            let percent = score.percent.map(Self.shortPercent) ?? "—"
            canvas.writeRight(percent, right: numbersX + numbersWidth - 3, y: y, style: color(statusColor(score.status), bold: true))
            canvas.write(String(glyphs.mark(score.status)), x: numbersX + numbersWidth - 2, y: y, style: color(statusColor(score.status), bold: true))
            if score.isIncomplete {
                canvas.write(String(glyphs.incomplete), x: numbersX + numbersWidth - 1, y: y, style: color(.yellow, bold: true))
            }
            let weekScore = week.scores[row]
            canvas.write(String(glyphs.divider), x: weekX, y: y)
            let weekPercent = weekScore.percent.map(Self.shortPercent) ?? "—"
            canvas.writeRight(weekPercent, right: weekX + 6, y: y, style: color(statusColor(weekScore.status)))
            if weekScore.isIncomplete { canvas.write(String(glyphs.incomplete), x: weekX + 6, y: y, style: color(.yellow)) }
            if selected { canvas.style(x: 0, y: y, width: nameWidth + 1, CellStyle(reverse: true)) }
        }
        let ruleY = 2 + Nutrient.allCases.count
        rule(ruleY)
        let logged = week.loggedDays
        canvas.write(" 7-day: average of \(logged) logged day\(logged == 1 ? "" : "s") ", x: width - 34, y: ruleY, style: CellStyle(dim: true))
        entries(from: ruleY + 1, to: height - 3)
        if let note = state.targets.defaultsNote, height >= 20, state.message == nil {
            _ = note
            canvas.write(" Targets are defaults until sex and age are set: p", x: 0, y: height - 2, style: color(.yellow), maxWidth: width)
        }
        messageLine()
        let keys = state.focus == .entries
            ? "a add  e edit  d delete  u undo  Tab nutrients  ←→ day  t today  p profile  ? help  q quit"
            : "a add  ⏎ detail  Tab entries  ←→ day  [] week  : date  p profile  ? help  q quit"
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
