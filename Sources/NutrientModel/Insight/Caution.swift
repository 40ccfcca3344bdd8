/// Something absorb must tell the person before any advice: an upper limit passed or
/// not checkable, or a pregnancy risk. Decided here, once; the dashboard, the report, the
/// summary and `gaps` only show `sentence` (and JSON its fields).
public enum Caution: Sendable, Equatable {
    /// The conservative figure of what an upper limit applies to passes it.
    case aboveUpperLimit(AboveUpperLimit)
    /// Some logged foods could not be checked against an upper limit.
    case upperLimitUnchecked(nutrient: Nutrient, foods: [String])
    /// Pregnant, and preformed vitamin A above its limit or a food pregnancy advice says
    /// to avoid for its retinol (liver, liver products, cod liver oil, retinol supplements).
    case pregnancyRetinol(PregnancyRetinol)

    /// A nutrient above its upper limit.
    public struct AboveUpperLimit: Sendable, Equatable {
        public let nutrient: Nutrient
        /// The daily amount counted toward the limit, in `unit`.
        public let amount: Double
        public let limit: Double
        public let unit: String
        public let basis: UpperLimitBasis
        /// Days the amount is averaged over (1 for a day).
        public let days: Int
        /// Foods whose unknown part was counted conservatively, named only when that
        /// decides the status (the known figures alone are within the limit).
        public let estimatedFoods: [String]
        /// Logged foods of the nutrient that the profile marks as prescribed.
        public let prescribed: [String]
        /// The foods that gave the most of what the limit counts, largest first (at most
        /// two), with their daily amount, and whether any of them is a supplement or a
        /// label's food (something a person can stop taking).
        public let mainSources: [(name: String, amount: Double)]
        public let fromASupplement: Bool
        /// For vitamin E: how many times a synthetic E's RDA figure counts toward the limit
        /// (Data/conversions.csv), to explain why the two figures differ.
        public let syntheticFactor: Double?

        public static func == (lhs: AboveUpperLimit, rhs: AboveUpperLimit) -> Bool {
            lhs.nutrient == rhs.nutrient && lhs.amount == rhs.amount && lhs.limit == rhs.limit && lhs.unit == rhs.unit
                && lhs.basis == rhs.basis && lhs.days == rhs.days && lhs.estimatedFoods == rhs.estimatedFoods
                && lhs.prescribed == rhs.prescribed && lhs.source == rhs.source && lhs.fromASupplement == rhs.fromASupplement
                && lhs.syntheticFactor == rhs.syntheticFactor
                && lhs.mainSources.map(\.name) == rhs.mainSources.map(\.name) && lhs.mainSources.map(\.amount) == rhs.mainSources.map(\.amount)
        }
        /// The limit's source.
        public let source: String
    }

    /// The pregnancy caution's facts.
    public struct PregnancyRetinol: Sendable, Equatable {
        /// Logged foods pregnancy advice says to avoid for their retinol.
        public let foods: [String]
        /// Whether preformed vitamin A is above the pregnancy upper limit.
        public let retinolAboveLimit: Bool
        public let reason: String
        public let source: String
    }

    /// A short machine name, for JSON.
    public var kind: String {
        switch self {
        case .aboveUpperLimit: "above_upper_limit"
        case .upperLimitUnchecked: "upper_limit_unchecked"
        case .pregnancyRetinol: "pregnancy_retinol"
        }
    }

    /// The nutrient the caution is about, if one.
    public var nutrient: Nutrient? {
        switch self {
        case .aboveUpperLimit(let above): above.nutrient
        case .upperLimitUnchecked(let nutrient, _): nutrient
        case .pregnancyRetinol: .vitaminA
        }
    }

