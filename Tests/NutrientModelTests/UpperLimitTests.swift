import Foundation
import XCTest
@testable import NutrientModel

/// Upper limits that protect: what counts toward each limit when data is missing, the
/// cautions that come before advice, and the advice that is held back. Figures are worked
/// by hand from the rows of Data/foods.csv (USDA SR28) and Data/supplements.csv.
final class UpperLimitTests: XCTestCase {
    let day = LocalDate(year: 2026, month: 11, day: 24)!
    let woman = PersonProfile(name: "Ana", sex: .female, ageMonths: 30 * 12)
    let pregnant = PersonProfile(name: "Bea", sex: .female, ageMonths: 30 * 12, condition: .pregnancy)
    let pregnantTeen = PersonProfile(name: "Cy", sex: .female, ageMonths: 17 * 12, condition: .pregnancy)

    func entry(_ id: Int64, _ food: String, _ grams: Double, _ meal: Meal = .lunch) -> Entry {
        Entry(id: id, date: day, meal: meal, foodID: food, grams: grams, loggedAt: Date(timeIntervalSince1970: Double(id)))
    }

    func report(_ entries: [Entry], _ person: PersonProfile, data: NutrientData = TestData.data) throws -> Report {
        Report(profile: person, targets: try data.targets.targets(for: person), range: DateRange(day: day),
               entries: entries, scorer: data.scorer)
    }

    /// The table with one food of the person's own, from a label.
    func data(with food: Food) throws -> NutrientData {
        var data = TestData.data
        try data.addCustomFoods([food])
        return data
    }

    /// A vitamin A softgel entered from its label: "Vitamin A 10,000 IU (3,000 mcg)", the
    /// form not given. 0.3 g a softgel, so 1,000,000 µg RAE per 100 g.
    var labelSoftgel: Food {
        Food(id: "C0001", description: "Vitamin A 10,000 IU softgel", group: "Custom foods", source: .custom,
             values: FoodValues([.vitaminA: 3000 * 100 / 0.3]), portions: [Portion(amount: 1, description: "softgel", grams: 0.3)])
    }

    // MARK: Vitamin A

    func testALabelsUnknownRetinolCountsAsAllOfItsVitaminA() throws {
        let data = try data(with: labelSoftgel)
        let review = data.review(try report([entry(1, "C0001", 0.6)], pregnant, data: data))
        let score = review.report.score(of: .vitaminA)
        // Two softgels: 6,000 µg RAE, all of it counted as retinol against the 3,000 µg UL.
        XCTAssertEqual(score.amount!, 6000, accuracy: 1e-6)
        XCTAssertEqual(score.upperLimitAmount!, 6000, accuracy: 1e-6)
        XCTAssertEqual(score.upperLimitKnownAmount!, 0, accuracy: 1e-9)
        XCTAssertEqual(score.status, .aboveUL)
        XCTAssertTrue(score.upperLimitEstimated)
        XCTAssertTrue(score.upperLimitComplete)
        XCTAssertTrue(score.upperLimitDecidedByEstimate)
        XCTAssertEqual(score.upperLimitEstimatedFoods, ["Vitamin A 10,000 IU softgel"])
        // The caution names the softgel (the estimate decides the status), and pregnancy
        // brings the teratogenicity caution first. Its label gives no vitamin E, so the
        // vitamin E limit could not be checked for it, and that is said too.
        XCTAssertEqual(review.cautions.map(\.kind), ["pregnancy_retinol", "above_upper_limit", "upper_limit_unchecked"])
        XCTAssertEqual(review.cautions[2], .upperLimitUnchecked(nutrient: .vitaminE, foods: ["Vitamin A 10,000 IU softgel"]))
        XCTAssertTrue(review.cautions[0].sentence.contains("birth defects"), review.cautions[0].sentence)
        XCTAssertTrue(review.cautions[0].sentence.contains("Logged: Vitamin A 10,000 IU softgel."), review.cautions[0].sentence)
        XCTAssertTrue(review.cautions[0].sentence.contains("NHS"), review.cautions[0].sentence)
        let above = review.cautions[1].sentence
        XCTAssertTrue(above.hasPrefix("Vitamin A: 6,000 µg of preformed vitamin A (retinol) from food and supplements is above the upper limit of 3,000 µg"), above)
        XCTAssertTrue(above.contains("counts Vitamin A 10,000 IU softgel conservatively"), above)
        XCTAssertEqual(review.aboveUpperLimit, [.vitaminA])
        // No absorption advice for it: no fat-pairing flag, whatever the meal's fat.
        XCTAssertFalse(review.fatPairing.flags.contains { $0.nutrient == .vitaminA })
        let unreviewed = data.fatPairing.analyze(review.report.entries, targets: review.report.targets)
        XCTAssertTrue(unreviewed.flags.contains { $0.nutrient == .vitaminA }, "the rule under test is the review's")
    }

