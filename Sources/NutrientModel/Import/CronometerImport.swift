/// What a Cronometer export becomes in absorb: the person's own foods and the entries that
/// log them. Pure: the command puts it in the journal (all or nothing) after checking it
/// as it checks any import.
///
/// - Each distinct food name becomes one food of the person's own. Its values per gram
///   come from its first row whose amount is a weight (`150.00 g`, `3.00 oz`); a row of
///   the same food in another unit (`1.00 cup`) weighs what its figures say: its energy
///   (else fat, else the first figure both rows have above 0) over the food's per gram.
///   That unit becomes a measure of the food (`1 cup` = 240 g).
/// - A food none of whose rows gives a weight (or a unit whose weight nothing tells)
///   becomes one food per distinct amount, named "Name, 1.00 serving", logged as one
///   serving. absorb gives that serving a weight, 100 g (more if its figures need it, fat
///   at most 100 g in 100 g), so that its figures are the serving's exactly.
/// - A food absorb already has from an earlier import (the same id: the name's stable
///   hash) is used as it is, so a later export that overlaps an earlier one logs the
///   same foods at the same weights, and the journal's import adds only the new rows.
public struct CronometerImport: Sendable {
    /// One entry to log.
    public struct Entry: Sendable, Equatable {
        /// The row's line in the file.
        public let line: Int
        /// The day it was eaten.
        public let date: LocalDate
        /// Its meal (`CronometerImport.meal(group:minuteOfDay:meals:)`).
        public let meal: Meal
        /// The food of the person's own it logs.
        public let foodID: String
        /// Its weight: the amount's, or what its figures say, or the serving's.
        public let grams: Double
        /// The row's day and time as written (Cronometer gives no time zone), noon when
        /// the row has no time: `2026-07-16T08:05:00.000Z`. The same row always gives the same.
        public let loggedAt: String
    }

    /// A food of the person's own the import makes or uses.
    public struct PlannedFood: Sendable, Equatable {
        /// The food, values per 100 g (the journal's own when it was there already).
        public let food: Food
        /// True when the journal already has it (from an earlier import).
        public let alreadyThere: Bool
        /// The line of the row its values come from.
        public let line: Int
        /// How its values were found.
        public let basis: Basis
        /// The USDA food with exactly this name, if there is one (absorb keeps Cronometer's figures).
        public let usdaMatch: String?
        /// The components the file gave it a value for.
        public var components: [FoodComponent] {
            FoodComponent.allCases.filter { food.values[$0] != nil }
        }
    }

    /// How a food's values were found.
    public enum Basis: Sendable, Equatable {
        /// From a row that states its weight in grams (or ounces, pounds).
        case perGram
        /// From one serving whose weight the file does not give.
        case serving
    }

    /// The foods, in the order of their first row.
    public let foods: [PlannedFood]
    /// The entries, in file order.
    public let entries: [Entry]

    /// The weight absorb gives a serving whose weight Cronometer does not state.
    public static let servingGrams = 100.0

