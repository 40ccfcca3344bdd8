/// Reads `foods.csv`, `portions.csv` and `supplements.csv` into a `FoodTable`.
public enum FoodTableLoader {
    /// The longest description accepted, in bytes. SR28's FOOD_DES allows 200 characters
    /// (its longest is 134); the room above that is for custom foods, and the limit stops a
    /// runaway field (a missing quote can swallow the rest of a file).
    public static let maxDescriptionBytes = 1_000

    /// The food group given to supplements.
    public static let supplementGroup = "Supplements"

    /// The food table of a `Data/` folder: `foods.csv`, then `supplements.csv`, then
    /// `portions.csv`, read through `files`. With a `cache`, the copy made from exactly
    /// these files' bytes is used instead of parsing them, if there is one, and one is
    /// made otherwise; its key of the files' contents comes back with the table.
    public static func loadTable(directory: String, files reader: any DataFileReading,
                                 cache: (any FoodTableStore)?) throws(DataLoadError)
        -> (table: FoodTable, fromCache: Bool, key: UInt64?) {
        let names = ["foods.csv", "supplements.csv", "portions.csv"]
        let paths = names.map { directory.hasSuffix("/") ? directory + $0 : directory + "/" + $0 }
        if let cache {
            // Most starts end here (the cache only hashes the files).
            do {
                if let stored = try cache.storedTable(forFilesAt: paths) { return (stored.table, true, stored.key) }
            } catch { throw .file(error) }
        }
        var files: [[UInt8]] = []
        for path in paths {
            do { files.append(try reader.bytes(atPath: path)) } catch { throw .file(error) }
        }
        var table = FoodTable()
        do {
            try loadFoods(files[0], fileName: paths[0], into: &table)
            try loadSupplements(files[1], fileName: paths[1], into: &table)
            try loadPortions(files[2], fileName: paths[2], into: &table)
        } catch {
            throw .csv(error)
        }
        // Kept for the bytes parsed, should a file have changed since the cache looked.
        let key = cache?.store(table, loadedFrom: files)
        return (table, false, key)
    }

    /// Loads foods from `foods.csv` bytes.
    public static func loadFoods(_ bytes: [UInt8], fileName: String,
                                 into table: inout FoodTable) throws(CSVError) {
        let reader = CSVReader(bytes: bytes, fileName: fileName)
        var header: CSVHeader?
        var columns: (id: Int, description: Int, group: Int, values: [Int]) = (0, 0, 0, [])
        var row = [Double](repeating: .nan, count: FoodComponent.count)
        let components = FoodComponent.allCases
        let limits = components.map(\.physicalLimitPer100g)
        var lastGroup: (bytes: [UInt8], number: UInt16)?
        // About 135 bytes a row in the bundled file, of which about 60 are the description.
        table.reserveCapacity(moreFoods: bytes.count / 130, descriptionBytes: bytes.count * 2 / 5)
        do {
            try reader.forEachRecord { record throws(CSVError) in
                guard let known = header else {
                    let parsed = try CSVHeader(record: record)
                    columns = (try parsed.position(of: "id"), try parsed.position(of: "description"),
                               try parsed.position(of: "food_group"),
                               try componentPositions(parsed))
                    header = parsed
                    return
                }
                try known.check(record)
                let id = try foodID(record, at: columns.id)
                for component in components {
                    let position = columns.values[component.rawValue]
                    guard position >= 0 else { row[component.rawValue] = .nan; continue }
                    row[component.rawValue] = try checkedValue(record, at: position, limit: limits[component.rawValue],
                                                               component: component) ?? .nan
                }
                // Foods come grouped: the group's name is made only when it changes.
                if lastGroup == nil || !record.field(at: columns.group, equals: lastGroup!.bytes) {
                    lastGroup = (record.rawBytes(at: columns.group), table.groupNumber(try record.string(at: columns.group)))
                }
                let group = lastGroup!.number
                // The description goes into the table as bytes: no `String` per food.
                try record.withUTF8(at: columns.description) { description throws(CSVError) in
                    try checkDescription(description, of: record, at: columns.description)
                    do throws(FoodTableError) {
                        try table.append(id: id, descriptionUTF8: description, group: group, source: .usda, values: row)
                    } catch {
                        throw record.error(at: columns.id, error.description)
                    }
                }
            }
        }
        if header == nil {
            throw CSVError(file: fileName, line: 1, column: 1, message: "the file is empty: expected a header line")
        }
        if table.count == 0 {
            throw CSVError(file: fileName, line: 2, column: 1, message: "the file has a header but no foods")
        }
    }

