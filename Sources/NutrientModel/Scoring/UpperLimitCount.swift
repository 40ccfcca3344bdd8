/// How much of one food counts toward an upper limit, per 100 g: a known figure, a
/// conservative estimate where part of what the limit applies to is unknown, or nothing
/// that can be checked.
public enum UpperLimitCount: Sendable, Equatable {
    /// The food's figure for what the limit applies to is known.
    case known(Double)
    /// Counted by a rule that takes the reading that protects the person (an unknown
    /// retinol counted as all of the vitamin A).
    case estimated(Double)
    /// Neither the figure nor anything to estimate it from is known.
    case unknown

    /// The amount counted, if any.
    public var amount: Double? {
        switch self {
        case .known(let value), .estimated(let value): value
        case .unknown: nil
        }
    }
}

/// The conversions that put a food's stored values on the basis of the vitamin E upper
/// limit, from `Data/conversions.csv` (IOM 2000; SR28 documentation, "Vitamin E").
public struct UpperLimitRules: Sendable, Equatable {
    /// SR28's added vitamin E (573) is mg on the RDA basis of the all-rac form: toward the
    /// UL it counts this many times (2), unless a footnote says RRR (then the table's
    /// `vitamin_e_ul_mg` already holds it as it is).
    public let usdaAddedVitaminEFactor: Double
    /// A label's synthetic vitamin E in mg (the RDA basis): toward the UL it counts this
    /// many times (0.91 / 0.45 = 2.02).
    public let labelSyntheticMgFactor: Double

    /// Makes the rules.
    public init(usdaAddedVitaminEFactor: Double, labelSyntheticMgFactor: Double) {
        self.usdaAddedVitaminEFactor = usdaAddedVitaminEFactor
        self.labelSyntheticMgFactor = labelSyntheticMgFactor
    }

    /// Reads them from `conversions.csv`.
    public init(_ conversions: RuleTable) throws(CSVError) {
        self.init(usdaAddedVitaminEFactor: try conversions.value("usda_added_vitamin_e_ul_factor"),
                  labelSyntheticMgFactor: try conversions.value("label_synthetic_vitamin_e_mg_ul_factor"))
    }

    /// What `values` (per 100 g) of a food from `source` count toward `nutrient`'s upper
    /// limit, which applies to `basis`.
    ///
    /// - Vitamin A (retinol basis): the retinol; where it is unknown, all of the vitamin A
    ///   (IOM 2001: only a known retinol can be less; `safety.md`).
    /// - Vitamin E (added and supplemental basis): the food's `vitamin_e_ul_mg` where it
    ///   has one (the table's, a supplement's or a label's by its form); else its added E
    ///   doubled as all-rac; else, for a USDA food, none (the USDA reports added E for the
    ///   foods it fortifies); else, for a label, supplement or dish, all of its vitamin E
    ///   as synthetic E in mg.
    /// - Otherwise (total basis): the nutrient's amount.
    public func count(_ nutrient: Nutrient, basis: UpperLimitBasis, in values: FoodValues,
                      source: FoodSource) -> UpperLimitCount {
        switch basis {
        case .total:
            return nutrient.amount(in: values).map(UpperLimitCount.known) ?? .unknown
        case .retinol:
            if let retinol = values[.retinol] { return .known(retinol) }
            if let vitaminA = values[.vitaminA] { return .estimated(vitaminA) }
            return .unknown
        case .addedVitaminE:
            if let counted = values[.vitaminEUpperLimit] { return .known(counted) }
            if let added = values[.vitaminEAdded] {
                return .estimated(added * (source == .usda ? usdaAddedVitaminEFactor : labelSyntheticMgFactor))
            }
            if source == .usda { return .known(0) }
            if let vitaminE = values[.vitaminE] { return .estimated(vitaminE * labelSyntheticMgFactor) }
            return .unknown
        }
    }
}
