/// A meal an entry belongs to.
public enum Meal: String, CaseIterable, Sendable, Codable, Comparable {
    case breakfast, lunch, dinner, snack

    /// Meals in the order of a day.
    public static func < (lhs: Meal, rhs: Meal) -> Bool {
        lhs.position < rhs.position
    }

    /// The meal's place in the day (its place in `allCases`), without searching
    /// `allCases` (reports compare every entry's meal).
    private var position: Int {
        switch self {
        case .breakfast: 0
        case .lunch: 1
        case .dinner: 2
        case .snack: 3
        }
    }
}

/// The meals' labels and the hours an entry defaults to each, from `Data/meals.csv`.
public struct MealTable: Sendable {
    /// A meal's label and default hours (minutes after midnight; `until` exclusive).
    public struct Row: Sendable, Equatable {
        /// The meal.
        public let meal: Meal
        /// Its label ("Breakfast").
        public let label: String
        /// From this minute of the day...
        public let from: Int
        /// ...until this one (may be less than `from`: the range wraps past midnight).
        public let until: Int
    }

    /// The rows, in file order.
    public let rows: [Row]

    /// Reads `meals.csv`.
    public init(bytes: [UInt8], fileName: String) throws(CSVError) {
        var rows: [Row] = []
        var header: CSVHeader?
        var columns = (meal: 0, label: 0, from: 0, until: 0)
        try CSVReader(bytes: bytes, fileName: fileName).forEachRecord { record throws(CSVError) in
            guard let known = header else {
                let parsed = try CSVHeader(record: record)
                columns = (try parsed.position(of: "meal"), try parsed.position(of: "label"),
                           try parsed.position(of: "default_from"), try parsed.position(of: "default_until"))
                header = parsed
                return
            }
            try known.check(record)
            let name = try record.string(at: columns.meal)
            guard let meal = Meal(rawValue: name) else {
                throw record.error(at: columns.meal,
                                   "unknown meal \"\(name)\": expected one of \(Meal.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            rows.append(Row(meal: meal, label: try record.string(at: columns.label),
                            from: try Self.minutes(record, at: columns.from),
                            until: try Self.minutes(record, at: columns.until)))
        }
        for meal in Meal.allCases where !rows.contains(where: { $0.meal == meal }) {
            throw CSVError(file: fileName, line: 1, column: 1, message: "the meal \"\(meal.rawValue)\" has no row")
        }
        self.rows = rows
    }

    private static func minutes(_ record: borrowing CSVRecord, at index: Int) throws(CSVError) -> Int {
        let text = try record.string(at: index)
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0..<24).contains(hour), (0..<60).contains(minute) else {
            throw record.error(at: index, "\"\(text)\" is not a time: expected HH:MM")
        }
        return hour * 60 + minute
    }

    /// The label of a meal.
    public func label(of meal: Meal) -> String {
        rows.first { $0.meal == meal }?.label ?? meal.rawValue.capitalized
    }

    /// The meal an entry logged at this minute of the day belongs to by default.
    public func defaultMeal(atMinuteOfDay minute: Int) -> Meal {
        for row in rows {
            let inside = row.from <= row.until
                ? (row.from <= minute && minute < row.until)
                : (minute >= row.from || minute < row.until)
            if inside { return row.meal }
        }
        return .snack
    }
}
