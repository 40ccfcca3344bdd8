/// Fibre against its AI, fermented foods, and the balance of the essential fatty acids
/// over some days: information beside the scores, not scores themselves.
public struct BalanceReport: Sendable, Equatable {
    /// Days the figures are averaged over (logged days).
    public let days: Int
    /// Daily averages of energy and fibre, from the foods with values.
    public let kcal: Double
    public let fibreGrams: Double
    /// The fibre AI for the energy logged (14 g per 1,000 kcal); `nil` for infants, for
    /// whom the IOM sets none.
    public let fibreTarget: Double?
    /// Whether some food had no fibre value.
    public let fibreIncomplete: Bool
    /// Fermented servings a day (over the logged days), in all and by kind: daily
    /// figures, like every other figure here.
    public let fermentedServingsPerDay: Double
    public let fermentedKindsPerDay: [String: Double]
    /// Linoleic to alpha-linolenic acid, daily averages and their ratio.
    public let linoleicGrams: Double?
    public let alphaLinolenicGrams: Double?
    public var ratio: Double? {
        guard let la = linoleicGrams, let ala = alphaLinolenicGrams, ala > 0 else { return nil }
        return la / ala
    }
    /// Each as a percent of energy, and the AMDRs (`nil` for infants: the IOM sets AMDRs
    /// from 1 year).
    public let linoleicPercentEnergy: Double?
    public let alphaLinolenicPercentEnergy: Double?
    public let linoleicRange: ClosedRange<Double>?
    public let alphaLinolenicRange: ClosedRange<Double>?
    /// The ratios the two AMDRs allow between them (low LA / high ALA to high LA / low ALA).
    public var ratioRangeFromAMDRs: ClosedRange<Double>? {
        guard let linoleicRange, let alphaLinolenicRange else { return nil }
        return (linoleicRange.lowerBound / alphaLinolenicRange.upperBound)...(linoleicRange.upperBound / alphaLinolenicRange.lowerBound)
    }
    /// Why there is no fibre AI and no AMDR ("not set for infants"), or `nil`.
    public let referencesNotSet: String?
}

/// Works out the balance report.
public struct BalanceAnalyzer: Sendable {
    public let foods: FoodTable
    public let rules: AbsorptionRules
    public let fermented: FermentedFoods

    public init(foods: FoodTable, rules: AbsorptionRules, fermented: FermentedFoods) {
        self.foods = foods
        self.rules = rules
        self.fermented = fermented
    }

    /// The balance of `entries`, with the references of a person of `ageMonths` (unset:
    /// an adult's).
    public func analyze(_ entries: [Entry], ageMonths: Int?) -> BalanceReport {
        let infant = ageMonths.map { $0 < rules.referencesFromAgeMonths } ?? false
        let days = max(1, entries.dayCount)
        var kcal = 0.0, fibre = 0.0, la = 0.0, ala = 0.0
        var fibreIncomplete = false, anyLA = false, anyALA = false
        var kinds: [String: Double] = [:]
        // Each food's figures and kind are worked out once, however often it was logged, at
        // a slot found by the food's position in the table (no dictionary per entry: ten
        // years are 36,500 entries).
        struct FoodFigures {
            let energy: Double?, fibre: Double?, linoleic: Double?, alphaLinolenic: Double?
            let kind: FermentedFoods.Kind?
        }
        var slotOfFood = [Int32](repeating: -1, count: entries.isEmpty ? 0 : foods.count)
        var figuresOfSlot: [FoodFigures] = []
        for position in entries.indices {
            guard let index = foods.index(of: entries[position].foodID) else {
                fibreIncomplete = true
                continue
            }
            if slotOfFood[index] < 0 {
                let values = foods.values(at: index)
                slotOfFood[index] = Int32(figuresOfSlot.count)
                figuresOfSlot.append(FoodFigures(
                    energy: values[.energy], fibre: values[.fiber], linoleic: values[.linoleicAcid],
                    alphaLinolenic: values[.alphaLinolenicAcid], kind: fermented.kind(of: foods.descriptions[index])))
            }
            let slot = Int(slotOfFood[index])
            let grams = entries[position].grams
            let share = grams / 100
            kcal += (figuresOfSlot[slot].energy ?? 0) * share
            if let value = figuresOfSlot[slot].fibre { fibre += value * share } else { fibreIncomplete = true }
            if let value = figuresOfSlot[slot].linoleic { la += value * share; anyLA = true }
            if let value = figuresOfSlot[slot].alphaLinolenic { ala += value * share; anyALA = true }
            if let kind = figuresOfSlot[slot].kind {
                kinds[kind.label, default: 0] += grams / kind.servingGrams
            }
        }
        let d = Double(days)
        let dailyKcal = kcal / d
        func percentEnergy(_ grams: Double?) -> Double? {
            guard let grams, dailyKcal > 0 else { return nil }
            return grams * rules.fatKcalPerGram / dailyKcal * 100
        }
        let dailyLA = anyLA ? la / d : nil
        let dailyALA = anyALA ? ala / d : nil
        return BalanceReport(
            days: entries.isEmpty ? 0 : days, kcal: dailyKcal, fibreGrams: fibre / d,
            fibreTarget: infant ? nil : rules.fibrePer1000Kcal * dailyKcal / 1000, fibreIncomplete: fibreIncomplete,
            fermentedServingsPerDay: kinds.values.reduce(0, +) / d, fermentedKindsPerDay: kinds.mapValues { $0 / d },
            linoleicGrams: dailyLA, alphaLinolenicGrams: dailyALA,
            linoleicPercentEnergy: percentEnergy(dailyLA), alphaLinolenicPercentEnergy: percentEnergy(dailyALA),
            linoleicRange: infant ? nil : rules.linoleicRange, alphaLinolenicRange: infant ? nil : rules.alphaLinolenicRange,
            referencesNotSet: infant ? "not set for infants" : nil)
    }
}
