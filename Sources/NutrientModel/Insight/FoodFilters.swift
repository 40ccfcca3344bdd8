/// Diets a profile may follow (vegetarian, no nuts...) as food groups and description
/// words, from `Data/diets.csv`: a food is left out when its group or one of its words is
/// listed for the diet, unless one of its words is a `keep_word` of the diet ("soymilk"
/// stays in a vegan diet though it says "milk").
public struct DietTable: Sendable {
    public struct Diet: Sendable, Equatable {
        public let key: String
        public let label: String
        var groups: [String: String] = [:]
        var words: [String: String] = [:]
        var keepWords: Set<String> = []
    }

    /// The diets by key, in file order.
    public let diets: [Diet]

    /// Reads `diets.csv`.
    public init(bytes: [UInt8], fileName: String) throws(CSVError) {
        let table = try NamedCSVTable(bytes: bytes, fileName: fileName, columns: ["diet", "label", "kind", "value", "reason"])
        var order: [String] = []
        var diets: [String: Diet] = [:]
        var includes: [(String, String, NamedCSVTable.Row)] = []
        for row in table.rows {
            let key = row["diet"]
            if diets[key] == nil {
                diets[key] = Diet(key: key, label: row["label"])
                order.append(key)
            }
            let value = row["value"]
            switch row["kind"] {
            case "group": diets[key]!.groups[value] = row["reason"]
            case "word": diets[key]!.words[value.lowercased()] = row["reason"]
            case "keep_word": diets[key]!.keepWords.insert(value.lowercased())
            case "include": includes.append((key, value, row))
            default: throw row.error("kind", "kind must be group, word, keep_word or include, found \"\(row["kind"])\"")
            }
        }
        for (key, other, row) in includes {
            guard let included = diets[other] else { throw row.error("value", "no diet \"\(other)\" to include") }
            diets[key]!.groups.merge(included.groups) { mine, _ in mine }
            diets[key]!.words.merge(included.words) { mine, _ in mine }
        }
        self.diets = order.map { diets[$0]! }
    }

    /// The diet with a key.
    public func diet(_ key: String) -> Diet? { diets.first { $0.key == key } }

    /// Why the diets leave a food out, or `nil` if they allow it.
    public func exclusion(group: String, words: [String], diets keys: Set<String>) -> String? {
        for diet in diets where keys.contains(diet.key) {
            if words.contains(where: diet.keepWords.contains) { continue }
            if let reason = diet.groups[group] { return "\(diet.label): \(reason)" }
            if let word = words.first(where: { diet.words[$0] != nil }) { return "\(diet.label): \(diet.words[word]!)" }
        }
        return nil
    }
}

/// Foods the gap planner does not suggest unless asked, from `Data/planner.csv`: whole
/// groups (baby foods, restaurant items), words (infant formula, organ meats) and words
/// within a group (raw meat and fish).
public struct PlannerExclusions: Sendable {
    var groups: [String: String] = [:]
    var words: [String: String] = [:]
    var groupWords: [String: [String: String]] = [:]

    /// Reads `planner.csv`.
    public init(bytes: [UInt8], fileName: String) throws(CSVError) {
        let table = try NamedCSVTable(bytes: bytes, fileName: fileName, columns: ["kind", "value", "reason"])
        for row in table.rows {
            let value = row["value"]
            switch row["kind"] {
            case "group": groups[value] = row["reason"]
            case "word": words[value.lowercased()] = row["reason"]
            case "group_word":
                let parts = value.split(separator: ";", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw row.error("value", "group_word needs GROUP;word, found \"\(value)\"") }
                groupWords[parts[0], default: [:]][parts[1].lowercased()] = row["reason"]
            default: throw row.error("kind", "kind must be group, word or group_word, found \"\(row["kind"])\"")
            }
        }
    }

    /// Why a food is not suggested, or `nil`.
    public func exclusion(group: String, words: [String]) -> String? {
        if let reason = groups[group] { return reason }
        if let word = words.first(where: { self.words[$0] != nil }) { return self.words[word] }
        if let inGroup = groupWords[group], let word = words.first(where: { inGroup[$0] != nil }) { return inGroup[word] }
        return nil
    }
}
