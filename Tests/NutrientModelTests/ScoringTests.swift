import XCTest
@testable import NutrientModel

/// Scores checked against sums computed by hand from the USDA SR28 rows (NUT_DATA.txt,
/// values per 100 g) and household weights (WEIGHT.txt).
final class ScoringTests: XCTestCase {
    let day = try! LocalDate(parsing: "2026-11-24")

    private func entry(_ id: Int64, _ food: String, _ grams: Double, meal: Meal = .lunch, on date: LocalDate? = nil) -> Entry {
        Entry(id: id, date: date ?? day, meal: meal, foodID: food, grams: grams, loggedAt: Date(timeIntervalSince1970: Double(id)))
    }

    private func report(_ entries: [Entry], profile: PersonProfile = PersonProfile(name: "Test"),
                        range: DateRange? = nil, overrides: [TargetOverride] = []) throws -> Report {
        let data = TestData.data
        let targets = try data.targets.targets(for: profile, overrides: overrides)
        return Report(profile: profile, targets: targets, range: range ?? DateRange(day: day),
                      entries: entries, scorer: data.scorer)
    }

    /// Two large hard-boiled eggs (01129, 2 × 50 g), 150 g of farmed Atlantic salmon,
    /// cooked (15237) and a cup of raw spinach (11457, 30 g).
    ///
    ///   01129 per 100 g: RAE 149, retinol 148, D 2.2, E 1.03, K 0.3, LA 1.188, ALA 0.035, EPA 0.005, DHA 0.038
    ///   15237 per 100 g: RAE 69, retinol 69, D 13.1, E 1.14, K 0.1, LA 0.666, ALA 0.113, EPA 0.690, DHA 1.457
    ///   11457 per 100 g: RAE 469, retinol 0, D 0.0, E 2.03, K 482.9, LA 0.026, ALA 0.138, EPA 0, DHA 0
    func testEggsSalmonAndSpinachByHand() throws {
        let report = try report([entry(1, "01129", 100, meal: .breakfast), entry(2, "15237", 150, meal: .dinner),
                                 entry(3, "11457", 30)])
        func amount(_ nutrient: Nutrient) -> Double { report.score(of: nutrient).amount! }
        XCTAssertEqual(amount(.vitaminA), 149 + 69 * 1.5 + 469 * 0.3, accuracy: 1e-9)            // 393.2 µg RAE
        XCTAssertEqual(amount(.vitaminD), 2.2 + 13.1 * 1.5 + 0, accuracy: 1e-9)                   // 21.85 µg
        XCTAssertEqual(amount(.vitaminE), 1.03 + 1.14 * 1.5 + 2.03 * 0.3, accuracy: 1e-9)         // 3.349 mg
        XCTAssertEqual(amount(.vitaminK), 0.3 + 0.1 * 1.5 + 482.9 * 0.3, accuracy: 1e-9)          // 145.32 µg
        XCTAssertEqual(amount(.linoleicAcid), 1.188 + 0.666 * 1.5 + 0.026 * 0.3, accuracy: 1e-9)  // 2.1948 g
        XCTAssertEqual(amount(.alphaLinolenicAcid), 0.035 + 0.113 * 1.5 + 0.138 * 0.3, accuracy: 1e-9)
        XCTAssertEqual(amount(.epaDha), (0.005 + 0.038) * 1000 + (0.690 + 1.457) * 1.5 * 1000, accuracy: 1e-6)  // 3263.5 mg

        // Default profile (sex and age unset): the higher of the adult 19-30 targets.
        let vitaminA = report.score(of: .vitaminA)
        XCTAssertEqual(vitaminA.target.value, 900)
        XCTAssertEqual(vitaminA.target.kind, .rda)
        XCTAssertEqual(vitaminA.percent!, 393.2 / 900 * 100, accuracy: 1e-9)
        XCTAssertEqual(vitaminA.status, .veryLow)
        XCTAssertEqual(vitaminA.upperLimitAmount!, 148 + 69 * 1.5, accuracy: 1e-9, "UL counts retinol only")
        XCTAssertEqual(report.score(of: .vitaminD).status, .met)          // 21.85 of 15
        XCTAssertEqual(report.score(of: .vitaminE).status, .veryLow)      // 3.35 of 15
        XCTAssertEqual(report.score(of: .vitaminK).status, .met)          // 145 of 120
        XCTAssertEqual(report.score(of: .epaDha).status, .met)
        XCTAssertEqual(report.score(of: .epaDha).target.value, 250)
        XCTAssertTrue(report.score(of: .epaDha).target.source.contains("EFSA"))
        for score in report.scores {
            XCTAssertEqual(score.coverage, 1, "\(score.nutrient): all three foods have values")
            XCTAssertEqual(score.missingDataFoods, [])
        }
        XCTAssertEqual(report.loggedDays, 1)
        XCTAssertEqual(report.entries.map(\.id), [1, 3, 2], "by meal: breakfast, lunch, dinner")
    }

