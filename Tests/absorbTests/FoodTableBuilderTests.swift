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
        // Only the specific fatty acids: copied, no fallback token.
        XCTAssertEqual(cells(["675": "1.5", "851": "0.2"])[.linoleicAcid], "1.5")
        XCTAssertEqual(cells(["675": "1.5", "851": "0.2"])[.alphaLinolenicAcid], "0.2")
        XCTAssertEqual(FoodTableBuilder.row(from: ["675": "1.5", "851": "0.2"]).fallbackSources, [])
        XCTAssertEqual(FoodTableBuilder.row(from: ["324": "526", "318": "0"]).derived, [.vitaminA, .retinol, .vitaminD])
    }

    // MARK: Linoleic and alpha-linolenic acid: the cis isomers the AIs mean (675, 851),
    // else the undifferentiated 18:2 and 18:3 (618, 619), marked in `derived`.

    func testButterTakesTheCisCisLinoleicAcidNotTheUndifferentiated18_2() {
        // NUT_DATA.txt rows of 01001 (butter, salted): 618 = 2.728 (18:2 undifferentiated,
        // which counts its 0.296 g of 18:2 i (666) and 0.267 g of CLA (670)),
        // 675 = 2.166 (18:2 n-6 c,c), 619 = 0.315, 851 = 0.315.
        let values: FoodTableBuilder.NutrientValues = ["618": "2.728", "666": "0.296", "670": "0.267", "675": "2.166",
                                                       "619": "0.315", "851": "0.315"]
        let butter = cells(values)
        XCTAssertEqual(butter[.linoleicAcid], "2.166", "675 exactly, not 618's 2.728")
        XCTAssertEqual(butter[.alphaLinolenicAcid], "0.315", "851")
        XCTAssertEqual(FoodTableBuilder.row(from: values).fallbackSources, [])
    }

    func testBraisedBeefLiverTakesTheAnalysed675OverAnAssumedZero618() {
        // NUT_DATA.txt rows of 13326 (beef liver, cooked, braised): 618 = 0.000 and
        // 619 = 0.000 (source code 7, derivation Z: assumed zero), 675 = 0.659 and
        // 851 = 0.017 (source code 1, analytical, 4 data points).
        let values: FoodTableBuilder.NutrientValues = ["618": "0.000", "675": "0.659", "619": "0.000", "851": "0.017"]
        let liver = cells(values)
        XCTAssertEqual(liver[.linoleicAcid], "0.659")
        XCTAssertEqual(liver[.alphaLinolenicAcid], "0.017")
        XCTAssertEqual(FoodTableBuilder.row(from: values).fallbackSources, [])
    }

    func testAFoodWithOnlyTheUndifferentiatedFattyAcidsKeepsThemAndSaysSo() {
        // NUT_DATA.txt rows of 01129 (egg, hard-boiled): 618 = 1.188 and 619 = 0.035, no 675 or 851.
        let egg = FoodTableBuilder.row(from: ["204": "10.61", "618": "1.188", "619": "0.035"])
        XCTAssertEqual(egg.cells[FoodComponent.linoleicAcid.rawValue], "1.188")
        XCTAssertEqual(egg.cells[FoodComponent.alphaLinolenicAcid.rawValue], "0.035")
        XCTAssertEqual(egg.fallbackSources, ["linoleic_acid_g:618", "alpha_linolenic_acid_g:619"])
        XCTAssertEqual(egg.derived, [], "a fallback is copied, not derived")
        // One of each: 675 with 619 only (the fallback is per fatty acid).
        let mixed = FoodTableBuilder.row(from: ["618": "2.0", "675": "1.9", "619": "0.3"])
        XCTAssertEqual(mixed.cells[FoodComponent.linoleicAcid.rawValue], "1.9")
        XCTAssertEqual(mixed.cells[FoodComponent.alphaLinolenicAcid.rawValue], "0.3")
        XCTAssertEqual(mixed.fallbackSources, ["alpha_linolenic_acid_g:619"])
        // ALA 851 wins over 619 even when 619 is larger (it also counts GLA, 685).
        let ala = FoodTableBuilder.row(from: ["619": "0.5", "685": "0.1", "851": "0.4"])
        XCTAssertEqual(ala.cells[FoodComponent.alphaLinolenicAcid.rawValue], "0.4")
        XCTAssertEqual(ala.fallbackSources, [])
        // Neither: the cell stays empty, and no token.
        XCTAssertEqual(FoodTableBuilder.row(from: ["204": "1"]).fallbackSources, [])
    }

    func testTheBundledTableMarksTheFattyAcidFallbacks() throws {
        let foods = try Data(contentsOf: AbsorbProcess.packageRoot.appendingPathComponent("Data/foods.csv"))
        let all = try CSVReader(bytes: [UInt8](foods), fileName: "foods.csv").allRows()
        let header = all[0]
        var rows: [String: [String]] = [:]
        for fields in all.dropFirst() { rows[fields[0]] = fields }
        func cell(_ id: String, _ column: String) -> String { rows[id]![header.firstIndex(of: column)!] }
        XCTAssertEqual(cell("01001", "linoleic_acid_g"), "2.166")   // butter: 675
        XCTAssertEqual(cell("01001", "derived"), "")
        XCTAssertEqual(cell("13326", "linoleic_acid_g"), "0.659")   // braised beef liver: 675
        XCTAssertEqual(cell("13326", "alpha_linolenic_acid_g"), "0.017")  // 851
        XCTAssertEqual(cell("01129", "linoleic_acid_g"), "1.188")   // hard-boiled egg: 618 only
        XCTAssertEqual(cell("01129", "derived"), "linoleic_acid_g:618 alpha_linolenic_acid_g:619")
    }

    func testTheBundledTableIsWhatTheConverterWrites() throws {
        guard FileManager.default.fileExists(atPath: Self.sr28 + "/FOOD_DES.txt") else {
            // CI has ../shared beside the clone: there the test must run, so its absence fails.
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                return XCTFail("CI=true, but the USDA SR28 files are not at \(Self.sr28): CI must run this test")
            }
            throw XCTSkip("the USDA SR28 files are not at \(Self.sr28)")
        }
        let derived = AbsorbProcess.packageRoot.appendingPathComponent("Data/derived_portions.csv").path
        let tables = try SR28Converter(directory: Self.sr28, derivedPortionsFile: derived).convert()
        XCTAssertEqual(tables.foodCount, 8789)
        // SR28's 15,438 measures, less the 3 that repeat another at the same weight, and the 3
        // derived ones of Data/derived_portions.csv.
        XCTAssertEqual(tables.portionCount, 15438)
        // A measure SR28 gives two weights is named apart by them; a repeat at the same weight is once.
        XCTAssertTrue(tables.portions.contains("01048,3,1,\"jar (5 oz), 128 g\",128\r\n"), "01048's jars")
        XCTAssertTrue(tables.portions.contains("01048,5,1,\"jar (5 oz), 142 g\",142\r\n"), "01048's jars")
        XCTAssertTrue(tables.portions.contains("03072,3,1,jar,170\r\n"))
        XCTAssertFalse(tables.portions.contains("03072,4,1,jar,170\r\n"), "the same jar at the same weight, once")
        XCTAssertTrue(tables.portions.hasSuffix("01289,1,1,cup (derived: as a cup of cultured lowfat buttermilk),245\r\n"
                                                + "01289,2,1,fl oz (derived: as a fl oz of cultured lowfat buttermilk),30.6\r\n"
                                                + "01290,1,1,cup (derived: as a cup of cultured lowfat buttermilk),245\r\n"))
        let bundled = AbsorbProcess.packageRoot.appendingPathComponent("Data")
        XCTAssertEqual(tables.foods, try String(contentsOf: bundled.appendingPathComponent("foods.csv"), encoding: .utf8),
                       "Data/foods.csv is out of date: run swift run build-food-table")
        XCTAssertEqual(tables.portions, try String(contentsOf: bundled.appendingPathComponent("portions.csv"), encoding: .utf8))
        // A second conversion gives the same bytes.
        XCTAssertEqual(try SR28Converter(directory: Self.sr28, derivedPortionsFile: derived).convert().foods, tables.foods)
        // A derived measure without its basis, or from a measure SR28 lacks, is refused.
        let scratch = NSTemporaryDirectory() + "derived-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let header = "food_id,amount,description,from_food,from_measure,basis,source\n"
        try (header + "01289,1,cup (derived),01088,cup,,SR28\n").write(toFile: scratch, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try SR28Converter(directory: Self.sr28, derivedPortionsFile: scratch).convert()) { error in
            XCTAssertTrue("\(error)".contains("a derived measure needs its basis"), "\(error)")
        }
        try (header + "01289,1,cup (derived),01088,pint,as milk,SR28\n").write(toFile: scratch, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try SR28Converter(directory: Self.sr28, derivedPortionsFile: scratch).convert()) { error in
            XCTAssertTrue("\(error)".contains("01088 has no measure \"pint\""), "\(error)")
        }
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
