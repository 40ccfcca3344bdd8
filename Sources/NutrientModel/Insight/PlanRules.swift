/// Whom a rule of `Data/planner.csv` is for: everyone, or a life stage or condition.
public enum PlanAudience: String, CaseIterable, Sendable {
    case everyone
    case from12Months = "from_12_months"
    /// 6 to 12 months (no plan is made younger).
    case infant
    case under12Months = "under_12_months"
    case under4Years = "under_4_years"
    case under18Years = "under_18_years"
    case pregnancy
    case lactation

    /// The audiences a person of this age and condition belongs to.
    public static func of(ageMonths age: Int, condition: PhysiologicalCondition) -> [PlanAudience] {
        var audiences: [PlanAudience] = [.everyone]
        audiences.append(age < 12 ? .infant : .from12Months)
        if age < 12 { audiences.append(.under12Months) }
        if age < 48 { audiences.append(.under4Years) }
        if age < 216 { audiences.append(.under18Years) }
        switch condition {
        case .pregnancy: audiences.append(.pregnancy)
        case .lactation: audiences.append(.lactation)
        case .none: break
        }
        return audiences
    }
}

/// Words and phrases (several words in a row) of food descriptions, each with a reason.
struct WordRules: Sendable {
    var words: [String: String] = [:]
    var phrases: [(words: [String], reason: String)] = []

    /// Adds a word or a phrase.
    mutating func add(_ value: [String], reason: String) {
        if value.count == 1 { words[value[0]] = reason } else { phrases.append((value, reason)) }
    }

    /// Which of a description's words fall inside one of `keeps`.
    static func kept(_ words: [String], by keeps: [[String]]) -> [Bool] {
        var kept = [Bool](repeating: false, count: words.count)
        for keep in keeps where !keep.isEmpty && keep.count <= words.count {
            for start in 0...(words.count - keep.count) where words[start] == keep[0] {
                if (1..<keep.count).allSatisfy({ words[start + $0] == keep[$0] }) {
                    for i in start..<(start + keep.count) { kept[i] = true }
                }
            }
        }
        return kept
    }

    /// The reason of the first word or phrase found outside the kept words, or `nil`.
    func match(_ words: [String], kept: [Bool]) -> (String, String)? {
        for (i, word) in words.enumerated() where !kept[i] {
            if let reason = self.words[word] { return (word, reason) }
        }
        for phrase in phrases where phrase.words.count <= words.count {
            for start in 0...(words.count - phrase.words.count) {
                let range = start..<(start + phrase.words.count)
                if range.allSatisfy({ words[$0] == phrase.words[$0 - start] }), range.contains(where: { !kept[$0] }) {
                    return (phrase.words.joined(separator: " "), phrase.reason)
                }
            }
        }
        return nil
    }
}

/// Foods the gap planner does not suggest, from `Data/planner.csv`, for everyone or for a
/// life stage: whole groups (restaurant foods, supplements), words and phrases (infant
/// formula, dry mixes, honey before 12 months, choking hazards under 4, the fish to avoid),
/// words within a group (raw meat, dried egg), for infants only the foods made for them,
/// and the most of a group a plan suggests (a tablespoon of oil).
public struct PlannerExclusions: Sendable {
    struct Rules: Sendable {
        var groups: [String: String] = [:]
        var words = WordRules()
        var groupWords: [String: WordRules] = [:]
        var keeps: [[String]] = []
        /// Only foods of these groups, if any are listed, and the reason for the others.
        var onlyGroups: [String: String] = [:]
        var onlyReason: String?
    }
    var rules: [PlanAudience: Rules] = [:]
    /// The most of a group's food one plan item may weigh, with the reason.
    public private(set) var groupMaxGrams: [String: (grams: Double, reason: String)] = [:]