    func testStatusThresholds() throws {
        // Female 34: vitamin D RDA 15 µg. Salmon 15237 has 13.1 µg per 100 g.
        let profile = PersonProfile(name: "Maya", sex: .female, ageMonths: 34 * 12)
        func status(grams: Double) throws -> NutrientStatus {
            try report([entry(1, "15237", grams)], profile: profile).score(of: .vitaminD).status
        }
        XCTAssertEqual(try status(grams: 50), .veryLow)    // 6.55 µg = 43.7 %
        XCTAssertEqual(try status(grams: 60), .low)        // 7.86 µg = 52.4 %
        XCTAssertEqual(try status(grams: 115), .met)       // 15.065 µg = 100.4 %
    }

    func testNothingLoggedIsNoDataNotZero() throws {
        let report = try report([])
        for score in report.scores {
            XCTAssertNil(score.amount)
            XCTAssertNil(score.percent)
            XCTAssertNil(score.coverage)
            XCTAssertEqual(score.status, .noData)
        }
        XCTAssertEqual(report.loggedDays, 0)
    }

    func testVitaminAUpperLimitAppliesToRetinolNotCarotenoids() throws {
        let adult = PersonProfile(name: "A", sex: .female, ageMonths: 40 * 12)
        // Carrots, raw (11124): 835 µg RAE, all from carotenoids (retinol 0). 500 g is
        // 4,175 µg RAE — over 3,000 — but no preformed vitamin A at all.
        let carrots = try report([entry(1, "11124", 500)], profile: adult).score(of: .vitaminA)
        XCTAssertEqual(carrots.amount!, 835 * 5, accuracy: 1e-9)
        XCTAssertEqual(carrots.upperLimitAmount, 0)
        XCTAssertEqual(carrots.status, .met)
        // Beef liver, pan-fried (13327): retinol 7,728 µg per 100 g; 50 g is 3,864 µg > 3,000.
        let liver = try report([entry(1, "13327", 50)], profile: adult).score(of: .vitaminA)
        XCTAssertEqual(liver.upperLimitAmount!, 7728 * 0.5, accuracy: 1e-9)
        XCTAssertEqual(liver.status, .aboveUL)
        // A retinyl palmitate supplement counts toward the limit too.
        let supplement = TestData.data.foods.food(id: "S0010")!
        XCTAssertTrue(supplement.description.lowercased().contains("retinyl palmitate"), supplement.description)
        let grams = supplement.portions[0].grams
        let withSupplement = try report([entry(1, "13327", 30), entry(2, "S0010", grams)], profile: adult).score(of: .vitaminA)
        XCTAssertEqual(withSupplement.upperLimitAmount!, 7728 * 0.3 + 3000, accuracy: 1e-6)  // 2,318.4 + one softgel
        XCTAssertEqual(withSupplement.status, .aboveUL)
    }

