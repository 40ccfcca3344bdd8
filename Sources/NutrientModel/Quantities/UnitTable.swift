/// The units a quantity may be given in, from `Data/units.csv`: mass units with their
/// grams, and household measures whose weight comes from each food's own portions.
public struct UnitTable: Sendable {
    /// A unit and what it weighs.
    public struct Unit: Sendable, Equatable {
        /// The unit's canonical name (`oz`, `tbsp`, `fl oz`).
        public let name: String
        /// Other spellings that mean the same unit.
        public let aliases: [String]
        /// Grams in one of the unit, or `nil` for a household measure.
        public let grams: Double?
    }

    /// The units, in file order.
    public let units: [Unit]
    private let canonicalOfPhrase: [String: String]

    /// Reads `units.csv`.
    public init(bytes: [UInt8], fileName: String) throws(CSVError) {
        var units: [Unit] = []
        var header: CSVHeader?
        var columns = (unit: 0, aliases: 0, grams: 0)
        var named: [String: Int] = [:]  // every name and alias, to the line that gave it
        try CSVReader(bytes: bytes, fileName: fileName).forEachRecord { record throws(CSVError) in
            guard let known = header else {
                let parsed = try CSVHeader(record: record)
                columns = (try parsed.position(of: "unit"), try parsed.position(of: "aliases"),
                           try parsed.position(of: "grams"))
                header = parsed
                return
            }
            try known.check(record)
            let name = try record.string(at: columns.unit).trimmingSpaces().lowercased()
            if name.isEmpty { throw record.error(at: columns.unit, "the unit name is empty") }
            let aliases = try record.string(at: columns.aliases).split(separator: ";")
                .map { String($0).trimmingSpaces().lowercased() }.filter { !$0.isEmpty }
            let grams = try record.number(at: columns.grams, column: "grams")
            if let grams, grams <= 0 { throw record.error(at: columns.grams, "grams must be more than zero") }
            // One spelling, one unit: an alias "g" of another unit would redefine the gram.
            for (index, spelling) in ([name] + aliases).enumerated() {
                let phrase = MeasureWords.normalizedPhrase(spelling)
                if let first = named[phrase], first != record.line {
                    throw record.error(at: index == 0 ? columns.unit : columns.aliases,
                                       "\"\(spelling)\" already names a unit on line \(first); a spelling may name one unit only")
                }
                named[phrase] = record.line
            }
            if name == "g", grams != 1 { throw record.error(at: columns.grams, "the gram is the base unit: g must weigh 1") }
            units.append(Unit(name: name, aliases: aliases, grams: grams))
        }
        if header == nil {
            throw CSVError(file: fileName, line: 1, column: 1, message: "the file is empty: expected a header line")
        }
        guard units.contains(where: { $0.name == "g" }) else {
            throw CSVError(file: fileName, line: 1, column: 1, message: "there is no unit g (the gram, 1 g): amounts are kept in grams")
        }
        self.init(units: units)
    }

    /// A table of the given units.
    public init(units: [Unit]) {
        self.units = units
        var canonical: [String: String] = [:]
        for unit in units {
            let key = MeasureWords.key(unit.name)
            canonical[MeasureWords.normalizedPhrase(unit.name)] = key
            for alias in unit.aliases { canonical[MeasureWords.normalizedPhrase(alias)] = key }
        }
        canonicalOfPhrase = canonical
    }

    /// The mass unit named by `text` (any spelling), if it is one.
    public func massUnit(named text: String) -> Unit? {
        let words = canonicalWords(text)
        guard words.count == 1 else { return nil }
        return units.first { $0.grams != nil && MeasureWords.key($0.name) == words[0] }
    }

    /// The names of the mass units, for messages.
    public var massUnitNames: [String] { units.filter { $0.grams != nil }.map(\.name) }

    /// The words of a measure with every known spelling replaced by its unit's key and
    /// plurals made singular: "2 Tablespoons, chopped" → ["2", "tbsp", "chopped"].
    public func canonicalWords(_ text: String) -> [String] {
        var words = MeasureWords.words(text)
        var result: [String] = []
        var index = 0
        // Longest phrase first, so "fluid ounces" is one unit, not "fluid" + "ounces".
        while index < words.count {
            var matched = false
            for length in stride(from: min(3, words.count - index), through: 1, by: -1) {
                let phrase = words[index..<index + length].joined(separator: " ")
                if let key = canonicalOfPhrase[phrase] ?? canonicalOfPhrase[MeasureWords.singular(phrase)] {
                    result.append(key)
                    index += length
                    matched = true
                    break
                }
            }
            if !matched {
                result.append(MeasureWords.singular(words[index]))
                index += 1
            }
        }
        words = result
        return words
    }
}

/// Splitting and normalising the words of household measures.
enum MeasureWords {
    /// Lowercase words of letters and digits.
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// A phrase as single-spaced lowercase words.
    static func normalizedPhrase(_ text: String) -> String { words(text).joined(separator: " ") }

    /// The single-token key of a unit name: "fl oz" → "floz".
    static func key(_ name: String) -> String { words(name).joined() }

    /// An English plural made singular, for measure words: slices → slice, leaves → leaf.
    static func singular(_ word: String) -> String {
        guard word.count > 3, word.last == "s", !word.hasSuffix("ss") else { return word }
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("ves") { return String(word.dropLast(3)) + "f" }
        for ending in ["ches", "shes", "xes", "sses", "oes"] where word.hasSuffix(ending) {
            return String(word.dropLast(2))
        }
        return String(word.dropLast())
    }
}