    /// Reads `planner.csv`.
    public init(bytes: [UInt8], fileName: String) throws(CSVError) {
        let table = try NamedCSVTable(bytes: bytes, fileName: fileName, columns: ["kind", "value", "who", "reason", "source"])
        for row in table.rows {
            let value = row["value"]
            guard let who = PlanAudience(rawValue: row["who"]) else {
                throw row.error("who", "who must be one of \(PlanAudience.allCases.map(\.rawValue).joined(separator: ", ")), found \"\(row["who"])\"")
            }
            let reason = row["reason"]
            func split() throws(CSVError) -> (String, String) {
                let parts = value.split(separator: ";", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[1].isEmpty else { throw row.error("value", "\(row["kind"]) needs GROUP;value, found \"\(value)\"") }
                return (parts[0], parts[1])
            }
            switch row["kind"] {
            case "group": rules[who, default: Rules()].groups[value] = reason
            case "only_group":
                rules[who, default: Rules()].onlyGroups[value] = reason
                rules[who, default: Rules()].onlyReason = rules[who]!.onlyReason ?? reason
            case "word":
                let words = FoodWords.words(of: value)
                guard !words.isEmpty else { throw row.error("value", "a word or phrase needs a letter, found \"\(value)\"") }
                rules[who, default: Rules()].words.add(words, reason: reason)
            case "group_word":
                let (group, word) = try split()
                rules[who, default: Rules()].groupWords[group, default: WordRules()].add(FoodWords.words(of: word), reason: reason)
            case "keep": rules[who, default: Rules()].keeps.append(FoodWords.words(of: value))
            case "group_max_grams":
                let (group, grams) = try split()
                guard let limit = Double(grams), limit > 0 else { throw row.error("value", "group_max_grams needs GROUP;grams, found \"\(value)\"") }
                groupMaxGrams[group] = (limit, reason)
            default:
                throw row.error("kind", "kind must be group, only_group, word, group_word, keep or group_max_grams, found \"\(row["kind"])\"")
            }
        }
    }

    /// Why a food is not suggested to an audience, or `nil`.
    public func exclusion(group: String, words: [String], audience: PlanAudience) -> String? {
        guard let rules = rules[audience] else { return nil }
        if let only = rules.onlyReason, rules.onlyGroups[group] == nil { return only }
        if let reason = rules.groups[group] { return reason }
        if rules.words.words.isEmpty, rules.words.phrases.isEmpty, rules.groupWords[group] == nil { return nil }
        let kept = rules.keeps.isEmpty ? [Bool](repeating: false, count: words.count) : WordRules.kept(words, by: rules.keeps)
        if let (_, reason) = rules.words.match(words, kept: kept) { return reason }
        if let inGroup = rules.groupWords[group], let (_, reason) = inGroup.match(words, kept: kept) { return reason }
        return nil
    }

    /// Why a food is not suggested to everyone, or `nil` (the rules for everyone only).
    public func exclusion(group: String, words: [String]) -> String? {
        exclusion(group: group, words: words, audience: .everyone)
    }
}

/// How much a plan may suggest, by life stage, from `Data/plan_limits.csv`, and the fish
/// serving and servings a week by the FDA/EPA's age bands, from `Data/fish_servings.csv`.
public struct PlanLimits: Sendable, Equatable {
    /// The life stage's name (infant, 1-3, ... adult, pregnancy, lactation).
    public let stage: String
    /// The least and most one item of a plan weighs, and the most energy it gives.
    public let itemMinGrams: Double
    public let itemMaxGrams: Double
    public let itemMaxKcal: Double
    /// The most energy a whole plan adds.
    public let planMaxKcal: Double
    /// One serving of fish, and how many a week the advice is.
    public let fishServingGrams: Double
    public let fishServingsPerWeek: Int

    /// Makes limits.
    public init(stage: String, itemMinGrams: Double, itemMaxGrams: Double, itemMaxKcal: Double, planMaxKcal: Double,
                fishServingGrams: Double, fishServingsPerWeek: Int) {
        self.stage = stage
        self.itemMinGrams = itemMinGrams
        self.itemMaxGrams = itemMaxGrams
        self.itemMaxKcal = itemMaxKcal
        self.planMaxKcal = planMaxKcal
        self.fishServingGrams = fishServingGrams
        self.fishServingsPerWeek = fishServingsPerWeek
    }
}

/// The limits of `Data/plan_limits.csv` and `Data/fish_servings.csv`, by age and condition.
public struct PlanLimitTable: Sendable {
    struct Band: Sendable {
        let condition: PhysiologicalCondition
        let from: Int?, to: Int?
        let values: [Double]
        let name: String
        func matches(age: Int, condition: PhysiologicalCondition) -> Bool {
            self.condition == condition && (from.map { age >= $0 } ?? true) && (to.map { age < $0 } ?? true)
        }
    }
    let stages: [Band]
    let fish: [Band]

    /// Reads both files.
    public init(limits: [UInt8], limitsFile: String, fish: [UInt8], fishFile: String) throws(CSVError) {
        func bands(_ bytes: [UInt8], _ file: String, name: String, numbers: [String]) throws(CSVError) -> [Band] {
            let table = try NamedCSVTable(bytes: bytes, fileName: file, columns: [name, "condition", "age_from_months", "age_to_months"] + numbers)
            var bands: [Band] = []
            for row in table.rows {
                guard let condition = PhysiologicalCondition(rawValue: row["condition"]) else {
                    throw row.error("condition", "condition must be none, pregnancy or lactation, found \"\(row["condition"])\"")
                }
                func age(_ column: String) throws(CSVError) -> Int? { row[column].isEmpty ? nil : Int(try row.number(column)) }
                var values: [Double] = []
                for column in numbers {
                    let value = try row.number(column)
                    guard value > 0 else { throw row.error(column, "\(column) must be above 0, found \(row[column])") }
                    values.append(value)
                }
                bands.append(Band(condition: condition, from: try age("age_from_months"), to: try age("age_to_months"), values: values, name: row[name]))
            }
            return bands
        }
        stages = try bands(limits, limitsFile, name: "stage", numbers: ["item_min_g", "item_max_g", "item_max_kcal", "plan_max_kcal"])
        self.fish = try bands(fish, fishFile, name: "who", numbers: ["serving_g", "servings_per_week"])
    }

    /// The limits for a person of this age and condition (the adult's where no band fits).
    public func limits(ageMonths age: Int, condition: PhysiologicalCondition) -> PlanLimits {
        let stage = stages.first { $0.matches(age: age, condition: condition) }
            ?? stages.first { $0.matches(age: age, condition: .none) } ?? stages.last!
        let fish = self.fish.first { $0.matches(age: age, condition: condition) }
            ?? self.fish.first { $0.matches(age: age, condition: .none) } ?? self.fish.last!
        return PlanLimits(stage: stage.name, itemMinGrams: stage.values[0], itemMaxGrams: stage.values[1], itemMaxKcal: stage.values[2],
                          planMaxKcal: stage.values[3], fishServingGrams: fish.values[0], fishServingsPerWeek: Int(fish.values[1]))
    }
}
