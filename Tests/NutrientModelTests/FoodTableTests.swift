import DataFiles
import XCTest
@testable import NutrientModel

final class FoodTableTests: XCTestCase {
    func testBundledTableHasEveryUSDAFoodAndTheSupplements() {
        let foods = TestData.data.foods
        XCTAssertEqual(foods.count, 8789 + 24)
        XCTAssertEqual(foods.food(id: "01123")?.description, "Egg, whole, raw, fresh")
        XCTAssertEqual(foods.food(id: "01123")?.group, "Dairy and Egg Products")
        XCTAssertNil(foods.food(id: "1123"), "ids keep their leading zeros")
        XCTAssertEqual(foods.food(id: "S0001")?.source, .supplement)
    }

    func testValuesPer100gAsTheUSDAWritesThem() throws {
        // NUT_DATA.txt rows for 15237 (salmon, Atlantic, farmed, cooked, dry heat).
        let salmon = try XCTUnwrap(TestData.data.foods.food(id: "15237"))
        XCTAssertEqual(salmon.values[.fat], 12.35)
        XCTAssertEqual(salmon.values[.vitaminD], 13.1)
        XCTAssertEqual(salmon.values[.epa], 0.690)
        XCTAssertEqual(salmon.values[.dha], 1.457)
        XCTAssertEqual(Nutrient.epaDha.amount(in: salmon.values)!, 2147, accuracy: 1e-9)
        XCTAssertEqual(salmon.portions.first, Portion(amount: 3, description: "oz", grams: 85))
    }

    func testUnknownIsNotZero() throws {
        // The vitamin D cell of every food, read straight from the text of foods.csv (not
        // through the table's reader): an empty cell is unknown (nil), "0.0" is zero.
        let text = try String(contentsOfFile: TestData.directory + "/foods.csv", encoding: .utf8)
        // (Lines end with CRLF, which Swift counts as one Character.)
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").map(String.init)
        let header = TestData.csvFields(lines[0])
        let idColumn = try XCTUnwrap(header.firstIndex(of: "id"))
        let column = try XCTUnwrap(header.firstIndex(of: "vitamin_d_ug"))
        let foods = TestData.data.foods
        var empty = 0, zero = 0
        for line in lines.dropFirst() {
            let cells = TestData.csvFields(line)
            XCTAssertEqual(cells.count, header.count, line)
            guard cells.count == header.count else { continue }
            let values = try XCTUnwrap(foods.food(id: cells[idColumn]), "no food \(cells[idColumn]) in the table").values
            if cells[column].isEmpty {
                empty += 1
                XCTAssertNil(values[.vitaminD], "\(cells[idColumn]): an empty cell became \(values[.vitaminD]!)")
                XCTAssertNil(Nutrient.vitaminD.amount(in: values), cells[idColumn])
            } else {
                let number = try XCTUnwrap(Double(cells[column]), line)
                if number == 0 { zero += 1 }
                XCTAssertEqual(values[.vitaminD], number, cells[idColumn])
            }
        }
        XCTAssertEqual(lines.count - 1, 8789)
        XCTAssertGreaterThan(empty, 1000, "many foods have no vitamin D value in the USDA table")
        XCTAssertGreaterThan(zero, 100, "and many a measured zero")
    }

    func testSupplementsAreStoredPerUnitWeight() throws {
        let fishOil = try XCTUnwrap(TestData.data.foods.food(id: "S0003"))
        let softgel = try XCTUnwrap(fishOil.portions.first)
        XCTAssertEqual(softgel.description, "softgel")
        // 180 mg EPA + 120 mg DHA in one softgel.
        let perSoftgel = Nutrient.epaDha.amount(in: fishOil.values)! * softgel.grams / 100
        XCTAssertEqual(perSoftgel, 300, accuracy: 1e-9)
    }

    private func load(_ text: String) -> CSVError? {
        var table = FoodTable()
        do {
            try FoodTableLoader.loadFoods(Array(text.utf8), fileName: "foods.csv", into: &table)
            return nil
        } catch {
            return error
        }
    }

