@testable import Dashboard
import NutrientModel
import XCTest

/// Foods on screen go by the short names of Data/common_foods.csv, the USDA description one
/// key away (issue 19).
final class ShortNameTests: XCTestCase {
    func testFoodsGoByTheirShortNamesAndCtrlDShowsTheUSDADescriptions() {
        var state = Fixture.state(entries: [Fixture.entry(1, "15236", 100)])
        XCTAssertEqual(screen(state)[10], " Lunch      Salmon, Atlantic, farmed, raw                                 100 g")
        press(&state, .character("a"))
        type(&state, "salmon farmed")
        XCTAssertEqual(screen(state)[4], "  15236  Salmon, Atlantic, farmed, raw")
        press(&state, .control("d"))
        XCTAssertEqual(screen(state)[4], "  15236  Fish, salmon, Atlantic, farmed, raw", "the USDA description, one key away")
        XCTAssertEqual(screen(state)[22], " Foods named by their USDA descriptions (^D: short names)")
        XCTAssertTrue(AddFoodScreen.helpGroup(state).lines.contains(HelpLine(keys: "^D", words: "USDA descriptions, or short names")))
        // The amount form names the food by its USDA description whichever is on.
        press(&state, .control("d"), .enter)
        XCTAssertEqual(screen(state)[1], " Fish, salmon, Atlantic, farmed, raw")
        press(&state, .escape, .escape, .escape)
        XCTAssertEqual(screen(state)[10], " Lunch      Salmon, Atlantic, farmed, raw                                 100 g")
    }
}
