/// The gut's side of a range of days (usually a week): fibre, fermented foods and which of
/// them are likely to carry live cultures, prebiotic servings and the days a probiotic was
/// taken. Totals over the range, beside the daily fibre of the balance.
public struct GutReport: Sendable, Equatable {
    /// One fermented food logged in the range.
    public struct FermentedFood: Sendable, Equatable {
        public let foodID: String
        public let description: String
        /// The kind (Data/fermented.csv).
        public let kind: String
        /// Servings logged in the range.
        public let servings: Double
        /// Whether it is likely to carry live cultures (Data/live_cultures.csv).
        public let liveCultures: LiveCultures.Answer
    }

    /// Calendar days of the range.
    public let days: Int
    /// Days with food logged.
    public let loggedDays: Int
    /// Daily fibre over the logged days, and its AI (the balance's figures).
    public let fibreGramsPerDay: Double
    public let fibreTarget: Double?
    /// The fermented foods, most servings first.
    public let fermentedFoods: [FermentedFood]
    /// Fermented servings in the range, in all and of foods likely to carry live cultures.
    public let fermentedServings: Double
    public let liveCultureServings: Double
    /// Prebiotic servings in the range by kind (Data/prebiotics.csv), and in all.
    public let prebioticServingsByKind: [String: Double]
    public let prebioticServings: Double
    /// The probiotics taken in the range, by day, and the number of days with one.
    public let probioticDoses: [ProbioticDose]
    public let probioticDays: Int

    /// The kinds of prebiotic food, most servings first (a tie by name).
    public var prebioticKinds: [(kind: String, servings: Double)] {
        prebioticServingsByKind.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}

/// Works out the gut report.
public struct GutAnalyzer: Sendable {
    public let foods: FoodTable
    public let fermented: FermentedFoods
    public let liveCultures: LiveCultures
    public let prebiotics: PrebioticFoods

    public init(foods: FoodTable, fermented: FermentedFoods, liveCultures: LiveCultures, prebiotics: PrebioticFoods) {
        self.foods = foods
        self.fermented = fermented
        self.liveCultures = liveCultures
        self.prebiotics = prebiotics
    }

    /// The prebiotic kind of a food of the table, if it is one.
    public func prebioticKind(ofFoodAt index: Int) -> PrebioticFoods.Kind? {
        prebiotics.kind(of: foods.descriptions[index], group: foods.group(at: index))
    }

    /// The gut report of `entries` and `doses` over `range`, with the balance's fibre.
    public func analyze(_ entries: [Entry], doses: [ProbioticDose], range: DateRange, balance: BalanceReport) -> GutReport {
        var fermentedByFood: [String: (description: String, kind: String, servings: Double, live: LiveCultures.Answer)] = [:]
        var order: [String] = []
        var prebioticByKind: [String: Double] = [:]
        // Each food's kinds are worked out once, however often it was logged (ten years of
        // entries are a few hundred foods), at a slot found by the food's position in the
        // table (no dictionary per entry).
        typealias Kinds = (fermented: FermentedFoods.Kind?, prebiotic: PrebioticFoods.Kind?)
        var slotOfFood = [Int32](repeating: -1, count: entries.isEmpty ? 0 : foods.count)
        var kindsOfSlot: [Kinds] = []
        for position in entries.indices where range.contains(entries[position].date) {
            guard let index = foods.index(of: entries[position].foodID) else { continue }
            if slotOfFood[index] < 0 {
                slotOfFood[index] = Int32(kindsOfSlot.count)
                kindsOfSlot.append((fermented.kind(of: foods.descriptions[index]), prebioticKind(ofFoodAt: index)))
            }
            let slot = Int(slotOfFood[index])
            if let kind = kindsOfSlot[slot].fermented {
                let entry = entries[position]
                if fermentedByFood[entry.foodID] == nil {
                    let description = foods.descriptions[index]
                    order.append(entry.foodID)
                    fermentedByFood[entry.foodID] = (description, kind.label, 0,
                                                     liveCultures.answer(for: kind.label, description: description))
                }
                fermentedByFood[entry.foodID]!.servings += entry.grams / kind.servingGrams
            }
            if let kind = kindsOfSlot[slot].prebiotic {
                prebioticByKind[kind.label, default: 0] += entries[position].grams / kind.servingGrams
            }
        }
        let fermentedFoods = order.map { id in
            let food = fermentedByFood[id]!
            return GutReport.FermentedFood(foodID: id, description: food.description, kind: food.kind,
                                           servings: food.servings, liveCultures: food.live)
        }.enumerated().sorted { $0.element.servings != $1.element.servings ? $0.element.servings > $1.element.servings : $0.offset < $1.offset }
            .map(\.element)
        let inRange = doses.filter { range.contains($0.date) }.sorted { $0.date < $1.date }
        return GutReport(
            days: range.dayCount, loggedDays: entries.lazy.filter { range.contains($0.date) }.dayCount,
            fibreGramsPerDay: balance.fibreGrams, fibreTarget: balance.fibreTarget,
            fermentedFoods: fermentedFoods,
            fermentedServings: fermentedFoods.reduce(0) { $0 + $1.servings },
            liveCultureServings: fermentedFoods.filter { $0.liveCultures == .yes }.reduce(0) { $0 + $1.servings },
            prebioticServingsByKind: prebioticByKind, prebioticServings: prebioticByKind.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value },
            probioticDoses: inRange, probioticDays: Set(inRange.map(\.date)).count)
    }
}
