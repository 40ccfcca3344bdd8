import GRDB
import NutrientModel

/// The journal's schema, as numbered migrations. A migration is never edited once
/// released: a change to the schema is a new migration at the end of the list.
enum JournalSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: profiles, entries, custom foods, target overrides") { db in
            try db.create(table: "profile") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull()
                t.column("sex", .text).check { $0 == nil || ["female", "male"].contains($0) }
                t.column("age_months", .integer).check { $0 == nil || ($0 >= 0 && $0 <= 1560) }
                t.column("condition", .text).notNull().defaults(to: "none")
                    .check { ["none", "pregnancy", "lactation"].contains($0) }
                t.column("created_at", .datetime).notNull()
            }
            try db.create(table: "entry") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("profile", onDelete: .cascade).notNull()
                t.column("date", .text).notNull()  // YYYY-MM-DD, the local day eaten
                t.column("meal", .text).notNull()
                    .check { ["breakfast", "lunch", "dinner", "snack"].contains($0) }
                t.column("food_id", .text).notNull()
                t.column("grams", .double).notNull().check { $0 > 0 }
                t.column("logged_at", .datetime).notNull()
            }
            try db.create(index: "entry_on_profile_date", on: "entry", columns: ["profileId", "date"])
            try db.create(table: "custom_food") { t in
                t.primaryKey("id", .text)
                t.column("description", .text).notNull()
                // The columns of v1; vitamin_e_ul_mg came with v4.
                for component in FoodComponent.allCases where component != .vitaminEUpperLimit {
                    t.column(component.column, .double).check { $0 == nil || $0 >= 0 }
                }
                t.column("created_at", .datetime).notNull()
            }
            try db.create(table: "custom_portion") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("custom_food", onDelete: .cascade).notNull()
                t.column("amount", .double).notNull().check { $0 > 0 }
                t.column("description", .text).notNull()
                t.column("grams", .double).notNull().check { $0 > 0 }
            }
            try db.create(table: "target_override") { t in
                t.belongsTo("profile", onDelete: .cascade).notNull()
                t.column("nutrient", .text).notNull()
                t.column("value", .double).notNull().check { $0 >= 0 }
                t.column("set_on", .text).notNull()
                t.primaryKey(["profileId", "nutrient"])
            }
            try db.create(table: "setting") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
        }
        migrator.registerMigration("v2: per-profile fat threshold and diets") { db in
            try db.alter(table: "profile") { t in
                t.add(column: "fat_threshold_g", .double).check { $0 == nil || ($0 >= 0 && $0 <= 100) }
                t.add(column: "diets", .text).notNull().defaults(to: "")  // diet keys, comma-separated
            }
        }
        migrator.registerMigration("v3: recipes and favourites") { db in
            try db.create(table: "recipe") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
                t.column("cooked_g", .double).notNull().check { $0 > 0 }
                t.column("servings", .double).notNull().defaults(to: 1).check { $0 > 0 }
                t.column("created_at", .datetime).notNull()
            }
            try db.create(table: "recipe_ingredient") { t in
                t.belongsTo("recipe", onDelete: .cascade).notNull()
                t.column("position", .integer).notNull()
                t.column("food_id", .text).notNull()
                t.column("grams", .double).notNull().check { $0 > 0 }
                t.primaryKey(["recipeId", "position"])
            }
            try db.create(table: "favourite") { t in
                t.belongsTo("profile", onDelete: .cascade).notNull()
                t.column("food_id", .text).notNull()
                t.column("added_at", .datetime).notNull()
                t.primaryKey(["profileId", "food_id"])
            }
        }
        migrator.registerMigration("v4: vitamin E counted toward the upper limit, prescribed foods") { db in
            // NULL for foods added before: absorb then counts their vitamin E by the
            // conservative rule for labels whose form is not given (UpperLimitRules).
            try db.alter(table: "custom_food") { t in
                t.add(column: FoodComponent.vitaminEUpperLimit.column, .double).check { $0 == nil || $0 >= 0 }
            }
            // Food ids a clinician prescribed the person, comma-separated, sorted.
            try db.alter(table: "profile") { t in
                t.add(column: "prescribed", .text).notNull().defaults(to: "")
            }
        }
        migrator.registerMigration("v5: entry measure, the household measure an entry was logged in") { db in
            // NULL for entries from before (and those logged in grams): they show grams.
            try db.alter(table: "entry") { t in
                t.add(column: "measure_amount", .double).check { $0 == nil || $0 > 0 }
                t.add(column: "measure_unit", .text)
            }
        }
        migrator.registerMigration("v6: check-ins, probiotics, each profile's scales") { db in
            // One check-in per profile and day: a second one that day updates it. A value
            // not recorded is NULL. The ranges are Data/checkin_scales.csv's, checked by
            // NutrientModel before a write (a migration cannot follow a data table).
            try db.create(table: "checkin") { t in
                t.belongsTo("profile", onDelete: .cascade).notNull()
                t.column("date", .text).notNull()  // YYYY-MM-DD, the day it is about
                t.column("itch", .integer).check { $0 == nil || $0 >= 0 }
                t.column("spots", .integer).check { $0 == nil || $0 >= 0 }
                t.column("poem", .text)  // the seven answers, comma-separated
                t.column("bristol", .integer).check { $0 == nil || $0 >= 0 }
                t.column("bloating", .integer).check { $0 == nil || $0 >= 0 }
                t.column("note", .text)
                t.column("checked_at", .datetime).notNull()
                t.primaryKey(["profileId", "date"])
            }
            try db.create(table: "probiotic") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("profile", onDelete: .cascade).notNull()
                t.column("date", .text).notNull()
                t.column("strain", .text).notNull()
                t.column("strain_id", .text)  // Data/probiotics.csv's id, or NULL for a label's strain
                t.column("cfu", .double).notNull().check { $0 > 0 }
                t.column("logged_at", .datetime).notNull()
            }
            try db.create(index: "probiotic_on_profile_date", on: "probiotic", columns: ["profileId", "date"])
            // The scales a clinician chose, comma-separated in CheckInScale order; "" until chosen.
            try db.alter(table: "profile") { t in
                t.add(column: "scales", .text).notNull().defaults(to: "")
            }
        }
        migrator.registerMigration("v7: trials, elimination and supplement trials of each profile") { db in
            // What a trial changes is `kind` (remove, add, supplement) and `value` (a diet key of
            // Data/diets.csv, or a food id); the weeks are Data/trials.csv's, checked by
            // NutrientModel before a write. `ended_on` is NULL while it runs as planned.
            try db.create(table: "trial") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("profile", onDelete: .cascade).notNull()
                t.column("name", .text).notNull()
                t.column("kind", .text).notNull().check { ["remove", "add", "supplement"].contains($0) }
                t.column("value", .text).notNull()
                t.column("start", .text).notNull()  // YYYY-MM-DD, the trial phase's first day
                t.column("weeks", .integer).notNull().check { $0 > 0 }
                t.column("reintroduce_weeks", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
                t.column("ended_on", .text)
                t.column("created_at", .datetime).notNull()
                t.uniqueKey(["profileId", "name"])
            }
        }
        migrator.registerMigration("v8: an index of entries by the time they were logged") { db in
            // The dashboard's recent foods are read newest first and stopped after 30 foods:
            // with this index that reads a few rows, whatever the length of the history.
            try db.create(index: "entry_on_profile_logged", on: "entry", columns: ["profileId", "logged_at"])
        }
        return migrator
    }
}