    func testVitaminEUpperLimitAppliesToAddedAndSupplementalOnly() throws {
        let adult = PersonProfile(name: "E", sex: .male, ageMonths: 40 * 12)
        // Sunflower seed kernels, dried (12036): 35.17 mg alpha-tocopherol per 100 g,
        // none added. 5 kg would be 1,758.5 mg, but natural vitamin E has no UL.
        let seeds = try report([entry(1, "12036", 5000)], profile: adult).score(of: .vitaminE)
        XCTAssertEqual(seeds.amount!, 35.17 * 50, accuracy: 1e-9)
        XCTAssertEqual(seeds.upperLimitAmount, 0)
        XCTAssertEqual(seeds.status, .met)
        // Synthetic 400 IU softgels (S0007): toward the RDA 400 × 0.45 = 180 mg each, toward
        // the UL 400 × 0.91 = 364 mg (1,000 mg = 1,100 IU of synthetic E; IOM 2000). Three
        // are 1,092 mg, over the 1,000 mg UL, though their RDA figure is only 540 mg.
        let synthetic = TestData.data.foods.food(id: "S0007")!
        let grams = synthetic.portions[0].grams
        XCTAssertEqual(synthetic.values[.vitaminE]! * grams / 100, 180, accuracy: 1e-9)
        XCTAssertEqual(synthetic.values[.vitaminEUpperLimit]! * grams / 100, 364, accuracy: 1e-9)
        let three = try report([entry(1, "S0007", grams * 3)], profile: adult).score(of: .vitaminE)
        XCTAssertEqual(three.amount!, 540, accuracy: 1e-6)
        XCTAssertEqual(three.upperLimitAmount!, 1092, accuracy: 1e-6)
        XCTAssertEqual(three.status, .aboveUL)
        XCTAssertFalse(three.upperLimitEstimated)
        let two = try report([entry(1, "S0007", grams * 2)], profile: adult).score(of: .vitaminE)
        XCTAssertEqual(two.upperLimitAmount!, 728, accuracy: 1e-6)
        XCTAssertEqual(two.status, .met)
        // Natural 400 IU softgels (S0006) are 268 mg on both bases: three are 804 mg.
        let natural = TestData.data.foods.food(id: "S0006")!
        let naturalThree = try report([entry(1, "S0006", natural.portions[0].grams * 3)], profile: adult).score(of: .vitaminE)
        XCTAssertEqual(naturalThree.upperLimitAmount!, 804, accuracy: 1e-6)
        XCTAssertEqual(naturalThree.status, .met)
    }

    func testVitaminDUpperLimitIsOnTotalIntake() throws {
        let adult = PersonProfile(name: "D", sex: .female, ageMonths: 40 * 12)
        // 2,000 IU softgels (S0002) are 50 µg each: three are 150 µg > 100 µg.
        let softgel = TestData.data.foods.food(id: "S0002")!.portions[0].grams
        let two = try report([entry(1, "S0002", softgel * 2)], profile: adult).score(of: .vitaminD)
        XCTAssertEqual(two.amount!, 100, accuracy: 1e-9)
        XCTAssertEqual(two.status, .met, "at the UL is not above it")
        let three = try report([entry(1, "S0002", softgel * 3)], profile: adult).score(of: .vitaminD)
        XCTAssertEqual(three.upperLimitAmount!, 150, accuracy: 1e-9)
        XCTAssertEqual(three.status, .aboveUL)
    }

    func testCoverageIsTheShareOfLoggedWeightWithAValue() throws {
        let foods = TestData.data.foods
        // A food without a vitamin K value, and its name.
        let missingIndex = try XCTUnwrap((0..<8789).first { foods.values(at: $0)[.vitaminK] == nil })
        let missingID = foods.ids[missingIndex]
        let report = try report([entry(1, "11457", 30), entry(2, missingID, 90), entry(3, missingID, 30),
                                 entry(4, "C_gone", 30)])
        let vitaminK = report.score(of: .vitaminK)
        XCTAssertEqual(vitaminK.coverage!, 30.0 / 180.0, accuracy: 1e-12)
        XCTAssertEqual(vitaminK.amount!, 482.9 * 0.3, accuracy: 1e-9, "only the known values are summed")
        XCTAssertEqual(vitaminK.missingDataFoods, [foods.descriptions[missingIndex], "unknown food C_gone"])
        XCTAssertTrue(vitaminK.isIncomplete)
    }