    func testOneSoftgelIsAtTheLimitNotAboveItButPregnancyStillCautions() throws {
        let data = try data(with: labelSoftgel)
        let review = data.review(try report([entry(1, "C0001", 0.3)], pregnant, data: data))
        XCTAssertEqual(review.report.score(of: .vitaminA).status, .met, "3,000 µg is at the UL, not above it")
        XCTAssertEqual(review.cautions.map(\.kind), ["pregnancy_retinol", "upper_limit_unchecked"])
        XCTAssertFalse(review.cautions[0].sentence.contains("above the pregnancy upper limit"))
        // Not pregnant: the same softgel brings no vitamin A caution.
        XCTAssertEqual(data.review(try report([entry(1, "C0001", 0.3)], woman, data: data)).cautions.map(\.nutrient), [.vitaminE])
    }

    func testAUSDAFoodWithVitaminAButNoRetinolIsCountedAsAllRetinol() throws {
        // Seal, ringed, liver (35072): 4,880 µg RAE per 100 g, no retinol value. 100 g for a
        // 17-year-old in pregnancy (UL 2,800 µg) is above it by the estimate alone.
        let review = TestData.data.review(try report([entry(1, "35072", 100)], pregnantTeen))
        let score = review.report.score(of: .vitaminA)
        XCTAssertNil(TestData.data.foods.food(id: "35072")!.values[.retinol])
        XCTAssertEqual(score.target.upperLimit, 2800)
        XCTAssertEqual(score.upperLimitAmount!, 4880, accuracy: 1e-9)
        XCTAssertEqual(score.status, .aboveUL)
        XCTAssertEqual(score.upperLimitEstimatedFoods, ["Seal, ringed, liver (Alaska Native)"])
        // Liver in pregnancy is named by the pregnancy caution too.
        guard case .pregnancyRetinol(let facts) = review.cautions.first else { return XCTFail("\(review.cautions)") }
        XCTAssertEqual(facts.foods, ["Seal, ringed, liver (Alaska Native)"])
        XCTAssertTrue(facts.retinolAboveLimit)
        // 50 g is 2,440 µg: within the 2,800 µg limit, but the pregnancy caution stays.
        let half = TestData.data.review(try report([entry(1, "35072", 50)], pregnantTeen))
        XCTAssertEqual(half.report.score(of: .vitaminA).status, .met)
        XCTAssertEqual(half.cautions.map(\.kind), ["pregnancy_retinol"])
    }

    func testAFoodWithNeitherValueCannotBeCheckedAndSaysSo() throws {
        // Milk, canned, evaporated, with added vitamin A (01153): no vitamin A, no retinol.
        let foods = TestData.data.foods
        XCTAssertNil(foods.food(id: "01153")!.values[.vitaminA])
        XCTAssertNil(foods.food(id: "01153")!.values[.retinol])
        // With 100 g of hard-boiled egg (01129: retinol 148).
        let review = TestData.data.review(try report([entry(1, "01129", 100), entry(2, "01153", 100)], woman))
        let score = review.report.score(of: .vitaminA)
        XCTAssertEqual(score.upperLimitAmount!, 148, accuracy: 1e-9)
        XCTAssertFalse(score.upperLimitComplete)
        XCTAssertFalse(score.upperLimitEstimated)
        XCTAssertEqual(score.upperLimitUncheckedFoods, ["Milk, canned, evaporated, with added vitamin A"])
        XCTAssertEqual(score.status, .veryLow)
        XCTAssertTrue(score.judgement(lowCoverageBelowPercent: 80).contains("the upper limit could not be checked for 1 food"))
        XCTAssertEqual(review.cautions, [.upperLimitUnchecked(nutrient: .vitaminA, foods: ["Milk, canned, evaporated, with added vitamin A"])])
    }

