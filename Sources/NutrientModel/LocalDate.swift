import Foundation

/// A calendar day with no time or time zone: the day a meal was eaten.
public struct LocalDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The year, e.g. 2026.
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day of the month, 1–31.
    public let day: Int

    /// A date, or `nil` if the day does not exist (2026-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= LocalDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, refusing days that do not exist.
    public init(parsing text: String) throws(DateParseError) {
        // The journal's own dates (ten years are 36,500 of them) take the short way: ten
        // ASCII bytes, digits and two dashes, and a real day. Anything else is read below,
        // which says what is wrong.
        if let date = Self.fastISO(text) {
            self = date
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else {
            throw DateParseError(text: text, reason: "expected a date as YYYY-MM-DD, like 2026-11-24")
        }
        guard (1...12).contains(month) else {
            throw DateParseError(text: text, reason: "there is no month \(month)")
        }
        guard year >= 1 else {
            throw DateParseError(text: text, reason: "there is no year 0: the year must be 1 or later, as in 2026-11-24")
        }
        guard let date = LocalDate(year: year, month: month, day: day) else {
            throw DateParseError(
                text: text,
                reason: "\(LocalDate.monthNames[month - 1]) \(year) has \(LocalDate.daysIn(month: month, year: year)) days")
        }
        self = date
    }

    /// `YYYY-MM-DD` read from its bytes, or `nil` for anything else (left to the full reader).
    private static func fastISO(_ text: String) -> LocalDate? {
        var text = text
        return text.withUTF8 { LocalDate(isoUTF8: $0) }
    }

    /// A real day written `YYYY-MM-DD` in these UTF-8 bytes, or `nil` for any other bytes
    /// (a journal reads its dates from SQLite's bytes, with no `String` made for them;
    /// `init(parsing:)` reads such bytes the same and says what is wrong with others).
    public init?(isoUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let digit = Int(bytes[i]) - 48
                guard digit >= 0, digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0..<4), year >= 1, let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Today in the machine's time zone (or `timeZone`).
    public static func today(in timeZone: TimeZone? = nil) -> LocalDate {
        from(Date(), timeZone: timeZone)
    }

    /// The calendar day of an instant in the machine's time zone (`TZ`, else
    /// `/etc/localtime`), or in `timeZone`.
    ///
    /// The machine's zone is asked of the C library (`localtime_r`), not of Foundation's
    /// `Calendar`, which loads ICU's calendar data first: a few milliseconds of every
    /// command's start for one date.
    public static func from(_ instant: Date, timeZone: TimeZone? = nil) -> LocalDate {
        let seconds = Int((instant.timeIntervalSince1970).rounded(.down))
        let offset = timeZone?.secondsFromGMT(for: instant) ?? LocalClock.offsetFromUTC(atSecond: seconds)
        let local = seconds + offset
        return LocalDate(dayNumber: local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    /// Days since 1970-01-01 (Howard Hinnant's days-from-civil).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = month
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date of a day number (the inverse of `dayNumber`).
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` days later (earlier if negative).
    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// Whole days from `self` to `other`.
    public func days(to other: LocalDate) -> Int { other.dayNumber - dayNumber }

    /// 0 = Monday … 6 = Sunday.
    public var weekday: Int { ((dayNumber % 7) + 7 + 3) % 7 }

    /// `2026-11-24`.
    public var description: String {
        // By hand: `String(format:)` goes through Foundation's formatter, and an import or
        // a year's report makes one of these per entry. Ten ASCII bytes written into a
        // string small enough to need no allocation (a year has at most four digits).
        if (0...9999).contains(year) {
            return String(unsafeUninitializedCapacity: 10) { bytes in
                func write(_ value: Int, digits: Int, at start: Int) {
                    var value = value
                    for i in (start..<start + digits).reversed() {
                        bytes[i] = UInt8(ascii: "0") + UInt8(value % 10)
                        value /= 10
                    }
                }
                write(year, digits: 4, at: 0)
                bytes[4] = UInt8(ascii: "-")
                write(month, digits: 2, at: 5)
                bytes[7] = UInt8(ascii: "-")
                write(day, digits: 2, at: 8)
                return 10
            }
        }
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
    }

    /// "Tue 24 Nov 2026".
    public var longDescription: String {
        let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        return "\(weekdays[weekday]) \(day) \(LocalDate.monthNames[month - 1].prefix(3)) \(year)"
    }

    /// Earlier dates compare lower.
    /// Compared by year, month and day, which orders real days as their day numbers do,
    /// without working the numbers out (reports compare every entry's date).
    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Encoded as its `YYYY-MM-DD` text.
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try LocalDate(parsing: text)
    }

    /// Encodes as `YYYY-MM-DD`.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A date a person typed that is not a real date.
public struct DateParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was typed.
    public let text: String
    /// Why it is not a date.
    public let reason: String
    /// `"2026-02-30" is not a date: February 2026 has 28 days`.
    public var description: String { "\"\(text)\" is not a date: \(reason)" }
}

/// An inclusive range of days.
public struct DateRange: Hashable, Sendable {
    /// The first day.
    public let from: LocalDate
    /// The last day, included.
    public let to: LocalDate

    /// A range; `from` must not be after `to`.
    public init(from: LocalDate, to: LocalDate) {
        precondition(from <= to, "a date range must not end before it starts")
        self.from = from
        self.to = to
    }

    /// A single day.
    public init(day: LocalDate) { self.init(from: day, to: day) }

    /// The number of days in the range.
    public var dayCount: Int { from.days(to: to) + 1 }

    /// Whether a day is in the range.
    public func contains(_ date: LocalDate) -> Bool { from <= date && date <= to }
}

/// The machine's local time, from the C library.
public enum LocalClock {
    /// Seconds east of UTC in the machine's time zone at `second` (since 1970, UTC).
    public static func offsetFromUTC(atSecond second: Int) -> Int {
        var time = time_t(second)
        var parts = tm()
        guard localtime_r(&time, &parts) != nil else { return 0 }
        return Int(parts.tm_gmtoff)
    }

    /// The minute of the local day (0–1439) of an instant.
    public static func minuteOfDay(_ instant: Date = Date()) -> Int {
        let second = Int((instant.timeIntervalSince1970).rounded(.down))
        let secondOfDay = ((second + offsetFromUTC(atSecond: second)) % 86_400 + 86_400) % 86_400
        return secondOfDay / 60
    }
}
