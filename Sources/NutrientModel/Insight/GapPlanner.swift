import Foundation

/// The word rules' verdicts on each food of a planner's table: why it is left out of plans
/// for each audience (`Data/planner.csv`) and whether pregnancy advice says to avoid it for
/// its retinol (liver, liver products, cod liver oil, retinol supplements; `SafetyRules`),
/// and whether it counts as fish for the weekly fish advice (`FishFoods`).
/// Each food's are worked out the first time a plan or list looks at it, and kept: a plan
/// looks at a few hundred of the 8,789 foods, and splitting every description into words
/// when the planner was made was most of its cost (the first `g`, `absorb gaps`).
final class FoodVerdicts: @unchecked Sendable {
    private let table: FoodTable
    private let exclusions: PlannerExclusions
    private let safety: SafetyRules
    private let fishFoods: FishFoods
    private let lock = NSLock()
    /// Per food and audience (food * audienceCount + audience), why plans leave it out: an
    /// index into `reasons`, `allowed`, or `unknown` (not yet worked out). Numbers, not
    /// texts: a table's worth of optional texts cost more to make and free than to look up.
    private var excluded: [Int32]
    private static let unknown: Int32 = -2, allowed: Int32 = -1
    private var reasons: [String] = []
    private var reasonNumbers: [String: Int32] = [:]
    static let audienceCount = PlanAudience.allCases.count
    private var pregnancy: [Bool?]
    /// Per food: 0 not yet looked at, 1 not fish, 2 fish, 3 a dish with fish in it.
    private var fish: [UInt8]
    /// Per food: its description's words (`FoodWords`), split once, for the foods plans
    /// compare (a few hundred), not every food.
    private var wordsOfFood: [[String]?]

    /// Verdicts over `table`; those of its first foods already worked out if `prepared`
    /// holds them (a `PlannerPreparation` kept with the table), the rest when first asked.
    init(table: FoodTable, exclusions: PlannerExclusions, safety: SafetyRules, fishFoods: FishFoods,
         prepared: PlannerPreparation? = nil) {
        self.table = table
        self.exclusions = exclusions
        self.safety = safety
        self.fishFoods = fishFoods
        let known = prepared?.foodCount ?? 0
        excluded = prepared?.excluded ?? []
        excluded.append(contentsOf: repeatElement(Self.unknown, count: (table.count - known) * Self.audienceCount))
        pregnancy = prepared?.pregnancy.map { $0 == 0 ? nil : $0 == 2 } ?? []
        pregnancy.append(contentsOf: repeatElement(nil, count: table.count - known))
        fish = prepared?.fish ?? []
        fish.append(contentsOf: repeatElement(0, count: table.count - known))
        if let prepared {
            reasons = prepared.reasons
            for (number, reason) in reasons.enumerated() { reasonNumbers[reason] = Int32(number) }
        }
        wordsOfFood = Array(repeating: nil, count: table.count)
    }

    /// The verdicts of the first `count` foods as they stand, for a `PlannerPreparation`
    /// (those not yet worked out stay so: a verdict is kept as its reason's number, -1
    /// allowed, -2 not yet known; fish 0 not yet known, 1 not fish, 2 fish, 3 a fish dish;
    /// pregnancy 0 not yet known, 1 allowed, 2 avoided).
    func kept(count: Int) -> (excluded: [Int32], reasons: [String], fish: [UInt8], pregnancy: [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        return (Array(excluded[..<(count * Self.audienceCount)]), reasons, Array(fish[..<count]),
                pregnancy[..<count].map { $0 == nil ? 0 : $0! ? 2 : 1 })
    }

    /// The words of `food`'s description, split the first time they are asked for.
    func words(_ food: Int) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        return wordsLocked(food)
    }

    private func wordsLocked(_ food: Int) -> [String] {
        if let known = wordsOfFood[food] { return known }
        let words = FoodWords.words(of: table.descriptions[food])
        wordsOfFood[food] = words
        return words
    }

    /// Whether the words a verdict splits are kept: yes for the foods plans look at (their
    /// rules, fish and comparisons then split each description once), no while every
    /// food's verdicts are worked out ahead (every food's words would cost megabytes).
    private var keepsWords = true

    /// The words of `food` for a verdict: the kept ones, else split (and kept if `keepsWords`).
    private func verdictWordsLocked(_ food: Int) -> [String] {
        if let known = wordsOfFood[food] { return known }
        let words = FoodWords.words(of: table.descriptions[food])
        if keepsWords { wordsOfFood[food] = words }
        return words
    }

    /// Whether `food` counts as fish for the weekly advice, and whether it is a dish of
    /// which fish is one part (counted whole).
    func fish(_ food: Int) -> (isFish: Bool, isDish: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if fish[food] == 0 {
            let match = fishFoods.match(group: table.group(at: food), words: verdictWordsLocked(food))
            fish[food] = match == nil ? 1 : match!.isDish ? 3 : 2
        }
        return (fish[food] >= 2, fish[food] == 3)
    }

    /// Why `food` is left out of plans for the first of `audiences` (indices into
    /// `PlanAudience.allCases`, in the order a person's are asked) that leaves it out, or
    /// `nil`. Each audience's verdict is worked out when first asked for, and kept: an adult
    /// asks two of the eight, and most foods a plan looks at are asked only for those.
    func exclusion(_ food: Int, audiences: [Int]) -> String? {
        lock.lock()
        defer { lock.unlock() }
        var words: [String]? = nil
        for audience in audiences {
            let slot = food * Self.audienceCount + audience
            if excluded[slot] == Self.unknown {
                let split = words ?? verdictWordsLocked(food)
                words = split
                let who = PlanAudience.allCases[audience]
                var reason = exclusions.exclusion(group: table.group(at: food), words: split, audience: who)
                if reason == nil, who == .everyone, table.values(at: food)[.energy] == nil {
                    reason = "no energy value: a plan could not count it"
                }
                excluded[slot] = reason.map(numberLocked) ?? Self.allowed
            }
            if excluded[slot] >= 0 { return reasons[Int(excluded[slot])] }
        }
        return nil
    }

    /// The number of a reason (each text kept once: planner.csv has a few dozen).
    private func numberLocked(_ reason: String) -> Int32 {
        if let known = reasonNumbers[reason] { return known }
        let number = Int32(reasons.count)
        reasons.append(reason)
        reasonNumbers[reason] = number
        return number
    }

    /// Every food's verdicts worked out now (the dashboard does it in the background after
    /// its first frame, so its first plan finds them made; a command that plans once does not).
    func prepareAll() {
        lock.lock()
        keepsWords = false
        lock.unlock()
        defer {
            lock.lock()
            keepsWords = true
            lock.unlock()
        }
        let everyAudience = Array(0..<Self.audienceCount)
        for food in 0..<table.count {
            // Each audience on its own: asked together, the first that leaves a food out
            // would end the asking.
            for audience in everyAudience { _ = exclusion(food, audiences: [audience]) }
            _ = fish(food)
            _ = avoidInPregnancy(food)
        }
    }

    /// Whether pregnancy advice says to avoid `food`.
    func avoidInPregnancy(_ food: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if let known = pregnancy[food] { return known }
        let avoid = safety.isPregnancyRetinolSource(description: table.descriptions[food], values: table.values(at: food),
                                                    source: table.source(at: food), measures: table.portions(at: food))
        pregnancy[food] = avoid
        return avoid
    }
}

/// Per nutrient, the foods richest first: by serving, per 100 kcal (foods that give real
/// energy only) and per 100 g. Each list is sorted the first time a plan or a ranking asks
/// for it, and kept: a plan asks only for its gaps' lists, and sorting all 21 when the
/// planner was made was most of making it (`absorb gaps`, `absorb summary`).
final class RankedFoods: @unchecked Sendable {
    enum Basis: Int, CaseIterable { case serving, kcal, hundred }
    private let perServing: [Double], per100: [Double], servingKcal: [Double]
    /// Per food: whether 100 g gives the energy a per-kcal ranking asks (`Data/rules.csv`).
    private let energetic: [Bool]
    private let lock = NSLock()
    private var lists: [[Int32]?]
    /// Lists of the table's first `preparedCount` foods sorted ahead (a
    /// `PlannerPreparation`): the foods after them (custom foods, recipes) are merged in.
    private let prepared: [[Int32]]?
    private let preparedCount: Int
    static let listCount = Basis.allCases.count * GapPlanner.nutrientCount

