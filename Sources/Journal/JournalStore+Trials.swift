import Foundation
import GRDB
import NutrientModel

extension JournalStore {
    /// Saves a new trial of a profile, after `check` (NutrientData.checkTrial) accepts it
    /// beside the profile's trials as they are inside the write: two commands starting
    /// trials at once cannot both pass the overlap rule.
    public func addTrial(_ trial: Trial, profileID: Int64,
                         check: ([Trial]) throws(TrialError) -> Void) throws(JournalError) {
        var refusal: TrialError?
        try write { db in
            let existing = try Self.trials(db, profileID: profileID)
            do { try check(existing) } catch {
                refusal = (error as? TrialError) ?? TrialError("\(error)")
                return
            }
            try db.execute(
                sql: """
                    INSERT INTO trial (profileId, name, kind, value, start, weeks, reintroduce_weeks, ended_on, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [profileID, trial.name, trial.kind.key, trial.kind.value, trial.start.description, trial.weeks,
                            trial.reintroduceWeeks, trial.endedOn?.description, Date()])
        }
        if let refusal { throw JournalError(path: path, message: "the trial was not saved: \(refusal.description)") }
    }

    /// The profile's trials, by start.
    public func trials(profileID: Int64) throws(JournalError) -> [Trial] {
        try read { db in try Self.trials(db, profileID: profileID) }
    }

    /// Ends a trial on `day` (it stops there; a day before its start is taken as its start
    /// less a day: it never began). Returns the trial as ended, or `nil` when the profile has no
    /// trial of that name.
    @discardableResult
    public func endTrial(named name: String, on day: LocalDate, profileID: Int64) throws(JournalError) -> Trial? {
        try write { db in
            guard var trial = try Self.trials(db, profileID: profileID).first(where: { $0.name == name }) else { return nil }
            trial.endedOn = day
            try db.execute(sql: "UPDATE trial SET ended_on = ? WHERE profileId = ? AND name = ?",
                           arguments: [day.description, profileID, name])
            return trial
        }
    }

    /// Takes out a trial started in this session (undo), only if it is still as it was
    /// started; whether it was taken out.
    public func removeTrial(_ trial: Trial, profileID: Int64) throws(JournalError) -> Bool {
        try write { db in
            guard try Self.trials(db, profileID: profileID).first(where: { $0.name == trial.name }) == trial else { return false }
            try db.execute(sql: "DELETE FROM trial WHERE profileId = ? AND name = ?", arguments: [profileID, trial.name])
            return true
        }
    }

    /// Puts back a trial undo took out (redo), only if no trial of the profile has its name
    /// or shares a day with it now; whether it was put back.
    public func restoreTrial(_ trial: Trial, profileID: Int64) throws(JournalError) -> Bool {
        var restored = false
        do {
            try addTrial(trial, profileID: profileID) { existing throws(TrialError) in
                guard !existing.contains(where: { $0.name.lowercased() == trial.name.lowercased() || $0.overlaps(trial) }) else {
                    throw TrialError("changed since")
                }
                restored = true
            }
        } catch {
            if restored { throw error }
            return false
        }
        return restored
    }

    /// Sets a trial's end day back or again (undo or redo of ending it), only if the trial is
    /// still as `from`; whether it was changed.
    public func replaceTrial(_ from: Trial, with to: Trial, profileID: Int64) throws(JournalError) -> Bool {
        try write { db in
            guard from.name == to.name,
                  try Self.trials(db, profileID: profileID).first(where: { $0.name == from.name }) == from else { return false }
            try db.execute(sql: "UPDATE trial SET ended_on = ? WHERE profileId = ? AND name = ?",
                           arguments: [to.endedOn?.description, profileID, to.name])
            return true
        }
    }

    /// Removes every trial of a profile (the demo's reset).
    public func removeAllTrials(profileID: Int64) throws(JournalError) {
        try write { db in try db.execute(sql: "DELETE FROM trial WHERE profileId = ?", arguments: [profileID]) }
    }

    static func trials(_ db: Database, profileID: Int64) throws -> [Trial] {
        try Row.fetchAll(db, sql: "SELECT * FROM trial WHERE profileId = ? ORDER BY start, id", arguments: [profileID])
            .compactMap(trial(from:))
    }

    /// A trial row as a value (`nil` for a row whose date or kind is not one).
    static func trial(from row: Row) -> Trial? {
        guard let start = try? LocalDate(parsing: row["start"]), let kind = TrialKind(key: row["kind"], value: row["value"]) else {
            return nil
        }
        let ended: String? = row["ended_on"]
        return Trial(name: row["name"], kind: kind, start: start, weeks: row["weeks"], reintroduceWeeks: row["reintroduce_weeks"],
                     endedOn: ended.flatMap { try? LocalDate(parsing: $0) })
    }
}
