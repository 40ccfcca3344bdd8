import NutrientModel

/// Draws the state into a canvas of its size: the whole screen is a pure function of
/// the state. The screen in front draws its title and body; the message line and the key
/// bar (made from the screen's table of keys) are the same on every screen.
public func render(_ state: AppState) -> Canvas {
    var canvas = Canvas(width: state.width, height: state.height)
    if state.isTooSmall {
        drawTooSmall(&canvas, state)
        return canvas
    }
    var painter = Painter(canvas: canvas, state: state)
    let body = Area(x: 0, y: 1, width: state.width, height: state.height - 3)
    painter.title(title(of: state.screen, state))
    // The screen draws into its area; only the area is shown.
    var screen = Painter(canvas: Canvas(width: state.width, height: state.height), state: state)
    screen.draw(state.screen, in: body)
    painter.canvas.copy(rows: body.y..<body.bottom, from: screen.canvas)
    switch statusLine(of: state.screen, state) {
    case .prompt(let text, let cursor, let error)?:
        painter.prompt(text, cursor: cursor, error: error)
    case .note(let text, let color, let dim)? where state.message == nil:
        painter.canvas.write(Painter.clip(" " + text, to: state.width, glyphs: state.glyphs), x: 0, y: state.height - 2,
                             style: painter.color(color, dim: dim))
    default:
        painter.messageLine()
    }
    painter.keyBar(keyBar(of: state.screen, state))
    return painter.canvas
}

extension Painter {
    /// Draws one screen: its component's drawing.
    mutating func draw(_ screen: Screen, in area: Area) {
        switch screen {
        case .day: DayScreen.draw(&self, in: area)
        case .detail: DetailScreen.draw(&self, in: area)
        case .addFood: AddFoodScreen.draw(&self, in: area)
        case .amount: AmountScreen.draw(&self, in: area)
        case .profile: ProfileScreen.draw(&self, in: area)
        case .help: HelpScreen.draw(&self, in: area)
        case .goToDate: GoToDateScreen.draw(&self, in: area)
        case .trends: TrendsScreen.draw(&self, in: area)
        case .gaps: GapsScreen.draw(&self, in: area)
        case .sources: SourcesScreen.draw(&self, in: area)
        case .newFood: NewFoodScreen.draw(&self, in: area)
        case .confirm: ConfirmScreen.draw(&self, in: area)
        case .skinGut: SkinGutComponent.draw(&self, in: area)
        case .trial: TrialScreen.draw(&self, in: area)
        }
    }

    /// Draws the screen under the one in front (a prompt asks over it).
    mutating func drawBelow(in area: Area) {
        guard state.stack.count > 1 else { return }
        var below = state
        below.stack.removeLast()
        var painter = Painter(canvas: canvas, state: below)
        painter.draw(below.screen, in: area)
        canvas = painter.canvas
    }
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

    /// The title row: absorb, the demo's banner, the patient shown (on every screen), and
    /// the screen's own title at the right. Where they do not all fit, the banner gets
    /// shorter and the name is elided with a mark; nothing overlaps.
    mutating func title(_ right: String? = nil) {
        canvas.fill(" ", x: 0, y: 0, width: width, style: CellStyle(reverse: true))
        let person = state.profile.profile
        var about = ""
        if let sex = person.sex { about += " \(glyphs.dot) \(sex == .female ? "F" : "M")" }
        if let age = person.ageText { about += " \(age)" }
        if person.condition != .none { about += " \(person.condition.rawValue)" }
        let end = canvas.write(" absorb ", x: 0, y: 0, style: CellStyle(bold: true, reverse: true))
        let rightText = right.map { Self.clip($0, to: max(0, width - end - 16), glyphs: glyphs) + " " } ?? ""
        var room = width - end - rightText.count - 2
        var x = end
        if let banner = state.banner {
            // The banner as it is, or its first and last parts, or its first word.
            let parts = banner.components(separatedBy: " \(glyphs.dot) ")
            let variants = [banner, parts.count > 2 ? "\(parts[0]) \(glyphs.dot) \(parts[parts.count - 1])" : banner,
                            String(banner.prefix { $0 != " " })]
            let wanted = min(person.name.count + about.count + 1, 14)
            let chosen = variants.first { $0.count + 2 + wanted <= room } ?? variants[variants.count - 1]
            if chosen.count + 2 <= room {
                x = canvas.write(" \(chosen) ", x: x, y: 0, style: color(.yellow, bold: true, reverse: true))
                room -= chosen.count + 2
            }
        }
        // The name keeps its sex and age where there is room for both; else the name alone.
        if person.name.count + about.count + 1 > room, about.count + 5 > room { about = "" }
        let name = Self.clip(person.name, to: max(0, room - about.count - 1), glyphs: glyphs)
        canvas.write(" \(name)\(about)", x: x, y: 0, style: CellStyle(reverse: true), maxWidth: max(0, room))
        if !rightText.isEmpty {
            canvas.writeRight(rightText, right: width, y: 0, style: CellStyle(reverse: true))
        }
    }