    // MARK: Vitamin E

    func testSR28AddedVitaminECountsTwiceUnlessItsFootnoteSaysRRR() throws {
        let foods = TestData.data.foods
        // Muscle Milk powder (01223): 573 = 7.07 mg, all-rac: 14.14 mg toward the UL.
        XCTAssertEqual(foods.food(id: "01223")!.values[.vitaminEUpperLimit], 14.14)
        // Similac Natural Care (03839): FOOTNOTE.txt says "Added vitamin E is RRR alpha
        // tocopherol": 2.09 mg counts as it is.
        XCTAssertEqual(foods.food(id: "03839")!.values[.vitaminEAdded], 2.09)
        XCTAssertEqual(foods.food(id: "03839")!.values[.vitaminEUpperLimit], 2.09)
        // Sunflower seeds (12036): 35.17 mg natural E, no added E: none toward the UL.
        XCTAssertEqual(foods.food(id: "12036")!.values[.vitaminEUpperLimit], 0)
        let score = try report([entry(1, "01223", 100), entry(2, "12036", 100)], woman).score(of: .vitaminE)
        XCTAssertEqual(score.upperLimitAmount!, 14.14, accuracy: 1e-9)
        XCTAssertEqual(score.amount!, 7.07 + 35.17, accuracy: 1e-9)
    }

    func testALabelsVitaminEWithoutAFormCountsAsSyntheticTwice() throws {
        // A label's 500 mg vitamin E with no form and no UL figure: 500 × 2.02 = 1,010 mg
        // toward the 1,000 mg UL, estimated.
        let label = Food(id: "C0002", description: "Vitamin E 500 mg capsule", group: "Custom foods", source: .custom,
                         values: FoodValues([.vitaminE: 500 * 100 / 0.5]), portions: [Portion(amount: 1, description: "capsule", grams: 0.5)])
        let data = try data(with: label)
        let review = data.review(try report([entry(1, "C0002", 0.5)], woman, data: data))
        let score = review.report.score(of: .vitaminE)
        XCTAssertEqual(score.upperLimitAmount!, 1010, accuracy: 1e-6)
        XCTAssertEqual(score.status, .aboveUL)
        XCTAssertTrue(score.upperLimitDecidedByEstimate)
        let above = try XCTUnwrap(review.cautions.first { $0.kind == "above_upper_limit" })
        XCTAssertTrue(above.sentence.contains("as synthetic vitamin E, since its form is not known"), above.sentence)
    }

    // MARK: Prescribed doses

    func testAPrescribedDoseAboveTheLimitIsSaidToBePrescribed() throws {
        // Three 2,000 IU D3 softgels (S0002, 50 µg each): 150 µg > 100 µg.
        let grams = TestData.data.foods.food(id: "S0002")!.portions[0].grams
        var person = woman
        let plain = TestData.data.review(try report([entry(1, "S0002", grams * 3)], person))
        XCTAssertTrue(plain.cautions[0].sentence.contains("Take no more of it"), plain.cautions[0].sentence)
        person.prescribed = ["S0002"]
        let prescribed = TestData.data.review(try report([entry(1, "S0002", grams * 3)], person))
        XCTAssertEqual(prescribed.report.score(of: .vitaminD).status, .aboveUL, "the status is still computed")
        let sentence = prescribed.cautions[0].sentence
        XCTAssertTrue(sentence.contains("marked as prescribed"), sentence)
        XCTAssertFalse(sentence.contains("Take no more of it"), sentence)
        XCTAssertTrue(prescribed.cautions[0].headline.hasSuffix("(prescribed)"))
    }

