import Foundation
import GRDB
import GRDBSQLite
import NutrientModel

extension JournalStore {
    /// Saves an entry in one transaction and returns it with its id.
    @discardableResult
    public func addEntry(profileID: Int64, date: LocalDate, meal: Meal, foodID: String, grams: Double,
                         loggedAt: Date = Date(), measure: LoggedMeasure? = nil) throws(JournalError) -> Entry {
        guard grams.isFinite, grams > 0 else {
            throw JournalError(path: path, message: "an entry must weigh more than 0 g; nothing was saved")
        }
        return try write { db in
            try db.execute(
                sql: """
                    INSERT INTO entry (profileId, date, meal, food_id, grams, logged_at, measure_amount, measure_unit)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [profileID, date.description, meal.rawValue, foodID, grams, loggedAt, measure?.amount, measure?.unit])
            return Entry(id: db.lastInsertedRowID, date: date, meal: meal, foodID: foodID, grams: grams,
                         loggedAt: loggedAt, measure: measure)
        }
    }

    /// Saves several entries in one transaction: all of them or none.
    public func addEntries(profileID: Int64, _ entries: [(date: LocalDate, meal: Meal, foodID: String, grams: Double)],
                           loggedAt: Date = Date(), measures: [LoggedMeasure?] = []) throws(JournalError) -> [Entry] {
        try write { db in
            // One statement, compiled once and bound per entry; the shared time formatted once.
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO entry (profileId, date, meal, food_id, grams, logged_at, measure_amount, measure_unit)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let loggedAtValue = loggedAt.databaseValue
            return try entries.enumerated().map { index, item in
                guard item.grams.isFinite, item.grams > 0 else {
                    throw JournalError(path: path, message: "an entry must weigh more than 0 g; nothing was saved")
                }
                let measure = index < measures.count ? measures[index] : nil
                try insert.execute(arguments: [profileID, item.date.description, item.meal.rawValue, item.foodID, item.grams, loggedAtValue,
                                               measure?.amount, measure?.unit])
                return Entry(id: db.lastInsertedRowID, date: item.date, meal: item.meal, foodID: item.foodID,
                             grams: item.grams, loggedAt: loggedAt, measure: measure)
            }
        }
    }

    /// The profile's entries from `range`, by date, meal and time logged.
    public func entries(profileID: Int64, in range: DateRange) throws(JournalError) -> [Entry] {
        try fetchEntries(where: "profileId = ? AND date BETWEEN ? AND ?",
                         arguments: [profileID, range.from.description, range.to.description])
    }

    /// Every entry of the profile, by date, meal and time logged (exports and the profile's
    /// count; the dashboard reads only the days it shows).
    public func entries(profileID: Int64) throws(JournalError) -> [Entry] {
        try fetchEntries(where: "profileId = ?", arguments: [profileID])
    }

    /// The latest entry of each of the `limit` foods the profile logged most recently,
    /// newest first (by the time logged): the dashboard's "recently used" foods and the
    /// amount it offers for them. Read backwards by the index on the time logged and
    /// stopped at `limit` foods, so its cost does not grow with the history.
    public func recentEntries(profileID: Int64, limit: Int) throws(JournalError) -> [Entry] {
        try read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT \(Self.entryColumns) FROM entry WHERE profileId = ?
                    ORDER BY logged_at DESC, id DESC
                    """,
                arguments: [profileID])
            var seen: Set<String> = []
            var latest: [Entry] = []
            while latest.count < limit, let row = try rows.next() {
                guard let entry = Self.entry(from: row), seen.insert(entry.foodID).inserted else { continue }
                latest.append(entry)
            }
            return latest
        }
    }

