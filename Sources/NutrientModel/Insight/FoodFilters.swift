/// Diets and allergies a profile may follow (vegetarian, no nuts, no egg...) as food
/// groups, description words and phrases, from `Data/diets.csv`. A food is left out when
/// its group is listed for the diet (always), or when a listed word or phrase appears in
/// its description outside every `keep` phrase of that diet: "coconut milk" keeps the
/// word "milk" in that phrase from counting for no_dairy, and nothing else ("Coconut
/// milk, with whole milk" is still left out). An included diet is checked with its own
/// keep phrases, never another's.
public struct DietTable: Sendable {
    public struct Diet: Sendable, Equatable {
        public let key: String
        public let label: String
        /// Where the diet's rules come from (FALCPA, EU 1169/2011...).
        public var source: String = ""
        var groups: [String: String] = [:]
        /// Single words, and phrases (several words in a row), with the reason.
        var words: [String: String] = [:]
        var phrases: [(words: [String], reason: String)] = []
        /// Phrases whose words do not count for this diet's own words and phrases.
        var keeps: [[String]] = []
        /// The diets this one includes, checked as they are.
        var includes: [String] = []

        public static func == (lhs: Diet, rhs: Diet) -> Bool {
            lhs.key == rhs.key && lhs.label == rhs.label && lhs.groups == rhs.groups && lhs.words == rhs.words
                && lhs.phrases.map(\.words) == rhs.phrases.map(\.words) && lhs.keeps == rhs.keeps && lhs.includes == rhs.includes
        }
    }

    /// The diets by key, in file order.
    public let diets: [Diet]
    let byKey: [String: Int]

    /// Reads `diets.csv`.
    public init(bytes: [UInt8], fileName: String) throws(CSVError) {
        let table = try NamedCSVTable(bytes: bytes, fileName: fileName, columns: ["diet", "label", "kind", "value", "reason", "source"])
        var order: [String] = []
        var diets: [String: Diet] = [:]
        var includes: [(String, String, NamedCSVTable.Row)] = []
        for row in table.rows {
            let key = row["diet"]
            if diets[key] == nil {
                diets[key] = Diet(key: key, label: row["label"])
                order.append(key)
            }
            if !row["source"].isEmpty { diets[key]!.source = row["source"] }
            let value = row["value"]
            let words = FoodWords.words(of: value)
            switch row["kind"] {
            case "group": diets[key]!.groups[value] = row["reason"]
            case "word", "phrase":
                guard !words.isEmpty else { throw row.error("value", "a word or phrase needs a letter, found \"\(value)\"") }
                if words.count == 1 { diets[key]!.words[words[0]] = row["reason"] } else { diets[key]!.phrases.append((words, row["reason"])) }
            case "keep", "keep_word":
                guard !words.isEmpty else { throw row.error("value", "a keep phrase needs a letter, found \"\(value)\"") }
                diets[key]!.keeps.append(words)
            case "include": includes.append((key, value, row))
            default: throw row.error("kind", "kind must be group, word, phrase, keep or include, found \"\(row["kind"])\"")
            }
        }
        for (key, other, row) in includes {
            guard diets[other] != nil else { throw row.error("value", "no diet \"\(other)\" to include") }
            diets[key]!.includes.append(other)
        }
        self.diets = order.map { diets[$0]! }
        byKey = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
    }

    /// The diet with a key.
    public func diet(_ key: String) -> Diet? { byKey[key].map { diets[$0] } }

    /// Why the diets leave out a food with this group and description words, or `nil` if
    /// they allow it.
    public func exclusion(group: String, words: [String], diets keys: Set<String>) -> String? {
        var checked = Set<String>()
        for key in keys.sorted() {
            if let reason = exclusion(group: group, words: words, diet: key, shownAs: nil, checked: &checked) { return reason }
        }
        return nil
    }

    private func exclusion(group: String, words: [String], diet key: String, shownAs label: String?,
                           checked: inout Set<String>) -> String? {
        guard checked.insert(key).inserted, let diet = diet(key) else { return nil }
        let shown = label ?? diet.label
        if let reason = diet.groups[group] { return "\(shown): \(reason)" }
        // The words inside one of this diet's keep phrases do not count for it.
        var kept = [Bool](repeating: false, count: words.count)
        for keep in diet.keeps where keep.count <= words.count {
            for start in 0...(words.count - keep.count) where words[start] == keep[0] {
                if (1..<keep.count).allSatisfy({ words[start + $0] == keep[$0] }) {
                    for i in start..<(start + keep.count) { kept[i] = true }
                }
            }
        }
        for (i, word) in words.enumerated() where !kept[i] {
            if let reason = diet.words[word] { return "\(shown): \(reason) (\"\(word)\")" }
        }
        for phrase in diet.phrases where phrase.words.count <= words.count {
            for start in 0...(words.count - phrase.words.count) {
                let range = start..<(start + phrase.words.count)
                if range.allSatisfy({ words[$0] == phrase.words[$0 - start] }), range.contains(where: { !kept[$0] }) {
                    return "\(shown): \(phrase.reason) (\"\(phrase.words.joined(separator: " "))\")"
                }
            }
        }
        for included in diet.includes {
            if let reason = exclusion(group: group, words: words, diet: included, shownAs: shown, checked: &checked) { return reason }
        }
        return nil
    }
}
