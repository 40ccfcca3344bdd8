import Foundation
import XCTest
@testable import build_food_table
import NutrientModel

/// The SR28 converter on real rows of the USDA files.
final class FoodTableBuilderTests: XCTestCase {
    static let sr28 = AbsorbProcess.packageRoot.appendingPathComponent("../shared/data/usda-sr28").standardized.path

    private func cells(_ values: FoodTableBuilder.NutrientValues) -> [FoodComponent: String] {
        let row = FoodTableBuilder.row(from: values)
        var cells: [FoodComponent: String] = [:]
        for component in FoodComponent.allCases { cells[component] = row.cells[component.rawValue] }
        return cells
    }

    func testUSDAValuesAreCopiedAsWritten() {
        // NUT_DATA.txt rows of 01129 (egg, hard-boiled).
        let egg = cells(["204": "10.61", "208": "155", "318": "520", "319": "148", "320": "149", "321": "11",
                         "322": "0", "323": "1.03", "324": "87", "328": "2.2", "334": "10", "430": "0.3",
                         "573": "0.00", "618": "1.188", "619": "0.035", "621": "0.038", "629": "0.005"])
        XCTAssertEqual(egg[.vitaminA], "149")
        XCTAssertEqual(egg[.retinol], "148")
        XCTAssertEqual(egg[.vitaminD], "2.2", "328 wins over 324")
        XCTAssertEqual(egg[.vitaminEAdded], "0.00")
        XCTAssertEqual(egg[.linoleicAcid], "1.188")
        XCTAssertEqual(egg[.epa], "0.005")
        XCTAssertEqual(egg[.fiber], "", "no 291 row: unknown, not 0")
    }

    func testDerivations() {
        // Vitamin D from IU: 40 IU = 1 µg.
        XCTAssertEqual(cells(["324": "526"])[.vitaminD], "13.15")
        // RAE from retinol and the three carotenoids.
        XCTAssertEqual(cells(["319": "10", "321": "120", "322": "24", "334": "24"])[.vitaminA], "22")  // 10 + 120/12 + 48/24
        // No vitamin A at all: RAE 0 and retinol 0.
        let none = cells(["318": "0"])
        XCTAssertEqual(none[.vitaminA], "0")
        XCTAssertEqual(none[.retinol], "0")
        // All IU from retinol: 333 IU × 0.3 = 99.9 µg ≈ 100 µg retinol.
        XCTAssertEqual(cells(["318": "333", "319": "100"])[.vitaminA], "100")
        // IU from carotenoids in an unknown mix: left empty.
        XCTAssertEqual(cells(["318": "9377"])[.vitaminA], "")
        XCTAssertEqual(cells(["318": "9377"])[.retinol], "")
        // Fallbacks to the specific fatty acids.
        XCTAssertEqual(cells(["675": "1.5", "851": "0.2"])[.linoleicAcid], "1.5")
        XCTAssertEqual(cells(["675": "1.5", "851": "0.2"])[.alphaLinolenicAcid], "0.2")
        XCTAssertEqual(FoodTableBuilder.row(from: ["324": "526", "318": "0"]).derived, [.vitaminA, .retinol, .vitaminD])
    }

    func testTheBundledTableIsWhatTheConverterWrites() throws {
        guard FileManager.default.fileExists(atPath: Self.sr28 + "/FOOD_DES.txt") else {
            // CI has ../shared beside the clone: there the test must run, so its absence fails.
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                return XCTFail("CI=true, but the USDA SR28 files are not at \(Self.sr28): CI must run this test")
            }
            throw XCTSkip("the USDA SR28 files are not at \(Self.sr28)")
        }
        let tables = try SR28Converter(directory: Self.sr28).convert()
        XCTAssertEqual(tables.foodCount, 8789)
        XCTAssertEqual(tables.portionCount, 15438)
        let bundled = AbsorbProcess.packageRoot.appendingPathComponent("Data")
        XCTAssertEqual(tables.foods, try String(contentsOf: bundled.appendingPathComponent("foods.csv"), encoding: .utf8),
                       "Data/foods.csv is out of date: run swift run build-food-table")
        XCTAssertEqual(tables.portions, try String(contentsOf: bundled.appendingPathComponent("portions.csv"), encoding: .utf8))
        // A second conversion gives the same bytes.
        XCTAssertEqual(try SR28Converter(directory: Self.sr28).convert().foods, tables.foods)
    }

    func testLatin1AndQuotingAreConvertedToUTF8CSV() throws {
        let bytes: [UInt8] = Array("~01001~^~pat (1\" sq)~^5.0\r\n~X~^~".utf8) + [0xB5] + Array("g~^1".utf8)
        var rows: [[String]] = []
        try SR28File(name: "t", bytes: bytes).forEachLine(expectingAtLeast: 3) { fields, _ in rows.append(fields) }
        XCTAssertEqual(rows, [["01001", "pat (1\" sq)", "5.0"], ["X", "µg", "1"]])
        XCTAssertEqual(CSVWriter.record(rows[0]), "01001,\"pat (1\"\" sq)\",5.0")
        XCTAssertThrowsError(try SR28File(name: "t", bytes: Array("~a^b\r\n".utf8)).forEachLine(expectingAtLeast: 1) { _, _ in })
    }
}
