import Foundation
import NutrientModel

/// Everything a journal holds, as plain values: what `absorb export` writes and `absorb
/// import` reads, in JSON or CSV. Nothing is rounded or re-derived on the way: times keep
/// the journal's milliseconds, numbers their full precision, unknown values stay absent,
/// so an export imported into an empty journal exports again byte for byte.
public struct JournalArchive: Codable, Equatable, Sendable {
    /// The format's name, checked on import.
    public static let formatName = "absorb-journal"
    /// The format's version; a later absorb may write a higher one, which this one refuses.
    /// 1: no end. 2: an end with counts and a SHA-256 (`JournalArchive+Integrity.swift`).
    /// 3: check-ins, probiotics and each profile's scales, and the end counts them too.
    /// 4: each profile's trials, counted in the end.
    public static let currentVersion = 4

    public var format: String = JournalArchive.formatName
    public var version: Int = JournalArchive.currentVersion
    /// The first and last day of the entries, when the export was limited to a range.
    public var from: String?
    public var to: String?
    public var profiles: [Profile] = []
    public var customFoods: [CustomFood] = []
    public var recipes: [RecipeRecord] = []

    public init() {}

    enum CodingKeys: String, CodingKey {
        case format, version, from, to, profiles
        case customFoods = "custom_foods"
        case recipes
    }

    /// A profile with its targets, favourites and entries.
    public struct Profile: Codable, Equatable, Sendable {
        public var name: String
        public var sex: String?
        public var ageMonths: Int?
        public var condition: String
        public var fatThresholdGrams: Double?
        public var diets: [String]
        /// Food ids a clinician prescribed, sorted; absent when none (and in exports older
        /// than it, which still import).
        public var prescribed: [String]?
        /// Whether it was the active profile.
        public var active: Bool
        /// ISO 8601, UTC, as the journal keeps it.
        public var createdAt: String
        public var targets: [Target] = []
        public var favourites: [Favourite] = []
        public var entries: [EntryRecord] = []
        /// The check-in scales chosen, in `CheckInScale` order; absent when none were
        /// (and in exports before version 3).
        public var scales: [String]? = nil
        /// The check-ins, by day; absent when there are none.
        public var checkIns: [CheckInRecord]? = nil
        /// The probiotics taken, by day and time logged; absent when there are none.
        public var probiotics: [ProbioticRecord]? = nil
        /// The elimination and supplement trials, by start; absent when there are none
        /// (and in exports before version 4).
        public var trials: [TrialRecord]? = nil

        enum CodingKeys: String, CodingKey {
            case name, sex
            case ageMonths = "age_months"
            case condition
            case fatThresholdGrams = "fat_threshold_g"
            case diets, prescribed, active
            case createdAt = "created_at"
            case targets, favourites, entries
            case scales
            case checkIns = "check_ins"
            case probiotics
            case trials
        }
    }

    /// One trial: what it changes (`kind` remove, add or supplement; `value` a diet key or a
    /// food id), its start, weeks and reintroduction, and the day it was ended, if it was.
    public struct TrialRecord: Codable, Equatable, Sendable {
        public var name: String
        public var kind: String
        public var value: String
        public var start: String
        public var weeks: Int
        public var reintroduceWeeks: Int
        public var endedOn: String?
        public var createdAt: String

        enum CodingKeys: String, CodingKey {
            case name, kind, value, start, weeks
            case reintroduceWeeks = "reintroduce_weeks"
            case endedOn = "ended_on"
            case createdAt = "created_at"
        }
    }

    /// One day's check-in; a value not recorded is absent.
    public struct CheckInRecord: Codable, Equatable, Sendable {
        public var date: String
        public var itch: Int?
        public var spots: Int?
        /// The seven POEM answers, in question order.
        public var poem: [Int]?
        public var bristol: Int?
        public var bloating: Int?
        public var note: String?
        public var checkedAt: String

        enum CodingKeys: String, CodingKey {
            case date, itch, spots, poem, bristol, bloating, note
            case checkedAt = "checked_at"
        }
    }

    /// One probiotic dose.
    public struct ProbioticRecord: Codable, Equatable, Sendable, Hashable {
        public var date: String
        public var strain: String
        /// Data/probiotics.csv's id, absent for a strain given as a label names it.
        public var strainID: String?
        public var cfu: Double
        public var loggedAt: String

        enum CodingKeys: String, CodingKey {
            case date, strain
            case strainID = "strain_id"
            case cfu
            case loggedAt = "logged_at"
        }
    }

    /// A target a clinician set for a nutrient.
    public struct Target: Codable, Equatable, Sendable {
        public var nutrient: String
        public var value: Double
        public var setOn: String

        enum CodingKeys: String, CodingKey {
            case nutrient, value
            case setOn = "set_on"
        }
    }

    /// A food marked as a favourite.
    public struct Favourite: Codable, Equatable, Sendable {
        public var foodID: String
        public var addedAt: String

        enum CodingKeys: String, CodingKey {
            case foodID = "food_id"
            case addedAt = "added_at"
        }
    }