    init(perServing: [Double], per100: [Double], servingKcal: [Double], energetic: [Bool],
         prepared: [[Int32]]? = nil, preparedCount: Int = 0) {
        self.perServing = perServing
        self.per100 = per100
        self.servingKcal = servingKcal
        self.energetic = energetic
        self.prepared = prepared?.count == Self.listCount ? prepared : nil
        self.preparedCount = self.prepared == nil ? 0 : preparedCount
        lists = Array(repeating: nil, count: Self.listCount)
    }

    /// The foods that give nutrient `n`, richest first on `basis`; equal amounts in the
    /// table's order (what a stable sort gives).
    func list(_ basis: Basis, _ n: Int) -> [Int32] {
        lock.lock()
        defer { lock.unlock() }
        let slot = basis.rawValue * GapPlanner.nutrientCount + n
        if let known = lists[slot] { return known }
        let made: [Int32]
        if let prepared = prepared?[slot] {
            made = preparedCount == servingKcal.count
                ? prepared : merge(prepared, sorted(basis, n, from: preparedCount), basis, n)
        } else {
            made = sorted(basis, n, from: 0)
        }
        lists[slot] = made
        return made
    }

    /// The lists as they stand (`nil`: not yet sorted), of the first `count` foods only.
    func kept(count: Int) -> [[Int32]?] {
        lock.lock()
        defer { lock.unlock() }
        guard count < servingKcal.count else { return lists }
        return lists.map { list in list.map { $0.filter { $0 < count } } }
    }

    /// What food `food` is ranked by on `basis` for nutrient `n` (0: it is not ranked).
    @inline(__always)
    private func key(_ basis: Basis, _ n: Int, _ food: Int) -> Double {
        let amount = perServing[food * GapPlanner.nutrientCount + n]
        switch basis {
        case .serving: return amount
        case .kcal: return amount > 0 && servingKcal[food] > 0 && energetic[food] ? amount / servingKcal[food] : 0
        case .hundred: return per100[food * GapPlanner.nutrientCount + n]
        }
    }

    /// The foods from `start` on that give nutrient `n`, richest first on `basis`.
    private func sorted(_ basis: Basis, _ n: Int, from start: Int) -> [Int32] {
        let count = servingKcal.count
        guard start < count else { return [] }
        // Each food's key worked out once; the keys are positive, so their bits order them
        // as numbers do, and their complements richest first.
        var keys = [UInt64](repeating: 0, count: count - start), foods = [Int32](repeating: 0, count: count - start)
        var used = 0
        keys.withUnsafeMutableBufferPointer { keys in
        foods.withUnsafeMutableBufferPointer { foods in
            for food in start..<count {
                let key = key(basis, n, food)
                guard key > 0 else { continue }
                keys[used] = ~key.bitPattern
                foods[used] = Int32(food)
                used += 1
            }
        }}
        keys.removeSubrange(used...)
        foods.removeSubrange(used...)
        Self.radixSort(&keys, carrying: &foods)
        return foods
    }

    /// Two lists richest first made one; on equal keys the first list's food first (its
    /// foods come earlier in the table, as a stable sort would keep them).
    private func merge(_ first: [Int32], _ second: [Int32], _ basis: Basis, _ n: Int) -> [Int32] {
        guard !second.isEmpty else { return first }
        var merged: [Int32] = []
        merged.reserveCapacity(first.count + second.count)
        var i = 0, j = 0
        while i < first.count, j < second.count {
            if key(basis, n, Int(first[i])) >= key(basis, n, Int(second[j])) {
                merged.append(first[i])
                i += 1
            } else {
                merged.append(second[j])
                j += 1
            }
        }
        merged.append(contentsOf: first[i...])
        merged.append(contentsOf: second[j...])
        return merged
    }

    /// Sorts `keys` in ascending order, and `values` with them, stably (equal keys keep
    /// their order): a byte at a time from the lowest, skipping a byte every key shares.
    /// Linear in the keys, where a comparison sort of thousands of foods was most of a list.
    static func radixSort(_ keys: inout [UInt64], carrying values: inout [Int32]) {
        let count = keys.count
        guard count > 1 else { return }
        // Every byte's counts in one pass, then a pass per byte that tells keys apart.
        var counts = [Int](repeating: 0, count: 8 * 256)
        counts.withUnsafeMutableBufferPointer { counts in
            keys.withUnsafeBufferPointer { keys in
                for key in keys {
                    for byte in 0..<8 { counts[byte << 8 | Int((key >> UInt64(byte << 3)) & 0xff)] += 1 }
                }
            }
        }
        var otherKeys = [UInt64](repeating: 0, count: count), otherValues = [Int32](repeating: 0, count: count)
        for byte in 0..<8 {
            let shift = UInt64(byte << 3)
            let moved: Bool = counts.withUnsafeMutableBufferPointer { counts in
                let base = byte << 8
                // A byte every key shares orders nothing.
                if counts[base + Int((keys[0] >> shift) & 0xff)] == count { return false }
                var total = 0
                for bucket in base..<(base + 256) {
                    let here = counts[bucket]
                    counts[bucket] = total
                    total += here
                }
                keys.withUnsafeBufferPointer { from in
                values.withUnsafeBufferPointer { fromValues in
                otherKeys.withUnsafeMutableBufferPointer { to in
                otherValues.withUnsafeMutableBufferPointer { toValues in
                    for index in 0..<count {
                        let key = from[index]
                        let bucket = base + Int((key >> shift) & 0xff)
                        let at = counts[bucket]
                        counts[bucket] = at + 1
                        to[at] = key
                        toValues[at] = fromValues[index]
                    }
                }}}}
                return true
            }
            if moved {
                swap(&keys, &otherKeys)
                swap(&values, &otherValues)
            }
        }
    }
}

/// A food as the planner sees it: a typical serving, its energy and what it gives.
public struct PlannerFood: Sendable, Equatable {
    /// The food's position in the table.
    public let index: Int
    public let description: String
    /// The typical serving: the food's first household measure that weighs 500 g or
    /// less, else 100 g.
    public let servingLabel: String
    public let servingGrams: Double
    /// Energy of one serving.
    public let kcalPerServing: Double
    /// Per serving, each nutrient's amount (0 where the table has no value).
    public let perServing: [Double]
}

/// A source of one nutrient, for the "what gives the most of it" lists.
public struct NutrientSource: Sendable, Equatable {
    public let food: PlannerFood
    /// The nutrient in one serving, and in 100 kcal of the food.
    public let amountPerServing: Double
    public let amountPer100Kcal: Double?
    /// The nutrient in 100 g of the food.
    public let amountPer100g: Double
    /// One serving as a percent of the target, if there is one.
    public let percentOfTarget: Double?
}

/// One food of a plan: a number of one of the food's own household measures, and what
/// it adds.
public struct PlanItem: Sendable, Equatable {
    public let food: PlannerFood
    /// How many of the measure: ¼, ½, 1, 1½, 2 (times the measure's own amount: "3 oz").
    public let servings: Double
    /// The measure as the table writes it ("cup, chopped", "oz", "fillet").
    public let measure: String
    public let grams: Double
    public let kcal: Double
    /// What it adds to each nutrient, in `Nutrient.allCases` order.
    public let adds: [Double]

    /// "1½ cups, chopped (45 g)" or "3 oz (85 g)".
    public var portionText: String {
        "\(Self.count(servings)) \(Self.measure(measure, plural: servings > 1)) (\(Format.number(grams, decimals: 0)) g)"
    }

