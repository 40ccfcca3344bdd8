import CNCurses
import Dashboard
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why the terminal could not be used.
public struct TerminalError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// What reading the keyboard produced.
public enum TerminalInput: Sendable {
    /// A key or a resize, for `update`.
    case action(Action)
    /// Nothing within the timeout.
    case idle
    /// A signal asked absorb to stop (SIGTERM, SIGHUP, SIGINT, SIGQUIT).
    case signal(Int32)
}

/// The signal that asked absorb to stop, set by a handler (0: none).
nonisolated(unsafe) private var pendingSignal: Int32 = 0
/// The terminal settings from before ncurses started, for the crash handler.
nonisolated(unsafe) private var savedSettings = termios()
nonisolated(unsafe) private var haveSavedSettings = false

/// The ncurses screen: draws a `Canvas` and turns input into actions. It always gives the
/// terminal back as it found it: `close()` on a normal exit, and a signal handler on a
/// crash (it restores the saved settings, leaves the alternate screen and shows the cursor
/// before the process dies as it would have).
public final class TerminalScreen {
    /// The glyphs to draw with: ASCII when the locale is not UTF-8 or it was asked for.
    public let glyphs: Glyphs
    /// Whether colours are drawn (the terminal has them and `NO_COLOR` is not set).
    public let useColor: Bool
    /// Whether characters outside ASCII can be drawn.
    public let isUTF8: Bool
    /// High contrast, for projectors: no dim text, coloured text bold.
    public var highContrast = false
    private var screen: OpaquePointer?
    private var closed = false
    private var transliterations: [Character: wchar_t] = [:]

