/// A figure a person sets beside the skin and gut scales: a nutrient, or a gut figure.
public enum GutFigure: Sendable, Hashable {
    case nutrient(Nutrient)
    /// Fibre, g.
    case fibre
    /// Fermented servings.
    case fermentedServings
    /// Prebiotic servings.
    case prebioticServings
    /// Probiotic CFU taken, in billions.
    case probioticBillions

    /// Every figure, in the order a screen cycles through them.
    public static let all: [GutFigure] = Nutrient.allCases.map { .nutrient($0) } + [.fibre, .fermentedServings, .prebioticServings, .probioticBillions]

    /// The name shown.
    public var name: String {
        switch self {
        case .nutrient(let nutrient): nutrient.shortName
        case .fibre: "Fibre"
        case .fermentedServings: "Fermented servings"
        case .prebioticServings: "Prebiotic servings"
        case .probioticBillions: "Probiotic CFU"
        }
    }

    /// The unit of a value.
    public var unit: String {
        switch self {
        case .nutrient(let nutrient): nutrient.unit
        case .fibre: "g"
        case .fermentedServings, .prebioticServings: "servings"
        case .probioticBillions: "billion CFU"
        }
    }

    /// The key a person types (`--beside fibre`, `--beside vitamin_d`).
    public var key: String {
        switch self {
        case .nutrient(let nutrient): nutrient.rawValue
        case .fibre: "fibre"
        case .fermentedServings: "fermented"
        case .prebioticServings: "prebiotic"
        case .probioticBillions: "probiotic"
        }
    }

    /// Reads a key or a nutrient's name ("fibre", "vitamin d", "omega3"), or `nil`.
    public init?(key text: String) {
        let key = text.trimmingSpaces().lowercased()
        switch key {
        case "fibre", "fiber": self = .fibre
        case "fermented", "fermented_servings": self = .fermentedServings
        case "prebiotic", "prebiotics", "prebiotic_servings": self = .prebioticServings
        case "probiotic", "probiotics", "cfu": self = .probioticBillions
        default:
            if let nutrient = Nutrient(rawValue: key) ?? Nutrient(userText: key) { self = .nutrient(nutrient) } else { return nil }
        }
    }

    /// The keys, for messages.
    public static var keys: String { all.map(\.key).joined(separator: ", ") }
}

/// Each tracked scale over a range of days beside a figure the person chose: daily scales
/// day by day against the figure's daily values; POEM, which is weekly, week by week
/// against the figure's weekly averages. Weeks are 7-day blocks counted back from the
/// range's last day (the first may be shorter).
public struct SkinGutReview: Sendable, Equatable {
    /// A scale's figures.
    public struct ScaleSeries: Sendable, Equatable {
        public let scale: CheckInScale
        public let name: String
        public let range: ClosedRange<Int>
        /// One value per day of the range (daily scales; POEM: the day's total, if one).
        public let daily: [Int?]
        /// Per week: the average of the values recorded in it, or `nil`.
        public let weekly: [Double?]
        /// Days with a value.
        public let recordedDays: Int
        /// The average of the values recorded, the latest and its day.
        public let average: Double?
        public let latest: Int?
        public let latestDate: LocalDate?
        /// The band of the latest value (POEM, Bristol), if the scale has bands.
        public let latestBand: String?
        /// The latest week's band (POEM: by its average, rounded, a half upwards).
        public let latestWeekBand: String?
        /// The change from the first week with a value to the last (POEM: weekly averages).
        public let weeklyChange: Double?
    }

    /// The range, its days and its weeks.
    public let range: DateRange
    public let weeks: [DateRange]
    /// The scales, in `CheckInScale` order: the profile's chosen ones.
    public let scales: [ScaleSeries]
    /// The figure set beside them, per day (`nil`: nothing logged that day) and per week
    /// (the average over the week's days with a value).
    public let figure: GutFigure
    public let figureDaily: [Double?]
    public let figureWeekly: [Double?]
    /// The notes of the range, by day.
    public let notes: [(date: LocalDate, note: String)]

    public static func == (lhs: SkinGutReview, rhs: SkinGutReview) -> Bool {
        lhs.range == rhs.range && lhs.weeks == rhs.weeks && lhs.scales == rhs.scales && lhs.figure == rhs.figure
            && lhs.figureDaily == rhs.figureDaily && lhs.figureWeekly == rhs.figureWeekly
            && lhs.notes.map(\.date) == rhs.notes.map(\.date) && lhs.notes.map(\.note) == rhs.notes.map(\.note)
    }

    /// The 7-day blocks of `range`, counted back from its last day, oldest first.
    public static func weeks(of range: DateRange) -> [DateRange] {
        var weeks: [DateRange] = []
        var end = range.to
        while end >= range.from {
            let start = max(range.from, end.adding(days: -6))
            weeks.insert(DateRange(from: start, to: end), at: 0)
            end = start.adding(days: -1)
        }
        return weeks
    }

    /// The average of the values that are there, or `nil` if none is.
    static func average(_ values: [Double?]) -> Double? {
        let known = values.compactMap { $0 }
        return known.isEmpty ? nil : known.reduce(0, +) / Double(known.count)
    }

    /// Works the review out: `checkIns` of the range, the scales tracked, and the daily
    /// values of the figure (one per day of the range).
    public static func make(range: DateRange, checkIns: [CheckIn], tracked: [CheckInScale], definitions: CheckInScales,
                            figure: GutFigure, figureDaily: [Double?]) -> SkinGutReview {
        let weeks = weeks(of: range)
        let byDay = Dictionary(checkIns.filter { range.contains($0.date) }.map { ($0.date, $0) }, uniquingKeysWith: { $1 })
        let days = (0..<range.dayCount).map { range.from.adding(days: $0) }
        func weekly(_ daily: [Double?]) -> [Double?] {
            weeks.map { week in average(Array(daily[range.from.days(to: week.from)...range.from.days(to: week.to)])) }
        }
        let series = tracked.sorted().map { scale -> ScaleSeries in
            let definition = definitions.definition(scale)
            let daily = days.map { byDay[$0]?.value(of: scale) }
            let perWeek = weekly(daily.map { $0.map(Double.init) })
            let latestIndex = daily.lastIndex { $0 != nil }
            let latest = latestIndex.flatMap { daily[$0] }
            let firstWeek = perWeek.firstIndex { $0 != nil }, lastWeek = perWeek.lastIndex { $0 != nil }
            var change: Double?
            if let firstWeek, let lastWeek, firstWeek < lastWeek { change = perWeek[lastWeek]! - perWeek[firstWeek]! }
            return ScaleSeries(
                scale: scale, name: definition.name, range: definition.range, daily: daily, weekly: perWeek,
                recordedDays: daily.compactMap { $0 }.count, average: average(daily.map { $0.map(Double.init) }),
                latest: latest, latestDate: latestIndex.map { days[$0] },
                latestBand: latest.flatMap { definitions.band(of: $0, on: scale)?.name },
                latestWeekBand: lastWeek.flatMap { perWeek[$0] }.flatMap { definitions.band(ofAverage: $0, on: scale)?.name },
                weeklyChange: change)
        }
        let notes = days.compactMap { day in byDay[day]?.note.map { (date: day, note: $0) } }
        return SkinGutReview(range: range, weeks: weeks, scales: series, figure: figure, figureDaily: figureDaily,
                             figureWeekly: weekly(figureDaily), notes: notes)
    }
}