    /// One logged food.
    public struct EntryRecord: Codable, Equatable, Sendable, Hashable {
        public var date: String
        public var meal: String
        public var foodID: String
        public var grams: Double
        public var loggedAt: String
        /// The household measure it was logged in (v5 journals on): how many, and which
        /// measure. Absent in older archives and for entries logged in grams.
        public var measureAmount: Double? = nil
        public var measureUnit: String? = nil

        enum CodingKeys: String, CodingKey {
            case date, meal
            case foodID = "food_id"
            case grams
            case loggedAt = "logged_at"
            case measureAmount = "measure_amount"
            case measureUnit = "measure_unit"
        }
    }

    /// A food the person added, values per 100 g by `FoodComponent` column; a value that
    /// is unknown is absent.
    public struct CustomFood: Codable, Equatable, Sendable {
        public var id: String
        public var description: String
        public var values: [String: Double]
        public var portions: [PortionRecord]
        public var createdAt: String

        enum CodingKeys: String, CodingKey {
            case id, description, values, portions
            case createdAt = "created_at"
        }
    }

    /// A household measure of a custom food.
    public struct PortionRecord: Codable, Equatable, Sendable {
        public var amount: Double
        public var description: String
        public var grams: Double
    }

    /// A recipe with its ingredients.
    public struct RecipeRecord: Codable, Equatable, Sendable {
        public var id: String
        public var name: String
        public var cookedGrams: Double
        public var servings: Double
        public var createdAt: String
        public var ingredients: [Ingredient]

        enum CodingKeys: String, CodingKey {
            case id, name
            case cookedGrams = "cooked_g"
            case servings
            case createdAt = "created_at"
            case ingredients
        }
    }

    /// One ingredient of a recipe.
    public struct Ingredient: Codable, Equatable, Sendable {
        public var foodID: String
        public var grams: Double

        enum CodingKeys: String, CodingKey {
            case foodID = "food_id"
            case grams
        }
    }
}

/// Times as the journal stores them ("2026-11-24 09:30:00.125", UTC) and as an archive
/// writes them ("2026-11-24T09:30:00.125Z"): the same text, so nothing is lost.
enum ArchiveTime {
    // Both directions work on the bytes: Foundation's `replacingOccurrences` and
    // Character-by-Character parsing took 0.1 ms a time, and an import of a year's
    // entries reads thousands.
    static func archiveText(fromJournal text: String) -> String {
        String(decoding: text.utf8.map { $0 == UInt8(ascii: " ") ? UInt8(ascii: "T") : $0 }, as: UTF8.self) + "Z"
    }

    /// The instant a journal time (`YYYY-MM-DD HH:MM:SS`, optional `.` and 1–3 digits,
    /// UTC, as GRDB stores a `Date`) stands for, or `nil` if the text is not one. GRDB's
    /// own decoding goes through Foundation's `Calendar`, which loads ICU's calendar data
    /// on first use: milliseconds of a command's start for the first entry it reads.
    static func date(fromJournal text: String) -> Date? {
        var text = text
        return text.withUTF8 { date(fromJournalUTF8: $0) }
    }

    /// `date(fromJournal:)` of the text in these UTF-8 bytes (read from SQLite's own, with
    /// no `String` made).
    static func date(fromJournalUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard let time = parts(bytes, separator: UInt8(ascii: " ")) else { return nil }
        let seconds = time.date.dayNumber * 86_400 + time.hour * 3_600 + time.minute * 60 + time.second
        return Date(timeIntervalSince1970: Double(seconds) + Double(time.milliseconds) / 1_000)
    }

    /// The journal's text for an archive time, or `nil` if it is not one
    /// (`YYYY-MM-DDTHH:MM:SS`, optional `.` and 1–3 digits, then `Z`).
    static func journalText(fromArchive text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard bytes.last == UInt8(ascii: "Z"),
                  parts(UnsafeBufferPointer(rebasing: bytes.dropLast()), separator: UInt8(ascii: "T")) != nil else { return nil }
            var stored = Array(bytes.dropLast())  // the Z
            stored[10] = UInt8(ascii: " ")  // the T
            return String(decoding: stored, as: UTF8.self)
        }
    }

    /// A time written `YYYY-MM-DD`, `separator`, `HH:MM:SS`, then optionally `.` and 1–3
    /// digits of a second, checked as a real day and time: the one parser of both
    /// directions.
    private static func parts(_ bytes: UnsafeBufferPointer<UInt8>, separator: UInt8)
        -> (date: LocalDate, hour: Int, minute: Int, second: Int, milliseconds: Int)? {
        let count = bytes.count
        func number(_ start: Int, _ length: Int) -> Int? {
            var value = 0
            for i in start..<start + length {
                let digit = Int(bytes[i]) - 0x30
                guard digit >= 0 && digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard count >= 19, count != 20, count <= 23, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes[10] == separator, bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              hour < 24, minute < 60, second < 60,
              let date = LocalDate(year: year, month: month, day: day) else { return nil }
        var milliseconds = 0
        if count > 19 {
            guard bytes[19] == UInt8(ascii: "."), let fraction = number(20, count - 20) else { return nil }
            milliseconds = fraction * [1, 100, 10, 1][count - 20]
        }
        return (date, hour, minute, second, milliseconds)
    }
}
