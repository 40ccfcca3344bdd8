/// An amount a person typed, split into its number and its unit: "1 1/2 cups" is 1.5 and
/// "cups". It is resolved to grams against a food by `QuantityResolver`.
public struct Quantity: Sendable, Equatable {
    /// The number, always finite and more than zero.
    public let amount: Double
    /// The unit as typed, trimmed ("cups", "tbsp", "g"); empty when none was given.
    public let unit: String

    private static let vulgarFractions: [Character: Double] = [
        "½": 1.0 / 2, "⅓": 1.0 / 3, "⅔": 2.0 / 3, "¼": 1.0 / 4, "¾": 3.0 / 4, "⅕": 1.0 / 5,
        "⅖": 2.0 / 5, "⅗": 3.0 / 5, "⅘": 4.0 / 5, "⅙": 1.0 / 6, "⅚": 5.0 / 6, "⅛": 1.0 / 8,
        "⅜": 3.0 / 8, "⅝": 5.0 / 8, "⅞": 7.0 / 8,
    ]

    /// Parses "2 tbsp", "1.5 cup", "150g", "1/2 cup", "1 1/2 cups", "½ cup", "1½ cup".
    public init(parsing text: String) throws(QuantityError) {
        let trimmed = text.trimmingSpaces()
        if let reason = NumberInput.ambiguity(in: trimmed[...]) {
            throw QuantityError("\"\(trimmed.prefix(40))\": \(reason)")
        }
        let characters = Array(trimmed)
        var index = 0
        func digits() -> String {
            var run = ""
            while index < characters.count, characters[index].isASCII, characters[index].isNumber {
                run.append(characters[index])
                index += 1
            }
            return run
        }
        func skipSpaces() { while index < characters.count, characters[index] == " " { index += 1 } }
        func fraction() -> Double? {
            // "1/2" at the current position, or nothing (position unchanged).
            let start = index
            let numerator = digits()
            guard !numerator.isEmpty, index < characters.count, characters[index] == "/" else {
                index = start
                return nil
            }
            index += 1
            let denominator = digits()
            guard let n = Double(numerator), let d = Double(denominator), d > 0 else {
                index = start
                return nil
            }
            return n / d
        }

        var amount: Double?
        if let value = fraction() {
            amount = value
        } else {
            let whole = digits()
            var fractional = ""
            if index < characters.count, characters[index] == "." {
                let mark = index
                index += 1
                fractional = digits()
                if fractional.isEmpty { index = mark }
            }
            if !whole.isEmpty || !fractional.isEmpty {
                amount = Double((whole.isEmpty ? "0" : whole) + "." + (fractional.isEmpty ? "0" : fractional))
                if fractional.isEmpty {
                    // A mixed number: "1 1/2" or "1½".
                    let beforeSpace = index
                    skipSpaces()
                    if let part = fraction() {
                        amount = amount.map { $0 + part }
                    } else if index < characters.count, let part = Self.vulgarFractions[characters[index]] {
                        amount = amount.map { $0 + part }
                        index += 1
                    } else {
                        index = beforeSpace
                    }
                }
            } else if index < characters.count, let part = Self.vulgarFractions[characters[index]] {
                amount = part
                index += 1
            }
        }
        guard let amount else {
            throw QuantityError(
                "\"\(text)\" is not an amount: start with a number, as in \"2 tbsp\", \"1/2 cup\", \"1.5 cups\" or \"150 g\"")
        }
        guard amount.isFinite else {
            throw QuantityError("\"\(text)\" is too large to be an amount")
        }
        guard amount > 0 else {
            throw QuantityError("\"\(text)\" is not an amount: it must be more than zero")
        }
        let unit = String(characters[index...]).trimmingSpaces()
        if unit.hasPrefix("/") {
            throw QuantityError("\"\(text)\" is not an amount: a fraction needs a whole number on each side of /, as in \"1/2 cup\"")
        }
        self.amount = amount
        self.unit = unit
    }

    /// A quantity already split.
    public init(amount: Double, unit: String) {
        self.amount = amount
        self.unit = unit
    }
}

/// A quantity that could not be understood or does not fit the food.
public struct QuantityError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was wrong and what would work.
    public let description: String
    /// Makes an error with a message.
    public init(_ description: String) { self.description = description }
}