    /// A count in quarters as a person writes it: "¼", "1½", "2".
    public static func count(_ value: Double) -> String {
        let whole = Int(value.rounded(.down))
        let quarter = Int(((value - Double(whole)) * 4).rounded())
        let fraction = ["", "¼", "½", "¾"][min(quarter, 3)]
        return whole == 0 ? (fraction.isEmpty ? "0" : fraction) : "\(whole)\(fraction)"
    }

    /// A measure's first word in the plural when there are more than one ("cups, diced").
    static func measure(_ text: String, plural: Bool) -> String {
        guard plural, let end = text.firstIndex(where: { !$0.isLetter }) ?? Optional(text.endIndex), end > text.startIndex else { return text }
        let word = String(text[..<end]), rest = text[end...]
        let unchanged: Set<String> = ["oz", "tbsp", "tsp", "fl", "lb", "g", "ml", "cubic", "large", "medium", "small", "extra", "NLEA", "serving"]
        guard !unchanged.contains(word), word.count > 1, word.first!.isLowercase, !word.hasSuffix("s") else { return text }
        let plural: String
        if word.hasSuffix("ch") || word.hasSuffix("sh") || word.hasSuffix("x") { plural = word + "es" }
        else if word.hasSuffix("y"), let before = word.dropLast().last, !"aeiou".contains(before) { plural = word.dropLast() + "ies" }
        else if word == "leaf" { plural = "leaves" }
        else { plural = word + "s" }
        return plural + rest
    }
}

/// A plan of at most three foods for the rest of a day, or why none closes every gap.
public struct GapPlan: Sendable, Equatable {
    /// The nutrients below target before the plan.
    public let gaps: [Nutrient]
    /// The foods to add, in the order chosen.
    public let items: [PlanItem]
    /// Each nutrient's amount before and after the plan.
    public let before: [Double]
    public let after: [Double]
    /// The gaps the plan does not close, each with the reason.
    public let remaining: [(nutrient: Nutrient, reason: String)]
    /// Why no plan is made at all for this person (an infant under 6 months), or `nil`.
    public var withheld: String? = nil
    /// What the plan says of the week's fish, or `nil`: why no fish is suggested (the
    /// week's servings are already logged), or why its fish is held below a serving, and
    /// which dishes were counted whole and which recipes by their share.
    public var fishNote: String? = nil
    /// For a plan of portions of named foods (`plan(using:)`), those foods, in the order
    /// named; `nil` for a plan from the whole table.
    public var using: [PlannerFood]? = nil
    /// The named foods a plan could not use, each with the reason (a diet, an upper limit,
    /// the week's fish).
    public var leftOut: [(food: PlannerFood, reason: String)] = []
    /// The energy the plan adds.
    public var addedKcal: Double { items.reduce(0) { $0 + $1.kcal } }

    public static func == (lhs: GapPlan, rhs: GapPlan) -> Bool {
        lhs.gaps == rhs.gaps && lhs.items == rhs.items && lhs.before == rhs.before && lhs.after == rhs.after
            && lhs.remaining.map(\.nutrient) == rhs.remaining.map(\.nutrient)
            && lhs.remaining.map(\.reason) == rhs.remaining.map(\.reason) && lhs.withheld == rhs.withheld
            && lhs.fishNote == rhs.fishNote && lhs.using == rhs.using
            && lhs.leftOut.map(\.food) == rhs.leftOut.map(\.food) && lhs.leftOut.map(\.reason) == rhs.leftOut.map(\.reason)
    }
}

/// Finds the foods richest in a nutrient, and a short plan that closes a day's gaps:
/// at most three foods in household portions, every target met, no upper limit passed,
/// the least added energy it can find, within the person's diet and without foods that
/// are odd to suggest (`Data/planner.csv`).
public struct GapPlanner: Sendable {
    /// The table the planner was made over (shared, not copied).
    let table: FoodTable
    /// Per food: the serving's grams and energy, the measure it is (-1: 100 g), and per
    /// serving each nutrient and each upper-limit amount, in flat arrays (one allocation
    /// each, not several per food).
    let servingGrams: [Double]
    let servingKcal: [Double]
    let servingPortion: [Int32]
    let perServing: [Double]       // food * nutrients + n
    /// Per serving, preformed retinol and added vitamin E (food * 2 + 0 or 1): with the
    /// nutrient amounts, all an upper limit can count.
    let limitPerServing: [Double]
    /// Per 100 g, each nutrient (food * nutrients + n) and each upper-limit amount (food * 2).
    let per100: [Double]
    let limitPer100: [Double]
    /// Per food and audience, why it is left out of plans, and whether pregnancy advice
    /// says to avoid it: worked out when a plan first looks at the food.
    let verdicts: FoodVerdicts
    /// Per food: the most one plan item of it may weigh by its group (a tablespoon of oil),
    /// whether it has a household measure (a food with none is not suggested). Whether it
    /// is fish or shellfish (served by the FDA/EPA's portions, counted for the week's
    /// advice) is `verdicts.fish`, by `Data/fish_foods.csv`.
    let groupMaxGrams: [Double]
    let hasMeasure: [Bool]
    /// Per food: whether 100 g gives the energy a per-kcal ranking asks (`Data/rules.csv`).
    let energetic: [Bool]
    let diets: DietTable
    /// Per nutrient, foods by amount per serving, per kcal and per 100 g, richest first
    /// (each sorted when first asked for).
    let ranked: RankedFoods
    func byServing(_ n: Int) -> [Int32] { ranked.list(.serving, n) }
    func byKcal(_ n: Int) -> [Int32] { ranked.list(.kcal, n) }
    func byHundred(_ n: Int) -> [Int32] { ranked.list(.hundred, n) }
    let rules: ScoringRules
    /// The rules that keep a plan safe for the person it is for.
    let safety: PlanSafetyRules
    /// Per position of a recipe in the table, the grams of fish in a gram of it, from its
    /// ingredients (`NutrientData.recipeFishShares`); only recipes with fish are listed.
    let recipeFishShares: [Int: Double]
    static let nutrientCount = Nutrient.allCases.count


    /// The numbers of a household measure a plan may suggest (the preferred first).
    public static let servingSteps: [Double] = [1, 0.5, 1.5, 2, 0.25]
    /// The most portions of one food a plan weighs (the first measures' first): enough to
    /// choose a size, few enough to keep a plan fast.
    public static let maxPortionsPerFood = 6
    /// The heaviest a food's typical serving may be, for the best-food lists.
    public static let maxPortionGrams = 500.0
    /// The words that tell apart foods a plan counts as one (with or without salt).
    static let saltWords: Set<String> = ["with", "without", "salt", "added"]

