/// The facts behind the absorption, balance and gut figures, from `Data/absorption.csv`
/// (each row carries its source there).
public struct AbsorptionRules: Sendable, Equatable {
    /// A meal with less fat than this that carries a fat-soluble vitamin is flagged.
    public let mealFatThresholdGrams: Double
    /// A meal is flagged only if it carries at least this percent of the day's target.
    public let flagMinimumSharePercent: Double
    /// The food a flag suggests as a fat source.
    public let suggestedFatSourceID: String
    /// How a flag names it.
    public let suggestedFatSourceLabel: String
    /// The fibre AI per 1,000 kcal.
    public let fibrePer1000Kcal: Double
    /// The AMDRs, in percent of energy.
    public let linoleicRange: ClosedRange<Double>
    public let alphaLinolenicRange: ClosedRange<Double>
    /// Under this percent of coverage, a judgement names the missing data.
    public let lowCoverageBelowPercent: Double
    /// Energy per gram of fat.
    public let fatKcalPerGram: Double
    /// The age, in months, from which the IOM sets the fibre AI and the AMDRs.
    public let referencesFromAgeMonths: Int

    /// Reads `absorption.csv`.
    public init(bytes: [UInt8], fileName: String) throws(CSVError) {
        let table = try NamedCSVTable(bytes: bytes, fileName: fileName, columns: ["key", "value", "unit", "meaning", "source"])
        var rows: [String: NamedCSVTable.Row] = [:]
        for row in table.rows { rows[row["key"]] = row }
        func row(_ key: String) throws(CSVError) -> NamedCSVTable.Row {
            guard let row = rows[key] else {
                throw CSVError(file: fileName, line: 1, column: 1, message: "the rule \"\(key)\" is missing")
            }
            return row
        }
        func number(_ key: String, positive: Bool = true) throws(CSVError) -> Double {
            let found = try row(key)
            let value = try found.number("value")
            if positive, value < 0 { throw found.error("value", "\(key) cannot be negative") }
            return value
        }
        mealFatThresholdGrams = try number("meal_fat_threshold_g")
        flagMinimumSharePercent = try number("flag_min_share_of_target_percent")
        suggestedFatSourceID = try row("suggested_fat_source_food")["value"]
        suggestedFatSourceLabel = try row("suggested_fat_source_label")["value"]
        fibrePer1000Kcal = try number("fibre_g_per_1000_kcal")
        let laLow = try number("linoleic_amdr_low_percent_energy")
        let laHigh = try number("linoleic_amdr_high_percent_energy")
        let alaLow = try number("alpha_linolenic_amdr_low_percent_energy")
        let alaHigh = try number("alpha_linolenic_amdr_high_percent_energy")
        guard laLow <= laHigh else { throw try row("linoleic_amdr_high_percent_energy").error("value", "the high end is under the low end") }
        guard alaLow <= alaHigh else { throw try row("alpha_linolenic_amdr_high_percent_energy").error("value", "the high end is under the low end") }
        linoleicRange = laLow...laHigh
        alphaLinolenicRange = alaLow...alaHigh
        lowCoverageBelowPercent = try number("low_coverage_below_percent")
        fatKcalPerGram = try number("fat_kcal_per_g")
        referencesFromAgeMonths = Int(try number("fibre_and_amdr_from_age_months"))
    }
}

/// Why each nutrient matters for skin, and the caution that applies, from
/// `Data/skin_notes.csv`.
public struct SkinNotes: Sendable {
    /// One nutrient's note.
    public struct Note: Sendable, Equatable {
        public let note: String
        public let caution: String
        public let citation: String
    }

    public let notes: [Nutrient: Note]

