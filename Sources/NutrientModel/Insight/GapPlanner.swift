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
    /// One serving as a percent of the target, if there is one.
    public let percentOfTarget: Double?
}

/// One food of a plan: how many servings and what they add.
public struct PlanItem: Sendable, Equatable {
    public let food: PlannerFood
    public let servings: Double
    public var grams: Double { servings * food.servingGrams }
    public var kcal: Double { servings * food.kcalPerServing }
    /// What it adds to each nutrient, in `Nutrient.allCases` order.
    public let adds: [Double]

    /// "2 × 1 fillet (155 g)" or "1 cup (245 g)".
    public var portionText: String {
        let count = servings == 1 ? "" : "\(Format.number(servings, decimals: 1)) × "
        return "\(count)\(food.servingLabel) (\(Format.number(grams, decimals: 0)) g)"
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
    /// The energy the plan adds.
    public var addedKcal: Double { items.reduce(0) { $0 + $1.kcal } }

    public static func == (lhs: GapPlan, rhs: GapPlan) -> Bool {
        lhs.gaps == rhs.gaps && lhs.items == rhs.items && lhs.before == rhs.before && lhs.after == rhs.after
            && lhs.remaining.map(\.nutrient) == rhs.remaining.map(\.nutrient)
            && lhs.remaining.map(\.reason) == rhs.remaining.map(\.reason) && lhs.withheld == rhs.withheld
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
    /// Why each table food is left out of plans (nil: it may be suggested).
    let excludedBecause: [String?]
    let diets: DietTable
    /// Per nutrient, foods by amount per serving and per kcal, richest first.
    let byServing: [[Int32]]
    let byKcal: [[Int32]]
    let rules: ScoringRules
    /// The rules that keep a plan safe for the person it is for.
    let safety: PlanSafetyRules
    /// Per food: whether pregnancy advice says to avoid it for its retinol (liver, liver
    /// products, cod liver oil, retinol supplements; `SafetyRules`).
    let pregnancyAvoids: [Bool]
    static let nutrientCount = Nutrient.allCases.count


    /// The servings a plan may use of a food.
    public static let servingSteps: [Double] = [0.5, 1, 1.5, 2, 3]
    /// The heaviest a planned portion may be.
    public static let maxPortionGrams = 500.0

    /// Prepares the planner over a table (once: plans then take milliseconds).
    public init(table: FoodTable, exclusions: PlannerExclusions, diets: DietTable, rules: ScoringRules,
                safety: PlanSafetyRules) {
        let nutrients = Nutrient.allCases
        let n = nutrients.count
        var grams = [Double](), kcal = [Double](), portion = [Int32](), amounts = [Double](), limits = [Double]()
        var excluded: [String?] = []
        var avoidInPregnancy: [Bool] = []
        avoidInPregnancy.reserveCapacity(table.count)
        grams.reserveCapacity(table.count)
        kcal.reserveCapacity(table.count)
        portion.reserveCapacity(table.count)
        amounts.reserveCapacity(table.count * n)
        limits.reserveCapacity(table.count * 2)
        excluded.reserveCapacity(table.count)
        for index in 0..<table.count {
            let values = table.values(at: index)
            let measures = table.portions(at: index)
            let chosen = measures.firstIndex { $0.gramsPerUnit <= Self.maxPortionGrams && $0.gramsPerUnit > 0 }
            let weight = chosen.map { measures[$0].gramsPerUnit } ?? 100
            grams.append(weight)
            portion.append(Int32(chosen ?? -1))
            kcal.append((values[.energy] ?? 0) * weight / 100)
            for nutrient in nutrients { amounts.append((nutrient.amount(in: values) ?? 0) * weight / 100) }
            // What a serving counts toward the retinol and added-E limits, by the scorer's
            // conservative rules (an unknown retinol is all of the vitamin A).
            let source = table.source(at: index)
            let upper = rules.upperLimits
            limits.append((upper.count(.vitaminA, basis: .retinol, in: values, source: source).amount ?? 0) * weight / 100)
            limits.append((upper.count(.vitaminE, basis: .addedVitaminE, in: values, source: source).amount ?? 0) * weight / 100)
            var reason = exclusions.exclusion(group: table.group(at: index), words: FoodWords.words(of: table.descriptions[index]))
            if reason == nil, values[.energy] == nil { reason = "no energy value: a plan could not count it" }
            excluded.append(reason)
            avoidInPregnancy.append(safety.facts.isPregnancyRetinolSource(
                description: table.descriptions[index], values: values, source: source, measures: measures))
        }
        pregnancyAvoids = avoidInPregnancy
        self.safety = safety
        self.table = table
        servingGrams = grams
        servingKcal = kcal
        servingPortion = portion
        perServing = amounts
        limitPerServing = limits
        excludedBecause = excluded
        self.diets = diets
        self.rules = rules
        let foods = 0..<table.count
        byServing = nutrients.indices.map { k in
            foods.filter { amounts[$0 * n + k] > 0 }.sorted { amounts[$0 * n + k] > amounts[$1 * n + k] }.map(Int32.init)
        }
        byKcal = nutrients.indices.map { k in
            foods.filter { amounts[$0 * n + k] > 0 && kcal[$0] > 0 }
                .sorted { amounts[$0 * n + k] / kcal[$0] > amounts[$1 * n + k] / kcal[$1] }.map(Int32.init)
        }
    }

    /// What one serving of a food counts toward nutrient `n`'s upper limit on `basis`.
    @inline(__always)
    func limitAmount(_ food: Int, _ basis: UpperLimitBasis, _ n: Int) -> Double {
        switch basis {
        case .total: Nutrient.allCases[n].mainComponent == nil ? 0 : perServing[food * Self.nutrientCount + n]
        case .retinol: limitPerServing[food * 2]
        case .addedVitaminE: limitPerServing[food * 2 + 1]
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

    /// Whether a food may be suggested to someone on `diets`.
    public func allows(_ food: Int, diets keys: Set<String>) -> Bool {
        // The words are found again here rather than kept for every food: it is called for
        // a few hundred foods a plan, and keeping them cost megabytes.
        excludedBecause[food] == nil
            && (keys.isEmpty
                || diets.exclusion(group: table.group(at: food), words: FoodWords.words(of: table.descriptions[food]), diets: keys) == nil)
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
        return report.profile.condition == .pregnancy && pregnancyAvoids[food]
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

    /// The foods that give the most of a nutrient per serving, and per 100 kcal. With a
    /// `report`, none for a nutrient above its upper limit or for an infant too young for
    /// foods, and none that adds to a nutrient above its limit or that pregnancy advice
    /// says to avoid.
    public func bestSources(of nutrient: Nutrient, target: Target, diets keys: Set<String> = [], limit: Int = 10,
                            for report: Report? = nil)
        -> (perServing: [NutrientSource], per100Kcal: [NutrientSource]) {
        if let report, report.score(of: nutrient).status == .aboveUL || withheld(for: report) != nil { return ([], []) }
        let n = nutrient.index
        func source(_ index: Int32) -> NutrientSource {
            let food = self.food(Int(index))
            let amount = food.perServing[n]
            return NutrientSource(food: food, amountPerServing: amount,
                                  amountPer100Kcal: food.kcalPerServing > 0 ? amount / food.kcalPerServing * 100 : nil,
                                  percentOfTarget: target.value.flatMap { $0 > 0 ? amount / $0 * 100 : nil })
        }
        let usable = { (food: Int32) in
            self.allows(Int(food), diets: keys) && !(report.map { self.unsafe(Int(food), for: $0) } ?? false)
        }
        let serving = byServing[n].lazy.filter(usable).prefix(limit).map(source)
        let kcal = byKcal[n].lazy.filter(usable).prefix(limit).map(source)
        return (Array(serving), Array(kcal))
    }

    /// A plan for a day whose report is `report`.
    public func plan(for report: Report, diets keys: Set<String> = [], maxFoods: Int = 3) -> GapPlan {
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
        // The pool: for each gap, the richest allowed foods per serving and per kcal.
        var pool: [Int] = []
        var seen = Set<Int>()
        for n in gaps {
            for list in [byServing[n], byKcal[n]] {
                var taken = 0
                for entry in list where taken < 25 {
                    let food = Int(entry)
                    guard allows(food, diets: keys), !unsafe(food, for: report) else { continue }
                    taken += 1
                    if seen.insert(food).inserted { pool.append(food) }
                }
            }
        }
        struct Option { let food: Int; let servings: Double }
        var options: [Option] = []
        for food in pool {
            for step in Self.servingSteps where step * servingGrams[food] <= Self.maxPortionGrams {
                options.append(Option(food: food, servings: step))
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
        }
        let n = nutrients.count
        func shortfall(_ added: UnsafeMutableBufferPointer<Double>) -> Double {
            gaps.reduce(0) { $0 + max(0, 1 - (before[$1] + added[$1]) / (targets[$1] * metAt)) }
        }
        func rank(_ shortfall: Double, _ kcal: Double) -> (Double, Double) { ((shortfall * 1000).rounded(), kcal) }
        var start = State(chosen: [], added: Array(repeating: 0, count: n), limitUsed: Array(repeating: 0, count: room.count),
                          kcal: 0, shortfall: 0)
        start.shortfall = start.added.withUnsafeMutableBufferPointer { shortfall($0) }
        var beam = [start]
        var best = start
        func sortCandidates(_ candidates: inout [Candidate]) {
            candidates.sort { a, b in
                let ra = rank(a.shortfall, a.kcal), rb = rank(b.shortfall, b.kcal)
                return ra != rb ? ra < rb : beam[a.parent].chosen.count < beam[b.parent].chosen.count
            }
        }
        var scratch = [Double](repeating: 0, count: n)
        for _ in 0..<maxFoods {
            // Rank every extension cheaply; make states only of the best.
            var candidates: [Candidate] = []
            candidates.reserveCapacity(min(10_000, beam.count * options.count))
            for (parent, state) in beam.enumerated() where state.shortfall > 0 {
                for (index, option) in options.enumerated() where !state.chosen.contains(where: { $0.food == option.food }) {
                    let food = option.food
                    var fits = true
                    for (r, limit) in room.enumerated() {
                        let add = limitAmount(food, limit.basis, limit.n) * option.servings
                        if add > 0, state.limitUsed[r] + add > limit.left { fits = false; break }
                    }
                    guard fits else { continue }
                    let value = scratch.withUnsafeMutableBufferPointer { buffer -> Double in
                        for k in 0..<n { buffer[k] = state.added[k] + perServing[food * n + k] * option.servings }
                        return shortfall(buffer)
                    }
                    // Adding a food that closes nothing more is never better.
                    guard value < state.shortfall - 1e-9 else { continue }
                    candidates.append(Candidate(parent: parent, option: index, shortfall: value,
                                                kcal: state.kcal + servingKcal[food] * option.servings))
                }
                // Only the best few thousand can make the next beam: keep memory small.
                if candidates.count > 8_000 {
                    sortCandidates(&candidates)
                    candidates.removeSubrange(2_000...)
                }
            }
            if candidates.isEmpty { break }
            sortCandidates(&candidates)
            // Keep the best states, at most one per set of foods.
            var kept: [State] = []
            var keys = Set<[Int]>()
            for candidate in candidates where kept.count < 60 {
                let parent = beam[candidate.parent]
                let option = options[candidate.option]
                let chosen = parent.chosen + [option]
                guard keys.insert(chosen.map(\.food).sorted()).inserted else { continue }
                let food = option.food
                var limitUsed = parent.limitUsed
                for (r, limit) in room.enumerated() {
                    limitUsed[r] += limitAmount(food, limit.basis, limit.n) * option.servings
                }
                kept.append(State(chosen: chosen, added: (0..<n).map { parent.added[$0] + perServing[food * n + $0] * option.servings },
                                  limitUsed: limitUsed, kcal: candidate.kcal, shortfall: candidate.shortfall))
            }
            beam = kept
            if rank(beam[0].shortfall, beam[0].kcal) < rank(best.shortfall, best.kcal) { best = beam[0] }
        }
        let items = best.chosen.map { option in
            let food = self.food(option.food)
            return PlanItem(food: food, servings: option.servings, adds: food.perServing.map { $0 * option.servings })
        }
        let after = nutrients.indices.map { before[$0] + best.added[$0] }
        var remaining: [(Nutrient, String)] = []
        for n in gaps where after[n] < targets[n] * metAt - 1e-9 {
            remaining.append((nutrients[n], reason(n, keys: keys, need: targets[n] * metAt - before[n], maxFoods: maxFoods, report: report)))
        }
        return GapPlan(gaps: gaps.map { nutrients[$0] }, items: items, before: before, after: after, remaining: remaining)
    }

    private func reason(_ n: Int, keys: Set<String>, need: Double, maxFoods: Int, report: Report) -> String {
        let nutrient = Nutrient.allCases[n]
        guard let richest = byServing[n].first(where: { allows(Int($0), diets: keys) && !unsafe(Int($0), for: report) }) else {
            return keys.isEmpty
                ? "no food that can be suggested has a value for \(nutrient.name) in the table"
                : "no food your diet allows has a value for \(nutrient.name) in the table"
        }
        let food = self.food(Int(richest))
        let most = food.perServing[n] * (Self.servingSteps.last { $0 * food.servingGrams <= Self.maxPortionGrams } ?? 1)
        if most < need {
            return "the richest food allowed, \(food.description), gives \(Format.amount(most)) \(nutrient.unit) in its largest portion; \(Format.amount(need)) \(nutrient.unit) is missing"
        }
        return "closing it too would take more than \(maxFoods) foods, or pass an upper limit"
    }
}

/// The rules that keep plans safe, from `Data/rules.csv` and `Data/safety.csv`.
public struct PlanSafetyRules: Sendable {
    /// The most EPA + DHA a plan brings a day (EFSA 2012: 5 g).
    public let epaDhaMaxMg: Double
    /// No plan of foods is made before this age (about 6 months: WHO, AAP).
    public let solidFoodsFromAgeMonths: Int
    /// The facts behind the pregnancy caution, which plans keep to as well.
    public let facts: SafetyRules

    /// Makes the rules.
    public init(epaDhaMaxMg: Double, solidFoodsFromAgeMonths: Int, facts: SafetyRules) {
        self.epaDhaMaxMg = epaDhaMaxMg
        self.solidFoodsFromAgeMonths = solidFoodsFromAgeMonths
        self.facts = facts
    }
}
