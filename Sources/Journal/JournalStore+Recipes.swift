import Foundation
import GRDB
import NutrientModel

extension JournalStore {
    /// The person's recipes, by id (the order they were made in, so a recipe that uses an
    /// earlier one comes after it).
    public func recipes() throws(JournalError) -> [Recipe] {
        try read { db in
            var ingredients: [String: [Recipe.Ingredient]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM recipe_ingredient ORDER BY recipeId, position") {
                ingredients[row["recipeId"], default: []].append(
                    Recipe.Ingredient(foodID: row["food_id"], grams: row["grams"]))
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM recipe ORDER BY id").map { row in
                let id: String = row["id"]
                return Recipe(id: id, name: row["name"], ingredients: ingredients[id] ?? [],
                              cookedGrams: row["cooked_g"], servings: row["servings"])
            }
        }
    }

    /// Saves a recipe with its ingredients in one transaction. The caller has checked that
    /// it makes a food (`Recipe.food(in:)`); the id must be new.
    public func addRecipe(_ recipe: Recipe) throws(JournalError) {
        do { try recipe.validate() } catch {
            throw JournalError(path: path, message: "\(error.description); nothing was saved")
        }
        try write { db in try Self.insert(recipe, createdAt: Self.timestamp(Date()), db, path: path) }
    }

    static func insert(_ recipe: Recipe, createdAt: String, _ db: Database, path: String) throws {
        if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM recipe WHERE id = ?)", arguments: [recipe.id]) == true {
            throw JournalError(path: path, message: "there is already a recipe \(recipe.id); nothing was saved")
        }
        try db.execute(sql: "INSERT INTO recipe (id, name, cooked_g, servings, created_at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [recipe.id, recipe.name, recipe.cookedGrams, recipe.servings, createdAt])
        for (position, ingredient) in recipe.ingredients.enumerated() {
            try db.execute(
                sql: "INSERT INTO recipe_ingredient (recipeId, position, food_id, grams) VALUES (?, ?, ?, ?)",
                arguments: [recipe.id, position, ingredient.foodID, ingredient.grams])
        }
    }

    /// The next free recipe id: R0001, R0002...
    public func nextRecipeID() throws(JournalError) -> String {
        try read { db in
            let ids = try String.fetchAll(db, sql: "SELECT id FROM recipe")
            let highest = ids.compactMap { Int($0.dropFirst()) }.max() ?? 0
            return String(format: "R%04d", highest + 1)
        }
    }

    // MARK: Favourites

    /// The profile's favourite foods, in the order they were marked.
    public func favourites(profileID: Int64) throws(JournalError) -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT food_id FROM favourite WHERE profileId = ? ORDER BY added_at, food_id",
                                arguments: [profileID])
        }
    }

    /// Marks a food as a favourite of the profile, or unmarks it; whether it is one now.
    @discardableResult
    public func setFavourite(_ foodID: String, _ favourite: Bool, profileID: Int64) throws(JournalError) -> Bool {
        try write { db in
            if favourite {
                try db.execute(sql: "INSERT OR IGNORE INTO favourite (profileId, food_id, added_at) VALUES (?, ?, ?)",
                               arguments: [profileID, foodID, Self.timestamp(Date())])
            } else {
                try db.execute(sql: "DELETE FROM favourite WHERE profileId = ? AND food_id = ?", arguments: [profileID, foodID])
            }
            return favourite
        }
    }

    /// A moment as the journal stores it: UTC, to the millisecond ("2026-11-24 09:30:00.125"),
    /// the text GRDB writes for a `Date`.
    static func timestamp(_ date: Date) -> String {
        String.fromDatabaseValue(date.databaseValue) ?? ""
    }
}