    /// A name cut to a width keeping the words that tell it apart from the `others` shown
    /// with it: the comma-separated parts most of them share go first (each gap marked
    /// with an ellipsis), then the end is cut with a mark.
    static func elide(_ text: String, to width: Int, among others: [String], glyphs: Glyphs) -> String {
        guard text.count > width else { return text }
        let mark = glyphs == .ascii ? "~" : "…"
        var parts = text.components(separatedBy: ", ")
        guard parts.count > 2 else { return clip(text, to: width, glyphs: glyphs) }
        let others = others.filter { $0 != text }.map { Set($0.components(separatedBy: ", ")) }
        // The first part names the food; of the others, drop the most shared, later first.
        var candidates = Array(1..<parts.count).sorted { a, b in
            let sharedA = others.filter { $0.contains(parts[a]) }.count, sharedB = others.filter { $0.contains(parts[b]) }.count
            return sharedA != sharedB ? sharedA > sharedB : a > b
        }
        func joined() -> String {
            var pieces: [String] = []
            for part in parts {
                if part == mark, pieces.last == mark { continue }
                pieces.append(part)
            }
            return pieces.joined(separator: ", ").replacingOccurrences(of: ", \(mark), ", with: " \(mark) ")
                .replacingOccurrences(of: ", \(mark)", with: " \(mark)")
        }
        let original = parts
        var dropped: [Int] = []
        while joined().count > width, let drop = candidates.first {
            candidates.removeFirst()
            parts[drop] = mark
            dropped.append(drop)
            // Never leave only marks after the name.
            if parts.dropFirst().allSatisfy({ $0 == mark }) { break }
        }
        // Then put back what still fits, the least shared first.
        for index in dropped.reversed() {
            parts[index] = original[index]
            if joined().count > width { parts[index] = mark }
        }
        return clip(joined(), to: width, glyphs: glyphs)
    }

    /// Text from the data tables as a patient reads it: a source cites its reference, never
    /// a path in the repository ("(../shared/reference/safety.md)" is left out).
    static func forReaders(_ text: String) -> String {
        guard text.contains("shared/reference") else { return text }
        return text
            .replacingOccurrences(of: #"\s*\((see )?\.\./shared/reference/[^),;]*\)"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"\((see )?\.\./shared/reference/[^),;]*[,;]\s*"#, with: "(", options: .regularExpression)
            .replacingOccurrences(of: #"[,;]?\s*(see )?\.\./shared/reference/[^\s),;]*"#, with: "", options: .regularExpression)
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
    mutating func keyBar(_ barItems: [String]) {
        let y = height - 1
        canvas.fill(" ", x: 0, y: y, width: width)
        // Where they do not all fit, the ones before the last two go first: help and
        // quit stay in reach on every screen.
        var items = barItems.map(glyphs.keys)
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

    /// A question or a field on the message line, over the screen under it; an error
    /// after it, wrapped onto the row above where it does not fit.
    mutating func prompt(_ text: String, cursor: Bool, error: String?) {
        canvas.fill(" ", x: 0, y: height - 2, width: width)
        var end = canvas.write(" " + text, x: 0, y: height - 2, style: CellStyle(bold: true), maxWidth: width - 1)
        if cursor { end = canvas.write(String(glyphs.cursor), x: end, y: height - 2) }
        guard let error else { return }
        if end + 2 + error.count <= width {
            canvas.write("  " + error, x: end, y: height - 2, style: color(.red))
        } else {
            canvas.fill(" ", x: 0, y: height - 3, width: width)
            canvas.write(Self.clip(" ! " + error, to: width, glyphs: glyphs), x: 0, y: height - 3, style: color(.red, bold: true))
        }
    }

    /// The shown day, with arrows, as the day and detail screens' titles have it.
    static func dayTitle(_ state: AppState) -> String {
        let label = state.day == state.today ? "today" : state.day == state.today.adding(days: -1) ? "yesterday" : ""
        return "\(state.glyphs.previous) \(state.day.longDescription)\(label.isEmpty ? "" : " (\(label))") \(state.glyphs.next)"
    }

}

extension String {
    func leftPad(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
