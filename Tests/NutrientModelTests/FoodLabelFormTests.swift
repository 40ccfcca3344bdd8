import XCTest
@testable import NutrientModel

/// A label's vitamins as printed (IU, forms) turned into components by the factors of
/// Data/conversions.csv; every expected figure is worked by hand.
final class FoodLabelFormTests: XCTestCase {
    private var conversions: LabelConversions { TestData.data.labelConversions }

    private func convert(_ vitamins: LabelVitamins) throws -> LabelVitamins.Converted {
        try vitamins.perServing(conversions)
    }

    private func error(_ vitamins: LabelVitamins) -> FoodLabelError? {
        do { _ = try vitamins.perServing(conversions); return nil } catch { return error }
    }

    func testTheFactorsComeFromTheDataFolder() {
        XCTAssertEqual(conversions, LabelConversions(
            vitaminDIUPerMicrogram: 40, retinolMicrogramsPerIU: 0.3, betaCaroteneRAEPerIU: 0.3,
            vitaminENaturalMgPerIU: 0.67, vitaminESyntheticMgPerIU: 0.45, vitaminESyntheticUpperLimitMgPerIU: 0.91,
            syntheticMgUpperLimitFactor: 2.02))
    }

    func testVitaminAAsRetinylPalmitate() throws {
        // A 10,000 IU retinyl palmitate softgel: 10,000 × 0.3 = 3,000 µg RAE, all retinol.
        let values = try convert(LabelVitamins(vitaminAIU: 10_000, vitaminAForm: "retinol")).values
        XCTAssertEqual(values[.vitaminA]!, 3_000, accuracy: 1e-9)
        XCTAssertEqual(values[.retinol]!, 3_000, accuracy: 1e-9)
        XCTAssertEqual(try convert(LabelVitamins(vitaminAIU: 10_000, vitaminAForm: "Retinyl palmitate")).values[.retinol]!,
                       3_000, accuracy: 1e-9)
    }

    func testVitaminAHalfAsBetaCarotene() throws {
        // 10,000 IU, 50 % as beta-carotene: 5,000 IU × 0.3 = 1,500 µg retinol, and 5,000 IU
        // × 0.3 = 1,500 µg RAE from beta-carotene: 3,000 µg RAE in all.
        for text in ["50%-beta-carotene", "50% as beta-carotene", "50", "50 %", " 50% Beta Carotene "] {
            let values = try convert(LabelVitamins(vitaminAIU: 10_000, vitaminAForm: text)).values
            XCTAssertEqual(values[.retinol]!, 1_500, accuracy: 1e-9, text)
            XCTAssertEqual(values[.vitaminA]!, 3_000, accuracy: 1e-9, text)
        }
        XCTAssertEqual(try VitaminAForm(parsing: "50% as beta-carotene"), .partBetaCarotene(percent: 50))
        XCTAssertEqual(try VitaminAForm(parsing: "100%"), .betaCarotene)
        XCTAssertEqual(try VitaminAForm(parsing: "0"), .retinol)
        XCTAssertEqual(VitaminAForm.partBetaCarotene(percent: 50).text, "50%-beta-carotene")
        // All beta-carotene: no retinol.
        let beta = try convert(LabelVitamins(vitaminAIU: 10_000, vitaminAForm: "beta-carotene")).values
        XCTAssertEqual(beta[.retinol], 0)
        XCTAssertEqual(beta[.vitaminA]!, 3_000, accuracy: 1e-9)
        // In µg RAE the split applies to the RAE.
        let rae = try convert(LabelVitamins(vitaminA: 900, vitaminAForm: "50%-beta-carotene")).values
        XCTAssertEqual(rae[.vitaminA]!, 900, accuracy: 1e-9)
        XCTAssertEqual(rae[.retinol]!, 450, accuracy: 1e-9)
    }

    func testVitaminAWithTheRetinolTheLabelStates() throws {
        // 10,000 IU of which 1,500 µg retinol (5,000 IU): the other 5,000 IU as beta-carotene.
        let values = try convert(LabelVitamins(vitaminAIU: 10_000, retinol: 1_500)).values
        XCTAssertEqual(values[.retinol]!, 1_500, accuracy: 1e-9)
        XCTAssertEqual(values[.vitaminA]!, 3_000, accuracy: 1e-9)
        let none = try convert(LabelVitamins(vitaminA: 0)).values
        XCTAssertEqual(none[.vitaminA], 0)
        XCTAssertEqual(none[.retinol], 0, "no vitamin A, so no retinol")
    }

