import Foundation
import NutrientModel

/// Reads the SR28 folder and produces the text of `foods.csv` and `portions.csv`.
struct SR28Converter {
    /// The SR28 folder.
    let directory: String
    /// The household measures derived where SR28 has none (`Data/derived_portions.csv`),
    /// or `nil` for none.
    var derivedPortionsFile: String? = nil

    /// A measure that SR28 lacks, weighed as a measure of a like food it has.
    struct DerivedPortion {
        let foodID: String
        let amount: Double
        let description: String
        let fromFood: String
        let fromMeasure: String
    }

    /// A derived measure that cannot be made.
    struct DerivedPortionError: Error, CustomStringConvertible {
        let description: String
    }

    /// SR28's measures with one meaning each: of two rows of a food with the same amount
    /// and description (15 in SR28), the second is left out where it weighs the same, and
    /// where the weights differ (01048 "1 jar (5 oz)" is 128 g and 142 g) each description
    /// gets its weight ("jar (5 oz), 128 g"), so that a person chooses between them and
    /// `portions.csv` can refuse a measure that means two weights.
    static func distinctMeasures(_ rows: [[String]]) -> [[String]] {
        func key(_ row: [String]) -> String { [row[0], row[2], row[3]].joined(separator: "\u{1F}") }
        var weights: [String: [String]] = [:]
        for row in rows { weights[key(row), default: []].append(row[4]) }
        var written: Set<String> = []
        return rows.compactMap { row in
            var named = row
            if Set(weights[key(row)]!.compactMap(Double.init)).count > 1 { named[3] = "\(row[3]), \(row[4]) g" }
            return written.insert(key(named)).inserted ? named : nil
        }
    }

    /// Reads `derived_portions.csv`: every row names its basis and source.
    static func derivedPortions(_ path: String) throws -> [DerivedPortion] {
        guard let data = FileManager.default.contents(atPath: path) else { throw MissingFile(path: path) }
        let table = try NamedCSVTable(bytes: [UInt8](data), fileName: path,
                                      columns: ["food_id", "amount", "description", "from_food", "from_measure", "basis", "source"])
        return try table.rows.map { row in
            for column in ["basis", "source"] where row[column].trimmingCharacters(in: .whitespaces).isEmpty {
                throw row.error(column, "a derived measure needs its \(column)")
            }
            return DerivedPortion(foodID: row["food_id"], amount: try row.number("amount"), description: row["description"],
                                  fromFood: row["from_food"], fromMeasure: row["from_measure"])
        }
    }

    /// The converted tables.
    struct Tables {
        var foods: String
        var portions: String
        var foodCount: Int
        var portionCount: Int
        var derivedCount: Int
    }

    /// A file of the SR28 folder that could not be read.
    struct MissingFile: Error, CustomStringConvertible {
        let path: String
        var description: String { "cannot read \(path): is --sr28 the USDA SR28 folder?" }
    }

    private func file(_ name: String) throws -> SR28File {
        let path = (directory as NSString).appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: path) else { throw MissingFile(path: path) }
        return SR28File(name: path, bytes: [UInt8](data))
    }

    /// Converts the whole folder.
    func convert() throws -> Tables {
        var groups: [String: String] = [:]
        try file("FD_GROUP.txt").forEachLine(expectingAtLeast: 2) { fields, _ in
            groups[fields[0]] = fields[1]
        }

        var foods: [FoodTableBuilder.FoodDescription] = []
        let foodFile = try file("FOOD_DES.txt")
        try foodFile.forEachLine(fieldLimit: 3, expectingAtLeast: 3) { fields, line in
            guard groups[fields[1]] != nil else {
                throw SR28File.FormatError(file: foodFile.name, line: line,
                                           message: "unknown food group code \(fields[1])")
            }
            foods.append(.init(id: fields[0], groupCode: fields[1], description: fields[2]))
        }

        var values: [String: FoodTableBuilder.NutrientValues] = [:]
        let wanted = FoodTableBuilder.nutrientNumbers
        try file("NUT_DATA.txt").forEachLine(fieldLimit: 3, expectingAtLeast: 3) { fields, _ in
            guard wanted.contains(fields[1]) else { return }
            values[fields[0], default: [:]][fields[1]] = fields[2]
        }

        // Foods whose added vitamin E is RRR by their 573 footnote (SR28 documentation).
        var addedERRR: Set<String> = []
        try file("FOOTNOTE.txt").forEachLine(expectingAtLeast: 5) { fields, _ in
            if fields[3] == "573", FoodTableBuilder.footnoteSaysRRR(fields[4]) { addedERRR.insert(fields[0]) }
        }

        var foodsText = "id,description,food_group,"
            + FoodComponent.allCases.map(\.column).joined(separator: ",") + ",derived\r\n"
        var derivedCount = 0
        for food in foods {
            let row = FoodTableBuilder.row(
                from: values[food.id] ?? [:], addedVitaminEIsRRR: addedERRR.contains(food.id),
                fortifiedWithVitaminE: FoodTableBuilder.saysFortifiedWithVitaminE(food.description))
            derivedCount += row.derived.count
            let fields = [food.id, food.description, groups[food.groupCode]!] + row.cells
                + [(row.derived.map(\.column) + row.fallbackSources).joined(separator: " ")]
            foodsText += fields.map(CSVWriter.field).joined(separator: ",") + "\r\n"
        }

        var portionsText = "food_id,sequence,amount,description,grams\r\n"
        var portionCount = 0
        var measures: [String: [(sequence: Int, amount: Double, description: String, grams: Double)]] = [:]
        let weightFile = try file("WEIGHT.txt")
        var weightRows: [[String]] = []
        try weightFile.forEachLine(expectingAtLeast: 5) { fields, _ in weightRows.append(Array(fields.prefix(5))) }
        for fields in Self.distinctMeasures(weightRows) {
            portionsText += fields.map(CSVWriter.field).joined(separator: ",") + "\r\n"
            portionCount += 1
            if let sequence = Int(fields[1]), let amount = Double(fields[2]), let grams = Double(fields[4]) {
                measures[fields[0], default: []].append((sequence, amount, fields[3], grams))
            }
        }
        // Measures SR28 lacks, each weighed as the like food's measure, after the food's own.
        if let derivedPortionsFile {
            let known = Set(foods.map(\.id))
            for derived in try Self.derivedPortions(derivedPortionsFile) {
                guard known.contains(derived.foodID) else {
                    throw DerivedPortionError(description: "\(derivedPortionsFile): no food \(derived.foodID) in SR28")
                }
                guard let from = measures[derived.fromFood]?.first(where: { $0.description == derived.fromMeasure }), from.amount > 0 else {
                    throw DerivedPortionError(description: "\(derivedPortionsFile): \(derived.fromFood) has no measure \"\(derived.fromMeasure)\" in SR28's WEIGHT.txt")
                }
                let sequence = (measures[derived.foodID]?.map(\.sequence).max() ?? 0) + 1
                let grams = from.grams / from.amount * derived.amount
                measures[derived.foodID, default: []].append((sequence, derived.amount, derived.description, grams))
                portionsText += [derived.foodID, String(sequence), Format.number(derived.amount, decimals: 3), derived.description,
                                 Format.number(grams, decimals: 2)]
                    .map(CSVWriter.field).joined(separator: ",") + "\r\n"
                portionCount += 1
            }
        }
        return Tables(foods: foodsText, portions: portionsText, foodCount: foods.count,
                      portionCount: portionCount, derivedCount: derivedCount)
    }
}
