/// Parses a decimal number from bytes without making a `String`.
///
/// Numbers of up to 19 significant digits with at most 22 digits after the point and no
/// exponent (every value in the bundled tables) take an exact fast path: the digits are
/// read as an integer and divided once by a power of ten, which IEEE 754 rounds
/// correctly. Anything else falls back to the standard library's parser.
enum DecimalParser {
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
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
        var mantissa: UInt64 = 0
        var digits = 0  // significant digits kept in the mantissa
        var fractionDigits = 0
        var sawDigit = false
        var sawPoint = false
        while i < count {
            let digit = base[i] &- 0x30
            if digit < 10 {
                sawDigit = true
                if digits == 19 { return slowParse(bytes) }
                mantissa = mantissa &* 10 &+ UInt64(digit)
                if mantissa != 0 { digits += 1 }
                if sawPoint { fractionDigits += 1 }
            } else if base[i] == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                // An exponent or anything else: the careful path decides.
                return slowParse(bytes)
            }
            i += 1
        }
        guard sawDigit else { return nil }
        if mantissa < (1 << 53), fractionDigits <= 22 {
            let value = Double(mantissa) / powersOfTen[fractionDigits]
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
