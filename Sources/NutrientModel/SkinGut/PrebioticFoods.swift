/// Foods that are prebiotic by a documented rule (Data/prebiotics.csv): the sources of
/// inulin-type fructans after Moshfegh et al. (J Nutr 1999;129:1407S) — chicory root,
/// Jerusalem artichoke, dandelion greens, garlic, onion, leek, asparagus, banana, wheat,
/// barley and rye.
///
/// A food counts when all three hold: its USDA food group is one of the `group` rows (the
/// plant's own groups: a bread, soup or snack that holds some onion is not counted); its
/// name, the description before the first comma ("Onions" of "Onions, raw"; "Bread" of
/// "Bread, rye"), has all of a `food` row's words, each as itself or a plural in -s or
/// -es; and no `exclude` word is anywhere in the description (onion rings, peas and
/// onions, vital wheat gluten). The first `food` row that matches gives its kind and the
/// grams of one serving.
public struct PrebioticFoods: Sendable {
    /// One kind of prebiotic food.
    public struct Kind: Sendable, Equatable {
        public let words: [String]
        public let servingGrams: Double
        public let label: String
    }

    public let kinds: [Kind]
    public let groups: Set<String>
    public let excludedWords: Set<String>

    /// Reads `prebiotics.csv`.
    public init(bytes: [UInt8], fileName: String) throws(CSVError) {
        let table = try NamedCSVTable(bytes: bytes, fileName: fileName, columns: ["kind", "words", "serving_g", "label", "source"])
        var kinds: [Kind] = [], groups: Set<String> = [], excluded: Set<String> = []
        for row in table.rows {
            switch row["kind"] {
            case "group":
                guard !row["words"].isEmpty else { throw row.error("words", "a group row names a USDA food group") }
                groups.insert(row["words"])
            case "food":
                let words = FoodWords.words(of: row["words"])
                guard !words.isEmpty else { throw row.error("words", "a rule needs at least one word") }
                let grams = try row.number("serving_g")
                guard grams > 0 else { throw row.error("serving_g", "a serving must weigh more than 0 g") }
                guard !row["label"].isEmpty else { throw row.error("label", "a kind needs a label") }
                kinds.append(Kind(words: words, servingGrams: grams, label: row["label"]))
            case "exclude":
                let words = FoodWords.words(of: row["words"])
                guard words.count == 1 else { throw row.error("words", "an exclude rule is one word") }
                excluded.insert(words[0])
            default:
                throw row.error("kind", "kind must be group, food or exclude, found \"\(row["kind"].prefix(40))\"")
            }
        }
        guard !groups.isEmpty else { throw CSVError(file: fileName, line: 1, column: 1, message: "no group rows: the rule needs the food groups it applies to") }
        self.kinds = kinds
        self.groups = groups
        self.excludedWords = excluded
    }

    private static func matches(_ word: String, in words: Set<String>) -> Bool {
        words.contains(word) || words.contains(word + "s") || words.contains(word + "es")
    }

    /// The kind of prebiotic food a food of `group` described so is, if any.
    public func kind(of description: String, group: String) -> Kind? {
        guard groups.contains(group) else { return nil }
        let all = Set(FoodWords.words(of: description))
        if excludedWords.contains(where: { Self.matches($0, in: all) }) { return nil }
        let name = Set(FoodWords.words(of: String(description.prefix { $0 != "," })))
        return kinds.first { $0.words.allSatisfy { Self.matches($0, in: name) } }
    }
}

/// Which fermented foods are likely to carry live cultures (Data/live_cultures.csv): a
/// word of the description that means heat or drying (canned, cooked, pasteurized) says
/// no; otherwise the kind's own answer (yogurt yes, tempeh no, miso unknown).
public struct LiveCultures: Sendable {
    /// Yes, no, or not known.
    public enum Answer: String, Sendable, Equatable, CaseIterable { case yes, no, unknown }

    public let byKind: [String: Answer]
    public let byWord: [String: Answer]

    /// Reads `live_cultures.csv`; every kind of `fermented` must have its answer.
    public init(bytes: [UInt8], fileName: String, fermented: FermentedFoods) throws(CSVError) {
        let table = try NamedCSVTable(bytes: bytes, fileName: fileName, columns: ["match", "value", "live", "source"])
        var byKind: [String: Answer] = [:], byWord: [String: Answer] = [:]
        for row in table.rows {
            guard let answer = Answer(rawValue: row["live"]) else {
                throw row.error("live", "live must be yes, no or unknown, found \"\(row["live"].prefix(40))\"")
            }
            switch row["match"] {
            case "kind": byKind[row["value"]] = answer
            case "word": byWord[row["value"].lowercased()] = answer
            default: throw row.error("match", "match must be kind or word, found \"\(row["match"].prefix(40))\"")
            }
        }
        for kind in fermented.kinds where byKind[kind.label] == nil {
            throw CSVError(file: fileName, line: table.rows.count + 2, column: 1, message: "the fermented kind \"\(kind.label)\" has no row")
        }
        self.byKind = byKind
        self.byWord = byWord
    }

    /// Whether a fermented food of `kind` described so is likely to carry live cultures.
    public func answer(for kind: String, description: String) -> Answer {
        for word in FoodWords.words(of: description) {
            if let answer = byWord[word] { return answer }
        }
        return byKind[kind] ?? .unknown
    }
}
