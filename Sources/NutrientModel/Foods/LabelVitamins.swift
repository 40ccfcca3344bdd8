/// The factors that turn a label's vitamins as printed (IU, and the form of vitamin A or
/// E) into absorb's units, from `Data/conversions.csv` (IOM 2000, 2001, 2011; FDA 2016).
public struct LabelConversions: Sendable, Equatable {
    /// Vitamin D: IU in one µg (40).
    public let vitaminDIUPerMicrogram: Double
    /// Vitamin A as retinol (retinyl palmitate or acetate): µg of retinol, and of RAE, in one IU (0.3).
    public let retinolMicrogramsPerIU: Double
    /// Vitamin A as supplemental beta-carotene: µg RAE in one IU (0.3); none of it is retinol.
    public let betaCaroteneRAEPerIU: Double
    /// Natural (d-, RRR-) alpha-tocopherol: mg in one IU, toward the RDA and the UL alike (0.67).
    public let vitaminENaturalMgPerIU: Double
    /// Synthetic (dl-, all-rac-) alpha-tocopherol: mg in one IU toward the RDA (0.45).
    public let vitaminESyntheticMgPerIU: Double
    /// Synthetic alpha-tocopherol: mg in one IU toward the UL (0.91).
    public let vitaminESyntheticUpperLimitMgPerIU: Double
    /// Synthetic vitamin E in mg (the RDA basis): how many times it counts toward the UL (2.02).
    public let syntheticMgUpperLimitFactor: Double

    /// Makes the conversions.
    public init(vitaminDIUPerMicrogram: Double, retinolMicrogramsPerIU: Double, betaCaroteneRAEPerIU: Double,
                vitaminENaturalMgPerIU: Double, vitaminESyntheticMgPerIU: Double,
                vitaminESyntheticUpperLimitMgPerIU: Double, syntheticMgUpperLimitFactor: Double) {
        self.vitaminDIUPerMicrogram = vitaminDIUPerMicrogram
        self.retinolMicrogramsPerIU = retinolMicrogramsPerIU
        self.betaCaroteneRAEPerIU = betaCaroteneRAEPerIU
        self.vitaminENaturalMgPerIU = vitaminENaturalMgPerIU
        self.vitaminESyntheticMgPerIU = vitaminESyntheticMgPerIU
        self.vitaminESyntheticUpperLimitMgPerIU = vitaminESyntheticUpperLimitMgPerIU
        self.syntheticMgUpperLimitFactor = syntheticMgUpperLimitFactor
    }

    /// Reads them from `conversions.csv`.
    public init(_ conversions: RuleTable) throws(CSVError) {
        self.init(vitaminDIUPerMicrogram: try conversions.value("vitamin_d_iu_per_ug"),
                  retinolMicrogramsPerIU: try conversions.value("retinol_ug_per_iu"),
                  betaCaroteneRAEPerIU: try conversions.value("beta_carotene_ug_rae_per_iu"),
                  vitaminENaturalMgPerIU: try conversions.value("vitamin_e_natural_mg_per_iu"),
                  vitaminESyntheticMgPerIU: try conversions.value("vitamin_e_synthetic_mg_per_iu"),
                  vitaminESyntheticUpperLimitMgPerIU: try conversions.value("vitamin_e_synthetic_ul_mg_per_iu"),
                  syntheticMgUpperLimitFactor: try conversions.value("label_synthetic_vitamin_e_mg_ul_factor"))
    }
}

/// The form of a label's vitamin A: what decides how much of it is retinol, which counts
/// toward the upper limit, and, for IU, its µg RAE.
public enum VitaminAForm: Sendable, Equatable {
    /// Retinyl palmitate or acetate: all of it is retinol.
    case retinol
    /// Supplemental beta-carotene: none of it is retinol.
    case betaCarotene
    /// "N % as beta-carotene": that part beta-carotene, the rest retinol (0 < N < 100).
    case partBetaCarotene(percent: Double)