    private var header: String {
        // Without vitamin_e_ul_mg, as files written before it existed are (it may be absent).
        "id,description,food_group," + FoodComponent.allCases.filter { !$0.mayBeAbsent }.map(\.column).joined(separator: ",")
    }

    func testMalformedFoodsAreReportedByLineAndColumn() {
        let good = "1,2,3,4,5,6,7,8,9,10,11,12,13"
        XCTAssertNil(load("\(header)\n01001,Butter,Dairy,\(good)\n"))
        let negative = load("\(header)\n01001,Butter,Dairy,1,-2,3,4,5,6,7,8,9,10,11,12,13\n")
        XCTAssertEqual(negative?.line, 2)
        XCTAssertEqual(negative?.column, 22)
        XCTAssertTrue(negative?.message.contains("fat_g cannot be negative") ?? false, "\(String(describing: negative))")
        let word = load("\(header)\n01001,Butter,Dairy,lots,2,3,4,5,6,7,8,9,10,11,12,13\n")
        XCTAssertEqual(word?.message, "energy_kcal must be a number, found \"lots\"")
        let impossible = load("\(header)\n01001,Butter,Dairy,1,200,3,4,5,6,7,8,9,10,11,12,13\n")
        XCTAssertTrue(impossible?.message.contains("more than 100 g of food can hold") ?? false)
        let short = load("\(header)\n01001,Butter,Dairy,1,2\n")
        XCTAssertEqual(short?.message, "expected 16 fields as in the header, found 5")
        let duplicate = load("\(header)\n01001,Butter,Dairy,\(good)\n01001,Again,Dairy,\(good)\n")
        XCTAssertEqual(duplicate?.line, 3)
        XCTAssertEqual(duplicate?.message, "the food id 01001 is used twice")
        let missingColumn = load("id,description\n01001,Butter\n")
        XCTAssertTrue(missingColumn?.message.contains("the header has no column \"food_group\"") ?? false)
        XCTAssertEqual(load("")?.message, "the file is empty: expected a header line")
    }

    func testDescriptionsAndMeasuresKeepTheirTextExactly() throws {
        // Quoted with a comma, with doubled quotes, and not ASCII: stored as bytes, read back as written.
        let foods = "\(header)\n01001,\"Butter, salted\",Dairy,\(String(repeating: ",", count: 12))\n"
            + "01002,\"Crème \"\"fraîche\"\"\",Dairy,\(String(repeating: ",", count: 12))\n"
        var table = FoodTable()
        try FoodTableLoader.loadFoods(Array(foods.utf8), fileName: "foods.csv", into: &table)
        // 01001's measures come in two runs: the second run moves them to the end, in order.
        let portions = "food_id,sequence,amount,description,grams\n01001,1,1,\"pat (1\"\" sq)\",5\n"
            + "01002,1,1,cuillère,15\n01001,2,1,tbsp,14.2\n"
        try FoodTableLoader.loadPortions(Array(portions.utf8), fileName: "portions.csv", into: &table)
        XCTAssertEqual(Array(table.descriptions), ["Butter, salted", "Crème \"fraîche\""])
        XCTAssertEqual(table.portions(at: 0), [Portion(amount: 1, description: "pat (1\" sq)", grams: 5),
                                               Portion(amount: 1, description: "tbsp", grams: 14.2)])
        XCTAssertEqual(table.portions(at: 1), [Portion(amount: 1, description: "cuillère", grams: 15)])
        // A custom food appended whole keeps its measures too.
        try table.append(Food(id: "C1", description: "Granola", group: "Custom foods", source: .custom,
                              values: FoodValues([.fat: 10]), portions: [Portion(amount: 1, description: "cup", grams: 120)]))
        XCTAssertEqual(table.food(id: "C1")?.portions, [Portion(amount: 1, description: "cup", grams: 120)])
        XCTAssertEqual(table.food(id: "C1")?.description, "Granola")
        XCTAssertThrowsError(try table.append(Food(id: "01001", description: "Again", group: "Dairy", source: .custom,
                                                   values: FoodValues([:]), portions: [])))
        XCTAssertEqual(table.count, 3, "a refused duplicate leaves the table as it was")
        XCTAssertEqual(table.index(of: "01001"), 0)
    }