    /// For each food the profile logged from `since` on, the number of days it was logged
    /// (read by the date index: the last 90 days are a few hundred entries).
    public func daysLogged(profileID: Int64, since: LocalDate) throws(JournalError) -> [String: Int] {
        try read { db in
            var days: [String: Int] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT food_id, COUNT(DISTINCT date) FROM entry WHERE profileId = ? AND date >= ? GROUP BY food_id
                """, arguments: [profileID, since.description])
            while let row = try rows.next() { days[row[0]] = row[1] }
            return days
        }
    }

    /// SQLite's `data_version` of this connection: it changes only when another connection
    /// (another absorb) has committed to the journal since it was last read, and costs no
    /// read of any table. An idle dashboard asks this, and only then the fingerprint.
    public func externalChangeCounter() throws(JournalError) -> Int {
        // Asked every 400 ms by an idle dashboard: no transaction around it (the pragma
        // needs none) and its statement compiled once.
        do {
            return try database.unsafeRead { db in try Int.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0 }
        } catch {
            throw JournalError(path: path, message: "could not be read: \(Self.describe(error))")
        }
    }

    /// A cheap fingerprint of the profile's entries: it changes when another process adds,
    /// changes or removes one, so an open dashboard can notice and reload.
    /// With a range, only the entries of those days count (read by the date index: the
    /// dashboard's days, whatever the length of the history).
    public func entriesFingerprint(profileID: Int64, in range: DateRange? = nil) throws(JournalError) -> [Double] {
        try read { db in
            let dates = range == nil ? "" : " AND date BETWEEN ? AND ?"
            var arguments: StatementArguments = [profileID]
            if let range { arguments += [range.from.description, range.to.description] }
            guard let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*), COALESCE(MAX(id), 0), TOTAL(grams), TOTAL(id * length(meal)), TOTAL(id * grams)
                    FROM entry WHERE profileId = ?\(dates)
                    """,
                arguments: arguments) else { return [] }
            return (0..<5).map { row[$0] as Double? ?? 0 }
        }
    }

    /// Entries in the order of a day: by date, meal, time logged and id.
    static let entryOrder = """
        ORDER BY date, CASE meal WHEN 'breakfast' THEN 0 WHEN 'lunch' THEN 1 WHEN 'dinner' THEN 2 ELSE 3 END, logged_at, id
        """

    /// The columns an entry is read from, in the order `entry(from:)` reads them by position.
    static let entryColumns = "id, date, meal, food_id, grams, logged_at, measure_amount, measure_unit"

    private func fetchEntries(where condition: String, arguments: StatementArguments) throws(JournalError) -> [Entry] {
        try read { db in
            // Read in the order of the index on (profile, date), which is by date and id, and
            // each day put in `entryOrder` here: SQLite sorting every day's rows by meal and
            // time cost a third of reading ten years. A time that is not text of at most
            // `OrderKey.maximumTimeBytes` (never written by absorb) is ordered by SQLite.
            if let entries = try Self.entries(in: db, where: condition, arguments: arguments, order: "ORDER BY date, id") {
                return entries
            }
            return try Self.entries(in: db, where: condition, arguments: arguments, order: Self.entryOrder) ?? []
        }
    }

    /// The entries of the rows `condition` selects, read in `order`; with an order other
    /// than `entryOrder`, each day's are put in `entryOrder`, or `nil` is returned if a
    /// row's time cannot be ordered here.
    private static func entries(in db: Database, where condition: String, arguments: StatementArguments,
                                order: String) throws -> [Entry]? {
        // A cursor over the rows, each read by position from SQLite's statement while the
        // cursor is on it: no row copied, no column looked up by name, no `String` made
        // for a date, a meal or a time (ten years are 36,500 rows).
        let statement = try db.makeStatement(sql: "SELECT \(entryColumns) FROM entry WHERE \(condition) \(order)")
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        let ordersDays = order != entryOrder
        var entries: [Entry] = [], keys: [OrderKey] = []
        var dayStart = 0
        var last = LastRead()
        while let row = try rows.next() {
            let sqlite = statement.sqliteStatement
            guard let entry = entry(from: sqlite, row: row, last: &last) else { continue }
            if ordersDays {
                guard let key = OrderKey(sqlite, entry: entry) else { return nil }
                if !entries.isEmpty, entries[entries.count - 1].date != entry.date {
                    putInOrder(&entries, keys: &keys, from: dayStart)
                    dayStart = entries.count
                }
                keys.append(key)
            }
            entries.append(entry)
        }
        if ordersDays { putInOrder(&entries, keys: &keys, from: dayStart) }
        return entries
    }

    /// Sorts the entries from `start` on (one day's, read by id) by `keys`, as SQLite
    /// sorts by `entryOrder`'s meal, time and id.
    private static func putInOrder(_ entries: inout [Entry], keys: inout [OrderKey], from start: Int) {
        let day = start..<entries.count
        guard day.count > 1, !zip(keys[day], keys[day].dropFirst()).allSatisfy({ $0 < $1 }) else { return }
        if day.count <= 32 {
            // A day's few entries: by insertion, moving entries in their buffer without
            // copying them (an array's own `swapAt` copies, retaining their text).
            entries.withUnsafeMutableBufferPointer { entries in
                keys.withUnsafeMutableBufferPointer { keys in
                    for next in day.dropFirst() {
                        var position = next
                        while position > start, keys[position] < keys[position - 1] {
                            keys.swapAt(position, position - 1)
                            entries.swapAt(position, position - 1)
                            position -= 1
                        }
                    }
                }
            }
            return
        }
        let order = day.sorted { keys[$0] < keys[$1] }
        let dayEntries = order.map { entries[$0] }, dayKeys = order.map { keys[$0] }
        entries.replaceSubrange(day, with: dayEntries)
        keys.replaceSubrange(day, with: dayKeys)
    }

    /// What `entryOrder` sorts a day's rows by: the meal's place in the day, the time as
    /// SQLite compares text (its bytes, then its length: here the bytes zero-padded, then
    /// the length, which orders the same), and the id.
    struct OrderKey: Comparable {
        /// The longest time text ordered here (absorb writes 23 bytes).
        static let maximumTimeBytes = 32
        let meal: Int
        let time: (UInt64, UInt64, UInt64, UInt64)
        let timeLength: Int
        let id: Int64

        /// The key of the row `statement` is on (of `entryColumns`, read as `entry`), or
        /// `nil` if its time is not text of at most `maximumTimeBytes` bytes.
        init?(_ statement: SQLiteStatement, entry: Entry) {
            guard sqlite3_column_type(statement, 5) == SQLITE_TEXT, let start = sqlite3_column_text(statement, 5) else { return nil }
            let count = Int(sqlite3_column_bytes(statement, 5))
            guard count <= Self.maximumTimeBytes else { return nil }
            // The bytes zero-padded to 32, read as four big-endian words (compared as numbers,
            // they order as the bytes do).
            var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(start: start, count: count)) }
            let (w0, w1, w2, w3) = (UInt64(bigEndian: words.0), UInt64(bigEndian: words.1),
                                    UInt64(bigEndian: words.2), UInt64(bigEndian: words.3))
            // `entryOrder`'s CASE: breakfast 0, lunch 1, dinner 2, anything else 3.
            switch entry.meal {
            case .breakfast: meal = 0
            case .lunch: meal = 1
            case .dinner: meal = 2
            case .snack: meal = 3
            }
            time = (w0, w1, w2, w3)
            timeLength = count
            id = entry.id
        }

        static func < (lhs: OrderKey, rhs: OrderKey) -> Bool {
            let left = (lhs.meal, lhs.time.0, lhs.time.1, lhs.time.2, lhs.time.3)
            let right = (rhs.meal, rhs.time.0, rhs.time.1, rhs.time.2, rhs.time.3)
            return left != right ? left < right : (lhs.timeLength, lhs.id) < (rhs.timeLength, rhs.id)
        }

        static func == (lhs: OrderKey, rhs: OrderKey) -> Bool { !(lhs < rhs) && !(rhs < lhs) }
    }

    /// Removes every entry of the profile (the demo's restore); how many there were.
    @discardableResult
    public func removeAllEntries(profileID: Int64) throws(JournalError) -> Int {
        try write { db in
            try db.execute(sql: "DELETE FROM entry WHERE profileId = ?", arguments: [profileID])
            return db.changesCount
        }
    }

    /// Removes one of the profile's entries; the removed entry, or `nil` if there was none.
    public func removeEntry(id: Int64, profileID: Int64) throws(JournalError) -> Entry? {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT \(Self.entryColumns) FROM entry WHERE id = ? AND profileId = ?",
                                             arguments: [id, profileID]) else { return nil }
            try db.execute(sql: "DELETE FROM entry WHERE id = ?", arguments: [id])
            return Self.entry(from: row)
        }
    }

    /// Changes an entry's amount and meal (its food, day and time logged stay); the entry
    /// as saved. Throws if the profile has no such entry: it may have been deleted elsewhere.
    @discardableResult
    public func updateEntry(_ entry: Entry, profileID: Int64) throws(JournalError) -> Entry {
        guard entry.grams.isFinite, entry.grams > 0 else {
            throw JournalError(path: path, message: "an entry must weigh more than 0 g; nothing was changed")
        }
        return try write { db in
            try db.execute(sql: "UPDATE entry SET grams = ?, meal = ?, measure_amount = ?, measure_unit = ? WHERE id = ? AND profileId = ?",
                           arguments: [entry.grams, entry.meal.rawValue, entry.measure?.amount, entry.measure?.unit, entry.id, profileID])
            guard db.changesCount == 1 else {
                throw JournalError(path: path, message: "entry \(entry.id) is no longer in the journal; nothing was changed")
            }
            return entry
        }
    }

    /// Puts a deleted entry back as it was, with its id and time logged (undo). An entry
    /// that is already there is left as it is.
    @discardableResult
    public func restoreEntry(_ entry: Entry, profileID: Int64) throws(JournalError) -> Entry {
        try write { db in
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO entry (id, profileId, date, meal, food_id, grams, logged_at, measure_amount, measure_unit)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [entry.id, profileID, entry.date.description, entry.meal.rawValue, entry.foodID,
                            entry.grams, entry.loggedAt, entry.measure?.amount, entry.measure?.unit])
            return entry
        }
    }

    /// `entry(from:)` of the row `statement` (of `entryColumns`) is on, read with SQLite's
    /// own functions as GRDB reads them (text as `String(cString:)` reads it), dates, meals
    /// and times from their bytes; `row` is the same row, for a time that is not the
    /// journal's text, which GRDB decodes.
    static func entry(from statement: SQLiteStatement, row: Row, last: inout LastRead) -> Entry? {
        func text(_ column: Int32) -> UnsafeBufferPointer<UInt8>? {
            guard let start = sqlite3_column_text(statement, column) else { return nil }
            return UnsafeBufferPointer(start: start, count: strlen(UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self)))
        }
        guard let dateText = text(1), let mealText = text(2), let foodID = sqlite3_column_text(statement, 3),
              let meal = Self.mealTexts.first(where: { $0.text.elementsEqual(mealText) })?.meal else {
            return nil
        }
        // The rows come a day at a time, and often many with one time: text the same as the
        // previous row's is not read again.
        let date: LocalDate
        let dateWords = LastRead.words(dateText)
        if let dateWords, let previous = last.date, previous.words == dateWords {
            date = previous.date
        } else {
            guard let read = LocalDate(isoUTF8: dateText) ?? (try? LocalDate(parsing: String(decoding: dateText, as: UTF8.self))) else {
                return nil
            }
            date = read
            last.date = dateWords.map { ($0, read) }
        }
        let loggedAt: Date
        let timeText = text(5)
        let timeWords = timeText.flatMap(LastRead.words)
        if let timeWords, let previous = last.time, previous.words == timeWords {
            loggedAt = previous.date
        } else if let timeText, let read = ArchiveTime.date(fromJournalUTF8: timeText) {
            loggedAt = read
            last.time = timeWords.map { ($0, read) }
        } else {
            loggedAt = row[5]
        }
        var measure: LoggedMeasure?
        if sqlite3_column_type(statement, 6) != SQLITE_NULL, let unit = sqlite3_column_text(statement, 7) {
            measure = LoggedMeasure(amount: sqlite3_column_double(statement, 6), unit: String(cString: unit))
        }
        return Entry(id: sqlite3_column_int64(statement, 0), date: date, meal: meal, foodID: String(cString: foodID),
                     grams: sqlite3_column_double(statement, 4), loggedAt: loggedAt, measure: measure)
    }

    /// The previous row's date and time as read, with their text.
    struct LastRead {
        typealias Words = (UInt64, UInt64, UInt64, UInt64, Int)
        var date: (words: Words, date: LocalDate)?
        var time: (words: Words, date: Date)?

        /// Text of at most 32 bytes as four words and its length (equal text, equal words),
        /// or `nil` for longer text.
        static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> Words? {
            guard bytes.count <= 32 else { return nil }
            var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
            return (words.0, words.1, words.2, words.3, bytes.count)
        }
    }

    /// Each meal's text as stored, as bytes.
    private static let mealTexts = Meal.allCases.map { (meal: $0, text: Array($0.rawValue.utf8)) }

    /// An entry from a row of `entryColumns`, read by position.
    static func entry(from row: Row) -> Entry? {
        guard let date = try? LocalDate(parsing: row[1]), let meal = Meal(rawValue: row[2]) else {
            return nil
        }
        // The time as stored is read by hand (see `ArchiveTime.date`); anything else, by GRDB.
        let loggedAt = (row[5] as String?).flatMap(ArchiveTime.date(fromJournal:)) ?? row[5]
        let amount: Double? = row[6], unit: String? = row[7]
        let measure = amount.flatMap { amount in unit.map { LoggedMeasure(amount: amount, unit: $0) } }
        return Entry(id: row[0], date: date, meal: meal, foodID: row[3], grams: row[4], loggedAt: loggedAt, measure: measure)
    }
}