    func testRangeIsTheDailyAverageOfLoggedDays() throws {
        let next = day.adding(days: 1)
        let range = DateRange(from: day, to: day.adding(days: 6))
        let report = try report([entry(1, "15237", 100), entry(2, "15237", 200, on: next),
                                 entry(3, "15237", 500, on: day.adding(days: 30))], range: range)
        XCTAssertEqual(report.loggedDays, 2)
        XCTAssertEqual(report.entries.count, 2, "entries outside the range are left out")
        XCTAssertEqual(report.score(of: .vitaminD).amount!, 13.1 * 3 / 2, accuracy: 1e-9)
    }

    func testTargetsByLifeStageAndOverrides() throws {
        let targets = TestData.data.targets
        let maya = try targets.targets(for: PersonProfile(name: "Maya", sex: .female, ageMonths: 34 * 12))
        XCTAssertEqual(maya.targets[.vitaminA]?.value, 700)
        XCTAssertEqual(maya.targets[.vitaminK]?.value, 90)
        XCTAssertEqual(maya.targets[.linoleicAcid]?.value, 12)
        XCTAssertEqual(maya.targets[.alphaLinolenicAcid]?.value, 1.1)
        XCTAssertNil(maya.defaultsNote)
        let pregnant = try targets.targets(for: PersonProfile(name: "P", sex: .female, ageMonths: 30 * 12, condition: .pregnancy))
        XCTAssertEqual(pregnant.targets[.vitaminA]?.value, 770)
        XCTAssertEqual(pregnant.targets[.alphaLinolenicAcid]?.value, 1.4)
        let lactating = try targets.targets(for: PersonProfile(name: "L", sex: .female, ageMonths: 30 * 12, condition: .lactation))
        XCTAssertEqual(lactating.targets[.vitaminA]?.value, 1300)
        let man = try targets.targets(for: PersonProfile(name: "M", sex: .male, ageMonths: 75 * 12))
        XCTAssertEqual(man.targets[.vitaminD]?.value, 20)
        XCTAssertEqual(man.targets[.vitaminE]?.upperLimit, 1000)
        XCTAssertEqual(man.targets[.vitaminE]?.upperLimitBasis, .addedVitaminE)
        let infant = try targets.targets(for: PersonProfile(name: "I", sex: .female, ageMonths: 8))
        XCTAssertEqual(infant.targets[.vitaminD]?.value, 10)
        XCTAssertEqual(infant.targets[.epaDha]?.value, 100, "EFSA's 100 mg DHA at 7-24 months; its 250 mg starts at 2 years")
        let newborn = try targets.targets(for: PersonProfile(name: "N", sex: .female, ageMonths: 3))
        XCTAssertNil(newborn.targets[.epaDha]?.value, "EFSA sets nothing under 7 months")

        let setOn = try LocalDate(parsing: "2026-11-24")
        let custom = try targets.targets(for: PersonProfile(name: "Maya", sex: .female, ageMonths: 34 * 12),
                                         overrides: [TargetOverride(nutrient: .vitaminD, value: 50, setOn: setOn)])
        XCTAssertEqual(custom.targets[.vitaminD]?.value, 50)
        XCTAssertEqual(custom.targets[.vitaminD]?.kind, .custom)
        XCTAssertEqual(custom.targets[.vitaminD]?.source, "custom, set 24 Nov 2026")
        XCTAssertEqual(custom.targets[.vitaminD]?.replacedReference?.value, 15)
        XCTAssertEqual(custom.targets[.vitaminD]?.upperLimit, 100, "the UL still applies")

        XCTAssertThrowsError(try targets.targets(for: PersonProfile(name: "X", sex: .male, ageMonths: 30 * 12, condition: .pregnancy)))
    }

    func testDefaultProfileSaysItsTargetsAreDefaults() throws {
        let targets = try TestData.data.targets.targets(for: PersonProfile(name: "Me"))
        XCTAssertEqual(targets.targets[.vitaminA]?.value, 900, "the higher of male (900) and female (700)")
        XCTAssertTrue(targets.defaultsNote?.hasPrefix("Targets are defaults") ?? false)
    }
}
