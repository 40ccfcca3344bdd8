/// Number formatting shared by every view, so a figure reads the same everywhere.
public enum Format {
    /// A number with at most `decimals` decimals and no trailing zeros: 1.5, 30, 0.25.
    public static func number(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "—" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        if rounded == rounded.rounded() && abs(rounded) < 1e15 {
            return String(Int64(rounded))
        }
        var text = String(rounded)
        if text.contains("e") { return text }
        if let point = text.firstIndex(of: ".") {
            let fractionLength = text.distance(from: point, to: text.endIndex) - 1
            if fractionLength > decimals {
                text = String(text[..<text.index(point, offsetBy: decimals + 1)])
            }
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// An amount with a precision that suits its size: 1,234 · 87.5 · 3.1 · 0.42.
    public static func amount(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 100 { return grouped(value.rounded()) }
        if magnitude >= 10 { return number(value, decimals: 1) }
        if magnitude >= 1 { return number(value, decimals: 1) }
        return number(value, decimals: 2)
    }

    /// A finite value too large for a whole `Int64` (an absurd import, say), written with
    /// an exponent rather than trapping: 4.4e+95.
    private static func tooLargeForWhole(_ value: Double) -> String? {
        abs(value.rounded()) < Double(Int64.max) ? nil : String(format: "%.2g", value)
    }

    /// A whole number with thousands separators: 1,234.
    public static func grouped(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        if let text = tooLargeForWhole(value) { return text }
        let whole = Int64(value.rounded())
        let digits = String(abs(whole))
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return whole < 0 ? "-" + out : out
    }

    /// A percentage rounded to a whole number: "87 %" without the space: "87".
    public static func percent(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        if let text = tooLargeForWhole(value) { return text }
        return String(Int64(value.rounded()))
    }
}
