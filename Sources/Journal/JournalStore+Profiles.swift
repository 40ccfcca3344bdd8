import Foundation
import GRDB
import NutrientModel

extension JournalStore {
    static let activeProfileKey = "active_profile"

    /// The profile in use. A first run creates the default profile (an adult whose sex
    /// and age are unset, so reports say the targets are defaults).
    public func activeProfile() throws(JournalError) -> StoredProfile {
        try write { db in
            if let text = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?",
                                              arguments: [Self.activeProfileKey]),
               let id = Int64(text), let profile = try Self.profile(id: id, db) {
                return profile
            }
            if let first = try Row.fetchOne(db, sql: "SELECT * FROM profile ORDER BY id LIMIT 1") {
                let profile = try Self.profile(from: first)
                try Self.setActive(profile.id, db)
                return profile
            }
            try db.execute(sql: "INSERT INTO profile (name, condition, created_at) VALUES (?, 'none', ?)",
                           arguments: [Self.defaultProfileName, Date()])
            let id = db.lastInsertedRowID
            try Self.setActive(id, db)
            return StoredProfile(id: id, profile: PersonProfile(name: Self.defaultProfileName))
        }
    }

    /// Every profile, by id.
    public func profiles() throws(JournalError) -> [StoredProfile] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM profile ORDER BY id").map(Self.profile(from:))
        }
    }

    /// Saves a profile's changes (it must be valid).
    public func updateProfile(_ stored: StoredProfile) throws(JournalError) {
        do { try stored.profile.validate() } catch {
            throw JournalError(path: path, message: "the profile was not saved: \(error.description)")
        }
        try write { db in
            try db.execute(
                sql: """
                    UPDATE profile SET name = ?, sex = ?, age_months = ?, condition = ?, fat_threshold_g = ?, diets = ?,
                    prescribed = ?, scales = ? WHERE id = ?
                    """,
                arguments: [stored.profile.name, stored.profile.sex?.rawValue, stored.profile.ageMonths,
                            stored.profile.condition.rawValue, stored.profile.fatThresholdGrams,
                            stored.profile.diets.sorted().joined(separator: ","),
                            Self.prescribedText(stored.profile.prescribed), Self.scalesText(stored.profile.scales), stored.id])
            if db.changesCount == 0 {
                throw JournalError(path: path, message: "there is no profile \(stored.id)")
            }
        }
    }

    /// Adds a profile and makes it the active one.
    @discardableResult
    public func addProfile(_ profile: PersonProfile) throws(JournalError) -> StoredProfile {
        do { try profile.validate() } catch {
            throw JournalError(path: path, message: "the profile was not saved: \(error.description)")
        }
        return try write { db in
            let id = try Self.insertProfile(name: profile.name, sex: profile.sex?.rawValue, ageMonths: profile.ageMonths,
                                            condition: profile.condition.rawValue, fatThresholdGrams: profile.fatThresholdGrams,
                                            diets: profile.diets.sorted(), prescribed: profile.prescribed.sorted(),
                                            scales: profile.scales, createdAt: Date(), db)
            try Self.setActive(id, db)
            return StoredProfile(id: id, profile: profile)
        }
    }

    /// Deletes a profile with its entries and targets (the foreign keys cascade). The last
    /// profile cannot be deleted; if the active one goes, the first remaining becomes active.
    public func removeProfile(id: Int64) throws(JournalError) {
        try write { db in
            guard try Self.profile(id: id, db) != nil else {
                throw JournalError(path: path, message: "there is no profile \(id)")
            }
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM profile") ?? 0 > 1 else {
                throw JournalError(path: path, message: "the last profile cannot be deleted: add another first")
            }
            try db.execute(sql: "DELETE FROM profile WHERE id = ?", arguments: [id])
            let active = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Self.activeProfileKey])
            if active == String(id), let first = try Int64.fetchOne(db, sql: "SELECT id FROM profile ORDER BY id LIMIT 1") {
                try Self.setActive(first, db)
            }
        }
    }

    /// Makes another profile the active one.
    public func activate(profileID: Int64) throws(JournalError) {
        try write { db in
            guard try Self.profile(id: profileID, db) != nil else {
                throw JournalError(path: path, message: "there is no profile \(profileID)")
            }
            try Self.setActive(profileID, db)
        }
    }

    /// The person's own targets, replacing the reference ones.
    public func targetOverrides(profileID: Int64) throws(JournalError) -> [TargetOverride] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT nutrient, value, set_on FROM target_override WHERE profileId = ? ORDER BY nutrient",
                             arguments: [profileID]).compactMap { row -> TargetOverride? in
                guard let nutrient = Nutrient(rawValue: row["nutrient"]),
                      let setOn = try? LocalDate(parsing: row["set_on"]) else { return nil }
                return TargetOverride(nutrient: nutrient, value: row["value"], setOn: setOn)
            }
        }
    }

    /// Sets (or replaces) the person's own target for a nutrient.
    public func setTargetOverride(_ override: TargetOverride, profileID: Int64) throws(JournalError) {
        guard override.value.isFinite, override.value >= 0 else {
            throw JournalError(path: path, message: "a target must be a number of zero or more")
        }
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO target_override (profileId, nutrient, value, set_on) VALUES (?, ?, ?, ?)
                    ON CONFLICT (profileId, nutrient) DO UPDATE SET value = excluded.value, set_on = excluded.set_on
                    """,
                arguments: [profileID, override.nutrient.rawValue, override.value, override.setOn.description])
        }
    }

    /// Removes the person's own target, going back to the reference; whether one existed.
    @discardableResult
    public func removeTargetOverride(_ nutrient: Nutrient, profileID: Int64) throws(JournalError) -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM target_override WHERE profileId = ? AND nutrient = ?",
                           arguments: [profileID, nutrient.rawValue])
            return db.changesCount > 0
        }
    }

    /// Inserts a profile row; its id.
    static func insertProfile(name: String, sex: String?, ageMonths: Int?, condition: String, fatThresholdGrams: Double?,
                              diets: [String], prescribed: [String], scales: [CheckInScale] = [],
                              createdAt: any DatabaseValueConvertible, _ db: Database) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO profile (name, sex, age_months, condition, fat_threshold_g, diets, prescribed, scales, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [name, sex, ageMonths, condition, fatThresholdGrams, diets.joined(separator: ","),
                        prescribedText(Set(prescribed)), scalesText(scales), createdAt])
        return db.lastInsertedRowID
    }

    /// The `prescribed` column's text: the food ids, sorted, comma-separated.
    static func prescribedText(_ ids: Set<String>) -> String { ids.sorted().joined(separator: ",") }

    /// The `scales` column's text: the scales, in `CheckInScale` order, comma-separated.
    static func scalesText(_ scales: [CheckInScale]) -> String {
        Set(scales).sorted().map(\.rawValue).joined(separator: ",")
    }

    /// The scales of a `scales` column (a name this absorb does not know is left out).
    static func scales(_ text: String?) -> [CheckInScale] {
        Set((text ?? "").split(separator: ",").compactMap { CheckInScale(rawValue: String($0)) }).sorted()
    }

    /// The food ids of a `prescribed` column.
    static func prescribedIDs(_ text: String?) -> Set<String> {
        Set((text ?? "").split(separator: ",").map(String.init))
    }

    static func setActive(_ id: Int64, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            arguments: [activeProfileKey, String(id)])
    }

    static func profile(id: Int64, _ db: Database) throws -> StoredProfile? {
        try Row.fetchOne(db, sql: "SELECT * FROM profile WHERE id = ?", arguments: [id]).map(profile(from:))
    }

    static func profile(from row: Row) throws -> StoredProfile {
        let sexText: String? = row["sex"]
        let conditionText: String = row["condition"]
        return StoredProfile(
            id: row["id"],
            profile: PersonProfile(
                name: row["name"], sex: sexText.flatMap(Sex.init(rawValue:)), ageMonths: row["age_months"],
                condition: PhysiologicalCondition(rawValue: conditionText) ?? .none,
                fatThresholdGrams: row["fat_threshold_g"],
                diets: Set((row["diets"] as String? ?? "").split(separator: ",").map(String.init)),
                prescribed: prescribedIDs(row["prescribed"]), scales: scales(row["scales"])))
    }
}
