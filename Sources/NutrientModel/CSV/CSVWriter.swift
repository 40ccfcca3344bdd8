/// Writes RFC 4180 CSV fields: quoted only when they contain a comma, a quote or a line
/// break, with quotes doubled.
public enum CSVWriter {
    /// One field, quoted if it needs to be.
    public static func field(_ text: String) -> String {
        let needsQuotes = text.utf8.contains { $0 == CSVByte.comma || $0 == CSVByte.quote || $0 == CSVByte.lf || $0 == CSVByte.cr }
        guard needsQuotes else { return text }
        return "\"" + text.replacingQuotes() + "\""
    }

    /// One record (without its line ending).
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",")
    }

    /// A cell a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab
    /// or a CR, after any `'`s) with a `'` in front, as OWASP advises for CSV injection; a
    /// number (`-5`) is left as it is. `unguarded` removes exactly that `'`.
    public static func guarded(_ text: String) -> String {
        let rest = text.drop { $0 == "'" }
        guard TextRules.startsLikeAFormula(String(rest)) else { return text }
        // A plain decimal number (-5, -0.25): digits, one point, a leading minus; not -inf,
        // -nan or -0x10, which Double reads too.
        if rest.count == text.count, text.utf8.first == UInt8(ascii: "-"), text.utf8.dropFirst().allSatisfy({ (0x30...0x39).contains($0) || $0 == UInt8(ascii: ".") }),
           text.utf8.filter({ $0 == UInt8(ascii: ".") }).count <= 1, text.utf8.dropFirst().contains(where: { (0x30...0x39).contains($0) }) {
            return text
        }
        return "'" + text
    }

    /// A cell as it was before `guarded`.
    public static func unguarded(_ text: String) -> String {
        guard text.hasPrefix("'"), TextRules.startsLikeAFormula(String(text.drop { $0 == "'" })) else { return text }
        return String(text.dropFirst())
    }
}

private extension String {
    /// Every quote doubled. By bytes, not Characters: a quote followed by a combining mark
    /// (U+0301, U+05B7) is one Character that is not `"`, and was left single — CSV that
    /// did not read back (found by the archive fuzz target).
    func replacingQuotes() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 2)
        for byte in utf8 {
            out.append(byte)
            if byte == CSVByte.quote { out.append(CSVByte.quote) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