    func testVitaminEByItsForm() throws {
        // 400 IU synthetic: 400 × 0.45 = 180 mg toward the RDA, 400 × 0.91 = 364 mg toward the UL.
        var values = try convert(LabelVitamins(vitaminEIU: 400, vitaminEForm: "synthetic")).values
        XCTAssertEqual(values[.vitaminE]!, 180, accuracy: 1e-9)
        XCTAssertEqual(values[.vitaminEUpperLimit]!, 364, accuracy: 1e-9)
        // 400 IU natural: 400 × 0.67 = 268 mg both ways.
        values = try convert(LabelVitamins(vitaminEIU: 400, vitaminEForm: "natural")).values
        XCTAssertEqual(values[.vitaminE]!, 268, accuracy: 1e-9)
        XCTAssertEqual(values[.vitaminEUpperLimit]!, 268, accuracy: 1e-9)
        // 15 mg synthetic: 15 mg toward the RDA, 15 × 2.02 = 30.3 mg toward the UL.
        values = try convert(LabelVitamins(vitaminE: 15, vitaminEForm: "dl-alpha-tocopheryl acetate")).values
        XCTAssertEqual(values[.vitaminE]!, 15, accuracy: 1e-9)
        XCTAssertEqual(values[.vitaminEUpperLimit]!, 30.3, accuracy: 1e-9)
        // 15 mg natural: 15 and 15.
        values = try convert(LabelVitamins(vitaminE: 15, vitaminEForm: "d-alpha-tocopherol")).values
        XCTAssertEqual(values[.vitaminEUpperLimit]!, 15, accuracy: 1e-9)
        // With the added E apart, only it counts toward the UL: 5 mg synthetic × 2.02.
        values = try convert(LabelVitamins(vitaminE: 12, vitaminEForm: "synthetic", vitaminEAdded: 5)).values
        XCTAssertEqual(values[.vitaminEUpperLimit]!, 10.1, accuracy: 1e-9)
    }

    func testVitaminEWithoutItsFormIsSyntheticWithANoteAndAnEstimatedUpperLimit() throws {
        let converted = try convert(LabelVitamins(vitaminEIU: 400))
        XCTAssertEqual(converted.values[.vitaminE]!, 180, accuracy: 1e-9, "synthetic toward the RDA")
        XCTAssertNil(converted.values[.vitaminEUpperLimit], "left for the scorer to count as synthetic")
        XCTAssertEqual(converted.notes.count, 1)
        XCTAssertTrue(converted.notes[0].contains("counted as synthetic"), converted.notes[0])
        // The scorer counts it as synthetic mg × 2.02 and calls it estimated: 180 × 2.02 = 363.6.
        let label = try FoodLabel.printed(name: "E 400 IU", servingGrams: 1, measure: "softgel", values: [:],
                                          vitamins: LabelVitamins(vitaminEIU: 400), conversions: conversions).label
        let food = try label.food(id: "C0001", group: "Custom foods", maxServingGrams: 10_000)
        let count = TestData.data.scoringRules.upperLimits.count(.vitaminE, basis: .addedVitaminE, in: food.values, source: food.source)
        guard case .estimated(let per100) = count else { return XCTFail("\(count)") }
        XCTAssertEqual(per100 / 100, 363.6, accuracy: 1e-9)
        // With the form, the UL figure is known.
        let known = try FoodLabel.printed(name: "E", servingGrams: 1, measure: "softgel", values: [:],
                                          vitamins: LabelVitamins(vitaminEIU: 400, vitaminEForm: "synthetic"), conversions: conversions).label
        let knownFood = try known.food(id: "C0002", group: "Custom foods", maxServingGrams: 10_000)
        guard case .known(let knownPer100) = TestData.data.scoringRules.upperLimits.count(
            .vitaminE, basis: .addedVitaminE, in: knownFood.values, source: knownFood.source) else { return XCTFail() }
        XCTAssertEqual(knownPer100 / 100, 364, accuracy: 1e-9)
        XCTAssertTrue(try convert(LabelVitamins(vitaminE: 0)).notes.isEmpty, "no vitamin E, nothing to note")
    }

    func testVitaminDInIU() throws {
        XCTAssertEqual(try convert(LabelVitamins(vitaminDIU: 1_000)).values[.vitaminD]!, 25, accuracy: 1e-9)
        XCTAssertEqual(try convert(LabelVitamins(vitaminDIU: 50_000)).values[.vitaminD]!, 1_250, accuracy: 1e-9)
        XCTAssertEqual(try convert(LabelVitamins(vitaminD: 10)).values[.vitaminD], 10)
    }

