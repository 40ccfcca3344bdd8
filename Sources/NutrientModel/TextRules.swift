/// The rules for text a person types into absorb (profile names, food and recipe names,
/// measures) and for text that absorb shows on a terminal. New text has one length limit
/// everywhere — the one `absorb import` accepts — and no control characters or
/// text-direction overrides, which could rewrite a terminal or reorder what it shows. Text
/// already in a journal is kept as it is and escaped where it is shown.
public enum TextRules {
    /// The longest name or description, in UTF-8 bytes: the limit of the food table and of
    /// imports, so whatever is typed can be exported and imported back.
    public static var maxBytes: Int { FoodTableLoader.maxDescriptionBytes }

    /// Whether a scalar is a control character (C0, DEL, C1), a line or paragraph separator
    /// or a bidirectional formatting character (embeddings, overrides, isolates, marks).
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x200E, 0x200F, 0x061C, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// `text` trimmed of spaces, if it is fit to be saved as `what` ("the profile name");
    /// otherwise why not, in words.
    public static func checked(_ text: String, _ what: String) throws(TextError) -> String {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty else { throw TextError("\(what) cannot be empty") }
        guard trimmed.utf8.count <= maxBytes else {
            throw TextError("\(what) is \(trimmed.utf8.count) bytes long; at most \(maxBytes) are accepted (the limit of an export, so that it can be imported back)")
        }
        if let bad = trimmed.unicodeScalars.first(where: isUnsafe) {
            let kind = bad.value < 0x200E ? "a control character" : "a text-direction control"
            throw TextError("\(what) contains \(kind) (\(codePoint(bad))); names may not hold control characters, line breaks or text-direction overrides")
        }
        return trimmed
    }

    /// `text` with every unsafe scalar written as `\u001B` (the form JSON reads too, so a JSON
    /// report stays JSON), so it cannot act on a terminal;
    /// line breaks (LF, CRLF) and tabs kept when `keepingLineBreaks` (whole messages, reports).
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard holdsUnsafe(text, keepingLineBreaks: keepingLineBreaks) else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            let lineBreak = scalar == "\n" || scalar == "\t" || (scalar == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n")
            if isUnsafe(scalar), !(keepingLineBreaks && lineBreak) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether `text` holds a scalar `escaped` changes, read from its UTF-8 bytes (a report
    /// of megabytes is scanned once, byte by byte, not scalar by scalar): a byte below 0x20
    /// (but for a kept line feed or tab; a kept CR is decided by the scalar rule), DEL, a C1
    /// control (C2 80–9F), U+061C (D8 9C), U+200E–200F, U+2028–202E (E2 80 8E–8F, A8–AE)
    /// and U+2066–2069 (E2 81 A6–A9).
    static func holdsUnsafe(_ text: String, keepingLineBreaks: Bool) -> Bool {
        var text = text
        return text.withUTF8 { holdsUnsafe(bytes: $0, keepingLineBreaks: keepingLineBreaks) }
    }

    /// `holdsUnsafe` of UTF-8 bytes. Eight bytes at a time where none of them can start an
    /// unsafe scalar (all ASCII, none below 0x20 or DEL): a report is almost all such bytes.
    public static func holdsUnsafe(bytes: UnsafeBufferPointer<UInt8>, keepingLineBreaks: Bool) -> Bool {
        let count = bytes.count
        var i = 0
        let highBits: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
        while i < count {
            if i + 8 <= count {
                let word = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
                // No byte ≥ 0x80, none below 0x20 (word - 0x20 in each byte borrows), none
                // equal to 0x7F (word ^ 0x7F has a zero byte): all eight are safe.
                let below20 = (word &- ones &* 0x20) & ~word & highBits
                let del = word ^ (ones &* 0x7F)
                let isDel = (del &- ones) & ~del & highBits
                if word & highBits == 0, below20 == 0, isDel == 0 {
                    i += 8
                    continue
                }
            }
            let byte = bytes[i]
            if byte < 0x80 {
                if byte < 0x20 && !(keepingLineBreaks && (byte == 0x0A || byte == 0x09)) { return true }
                if byte == 0x7F { return true }
            } else if byte == 0xC2 {
                if i + 1 < count, (0x80...0x9F).contains(bytes[i + 1]) { return true }
            } else if byte == 0xD8 {
                if i + 1 < count, bytes[i + 1] == 0x9C { return true }
            } else if byte == 0xE2, i + 2 < count {
                let second = bytes[i + 1], third = bytes[i + 2]
                if second == 0x80, third == 0x8E || third == 0x8F || (0xA8...0xAE).contains(third) { return true }
                if second == 0x81, (0xA6...0xA9).contains(third) { return true }
            }
            i += 1
        }
        return false
    }

    /// `text` in quotes as a message repeats what was typed: whole up to `limit` characters;
    /// longer, its first `limit` and "…", with the whole length after the quotes, so a pasted
    /// 100 KB query does not come back whole.
    public static func quoted(_ text: String, limit: Int = 60) -> String {
        let count = text.count
        guard count > limit else { return "\"\(text)\"" }
        return "\"\(text.prefix(limit))…\" (\(count) characters)"
    }

    private static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Cells a spreadsheet would run as a formula start with one of these (OWASP, CSV
    /// injection): such a cell is written with a leading `'`, which import removes.
    public static func startsLikeAFormula(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        return first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
            || first == UInt8(ascii: "@") || first == 0x09 || first == 0x0D
    }
}

/// Text that cannot be saved, and why.
public struct TextError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