    /// The caution in words: the one wording every presenter shows.
    public var sentence: String {
        switch self {
        case .aboveUpperLimit(let above):
            let perDay = above.days > 1 ? " a day on average" : ""
            var text = "\(above.nutrient.name): \(Format.amount(above.amount)) \(above.unit)\(perDay) of \(above.basis.description) "
                + "is above the upper limit of \(Format.amount(above.limit)) \(above.unit) (\(above.source))."
            if !above.mainSources.isEmpty {
                text += " Most of it came from " + above.mainSources.map { "\($0.name) (\(Format.amount($0.amount)) \(above.unit))" }
                    .joined(separator: " and ") + "."
            }
            if let factor = above.syntheticFactor {
                text += " Supplemental vitamin E counts toward the limit by its form: synthetic (dl-) E counts"
                    + " \(Format.number(factor, decimals: 2)) times its figure toward the RDA, so the two figures differ."
            }
            if !above.estimatedFoods.isEmpty {
                text += " This counts " + Self.list(above.estimatedFoods) + " conservatively"
                    + (above.basis == .retinol ? ", all of its vitamin A as retinol, since its retinol is not known."
                        : ", as synthetic vitamin E, since its form is not known.")
            }
            if above.prescribed.isEmpty {
                text += " Take no more of it; no advice is given to absorb it better."
                text += above.fromASupplement
                    ? " Stop the supplement unless a doctor prescribed it, and ask a doctor or pharmacist."
                    : " Ask a doctor or dietitian."
            } else {
                text += " It includes " + Self.list(above.prescribed) + ", marked as prescribed: the dose is above the upper limit"
                    + " for the general population, which a prescriber may intend; take it as prescribed and ask them if unsure."
            }
            return text
        case .upperLimitUnchecked(let nutrient, let foods):
            return "\(nutrient.name): the upper limit could not be checked for " + Self.list(foods)
                + ", which \(foods.count == 1 ? "has" : "have") no value for what it applies to; the figure counts the rest only."
        case .pregnancyRetinol(let facts):
            var text = "Pregnancy: " + facts.reason + " (" + facts.source + ")."
            if facts.retinolAboveLimit { text += " Preformed vitamin A is above the pregnancy upper limit." }
            if !facts.foods.isEmpty { text += " Logged: " + Self.list(facts.foods) + "." }
            return text + " Talk to your midwife or doctor before taking any supplement with retinol (preformed vitamin A);"
                + " beta-carotene, the form in most prenatal vitamins, is not the concern."
        }
    }

    /// The caution in one short line, for a screen with room for little: the detail and
    /// the report give `sentence`.
    public var headline: String {
        switch self {
        case .aboveUpperLimit(let above):
            "\(above.nutrient.name) above the upper limit: \(Format.amount(above.amount)) of \(Format.amount(above.limit)) \(above.unit)"
                + (above.prescribed.isEmpty ? "" : " (prescribed)")
        case .upperLimitUnchecked(let nutrient, let foods):
            "\(nutrient.name): upper limit not checked for \(foods.count) food\(foods.count == 1 ? "" : "s")"
        case .pregnancyRetinol(let facts):
            facts.foods.isEmpty ? "Pregnancy: preformed vitamin A above the upper limit"
                : facts.foods.count == 1 ? "Pregnancy: avoid \(facts.foods[0]) (retinol)"
                : "Pregnancy: avoid liver and retinol supplements (\(facts.foods.count) logged)"
        }
    }

    /// "A", "A and B", "A, B and 3 more".
    static func list(_ names: [String]) -> String {
        let shown = names.prefix(3)
        let rest = names.count - shown.count
        if rest > 0 { return shown.joined(separator: ", ") + " and \(rest) more" }
        if shown.count <= 1 { return shown.first ?? "" }
        return shown.dropLast().joined(separator: ", ") + " and " + shown.last!
    }
}

/// Works out the cautions of a report.
public struct CautionReview: Sendable {
    public let foods: FoodTable
    public let safety: SafetyRules
    /// How foods count toward the limits (as the scorer counts them).
    public let rules: UpperLimitRules

    /// Makes a review over these foods and facts.
    public init(foods: FoodTable, safety: SafetyRules, rules: UpperLimitRules) {
        self.foods = foods
        self.safety = safety
        self.rules = rules
    }