    /// Loads household measures from `portions.csv` bytes; each names a food in `table`.
    public static func loadPortions(_ bytes: [UInt8], fileName: String,
                                    into table: inout FoodTable) throws(CSVError) {
        let reader = CSVReader(bytes: bytes, fileName: fileName)
        var header: CSVHeader?
        var columns = (food: 0, amount: 0, description: 0, grams: 0)
        // About 27 bytes a row in the bundled file, of which about 12 are the name.
        table.reservePortionCapacity(moreMeasures: bytes.count / 25, nameBytes: bytes.count / 2)
        // A food's measure (amount and description) means one weight: its line, to name a second.
        var seen: [MeasureKey: Int] = [:]
        seen.reserveCapacity(bytes.count / 25)
        do {
            try reader.forEachRecord { record throws(CSVError) in
                guard let known = header else {
                    let parsed = try CSVHeader(record: record)
                    columns = (try parsed.position(of: "food_id"), try parsed.position(of: "amount"),
                               try parsed.position(of: "description"), try parsed.position(of: "grams"))
                    header = parsed
                    return
                }
                try known.check(record)
                let index = try record.withUTF8(at: columns.food) { id throws(CSVError) -> Int in
                    guard let found = table.index(ofUTF8: id) else {
                        throw record.error(at: columns.food, "no food has the id \"\(String(decoding: id, as: UTF8.self))\"")
                    }
                    return found
                }
                guard let amount = try positiveValue(record, at: columns.amount, column: "amount"),
                      let grams = try positiveValue(record, at: columns.grams, column: "grams") else {
                    throw record.recordError("a portion needs an amount and a weight in grams")
                }
                try record.withUTF8(at: columns.description) { description throws(CSVError) in
                    if description.isEmpty {
                        throw record.error(at: columns.description, "the measure's description is empty")
                    }
                    let key = MeasureKey(food: index, amount: amount, description: Array(description))
                    if let first = seen[key] {
                        throw record.error(at: columns.description, "\(table.ids[index]) has the measure \"\(Format.number(amount, decimals: 3)) \(String(decoding: description, as: UTF8.self))\" twice (line \(first) too): one measure must mean one weight; name them apart (\"jar, 128 g\")")
                    }
                    seen[key] = record.line
                    table.addPortion(amount: amount, descriptionUTF8: description, grams: grams, toFoodAt: index)
                }
            }
        }
        if header == nil {
            throw CSVError(file: fileName, line: 1, column: 1, message: "the file is empty: expected a header line")
        }
    }

    /// A food's measure, as `portions.csv` names it.
    private struct MeasureKey: Hashable {
        let food: Int
        let amount: Double
        let description: [UInt8]
    }

    /// Loads supplements from `supplements.csv` bytes. Their values are per unit (one
    /// softgel, one capsule); each becomes a food whose one measure is that unit.
    public static func loadSupplements(_ bytes: [UInt8], fileName: String,
                                       into table: inout FoodTable) throws(CSVError) {
        let reader = CSVReader(bytes: bytes, fileName: fileName)
        var header: CSVHeader?
        var columns: (id: Int, description: Int, unit: Int, unitGrams: Int, values: [Int]) = (0, 0, 0, 0, [])
        var row = [Double](repeating: .nan, count: FoodComponent.count)
        do {
            try reader.forEachRecord { record throws(CSVError) in
                guard let known = header else {
                    let parsed = try CSVHeader(record: record)
                    columns = (try parsed.position(of: "id"), try parsed.position(of: "description"),
                               try parsed.position(of: "unit"), try parsed.position(of: "unit_grams"),
                               try componentPositions(parsed))
                    header = parsed
                    return
                }
                try known.check(record)
                let id = try foodID(record, at: columns.id)
                guard let unitGrams = try positiveValue(record, at: columns.unitGrams, column: "unit_grams") else {
                    throw record.error(at: columns.unitGrams, "unit_grams is required")
                }
                let unit = try record.string(at: columns.unit)
                if unit.isEmpty { throw record.error(at: columns.unit, "the unit is empty") }
                for component in FoodComponent.allCases {
                    let position = columns.values[component.rawValue]
                    guard position >= 0 else { row[component.rawValue] = .nan; continue }
                    let perUnit = try checkedValue(record, at: position, column: component.column)
                    row[component.rawValue] = perUnit.map { $0 * 100 / unitGrams } ?? .nan
                }
                try record.withUTF8(at: columns.description) { description throws(CSVError) in
                    try checkDescription(description, of: record, at: columns.description)
                    do throws(FoodTableError) {
                        try table.append(id: id, descriptionUTF8: description, group: table.groupNumber(supplementGroup),
                                         source: .supplement, values: row)
                    } catch {
                        throw record.error(at: columns.id, error.description)
                    }
                }
                table.addPortion(Portion(amount: 1, description: unit, grams: unitGrams),
                                 toFoodAt: table.count - 1)
            }
        }
        if header == nil {
            throw CSVError(file: fileName, line: 1, column: 1, message: "the file is empty: expected a header line")
        }
    }

