import NutrientModel

/// A question asked before a change of several entries (what will be written, and how
/// many), or before saving a food the profile's diets or allergies leave out (why); yes
/// runs it, no (or Esc) leaves the journal as it is.
public struct Confirmation: Sendable, Equatable {
    /// The question, with the count ("Copy 9 entries from … to …?").
    public let question: String
    /// What yes runs.
    public let effects: [Effect]
    /// The day to show once yes is pressed (repeating a meal shows today), if another.
    public let thenDay: LocalDate?
    /// Why it asks, drawn over the screen it was asked from ("Not in this profile's
    /// diets: …"), or nil.
    public let warning: String?

    public init(question: String, effects: [Effect], thenDay: LocalDate? = nil, warning: String? = nil) {
        self.question = question
        self.effects = effects
        self.thenDay = thenDay
        self.warning = warning
    }
}

/// The question, over the screen it was asked from.
enum ConfirmScreen: ScreenComponent {
    enum Command: Sendable { case yes, no }

    static let helpTitle = "Question"

    static let bindings: [KeyBinding<Command>] = [
        KeyBinding([.character("y"), .enter], "y ⏎", "yes: write them", bar: "y yes", .yes),
        KeyBinding([.character("n"), .escape], "n Esc", "no: leave the journal as it is", bar: "n no", .no),
    ]

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard case .confirm(let question) = state.screen else { return [] }
        state.pop()
        switch command {
        case .yes:
            if let day = question.thenDay { state.day = day }
            return question.effects
        case .no:
            state.message = .init(text: "Nothing was written", isError: false)
            return []
        }
    }

    static func title(_ state: AppState) -> String? { nil }

    static func statusLine(_ state: AppState) -> StatusLine? {
        guard case .confirm(let question) = state.screen else { return nil }
        return .prompt(question.question + " y/n", cursor: false, error: nil)
    }

    static func draw(_ painter: inout Painter, in area: Area) {
        painter.drawBelow(in: area)
        guard case .confirm(let question) = painter.state.screen, let warning = question.warning else { return }
        painter.confirmWarning(warning, in: area)
    }
}

extension Painter {
    /// Why a question is asked, wrapped, on the last rows of the area (over what the screen
    /// under it drew there), with a rule above it.
    mutating func confirmWarning(_ warning: String, in area: Area) {
        let lines = Self.wrap(" ! " + Self.forReaders(warning), width: width - 1, indent: "   ").prefix(max(1, area.height - 2))
        let top = area.bottom - lines.count
        rule(top - 1)
        for (offset, line) in lines.enumerated() {
            canvas.fill(" ", x: 0, y: top + offset, width: width)
            canvas.write(line, x: 0, y: top + offset, style: color(.yellow, bold: true))
        }
    }
}