    /// The cautions of `report`, in nutrient order, the pregnancy caution first. Upper
    /// limits are judged on the report's daily average: a day's report on that day, a
    /// range's on its usual intake.
    public func cautions(for report: Report) -> [Caution] {
        var cautions: [Caution] = []
        let profile = report.profile
        for score in report.scores {
            guard let limit = score.target.upperLimit, let basis = score.target.upperLimitBasis else { continue }
            if score.status == .aboveUL, let amount = score.upperLimitAmount {
                let main = mainSources(of: score.nutrient, basis: basis, in: report)
                cautions.append(.aboveUpperLimit(.init(
                    nutrient: score.nutrient, amount: amount, limit: limit, unit: basis.unit(for: score.nutrient),
                    basis: basis, days: max(report.loggedDays, 1),
                    estimatedFoods: score.upperLimitDecidedByEstimate ? score.upperLimitEstimatedFoods : [],
                    prescribed: prescribedFoods(of: score.nutrient, in: report, profile: profile),
                    mainSources: main.sources, fromASupplement: main.fromASupplement,
                    syntheticFactor: basis == .addedVitaminE ? rules.labelSyntheticMgFactor : nil,
                    source: score.target.replacedReference?.source ?? score.target.source)))
            } else if !score.upperLimitComplete, basis != .total {
                // On the total basis the foods that could not be checked are the ones with
                // no value at all, which the coverage already names.
                cautions.append(.upperLimitUnchecked(nutrient: score.nutrient, foods: score.upperLimitUncheckedFoods))
            }
        }
        if profile.condition == .pregnancy {
            var avoid: [String] = []
            var seen: Set<String> = []
            for entry in report.entries where seen.insert(entry.foodID).inserted {
                guard let index = foods.index(of: entry.foodID) else { continue }
                let description = foods.descriptions[index]
                if safety.isPregnancyRetinolSource(description: description, values: foods.values(at: index),
                                                   source: foods.source(at: index), measures: foods.portions(at: index)) {
                    avoid.append(description)
                }
            }
            let above = report.score(of: .vitaminA).status == .aboveUL
            if above || !avoid.isEmpty {
                cautions.insert(.pregnancyRetinol(.init(foods: avoid, retinolAboveLimit: above,
                                                        reason: safety.pregnancyRetinolReason,
                                                        source: safety.pregnancyRetinolSource)), at: 0)
            }
        }
        return cautions
    }

    /// The nutrients above their upper limit: no absorption advice is given for them, and
    /// no plan adds to them.
    public static func aboveUpperLimit(_ report: Report) -> Set<Nutrient> {
        Set(report.scores.filter { $0.status == .aboveUL }.map(\.nutrient))
    }

    /// The two foods that gave the most of what a limit counts, as daily amounts.
    private func mainSources(of nutrient: Nutrient, basis: UpperLimitBasis, in report: Report)
        -> (sources: [(name: String, amount: Double)], fromASupplement: Bool) {
        var totals: [Int: Double] = [:]
        for entry in report.entries {
            guard let index = foods.index(of: entry.foodID),
                  let per100 = rules.count(nutrient, basis: basis, in: foods.values(at: index), source: foods.source(at: index)).amount,
                  per100 > 0 else { continue }
            totals[index, default: 0] += per100 * entry.grams / 100
        }
        let days = Double(max(report.loggedDays, 1))
        let top = totals.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(2)
        let taken = top.contains { [.supplement, .custom].contains(foods.source(at: $0.key)) }
        return (top.map { (foods.descriptions[$0.key], $0.value / days) }, taken)
    }

    private func prescribedFoods(of nutrient: Nutrient, in report: Report, profile: PersonProfile) -> [String] {
        guard !profile.prescribed.isEmpty else { return [] }
        var names: [String] = []
        var seen: Set<String> = []
        for entry in report.entries where profile.prescribed.contains(entry.foodID) && seen.insert(entry.foodID).inserted {
            guard let index = foods.index(of: entry.foodID),
                  (nutrient.amount(in: foods.values(at: index)) ?? 0) > 0 else { continue }
            names.append(foods.descriptions[index])
        }
        return names
    }
}
