/// Whether the entries kept to a trial: for an elimination, the entries of the trial phase
/// that the diet's rule leaves out (named, with the rule's reason); for a food or a
/// supplement, the days of the trial phase it was not logged on. Days with nothing logged
/// are counted apart: nothing can be said of them.
public struct TrialAdherence: Sendable, Equatable {
    /// An entry that broke an elimination.
    public struct BrokenEntry: Sendable, Equatable {
        public let date: LocalDate
        public let foodID: String
        public let foodName: String
        public let grams: Double
        /// The diet rule's reason ("no dairy: milk (\"cheese\")").
        public let reason: String
    }

    /// The days of the trial phase looked at (up to the day of the review).
    public let days: Int
    /// Of those, the days with nothing logged.
    public let daysWithoutEntries: Int
    /// Elimination: the entries that broke it, by day.
    public let broken: [BrokenEntry]
    /// Food or supplement: the days with entries but none of it.
    public let missedDays: [LocalDate]
    /// Food or supplement: the days it was logged.
    public let takenDays: Int
}

/// One phase's figures of one scale: how many days (POEM: totals) had a value and, from the
/// rules' minimum on, their mean and range. Below the minimum there is no mean: `tooFew`.
public struct PhaseFigures: Sendable, Equatable {
    public let phase: TrialPhase
    /// Whether the trial has this phase at all (a trial without reintroduction weeks has no
    /// reintroduction: "none planned", not "not begun").
    public var planned = true
    /// The phase's days (up to the day of the review), or `nil` if it has not begun.
    public let range: DateRange?
    /// Days with a value (POEM: totals recorded).
    public let count: Int
    /// The least `count` for a mean and range.
    public let needed: Int
    public let mean: Double?
    public let lowest: Int?
    public let highest: Int?

    /// Whether the phase has values, but fewer than needed.
    public var tooFew: Bool { count > 0 && count < needed }
}

/// A tracked scale across the phases of a trial.
public struct ScalePhases: Sendable, Equatable {
    public let scale: CheckInScale
    public let name: String
    /// "days", or "weeks" for POEM.
    public let countWord: String
    public let phases: [PhaseFigures]
}

/// A trial's result, worked out once for every presenter: its phases, adherence, each
/// tracked scale's figures by phase, what changed over its days, and the caution.
public struct TrialReview: Sendable, Equatable {
    public let trial: Trial
    /// The day it was worked out on.
    public let asOf: LocalDate
    /// What the trial changes, in words ("no dairy", "Vitamin D3 … softgel").
    public let subject: String
    /// The phase `asOf` falls in (`nil`: before the start, or after the end).
    public let currentPhase: TrialPhase?
    public let finished: Bool
    /// The phases' days as planned, cut at the last day (baseline first).
    public let phases: [(phase: TrialPhase, range: DateRange)]
    public let adherence: TrialAdherence
    public let scales: [ScalePhases]
    public let whatChanged: WhatChanged
    /// The fixed caution (`Data/trials.csv`) and its source.
    public let caution: String
    public let cautionSource: String

    public static func == (lhs: TrialReview, rhs: TrialReview) -> Bool {
        lhs.trial == rhs.trial && lhs.asOf == rhs.asOf && lhs.subject == rhs.subject && lhs.currentPhase == rhs.currentPhase
            && lhs.finished == rhs.finished && lhs.phases.map(\.phase) == rhs.phases.map(\.phase)
            && lhs.phases.map(\.range) == rhs.phases.map(\.range) && lhs.adherence == rhs.adherence
            && lhs.scales == rhs.scales && lhs.whatChanged == rhs.whatChanged && lhs.caution == rhs.caution
    }

    /// The figures of each tracked scale by phase, from `checkIns`: phases cut at `asOf`.
    public static func scalePhases(trial: Trial, asOf: LocalDate, checkIns: [CheckIn], tracked: [CheckInScale],
                                   definitions: CheckInScales, rules: TrialRules) -> [ScalePhases] {
        tracked.sorted().map { scale in
            let phases = TrialPhase.allCases.map { phase -> PhaseFigures in
                let needed = scale.isWeekly ? rules.minPhaseWeeks : rules.minPhaseDays
                guard phase != .reintroduction || trial.reintroduceWeeks > 0 else {
                    return PhaseFigures(phase: phase, planned: false, range: nil, count: 0, needed: needed, mean: nil, lowest: nil, highest: nil)
                }
                guard let planned = trial.range(of: phase), planned.from <= asOf else {
                    return PhaseFigures(phase: phase, range: nil, count: 0, needed: needed, mean: nil, lowest: nil, highest: nil)
                }
                let range = DateRange(from: planned.from, to: min(planned.to, asOf))
                let values = checkIns.filter { range.contains($0.date) }.compactMap { $0.value(of: scale) }
                let enough = values.count >= needed
                return PhaseFigures(phase: phase, range: range, count: values.count, needed: needed,
                                    mean: enough ? Double(values.reduce(0, +)) / Double(values.count) : nil,
                                    lowest: enough ? values.min() : nil, highest: enough ? values.max() : nil)
            }
            return ScalePhases(scale: scale, name: definitions.definition(scale).name,
                               countWord: scale.isWeekly ? "weeks" : "days", phases: phases)
        }
    }
}

