import NutrientModel

/// The help's state: the screen it was opened from (its keys come first) and how far it
/// is scrolled.
public struct HelpView: Sendable, Equatable {
    /// The kind of screen it was opened from.
    public let opener: String
    /// The first line shown.
    public var offset = 0
}

/// Every key, made from the screens' tables: the keys of the screen it was opened from
/// first, then those that work everywhere, then the other screens'; and the marks. Where
/// they do not all fit, ↑↓ scroll.
enum HelpScreen: ScreenComponent {
    enum Command: Sendable { case up, down, pageUp, pageDown, back }

    static let helpTitle = "Help"

    static let bindings: [KeyBinding<Command>] = [
        KeyBinding([.up, .character("k")], "↑↓ PgUp PgDn", "scroll", bar: "↑↓ more", .up, when: { _ in true },
                   barWhen: { !layout($0).fits }),
        KeyBinding([.down, .character("j")], "↑↓ PgUp PgDn", "scroll", .down),
        KeyBinding([.pageUp], "↑↓ PgUp PgDn", "scroll", .pageUp),
        KeyBinding([.pageDown, .character(" ")], "↑↓ PgUp PgDn", "scroll", .pageDown),
        KeyBinding([.escape, .character("?"), .enter, .backspace], "Esc ?", "back to where you were", bar: "Esc back", .back),
    ]

    /// The lines of the help and how many the screen shows.
    struct Layout {
        var lines: [(keys: String, words: String, isHeading: Bool)]
        var columns: Int
        var rows: Int
        var fits: Bool { lines.count <= columns * rows }
        var lastOffset: Int { max(0, lines.count - columns * rows) }
    }

    /// The width of the keys' column: ASCII writes arrows as words ("Up/Dn PgUp PgDn").
    static func keyColumn(_ glyphs: Glyphs) -> Int { glyphs == .ascii ? 18 : 14 }

    static func layout(_ state: AppState) -> Layout {
        guard case .help(let view) = state.screen else { return Layout(lines: [], columns: 1, rows: 1) }
        let groups = helpGroups(openedFrom: view.opener, state)
        let columns = max(1, state.width / 40)
        let rows = max(1, state.height - 5)
        let count = groups.reduce(0) { $0 + 1 + $1.lines.count }
        let spaced = count + groups.count - 1 <= columns * rows
        var lines: [(keys: String, words: String, isHeading: Bool)] = []
        for (index, group) in groups.enumerated() {
            if spaced, index > 0 { lines.append(("", "", false)) }
            lines.append((group.title, "", true))
            // Words too long for their column go on under themselves, never cut.
            let room = max(10, state.width / columns - keyColumn(state.glyphs) - 2)
            for line in group.lines {
                for (index, piece) in Painter.wrap(line.words, width: room, indent: "").enumerated() {
                    lines.append((index == 0 ? line.keys : "", piece, false))
                }
            }
        }
        return Layout(lines: lines, columns: columns, rows: rows)
    }

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard case .help(var view) = state.screen else { return [] }
        let layout = layout(state)
        switch command {
        case .up: view.offset -= 1
        case .down: view.offset += 1
        case .pageUp: view.offset -= layout.rows
        case .pageDown: view.offset += layout.rows
        case .back:
            state.pop()
            return []
        }
        view.offset = max(0, min(view.offset, layout.lastOffset))
        state.screen = .help(view)
        return []
    }

    static func title(_ state: AppState) -> String? { "Keys" }

    static func draw(_ painter: inout Painter, in area: Area) {
        guard case .help(let view) = painter.state.screen else { return }
        painter.help(view, layout(painter.state))
    }
}

extension Painter {
    mutating func help(_ view: HelpView, _ layout: HelpScreen.Layout) {
        // The marks, on one line above the key bar.
        let marks: [(Character, String)] = [
            (glyphs.veryLow, "very low"), (glyphs.low, "low"), (glyphs.met, "met"), (glyphs.aboveUL, "above UL"),
            (glyphs.incomplete, "a food lacks data"), (glyphs.fatFlag, "too little fat"),
        ]
        var x = 1
        let marksY = height - 3
        x = canvas.write("Marks:", x: x, y: marksY, style: CellStyle(bold: true)) + 1
        for (mark, meaning) in marks where x + meaning.count + 3 < width {
            x = canvas.write(" \(mark)", x: x, y: marksY, style: CellStyle(bold: true))
            x = canvas.write(" \(meaning) ", x: x, y: marksY)
        }
        // The keys, group by group, down columns of 40 or more.
        let columnWidth = width / layout.columns
        let shown = layout.lines.dropFirst(view.offset).prefix(layout.columns * layout.rows)
        for (index, line) in shown.enumerated() {
            let column = index / layout.rows
            let y = 1 + index % layout.rows
            let left = column * columnWidth
            if line.isHeading {
                canvas.write(" \(line.keys)", x: left, y: y, style: CellStyle(bold: true), maxWidth: columnWidth - 1)
            } else {
                let keys = HelpScreen.keyColumn(glyphs)
                canvas.write("  \(glyphs.keys(line.keys))", x: left, y: y, style: CellStyle(bold: true), maxWidth: keys)
                canvas.write(line.words, x: left + keys + 1, y: y, maxWidth: columnWidth - keys - 2)
            }
        }
        if !layout.fits {
            let more = view.offset < layout.lastOffset ? "PgDn for more" : "the end"
            canvas.writeRight("line \(view.offset + 1) of \(layout.lines.count) \(glyphs.dot) \(more)", right: width - 1, y: marksY - 1,
                              style: CellStyle(dim: true))
        }
    }
}
