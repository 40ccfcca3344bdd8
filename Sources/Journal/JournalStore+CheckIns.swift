import Foundation
import GRDB
import NutrientModel

/// A probiotic dose as the journal keeps it, with its id.
public struct StoredProbiotic: Sendable, Equatable {
    public let id: Int64
    public let dose: ProbioticDose
}

extension JournalStore {
    /// Saves a day's check-in, checked against `scales` first: the first of the day is
    /// added, a second one the same day updates the values it gives (the others stay).
    /// Returns the day's check-in as saved, and whether it updated one already there.
    @discardableResult
    public func saveCheckIn(_ checkIn: CheckIn, profileID: Int64, scales: CheckInScales) throws(JournalError) -> (checkIn: CheckIn, updated: Bool) {
        do { try scales.validate(checkIn) } catch {
            throw JournalError(path: path, message: "the check-in was not saved: \(error.description)")
        }
        guard !checkIn.isEmpty else {
            throw JournalError(path: path, message: "the check-in was not saved: it records nothing (give at least one scale or a note)")
        }
        return try write { db in
            let existing = try Row.fetchOne(db, sql: "SELECT * FROM checkin WHERE profileId = ? AND date = ?",
                                            arguments: [profileID, checkIn.date.description]).flatMap(Self.checkIn(from:))
            let saved = existing.map { $0.updated(with: checkIn) } ?? checkIn
            try db.execute(
                sql: """
                    INSERT INTO checkin (profileId, date, itch, spots, poem, bristol, bloating, note, checked_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (profileId, date) DO UPDATE SET itch = excluded.itch, spots = excluded.spots,
                    poem = excluded.poem, bristol = excluded.bristol, bloating = excluded.bloating, note = excluded.note,
                    checked_at = excluded.checked_at
                    """,
                arguments: [profileID, saved.date.description, saved.itch, saved.spots, CheckIn.poemText(saved.poemAnswers),
                            saved.bristol, saved.bloating, saved.note, Date()])
            return (saved, existing != nil)
        }
    }

    /// The profile's check-ins, by day (only those of `range`, if given).
    public func checkIns(profileID: Int64, in range: DateRange? = nil) throws(JournalError) -> [CheckIn] {
        try read { db in
            var sql = "SELECT * FROM checkin WHERE profileId = ?"
            var arguments: StatementArguments = [profileID]
            if let range {
                sql += " AND date BETWEEN ? AND ?"
                arguments += [range.from.description, range.to.description]
            }
            return try Row.fetchAll(db, sql: sql + " ORDER BY date", arguments: arguments).compactMap(Self.checkIn(from:))
        }
    }

    /// Removes a day's check-in; whether there was one.
    @discardableResult
    public func removeCheckIn(profileID: Int64, date: LocalDate) throws(JournalError) -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM checkin WHERE profileId = ? AND date = ?", arguments: [profileID, date.description])
            return db.changesCount > 0
        }
    }

    /// Removes every check-in and probiotic of a profile (the demo's reset).
    public func removeAllCheckIns(profileID: Int64) throws(JournalError) {
        try write { db in
            try db.execute(sql: "DELETE FROM checkin WHERE profileId = ?", arguments: [profileID])
            try db.execute(sql: "DELETE FROM probiotic WHERE profileId = ?", arguments: [profileID])
        }
    }

    /// Logs a probiotic dose; its id.
    @discardableResult
    public func addProbiotic(_ dose: ProbioticDose, profileID: Int64) throws(JournalError) -> StoredProbiotic {
        guard dose.cfu.isFinite, dose.cfu >= 1, dose.cfu <= ProbioticDose.maxCFU else {
            throw JournalError(path: path, message: "the probiotic was not saved: its CFU must be 1 to 10 trillion")
        }
        guard !dose.strain.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw JournalError(path: path, message: "the probiotic was not saved: it needs a strain")
        }
        return try write { db in
            try db.execute(sql: "INSERT INTO probiotic (profileId, date, strain, strain_id, cfu, logged_at) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [profileID, dose.date.description, dose.strain, dose.strainID, dose.cfu, Date()])
            return StoredProbiotic(id: db.lastInsertedRowID, dose: dose)
        }
    }

    /// The profile's probiotic doses, by day and time logged (only those of `range`).
    public func probiotics(profileID: Int64, in range: DateRange? = nil) throws(JournalError) -> [StoredProbiotic] {
        try read { db in
            var sql = "SELECT * FROM probiotic WHERE profileId = ?"
            var arguments: StatementArguments = [profileID]
            if let range {
                sql += " AND date BETWEEN ? AND ?"
                arguments += [range.from.description, range.to.description]
            }
            return try Row.fetchAll(db, sql: sql + " ORDER BY date, logged_at, id", arguments: arguments).compactMap { row in
                guard let date = try? LocalDate(parsing: row["date"]) else { return nil }
                return StoredProbiotic(id: row["id"], dose: ProbioticDose(date: date, strain: row["strain"], strainID: row["strain_id"], cfu: row["cfu"]))
            }
        }
    }

    /// Removes a probiotic dose of the profile; whether there was one.
    @discardableResult
    public func removeProbiotic(id: Int64, profileID: Int64) throws(JournalError) -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM probiotic WHERE id = ? AND profileId = ?", arguments: [id, profileID])
            return db.changesCount > 0
        }
    }

    /// A check-in row as a value (`nil` for a row whose date is not one).
    static func checkIn(from row: Row) -> CheckIn? {
        guard let date = try? LocalDate(parsing: row["date"]) else { return nil }
        let poem: String? = row["poem"]
        return CheckIn(date: date, itch: row["itch"], spots: row["spots"],
                       poemAnswers: poem.map { $0.split(separator: ",").compactMap { Int($0) } },
                       bristol: row["bristol"], bloating: row["bloating"], note: row["note"])
    }
}
