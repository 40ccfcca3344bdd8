import XCTest
@testable import NutrientModel

/// The search evaluation set, `Tests/Fixtures/search-queries.csv`: every query through the
/// search `absorb foods search QUERY --limit 5` uses (`searchListing`), scored by whether the first result is
/// an acceptable answer and whether the first five hold one.
final class SearchEvaluationTests: XCTestCase {
    /// The shares reached when the set was last measured: the test fails below them.
    static let firstResultFloor = 0.995
    static let topFiveFloor = 1.0

    struct Query {
        let text: String
        let acceptable: Set<String>
    }

    static func queries() throws -> [Query] {
        let path = TestData.packageRoot.appendingPathComponent("Tests/Fixtures/search-queries.csv").path
        let lines = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").map(String.init)
            .filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        XCTAssertEqual(lines.first, "query,acceptable,kind")
        return lines.dropFirst().map { line in
            let fields = TestData.csvFields(line)
            return Query(text: fields[0], acceptable: Set(fields[1].split(separator: " ").map(String.init)))
        }
    }

    func testEveryAcceptableIDIsAFood() throws {
        for query in try Self.queries() {
            XCTAssertFalse(query.acceptable.isEmpty, query.text)
            for id in query.acceptable {
                XCTAssertNotNil(TestData.data.foods.food(id: id), "\(query.text): \(id) is not in the table")
            }
        }
    }

    /// `Data/common_foods.csv`: every id is a food of the table, named once, its
    /// `description` column that food's description (so a reviewer reads the right food
    /// beside its name), and no two foods share a short name.
    func testCommonFoodNamesAreOfTheirFoods() throws {
        let path = TestData.packageRoot.appendingPathComponent("Data/common_foods.csv").path
        let lines = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "id,name,description")
        var ids: Set<String> = [], names: Set<String> = []
        for line in lines.dropFirst() {
            let fields = TestData.csvFields(line)
            XCTAssertEqual(fields.count, 3, line)
            guard fields.count == 3 else { continue }
            let (id, name, description) = (fields[0], fields[1], fields[2])
            XCTAssertTrue(ids.insert(id).inserted, "\(id) is named twice")
            XCTAssertTrue(names.insert(name.lowercased()).inserted, "two foods are named \"\(name)\"")
            XCTAssertEqual(TestData.data.foods.food(id: id)?.description, description, "\(id) \(name)")
            XCTAssertEqual(TestData.data.displayName(ofFoodID: id), name)
        }
        XCTAssertGreaterThanOrEqual(ids.count, 320)
    }

    func testFirstResultAndTopFiveShares() throws {
        let queries = try Self.queries()
        XCTAssertGreaterThanOrEqual(queries.count, 150)
        var first = 0, topFive = 0
        var failures: [String] = []
        for query in queries {
            let found = TestData.data.searchListing(query.text, limit: 5).foods
            let isFirst = found.first.map { query.acceptable.contains($0.id) } ?? false
            let inFive = found.contains { query.acceptable.contains($0.id) }
            if isFirst { first += 1 }
            if inFive { topFive += 1 }
            if !isFirst {
                let got = found.first.map { "\($0.id) \($0.description)" } ?? "nothing"
                failures.append("\(inFive ? "in top five" : "missed     ")  \"\(query.text)\" → \(got) (wanted \(query.acceptable.sorted().joined(separator: " ")))")
            }
        }
        let firstShare = Double(first) / Double(queries.count)
        let fiveShare = Double(topFive) / Double(queries.count)
        print("search evaluation: \(queries.count) queries, first result right \(first) (\(Format.number(firstShare * 100, decimals: 1)) %), in the first five \(topFive) (\(Format.number(fiveShare * 100, decimals: 1)) %)")
        for failure in failures { print("  " + failure) }
        XCTAssertGreaterThanOrEqual(firstShare, Self.firstResultFloor, failures.joined(separator: "\n"))
        XCTAssertGreaterThanOrEqual(fiveShare, Self.topFiveFloor, failures.joined(separator: "\n"))
    }
}