    // MARK: Plans and infants

    func testAPlanAddsNothingToANutrientAboveItsLimit() throws {
        // Two retinol softgels (S0010, 3,000 µg each): retinol 6,000 µg, above the UL. The
        // day's other gaps get a plan, but no planned food carries any retinol.
        let grams = TestData.data.foods.food(id: "S0010")!.portions[0].grams
        let report = try report([entry(1, "S0010", grams * 2)], woman)
        XCTAssertEqual(report.score(of: .vitaminA).status, .aboveUL)
        let plan = TestData.data.makePlanner().plan(for: report)
        XCTAssertFalse(plan.gaps.contains(.vitaminA))
        XCTAssertFalse(plan.items.isEmpty)
        let rules = TestData.data.scoringRules.upperLimits
        for item in plan.items {
            let food = TestData.data.foods.food(at: item.food.index)
            let retinol = rules.count(.vitaminA, basis: .retinol, in: food.values, source: food.source).amount ?? 0
            XCTAssertEqual(retinol, 0, "\(food.description) adds retinol")
        }
        let lines = plan.lines(review: TestData.data.review(report))
        XCTAssertTrue(lines[0].hasPrefix("Above the upper limit on Tue 24 Nov 2026: Vitamin A: 6,000 µg"), lines[0])
        XCTAssertTrue(lines[0].contains("Most of it came from Vitamin A 10,000 IU (retinyl palmitate), softgel (6,000 µg)."), lines[0])
        XCTAssertTrue(lines[0].contains("Stop the supplement unless a doctor prescribed it"), lines[0])
        XCTAssertTrue(lines[0].hasSuffix("No food suggested here is known to add any preformed vitamin A (retinol)."), lines[0])
        // Nothing in the plan adds vitamin A of any form, nor is any listed as a source.
        for item in plan.items { XCTAssertEqual(item.adds[Nutrient.vitaminA.index], 0, item.food.description) }
        let planner = TestData.data.makePlanner()
        let best = planner.bestSources(of: .vitaminA, target: report.score(of: .vitaminA).target, for: report)
        XCTAssertTrue(best.perServing.isEmpty && best.per100Kcal.isEmpty)
        XCTAssertEqual(planner.sourcesWithheld(of: .vitaminA, for: report), "Vitamin A is above its upper limit: no food is suggested for more of it.")
        let kSources = planner.bestSources(of: .vitaminK, target: report.score(of: .vitaminK).target, for: report)
        XCTAssertFalse(kSources.perServing.isEmpty)
        XCTAssertTrue(kSources.perServing.allSatisfy { $0.food.perServing[Nutrient.vitaminA.index] == 0 })
    }

    func testInfantsHaveNoFibreAIAndNoAMDRs() throws {
        let entries = [entry(1, "11457", 30)]  // 30 g spinach, some fibre and fatty acids
        let data = TestData.data
        let infant = data.balance.analyze(entries, ageMonths: 3)
        XCTAssertNil(infant.fibreTarget)
        XCTAssertNil(infant.linoleicRange)
        XCTAssertNil(infant.alphaLinolenicRange)
        XCTAssertNil(infant.ratioRangeFromAMDRs)
        XCTAssertEqual(infant.referencesNotSet, "not set for infants")
        XCTAssertEqual(infant.fibreGrams, 2.2 * 0.3, accuracy: 1e-9, "the figure itself is still shown")
        let toddler = data.balance.analyze(entries, ageMonths: 12)
        XCTAssertEqual(toddler.fibreTarget!, 14 * 23 * 0.3 / 1000, accuracy: 1e-9)
        XCTAssertEqual(toddler.linoleicRange, 5...10)
        XCTAssertNil(toddler.referencesNotSet)
    }

