import NutrientModel

/// A question asked before a change of several entries: what will be written, and how
/// many; yes runs it, no (or Esc) leaves the journal as it is.
public struct Confirmation: Sendable, Equatable {
    /// The question, with the count ("Copy 9 entries from … to …?").
    public let question: String
    /// What yes runs.
    public let effects: [Effect]
    /// The day to show once yes is pressed (repeating a meal shows today), if another.
    public let thenDay: LocalDate?

    public init(question: String, effects: [Effect], thenDay: LocalDate? = nil) {
        self.question = question
        self.effects = effects
        self.thenDay = thenDay
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

    static func draw(_ painter: inout Painter, in area: Area) { painter.drawBelow(in: area) }
}