    /// Each component's column position; -1 for a column that may be absent and is
    /// (`FoodComponent.mayBeAbsent`: a file written before it existed).
    private static func componentPositions(_ header: CSVHeader) throws(CSVError) -> [Int] {
        try FoodComponent.allCases.map { component throws(CSVError) in
            if component.mayBeAbsent { return header.optionalPosition(of: component.column) ?? -1 }
            return try header.position(of: component.column)
        }
    }

    /// A food's description must say something, and not run on (see `maxDescriptionBytes`).
    private static func checkDescription(_ description: UnsafeBufferPointer<UInt8>, of record: borrowing CSVRecord,
                                         at index: Int) throws(CSVError) {
        if description.isEmpty { throw record.error(at: index, "the description is empty") }
        if description.count > maxDescriptionBytes {
            throw record.error(at: index,
                               "the description is \(description.count) bytes long; a food's description is at most \(maxDescriptionBytes)")
        }
    }

    private static func foodID(_ record: borrowing CSVRecord, at index: Int) throws(CSVError) -> String {
        try record.withUTF8(at: index) { id throws(CSVError) in
            if id.isEmpty { throw record.error(at: index, "the food id is empty") }
            // Bytes first: an ASCII id (every USDA one) needs no Unicode tables.
            var ascii = true, space = false
            for byte in id {
                if byte >= 0x80 { ascii = false } else if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { space = true }
            }
            if let control = id.firstIndex(where: { $0 < 0x20 || $0 == 0x7F }) {
                let hex = String(id[control], radix: 16, uppercase: true)
                throw record.error(at: index, "a food id may not hold a control character (U+\(String(repeating: "0", count: 4 - hex.count) + hex), byte \(control - id.startIndex + 1) of the id)")
            }
            let text = String(decoding: id, as: UTF8.self)
            if id.count > 64 || space || (!ascii && text.contains(where: \.isWhitespace)) {
                throw record.error(at: index, "a food id must be at most 64 characters with no spaces")
            }
            return text
        }
    }

    /// A value that must be a finite, non-negative number, or empty.
    static func checkedValue(_ record: borrowing CSVRecord, at index: Int,
                             column: String) throws(CSVError) -> Double? {
        guard let value = try record.number(at: index, column: column) else { return nil }
        if value < 0 { throw record.error(at: index, "\(column) cannot be negative (found \(Format.number(value, decimals: 6)))") }
        return value
    }

    /// A food component's value: finite, non-negative and no more than 100 g of food can
    /// hold (`limit`), or empty. The column's name is made only for an error: this runs
    /// for every value of the table.
    @inline(__always)
    static func checkedValue(_ record: borrowing CSVRecord, at index: Int, limit: Double,
                             component: FoodComponent) throws(CSVError) -> Double? {
        guard let value = try record.number(at: index, column: component.column) else { return nil }
        if value < 0 || value > limit {
            let column = component.column
            if value < 0 { throw record.error(at: index, "\(column) cannot be negative (found \(Format.number(value, decimals: 6)))") }
            throw record.error(at: index, "\(column) = \(Format.number(value)) is more than 100 g of food can hold")
        }
        return value
    }

    private static func positiveValue(_ record: borrowing CSVRecord, at index: Int,
                                      column: String) throws(CSVError) -> Double? {
        guard let value = try checkedValue(record, at: index, column: column) else { return nil }
        if value == 0 { throw record.error(at: index, "\(column) must be more than zero") }
        return value
    }

}

