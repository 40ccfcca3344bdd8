import NutrientModel

/// Turns the USDA SR28 rows into the rows of `Data/foods.csv` and `Data/portions.csv`.
///
/// Values the USDA gives are copied exactly as written. Where it gives none, a value is
/// derived only by the USDA's own conversions (see `Data/README.md`); otherwise the cell
/// stays empty, because unknown is not zero.
struct FoodTableBuilder {
    /// A food as read from FOOD_DES.txt.
    struct FoodDescription {
        let id: String
        let groupCode: String
        let description: String
    }

    /// One food's USDA values by nutrient number, as the text the USDA wrote.
    typealias NutrientValues = [String: String]

    /// The nutrient numbers read from NUT_DATA.txt.
    static let nutrientNumbers: Set<String> = [
        "208", "204", "291", "318", "319", "320", "321", "322", "334", "324", "328",
        "323", "573", "430", "618", "675", "619", "851", "629", "621",
    ]

    /// The IU of vitamin D in one microgram (IOM 2011; SR28 documentation).
    static let vitaminDIUPerMicrogram = 40.0
    /// Micrograms of retinol in one IU of vitamin A from retinol (SR28 documentation).
    static let retinolMicrogramsPerIU = 0.3
    /// RAE divisors for provitamin A carotenoids (IOM 2001): 12 for beta-carotene,
    /// 24 for alpha-carotene and beta-cryptoxanthin.
    static let betaCaroteneRAEDivisor = 12.0
    static let otherCarotenoidRAEDivisor = 24.0

    /// SR28's added vitamin E (573) is mg of all-rac alpha-tocopherol on the RDA basis for
    /// most fortified foods: "these values should be multiplied by 2 to relate intakes of
    /// this form to the UL" (SR28 documentation, "Vitamin E"). The same factor is
    /// `usda_added_vitamin_e_ul_factor` in Data/conversions.csv, which absorb reads.
    static let addedVitaminEULFactor = 2.0

    /// Whether a FOOTNOTE.txt text for nutrient 573 says the added form is RRR ("Added
    /// vitamin E is RRR alpha tocopherol"): its value then counts toward the UL as it is.
    static func footnoteSaysRRR(_ text: String) -> Bool {
        text.range(of: "RRR", options: .caseInsensitive) != nil
    }

    /// Whether a description says the food is fortified with vitamin E ("fortified with
    /// vitamin E and C", "with vitamin E added"): without an added-E value, all of its
    /// vitamin E then counts toward the UL, doubled as all-rac.
    static func saysFortifiedWithVitaminE(_ description: String) -> Bool {
        let text = description.lowercased()
        return text.contains("vitamin e") && (text.contains("fortified") || text.contains("added"))
    }

    /// The cells of one food's row, in `FoodComponent` order, and which were derived.
    struct Row {
        var cells: [String]
        var derived: [FoodComponent]
        /// Values copied from a fallback USDA nutrient rather than the column's usual one,
        /// as `column:Nutr_No` (`linoleic_acid_g:618`); written after `derived` in that column.
        var fallbackSources: [String] = []
    }

    /// The values of a food, from its USDA nutrient values.
    ///
    /// `vitamin_e_ul_mg`, what counts toward the vitamin E UL: the added E (573) doubled,
    /// or as it is where a footnote says RRR (`addedVitaminEIsRRR`); with no added E, all
    /// of the vitamin E doubled if the description says it is fortified with it
    /// (`fortifiedWithVitaminE`), else 0: the USDA reports added E for the foods it
    /// fortifies, and vitamin E natural to food does not count toward the UL (IOM 2000).
    static func row(from values: NutrientValues, addedVitaminEIsRRR: Bool = false,
                    fortifiedWithVitaminE: Bool = false) -> Row {
        var cells = [String](repeating: "", count: FoodComponent.count)
        var derived: [FoodComponent] = []
        func set(_ component: FoodComponent, _ text: String?) {
            if let text { cells[component.rawValue] = text }
        }
        func setDerived(_ component: FoodComponent, _ value: Double?) {
            guard let value else { return }
            cells[component.rawValue] = formatDerived(value)
            derived.append(component)
        }
        func number(_ key: String) -> Double? { values[key].flatMap(Double.init) }

        set(.energy, values["208"])
        set(.fat, values["204"])
        set(.fiber, values["291"])

        if let rae = values["320"] {
            set(.vitaminA, rae)
        } else {
            setDerived(.vitaminA, derivedRAE(values))
        }
        if let retinol = values["319"] {
            set(.retinol, retinol)
        } else if number("320") == 0 || number("318") == 0 {
            setDerived(.retinol, 0)  // no vitamin A at all means no retinol
        }

        if let vitaminD = values["328"] {
            set(.vitaminD, vitaminD)
        } else if let iu = number("324") {
            setDerived(.vitaminD, iu / vitaminDIUPerMicrogram)
        }
        set(.vitaminE, values["323"])
        set(.vitaminEAdded, values["573"])
        if let added = number("573") {
            if addedVitaminEIsRRR || added == 0 {
                set(.vitaminEUpperLimit, values["573"])
            } else {
                setDerived(.vitaminEUpperLimit, added * addedVitaminEULFactor)
            }
        } else if fortifiedWithVitaminE {
            setDerived(.vitaminEUpperLimit, number("323").map { $0 * addedVitaminEULFactor })
        } else {
            set(.vitaminEUpperLimit, "0")
        }
        set(.vitaminK, values["430"])
        var fallbackSources: [String] = []
        // The AIs mean the cis isomers (18:2 n-6 c,c; 18:3 n-3 c,c,c); the undifferentiated
        // 18:2 and 18:3 also count trans isomers, CLA and GLA, so they are only the fallback.
        func setFattyAcid(_ component: FoodComponent, specific: String, undifferentiated: String) {
            if let value = values[specific] {
                set(component, value)
            } else if let value = values[undifferentiated] {
                set(component, value)
                fallbackSources.append("\(component.column):\(undifferentiated)")
            }
        }
        setFattyAcid(.linoleicAcid, specific: "675", undifferentiated: "618")
        setFattyAcid(.alphaLinolenicAcid, specific: "851", undifferentiated: "619")
        set(.epa, values["629"])
        set(.dha, values["621"])
        return Row(cells: cells, derived: derived, fallbackSources: fallbackSources)
    }

    /// Vitamin A in µg RAE where the USDA gives no RAE, or `nil` if it cannot be known.
    static func derivedRAE(_ values: NutrientValues) -> Double? {
        func number(_ key: String) -> Double? { values[key].flatMap(Double.init) }
        if let retinol = number("319"), let beta = number("321"),
           let alpha = number("322"), let cryptoxanthin = number("334") {
            return retinol + beta / betaCaroteneRAEDivisor
                + (alpha + cryptoxanthin) / otherCarotenoidRAEDivisor
        }
        guard let iu = number("318") else { return nil }
        if iu == 0 { return 0 }
        // All of the IU is retinol (3.33 IU per µg): no carotenoids, so RAE = retinol.
        if let retinol = number("319"), abs(iu * retinolMicrogramsPerIU - retinol) <= max(1, retinol * 0.02) {
            return retinol
        }
        // IU from carotenoids of unknown mix cannot be turned into RAE.
        return nil
    }

    /// A derived value with at most three decimals and no trailing zeros.
    static func formatDerived(_ value: Double) -> String {
        Format.number(value, decimals: 3)
    }
}
