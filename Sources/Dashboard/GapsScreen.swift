import NutrientModel

/// The gaps screen's state: the plan from the whole table, or portion control (as NUT
/// does it) of the foods logged in the seven days to the shown day, as `absorb gaps
/// --using-logged` plans them.
public struct GapsView: Sendable, Equatable {
    /// Whether the plan is of portions of the week's own foods.
    public var usingLogged = false
    /// The first row shown, where the plan is longer than the screen.
    public var offset = 0

    public init(usingLogged: Bool = false) { self.usingLogged = usingLogged }
}

/// The plan of foods that closes the shown day's gaps, line by line; or how much of the
/// foods the person logged this week closes them (`p`); the best sources of a gap (`f`).
enum GapsScreen: ScreenComponent {
    enum Command: Sendable, Equatable { case move(DayMove), up, down, add, portions, sources, back }

    static let helpTitle = "Gaps"

    static let bindings: [KeyBinding<Command>] = DayMove.bindings(Command.move, compact: true) + [
        KeyBinding([.up, .character("k")], "↑↓ j k", "scroll the plan", bar: "↑↓ more", .up, barWhen: { lastOffset($0) > 0 }),
        KeyBinding([.down, .character("j")], "↑↓ j k", "scroll the plan", .down),
        KeyBinding([.character("p")], "p", "portions of the week's own foods, or the whole table's plan", bar: "p your foods", .portions,
                   barWhen: { !usingLogged($0) }),
        KeyBinding([.character("p")], "p", "portions of the week's own foods, or the whole table's plan", bar: "p full plan", .portions,
                   barWhen: usingLogged),
        KeyBinding([.character("f")], "f", "best foods for the first gap", bar: "f best foods", .sources),
        KeyBinding([.character("a"), .character("/")], "a /", "add a food", bar: "a add", .add),
        KeyBinding([.character("g"), .backspace], "g", "back", .back),
    ]

    /// Whether the screen in front plans portions of the week's own foods.
    static func usingLogged(_ state: AppState) -> Bool {
        if case .gaps(let view) = state.screen { return view.usingLogged }
        return false
    }

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard case .gaps(var view) = state.screen else { return [] }
        switch command {
        case .move(let move):
            DayMove.perform(move, &state)
            view.offset = 0
            state.screen = .gaps(view)
            state.makePlan()
        case .up, .down:
            view.offset = max(0, min(view.offset + (command == .up ? -1 : 1), lastOffset(state)))
            state.screen = .gaps(view)
        case .add: state.push(.addFood(search("", in: state)))
        case .portions:
            if !view.usingLogged {
                guard !state.data.planner.loggedFoods(in: state.report(days: 7).entries).isEmpty else {
                    state.message = .init(text: "Nothing logged in the 7 days to \(state.day.longDescription): no food of yours to resize",
                                          isError: false)
                    return []
                }
            }
            view.usingLogged.toggle()
            view.offset = 0
            state.screen = .gaps(view)
            state.makePlan()
        case .sources:
            // The selected nutrient where it is a gap, else the first gap, else the selected one.
            let selected = Nutrient.allCases[state.selectedNutrient]
            let gaps = state.gapPlan?.gaps ?? []
            state.push(.sources(gaps.contains(selected) ? selected : gaps.first ?? selected))
            state.makeRanking()
        case .back: state.pop()
        }
        return []
    }

    static func title(_ state: AppState) -> String? {
        "\(usingLogged(state) ? "Portions of your foods" : "Gaps") \(state.glyphs.dot) \(state.day.longDescription)"
    }

    static func draw(_ painter: inout Painter, in area: Area) { painter.gaps(in: area) }
}

/// One row of the gaps screen: the text, and whether it is bold or a gap still short.
struct GapsRow: Sendable, Equatable {
    let text: String
    let bold: Bool
    let short: Bool
}

extension GapsScreen {
    /// The plan's lines wrapped to the screen's width, at word boundaries, indented under
    /// their start.
    static func rows(_ state: AppState) -> [GapsRow] {
        // The plan is made when the screen opens or its day changes; drawn without it, it is made here.
        let plan = state.gapPlan ?? {
            var planning = state
            planning.makePlan()
            return planning.gapPlan!
        }()
        var rows: [GapsRow] = []
        // At most sizes the cautions are their headlines here (the detail has the sentence),
        // so the plan itself stays on screen.
        for line in plan.lines(review: state.review(of: state.report(days: 1)), compactCautions: state.height < 40).map(Painter.forReaders) {
            let indent = line.hasPrefix("  ") ? "      " : "   "
            var remaining = line
            var first = true
            while !remaining.isEmpty {
                let room = state.width - 2 - (first ? 1 : indent.count)
                var cut = remaining.count <= room ? remaining.count : room
                if cut < remaining.count, let space = remaining.prefix(room).lastIndex(of: " ") {
                    cut = remaining.distance(from: remaining.startIndex, to: space)
                }
                let piece = String(remaining.prefix(cut))
                let bold = first && (line.hasPrefix("Plan") || line.hasPrefix("Gaps") || line.hasPrefix("Still short"))
                rows.append(GapsRow(text: (first ? " " : indent) + piece.trimmingLeadingSpaces(keep: first), bold: bold,
                                    short: line.hasPrefix("Still short")))
                remaining = String(remaining.dropFirst(cut)).trimmingLeadingSpaces(keep: false)
                first = false
            }
        }
        return rows
    }

    /// How many rows of the plan the screen shows, and the last first row ↓ scrolls to.
    static func visibleRows(_ state: AppState) -> Int { max(1, state.height - 4) }
    static func lastOffset(_ state: AppState) -> Int { max(0, rows(state).count - visibleRows(state)) }
}

extension Painter {
    // MARK: Gaps

    /// The plan that closes the day's gaps, line by line, from the row scrolled to; where
    /// more is below, the last row says so.
    mutating func gaps(in area: Area) {
        let rows = GapsScreen.rows(state)
        let visible = GapsScreen.visibleRows(state)
        var offset = 0
        if case .gaps(let view) = state.screen { offset = max(0, min(view.offset, rows.count - visible)) }
        let more = rows.count - offset > visible
        let shown = rows.dropFirst(offset).prefix(more ? visible - 1 : visible)
        var y = 2
        for row in shown {
            canvas.write(row.text, x: 0, y: y, style: row.short ? color(.yellow, bold: row.bold) : CellStyle(bold: row.bold))
            y += 1
        }
        if more {
            let left = rows.count - offset - shown.count
            canvas.write(" \(glyphs.keys("↓")) \(Format.count(left, "more line", "more lines"))", x: 0, y: y, style: CellStyle(dim: true))
        }
    }

}