    /// Whether two foods differ only by salt, as SR28 writes such pairs ("boiled, with
    /// salt" / "without salt", maybe one other word): in one food group, one of them
    /// naming salt. A plan or a ranking shows one of them.
    func sameButForSalt(_ a: Int, _ b: Int) -> Bool {
        guard a != b, table.group(at: a) == table.group(at: b) else { return false }
        let wordsA = Set(verdicts.words(a)), wordsB = Set(verdicts.words(b))
        guard wordsA.contains("salt") || wordsB.contains("salt") else { return false }
        return Self.differByAtMostOne(wordsA.subtracting(Self.saltWords).sorted(), wordsB.subtracting(Self.saltWords).sorted())
    }
    /// Whether two sorted lists of words without repeats differ by at most one word (the
    /// words in one and not the other, counted both ways): `sameButForSalt`'s rule.
    static func differByAtMostOne(_ a: [String], _ b: [String]) -> Bool {
        guard abs(a.count - b.count) <= 1 else { return false }
        var i = 0, j = 0, differing = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                i += 1
                j += 1
                continue
            }
            differing += 1
            if differing > 1 { return false }
            if j == b.count || (i < a.count && a[i] < b[j]) { i += 1 } else { j += 1 }
        }
        return true
    }

    /// Works out every food's word rules and sorts every ranked list now, instead of when a
    /// plan first asks for them (the dashboard, in the background, before the first `g`).
    public func prepare() {
        verdicts.prepareAll()
        for basis in RankedFoods.Basis.allCases { for n in 0..<Self.nutrientCount { _ = ranked.list(basis, n) } }
    }

    /// Whether a food counts as fish or shellfish (`Data/fish_foods.csv`): served in the
    /// FDA/EPA's portions, at most one in a plan, counted toward the week's advice.
    public func isFish(_ food: Int) -> Bool { recipeFishShares[food] != nil || verdicts.fish(food).isFish }

    /// Whether a food is a dish with fish in it whose fish share is not known: its whole
    /// weight counts as fish.
    public func isFishDish(_ food: Int) -> Bool { verdicts.fish(food).isDish }

    /// Prepares the planner over a table (once: plans then take milliseconds). With a
    /// `preparation` of the table's first foods (kept with the table: `NutrientData`), only
    /// the foods after them (custom foods, recipes) are worked out here.
    public init(table: FoodTable, exclusions: PlannerExclusions, diets: DietTable, rules: ScoringRules,
                safety: PlanSafetyRules, recipeFishShares: [String: Double] = [:], preparation: PlannerPreparation? = nil) {
        var shares: [Int: Double] = [:]
        for (id, share) in recipeFishShares where share > 0 { if let index = table.index(of: id) { shares[index] = share } }
        self.recipeFishShares = shares
        let prepared = preparation.flatMap { $0.fits(table) ? $0 : nil }
        let nutrients = Nutrient.allCases
        let n = nutrients.count
        var grams = prepared?.servingGrams ?? [], kcal = prepared?.servingKcal ?? [], portion = prepared?.servingPortion ?? []
        var hundred = prepared?.per100 ?? [], limitHundred = prepared?.limitPer100 ?? []
        var maxGrams = prepared?.groupMaxGrams ?? []
        var measured: [Bool] = prepared.map { $0.hasMeasure.map { $0 != 0 } } ?? []
        var energetic: [Bool] = prepared.map { $0.energetic.map { $0 != 0 } } ?? []
        var groupMost: [Int: Double] = [:]
        grams.reserveCapacity(table.count)
        kcal.reserveCapacity(table.count)
        portion.reserveCapacity(table.count)
        hundred.reserveCapacity(table.count * n)
        limitHundred.reserveCapacity(table.count * 2)
        maxGrams.reserveCapacity(table.count)
        measured.reserveCapacity(table.count)
        energetic.reserveCapacity(table.count)
        // Per kcal, only foods that give real energy (Data/rules.csv): a diet drink would
        // top every list per 100 kcal with a sip's worth of a vitamin.
        let minimumKcal = safety.rankPerKcalMinKcalPer100g
        for index in (prepared?.foodCount ?? 0)..<table.count {
            let values = table.values(at: index)
            let measures = table.portionWeights(at: index)
            // The measure's grams per one of it (`Portion.gramsPerUnit`).
            func perUnit(_ at: Int) -> Double { measures.grams[at] / measures.amounts[at] }
            let chosen = measures.grams.indices.first { perUnit($0) <= Self.maxPortionGrams && perUnit($0) > 0 }
            let weight = chosen.map(perUnit) ?? 100
            grams.append(weight)
            portion.append(Int32(chosen.map { $0 - measures.grams.startIndex } ?? -1))
            kcal.append((values[.energy] ?? 0) * weight / 100)
            for nutrient in nutrients { hundred.append(nutrient.amount(in: values) ?? 0) }
            // What 100 g counts toward the retinol and added-E limits, by the scorer's
            // conservative rules (an unknown retinol is all of the vitamin A).
            let source = table.source(at: index)
            let upper = rules.upperLimits
            limitHundred.append(upper.count(.vitaminA, basis: .retinol, in: values, source: source).amount ?? 0)
            limitHundred.append(upper.count(.vitaminE, basis: .addedVitaminE, in: values, source: source).amount ?? 0)
            // Each group's most looked up once, by its number, not by its name for every food.
            let group = table.groupIndex(at: index)
            if groupMost[group] == nil { groupMost[group] = exclusions.groupMaxGrams[table.group(at: index)]?.grams ?? .infinity }
            maxGrams.append(groupMost[group]!)
            measured.append(zip(measures.grams, measures.amounts).contains { $0 > 0 && $1 > 0 })
            energetic.append((values[.energy] ?? 0) >= minimumKcal)
        }
        // A serving's amounts are its weight's share of 100 g's, for every food alike.
        var amounts = [Double](repeating: 0, count: table.count * n), limits = [Double](repeating: 0, count: table.count * 2)
        for food in 0..<table.count {
            let weight = grams[food]
            for k in 0..<n { amounts[food * n + k] = hundred[food * n + k] * weight / 100 }
            limits[food * 2] = limitHundred[food * 2] * weight / 100
            limits[food * 2 + 1] = limitHundred[food * 2 + 1] * weight / 100
        }
        per100 = hundred
        limitPer100 = limitHundred
        groupMaxGrams = maxGrams
        hasMeasure = measured
        verdicts = FoodVerdicts(table: table, exclusions: exclusions, safety: safety.facts, fishFoods: safety.fishFoods,
                                prepared: prepared)
        self.safety = safety
        self.table = table
        servingGrams = grams
        servingKcal = kcal
        servingPortion = portion
        perServing = amounts
        limitPerServing = limits
        self.diets = diets
        self.rules = rules
        self.energetic = energetic
        ranked = RankedFoods(perServing: amounts, per100: hundred, servingKcal: kcal, energetic: energetic,
                             prepared: prepared?.lists, preparedCount: prepared?.foodCount ?? 0)
    }

    /// What this planner has worked out for the table's first `count` foods (those before
    /// the person's own: a `FoodTableStore` keeps it with the table), after `prepare()`:
    /// every verdict and every ranked list.
    public func preparation(count: Int) -> PlannerPreparation {
        prepare()
        let n = Self.nutrientCount
        let verdicts = verdicts.kept(count: count)
        return PlannerPreparation(
            foodCount: count, servingGrams: Array(servingGrams[..<count]), servingKcal: Array(servingKcal[..<count]),
            servingPortion: Array(servingPortion[..<count]), per100: Array(per100[..<(count * n)]),
            limitPer100: Array(limitPer100[..<(count * 2)]), groupMaxGrams: Array(groupMaxGrams[..<count]),
            hasMeasure: hasMeasure[..<count].map { $0 ? 1 : 0 }, energetic: energetic[..<count].map { $0 ? 1 : 0 },
            lists: ranked.kept(count: count).map { $0 ?? [] }, excluded: verdicts.excluded, reasons: verdicts.reasons,
            fish: verdicts.fish, pregnancy: verdicts.pregnancy)!
    }

    /// What one serving of a food counts toward nutrient `n`'s upper limit on `basis`.
    @inline(__always)
    func limitAmount(_ food: Int, _ basis: UpperLimitBasis, _ n: Int) -> Double {
        switch basis {
        case .total: perServing[food * Self.nutrientCount + n]  // EPA + DHA too: its 5 g cap is on the total
        case .retinol: limitPerServing[food * 2]
        case .addedVitaminE: limitPerServing[food * 2 + 1]
        }
    }

    /// What 100 g of a food counts toward nutrient `n`'s upper limit on `basis`.
    @inline(__always)
    func limitAmount100(_ food: Int, _ basis: UpperLimitBasis, _ n: Int) -> Double {
        switch basis {
        case .total: per100[food * Self.nutrientCount + n]
        case .retinol: limitPer100[food * 2]
        case .addedVitaminE: limitPer100[food * 2 + 1]
        }
    }

    /// A food as plans and lists show it.
    public func food(_ index: Int) -> PlannerFood {
        let n = Self.nutrientCount
        let portion = servingPortion[index]
        let label = portion < 0 ? "100 g" : "1 \(table.portions(at: index)[Int(portion)].description)"
        return PlannerFood(index: index, description: table.descriptions[index], servingLabel: label,
                           servingGrams: servingGrams[index], kcalPerServing: servingKcal[index],
                           perServing: Array(perServing[(index * n)..<(index * n + n)]))
    }

    /// The audiences of `Data/planner.csv` a person belongs to (indices into
    /// `PlanAudience.allCases`), by age and condition.
    func audiences(of profile: PersonProfile?) -> [Int] {
        let age = profile?.ageMonths ?? safety.defaultAgeMonths
        let list = PlanAudience.of(ageMonths: age, condition: profile?.condition ?? .none)
        return list.map { audience in PlanAudience.allCases.firstIndex(of: audience)! }
    }

    /// The limits of a plan for a person (portions, energy, fish), by life stage.
    public func limits(for profile: PersonProfile?) -> PlanLimits {
        safety.limits.limits(ageMonths: profile?.ageMonths ?? safety.defaultAgeMonths, condition: profile?.condition ?? .none)
    }

    /// Why a food is not suggested to `profile` on `diets` (planner rules for the life
    /// stage, then the diets), or `nil`.
    public func exclusion(_ food: Int, diets keys: Set<String>, for profile: PersonProfile? = nil) -> String? {
        exclusion(food, diets: keys, audiences: audiences(of: profile))
    }

    func exclusion(_ food: Int, diets keys: Set<String>, audiences: [Int]) -> String? {
        if let reason = verdicts.exclusion(food, audiences: audiences) { return reason }
        if !hasMeasure[food] { return "the table has no household measure for it" }
        guard !keys.isEmpty else { return nil }
        // The words of the few hundred foods a plan looks at, kept (not every food's: megabytes).
        return diets.exclusion(group: table.group(at: food), words: verdicts.words(food), diets: keys)
    }

    /// Whether a food may be suggested to `profile` (an adult if `nil`) on `diets`.
    public func allows(_ food: Int, diets keys: Set<String>, for profile: PersonProfile? = nil) -> Bool {
        exclusion(food, diets: keys, for: profile) == nil
    }

    /// The portions a plan may suggest of a food: ¼, ½, 1, 1½ or 2 of each of its own
    /// household measures, within the item limits of grams and energy, a fish serving for
    /// fish (or `fishGrams`, what is left of the week's fish, if less), and the most its
    /// group allows (a tablespoon of oil); one per weight.
    public func portions(of food: Int, limits: PlanLimits, fishGrams: Double? = nil) -> [(count: Double, measure: String, grams: Double)] {
        var out: [(count: Double, measure: String, grams: Double)] = []
        var most = min(limits.itemMaxGrams, groupMaxGrams[food])
        if isFish(food) { most = min(most, limits.fishServingGrams, fishGrams ?? .infinity) }
        let kcalPer100 = table.values(at: food)[.energy] ?? 0
        for measure in table.portions(at: food) where measure.grams > 0 && measure.amount > 0 {
            for step in Self.servingSteps {
                let count = measure.amount * step
                guard abs((count * 4).rounded() - count * 4) < 1e-9 else { continue }
                let grams = measure.grams * step
                guard grams >= limits.itemMinGrams - 1e-9, grams <= most + 1e-9, kcalPer100 * grams / 100 <= limits.itemMaxKcal + 1e-9 else { continue }
                if out.contains(where: { abs($0.grams - grams) <= 0.03 * grams }) { continue }
                out.append((count, measure.description, grams))
                if out.count == Self.maxPortionsPerFood { return out }
            }
        }
        return out
    }

    /// Whether a plan for `report`'s person and day must leave a food out: it adds to a
    /// nutrient already above its upper limit (any of it), or pregnancy advice says to
    /// avoid it.
    func unsafe(_ food: Int, for report: Report) -> Bool {
        let n = Self.nutrientCount
        for score in report.scores where score.status == .aboveUL {
            let k = score.nutrient.index
            if perServing[food * n + k] > 0 { return true }
            if let basis = score.target.upperLimitBasis, limitAmount(food, basis, k) > 0 { return true }
        }
        return report.profile.condition == .pregnancy && verdicts.avoidInPregnancy(food)
    }

    /// Why no plan or list of foods is made for `report`'s person, or `nil`.
    public func withheld(for report: Report) -> String? {
        guard let age = report.profile.ageMonths, age < safety.solidFoodsFromAgeMonths else { return nil }
        return "no foods are suggested before \(safety.solidFoodsFromAgeMonths) months: breast milk or infant formula is the food at this age"
            + " (WHO; American Academy of Pediatrics). Ask the baby's doctor or health visitor about a vitamin D supplement."
    }

    /// Why no food is listed as a source of `nutrient` for `report`'s person, or `nil`.
    public func sourcesWithheld(of nutrient: Nutrient, for report: Report) -> String? {
        if let reason = withheld(for: report) { return reason }
        if report.score(of: nutrient).status == .aboveUL {
            return "\(nutrient.name) is above its upper limit: no food is suggested for more of it."
        }
        return nil
    }

    /// The foods that give the most of a nutrient per serving, and per 100 kcal, by the
    /// planner's rules (foods eaten as such, with a household measure, within the diets).
    /// With a `report`, by its person's life stage too; none for a nutrient above its
    /// upper limit or for an infant too young for foods, and none that adds to a nutrient
    /// above its limit or that pregnancy advice says to avoid.
    public func bestSources(of nutrient: Nutrient, target: Target, diets keys: Set<String> = [], limit: Int = 10,
                            for report: Report? = nil)
        -> (perServing: [NutrientSource], per100Kcal: [NutrientSource]) {
        if let report, report.score(of: nutrient).status == .aboveUL || withheld(for: report) != nil { return ([], []) }
        let n = nutrient.index
        func source(_ index: Int32) -> NutrientSource { self.source(Int(index), nutrient: nutrient, target: target) }
        let audiences = audiences(of: report?.profile)
        let usable = { (food: Int32) in
            self.exclusion(Int(food), diets: keys, audiences: audiences) == nil && !(report.map { self.unsafe(Int(food), for: $0) } ?? false)
        }
        let serving = byServing(n).lazy.filter(usable).prefix(limit).map(source)
        let kcal = byKcal(n).lazy.filter(usable).prefix(limit).map(source)
        return (Array(serving), Array(kcal))
    }

    /// The servings of fish in `entries` (each entry once), by the person's FDA/EPA
    /// serving: every food `Data/fish_foods.csv` counts as fish, a dish whole.
    public func fishServings(in entries: [Entry], limits: PlanLimits) -> Double {
        fishLogged(in: entries).grams / limits.fishServingGrams
    }

    /// The grams of fish in `entries` (each entry once; a recipe by the fish share of its
    /// ingredients; a dish with fish in it whole), the dishes counted whole and the recipes
    /// counted by their share, in the order first logged.
    public func fishLogged(in entries: [Entry]) -> (grams: Double, dishes: [Int], recipes: [Int]) {
        var seen = Set<Int64>(), grams = 0.0, dishes: [Int] = [], recipes: [Int] = []
        for entry in entries where seen.insert(entry.id).inserted {
            guard let food = table.index(of: entry.foodID) else { continue }
            if let share = recipeFishShares[food] {
                grams += entry.grams * share
                if !recipes.contains(food) { recipes.append(food) }
                continue
            }
            let fish = verdicts.fish(food)
            guard fish.isFish else { continue }
            grams += entry.grams
            if fish.isDish, !dishes.contains(food) { dishes.append(food) }
        }
        return (grams, dishes, recipes)
    }

    /// What the plan says of the week's fish: none suggested once the week's servings are
    /// logged, a plan's fish kept to what is left of them, and the dishes counted whole.
    static func fishNote(logged: Double, dishes: [String], recipes: [(name: String, share: Double)] = [], limits: PlanLimits, to day: LocalDate,
                         noFish: Bool, gramsLeft: Double) -> String? {
        let servings = logged / limits.fishServingGrams
        let advice = "the advice is \(limits.fishServingsPerWeek) a week (FDA and EPA, Advice about Eating Fish, 2021)"
        let number = Format.number(servings, decimals: 1)
        let count = "\(number) serving\(number == "1" ? "" : "s") of fish (\(Format.number(limits.fishServingGrams, decimals: 0)) g each) logged in the 7 days to \(day.longDescription)"
        var note: String
        if noFish {
            note = "No fish suggested: \(count), and \(advice)."
        } else if gramsLeft < limits.fishServingGrams - 1e-9 {
            note = "Fish in this plan at most \(Format.number(gramsLeft, decimals: 0)) g: \(count), and \(advice)."
        } else if !dishes.isEmpty || !recipes.isEmpty {
            note = "\(Format.number(servings, decimals: 1)) of \(limits.fishServingsPerWeek) servings of fish logged in the 7 days to \(day.longDescription) (FDA and EPA, Advice about Eating Fish, 2021)."
        } else {
            return nil
        }
        for recipe in recipes {
            note += " Counting \(Format.number(recipe.share * 100, decimals: 0)) g of fish in 100 g of \(recipe.name), by its recipe (the fish's raw weight)."
        }
        if !dishes.isEmpty {
            let names = dishes.count == 1 ? dishes[0] : dishes.dropLast().joined(separator: "; ") + " and " + dishes.last!
            note += " Counting the whole of \(names) as fish: \(dishes.count == 1 ? "its" : "their") fish share is not known."
        }
        return note
    }

    /// The most foods a plan of portions (`plan(using:)`) takes: a plan of portions of more
    /// foods is not one a person follows.
    public static let maxUsingFoods = 8

    /// The foods a plan of portions of what the person eats uses (`absorb gaps
    /// --using-logged`, and the dashboard's gap screen): those of `entries` (the seven days
    /// to the plan's day), the most grams logged first, at most `limit`.
    public func loggedFoods(in entries: [Entry], limit: Int = GapPlanner.maxUsingFoods) -> [Int] {
        var grams: [Int: Double] = [:]
        for entry in entries { if let index = table.index(of: entry.foodID) { grams[index, default: 0] += entry.grams } }
        return Array(grams.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key).prefix(limit))
    }

    /// A plan for a day whose report is `report`. `week` is what was logged in the seven
    /// days ending on the report's last day: when it already holds the week's fish
    /// servings (FDA/EPA: 2 a week for children, 2-3 in pregnancy and lactation), the plan
    /// suggests no fish.
    ///
    /// With `using` (positions in the table), the plan is portion control as NUT does it:
    /// how much of these foods — ones the person eats — closes the gaps, within the same
    /// limits, one portion of each at most; a named food the rules leave out is said, with
    /// the reason.
    public func plan(for report: Report, diets keys: Set<String> = [], maxFoods: Int = 3, week: [Entry] = [],
                     using named: [Int]? = nil) -> GapPlan {
        let maxFoods = named.map { max(1, Set($0).count) } ?? maxFoods
        let nutrients = Nutrient.allCases
        let before = report.scores.map { $0.amount ?? 0 }
        let targets = report.scores.map { $0.target.value ?? 0 }
        let metAt = rules.metAtPercent / 100
        let gaps = report.scores.filter(\.isGap).map(\.nutrient.index)
        guard !gaps.isEmpty else {
            return GapPlan(gaps: [], items: [], before: before, after: before, remaining: [])
        }
        if let reason = withheld(for: report) {
            return GapPlan(gaps: gaps.map { nutrients[$0] }, items: [], before: before, after: before,
                           remaining: gaps.map { (nutrients[$0], reason) }, withheld: reason)
        }
        // Upper limits: how much room is left on each, by its basis. A nutrient already
        // above its limit has less than none: no food that adds to it fits.
        var room: [(n: Int, basis: UpperLimitBasis, left: Double)] = []
        for (n, score) in report.scores.enumerated() {
            guard let limit = score.target.upperLimit, let basis = score.target.upperLimitBasis else { continue }
            room.append((n, basis, limit - (score.upperLimitAmount ?? 0)))
        }
        // EPA + DHA has no UL, but a plan never brings it past EFSA's 5 g (Data/rules.csv).
        let epaDha = Nutrient.epaDha.index
        room.append((epaDha, .total, safety.epaDhaMaxMg - before[epaDha]))
        let audiences = audiences(of: report.profile)
        let limits = limits(for: report.profile)
        // The week's fish (Data/fish_foods.csv: a dish with fish in it counts whole): none
        // once its servings are logged, and a plan's fish no more than what is left of them.
        let fishWeek = fishLogged(in: week + report.entries)
        let weekGrams = Double(limits.fishServingsPerWeek) * limits.fishServingGrams
        let fishGramsLeft = max(0, weekGrams - fishWeek.grams)
        let noFish = fishWeek.grams >= weekGrams - 1e-9
        let fishNote = Self.fishNote(logged: fishWeek.grams, dishes: fishWeek.dishes.map { table.descriptions[$0] },
                                     recipes: fishWeek.recipes.map { (table.descriptions[$0], recipeFishShares[$0]!) }, limits: limits,
                                     to: report.range.to, noFish: noFish, gramsLeft: fishGramsLeft)
        // The pool: for each gap, the richest allowed foods per serving and per kcal; or the
        // foods named, each checked by the same rules.
        var pool: [Int] = []
        var seen = Set<Int>()
        var leftOut: [(food: PlannerFood, reason: String)] = []
        if let named {
            for food in named where seen.insert(food).inserted {
                // The upper limits first: what protects the person today is the reason to say.
                if unsafe(food, for: report) {
                    let above = report.scores.filter { $0.status == .aboveUL }.map(\.nutrient.name)
                    leftOut.append((self.food(food), above.isEmpty
                        ? "pregnancy advice says to avoid it (its retinol)"
                        : "it adds to \(above.joined(separator: ", ")), already above the upper limit"))
                } else if let reason = exclusion(food, diets: keys, audiences: audiences) {
                    leftOut.append((self.food(food), reason))
                } else if noFish && isFish(food) {
                    leftOut.append((self.food(food), "the week's fish servings are already logged"))
                } else if isFish(food), portions(of: food, limits: limits, fishGrams: fishGramsLeft).isEmpty,
                          !portions(of: food, limits: limits).isEmpty {
                    leftOut.append((self.food(food), "no portion of it fits in what is left of the week's fish (\(Format.number(fishGramsLeft, decimals: 0)) g)"))
                } else if portions(of: food, limits: limits).isEmpty {
                    leftOut.append((self.food(food), "no portion of it fits the limits of one item for this life stage"))
                } else {
                    pool.append(food)
                }
            }
        }
        for n in gaps where named == nil {
            for list in [byServing(n), byKcal(n)] {
                var taken = 0
                for entry in list where taken < 25 {
                    let food = Int(entry)
                    guard exclusion(food, diets: keys, audiences: audiences) == nil, !unsafe(food, for: report),
                          !(noFish && isFish(food)) else { continue }
                    taken += 1
                    if seen.insert(food).inserted { pool.append(food) }
                }
            }
        }
        struct Option { let food: Int; let count: Double; let measure: String; let grams: Double; let kcal: Double; let fish: Bool; var factor: Double { grams / 100 } }
        var options: [Option] = []
        for food in pool {
            let kcalPer100 = table.values(at: food)[.energy] ?? 0
            let fish = isFish(food)
            for portion in portions(of: food, limits: limits, fishGrams: fishGramsLeft) {
                options.append(Option(food: food, count: portion.count, measure: portion.measure, grams: portion.grams,
                                      kcal: kcalPer100 * portion.grams / 100, fish: fish))
            }
        }
        struct State {
            var chosen: [Option]
            var added: [Double]
            var limitUsed: [Double]
            var kcal: Double
            var shortfall: Double
        }
        /// A state not yet made: its parent, the option added, and how it would rank.
        struct Candidate {
            let parent: Int
            let option: Int
            let shortfall: Double
            let kcal: Double
            /// How it ranks: the shortfall rounded to thousandths (closer than that is a
            /// tie), then the energy, then the fewer foods. Rounded once, when made, not
            /// twice per comparison of the sort.
            let roundedShortfall: Double
            let depth: Int

            init(parent: Int, option: Int, shortfall: Double, kcal: Double, depth: Int) {
                self.parent = parent
                self.option = option
                self.shortfall = shortfall
                self.kcal = kcal
                self.roundedShortfall = (shortfall * 1000).rounded()
                self.depth = depth
            }
        }
        let n = nutrients.count
        func shortfall(_ added: UnsafeMutableBufferPointer<Double>) -> Double {
            gaps.reduce(0) { $0 + max(0, 1 - (before[$1] + added[$1]) / (targets[$1] * metAt)) }
        }
        var start = State(chosen: [], added: Array(repeating: 0, count: n), limitUsed: Array(repeating: 0, count: room.count),
                          kcal: 0, shortfall: 0)
        start.shortfall = start.added.withUnsafeMutableBufferPointer { shortfall($0) }
        var beam = [start]
        var best = start
        /// The rank, made total by the order candidates are made in (parent, then option): the
        /// order a stable sort gave, so that selecting the best few gives the same plan.
        func ranksBefore(_ a: Candidate, _ b: Candidate) -> Bool {
            (a.roundedShortfall, a.kcal, a.depth, a.parent, a.option) < (b.roundedShortfall, b.kcal, b.depth, b.parent, b.option)
        }
        /// The best `count` candidates first, in rank order; the rest after them, unordered.
        /// Selecting them (quickselect) and sorting only those is linear in the candidates,
        /// where sorting every one of thousands was a third of a plan.
        func bestFirst(_ candidates: inout [Candidate], count: Int) {
            guard candidates.count > count else {
                candidates.sort(by: ranksBefore)
                return
            }
            var low = 0, high = candidates.count - 1
            while low < high {
                // Hoare partition around the median of three.
                let mid = low + (high - low) / 2
                if ranksBefore(candidates[mid], candidates[low]) { candidates.swapAt(mid, low) }
                if ranksBefore(candidates[high], candidates[low]) { candidates.swapAt(high, low) }
                if ranksBefore(candidates[high], candidates[mid]) { candidates.swapAt(high, mid) }
                let pivot = candidates[mid]
                var i = low, j = high
                while i <= j {
                    while ranksBefore(candidates[i], pivot) { i += 1 }
                    while ranksBefore(pivot, candidates[j]) { j -= 1 }
                    if i <= j {
                        candidates.swapAt(i, j)
                        i += 1
                        j -= 1
                    }
                }
                if count - 1 <= j { high = j } else if count - 1 >= i { low = i } else { break }
            }
            candidates[..<count].sort(by: ranksBefore)
        }
        // Per option, flat: what it adds to each gap and to each limit, its energy and food.
        let optionCount = options.count, gapCount = gaps.count, roomCount = room.count
        var optionGapAdds = [Double](repeating: 0, count: optionCount * gapCount)
        var optionLimitAdds = [Double](repeating: 0, count: optionCount * roomCount)
        for (o, option) in options.enumerated() {
            for (g, k) in gaps.enumerated() { optionGapAdds[o * gapCount + g] = per100[option.food * n + k] * option.factor }
            for (r, limit) in room.enumerated() {
                optionLimitAdds[o * roomCount + r] = limitAmount100(option.food, limit.basis, limit.n) * option.factor
            }
        }
        // Foods that differ only by salt ("boiled, with salt" / "without salt", maybe one
        // other word, as SR28 writes them) are one food to a plan: it never suggests both.
        // Within a food group, once per plan, over the pool only.
        // Each food's words but the salt words are made once, when a pair in one group
        // first needs them (`sameButForSalt` made them for every pair it compared).
        var poolFamily: [Int: Int] = [:]
        let poolGroups = pool.map { table.groupIndex(at: $0) }
        // The words are kept sorted, without repeats, so that a pair is compared by one walk.
        var saltKeys = [(salty: Bool, words: [String])?](repeating: nil, count: pool.count)
        func saltKey(_ i: Int) -> (salty: Bool, words: [String]) {
            if let known = saltKeys[i] { return known }
            let words = Set(verdicts.words(pool[i]))
            let key = (words.contains("salt"), words.subtracting(Self.saltWords).sorted())
            saltKeys[i] = key
            return key
        }
        for (i, food) in pool.enumerated() where poolFamily[food] == nil {
            for j in (i + 1)..<pool.count where poolGroups[j] == poolGroups[i] && poolFamily[pool[j]] == nil {
                let a = saltKey(i), b = saltKey(j)
                guard a.salty || b.salty, Self.differByAtMostOne(a.words, b.words) else { continue }
                poolFamily[pool[j]] = food
                poolFamily[food] = food
            }
        }
        let optionKcal = options.map(\.kcal), optionFood = options.map { poolFamily[$0.food] ?? $0.food }, optionFish = options.map(\.fish)
        let gapHave = gaps.map { before[$0] }, gapNeed = gaps.map { targets[$0] * metAt }
        for _ in 0..<maxFoods {
            // Rank every extension cheaply; make states only of the best.
            var candidates: [Candidate] = []
            candidates.reserveCapacity(min(10_000, beam.count * options.count))
            // Once the candidates have been cut to the best 2,000, the last of those: one that
            // ranks after it can never be among the best 2,000 again, so it is not kept, and
            // its sum stops once its rounded shortfall must pass the last one's (the terms only
            // add). The next beam takes its 60 states of different foods from the best, so a
            // plan could differ only where 2,000 candidates hold fewer than 60 sets of foods
            // (none of the 368 plans compared before and after did: BENCHMARKS.md).
            var cutoff: Candidate? = nil
            var cutoffBound = Double.infinity
            for (parent, state) in beam.enumerated() where state.shortfall > 0 {
                let fishChosen = state.chosen.contains { $0.fish }
                let chosenFoods = state.chosen.map { poolFamily[$0.food] ?? $0.food }
                // What the state has of each gap, summed once for all its options.
                let stateHave = gaps.indices.map { gapHave[$0] + state.added[gaps[$0]] }
                let kcalLeft = limits.planMaxKcal + 1e-9 - state.kcal
                let limitLeft = (0..<roomCount).map { room[$0].left - state.limitUsed[$0] }
                let threshold = state.shortfall - 1e-9
                let depth = state.chosen.count
                optionGapAdds.withUnsafeBufferPointer { gapAdds in
                optionLimitAdds.withUnsafeBufferPointer { limitAdds in
                optionKcal.withUnsafeBufferPointer { kcals in
                optionFood.withUnsafeBufferPointer { foods in
                optionFish.withUnsafeBufferPointer { fishes in
                    for o in 0..<optionCount {
                        // A plan stays within its added energy, and has at most one fish serving.
                        guard kcals[o] <= kcalLeft, !(fishChosen && fishes[o]), !chosenFoods.contains(foods[o]) else { continue }
                        var fits = true
                        for r in 0..<roomCount {
                            let add = limitAdds[o * roomCount + r]
                            if add > 0, add > limitLeft[r] { fits = false; break }
                        }
                        guard fits else { continue }
                        var value = 0.0, better = true
                        for g in 0..<gapCount {
                            value += max(0, 1 - (stateHave[g] + gapAdds[o * gapCount + g]) / gapNeed[g])
                            // Adding a food that closes nothing more is never better; no term is
                            // negative, so once the sum reaches the state's own it stays there.
                            // A sum whose thousandths must round above the cut-off's ranks after it.
                            if value >= threshold || value * 1000 >= cutoffBound { better = false; break }
                        }
                        guard better else { continue }
                        let candidate = Candidate(parent: parent, option: o, shortfall: value, kcal: state.kcal + kcals[o], depth: depth)
                        if let cutoff, !ranksBefore(candidate, cutoff) { continue }
                        candidates.append(candidate)
                    }
                }}}}}
                // Only the best few thousand can make the next beam: keep memory small.
                if candidates.count > 8_000 {
                    bestFirst(&candidates, count: 2_000)
                    candidates.removeSubrange(2_000...)
                    cutoff = candidates[1_999]
                    // x * 1000 at or above k + 0.5 rounds to more than k (k a whole number).
                    cutoffBound = candidates[1_999].roundedShortfall + 0.5
                }
            }
            if candidates.isEmpty { break }
            // The best 600 in order, enough for 60 states of different foods almost always;
            // if not, the rest in order after them.
            bestFirst(&candidates, count: 600)
            var ordered = min(600, candidates.count)
            // Keep the best states, at most one per set of foods.
            var kept: [State] = []
            var keys = Set<[Int]>()
            var next = 0
            while kept.count < 60, next < candidates.count {
                if next == ordered {
                    candidates[ordered...].sort(by: ranksBefore)
                    ordered = candidates.count
                }
                let candidate = candidates[next]
                next += 1
                let parent = beam[candidate.parent]
                let option = options[candidate.option]
                let chosen = parent.chosen + [option]
                guard keys.insert(chosen.map(\.food).sorted()).inserted else { continue }
                let food = option.food
                var limitUsed = parent.limitUsed
                for (r, limit) in room.enumerated() {
                    limitUsed[r] += limitAmount100(food, limit.basis, limit.n) * option.factor
                }
                kept.append(State(chosen: chosen, added: (0..<n).map { parent.added[$0] + per100[food * n + $0] * option.factor },
                                  limitUsed: limitUsed, kcal: candidate.kcal, shortfall: candidate.shortfall))
            }
            beam = kept
            if ((beam[0].shortfall * 1000).rounded(), beam[0].kcal) < ((best.shortfall * 1000).rounded(), best.kcal) { best = beam[0] }
        }
        let items = best.chosen.map { option in
            PlanItem(food: self.food(option.food), servings: option.count, measure: option.measure, grams: option.grams, kcal: option.kcal,
                     adds: (0..<n).map { per100[option.food * n + $0] * option.factor })
        }
        let after = nutrients.indices.map { before[$0] + best.added[$0] }
        var remaining: [(Nutrient, String)] = []
        for n in gaps where after[n] < targets[n] * metAt - 1e-9 {
            if named != nil {
                let short = targets[n] * metAt - after[n]
                if after[n] - before[n] <= 0 {
                    remaining.append((nutrients[n], "none of the foods named gives any \(nutrients[n].name) within the limits"))
                    continue
                }
                remaining.append((nutrients[n], "the foods named give \(Format.amount(short)) \(nutrients[n].unit) too little in the portions a plan suggests (at most \(Format.grouped(limits.planMaxKcal)) kcal in all, no upper limit passed)"))
                continue
            }
            remaining.append((nutrients[n], reason(n, keys: keys, need: targets[n] * metAt - before[n], maxFoods: maxFoods, report: report,
                                                   audiences: audiences, limits: limits, fishGramsLeft: fishGramsLeft)))
        }
        var plan = GapPlan(gaps: gaps.map { nutrients[$0] }, items: items, before: before, after: after, remaining: remaining, fishNote: fishNote)
        if let named {
            var shown = Set<Int>()
            plan.using = named.filter { shown.insert($0).inserted }.map(self.food)
            plan.leftOut = leftOut
        }
        return plan
    }

    /// Why gap `n` stays open, by the same rules as the plan (the week's fish included).
    private func reason(_ n: Int, keys: Set<String>, need: Double, maxFoods: Int, report: Report, audiences: [Int],
                        limits: PlanLimits, fishGramsLeft: Double) -> String {
        let nutrient = Nutrient.allCases[n]
        let usable = { (food: Int32) in
            self.exclusion(Int(food), diets: keys, audiences: audiences) == nil && !self.unsafe(Int(food), for: report)
                && !self.portions(of: Int(food), limits: limits, fishGrams: fishGramsLeft).isEmpty
        }
        let byServing = byServing(n)
        guard let richest = byServing.first(where: usable) else {
            return keys.isEmpty
                ? "no food that can be suggested has a value for \(nutrient.name) in the table"
                : "no food your diet allows has a value for \(nutrient.name) in the table"
        }
        // The most any allowed food gives in its largest portion a plan may suggest; of
        // foods that give the same, the first by serving. Foods are taken richest per 100 g
        // first, and no portion weighs more than an item's limit, so once that much of a
        // food would give less than the most found, none after it can give more: the rules
        // are asked of the few foods before that, not of every food with a value.
        var most = 0.0, mostFood = Int(richest)
        let heaviest = limits.itemMaxGrams + 1e-6
        var rankByServing: [Int32: Int]? = nil
        for entry in byHundred(n) {
            let food = Int(entry)
            let per100g = per100[food * Self.nutrientCount + n]
            if per100g * heaviest / 100 < most { break }
            // Nor can a food whose own heaviest portion (its group's most, an item's energy)
            // gives less: the rules are not asked of it.
            var grams = min(heaviest, groupMaxGrams[food] + 1e-6)
            let kcalPer100 = table.values(at: food)[.energy] ?? 0
            if kcalPer100 > 0 { grams = min(grams, (limits.itemMaxKcal + 1e-6) * 100 / kcalPer100 * (1 + 1e-9)) }
            if per100g * grams / 100 < most { continue }
            guard usable(entry) else { continue }
            let amount = per100g * (portions(of: food, limits: limits, fishGrams: fishGramsLeft).map(\.grams).max() ?? 0) / 100
            if amount > most {
                most = amount
                mostFood = food
            } else if amount == most, amount > 0 {
                if rankByServing == nil {
                    rankByServing = Dictionary(uniqueKeysWithValues: byServing.enumerated().map { ($1, $0) })
                }
                if rankByServing![entry, default: .max] < rankByServing![Int32(mostFood), default: .max] { mostFood = food }
            }
        }
        if Format.amount(most) == "0" {
            // Only traces in foods that may be suggested: say so, not "quinoa gives 0 mg".
            return keys.isEmpty
                ? "no food that can be suggested gives a measurable amount of \(nutrient.name) in a portion"
                : "no food your diet allows gives a measurable amount of \(nutrient.name) in a portion (a supplement may: ask a dietitian)"
        }
        if most < need {
            return "the most one food can give in a portion a plan suggests (\(table.descriptions[mostFood])) is \(Format.amount(most)) \(nutrient.unit); \(Format.amount(need)) \(nutrient.unit) is missing"
        }
        return "closing it too would take more than \(maxFoods) foods, more than \(Format.grouped(limits.planMaxKcal)) kcal, or pass an upper limit"
    }
}