/// "What changed": for each figure (each nutrient, fibre, fermented and prebiotic servings),
/// the check-ins of each daily scale on the days after a day at or above its target, against
/// those after a day below it, at each lag (0: the same day) separately. Counts and means
/// side by side, never a cause. Nothing until the range has the rules' minimum of days with
/// a check-in. POEM, which asks about a week, is not compared day by day.
public struct WhatChanged: Sendable, Equatable {
    /// The check-ins of one side: days counted and their mean.
    public struct Side: Sendable, Equatable {
        public let count: Int
        public let mean: Double?
    }

    /// One lag: the check-ins `lag` days after days at or above, and after days below.
    public struct Lag: Sendable, Equatable {
        public let lag: Int
        public let atOrAbove: Side
        public let below: Side
    }

    /// One scale beside one figure, at every lag.
    public struct ScaleLags: Sendable, Equatable {
        public let scale: CheckInScale
        public let name: String
        public let lags: [Lag]
    }

    /// One figure: what "at target" means for it, and the scales.
    public struct Figure: Sendable, Equatable {
        public let figure: GutFigure
        /// "the RDA, 15 µg", "the AI of each day's energy", "at least 1 serving".
        public let threshold: String
        /// Days with a figure and a threshold, and of those at or above.
        public let days: Int
        public let daysAtOrAbove: Int
        public let scales: [ScaleLags]
    }

    public let range: DateRange
    /// Days with a check-in in the range, and the least the comparison needs.
    public let checkInDays: Int
    public let minimumDays: Int
    /// Empty until `checkInDays` reaches `minimumDays`.
    public let figures: [Figure]
    public let caution: String

    /// Whether there are enough days of check-ins to show anything.
    public var isShown: Bool { checkInDays >= minimumDays }

    /// Why nothing is shown, or `nil`.
    public var reason: String? {
        isShown ? nil : "What changed needs at least \(minimumDays) days of check-ins; there \(checkInDays == 1 ? "is" : "are") \(checkInDays)."
    }

    /// Works it out: per figure, its value and threshold on each day of `range` (`nil`: not
    /// known), and the check-ins.
    public static func make(range: DateRange, figures: [(figure: GutFigure, threshold: String, daily: [(value: Double, target: Double)?])],
                            checkIns: [CheckIn], tracked: [CheckInScale], definitions: CheckInScales,
                            rules: TrialRules) -> WhatChanged {
        let byDay = Dictionary(checkIns.filter { range.contains($0.date) }.map { ($0.date, $0) }, uniquingKeysWith: { $1 })
        let checkInDays = byDay.values.filter { !$0.isEmpty }.count
        guard checkInDays >= rules.whatChangedMinDays else {
            return WhatChanged(range: range, checkInDays: checkInDays, minimumDays: rules.whatChangedMinDays, figures: [],
                               caution: rules.whatChangedCaution)
        }
        let daily = tracked.sorted().filter { !$0.isWeekly }
        let result = figures.map { item -> Figure in
            let known = item.daily.compactMap { $0 }
            let scales = daily.map { scale -> ScaleLags in
                let lags = (0...rules.maxLagDays).map { lag -> Lag in
                    var above: [Int] = [], below: [Int] = []
                    for (offset, day) in item.daily.enumerated() {
                        guard let day, offset + lag < range.dayCount,
                              let value = byDay[range.from.adding(days: offset + lag)]?.value(of: scale) else { continue }
                        if day.value >= day.target { above.append(value) } else { below.append(value) }
                    }
                    func side(_ values: [Int]) -> Side {
                        Side(count: values.count, mean: values.isEmpty ? nil : Double(values.reduce(0, +)) / Double(values.count))
                    }
                    return Lag(lag: lag, atOrAbove: side(above), below: side(below))
                }
                return ScaleLags(scale: scale, name: definitions.definition(scale).name, lags: lags)
            }
            return Figure(figure: item.figure, threshold: item.threshold, days: known.count,
                          daysAtOrAbove: known.filter { $0.value >= $0.target }.count, scales: scales)
        }
        return WhatChanged(range: range, checkInDays: checkInDays, minimumDays: rules.whatChangedMinDays, figures: result,
                           caution: rules.whatChangedCaution)
    }
}
