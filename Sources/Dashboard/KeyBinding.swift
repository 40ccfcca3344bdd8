import NutrientModel

/// One key binding of a screen: the keys, the command they run, how the keys are written
/// and what they do (the help), and the item the key bar shows for it, if any. The key bar
/// and the help are made from these tables, so they say what the keys do.
struct KeyBinding<Command: Sendable>: Sendable {
    /// The keys that run the command.
    let keys: [Key]
    /// The keys as the help writes them ("←→ h l").
    let label: String
    /// What they do, in the help.
    let words: String
    /// The key bar's item ("←→ day"), or nil: in the help only.
    let bar: String?
    /// The command.
    let command: Command
    /// When the binding works (a panel has the focus, this is the demo).
    let when: @Sendable (AppState) -> Bool
    /// When the key bar shows it (by default, when it works).
    let barWhen: @Sendable (AppState) -> Bool
    /// When the help lists it (by default, always: the help is another screen, so a
    /// binding that works in one state of its own screen is still listed). Only for what
    /// holds of the whole session, such as being the demo.
    let helpWhen: @Sendable (AppState) -> Bool

    init(_ keys: [Key], _ label: String, _ words: String, bar: String? = nil, _ command: Command,
         when: @escaping @Sendable (AppState) -> Bool = { _ in true },
         barWhen: (@Sendable (AppState) -> Bool)? = nil,
         helpWhen: @escaping @Sendable (AppState) -> Bool = { _ in true }) {
        self.keys = keys
        self.label = label
        self.words = words
        self.bar = bar
        self.command = command
        self.when = when
        self.barWhen = barWhen ?? when
        self.helpWhen = helpWhen
    }
}

/// A group of the help: a screen's name and its keys.
struct HelpGroup: Sendable, Equatable {
    let title: String
    let lines: [HelpLine]
}

/// One line of the help: keys and what they do.
struct HelpLine: Sendable, Equatable {
    let keys: String
    let words: String
}

/// The area of the screen a component draws into: its columns and rows.
struct Area: Sendable, Equatable {
    var x: Int
    var y: Int
    var width: Int
    var height: Int
    /// The first row below the area.
    var bottom: Int { y + height }
}

/// A screen of the dashboard: its keys, what they do, and how it is drawn. Its state is
/// the payload of its `Screen` case (or, for the day, the day's fields of `AppState`).
protocol ScreenComponent {
    associatedtype Command: Sendable
    /// The screen's name in the help.
    static var helpTitle: String { get }
    /// The screen's key bindings, in the order the key bar shows them.
    static var bindings: [KeyBinding<Command>] { get }
    /// Whether keys with no binding are text typed into a field now (then `q`, `?` and `u`
    /// are text too).
    static func takesText(_ state: AppState) -> Bool
    /// The key bar's own items of the screen now (by default, from the table).
    static func barItems(_ state: AppState) -> [String]
    /// Runs a command of the table.
    static func perform(_ command: Command, _ state: inout AppState) -> [Effect]
    /// A key the table does not bind: text for a field, or nothing.
    static func typed(_ key: Key, _ state: inout AppState) -> [Effect]
    /// The right part of the title row (the day, the screen's name), or nil. The router
    /// draws the title row, with the patient's name, on every screen.
    static func title(_ state: AppState) -> String?
    /// What the message line shows when there is no message (a note), or always (a
    /// prompt), or nil.
    static func statusLine(_ state: AppState) -> StatusLine?
    /// Draws the screen's body into the area it is given: what it draws outside the area
    /// is not shown. The router adds the title row, the message line and the key bar.
    static func draw(_ painter: inout Painter, in area: Area)
}

/// The message line's text when the screen gives it one.
enum StatusLine: Sendable, Equatable {
    /// A note, shown when there is no message.
    case note(String, color: CellColor?, dim: Bool)
    /// A field or a question on the message line, shown over any message.
    case prompt(String, cursor: Bool, error: String?)
}

