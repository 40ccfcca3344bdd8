import Foundation
import XCTest
@testable import NutrientModel

/// Check-ins, their scales (Data/checkin_scales.csv and friends), prebiotic and fermented
/// foods, probiotics, the gut's week and the weekly POEM figures, worked out by hand.
final class SkinGutTests: XCTestCase {
    let data = TestData.data
    var scales: CheckInScales { data.checkInScales }
    let start = LocalDate(year: 2026, month: 11, day: 1)!

    private func entry(_ id: Int64, _ food: String, _ grams: Double, on offset: Int) -> Entry {
        Entry(id: id, date: start.adding(days: offset), meal: .lunch, foodID: food, grams: grams,
              loggedAt: Date(timeIntervalSince1970: Double(id)))
    }

    private func message(_ body: () throws -> Any) -> String? {
        do { _ = try body(); return nil } catch { return (error as? CheckInError)?.description ?? "\(error)" }
    }

    // MARK: prebiotic foods over the whole table

    func testEveryFoodOfTheTableAgainstTheReviewedPrebioticList() throws {
        let url = TestData.packageRoot.appendingPathComponent("Tests/Fixtures/prebiotic-foods.txt")
        var expected: [String] = []
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            XCTAssertEqual(fields.count, 3, "\(line)")
            expected.append(fields.joined(separator: "\t"))
        }
        let foods = data.foods
        let gut = data.gut
        var found: [String] = []
        for index in 0..<foods.count where foods.source(at: index) == .usda {
            if let kind = gut.prebioticKind(ofFoodAt: index) {
                found.append("\(foods.ids[index])\t\(kind.label)\t\(foods.descriptions[index])")
            }
        }
        XCTAssertEqual(found.count, 82)
        XCTAssertEqual(Set(found).subtracting(expected).sorted(), [], "counted but not in the reviewed list")
        XCTAssertEqual(Set(expected).subtracting(found).sorted(), [], "in the reviewed list but not counted")
        // Every kind of Moshfegh's list is found at least once.
        let kinds = Set(found.map { $0.split(separator: "\t")[1] })
        for kind in ["chicory root", "Jerusalem artichoke", "garlic", "onion", "leek", "asparagus", "banana", "wheat", "barley", "rye"] {
            XCTAssertTrue(kinds.contains(Substring(kind)), kind)
        }
    }

    func testThePrebioticRuleReadsTheFoodsNameAndGroup() {
        let rule = data.prebiotics
        XCTAssertEqual(rule.kind(of: "Onions, raw", group: "Vegetables and Vegetable Products")?.label, "onion")
        XCTAssertEqual(rule.kind(of: "Rye flour, dark", group: "Cereal Grains and Pasta")?.label, "rye")
        XCTAssertNil(rule.kind(of: "Bread, rye", group: "Baked Products"), "a bread is not the grain")
        XCTAssertNil(rule.kind(of: "Soup, onion, dry, mix", group: "Soups, Sauces, and Gravies"))
        XCTAssertNil(rule.kind(of: "Onion rings, breaded, par fried, frozen, unprepared", group: "Vegetables and Vegetable Products"))
        XCTAssertNil(rule.kind(of: "Peas and onions, frozen, unprepared", group: "Vegetables and Vegetable Products"))
        XCTAssertNil(rule.kind(of: "Chicory greens, raw", group: "Vegetables and Vegetable Products"), "the root is the source")
        func error(_ text: String) -> String? {
            do { _ = try PrebioticFoods(bytes: Array(text.utf8), fileName: "prebiotics.csv"); return nil } catch { return error.message }
        }
        let header = "kind,words,serving_g,label,source\n"
        XCTAssertNil(error(header + "group,Vegetables,,,x\nfood,onion,80,onion,x\n"))
        XCTAssertNotNil(error(header + "food,onion,80,onion,x\n"), "no group rows")
        XCTAssertNotNil(error(header + "group,Vegetables,,,x\nfood,onion,0,onion,x\n"))
        XCTAssertNotNil(error(header + "group,Vegetables,,,x\nexclude,two words,,,x\n"))
    }

    func testWhichFermentedFoodsAreLikelyToCarryLiveCultures() {
        let live = data.liveCultures
        XCTAssertEqual(live.answer(for: "yogurt", description: "Yogurt, plain, whole milk, 8 grams protein per 8 ounce"), .yes)
        XCTAssertEqual(live.answer(for: "sauerkraut", description: "Sauerkraut, canned, solids and liquids"), .no, "canned is heat-treated")
        XCTAssertEqual(live.answer(for: "tempeh", description: "Tempeh"), .no)
        XCTAssertEqual(live.answer(for: "tempeh", description: "Tempeh, cooked"), .no)
        XCTAssertEqual(live.answer(for: "miso", description: "Miso"), .unknown)
        XCTAssertEqual(live.answer(for: "kefir", description: "Kefir, lowfat, plain, LIFEWAY"), .yes)
        // Every fermented food of the table gets an answer (the table requires every kind).
        for kind in data.fermented.kinds { XCTAssertNotNil(live.byKind[kind.label], kind.label) }
    }

    // MARK: scales and their checks

    func testTheScalesAreReadFromData() {
        XCTAssertEqual(scales.definition(.itch).range, 0...10)
        XCTAssertEqual(scales.definition(.bristol).range, 1...7)
        XCTAssertEqual(scales.definition(.bloating).range, 0...10)
        XCTAssertEqual(scales.definition(.poem).range, 0...28)
        XCTAssertEqual(scales.poemQuestions.count, 7)
        XCTAssertEqual(scales.poemHighestAnswer, 4)
        XCTAssertEqual(scales.band(of: 2, on: .poem)?.name, "clear or almost clear")
        XCTAssertEqual(scales.band(of: 3, on: .poem)?.name, "mild eczema")
        XCTAssertEqual(scales.band(of: 16, on: .poem)?.name, "moderate eczema")
        XCTAssertEqual(scales.band(of: 17, on: .poem)?.name, "severe eczema")
        XCTAssertEqual(scales.band(of: 28, on: .poem)?.name, "very severe eczema")
        XCTAssertEqual(scales.band(ofAverage: 2.5, on: .poem)?.name, "mild eczema", "a half rounds upwards")
        XCTAssertEqual(scales.band(ofAverage: 2.49, on: .poem)?.name, "clear or almost clear")
        XCTAssertEqual(scales.band(of: 1, on: .bristol)?.name, "suggests constipation")
        XCTAssertEqual(scales.band(of: 4, on: .bristol)?.name, "usual")
        XCTAssertEqual(scales.band(of: 7, on: .bristol)?.name, "suggests diarrhoea")
        XCTAssertNil(scales.band(of: 5, on: .itch))
    }

    func testValuesOutsideAScaleAreRefusedWithItsRule() {
        XCTAssertEqual(try? scales.parse("7", for: .itch), 7)
        XCTAssertEqual(try? scales.parse(" 0 ", for: .bloating), 0)
        let itch = message { try scales.parse("11", for: .itch) }
        XCTAssertEqual(itch, "itch must be a whole number from 0 to 10 (0 no itch to 10 worst imaginable itch, over the last 24 hours), found 11")
        XCTAssertTrue(message { try scales.parse("0", for: .bristol) }?.hasPrefix("bristol must be a whole number from 1 to 7") == true)
        XCTAssertTrue(message { try scales.parse("8", for: .bristol) }?.hasSuffix("found 8") == true)
        XCTAssertTrue(message { try scales.parse("-1", for: .bloating) }?.hasSuffix("found -1") == true)
        XCTAssertTrue(message { try scales.parse("2.5", for: .itch) }?.contains("whole number") == true)
        XCTAssertTrue(message { try scales.parse("0x5", for: .itch) }?.contains("hexadecimal") == true)
        XCTAssertTrue(message { try scales.parse("1e1", for: .itch) }?.contains("found \"1e1\"") == true)
        XCTAssertTrue(message { try scales.parse("", for: .spots) }?.contains("spots must be a whole number") == true)
        XCTAssertNotNil(message { try scales.parse("501", for: .spots) })
        XCTAssertNotNil(message { try scales.parse("99999999999999999999", for: .spots) })
    }

    func testPOEMAnswersAreSevenScoresOfZeroToFour() throws {
        XCTAssertEqual(try scales.parsePoemAnswers("1,2,0,4,3,2,1"), [1, 2, 0, 4, 3, 2, 1])
        XCTAssertEqual(try scales.parsePoemAnswers("1, 2, 0, 4, 3, 2, 1"), [1, 2, 0, 4, 3, 2, 1])
        XCTAssertEqual(message { try scales.parsePoemAnswers("1,2,0,4,3,2") }?.hasSuffix("found 6"), true)
        XCTAssertEqual(message { try scales.parsePoemAnswers("1,2,0,5,3,2,1") },
                       "POEM answer 4 must be a whole number from 0 (no days) to 4 (every day), found \"5\"")
        XCTAssertNotNil(message { try scales.parsePoemAnswers("1,2,0,-1,3,2,1") })
        XCTAssertNotNil(message { try scales.parsePoemAnswers("1,2,,4,3,2,1") })
        XCTAssertEqual(scales.poemAnswer("4"), 4)
        XCTAssertNil(scales.poemAnswer("5"))
        XCTAssertNil(scales.poemAnswer("x"))
        let checkIn = CheckIn(date: start, poemAnswers: [1, 2, 0, 4, 3, 2, 1])
        XCTAssertEqual(checkIn.poemTotal, 13)
        XCTAssertNoThrow(try scales.validate(checkIn))
        XCTAssertThrowsError(try scales.validate(CheckIn(date: start, poemAnswers: [5, 0, 0, 0, 0, 0, 0])))
        XCTAssertThrowsError(try scales.validate(CheckIn(date: start, itch: 11)))
    }

    func testASecondCheckInTheSameDayUpdatesOnlyWhatItGives() {
        let first = CheckIn(date: start, itch: 6, bristol: 4, note: "slept badly")
        let second = CheckIn(date: start, itch: 3, bloating: 2)
        XCTAssertEqual(first.updated(with: second), CheckIn(date: start, itch: 3, bristol: 4, bloating: 2, note: "slept badly"))
    }

    func testScaleListsAreRead() throws {
        XCTAssertEqual(try CheckInScale.parseList("poem,itch,bristol"), [.itch, .poem, .bristol])
        XCTAssertEqual(try CheckInScale.parseList("all"), CheckInScale.allCases)
        XCTAssertEqual(try CheckInScale.parseList("none"), [])
        XCTAssertThrowsError(try CheckInScale.parseList("itch,mood")) { error in
            XCTAssertTrue((error as! CheckInError).description.contains("\"mood\" is not a scale"))
        }
    }

    // MARK: probiotics

    func testProbioticStrainsAndLabelCFU() throws {
        let lgg = try XCTUnwrap(data.probiotics.strain("lgg"))
        XCTAssertEqual(lgg.cfuPerUnit, 10e9)
        let gbi = try XCTUnwrap(data.probiotics.strain("bc-gbi30"))
        XCTAssertEqual(gbi.cfuPerUnit, 2e9)
        XCTAssertEqual(gbi.unit, "capsule")
        XCTAssertEqual(data.probiotics.strain("Bacillus coagulans GBI-30")?.id, "bc-gbi30", "the start of a name")
        XCTAssertEqual(data.probiotics.strain("LGG")?.id, "lgg")
        XCTAssertEqual(data.probiotics.strain("rhamnosus GG")?.id, "lgg", "a part only one name has")
        XCTAssertNil(data.probiotics.strain("Lactobacillus"), "several names start so")
        XCTAssertEqual(try ProbioticDose.parseCFU("10 billion"), 1e10)
        XCTAssertEqual(try ProbioticDose.parseCFU("500 million"), 5e8)
        XCTAssertEqual(try ProbioticDose.parseCFU("2.5 billion"), 2.5e9)
        XCTAssertEqual(try ProbioticDose.parseCFU("2000000000"), 2e9)
        for bad in ["1e10", "10,000", "0", "-5 billion", "ten billion", "5 zillion", "0x10", "20000 billion"] {
            XCTAssertThrowsError(try ProbioticDose.parseCFU(bad), bad)
        }
        XCTAssertEqual(ProbioticDose.cfuText(1e10), "10 billion CFU")
        XCTAssertEqual(ProbioticDose.cfuText(5e8), "500 million CFU")
    }

    // MARK: the gut's week, by hand

    func testTheGutsWeekByHand() throws {
        // Day 0: 300 g plain yogurt (150 g a serving: 2, live cultures) and 100 g canned
        // sauerkraut (50 g: 2, canned, so none); 160 g raw onion (80 g: 2 prebiotic servings).
        // Day 3: 6 g garlic (3 g a clove: 2) and a 118 g banana (1); 150 g yogurt (1).
        // Day 9 is outside the week.
        let entries = [
            entry(1, "01116", 300, on: 0), entry(2, "11439", 100, on: 0), entry(3, "11282", 160, on: 0),
            entry(4, "11215", 6, on: 3), entry(5, "09040", 118, on: 3), entry(6, "01116", 150, on: 3),
            entry(7, "11282", 800, on: 9),
        ]
        let doses = [
            ProbioticDose(date: start, strain: "Lactobacillus rhamnosus GG", strainID: "lgg", cfu: 1e10),
            ProbioticDose(date: start, strain: "Bacillus coagulans GBI-30", strainID: "bc-gbi30", cfu: 2e9),
            ProbioticDose(date: start.adding(days: 5), strain: "Lactobacillus rhamnosus GG", strainID: "lgg", cfu: 1e10),
            ProbioticDose(date: start.adding(days: 8), strain: "Lactobacillus rhamnosus GG", strainID: "lgg", cfu: 1e10),
        ]
        let week = DateRange(from: start, to: start.adding(days: 6))
        let inWeek = entries.filter { week.contains($0.date) }
        let balance = data.balance.analyze(inWeek, ageMonths: 408)
        let gut = data.gut.analyze(inWeek, doses: doses, range: week, balance: balance)
        XCTAssertEqual(gut.days, 7)
        XCTAssertEqual(gut.loggedDays, 2)
        XCTAssertEqual(gut.fermentedServings, 5, accuracy: 1e-9)  // 2 + 2 + 1
        XCTAssertEqual(gut.liveCultureServings, 3, accuracy: 1e-9)  // the yogurt's 2 + 1
        XCTAssertEqual(gut.fermentedFoods.map(\.kind), ["yogurt", "sauerkraut"])
        XCTAssertEqual(gut.fermentedFoods.map(\.liveCultures), [.yes, .no])
        XCTAssertEqual(gut.prebioticServings, 5, accuracy: 1e-9)  // onion 2, garlic 2, banana 1
        XCTAssertEqual(gut.prebioticKinds.map(\.kind), ["garlic", "onion", "banana"])
        XCTAssertEqual(gut.prebioticServingsByKind["onion"]!, 2, accuracy: 1e-9)
        XCTAssertEqual(gut.probioticDays, 2, "day 0 (two strains) and day 5; day 8 is outside")
        XCTAssertEqual(gut.probioticDoses.count, 3)
        // Fibre is the balance's daily figure over the 2 logged days.
        let foods = data.foods
        var fibre = 0.0
        for e in inWeek { fibre += (foods.values(at: foods.index(of: e.foodID)!)[.fiber] ?? 0) * e.grams / 100 }
        XCTAssertEqual(gut.fibreGramsPerDay, fibre / 2, accuracy: 1e-9)

        // The same through the one review.
        let profile = PersonProfile(name: "T", sex: .female, ageMonths: 408)
        let targets = try data.targets.targets(for: profile, overrides: [])
        let report = Report(profile: profile, targets: targets, range: week, entries: inWeek, scorer: data.scorer)
        XCTAssertEqual(data.review(report, probiotics: doses).gut, gut)
    }

    // MARK: weekly POEM figures, by hand

    func testWeeklyPOEMFiguresByHand() throws {
        // 14 days: week 1 is days 0–6, week 2 days 7–13. POEM 10 on day 2 and 14 on day 5
        // (week 1 average 12: moderate); 6 on day 12 (week 2: 6, mild). Change: 6 − 12 = −6.
        let range = DateRange(from: start, to: start.adding(days: 13))
        XCTAssertEqual(SkinGutReview.weeks(of: range), [DateRange(from: start, to: start.adding(days: 6)),
                                                         DateRange(from: start.adding(days: 7), to: start.adding(days: 13))])
        let checkIns = [
            CheckIn(date: start.adding(days: 2), itch: 6, poemAnswers: [2, 2, 1, 1, 2, 1, 1]),  // 10
            CheckIn(date: start.adding(days: 5), itch: 4, poemAnswers: [3, 2, 2, 2, 2, 1, 2]),  // 14
            CheckIn(date: start.adding(days: 12), itch: 1, poemAnswers: [1, 1, 0, 0, 1, 1, 2]),  // 6
        ]
        // The figure: probiotic billions, 10 on days 0 and 1, 2 on day 8, 0 otherwise.
        var figure = [Double?](repeating: 0, count: 14)
        figure[0] = 10; figure[1] = 10; figure[8] = 2
        figure[13] = nil
        let review = SkinGutReview.make(range: range, checkIns: checkIns, tracked: [.poem, .itch], definitions: scales,
                                        figure: .probioticBillions, figureDaily: figure)
        XCTAssertEqual(review.scales.map(\.scale), [.itch, .poem])
        let poem = review.scales[1]
        XCTAssertEqual(poem.weekly, [12, 6])
        XCTAssertEqual(poem.latest, 6)
        XCTAssertEqual(poem.latestBand, "mild eczema")
        XCTAssertEqual(poem.latestWeekBand, "mild eczema")
        XCTAssertEqual(poem.weeklyChange, -6)
        XCTAssertEqual(poem.recordedDays, 3)
        XCTAssertEqual(poem.average!, 10, accuracy: 1e-9)
        let itch = review.scales[0]
        XCTAssertEqual(itch.daily[2], 6)
        XCTAssertNil(itch.daily[3])
        XCTAssertEqual(itch.weekly, [5, 1])
        XCTAssertEqual(itch.latestDate, start.adding(days: 12))
        // Weekly averages of the figure: week 1 (20 / 7), week 2 (2 / 6: day 13 has none).
        XCTAssertEqual(review.figureWeekly[0]!, 20.0 / 7, accuracy: 1e-12)
        XCTAssertEqual(review.figureWeekly[1]!, 2.0 / 6, accuracy: 1e-12)
        // 30 days: four full weeks and a first one of 2 days.
        let month = SkinGutReview.weeks(of: DateRange(from: start, to: start.adding(days: 29)))
        XCTAssertEqual(month.map(\.dayCount), [2, 7, 7, 7, 7])
    }

    func testDailyFiguresFromTheReport() throws {
        let entries = [entry(1, "11282", 160, on: 0), entry(2, "01116", 150, on: 2)]
        let range = DateRange(from: start, to: start.adding(days: 2))
        let profile = PersonProfile(name: "T", sex: .female, ageMonths: 408)
        let report = Report(profile: profile, targets: try data.targets.targets(for: profile, overrides: []), range: range,
                            entries: entries, scorer: data.scorer)
        let prebiotic = data.dailyFigure(.prebioticServings, report: report, probiotics: [])
        XCTAssertEqual(prebiotic[0]!, 2, accuracy: 1e-9)
        XCTAssertNil(prebiotic[1], "nothing logged that day")
        XCTAssertEqual(prebiotic[2]!, 0, accuracy: 1e-9)
        let fermented = data.dailyFigure(.fermentedServings, report: report, probiotics: [])
        XCTAssertEqual(fermented[2]!, 1, accuracy: 1e-9)
        let onionFibre = data.foods.values(at: data.foods.index(of: "11282")!)[.fiber]!
        XCTAssertEqual(data.dailyFigure(.fibre, report: report, probiotics: [])[0]!, onionFibre * 1.6, accuracy: 1e-9)
        let cfu = data.dailyFigure(.probioticBillions, report: report,
                                   probiotics: [ProbioticDose(date: start.adding(days: 1), strain: "x", strainID: nil, cfu: 5e8)])
        XCTAssertEqual(cfu, [0, 0.5, 0])
        XCTAssertEqual(GutFigure(key: "vitamin d"), .nutrient(.vitaminD))
        XCTAssertEqual(GutFigure(key: "fiber"), .fibre)
        XCTAssertNil(GutFigure(key: "mood"))
    }

    // MARK: the demo patient

    func testTheDemoPatientHasAFortnightOfCheckInsAndAProbioticBegunHalfway() throws {
        let demo = try DemoData(directory: TestData.directory + "/demo", data: data)
        XCTAssertEqual(demo.profile.scales, CheckInScale.allCases)
        XCTAssertEqual(demo.checkIns.map(\.dayOffset), Array(-13...0))
        XCTAssertEqual(demo.probiotics.map(\.dayOffset), Array(-6...0))
        XCTAssertEqual(demo.probiotics[0].strain.id, "lgg")
        let today = LocalDate(year: 2026, month: 11, day: 24)!
        let checkIns = demo.checkIns.map { $0.checkIn(today: today) }
        for checkIn in checkIns { XCTAssertNoThrow(try scales.validate(checkIn)) }
        // POEM on days −7 (2+3+1+1+2+2+3 = 14, moderate) and 0 (1+1+0+1+1+1+2 = 7, mild).
        let range = DateRange(from: today.adding(days: -13), to: today)
        let review = SkinGutReview.make(range: range, checkIns: checkIns, tracked: demo.profile.trackedScales, definitions: scales,
                                        figure: .probioticBillions, figureDaily: Array(repeating: 0, count: 14))
        let poem = try XCTUnwrap(review.scales.first { $0.scale == .poem })
        XCTAssertEqual(poem.weekly, [14, 7])
        XCTAssertEqual(poem.latestWeekBand, "mild eczema")
        let itch = try XCTUnwrap(review.scales.first { $0.scale == .itch })
        XCTAssertEqual(itch.recordedDays, 14)
        // Itch: week 1 (6+6+7+5+6+5+5)/7 = 40/7, week 2 (4+5+4+3+4+3+3)/7 = 26/7.
        XCTAssertEqual(itch.weekly[0]!, 40.0 / 7, accuracy: 1e-12)
        XCTAssertEqual(itch.weekly[1]!, 26.0 / 7, accuracy: 1e-12)
        XCTAssertEqual(review.notes.count, 5)
    }
}
