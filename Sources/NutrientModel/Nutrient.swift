/// A nutrient absorb tracks against a person's reference intake.
public enum Nutrient: String, CaseIterable, Sendable, Codable, Hashable {
    case vitaminA = "vitamin_a"
    case vitaminD = "vitamin_d"
    case vitaminE = "vitamin_e"
    case vitaminK = "vitamin_k"
    case linoleicAcid = "linoleic_acid"
    case alphaLinolenicAcid = "alpha_linolenic_acid"
    case epaDha = "epa_dha"

    /// The nutrient's position in `allCases`: per-nutrient figures in arrays are in this
    /// order.
    public var index: Int {
        switch self {
        case .vitaminA: 0
        case .vitaminD: 1
        case .vitaminE: 2
        case .vitaminK: 3
        case .linoleicAcid: 4
        case .alphaLinolenicAcid: 5
        case .epaDha: 6
        }
    }

    /// Hashed by its position, not by its raw text (the default for a raw-valued enum):
    /// per-nutrient dictionaries are filled for every meal of a ten-year report.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(index)
    }

    /// The name shown to people.
    public var name: String {
        switch self {
        case .vitaminA: "Vitamin A"
        case .vitaminD: "Vitamin D"
        case .vitaminE: "Vitamin E"
        case .vitaminK: "Vitamin K"
        case .linoleicAcid: "Linoleic acid (omega-6)"
        case .alphaLinolenicAcid: "Alpha-linolenic acid (omega-3)"
        case .epaDha: "EPA + DHA"
        }
    }

    /// A short name for narrow columns.
    public var shortName: String {
        switch self {
        case .vitaminA: "Vitamin A"
        case .vitaminD: "Vitamin D"
        case .vitaminE: "Vitamin E"
        case .vitaminK: "Vitamin K"
        case .linoleicAcid: "Omega-6 LA"
        case .alphaLinolenicAcid: "Omega-3 ALA"
        case .epaDha: "EPA + DHA"
        }
    }

    /// The unit amounts and targets are given in.
    public var unit: String {
        switch self {
        case .vitaminA: "µg RAE"
        case .vitaminD: "µg"
        case .vitaminE: "mg"
        case .vitaminK: "µg"
        case .linoleicAcid: "g"
        case .alphaLinolenicAcid: "g"
        case .epaDha: "mg"
        }
    }

    /// The unit in narrow columns: "µg" for µg RAE.
    public var shortUnit: String { self == .vitaminA ? "µg" : unit }

    /// Whether the nutrient is fat-soluble (its absorption depends on fat in the meal).
    public var isFatSolubleVitamin: Bool {
        switch self {
        case .vitaminA, .vitaminD, .vitaminE, .vitaminK: true
        default: false
        }
    }

    /// Accepts the id (`vitamin_d`) or a common spelling (`vitamin-d`, `d`, `vitD`, `ala`).
    public init?(userText: String) {
        let key = userText.lowercased().filter { $0.isLetter || $0.isNumber }
        switch key {
        case "vitamina", "vita", "a": self = .vitaminA
        case "vitamind", "vitd", "d": self = .vitaminD
        case "vitamine", "vite", "e": self = .vitaminE
        case "vitamink", "vitk", "k": self = .vitaminK
        case "linoleicacid", "linoleic", "la", "omega6": self = .linoleicAcid
        case "alphalinolenicacid", "alphalinolenic", "ala", "omega3": self = .alphaLinolenicAcid
        case "epadha", "epa", "dha": self = .epaDha
        default: return nil
        }
    }
}

/// A value stored for each food in `Data/foods.csv`, per 100 g.
public enum FoodComponent: Int, CaseIterable, Sendable {
    case energy, fat, fiber, vitaminA, retinol, vitaminD, vitaminE, vitaminEAdded,
         vitaminEUpperLimit, vitaminK, linoleicAcid, alphaLinolenicAcid, epa, dha

