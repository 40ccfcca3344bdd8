/// Parses a decimal number from bytes without making a `String`.
///
/// Numbers of up to 19 significant digits with at most 22 digits after the point and no
/// exponent (every value in the bundled tables) take an exact fast path: the digits are
/// read as an integer and divided once by a power of ten, which IEEE 754 rounds
/// correctly. Anything else falls back to the standard library's parser.
enum DecimalParser {
    /// 10^exponent for 0...22, every one exact in a Double. A literal table, not a
    /// `static let` array: this runs for every value of the tables (117,000 at start) and a
    /// global's lazy initialisation check and the array's bounds check cost more than the
    /// division.
    @inline(__always)
    private static func powerOfTen(_ exponent: Int) -> Double {
        switch exponent {
        case 0: return 1
        case 1: return 1e1
        case 2: return 1e2
        case 3: return 1e3
        case 4: return 1e4
        case 5: return 1e5
        case 6: return 1e6
        case 7: return 1e7
        case 8: return 1e8
        case 9: return 1e9
        case 10: return 1e10
        case 11: return 1e11
        case 12: return 1e12
        case 13: return 1e13
        case 14: return 1e14
        case 15: return 1e15
        case 16: return 1e16
        case 17: return 1e17
        case 18: return 1e18
        case 19: return 1e19
        case 20: return 1e20
        case 21: return 1e21
        default: return 1e22
        }
    }

    /// The finite number the bytes spell, or `nil` if they are not one.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return nil }
        let count = bytes.count
        var i = 0
        var negative = false
        if base[0] == UInt8(ascii: "-") || base[0] == UInt8(ascii: "+") {
            negative = base[0] == UInt8(ascii: "-")
            i = 1
        }
        // The integer digits, then the fraction's: one tight loop each.
        var mantissa: UInt64 = 0
        let integerStart = i
        while i < count {
            let digit = base[i] &- 0x30
            if digit >= 10 { break }
            mantissa = mantissa &* 10 &+ UInt64(digit)
            i += 1
        }
        let integerDigits = i - integerStart
        var fractionDigits = 0
        if i < count, base[i] == UInt8(ascii: ".") {
            i += 1
            let fractionStart = i
            while i < count {
                let digit = base[i] &- 0x30
                if digit >= 10 { break }
                mantissa = mantissa &* 10 &+ UInt64(digit)
                i += 1
            }
            fractionDigits = i - fractionStart
        }
        // An exponent or anything else after the number: the careful path decides.
        if i != count { return slowParse(bytes) }
        if integerDigits + fractionDigits == 0 { return nil }
        // At most 19 digits cannot overflow the mantissa; below 2^53 it is exact in a Double.
        if integerDigits + fractionDigits <= 19, mantissa < (1 << 53), fractionDigits <= 22 {
            let value = Double(mantissa) / powerOfTen(fractionDigits)
            return negative ? -value : value
        }
        return slowParse(bytes)
    }

    private static func slowParse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        // Only plain decimal syntax: digits, one point, an optional exponent.
        for byte in bytes {
            switch byte {
            case 0x30...0x39, UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "+"),
                 UInt8(ascii: "e"), UInt8(ascii: "E"):
                continue
            default:
                return nil
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self),
              let value = Double(text), value.isFinite else { return nil }
        return value
    }
}