    /// The plan for `export`: `existing` are the journal's own foods (to reuse an earlier
    /// import's), `usdaIDsByName` the bundled foods by lower-cased description. Errors
    /// name the row and column: a figure more than food can hold, an entry heavier than
    /// `maxEntryGrams`.
    public init(_ export: CronometerExport, units: UnitTable, meals: MealTable, existing: [Food],
                usdaIDsByName: [String: String], maxEntryGrams: Double) throws(CSVError) {
        let existingByID = Dictionary(existing.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var foods: [PlannedFood] = []
        var foodIndexByID: [String: Int] = [:]
        var usedIDs = Set<String>()
        func fail(_ row: CronometerExport.Row, _ message: String) -> CSVError {
            CSVError(file: export.fileName, line: row.line, column: row.amountColumn, message: message)
        }
        /// A free id for `key`: the stable hash of it, unless the journal or this import
        /// gives that id to a food of another name.
        func id(for key: String, description: String) -> String {
            let base = "CR" + String(Self.stableHash(key) & 0xFF_FFFF_FFFF, radix: 16, uppercase: true)
            var candidate = base
            var suffix = 2
            while (existingByID[candidate].map { $0.description != description } ?? false)
                    || (usedIDs.contains(candidate) && foods[foodIndexByID[candidate]!].food.description != description) {
                candidate = "\(base)-\(suffix)"
                suffix += 1
            }
            return candidate
        }
        func grams(of row: CronometerExport.Row) -> Double? {
            guard let unit = units.massUnit(named: row.unit), let perUnit = unit.grams else { return nil }
            return row.quantity * perUnit
        }
        func checkedPer100(_ values: [FoodComponent: Double], grams: Double, row: CronometerExport.Row) throws(CSVError) -> [FoodComponent: Double] {
            var per100: [FoodComponent: Double] = [:]
            for (component, value) in values {
                let scaled = value * 100 / grams
                guard scaled <= component.physicalLimitPer100g else {
                    throw fail(row, "\(row.foodName): \(Format.number(value, decimals: 2)) \(component.unit) of \(component.label) in \(Format.number(grams, decimals: 2)) g is more than food can hold")
                }
                per100[component] = scaled
            }
            return per100
        }
        let usdaMatch = { (name: String) -> String? in usdaIDsByName[name.lowercased()] }

        // The rows of each food, by name, in order of first appearance.
        var order: [String] = []
        var rowsByName: [String: [CronometerExport.Row]] = [:]
        for row in export.rows {
            if rowsByName[row.foodName] == nil { order.append(row.foodName) }
            rowsByName[row.foodName, default: []].append(row)
        }

        /// Each row's food and weight, by line.
        var placed: [Int: (foodID: String, grams: Double)] = [:]
        for name in order {
            let rows = rowsByName[name]!
            var servingRows: [CronometerExport.Row] = []
            if let reference = rows.first(where: { grams(of: $0) != nil }) {
                let foodID = id(for: name, description: name)
                let food: Food
                let alreadyThere: Bool
                if let there = existingByID[foodID] {
                    food = there
                    alreadyThere = true
                } else {
                    let referenceGrams = grams(of: reference)!
                    let per100 = try checkedPer100(reference.values, grams: referenceGrams, row: reference)
                    // Each other unit weighs what its first row's figures say.
                    var portions: [Portion] = []
                    var seenUnits = Set<String>()
                    for row in rows where grams(of: row) == nil && seenUnits.insert(row.unit.lowercased()).inserted {
                        if let weight = Self.weight(of: row, per100: per100) {
                            portions.append(Portion(amount: 1, description: row.unit, grams: weight / row.quantity))
                        }
                    }
                    food = Food(id: foodID, description: name, group: "Custom foods", source: .custom,
                                values: FoodValues(per100), portions: portions)
                    alreadyThere = false
                }
                for row in rows {
                    var weight = grams(of: row)
                    if weight == nil {
                        if let portion = food.portions.first(where: { $0.description.lowercased() == row.unit.lowercased() }) {
                            weight = row.quantity * portion.gramsPerUnit
                        } else {
                            weight = Self.weight(of: row, per100: Dictionary(uniqueKeysWithValues: FoodComponent.allCases.compactMap { c in food.values[c].map { (c, $0) } }))
                        }
                    }
                    guard let weight else {
                        servingRows.append(row)
                        continue
                    }
                    placed[row.line] = (foodID, weight)
                }
                if !usedIDs.contains(foodID) {
                    usedIDs.insert(foodID)
                    foodIndexByID[foodID] = foods.count
                    foods.append(PlannedFood(food: food, alreadyThere: alreadyThere, line: reference.line, basis: .perGram,
                                             usdaMatch: usdaMatch(name)))
                }
            } else {
                servingRows = rows
            }
            // One food per distinct amount, logged as one serving.
            for row in servingRows {
                let description = "\(name), \(row.amountText)"
                let foodID = id(for: name + "\u{1F}" + row.amountText, description: description)
                if let index = foodIndexByID[foodID] {
                    placed[row.line] = (foodID, foods[index].food.portions.first?.grams ?? Self.servingGrams)
                    continue
                }
                let food: Food
                let alreadyThere: Bool
                if let there = existingByID[foodID] {
                    food = there
                    alreadyThere = true
                } else {
                    // 100 g, or the least weight at which every figure is one food can hold.
                    var weight = Self.servingGrams
                    for (component, value) in row.values {
                        weight = max(weight, (value * 100 / component.physicalLimitPer100g / 100).rounded(.up) * 100)
                    }
                    guard weight <= maxEntryGrams else {
                        throw fail(row, "\(name) (\(row.amountText)): its figures are more than \(Format.grouped(maxEntryGrams)) g of food can hold")
                    }
                    let per100 = try checkedPer100(row.values, grams: weight, row: row)
                    food = Food(id: foodID, description: description, group: "Custom foods", source: .custom,
                                values: FoodValues(per100), portions: [Portion(amount: 1, description: "serving", grams: weight)])
                    alreadyThere = false
                }
                usedIDs.insert(foodID)
                foodIndexByID[foodID] = foods.count
                foods.append(PlannedFood(food: food, alreadyThere: alreadyThere, line: row.line, basis: .serving,
                                         usdaMatch: usdaMatch(name)))
                placed[row.line] = (foodID, food.portions.first?.grams ?? Self.servingGrams)
            }
        }

        var entries: [Entry] = []
        for row in export.rows {
            let (foodID, grams) = placed[row.line]!
            guard grams.isFinite, grams > 0, grams <= maxEntryGrams else {
                throw fail(row, "Amount: \(row.amountText) of \(row.foodName) is \(Format.grouped(grams)) g, more than \(Format.grouped(maxEntryGrams)) g: too much to be real")
            }
            let minute = row.minuteOfDay ?? 12 * 60
            let meal = Self.meal(group: row.group, minuteOfDay: row.minuteOfDay, meals: meals)
            let loggedAt = "\(row.date)T\(Self.twoDigits(minute / 60)):\(Self.twoDigits(minute % 60)):00.000Z"
            entries.append(Entry(line: row.line, date: row.date, meal: meal, foodID: foodID, grams: grams, loggedAt: loggedAt))
        }
        self.foods = foods
        self.entries = entries
    }

    /// A row's weight from its figures and the food's per 100 g: its energy, else fat, else
    /// the first component both have above 0; `nil` if none does.
    static func weight(of row: CronometerExport.Row, per100: [FoodComponent: Double]) -> Double? {
        let preferred: [FoodComponent] = [.energy, .fat] + FoodComponent.allCases.filter { $0 != .energy && $0 != .fat }
        for component in preferred {
            if let value = row.values[component], let density = per100[component], value > 0, density > 0 {
                return value / density * 100
            }
        }
        return nil
    }

    /// Cronometer's group as an absorb meal: Breakfast, Lunch, Dinner, Snack(s) by name;
    /// another name ("Uncategorized", one the person chose) or none by the time of day
    /// (`Data/meals.csv`), else a snack.
    public static func meal(group: String?, minuteOfDay: Int?, meals: MealTable) -> Meal {
        if let group {
            switch group.lowercased() {
            case "breakfast": return .breakfast
            case "lunch": return .lunch
            case "dinner", "supper": return .dinner
            case "snack", "snacks": return .snack
            default: break
            }
        }
        if let minuteOfDay { return meals.defaultMeal(atMinuteOfDay: minuteOfDay) }
        return .snack
    }

    /// FNV-1a (64 bits) of the text's UTF-8: the same on every machine and build, so a
    /// food's id is the same in every import of it. Its own, so that ids never change with
    /// another hash absorb uses elsewhere.
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