    /// The choices in words, for errors and help.
    public static let choices = "retinol, beta-carotene or N%-beta-carotene (as in 50%-beta-carotene for \"50% as beta-carotene\")"

    /// The part of the vitamin A that is beta-carotene, 0 to 1.
    public var betaCaroteneFraction: Double {
        switch self {
        case .retinol: 0
        case .betaCarotene: 1
        case .partBetaCarotene(let percent): percent / 100
        }
    }

    /// The form as `--vitamin-a-form` takes it: "retinol", "beta-carotene", "50%-beta-carotene".
    public var text: String {
        switch self {
        case .retinol: "retinol"
        case .betaCarotene: "beta-carotene"
        case .partBetaCarotene(let percent): "\(Format.number(percent, decimals: 2))%-beta-carotene"
        }
    }

    /// Reads a form as a person writes it: `retinol` (or `retinyl palmitate`),
    /// `beta-carotene`, `50%-beta-carotene`, `50% as beta-carotene`, or `50` (the percent
    /// as beta-carotene). `0%` is retinol and `100%` beta-carotene.
    public init(parsing text: String) throws(FoodLabelError) {
        let trimmed = text.trimmingSpaces().lowercased()
        let digits = trimmed.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let words = trimmed.dropFirst(digits.count).filter(\.isLetter)
        let unknown = FoodLabelError(field: .vitaminA, labelField: .vitaminAForm,
                                     message: "Vitamin A form \"\(text.prefix(40))\" is not one of: \(Self.choices)")
        if digits.isEmpty {
            switch words {
            case "retinol", "retinylpalmitate", "retinylacetate", "preformed": self = .retinol
            case "betacarotene", "asbetacarotene": self = .betaCarotene
            default: throw unknown
            }
            return
        }
        let rest = String(trimmed.dropFirst(digits.count)).trimmingSpaces()
        guard let percent = Double(digits), words.isEmpty || words == "betacarotene" || words == "asbetacarotene",
              rest.isEmpty || rest.hasPrefix("%") || rest.hasPrefix("-") || rest.hasPrefix("as") else { throw unknown }
        guard percent <= 100 else {
            throw FoodLabelError(field: .vitaminA, labelField: .vitaminAForm,
                                 message: "Vitamin A form: the part as beta-carotene must be 0 to 100 %, found \(Format.number(percent, decimals: 2)) %")
        }
        switch percent {
        case 0: self = .retinol
        case 100: self = .betaCarotene
        default: self = .partBetaCarotene(percent: percent)
        }
    }
}

/// The form of a label's vitamin E: natural or synthetic alpha-tocopherol count differently
/// toward the RDA (per IU) and toward the upper limit.
public enum VitaminEForm: String, Sendable, Equatable, CaseIterable {
    /// d-, RRR-alpha-tocopherol.
    case natural
    /// dl-, all-rac-alpha-tocopherol; also the reading taken when a label does not say.
    case synthetic

    /// The choices in words, for errors and help.
    public static let choices = "natural (d- or RRR-alpha-tocopherol) or synthetic (dl- or all-rac-alpha-tocopherol)"

    /// Reads a form: `natural`, `synthetic`, or the label's chemical name (`d-alpha-tocopherol`,
    /// `RRR`, `dl-alpha-tocopheryl acetate`, `all-rac`).
    public init(parsing text: String) throws(FoodLabelError) {
        let key = text.lowercased().filter(\.isLetter)
        if key == "natural" || key == "d" || key.hasPrefix("dalpha") || key.hasPrefix("rrr") {
            self = .natural
        } else if key == "synthetic" || key == "dl" || key.hasPrefix("dlalpha") || key.hasPrefix("allrac") {
            self = .synthetic
        } else {
            throw FoodLabelError(field: .vitaminE, labelField: .vitaminEForm,
                                 message: "Vitamin E form \"\(text.prefix(40))\" is not one of: \(Self.choices)")
        }
    }
}

