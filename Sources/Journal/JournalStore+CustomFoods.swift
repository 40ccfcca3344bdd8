import Foundation
import GRDB
import NutrientModel

extension JournalStore {
    /// The group custom foods are shown in.
    public static let customFoodGroup = "Custom foods"

    /// The person's own foods, with their measures.
    public func customFoods() throws(JournalError) -> [Food] {
        try read { db in
            var portions: [String: [Portion]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM custom_portion ORDER BY id") {
                portions[row["custom_foodId"], default: []].append(
                    Portion(amount: row["amount"], description: row["description"], grams: row["grams"]))
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM custom_food ORDER BY id").map { row in
                var values = FoodValues([:])
                for component in FoodComponent.allCases {
                    values[component] = row[component.column] as Double?
                }
                let id: String = row["id"]
                return Food(id: id, description: row["description"], group: Self.customFoodGroup,
                            source: .custom, values: values, portions: portions[id] ?? [])
            }
        }
    }

    /// Saves a custom food with its measures in one transaction. Its id must start with
    /// `C` so it can never clash with a USDA number or a supplement.
    public func addCustomFood(_ food: Food) throws(JournalError) {
        try addCustomFoods([food])
    }

    /// Saves several custom foods in one transaction: all of them or none (an import).
    public func addCustomFoods(_ foods: [Food]) throws(JournalError) {
        for food in foods {
            guard food.id.hasPrefix("C"), food.id.count > 1, !food.id.contains(" ") else {
                throw JournalError(path: path, message: "a custom food's id must start with C and have no spaces (found \"\(food.id)\"); nothing was saved")
            }
        }
        try write { db in
            for food in foods {
                if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM custom_food WHERE id = ?)", arguments: [food.id]) == true {
                    throw JournalError(path: path, message: "there is already a custom food \(food.id); nothing was saved")
                }
                try Self.insertCustomFood(id: food.id, description: food.description, value: { food.values[$0] },
                                          portions: food.portions.map { ($0.amount, $0.description, $0.grams) },
                                          createdAt: Date(), db)
            }
        }
    }

    /// Inserts one custom food and its measures (the caller has checked the id is free).
    static func insertCustomFood(id: String, description: String, value: (FoodComponent) -> Double?,
                                 portions: [(amount: Double, description: String, grams: Double)],
                                 createdAt: any DatabaseValueConvertible, _ db: Database) throws {
        let columns = ["id", "description"] + FoodComponent.allCases.map(\.column) + ["created_at"]
        var arguments: [(any DatabaseValueConvertible)?] = [id, description]
        arguments += FoodComponent.allCases.map(value)
        arguments.append(createdAt)
        try db.execute(
            sql: "INSERT INTO custom_food (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))",
            arguments: StatementArguments(arguments))
        for portion in portions {
            try db.execute(
                sql: "INSERT INTO custom_portion (custom_foodId, amount, description, grams) VALUES (?, ?, ?, ?)",
                arguments: [id, portion.amount, portion.description, portion.grams])
        }
    }

    /// The next free custom id: C0001, C0002...
    public func nextCustomFoodID() throws(JournalError) -> String {
        try read { db in
            let ids = try String.fetchAll(db, sql: "SELECT id FROM custom_food")
            let highest = ids.compactMap { Int($0.dropFirst()) }.max() ?? 0
            return String(format: "C%04d", highest + 1)
        }
    }
}
