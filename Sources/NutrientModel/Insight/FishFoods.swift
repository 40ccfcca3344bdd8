/// Which foods count as fish or shellfish for the FDA/EPA's weekly fish advice, from
/// `Data/fish_foods.csv`: every food of the fish group, and outside it a food whose
/// description names a fish or a shellfish (a fish sandwich, clam chowder, a shrimp
/// cracker) outside the phrases that are no fish (oyster crackers, fish sauce, fish stock),
/// unless the food is no serving of fish at all (fish oil). A counted food whose
/// description names a dish (salad, sandwich, soup, breaded) is a dish: its fish share is
/// not known, so its whole weight counts as fish, and a plan says so.
public struct FishFoods: Sendable {
    /// Groups whose every food counts, with the reason.
    var groups: [String: String] = [:]
    /// Words and phrases that name a fish or a shellfish.
    var words = WordRules()
    /// Phrases whose words do not count as fish ("oyster crackers", "fish sauce").
    var excepts: [[String]] = []
    /// Phrases that make a food no serving of fish, whatever else it names ("fish oil").
    var notFish = WordRules()
    /// Words and phrases that make a counted food a dish of which fish is one part.
    var dishes = WordRules()

    /// Why a food counts as fish: the word or group that made it, and whether it is a dish
    /// whose fish share is not known.
    public struct Match: Sendable, Equatable {
        /// The group, word or phrase that made it fish.
        public let by: String
        /// Whether it is a dish of which fish is one part (its whole weight is counted).
        public let isDish: Bool
    }

    /// Reads `fish_foods.csv`.
    public init(bytes: [UInt8], fileName: String) throws(CSVError) {
        let table = try NamedCSVTable(bytes: bytes, fileName: fileName, columns: ["kind", "value", "reason", "source"])
        for row in table.rows {
            let value = row["value"], reason = row["reason"]
            guard !row["source"].isEmpty else { throw row.error("source", "every rule needs its source") }
            if row["kind"] == "group" {
                groups[value] = reason
                continue
            }
            let words = FoodWords.words(of: value)
            guard !words.isEmpty else { throw row.error("value", "a word or phrase needs a letter, found \"\(value)\"") }
            switch row["kind"] {
            case "word": self.words.add(words, reason: reason)
            case "except": excepts.append(words)
            case "not_fish": notFish.add(words, reason: reason)
            case "dish": dishes.add(words, reason: reason)
            default:
                throw row.error("kind", "kind must be group, word, except, not_fish or dish, found \"\(row["kind"])\"")
            }
        }
        guard !groups.isEmpty || !self.words.words.isEmpty else {
            throw CSVError(file: fileName, line: 1, column: 1, message: "no group or word rows: no food would count as fish")
        }
    }

    /// Whether a food of `group` whose description has `words` counts as fish, and why.
    public func match(group: String, words: [String]) -> Match? {
        let none = [Bool](repeating: false, count: words.count)
        let isDish = dishes.match(words, kept: none) != nil
        if groups[group] != nil { return Match(by: group, isDish: isDish) }
        if notFish.match(words, kept: none) != nil { return nil }
        let kept = excepts.isEmpty ? none : WordRules.kept(words, by: excepts)
        guard let (word, _) = self.words.match(words, kept: kept) else { return nil }
        return Match(by: word, isDish: isDish)
    }

    /// Whether a food counts as fish, by its group and description.
    public func match(group: String, description: String) -> Match? {
        match(group: group, words: FoodWords.words(of: description))
    }
}
