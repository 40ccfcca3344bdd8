import Foundation
import GRDB
import NutrientModel

/// Undo and redo of the dashboard: each puts the journal back from one state to another,
/// in one transaction, only where it still finds the state it expects. What another
/// process changed since is left as it is and reported.
extension JournalStore {
    /// Whether two entries say the same thing (the time logged is not compared: SQLite
    /// keeps it to the millisecond).
    static func sameEntry(_ a: Entry, _ b: Entry) -> Bool {
        a.id == b.id && a.date == b.date && a.meal == b.meal && a.foodID == b.foodID && abs(a.grams - b.grams) < 1e-9
            && a.measure == b.measure
    }

    /// Removes `remove` (each must be there as it is), puts back `insert` with their ids
    /// (none may be there) and turns each `change.from` into `change.to` (each must be as
    /// `from`), all or nothing. Returns the ids of the entries that were not as expected:
    /// empty when the change was made, else nothing was changed.
    public func applyEntryChange(profileID: Int64, remove: [Entry], insert: [Entry],
                                 change: [(from: Entry, to: Entry)]) throws(JournalError) -> [Int64] {
        try write { db in
            func current(_ id: Int64) throws -> Entry? {
                try Row.fetchOne(db, sql: "SELECT \(Self.entryColumns) FROM entry WHERE id = ? AND profileId = ?", arguments: [id, profileID])
                    .flatMap(Self.entry(from:))
            }
            var conflicts: [Int64] = []
            for entry in remove {
                guard let now = try current(entry.id), Self.sameEntry(now, entry) else { conflicts.append(entry.id); continue }
            }
            for entry in insert where try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM entry WHERE id = ?)",
                                                        arguments: [entry.id]) == true {
                conflicts.append(entry.id)
            }
            for (from, _) in change {
                guard let now = try current(from.id), Self.sameEntry(now, from) else { conflicts.append(from.id); continue }
            }
            guard conflicts.isEmpty else { return conflicts }
            for entry in remove {
                try db.execute(sql: "DELETE FROM entry WHERE id = ? AND profileId = ?", arguments: [entry.id, profileID])
            }
            for entry in insert {
                guard entry.grams.isFinite, entry.grams > 0 else {
                    throw JournalError(path: path, message: "an entry must weigh more than 0 g; nothing was saved")
                }
                try db.execute(
                    sql: """
                        INSERT INTO entry (id, profileId, date, meal, food_id, grams, logged_at, measure_amount, measure_unit)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [entry.id, profileID, entry.date.description, entry.meal.rawValue, entry.foodID,
                                entry.grams, entry.loggedAt, entry.measure?.amount, entry.measure?.unit])
            }
            for (_, to) in change {
                try db.execute(sql: "UPDATE entry SET grams = ?, meal = ?, measure_amount = ?, measure_unit = ? WHERE id = ? AND profileId = ?",
                               arguments: [to.grams, to.meal.rawValue, to.measure?.amount, to.measure?.unit, to.id, profileID])
            }
            return []
        }
    }

    /// Saves `to` over a profile only if it is still `from`; whether it was.
    public func replaceProfile(_ from: StoredProfile, with to: StoredProfile) throws(JournalError) -> Bool {
        do { try to.profile.validate() } catch {
            throw JournalError(path: path, message: "the profile was not saved: \(error.description)")
        }
        let changed: Bool = try write { db in
            guard let now = try Self.profile(id: from.id, db), now == from else { return false }
            return true
        }
        guard changed else { return false }
        try updateProfile(to)
        return true
    }

    /// Removes a custom food added in this session, only if nothing uses it (no entry of
    /// any profile, no recipe, no favourite) and it is still there; whether it was removed.
    public func removeCustomFood(_ food: Food) throws(JournalError) -> Bool {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM custom_food WHERE id = ?)", arguments: [food.id]) == true
            else { return false }
            for (table, column) in [("entry", "food_id"), ("recipe_ingredient", "food_id"), ("favourite", "food_id")] where try db.tableExists(table) {
                if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \"\(table)\" WHERE \(column) = ?)", arguments: [food.id]) == true {
                    return false
                }
            }
            try db.execute(sql: "DELETE FROM custom_portion WHERE custom_foodId = ?", arguments: [food.id])
            try db.execute(sql: "DELETE FROM custom_food WHERE id = ?", arguments: [food.id])
            return true
        }
    }

    /// Puts back a custom food undo removed, with its id; false if the id is taken.
    public func restoreCustomFood(_ food: Food) throws(JournalError) -> Bool {
        let taken = try read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM custom_food WHERE id = ?)", arguments: [food.id]) == true
        }
        guard !taken else { return false }
        try addCustomFood(food)
        return true
    }

    /// Removes a profile added in this session, only if it is still as it was added and has
    /// no entries, targets or favourites; whether it was removed. `activating` becomes active.
    public func removeAddedProfile(_ stored: StoredProfile, activating other: Int64) throws(JournalError) -> Bool {
        try write { db in
            guard let now = try Self.profile(id: stored.id, db), now == stored else { return false }
            for table in ["entry", "target_override", "favourite"] {
                let exists = try db.tableExists(table)
                if exists, try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \"\(table)\" WHERE profileId = ?)",
                                              arguments: [stored.id]) == true { return false }
            }
            try db.execute(sql: "DELETE FROM profile WHERE id = ?", arguments: [stored.id])
            try Self.setActive(other, db)
            return true
        }
    }

    /// Puts back a profile removed by undo, with its id, and makes it active; false if the
    /// id is taken.
    public func restoreProfile(_ stored: StoredProfile) throws(JournalError) -> Bool {
        do { try stored.profile.validate() } catch {
            throw JournalError(path: path, message: "the profile was not saved: \(error.description)")
        }
        return try write { db in
            guard try Self.profile(id: stored.id, db) == nil else { return false }
            let person = stored.profile
            let id = try Self.insertProfile(name: person.name, sex: person.sex?.rawValue, ageMonths: person.ageMonths,
                                            condition: person.condition.rawValue, fatThresholdGrams: person.fatThresholdGrams,
                                            diets: person.diets.sorted(), prescribed: person.prescribed.sorted(),
                                            createdAt: Date(), db)
            try db.execute(sql: "UPDATE profile SET id = ? WHERE id = ?", arguments: [stored.id, id])
            try Self.setActive(stored.id, db)
            return true
        }
    }

    /// Marks a food as a favourite of a profile, or unmarks it, only if it is now the other;
    /// whether it was.
    public func changeFavourite(_ foodID: String, to favourite: Bool, profileID: Int64) throws(JournalError) -> Bool {
        try write { db in
            let now = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM favourite WHERE profileId = ? AND food_id = ?)",
                                        arguments: [profileID, foodID]) == true
            guard now != favourite else { return false }
            if favourite {
                try db.execute(sql: "INSERT INTO favourite (profileId, food_id, added_at) VALUES (?, ?, ?)",
                               arguments: [profileID, foodID, Self.timestamp(Date())])
            } else {
                try db.execute(sql: "DELETE FROM favourite WHERE profileId = ? AND food_id = ?", arguments: [profileID, foodID])
            }
            return true
        }
    }

    /// Makes profile `to` active, only if `from` is the active one and `to` is still there;
    /// whether it was.
    public func switchActiveProfile(from: Int64, to: Int64) throws(JournalError) -> Bool {
        guard try activeProfile().id == from else { return false }
        let there = try read { db in try Self.profile(id: to, db) != nil }
        guard there else { return false }
        try activate(profileID: to)
        return true
    }
}
