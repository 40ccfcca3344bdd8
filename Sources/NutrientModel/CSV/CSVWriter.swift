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
