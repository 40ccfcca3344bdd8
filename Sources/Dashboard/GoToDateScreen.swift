import NutrientModel

/// Typing a date to go to, on the message line over the day.
enum GoToDateScreen: ScreenComponent {
    enum Command: Sendable { case go, cancel, erase }

    static let helpTitle = "Go to a date"

    static let bindings: [KeyBinding<Command>] = [
        KeyBinding([.enter], "⏎", "go to the date typed (YYYY-MM-DD)", bar: "⏎ go", .go),
        KeyBinding([.escape], "Esc", "cancel", bar: "Esc cancel", .cancel),
        KeyBinding([.backspace], "⌫", "erase a digit", .erase),
    ]

    static func takesText(_ state: AppState) -> Bool { true }

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard case .goToDate(let text, _) = state.screen else { return [] }
        switch command {
        case .cancel:
            state.pop()
        case .erase:
            state.screen = .goToDate(text: String(text.dropLast()), error: nil)
        case .go:
            do {
                state.day = try LocalDate(parsing: text)
                state.selectedEntry = 0
                state.pop()
            } catch {
                state.screen = .goToDate(text: text, error: error.description)
            }
        }
        return []
    }

    static func typed(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard case .goToDate(let text, _) = state.screen, case .character(let character) = key,
              character.isNumber || character == "-" else { return [] }
        state.screen = .goToDate(text: text.count < 10 ? text + String(character) : text, error: nil)
        return []
    }

    static func title(_ state: AppState) -> String? { nil }

    static func statusLine(_ state: AppState) -> StatusLine? {
        guard case .goToDate(let text, let error) = state.screen else { return nil }
        return .prompt("Go to date (YYYY-MM-DD): \(text)", cursor: true, error: error)
    }

    static func draw(_ painter: inout Painter, in area: Area) { painter.drawBelow(in: area) }
}
