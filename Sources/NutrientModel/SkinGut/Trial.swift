/// What a trial changes: a diet or allergen left out (a key of `Data/diets.csv`, so "without
/// dairy" means what it means in plans), a food added every day, or a supplement taken every
/// day (a food of `Data/supplements.csv`).
public enum TrialKind: Sendable, Hashable {
    /// An elimination: the `DietTable` key (no_dairy, no_egg …).
    case remove(String)
    /// A food eaten every day of the trial, by its id.
    case add(String)
    /// A supplement taken every day of the trial, by its id (S0001 …).
    case supplement(String)

    /// The word stored and exported: remove, add or supplement.
    public var key: String {
        switch self {
        case .remove: "remove"
        case .add: "add"
        case .supplement: "supplement"
        }
    }

    /// The diet key or the food id.
    public var value: String {
        switch self {
        case .remove(let value), .add(let value), .supplement(let value): value
        }
    }

    /// The kind of a stored key and value, or `nil` for a key that is not one.
    public init?(key: String, value: String) {
        switch key {
        case "remove": self = .remove(value)
        case "add": self = .add(value)
        case "supplement": self = .supplement(value)
        default: return nil
        }
    }
}

/// A phase of a trial.
public enum TrialPhase: String, Sendable, CaseIterable {
    /// The check-ins before the start, up to as many days as the trial.
    case baseline
    /// The weeks of the change.
    case trial
    /// The weeks after, with the food back (or the supplement stopped).
    case reintroduction

    /// The name shown.
    public var name: String {
        switch self {
        case .baseline: "Baseline"
        case .trial: "Trial"
        case .reintroduction: "Reintroduction"
        }
    }
}

/// An elimination or supplement trial a person runs with their clinician: what changes, from
/// when, for how many weeks, and how many weeks of reintroduction follow.
public struct Trial: Sendable, Equatable {
    /// The person's name for it ("no dairy").
    public var name: String
    public var kind: TrialKind
    /// The first day of the trial phase.
    public var start: LocalDate
    public var weeks: Int
    /// Weeks of reintroduction after the trial (0: none).
    public var reintroduceWeeks: Int
    /// The day it was ended early (`absorb trial end`), or `nil`: it runs as planned.
    public var endedOn: LocalDate?

    /// Makes a trial.
    public init(name: String, kind: TrialKind, start: LocalDate, weeks: Int, reintroduceWeeks: Int = 0,
                endedOn: LocalDate? = nil) {
        self.name = name
        self.kind = kind
        self.start = start
        self.weeks = weeks
        self.reintroduceWeeks = reintroduceWeeks
        self.endedOn = endedOn
    }

    /// The last day as planned: the end of the reintroduction (or of the trial, without one).
    public var plannedEnd: LocalDate { start.adding(days: 7 * (weeks + reintroduceWeeks) - 1) }

    /// The last day: the planned end, or the day it was ended, if earlier.
    public var lastDay: LocalDate {
        guard let endedOn, endedOn < plannedEnd else { return plannedEnd }
        return max(endedOn, start.adding(days: -1))
    }

    /// The days before the start compared with it: as many days as the trial phase.
    public var baselineRange: DateRange { DateRange(from: start.adding(days: -7 * weeks), to: start.adding(days: -1)) }

    /// The days of a phase, as planned and cut at the last day; `nil` when it has none.
    public func range(of phase: TrialPhase) -> DateRange? {
        let planned: DateRange
        switch phase {
        case .baseline: return baselineRange
        case .trial: planned = DateRange(from: start, to: start.adding(days: 7 * weeks - 1))
        case .reintroduction:
            guard reintroduceWeeks > 0 else { return nil }
            planned = DateRange(from: start.adding(days: 7 * weeks), to: plannedEnd)
        }
        let end = min(planned.to, lastDay)
        return end < planned.from ? nil : DateRange(from: planned.from, to: end)
    }

    /// Every day the trial looks at: the baseline to the last day.
    public var window: DateRange { DateRange(from: baselineRange.from, to: max(lastDay, baselineRange.to)) }

    /// The phase a day falls in, or `nil`.
    public func phase(on date: LocalDate) -> TrialPhase? {
        TrialPhase.allCases.first { range(of: $0)?.contains(date) ?? false }
    }

    /// Whether the two trials' days (start to last day; the baselines aside) share a day.
    public func overlaps(_ other: Trial) -> Bool {
        start <= other.lastDay && other.start <= lastDay
    }

    /// Whether it is over on `day`: its last day has passed, or it was ended.
    public func isFinished(on day: LocalDate) -> Bool { endedOn != nil || lastDay < day }
}

/// A trial that is not accepted, with what would be.
public struct TrialError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
