/// A report over a day or a range of days: the profile's targets, the scores as daily
/// averages over the days that have entries (usual intake), and the entries themselves.
public struct Report: Sendable {
    /// The person.
    public let profile: PersonProfile
    /// The targets in force, with the life stage and any note about defaults.
    public let targets: TargetSet
    /// The days asked for.
    public let range: DateRange
    /// The days in the range with at least one entry: the averages' divisor.
    public let loggedDays: Int
    /// One score per nutrient, in `Nutrient.allCases` order.
    public let scores: [NutrientScore]
    /// The entries in the range, by date, meal and time logged.
    public let entries: [Entry]

    /// Builds the report for `entries` (those outside `range` are ignored).
    public init(profile: PersonProfile, targets: TargetSet, range: DateRange, entries: [Entry], scorer: Scorer) {
        func inOrder(_ a: Entry, _ b: Entry) -> Bool {
            (a.date, a.meal, a.loggedAt, a.id) < (b.date, b.meal, b.loggedAt, b.id)
        }
        // A journal's entries of the range come in range and in order: they are kept as
        // they are, not copied twice over (ten years are 36,500 of them).
        // (Read in place, by index: no entry copied to be looked at.)
        let kept = entries.indices.allSatisfy { range.contains(entries[$0].date) }
            && entries.indices.dropFirst().allSatisfy { inOrder(entries[$0 - 1], entries[$0]) }
        let inRange = kept ? entries : entries.filter { range.contains($0.date) }.sorted(by: inOrder)
        self.profile = profile
        self.targets = targets
        self.range = range
        self.entries = inRange
        self.loggedDays = inRange.dayCount
        self.scores = scorer.score(inRange, days: loggedDays, targets: targets)
    }

    /// The score of one nutrient (`scores` are in `Nutrient.allCases` order).
    public func score(of nutrient: Nutrient) -> NutrientScore {
        scores[nutrient.index]
    }
}