    func testNoPlanOfFoodsBeforeSixMonths() throws {
        let infant = PersonProfile(name: "Baby", sex: .female, ageMonths: 4)
        let report = try report([entry(1, "S0001", 0.25)], infant)  // a vitamin D softgel only
        let planner = TestData.data.makePlanner()
        let plan = planner.plan(for: report)
        XCTAssertEqual(plan.items, [])
        XCTAssertNotNil(plan.withheld)
        let lines = plan.lines(review: TestData.data.review(report))
        XCTAssertTrue(lines.contains { $0.hasPrefix("No plan: no foods are suggested before 6 months: breast milk or infant formula") },
                      lines.joined(separator: "\n"))
        XCTAssertNotNil(planner.sourcesWithheld(of: .vitaminE, for: report))
        // At 7 months a plan of foods may be made.
        let older = PersonProfile(name: "Baby", sex: .female, ageMonths: 7)
        XCTAssertNil(planner.plan(for: try self.report([entry(1, "S0001", 0.25)], older)).withheld)
    }

    func testAPlanNeverBringsEPAAndDHAPastFiveGrams() throws {
        // An empty day for an adult: every plan keeps EPA + DHA at 5,000 mg or less.
        let planner = TestData.data.makePlanner()
        for person in [woman, pregnant, PersonProfile(name: "M", sex: .male, ageMonths: 40 * 12)] {
            let plan = planner.plan(for: try report([], person))
            XCTAssertLessThanOrEqual(plan.after[Nutrient.epaDha.index], 5000, "\(plan.items.map(\.food.description))")
        }
        // Days already close to 5 g: no plan passes it (the cap counts EPA + DHA itself; it
        // once counted nothing, as EPA + DHA has no single column).
        let epaDha = Nutrient.epaDha.index
        let salmon = TestData.data.foods.index(of: "15236")!
        XCTAssertGreaterThan(planner.limitAmount(salmon, .total, epaDha), 0, "the cap counts a serving's EPA + DHA")
        XCTAssertEqual(planner.limitAmount(salmon, .total, epaDha), planner.food(salmon).perServing[epaDha], accuracy: 1e-9)
        for grams in stride(from: 150.0, through: 250, by: 10) {
            let plan = planner.plan(for: try report([entry(1, "15236", grams)], woman))
            XCTAssertLessThan(plan.before[epaDha], 5000)
            XCTAssertLessThanOrEqual(plan.after[epaDha], 5000 + 1e-9, "\(grams) g salmon: \(plan.items.map(\.food.description))")
        }
    }

    func testInPregnancyPlansAndListsLeaveOutLiverAndRetinolSupplements() throws {
        let planner = TestData.data.makePlanner()
        let rules = TestData.data.safety
        let day = try report([], pregnantTeen)
        let best = planner.bestSources(of: .vitaminA, target: day.score(of: .vitaminA).target, limit: 30, for: day)
        XCTAssertFalse(best.perServing.isEmpty)
        for source in best.perServing + best.per100Kcal {
            let food = TestData.data.foods.food(at: source.food.index)
            XCTAssertFalse(rules.isPregnancyRetinolSource(description: food.description, values: food.values, source: food.source,
                                                         measures: food.portions), food.description)
            XCTAssertFalse(food.description.lowercased().contains("liver"), food.description)
        }
        // Not pregnant, the same list has liver in it: the rule under test is pregnancy's.
        let notPregnant = try report([], woman)
        let open = planner.bestSources(of: .vitaminA, target: notPregnant.score(of: .vitaminA).target, limit: 30, for: notPregnant)
        XCTAssertTrue(open.perServing.contains { $0.food.description.lowercased().contains("liver") })
        // And the multivitamin's retinol gets no absorption advice while pregnant.
        let grams = TestData.data.foods.food(id: "S0011")!.portions[0].grams
        let review = TestData.data.review(try report([entry(1, "S0011", grams, .breakfast)], pregnantTeen))
        XCTAssertEqual(review.cautions.first?.kind, "pregnancy_retinol")
        XCTAssertFalse(review.fatPairing.flags.contains { $0.nutrient == .vitaminA }, "\(review.fatPairing.flags)")
        XCTAssertTrue(review.fatPairing.flags.contains { $0.nutrient == .vitaminD }, "other vitamins keep their advice")
        XCTAssertNil(review.fatPairing.pairedShare[.vitaminA])
    }
}