/// A label's vitamins D, A and E as printed: in the label's unit or in IU, with the form
/// where it matters. `perServing` turns them into absorb's components, the one conversion
/// the command line and the dashboard's form both use.
public struct LabelVitamins: Sendable, Equatable {
    /// Each value a person gives, named as `absorb foods add` takes it.
    public enum Field: String, Sendable, Equatable, CaseIterable {
        case vitaminD = "vitamin-d", vitaminDIU = "vitamin-d-iu"
        case vitaminA = "vitamin-a", vitaminAIU = "vitamin-a-iu", vitaminAForm = "vitamin-a-form", retinol
        case vitaminE = "vitamin-e", vitaminEIU = "vitamin-e-iu", vitaminEForm = "vitamin-e-form"

        /// The command-line option, without its dashes.
        public var option: String { rawValue }

        /// The value in words, with its unit: "Vitamin A (IU)".
        public var label: String {
            switch self {
            case .vitaminD: "Vitamin D (µg)"
            case .vitaminDIU: "Vitamin D (IU)"
            case .vitaminA: "Vitamin A (µg RAE)"
            case .vitaminAIU: "Vitamin A (IU)"
            case .vitaminAForm: "Vitamin A form"
            case .retinol: "Retinol (µg)"
            case .vitaminE: "Vitamin E (mg)"
            case .vitaminEIU: "Vitamin E (IU)"
            case .vitaminEForm: "Vitamin E form"
            }
        }

        /// The component the value ends up in.
        public var component: FoodComponent {
            switch self {
            case .vitaminD, .vitaminDIU: .vitaminD
            case .vitaminA, .vitaminAIU, .vitaminAForm: .vitaminA
            case .retinol: .retinol
            case .vitaminE, .vitaminEIU, .vitaminEForm: .vitaminE
            }
        }
    }

    /// Vitamin D in µg, or in IU.
    public var vitaminD: Double?
    public var vitaminDIU: Double?
    /// Vitamin A in µg RAE, or in IU, and its form as written (`VitaminAForm(parsing:)`).
    public var vitaminA: Double?
    public var vitaminAIU: Double?
    public var vitaminAForm: String?
    /// Retinol in µg, for a label that states it (instead of a form).
    public var retinol: Double?
    /// Vitamin E in mg, or in IU, and its form as written (`VitaminEForm(parsing:)`).
    public var vitaminE: Double?
    public var vitaminEIU: Double?
    public var vitaminEForm: String?
    /// Added vitamin E in mg (the RDA basis), if the label gives it apart.
    public var vitaminEAdded: Double?

    /// Makes the printed values; any may be missing.
    public init(vitaminD: Double? = nil, vitaminDIU: Double? = nil, vitaminA: Double? = nil, vitaminAIU: Double? = nil,
                vitaminAForm: String? = nil, retinol: Double? = nil, vitaminE: Double? = nil, vitaminEIU: Double? = nil,
                vitaminEForm: String? = nil, vitaminEAdded: Double? = nil) {
        self.vitaminD = vitaminD
        self.vitaminDIU = vitaminDIU
        self.vitaminA = vitaminA
        self.vitaminAIU = vitaminAIU
        self.vitaminAForm = vitaminAForm
        self.retinol = retinol
        self.vitaminE = vitaminE
        self.vitaminEIU = vitaminEIU
        self.vitaminEForm = vitaminEForm
        self.vitaminEAdded = vitaminEAdded
    }

    /// The components of one serving, and notes to show the person (a reading absorb
    /// took for them).
    public struct Converted: Sendable, Equatable {
        public var values: [FoodComponent: Double] = [:]
        public var notes: [String] = []
    }

    /// A typed number, or `nil` for an empty text; anything else is an error naming the field.
    public static func number(_ text: String, _ field: Field) throws(FoodLabelError) -> Double? {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty else { return nil }
        guard let value = Double(trimmed), value.isFinite else {
            throw FoodLabelError(field: field.component, labelField: field, message: "\(field.label): \"\(trimmed.prefix(40))\" is not a number")
        }
        return value
    }

