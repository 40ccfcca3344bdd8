import NutrientModel

/// The plan of foods that closes the shown day's gaps, line by line.
enum GapsScreen: ScreenComponent {
    enum Command: Sendable { case move(DayMove), add, back }

    static let helpTitle = "Gaps"

    static let bindings: [KeyBinding<Command>] = DayMove.bindings(Command.move, compact: true) + [
        KeyBinding([.character("a"), .character("/")], "a /", "add a food", bar: "a add", .add),
        KeyBinding([.character("g"), .backspace], "g", "back", .back),
    ]

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch command {
        case .move(let move):
            DayMove.perform(move, &state)
            state.makePlan()
        case .add: state.push(.addFood(search("", in: state)))
        case .back: state.pop()
        }
        return []
    }

    static func title(_ state: AppState) -> String? { "Gaps \(state.glyphs.dot) \(state.day.longDescription)" }

    static func draw(_ painter: inout Painter, in area: Area) { painter.gaps(in: area) }
}

extension Painter {
    // MARK: Gaps

    /// The plan that closes the day's gaps, line by line.
    mutating func gaps(in area: Area) {
        var y = 2
        // The plan is made when the screen opens or its day changes; drawn without it, it is made here.
        let plan = state.gapPlan ?? {
            var planning = state
            planning.makePlan()
            return planning.gapPlan!
        }()
        // At most sizes the cautions are their headlines here (the detail has the sentence),
        // so the plan itself stays on screen.
        for line in plan.lines(review: state.review(of: state.report(days: 1)), compactCautions: height < 40).map(Self.forReaders) where y < height - 2 {
            // Wrap long lines at word boundaries, indented under their start.
            let indent = line.hasPrefix("  ") ? "      " : "   "
            var remaining = line
            var first = true
            while !remaining.isEmpty, y < height - 2 {
                let room = width - 2 - (first ? 1 : indent.count)
                var cut = remaining.count <= room ? remaining.count : room
                if cut < remaining.count, let space = remaining.prefix(room).lastIndex(of: " ") {
                    cut = remaining.distance(from: remaining.startIndex, to: space)
                }
                let piece = String(remaining.prefix(cut))
                let bold = first && (line.hasPrefix("Plan") || line.hasPrefix("Gaps") || line.hasPrefix("Still short"))
                canvas.write((first ? " " : indent) + piece.trimmingLeadingSpaces(keep: first), x: 0, y: y,
                             style: line.hasPrefix("Still short") ? color(.yellow, bold: bold) : CellStyle(bold: bold))
                remaining = String(remaining.dropFirst(cut)).trimmingLeadingSpaces(keep: false)
                first = false
                y += 1
            }
        }
    }

}
