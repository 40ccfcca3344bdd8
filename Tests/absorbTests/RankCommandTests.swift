import Foundation
import XCTest

/// `absorb foods rank` through the real binary: the planner's rules hold (diets, life
/// stage, upper limits, no near-zero-energy food per kcal), the figures are the USDA rows',
/// and every bad input says what was wrong.
final class RankCommandTests: XCTestCase {
    var directory: String!
    var absorb: AbsorbProcess!

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "absorb-rank-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        absorb = AbsorbProcess(journal: directory + "/journal.sqlite")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func ok(_ arguments: [String]) throws -> String {
        let result = try absorb.run(arguments)
        XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)")
        return result.stdout
    }

    private func json(_ arguments: [String]) throws -> [String: Any] {
        let text = try ok(arguments + ["--format", "json"])
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text)
    }

    private func foods(_ ranking: [String: Any]) throws -> [[String: Any]] {
        try XCTUnwrap(ranking["foods"] as? [[String: Any]])
    }

    /// The bundled table's rows by id: energy and the EPA and DHA columns.
    private func usdaRows() throws -> [String: [String: String]] {
        let text = try String(contentsOfFile: AbsorbProcess.packageRoot.appendingPathComponent("Data/foods.csv").path, encoding: .utf8)
        var lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        let header = lines.removeFirst().split(separator: ",").map(String.init)
        var rows: [String: [String: String]] = [:]
        for line in lines {
            // The description may hold commas in quotes; the numeric columns come after it.
            let fields = Self.fields(String(line))
            guard fields.count == header.count else { continue }
            rows[fields[0]] = Dictionary(uniqueKeysWithValues: zip(header, fields))
        }
        return rows
    }

    private static func fields(_ line: String) -> [String] {
        var fields: [String] = [], field = "", quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() } else if character == ",", !quoted { fields.append(field); field = "" } else { field.append(character) }
        }
        fields.append(field)
        return fields
    }

    func testEPAAndDHAPer100gInFishAreTheUSDARowsInOrder() throws {
        let ranking = try json(["foods", "rank", "epa_dha", "--per", "100g", "--group", "finfish", "--limit", "5"])
        XCTAssertEqual(ranking["group"] as? String, "Finfish and Shellfish Products")
        let listed = try foods(ranking)
        XCTAssertEqual(listed.count, 5)
        let rows = try usdaRows()
        var previous = Double.infinity
        for food in listed {
            let id = try XCTUnwrap(food["food_id"] as? String)
            let row = try XCTUnwrap(rows[id])
            // EPA + DHA in mg per 100 g, from the two columns in grams.
            let expected = (Double(row["epa_g"]!)! + Double(row["dha_g"]!)!) * 1000
            let per100 = try XCTUnwrap(food["per_100g"] as? Double)
            XCTAssertEqual(per100, expected, accuracy: 0.001, "\(id)")
            XCTAssertLessThanOrEqual(per100, previous)
            previous = per100
        }
        // Salted mackerel (83110, 4,584 mg, the richest fish of the table) is salt-cured, left
        // out as plans leave it out; mixed fish roe (15207): 1.260 + 1.747 g = 3,007 mg.
        XCTAssertFalse(listed.contains { $0["food_id"] as? String == "83110" })
        XCTAssertEqual(listed[0]["food_id"] as? String, "15207")
    }

    func testPer100kcalListsNoFoodOfAlmostNoEnergy() throws {
        let rows = try usdaRows()
        for nutrient in ["vitamin_e", "vitamin_k", "vitamin_a", "vitamin_d"] {
            let listed = try foods(try json(["foods", "rank", nutrient, "--per", "100kcal", "--limit", "30"]))
            XCTAssertEqual(listed.count, 30)
            for food in listed {
                let id = try XCTUnwrap(food["food_id"] as? String)
                // Supplements are not suggested at all; every listed food gives 10 kcal per 100 g or more.
                let energy = try XCTUnwrap(rows[id].flatMap { Double($0["energy_kcal"] ?? "") }, "\(id) is not a USDA food")
                XCTAssertGreaterThanOrEqual(energy, 10, "\(nutrient): \(food["food"] ?? id)")
            }
        }
        // The zero-calorie sports water that used to lead the vitamin E list per kcal.
        let vitaminE = try foods(try json(["foods", "rank", "vitamin e", "--per", "100kcal", "--limit", "200"]))
        XCTAssertFalse(vitaminE.contains { ($0["food"] as? String ?? "").contains("Propel Zero") })
    }

    func testAVeganIsRankedNoAnimalFoodsAndAnInfantNone() throws {
        _ = try ok(["profile", "set", "--diet", "vegan"])
        for nutrient in ["vitamin_d", "epa_dha", "vitamin_a"] {
            for food in try foods(try json(["foods", "rank", nutrient, "--limit", "60"])) {
                let name = (food["food"] as? String ?? "").lowercased()
                let words = Set(name.split { !$0.isLetter }.map(String.init))
                // Animal foods and dishes made with them, by word ("soymilk" and "butternut" are other words).
                for animal in ["fish", "egg", "eggs", "milk", "cheese", "beef", "pork", "chicken", "liver", "salmon", "herring",
                               "butter", "cream", "yogurt", "nutritional", "abbott"] where words.contains(animal) {
                    let plant = ["soy", "almond", "coconut", "rice", "oat", "peanut", "silk", "tofu"].contains(where: words.contains)
                    XCTAssertTrue(plant, "vegan, \(nutrient): \(name)")
                }
                XCTAssertFalse(words.contains("sauce") && words.contains("white"), "vegan, \(nutrient): \(name) (milk and butter)")
            }
        }
        _ = try ok(["profile", "set", "--diet", "none", "--sex", "female", "--age", "3m"])
        let infant = try json(["foods", "rank", "vitamin_d"])
        XCTAssertEqual(try foods(infant).count, 0)
        XCTAssertTrue((infant["withheld"] as? String ?? "").contains("breast milk or infant formula"), "\(infant)")
        XCTAssertTrue(try ok(["foods", "rank", "vitamin_d"]).contains("breast milk or infant formula"))
    }

    /// For a 2-year-old a serving is the portion a plan would give them: fish at most the
    /// FDA/EPA's 1 oz (fish_servings.csv), any item at most 125 g and 175 kcal
    /// (plan_limits.csv, 1-3), and the figures are of that portion.
    func testAToddlersServingsAreAToddlersPortions() throws {
        _ = try ok(["profile", "set", "--sex", "male", "--age", "2"])
        let rows = try usdaRows()
        for nutrient in ["epa_dha", "vitamin_d", "vitamin_a"] {
            let listed = try foods(try json(["foods", "rank", nutrient, "--limit", "15"]))
            XCTAssertFalse(listed.isEmpty)
            var previous = Double.infinity
            for food in listed {
                let id = try XCTUnwrap(food["food_id"] as? String)
                let grams = try XCTUnwrap(food["serving_grams"] as? Double)
                let row = try XCTUnwrap(rows[id])
                XCTAssertLessThanOrEqual(grams, 125 + 1e-6, "\(nutrient): \(row["description"] ?? id)")
                XCTAssertLessThanOrEqual(Double(row["energy_kcal"]!)! * grams / 100, 175 + 0.1, "\(row["description"] ?? id)")
                if row["food_group"] == "Finfish and Shellfish Products" {
                    XCTAssertLessThanOrEqual(grams, 28.35 + 1e-6, "fish for a 2-year-old: \(row["description"] ?? id)")
                }
                let perServing = try XCTUnwrap(food["per_serving"] as? Double)
                XCTAssertEqual(perServing, (food["per_100g"] as? Double ?? 0) * grams / 100, accuracy: 0.001 * max(1, perServing))
                XCTAssertLessThanOrEqual(perServing, previous + 1e-9)
                previous = perServing
            }
        }
    }

    /// Of two foods that differ only by salt (canned pumpkin with and without), a ranking
    /// lists one.
    func testARankingListsNoFoodTwiceForSalt() throws {
        for (nutrient, per) in [("vitamin_a", "serving"), ("vitamin_a", "100g"), ("vitamin_k", "100kcal")] {
            let names = try foods(try json(["foods", "rank", nutrient, "--per", per, "--limit", "40"])).map { food in
                Set((food["food"] as? String ?? "").lowercased().split { !$0.isLetter }.map(String.init)).subtracting(["with", "without", "salt", "added"])
            }
            for a in names.indices { for b in names.indices where a < b { XCTAssertNotEqual(names[a], names[b], "\(nutrient) per \(per)") } }
        }
    }

    func testNothingIsRankedForANutrientAlreadyAboveItsLimitToday() throws {
        // Two retinol softgels today: 6,000 µg of retinol, above the adult UL of 3,000 µg.
        _ = try ok(["log", "add", "S0010", "2", "softgel"])
        let vitaminA = try json(["foods", "rank", "vitamin_a"])
        XCTAssertEqual(try foods(vitaminA).count, 0)
        XCTAssertTrue((vitaminA["withheld"] as? String ?? "").contains("above its upper limit"), "\(vitaminA)")
        // Other nutrients are ranked, but not with foods that add vitamin A.
        let rows = try usdaRows()
        for food in try foods(try json(["foods", "rank", "vitamin_d", "--limit", "20"])) {
            let id = try XCTUnwrap(food["food_id"] as? String)
            XCTAssertEqual(Double(rows[id]?["vitamin_a_rae_ug"] ?? "") ?? 0, 0, "\(food["food"] ?? id) adds vitamin A")
        }
    }

    func testOwnFoodsOverARangeAreRankedByWhatTheyGave() throws {
        // 150 g of farmed Atlantic salmon (15236) and 100 g of raw spinach (11457) on two days.
        _ = try ok(["log", "add", "15236", "150 g", "--date", "2026-11-20"])
        _ = try ok(["log", "add", "11457", "100 g", "--date", "2026-11-21"])
        let ranking = try json(["foods", "rank", "vitamin_k", "--from", "2026-11-20", "--to", "2026-11-21"])
        let listed = try foods(ranking)
        let rows = try usdaRows()
        let spinach = Double(rows["11457"]!["vitamin_k_ug"]!)!, salmon = Double(rows["15236"]!["vitamin_k_ug"]!)! * 1.5
        XCTAssertEqual(listed.first?["food_id"] as? String, spinach > salmon ? "11457" : "15236")
        let total = spinach + salmon
        for food in listed {
            let expected = food["food_id"] as? String == "11457" ? spinach : salmon
            XCTAssertEqual(food["amount"] as? Double ?? -1, expected, accuracy: 0.0001)
            XCTAssertEqual(food["share"] as? Double ?? -1, expected / total, accuracy: 0.0001)
        }
    }

    func testBadInputSaysWhatWasWrong() throws {
        let cases: [([String], String)] = [
            (["foods", "rank", "omega-7"], "unknown nutrient \"omega-7\""),
            (["foods", "rank", "vitamin_e", "--per", "cup"], "--per must be serving, 100g or 100kcal"),
            (["foods", "rank", "vitamin_e", "--limit", "0"], "--limit must be from 1 to 200"),
            (["foods", "rank", "vitamin_e", "--to", "2026-11-01"], "--to needs --from"),
            (["foods", "rank", "vitamin_e", "--group", "zzz"], "no food group matches \"zzz\""),
            (["foods", "rank", "vitamin_e", "--group", "products"], "groups"),
            (["foods", "rank", "vitamin_e", "--from", "2026-11-30", "--to", "2026-11-01"], "is after --to"),
            (["foods", "rank", "vitamin_e", "--from", "2026-02-30"], "February 2026 has 28 days"),
        ]
        for (arguments, message) in cases {
            let result = try absorb.run(arguments)
            XCTAssertNotEqual(result.status, 0, "\(arguments)")
            XCTAssertTrue(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }
}
