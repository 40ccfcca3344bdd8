/// How absorb reads a number a person types: digits with a point as the decimal mark and no
/// thousands separator. `1,5` and `1.000` (a comma, or a point that looks like one grouping
/// thousands) are refused with that rule rather than read as something else, and so are
/// hexadecimal (`0x10`), exponents, infinity and NaN, which Swift's own `Double("0x10")` reads.
public enum NumberInput {
    /// The smallest amount of food absorb records, in grams (1 mg).
    public static let minimumGrams = 0.001

    /// Why `text`, where a number was expected and a number was written in a way absorb
    /// does not read, is refused; `nil` if `text` is not like that.
    public static func ambiguity(in text: Substring) -> String? {
        let bytes = Array(text.utf8)
        func digit(_ i: Int) -> Bool { i < bytes.count && (0x30...0x39).contains(bytes[i]) }
        var i = 0
        while digit(i) { i += 1 }
        let whole = i
        guard whole > 0, i < bytes.count else { return nil }
        if bytes[i] == UInt8(ascii: ","), digit(i + 1) {
            var j = i + 1
            while digit(j) { j += 1 }
            let number = String(decoding: bytes[..<j], as: UTF8.self)
            let decimal = String(number.map { $0 == "," ? "." : $0 })
            return "absorb reads a point as the decimal mark and takes no thousands separator, so \(number) is not read: write \(decimal) or \(String(number.filter { $0 != "," })), whichever you mean"
        }
        // 1.000 and 1.500 are a thousand and fifteen hundred where a point groups thousands:
        // a whole part of one to three digits and exactly three after the point is refused
        // (1.5, 0.125 and 1.2500 are read as written).
        if bytes[i] == UInt8(ascii: "."), whole <= 3, bytes[0] != UInt8(ascii: "0") {
            var j = i + 1
            while digit(j) { j += 1 }
            if j - i - 1 == 3 {
                let number = String(decoding: bytes[..<j], as: UTF8.self)
                let grouped = String(number.filter { $0 != "." })
                let decimal = Double(number).map { "\($0)" } ?? number
                return "absorb reads a point as the decimal mark and takes no thousands separator, so \(number) is ambiguous: write \(grouped) or \(decimal), whichever you mean"
            }
        }
        if bytes[i] == UInt8(ascii: "x") || bytes[i] == UInt8(ascii: "X"), whole == 1, bytes[0] == UInt8(ascii: "0") {
            return "hexadecimal numbers are not amounts: write the amount in decimal digits"
        }
        return nil
    }

    /// Reads a number typed as decimal digits (`150`, `1.5`, `.5`), or says why not.
    public static func decimal(_ text: String) throws(QuantityError) -> Double {
        let trimmed = text.trimmingSpaces()
        if let reason = ambiguity(in: trimmed[...]) { throw QuantityError("\"\(trimmed.prefix(40))\": \(reason)") }
        let bytes = Array(trimmed.utf8)
        var points = 0
        let wellFormed = !bytes.isEmpty && bytes.allSatisfy { byte in
            if byte == UInt8(ascii: ".") { points += 1; return true }
            return (0x30...0x39).contains(byte)
        } && points <= 1 && bytes != [UInt8(ascii: ".")]
        guard wellFormed, let value = Double(trimmed), value.isFinite else {
            throw QuantityError("\"\(trimmed.prefix(40))\" is not a number: write decimal digits with a point, as in 150 or 1.5")
        }
        return value
    }

    /// A number typed for an option (`--serving`, `--cooked`, a label's values, a target):
    /// decimal digits as `decimal` reads them, and not negative; with `allowingZero` false,
    /// more than 0. A negative number is refused with that rule, not as a malformed number.
    public static func option(_ text: String, allowingZero: Bool) throws(QuantityError) -> Double {
        let trimmed = text.trimmingSpaces()
        if trimmed.hasPrefix("-"), (try? decimal(String(trimmed.dropFirst()))) != nil {
            throw QuantityError(allowingZero ? "cannot be negative (found \(trimmed.prefix(40)))"
                                             : "must be more than 0 (found \(trimmed.prefix(40)))")
        }
        let value = try decimal(text)
        guard allowingZero || value > 0 else { throw QuantityError("\"\(trimmed.prefix(40))\" must be more than 0") }
        return value
    }

    /// A weight in grams typed as a number (`--grams`): decimal, at least 1 mg.
    public static func grams(_ text: String) throws(QuantityError) -> Double {
        let trimmed = text.trimmingSpaces()
        if trimmed.hasPrefix("-"), (try? decimal(String(trimmed.dropFirst()))) != nil {
            throw QuantityError("must be more than 0 (found \(trimmed.prefix(40)))")
        }
        let value = try decimal(text)
        guard value > 0 else { throw QuantityError("\"\(text.prefix(40))\" must be more than 0 g") }
        guard value >= minimumGrams else {
            throw QuantityError("\"\(text.prefix(40))\" g is less than a milligram, the least absorb records: check the amount")
        }
        return value
    }
}