    /// The column name in the CSV tables.
    public var column: String {
        switch self {
        case .energy: "energy_kcal"
        case .fat: "fat_g"
        case .fiber: "fiber_g"
        case .vitaminA: "vitamin_a_rae_ug"
        case .retinol: "retinol_ug"
        case .vitaminD: "vitamin_d_ug"
        case .vitaminE: "vitamin_e_mg"
        case .vitaminEAdded: "vitamin_e_added_mg"
        case .vitaminEUpperLimit: "vitamin_e_ul_mg"
        case .vitaminK: "vitamin_k_ug"
        case .linoleicAcid: "linoleic_acid_g"
        case .alphaLinolenicAcid: "alpha_linolenic_acid_g"
        case .epa: "epa_g"
        case .dha: "dha_g"
        }
    }

    /// The label shown to people.
    public var label: String {
        switch self {
        case .energy: "Energy"
        case .fat: "Fat"
        case .fiber: "Fibre"
        case .vitaminA: "Vitamin A"
        case .retinol: "Retinol (preformed vitamin A)"
        case .vitaminD: "Vitamin D"
        case .vitaminE: "Vitamin E (alpha-tocopherol)"
        case .vitaminEAdded: "Vitamin E, added"
        case .vitaminEUpperLimit: "Vitamin E toward the UL"
        case .vitaminK: "Vitamin K (phylloquinone)"
        case .linoleicAcid: "Linoleic acid"
        case .alphaLinolenicAcid: "Alpha-linolenic acid"
        case .epa: "EPA"
        case .dha: "DHA"
        }
    }

    /// The unit of the column.
    public var unit: String {
        switch self {
        case .energy: "kcal"
        case .fat, .fiber, .linoleicAcid, .alphaLinolenicAcid, .epa, .dha: "g"
        case .vitaminA: "µg RAE"
        case .retinol, .vitaminD, .vitaminK: "µg"
        case .vitaminE, .vitaminEAdded, .vitaminEUpperLimit: "mg"
        }
    }

    /// Columns a table may leave out (files written before they existed): every cell of
    /// such a column is unknown.
    public var mayBeAbsent: Bool { self == .vitaminEUpperLimit }

    /// The number of components (the stride of a food's values).
    public static let count = allCases.count
}

/// What part of intake an upper limit applies to, as named in `Data/targets.csv`.
public enum UpperLimitBasis: String, Sendable, Codable {
    /// All intake of the nutrient, from food and supplements.
    case total
    /// Preformed vitamin A (retinol) from food, fortified food and supplements.
    case retinol
    /// Added and supplemental alpha-tocopherol, not vitamin E natural to food.
    case addedVitaminE = "added_vitamin_e"

    /// What the limit applies to, in words: "preformed vitamin A (retinol)". The one
    /// wording every presenter uses.
    public var description: String {
        switch self {
        case .total: "all intake, food and supplements"
        case .retinol: "preformed vitamin A (retinol) from food and supplements"
        case .addedVitaminE: "supplemental and added vitamin E (fortificants)"
        }
    }

    /// The unit of the amount the limit is counted in: retinol is in µg, not µg RAE.
    public func unit(for nutrient: Nutrient) -> String {
        self == .retinol ? "µg" : nutrient.unit
    }
}

extension Nutrient {
    /// The single column this nutrient is read from, or `nil` for EPA + DHA (two columns).
    var mainComponent: FoodComponent? {
        switch self {
        case .vitaminA: .vitaminA
        case .vitaminD: .vitaminD
        case .vitaminE: .vitaminE
        case .vitaminK: .vitaminK
        case .linoleicAcid: .linoleicAcid
        case .alphaLinolenicAcid: .alphaLinolenicAcid
        case .epaDha: nil
        }
    }

    /// This nutrient's amount in `values` (per 100 g), in the nutrient's unit, or `nil`
    /// if the food has no value for it. EPA + DHA is known only when both are.
    public func amount(in values: FoodValues) -> Double? {
        if let component = mainComponent { return values[component] }
        guard let epa = values[.epa], let dha = values[.dha] else { return nil }
        return (epa + dha) * 1000  // grams in the table, milligrams for the target
    }
}

extension FoodComponent {
    /// The most 100 g of anything can contain of this component: 100 g of it, or, for
    /// energy, a little over pure fat. Values above it are input errors, not foods.
    public var physicalLimitPer100g: Double {
        switch unit {
        case "g": 100
        case "mg": 100_000
        case "kcal": 1_000
        default: 100_000_000  // µg
        }
    }
}