extension ScreenComponent {
    static func statusLine(_ state: AppState) -> StatusLine? { nil }
    static func takesText(_ state: AppState) -> Bool { false }
    static func typed(_ key: Key, _ state: inout AppState) -> [Effect] { [] }

    /// The binding a key runs now, if any.
    static func binding(for key: Key, in state: AppState) -> KeyBinding<Command>? {
        bindings.first { $0.keys.contains(key) && $0.when(state) }
    }

    /// The key bar's items of the screen now.
    static func barItems(_ state: AppState) -> [String] {
        bindings.filter { $0.barWhen(state) }.compactMap(\.bar)
    }

    /// Whether the screen binds Esc itself now.
    static func bindsEscape(_ state: AppState) -> Bool { binding(for: .escape, in: state) != nil }

    /// The screen's group in the help (a binding listed twice, for two states, once).
    static func helpGroup(_ state: AppState) -> HelpGroup {
        var lines: [HelpLine] = []
        for binding in bindings where !binding.words.isEmpty && binding.helpWhen(state) {
            let line = HelpLine(keys: binding.label, words: binding.words)
            if !lines.contains(line) { lines.append(line) }
        }
        return HelpGroup(title: helpTitle, lines: lines)
    }

    /// Handles a key: the table's binding, else the keys every screen has, else text.
    static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        if let binding = binding(for: key, in: state) { return perform(binding.command, &state) }
        let text = takesText(state)
        if let global = Everywhere.binding(for: key, in: state), !text || Everywhere.worksInText(global.command) {
            return Everywhere.perform(global.command, &state)
        }
        return typed(key, &state)
    }

    /// The key bar: the screen's items, then Esc, help and quit where they work.
    static func keyBar(_ state: AppState) -> [String] {
        var items = barItems(state)
        let text = takesText(state)
        for binding in Everywhere.bindings where binding.barWhen(state) {
            guard let bar = binding.bar else { continue }
            if binding.command == .back, bindsEscape(state) { continue }
            if text, !Everywhere.worksInText(binding.command) { continue }
            items.append(bar)
        }
        return items
    }
}

/// The keys every screen has: back, help, quit, undo and redo.
enum Everywhere: ScreenComponent {
    enum Command: Sendable, Equatable { case back, help, quit, undo, redo }

    static let helpTitle = "Everywhere"

    static let bindings: [KeyBinding<Command>] = [
        KeyBinding([.escape], "Esc", "back to where you were", bar: "Esc back", .back, when: { $0.stack.count > 1 }),
        KeyBinding([.character("?")], "?", "these keys", bar: "? help", .help, when: { !$0.isHelpOpen }),
        KeyBinding([.character("q")], "q", "quit (in a text field, q is text)", bar: "q quit", .quit),
        KeyBinding([.control("c")], "^C", "quit, from any screen", .quit),
        KeyBinding([.character("u")], "u", "undo the last change to the journal", .undo),
        KeyBinding([.control("r")], "^R", "redo what u undid", .redo),
    ]

    /// Whether a command works while a field takes text (Esc, ^C and ^R are not text).
    static func worksInText(_ command: Command) -> Bool { command == .back || command == .redo }

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch command {
        case .back:
            state.pop()
        case .help:
            state.push(.help(HelpView(opener: state.screen.kind)))
        case .quit:
            state.wantsQuit = true
            return [.quit]
        case .undo:
            return state.undo()
        case .redo:
            return state.redo()
        }
        return []
    }

    static func title(_ state: AppState) -> String? { nil }
    static func draw(_ painter: inout Painter, in area: Area) {}
}

extension AppState {
    /// Opens a screen on top of the one in front.
    mutating func push(_ screen: Screen) { stack.append(screen) }

    /// Goes back to the screen under the one in front (the day screen stays).
    mutating func pop() { if stack.count > 1 { stack.removeLast() } }

    /// Back to the day screen.
    mutating func popToDay() { stack = [.day] }

    /// Whether the help is open.
    var isHelpOpen: Bool {
        if case .help = screen { return true }
        return false
    }
}