    func testAMeasureThatMeansTwoWeightsIsRefusedAtItsSecondLine() throws {
        let foods = "\(header)\n01001,Butter,Dairy,\(String(repeating: ",", count: 12))\n"
            + "01002,Cream,Dairy,\(String(repeating: ",", count: 12))\n"
        var table = FoodTable()
        try FoodTableLoader.loadFoods(Array(foods.utf8), fileName: "foods.csv", into: &table)
        // As SR28 has it for 01048: "1 jar (5 oz)" at 128 g and at 142 g.
        let portions = "food_id,sequence,amount,description,grams\n01001,1,1,jar (5 oz),128\n01002,1,1,jar (5 oz),100\n"
            + "01001,2,2,jar (5 oz),250\n01001,3,1,jar (5 oz),142\n"
        XCTAssertThrowsError(try FoodTableLoader.loadPortions(Array(portions.utf8), fileName: "portions.csv", into: &table)) { error in
            let error = error as? CSVError
            XCTAssertEqual(error?.file, "portions.csv")
            XCTAssertEqual(error?.line, 5)
            XCTAssertEqual(error?.column, 11, "the description's column, in characters")
            XCTAssertEqual(error?.message, "01001 has the measure \"1 jar (5 oz)\" twice (line 2 too): one measure must mean one weight; name them apart (\"jar, 128 g\")")
        }
        // Named apart, as build-food-table now writes them, both load; another food's or amount's "jar" never clashed.
        var named = FoodTable()
        try FoodTableLoader.loadFoods(Array(foods.utf8), fileName: "foods.csv", into: &named)
        let apart = "food_id,sequence,amount,description,grams\n01001,1,1,\"jar (5 oz), 128 g\",128\n01002,1,1,jar (5 oz),100\n"
            + "01001,2,2,jar (5 oz),250\n01001,3,1,\"jar (5 oz), 142 g\",142\n"
        try FoodTableLoader.loadPortions(Array(apart.utf8), fileName: "portions.csv", into: &named)
        XCTAssertEqual(named.portions(at: 0).map(\.grams), [128, 250, 142])
    }

    func testAnOverlongOrInvalidDescriptionIsLocated() {
        let long = String(repeating: "x", count: FoodTableLoader.maxDescriptionBytes + 1)
        let error = load("\(header)\n01001,\(long),Dairy,\(String(repeating: ",", count: 12))\n")
        XCTAssertEqual(error?.line, 2)
        XCTAssertEqual(error?.column, 7)
        XCTAssertEqual(error?.message, "the description is 1001 bytes long; a food's description is at most 1000")
        var bytes = Array("\(header)\n01001,Caf".utf8) + [0xE9] + Array(",Dairy,\(String(repeating: ",", count: 12))\n".utf8)
        var table = FoodTable()
        XCTAssertThrowsError(try FoodTableLoader.loadFoods(bytes, fileName: "foods.csv", into: &table)) { error in
            XCTAssertEqual("\(error)", "foods.csv:2:7: the text is not valid UTF-8")
        }
        bytes = Array("\(header)\n01001,\"\",Dairy,\(String(repeating: ",", count: 12))\n".utf8)
        XCTAssertEqual(load(String(decoding: bytes, as: UTF8.self))?.message, "the description is empty")
    }