    /// Starts ncurses on the controlling terminal. Throws, leaving the terminal untouched,
    /// when standard input or output is not a terminal or `TERM` names none ncurses knows.
    public init(forceASCII: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1 else {
            throw TerminalError("the dashboard needs a terminal, and standard input is not one")
        }
        guard isatty(STDOUT_FILENO) == 1 else {
            throw TerminalError("the dashboard needs a terminal, and standard output is not one")
        }
        guard let term = environment["TERM"], !term.isEmpty, term != "dumb" else {
            throw TerminalError("the dashboard needs a terminal that can move the cursor, and TERM is \(environment["TERM"].map { "\"\($0)\"" } ?? "not set")")
        }
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        isUTF8 = codeset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
        glyphs = (forceASCII || !isUTF8) ? .ascii : .unicode
        if tcgetattr(STDIN_FILENO, &savedSettings) == 0 { haveSavedSettings = true }
        guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r") else {
            throw TerminalError("could not open the terminal: \(String(cString: strerror(errno)))")
        }
        guard let screen = newterm(nil, output, input) else {
            throw TerminalError("ncurses does not know the terminal type TERM=\"\(term)\" (is its terminfo installed?)")
        }
        self.screen = screen
        set_term(screen)
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        useColor = has_colors() && !noColor
        raw()
        noecho()
        nonl()
        keypad(absorb_stdscr(), true)
        curs_set(0)
        set_escdelay(25)
        if useColor {
            start_color()
            use_default_colors()
            let colors: [(CellColor, Int16)] = [
                (.red, Int16(COLOR_RED)), (.yellow, Int16(COLOR_YELLOW)), (.green, Int16(COLOR_GREEN)),
                (.magenta, Int16(COLOR_MAGENTA)), (.cyan, Int16(COLOR_CYAN)), (.blue, Int16(COLOR_BLUE)),
            ]
            for (cell, color) in colors { init_pair(Int16(cell.rawValue), color, -1) }
        }
        installSignalHandlers()
    }

    deinit { close() }

    /// The terminal's size now.
    public var size: (width: Int, height: Int) { (Int(absorb_columns()), Int(absorb_lines())) }

    /// Puts a canvas on the screen; only what changed is sent to the terminal.
    public func draw(_ canvas: Canvas) {
        guard !closed else { return }
        let (width, height) = size
        erase()
        var run: [wchar_t] = []
        run.reserveCapacity(width)
        for y in 0..<min(height, canvas.height) {
            var x = 0
            let rowWidth = min(width, canvas.width)
            while x < rowWidth {
                let style = canvas[x, y].style
                run.removeAll(keepingCapacity: true)
                var end = x
                while end < rowWidth, canvas[end, y].style == style {
                    run.append(wideCharacter(canvas[end, y].character))
                    end += 1
                }
                absorb_put(Int32(y), Int32(x), run, Int32(run.count), attributes(of: style))
                x = end
            }
        }
        refresh()
    }

    /// Waits up to `timeout` milliseconds for a key or a resize.
    public func read(timeout milliseconds: Int32) -> TerminalInput {
        guard !closed else { return .idle }
        if pendingSignal != 0 { return .signal(pendingSignal) }
        timeout(milliseconds)
        var code: wint_t = 0
        let result = get_wch(&code)
        if pendingSignal != 0 { return .signal(pendingSignal) }
        if result == absorb_err() { return .idle }
        if result == absorb_key_code_yes() {
            let key = Int32(code)
            if key == absorb_key_resize() {
                let (width, height) = size
                return .action(.resize(width: width, height: height))
            }
            let keys: [(Int32, Key)] = [
                (absorb_key_up(), .up), (absorb_key_down(), .down), (absorb_key_left(), .left),
                (absorb_key_right(), .right), (absorb_key_backspace(), .backspace), (absorb_key_dc(), .delete),
                (absorb_key_enter(), .enter), (absorb_key_btab(), .backTab), (absorb_key_ppage(), .pageUp),
                (absorb_key_npage(), .pageDown), (absorb_key_home(), .home), (absorb_key_end(), .end),
            ]
            if let match = keys.first(where: { $0.0 == key }) { return .action(.key(match.1)) }
            return .idle
        }
        return Self.key(forCharacter: UInt32(code)).map { .action(.key($0)) } ?? .idle
    }

    /// The key a character code stands for in raw mode.
    public static func key(forCharacter code: UInt32) -> Key? {
        switch code {
        case 27: return .escape
        case 10, 13: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(code + 96)!))
        case 0...31: return nil
        default: return Unicode.Scalar(code).map { Key.character(Character($0)) }
        }
    }

    /// Gives the terminal back: leaves the alternate screen, shows the cursor, restores
    /// the settings. Safe to call more than once.
    public func close() {
        guard !closed else { return }
        closed = true
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
        restoreDefaultSignalHandlers()
    }

    private func attributes(of style: CellStyle) -> Int32 {
        var attributes = absorb_attr_normal()
        if style.bold { attributes |= absorb_attr_bold() }
        if style.reverse { attributes |= absorb_attr_reverse() }
        if style.dim, !highContrast { attributes |= absorb_attr_dim() }
        if useColor, let color = style.color {
            attributes |= absorb_color_pair(Int32(color.rawValue))
            if highContrast { attributes |= absorb_attr_bold() }
        }
        return attributes
    }

    /// The wide character for a cell: the character itself, or where the locale is not
    /// UTF-8, the nearest ASCII one (`µ` as `u`, accents dropped, `?` otherwise).
    private func wideCharacter(_ character: Character) -> wchar_t {
        let scalar = character.unicodeScalars.first!
        if isUTF8 || scalar.isASCII { return wchar_t(bitPattern: scalar.value) }
        if let known = transliterations[character] { return known }
        let ascii: wchar_t
        switch character {
        case "µ": ascii = wchar_t(UInt8(ascii: "u"))
        case "ω": ascii = wchar_t(UInt8(ascii: "w"))
        case "·", "—", "–", "─": ascii = wchar_t(UInt8(ascii: "-"))
        case "×": ascii = wchar_t(UInt8(ascii: "x"))
        case "→", "▶": ascii = wchar_t(UInt8(ascii: ">"))
        case "◀": ascii = wchar_t(UInt8(ascii: "<"))
        case "↑": ascii = wchar_t(UInt8(ascii: "^"))
        case "↓": ascii = wchar_t(UInt8(ascii: "v"))
        case "⏎": ascii = wchar_t(UInt8(ascii: "~"))
        case "│", "┃": ascii = wchar_t(UInt8(ascii: "|"))
        default:
            let folded = String(character).folding(options: .diacriticInsensitive, locale: nil)
            if let first = folded.unicodeScalars.first, first.isASCII {
                ascii = wchar_t(bitPattern: first.value)
            } else {
                ascii = wchar_t(UInt8(ascii: "?"))
            }
        }
        transliterations[character] = ascii
        return ascii
    }
}

// SIGQUIT (Ctrl-\\) too: by default it dumped core past ncurses, the runtime's crash screen
// over the dashboard, which went on running unseen.
private let stopSignals: [Int32] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT]
private let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

private func installSignalHandlers() {
    pendingSignal = 0
    for signalNumber in stopSignals {
        signal(signalNumber) { number in pendingSignal = number }
    }
    for signalNumber in crashSignals {
        signal(signalNumber) { number in
            // Only async-signal-safe calls: restore the settings, reset the screen, die as before.
            if haveSavedSettings { tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedSettings) }
            let reset: StaticString = "\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l\r\n"
            _ = write(STDOUT_FILENO, reset.utf8Start, reset.utf8CodeUnitCount)
            // What the runtime printed went to the alternate screen, now gone: say what
            // happened where the person can read it (a constant string: write(2) is safe here).
            let note: StaticString = "absorb stopped on an internal error (a bug: please report it). Every entry was saved as it was made; the journal is intact.\n"
            _ = write(STDERR_FILENO, note.utf8Start, note.utf8CodeUnitCount)
            signal(number, SIG_DFL)
            raise(number)
        }
    }
}

private func restoreDefaultSignalHandlers() {
    for signalNumber in stopSignals + crashSignals { signal(signalNumber, SIG_DFL) }
}