/// The rules that keep plans safe, from `Data/rules.csv`, `Data/safety.csv`,
/// `Data/plan_limits.csv`, `Data/fish_servings.csv` and `Data/fish_foods.csv`.
public struct PlanSafetyRules: Sendable {
    /// The most EPA + DHA a plan brings a day (EFSA 2012: 5 g).
    public let epaDhaMaxMg: Double
    /// No plan of foods is made before this age (about 6 months: WHO, AAP).
    public let solidFoodsFromAgeMonths: Int
    /// The facts behind the pregnancy caution, which plans keep to as well.
    public let facts: SafetyRules
    /// The age taken for a profile whose age is not set.
    public let defaultAgeMonths: Int
    /// Portion, energy and fish limits by life stage.
    public let limits: PlanLimitTable
    /// The least energy 100 g of a food gives for it to be ranked per 100 kcal.
    public let rankPerKcalMinKcalPer100g: Double
    /// Which foods count as fish for the weekly fish advice (`Data/fish_foods.csv`).
    public let fishFoods: FishFoods

    /// Makes the rules.
    public init(epaDhaMaxMg: Double, solidFoodsFromAgeMonths: Int, facts: SafetyRules, defaultAgeMonths: Int, limits: PlanLimitTable,
                rankPerKcalMinKcalPer100g: Double, fishFoods: FishFoods) {
        self.fishFoods = fishFoods
        self.rankPerKcalMinKcalPer100g = rankPerKcalMinKcalPer100g
        self.epaDhaMaxMg = epaDhaMaxMg
        self.solidFoodsFromAgeMonths = solidFoodsFromAgeMonths
        self.facts = facts
        self.defaultAgeMonths = defaultAgeMonths
        self.limits = limits
    }
}