    /// Reads `skin_notes.csv`; every nutrient must have a note.
    public init(bytes: [UInt8], fileName: String) throws(CSVError) {
        let table = try NamedCSVTable(bytes: bytes, fileName: fileName, columns: ["nutrient", "note", "caution", "citation"])
        var notes: [Nutrient: Note] = [:]
        for row in table.rows {
            guard let nutrient = Nutrient(rawValue: row["nutrient"]) else {
                throw row.error("nutrient", "unknown nutrient \"\(row["nutrient"])\"")
            }
            notes[nutrient] = Note(note: row["note"], caution: row["caution"], citation: row["citation"])
        }
        for nutrient in Nutrient.allCases where notes[nutrient] == nil {
            throw CSVError(file: fileName, line: 1, column: 1, message: "no note for \(nutrient.rawValue)")
        }
        self.notes = notes
    }
}

/// Which foods are fermented, and a serving of each kind, from `Data/fermented.csv`.
///
/// A food is of a kind when its description has all of the kind's words ("Yogurt, plain,
/// low fat" → yogurt; "Tofu, salted and fermented (fuyu)" → fermented tofu) and none of the
/// `exclude` words, which mark foods made *with* a fermented food rather than being one
/// ("Biscuits, plain or buttermilk", "Snacks, candy bits, yogurt covered"). A word matches
/// itself and its plural in -s or -es ("Frozen yogurts" has yogurt). The first kind that
/// matches, in the file's order, is the food's kind.
public struct FermentedFoods: Sendable {
    /// One kind of fermented food.
    public struct Kind: Sendable, Equatable {
        /// The words a description must all have, lower-case.
        public let words: [String]
        public let servingGrams: Double
        public let label: String
    }

    public let kinds: [Kind]
    /// The words that keep a food out, lower-case.
    public let excludedWords: Set<String>
    /// Every form of a rule word (itself, -s, -es) → the rule word, precomputed so that a
    /// description is read once.
    private let forms: [String: String]

    /// Reads `fermented.csv`.
    public init(bytes: [UInt8], fileName: String) throws(CSVError) {
        let table = try NamedCSVTable(bytes: bytes, fileName: fileName,
                                      columns: ["kind", "words", "serving_g", "label", "source"])
        var kinds: [Kind] = []
        var excluded: Set<String> = []
        for row in table.rows {
            let words = FoodWords.words(of: row["words"])
            guard !words.isEmpty else { throw row.error("words", "a rule needs at least one word") }
            switch row["kind"] {
            case "food":
                let grams = try row.number("serving_g")
                guard grams > 0 else { throw row.error("serving_g", "a serving must weigh more than 0 g") }
                guard !row["label"].isEmpty else { throw row.error("label", "a kind needs a label") }
                kinds.append(Kind(words: words, servingGrams: grams, label: row["label"]))
            case "exclude":
                guard words.count == 1 else { throw row.error("words", "an exclude rule is one word") }
                excluded.insert(words[0])
            default:
                throw row.error("kind", "kind must be food or exclude, found \"\(row["kind"])\"")
            }
        }
        var forms: [String: String] = [:]
        for word in kinds.flatMap(\.words) + excluded {
            for form in [word + "es", word + "s", word] { forms[form] = word }  // the word itself wins
        }
        self.kinds = kinds
        self.excludedWords = excluded
        self.forms = forms
    }

    /// The kind of fermented food a description names, if any.
    public func kind(of description: String) -> Kind? {
        var found: Set<String> = []
        for word in FoodWords.words(of: description) {
            guard let ruleWord = forms[word] else { continue }
            if excludedWords.contains(ruleWord) { return nil }
            found.insert(ruleWord)
        }
        if found.isEmpty { return nil }
        return kinds.first { $0.words.allSatisfy(found.contains) }
    }
}

/// The lower-case words of a food's description, for rules that match words.
public enum FoodWords {
    public static func words(of description: String) -> [String] {
        // Most descriptions are ASCII: split their bytes directly (the same words, many
        // times faster than asking each Character whether it is a letter).
        var text = description
        if let words = text.withUTF8({ asciiWords($0) }) { return words }
        return description.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// The words of ASCII bytes, or `nil` if any byte is not ASCII.
    private static func asciiWords(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        var words: [String] = [], word: [UInt8] = []
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte + 32)
            default:
                if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)); word.removeAll(keepingCapacity: true) }
            }
        }
        if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }
}
