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
        guard food.id.hasPrefix("C"), food.id.count > 1, !food.id.contains(" ") else {
            throw JournalError(path: path, message: "a custom food's id must start with C and have no spaces (found \"\(food.id)\")")
        }
        try write { db in
            let columns = ["id", "description"] + FoodComponent.allCases.map(\.column) + ["created_at"]
            var arguments: [(any DatabaseValueConvertible)?] = [food.id, food.description]
            arguments += FoodComponent.allCases.map { food.values[$0] }
            arguments.append(Date())
            try db.execute(
                sql: "INSERT INTO custom_food (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))",
                arguments: StatementArguments(arguments))
            for portion in food.portions {
                try db.execute(
                    sql: "INSERT INTO custom_portion (custom_foodId, amount, description, grams) VALUES (?, ?, ?, ?)",
                    arguments: [food.id, portion.amount, portion.description, portion.grams])
            }
        }
    }
}