    func testFileBytesReadsWholeFilesAndNamesWhatIsWrong() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("absorb-filebytes-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for size in [0, 1, 4095, 4096, 70_000] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            let file = folder.appendingPathComponent("f\(size)")
            try Data(bytes).write(to: file)
            XCTAssertEqual(try FileBytes.read(file.path), bytes, "\(size) bytes")
        }
        // A file whose size stat does not know (procfs) is read to its end all the same.
        XCTAssertTrue(try FileBytes.read("/proc/self/status").starts(with: Array("Name:".utf8)))
        XCTAssertThrowsError(try FileBytes.read(folder.appendingPathComponent("none.csv").path)) { error in
            XCTAssertEqual("\(error)", "\(folder.path)/none.csv: does not exist")
        }
        XCTAssertThrowsError(try FileBytes.read(folder.path)) { error in
            XCTAssertEqual("\(error)", "\(folder.path): is a folder, not a regular file; absorb reads only regular files")
        }
    }

    func testAMissingDataFileIsNamed() {
        XCTAssertThrowsError(try NutrientData(directory: "/nonexistent/Data")) { error in
            XCTAssertEqual("\(error)", "cannot load absorb's data: /nonexistent/Data/rules.csv: does not exist")
        }
    }
}

final class FoodSearchTests: XCTestCase {
    private func firstResults(_ query: String, _ count: Int = 3) -> [String] {
        TestData.data.searchFoods(query, limit: count).map(\.id)
    }

    /// The tiered path for one-word queries that match many foods gives exactly what scoring
    /// every match gives: every one- and two-letter query, and some words, at three limits.
    func testTieredSearchFindsWhatScoringEveryMatchFinds() {
        let index = TestData.data.search
        let letters = "abcdefghijklmnopqrstuvwxyz0123456789".map(String.init)
        let queries = letters + letters.flatMap { first in letters.prefix(26).map { first + $0 } }
            + ["salt", "soup", "raw", "cooked", "babyfood", "dried", "milk", "fish", "beef", "fast", "restaurant", "x"]
        var tieredAnswers = 0
        for query in queries {
            for limit in [1, 20, 200] {
                let everyMatch = index.search(query, limit: limit, tieredAbove: .max)
                XCTAssertEqual(index.search(query, limit: limit, tieredAbove: 0), everyMatch, "\(query) limit \(limit)")
                if let tiered = index.tieredSearch(query, limit: limit), !tiered.isEmpty {
                    XCTAssertEqual(tiered, everyMatch, "\(query) limit \(limit), tiered alone")
                    tieredAnswers += 1
                }
            }
        }
        // The tiered path answered most of them itself (it defers when few foods match).
        XCTAssertGreaterThan(tieredAnswers, 400, "of \(queries.count * 3)")
    }

    func testWordsInAnyOrderByPrefixCaseInsensitive() {
        XCTAssertEqual(firstResults("salmon cook").first, "15237")  // Fish, salmon, Atlantic, farmed, cooked, dry heat
        XCTAssertEqual(firstResults("COOK SALMON").first, "15237")
        XCTAssertEqual(firstResults("spinach raw").first, "11457")
        XCTAssertEqual(firstResults("spin").first, "11457")
        let results = TestData.data.searchFoods("salmon cook", limit: 50)
        XCTAssertTrue(results.allSatisfy { $0.description.lowercased().contains("salmon") && $0.description.lowercased().contains("cook") })
    }

    func testLikelyFoodsComeFirst() {
        XCTAssertEqual(firstResults("egg").first, "01123")     // Egg, whole, raw, fresh (not dried)
        XCTAssertEqual(firstResults("egg dried").first, "01133")  // asked for, so not pushed back
        XCTAssertEqual(firstResults("coffee").first, "14209")  // a whole word beats "Coffeecake"
    }

    func testNoMatchAndCorrections() {
        XCTAssertEqual(firstResults("xyzzy"), [])
        XCTAssertEqual(firstResults(""), [])
        XCTAssertTrue(TestData.data.search.corrections(for: "samlon").contains("salmon"))
        XCTAssertThrowsError(try TestData.data.findFood("salmn cooked")) { error in
            let error = error as! FoodLookupError
            XCTAssertFalse(error.suggestions.isEmpty)
            XCTAssertTrue(error.description.contains("Closest matches"))
        }
    }
}
