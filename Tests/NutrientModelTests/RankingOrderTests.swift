import XCTest
@testable import NutrientModel

/// The planner's lists and its one-food-not-two rule, made by cheaper means than before
/// (issue 20): they must give exactly what the plain rules give, ties and all.
final class RankingOrderTests: XCTestCase {
    func testTheRadixSortOrdersRichestFirstAndKeepsTiesInTableOrder() {
        var random = SplitMix64(seed: 20)
        for round in 0..<200 {
            let count = Int.random(in: 0...3_000, using: &random)
            // Amounts as a table has them: many repeated (ties), tiny and huge ones, whole numbers.
            let pool = (0..<max(1, count / 3)).map { _ in
                [Double.random(in: 1e-6...1, using: &random), Double(Int.random(in: 1...500, using: &random)),
                 Double.random(in: 1...1e6, using: &random), .leastNonzeroMagnitude, 1.7e308][Int.random(in: 0...4, using: &random)]
            }
            let amounts = (0..<count).map { _ in pool.randomElement(using: &random)! }
            var keys = amounts.map { ~$0.bitPattern }
            var foods = (0..<count).map(Int32.init)
            RankedFoods.radixSort(&keys, carrying: &foods)
            let expected = (0..<count).sorted { amounts[$0] > amounts[$1] }.map(Int32.init)  // stable
            XCTAssertEqual(foods, expected, "round \(round), \(count) amounts")
            XCTAssertEqual(keys, foods.map { ~amounts[Int($0)].bitPattern })
        }
    }

    func testTheListsOfTheBundledTableAreRichestFirstInTableOrderOnTies() {
        let planner = TestData.data.planner
        for n in 0..<Nutrient.allCases.count {
            let serving = planner.byServing(n).map(Int.init)
            let expected = (0..<planner.table.count).filter { planner.perServing[$0 * GapPlanner.nutrientCount + n] > 0 }
                .sorted { planner.perServing[$0 * GapPlanner.nutrientCount + n] > planner.perServing[$1 * GapPlanner.nutrientCount + n] }
            XCTAssertEqual(serving, expected, Nutrient.allCases[n].name)
            let hundred = planner.byHundred(n).map(Int.init)
            XCTAssertEqual(hundred, (0..<planner.table.count).filter { planner.per100[$0 * GapPlanner.nutrientCount + n] > 0 }
                .sorted { planner.per100[$0 * GapPlanner.nutrientCount + n] > planner.per100[$1 * GapPlanner.nutrientCount + n] })
        }
    }

    func testTwoFoodsAreOneWhenTheirWordsDifferByAtMostOneAsTheSetRuleSays() {
        var random = SplitMix64(seed: 7)
        let vocabulary = ["beans", "boiled", "canned", "drained", "green", "raw", "frozen", "cooked", "a", "b"]
        for _ in 0..<5_000 {
            let a = Set((0..<Int.random(in: 0...6, using: &random)).map { _ in vocabulary.randomElement(using: &random)! })
            var b = a
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                if Bool.random(using: &random), let word = b.randomElement(using: &random) { b.remove(word) } else {
                    b.insert(vocabulary.randomElement(using: &random)!)
                }
            }
            XCTAssertEqual(GapPlanner.differByAtMostOne(a.sorted(), b.sorted()), a.symmetricDifference(b).count <= 1, "\(a) \(b)")
        }
        // SR28's pairs: one word apart besides the salt words.
        XCTAssertTrue(GapPlanner.differByAtMostOne(["beans", "boiled", "green"], ["beans", "boiled", "drained", "green"]))
        XCTAssertFalse(GapPlanner.differByAtMostOne(["beans", "green"], ["beans", "frozen", "raw"]))
    }
}
