/// A scale a daily check-in records (Data/checkin_scales.csv says what each means and its
/// source).
public enum CheckInScale: String, Sendable, CaseIterable, Codable, Comparable {
    case itch, spots, poem, bristol, bloating

    /// Whether the scale is recorded once a week (POEM asks about the last week).
    public var isWeekly: Bool { self == .poem }

    public static func < (lhs: CheckInScale, rhs: CheckInScale) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Reads a comma-separated list the person typed ("itch,bristol,poem"), or says which
    /// word is not a scale. `all` is every scale; `none` none.
    public static func parseList(_ text: String) throws(CheckInError) -> [CheckInScale] {
        let trimmed = text.trimmingSpaces().lowercased()
        if trimmed == "all" { return allCases }
        if trimmed == "none" || trimmed.isEmpty { return [] }
        var scales: Set<CheckInScale> = []
        for word in trimmed.split(separator: ",") {
            let name = String(word).trimmingSpaces()
            guard let scale = CheckInScale(rawValue: name) else {
                throw CheckInError("\"\(name.prefix(40))\" is not a scale: choose from \(allCases.map(\.rawValue).joined(separator: ", ")) (or all, or none)")
            }
            scales.insert(scale)
        }
        return scales.sorted()
    }
}

/// One day's record of the skin and the gut: any of the scales, and a short note. A value
/// not given is `nil` (not recorded), never 0.
public struct CheckIn: Sendable, Equatable {
    /// The day it is about.
    public var date: LocalDate
    /// Peak itch over the last 24 hours, 0–10.
    public var itch: Int?
    /// Inflamed spots counted.
    public var spots: Int?
    /// The seven POEM answers, each 0–4, in question order.
    public var poemAnswers: [Int]?
    /// Bristol stool form type, 1–7.
    public var bristol: Int?
    /// Bloating, 0–10.
    public var bloating: Int?
    /// A short note.
    public var note: String?

    /// Makes a check-in.
    public init(date: LocalDate, itch: Int? = nil, spots: Int? = nil, poemAnswers: [Int]? = nil,
                bristol: Int? = nil, bloating: Int? = nil, note: String? = nil) {
        self.date = date
        self.itch = itch
        self.spots = spots
        self.poemAnswers = poemAnswers
        self.bristol = bristol
        self.bloating = bloating
        self.note = note
    }

    /// The POEM total, 0–28, when the seven answers were given.
    public var poemTotal: Int? { poemAnswers.map { $0.reduce(0, +) } }

    /// The value recorded for a scale (POEM: the total).
    public func value(of scale: CheckInScale) -> Int? {
        switch scale {
        case .itch: itch
        case .spots: spots
        case .poem: poemTotal
        case .bristol: bristol
        case .bloating: bloating
        }
    }

    /// Whether nothing is recorded.
    public var isEmpty: Bool {
        CheckInScale.allCases.allSatisfy { value(of: $0) == nil } && note == nil
    }

    /// This day's check-in with `newer`'s values over it: what a second check-in on the
    /// same day does (a value it does not give stays as it was).
    public func updated(with newer: CheckIn) -> CheckIn {
        CheckIn(date: date, itch: newer.itch ?? itch, spots: newer.spots ?? spots,
                poemAnswers: newer.poemAnswers ?? poemAnswers, bristol: newer.bristol ?? bristol,
                bloating: newer.bloating ?? bloating, note: newer.note ?? note)
    }

    /// The POEM answers as stored and exported: "1,2,0,4,3,2,1".
    public static func poemText(_ answers: [Int]?) -> String? {
        answers.map { $0.map(String.init).joined(separator: ",") }
    }
}

/// A check-in value or a scale list that is not accepted, with what is.
public struct CheckInError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