    func testEachErrorNamesItsFieldAndTheChoices() throws {
        let noForm = try XCTUnwrap(error(LabelVitamins(vitaminAIU: 10_000)))
        XCTAssertEqual(noForm.labelField, .vitaminAForm)
        XCTAssertEqual(noForm.message, "Vitamin A (IU) needs its form: retinol, beta-carotene or N%-beta-carotene (as in 50%-beta-carotene for \"50% as beta-carotene\"), or the retinol the label states")
        XCTAssertEqual(error(LabelVitamins(vitaminA: 300))?.labelField, .vitaminAForm, "µg RAE needs the form too")

        let unknown = try XCTUnwrap(error(LabelVitamins(vitaminAIU: 10_000, vitaminAForm: "carrots")))
        XCTAssertEqual(unknown.labelField, .vitaminAForm)
        XCTAssertEqual(unknown.message, "Vitamin A form \"carrots\" is not one of: retinol, beta-carotene or N%-beta-carotene (as in 50%-beta-carotene for \"50% as beta-carotene\")")
        XCTAssertEqual(error(LabelVitamins(vitaminAIU: 10_000, vitaminAForm: "150%"))?.message,
                       "Vitamin A form: the part as beta-carotene must be 0 to 100 %, found 150 %")
        XCTAssertEqual(error(LabelVitamins(vitaminEIU: 400, vitaminEForm: "organic"))?.message,
                       "Vitamin E form \"organic\" is not one of: natural (d- or RRR-alpha-tocopherol) or synthetic (dl- or all-rac-alpha-tocopherol)")

        let formAlone = try XCTUnwrap(error(LabelVitamins(vitaminAForm: "retinol")))
        XCTAssertEqual(formAlone.labelField, .vitaminAForm)
        XCTAssertEqual(formAlone.message, "a vitamin A form needs the vitamin A it describes (in µg RAE or in IU)")
        XCTAssertEqual(error(LabelVitamins(vitaminEForm: "natural"))?.message,
                       "a vitamin E form needs the vitamin E it describes (in mg or in IU)")

        let twice = try XCTUnwrap(error(LabelVitamins(vitaminA: 300, vitaminAIU: 1_000, vitaminAForm: "retinol")))
        XCTAssertEqual(twice.labelField, .vitaminAIU)
        XCTAssertEqual(twice.message, "Vitamin A is given both in µg RAE and in IU: give one of them")
        XCTAssertEqual(error(LabelVitamins(vitaminD: 10, vitaminDIU: 400))?.message, "Vitamin D is given both in µg and in IU: give one of them")
        XCTAssertEqual(error(LabelVitamins(vitaminE: 10, vitaminEIU: 400))?.message, "Vitamin E is given both in mg and in IU: give one of them")

        let negative = try XCTUnwrap(error(LabelVitamins(vitaminDIU: -400)))
        XCTAssertEqual(negative.labelField, .vitaminDIU)
        XCTAssertEqual(negative.message, "Vitamin D (IU) must be a number of 0 or more")
        XCTAssertEqual(error(LabelVitamins(vitaminEIU: .nan))?.message, "Vitamin E (IU) must be a number of 0 or more")
        XCTAssertThrowsError(try LabelVitamins.number("4x", .vitaminAIU)) { error in
            XCTAssertEqual((error as? FoodLabelError)?.message, "Vitamin A (IU): \"4x\" is not a number")
        }
        XCTAssertNil(try LabelVitamins.number(" ", .vitaminAIU))

        XCTAssertEqual(error(LabelVitamins(vitaminAIU: 10_000, vitaminAForm: "retinol", retinol: 3_000))?.labelField, .retinol,
                       "the form and a stated retinol cannot both set the retinol")
        XCTAssertEqual(error(LabelVitamins(vitaminAIU: 1_000, retinol: 3_000))?.message,
                       "the retinol (3000 µg) is more than the vitamin A (1000 IU) holds")
    }

    func testAPrintedLabelBecomesAFoodPer100Grams() throws {
        let (label, notes) = try FoodLabel.printed(
            name: "Vitamin A 10,000 IU", servingGrams: 0.5, measure: "softgel", values: [.energy: 5],
            vitamins: LabelVitamins(vitaminAIU: 10_000, vitaminAForm: "retinol"), conversions: conversions)
        XCTAssertTrue(notes.isEmpty)
        XCTAssertEqual(label.perServing, [.energy: 5, .vitaminA: 3_000, .retinol: 3_000])
        let food = try label.food(id: "C0001", group: "Custom foods", maxServingGrams: 10_000)
        XCTAssertEqual(food.values[.retinol]!, 600_000, accuracy: 1e-6, "3,000 µg in 0.5 g")
    }
}
