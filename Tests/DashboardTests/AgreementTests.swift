import Dashboard
import DataFiles
import Foundation
import NutrientModel
import XCTest

/// The dashboard shows the model's review of the demo patient's fortnight: each day
/// screen row, in the day, 7-day and 30-day views, has the amount, percent and status mark
/// the model gives, and the detail lists the model's sources with their shares.
final class AgreementTests: XCTestCase {
    func demoState(width: Int = 120, height: Int = 40) throws -> AppState {
        let data = Fixture.data
        let demo = try DemoData(directory: Fixture.packageRoot.appendingPathComponent("Data/demo").path, foods: data.foods)
        let entries = demo.meals.enumerated().map { index, meal in
            Fixture.entry(Int64(index + 1), meal.foodID, meal.grams, meal.meal, on: Fixture.today.adding(days: meal.dayOffset))
        }
        return Fixture.state(width: width, height: height, entries: entries, profile: demo.profile)
    }

    func testEveryViewOfTheDayScreenShowsTheModelsFigures() throws {
        var state = try demoState()
        for days in [1, 7, 30] {
            let review = state.review(of: state.report(days: days))
            let rows = screen(state)
            for score in review.report.scores {
                let row = try XCTUnwrap(rows.first { $0.hasPrefix(" " + score.nutrient.name + " ") }, "\(days) days: \(score.nutrient.name)")
                let amount = score.amount.map(Format.amount) ?? "—"
                XCTAssertTrue(row.contains(" \(amount) \(score.nutrient.unit) / "), "\(days): \(row)")
                let percent = score.percent.map { $0 >= 999.5 ? "999+" : Format.percent($0) } ?? "—"
                XCTAssertTrue(row.contains(" \(percent) \(Glyphs.unicode.mark(score.status))"), "\(days): \(row)")
            }
            _ = update(&state, .key(.character("v")))
        }
    }

    func testTheDetailListsTheModelsSourcesAndShares() throws {
        var state = try demoState()
        press(&state, .enter)  // vitamin A, today
        let review = state.review(of: state.report(days: 1))
        let text = screen(state).joined(separator: "\n")
        let sources = try XCTUnwrap(review.sources[.vitaminA])
        XCTAssertFalse(sources.isEmpty)
        for source in sources.prefix(3) {
            XCTAssertTrue(text.contains("\(state.foodName(source.foodID)) (\(Format.number(source.grams, decimals: 1)) g)"), text)
            XCTAssertTrue(text.contains("\(Format.amount(source.amount)) µg RAE  \(Format.percent(source.share * 100).leftPad(3)) %"), text)
        }
    }
}

final class GapScreenCautionTests: XCTestCase {
    func testAt80x24TheCautionIsOneLineAndThePlanStaysOnScreen() throws {
        // Two retinol softgels (S0010, 0.3 g each, 3,000 µg retinol): above the 3,000 µg UL.
        var state = Fixture.state(entries: [Fixture.entry(1, "S0010", 0.6, .breakfast)])
        press(&state, .character("g"))
        let rows = screen(state)
        let text = rows.joined(separator: "\n")
        XCTAssertTrue(rows[2].hasPrefix(" ! Vitamin A above the upper limit: 6,000 of 3,000 µg"), text)
        XCTAssertTrue(rows.contains { $0.hasPrefix(" Plan (") }, "the plan is on screen:\n\(text)")
        XCTAssertFalse(text.contains("IOM (2001)"), "the whole sentence is the detail's:\n\(text)")
    }
}

extension String {
    fileprivate func leftPad(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
