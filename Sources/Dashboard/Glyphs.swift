import NutrientModel

/// The characters the dashboard draws with: Unicode blocks and arrows, or plain ASCII
/// when the terminal's locale is not UTF-8 (or `--ascii` asks for it).
public struct Glyphs: Sendable, Equatable {
    /// Full bar cell and the partial eighths (1...7).
    public let full: Character
    public let eighths: [Character]
    /// The target mark on a bar, and the upper-limit mark.
    public let targetMark: Character
    public let limitMark: Character
    /// Shown at the end of a bar that runs past its scale.
    public let overflow: Character
    /// A horizontal rule, and the vertical divider.
    public let rule: Character
    public let divider: Character
    /// Day arrows.
    public let previous: String
    public let next: String
    /// Status marks.
    public let veryLow: Character
    public let low: Character
    public let met: Character
    public let aboveUL: Character
    public let noData: Character
    /// The mark for incomplete data.
    public let incomplete: Character
    /// Column chart levels, lowest to highest.
    public let levels: [Character]
    /// The middle dot separator.
    public let dot: String
    /// The cursor in a text field.
    public let cursor: Character
    /// A fat-pairing flag: a vitamin eaten with too little fat.
    public let fatFlag: Character
    /// The mark of a favourite food.
    public let favourite: Character

    /// Unicode glyphs.
    public static let unicode = Glyphs(
        full: "█", eighths: ["▏", "▎", "▍", "▌", "▋", "▊", "▉"], targetMark: "│", limitMark: "┃", overflow: "▶",
        rule: "─", divider: "│", previous: "◀", next: "▶", veryLow: "▼", low: "▽", met: "✓", aboveUL: "▲",
        noData: "·", incomplete: "?", levels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], dot: "·", cursor: "█", fatFlag: "⚠", favourite: "★")

    /// ASCII glyphs. Each mark means one thing: a part-filled bar cell is `:` (never the
    /// `+` of "met"), a chart's lowest level `_` (never the `.` of no data), the upper limit
    /// on a bar `U`, a meal with too little fat `f` (never the
    /// `!` of "above the UL"); keys are written as words (`Up/Dn`, never `^v`, which reads
    /// as Ctrl-V).
    public static let ascii = Glyphs(
        full: "#", eighths: [" ", " ", " ", ":", ":", ":", ":"], targetMark: "|", limitMark: "U", overflow: ">",
        rule: "-", divider: "|", previous: "<", next: ">", veryLow: "v", low: "-", met: "+", aboveUL: "!",
        noData: ".", incomplete: "?", levels: ["_", ":", ":", "|", "|", "|", "#", "#"], dot: "-", cursor: "_", fatFlag: "f", favourite: "*")

    /// Keys as this set writes them: arrows and symbols as words in ASCII.
    public func keys(_ text: String) -> String {
        guard self == .ascii else { return text }
        var result = text
        for (symbol, word) in [("↑↓", "Up/Dn"), ("←→", "Lt/Rt"), ("↑", "Up"), ("↓", "Dn"), ("←", "Lt"), ("→", "Rt"), ("⏎", "Enter"), ("⌫", "Bksp")] {
            result = result.replacingOccurrences(of: symbol, with: word)
        }
        return result
    }

    /// The mark for a status.
    public func mark(_ status: NutrientStatus) -> Character {
        switch status {
        case .veryLow: veryLow
        case .low: low
        case .met: met
        case .aboveUL: aboveUL
        case .noData: noData
        case .noTarget: " "
        }
    }
}