    /// Converts the printed values by `conversions`:
    /// - vitamin D: µg, or IU ÷ 40;
    /// - vitamin A: µg RAE, or IU by the form (retinol IU × 0.3 µg, beta-carotene IU ×
    ///   0.3 µg RAE); retinol from the form (or as the label states it). A value above 0
    ///   needs one or the other;
    /// - vitamin E toward the RDA (`vitamin_e_mg`): mg, or natural IU × 0.67, synthetic IU
    ///   × 0.45; toward the UL (`vitamin_e_ul_mg`), of the added E if given, else all of it:
    ///   natural mg × 1 and IU × 0.67, synthetic mg × 2.02 and IU × 0.91. Without a form it
    ///   is read as synthetic, with a note, and `vitamin_e_ul_mg` stays unknown so that the
    ///   scorer counts it as synthetic and calls its upper-limit figure estimated.
    ///
    /// Refused, naming the field: a value that is negative or not a number, an unknown
    /// form, a form without its value, a value given both in the label's unit and in IU.
    public func perServing(_ conversions: LabelConversions) throws(FoodLabelError) -> Converted {
        func checked(_ value: Double?, _ field: Field) throws(FoodLabelError) -> Double? {
            guard let value else { return nil }
            guard value.isFinite, value >= 0 else {
                // In the label's unit it is named as the component is ("Vitamin D"), in IU with the unit.
                let name = field.rawValue.hasSuffix("-iu") ? field.label : field.component.label
                throw FoodLabelError(field: field.component, labelField: field, message: "\(name) must be a number of 0 or more")
            }
            return value
        }
        func both(_ what: String, _ unit: String, _ iu: Field) -> FoodLabelError {
            FoodLabelError(field: iu.component, labelField: iu, message: "\(what) is given both in \(unit) and in IU: give one of them")
        }
        var result = Converted()

        // Vitamin D.
        let d = try checked(vitaminD, .vitaminD), dIU = try checked(vitaminDIU, .vitaminDIU)
        if d != nil, dIU != nil { throw both("Vitamin D", "µg", .vitaminDIU) }
        if let d { result.values[.vitaminD] = d }
        if let dIU { result.values[.vitaminD] = dIU / conversions.vitaminDIUPerMicrogram }

        // Vitamin A.
        let a = try checked(vitaminA, .vitaminA), aIU = try checked(vitaminAIU, .vitaminAIU)
        let statedRetinol = try checked(retinol, .retinol)
        if a != nil, aIU != nil { throw both("Vitamin A", "µg RAE", .vitaminAIU) }
        let formText = vitaminAForm.map { $0.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 }
        let form = try formText.map { text throws(FoodLabelError) in try VitaminAForm(parsing: text) }
        if form != nil, a == nil, aIU == nil {
            throw FoodLabelError(field: .vitaminA, labelField: .vitaminAForm,
                                 message: "a vitamin A form needs the vitamin A it describes (in µg RAE or in IU)")
        }
        if form != nil, statedRetinol != nil {
            throw FoodLabelError(field: .retinol, labelField: .retinol,
                                 message: "give the vitamin A form or the label's retinol, not both: the form sets the retinol")
        }
        if let statedRetinol { result.values[.retinol] = statedRetinol }
        if let amount = a ?? aIU {
            let inIU = aIU != nil
            let field: Field = inIU ? .vitaminAIU : .vitaminA
            if let form {
                let fraction = form.betaCaroteneFraction
                if inIU {
                    let retinolPart = amount * (1 - fraction) * conversions.retinolMicrogramsPerIU
                    result.values[.retinol] = retinolPart
                    result.values[.vitaminA] = retinolPart + amount * fraction * conversions.betaCaroteneRAEPerIU
                } else {
                    // In µg RAE, "N % as beta-carotene" splits the RAE so.
                    result.values[.retinol] = amount * (1 - fraction)
                    result.values[.vitaminA] = amount
                }
            } else if let statedRetinol {
                // The rest of the vitamin A is taken as beta-carotene, the only other form
                // a supplement's vitamin A comes in.
                let retinolIU = statedRetinol / conversions.retinolMicrogramsPerIU
                guard (inIU ? retinolIU : statedRetinol) <= amount * (1 + 1e-9) else {
                    throw FoodLabelError(field: .retinol, labelField: .retinol,
                                         message: "the retinol (\(Format.number(statedRetinol, decimals: 2)) µg) is more than the vitamin A (\(Format.number(amount, decimals: 2)) \(inIU ? "IU" : "µg RAE")) holds")
                }
                result.values[.vitaminA] = inIU ? statedRetinol + max(0, amount - retinolIU) * conversions.betaCaroteneRAEPerIU : amount
            } else if amount == 0 {
                result.values[.vitaminA] = 0
                result.values[.retinol] = 0
            } else {
                throw FoodLabelError(field: .vitaminA, labelField: .vitaminAForm,
                                     message: "\(field.label) needs its form: \(VitaminAForm.choices), or the retinol the label states")
            }
        }

        // Vitamin E.
        let e = try checked(vitaminE, .vitaminE), eIU = try checked(vitaminEIU, .vitaminEIU)
        if e != nil, eIU != nil { throw both("Vitamin E", "mg", .vitaminEIU) }
        let added = vitaminEAdded  // checked with the label's other values
        let eFormText = vitaminEForm.map { $0.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 }
        let eForm = try eFormText.map { text throws(FoodLabelError) in try VitaminEForm(parsing: text) }
        if eForm != nil, e == nil, eIU == nil {
            throw FoodLabelError(field: .vitaminE, labelField: .vitaminEForm,
                                 message: "a vitamin E form needs the vitamin E it describes (in mg or in IU)")
        }
        if let added { result.values[.vitaminEAdded] = added }
        if e != nil || eIU != nil {
            let form = eForm ?? .synthetic
            let rda: Double
            var upperLimit: Double
            if let e {
                rda = e
                upperLimit = form == .natural ? e : e * conversions.syntheticMgUpperLimitFactor
            } else {
                let iu = eIU!
                rda = iu * (form == .natural ? conversions.vitaminENaturalMgPerIU : conversions.vitaminESyntheticMgPerIU)
                upperLimit = iu * (form == .natural ? conversions.vitaminENaturalMgPerIU : conversions.vitaminESyntheticUpperLimitMgPerIU)
            }
            // Only added E counts toward the UL, where the label gives it apart (mg, RDA basis).
            if let added { upperLimit = form == .natural ? added : added * conversions.syntheticMgUpperLimitFactor }
            result.values[.vitaminE] = rda
            if eForm != nil {
                result.values[.vitaminEUpperLimit] = upperLimit
            } else if rda > 0 {
                result.notes.append("Vitamin E: the label's form is not given, so it is counted as synthetic (dl-alpha-tocopherol), the reading that protects toward the upper limit, where its figure is marked estimated. If the label says d- or RRR-alpha-tocopherol, its form is natural.")
            }
        }
        return result
    }
}

extension FoodLabel {
    /// A label from what it prints: `values` for the components given as they are (energy,
    /// fat, vitamin K...), `vitamins` for D, A and E converted by `conversions` (they
    /// replace any of the same components in `values`). Returns the label and notes to show.
    public static func printed(name: String, servingGrams: Double, measure: String, values: [FoodComponent: Double],
                               vitamins: LabelVitamins, conversions: LabelConversions) throws(FoodLabelError) -> (label: FoodLabel, notes: [String]) {
        let converted = try vitamins.perServing(conversions)
        var perServing = values
        for component in [FoodComponent.vitaminA, .retinol, .vitaminD, .vitaminE, .vitaminEAdded, .vitaminEUpperLimit] {
            perServing[component] = converted.values[component]
        }
        return (FoodLabel(name: name, servingGrams: servingGrams, measure: measure, perServing: perServing), converted.notes)
    }
}
