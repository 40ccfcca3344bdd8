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
    func replacingQuotes() -> String {
        var out = ""
        out.reserveCapacity(utf8.count + 2)
        for character in self {
            if character == "\"" { out += "\"\"" } else { out.append(character) }
        }
        return out
    }
}
