/// What absorb tells a person about a report, decided once: the scores (in `report`),
/// the cautions that come before any advice, and the fat pairing and balance. Made by
/// `NutrientData.review(_:)`; presenters only format it.
public struct Review: Sendable {
    /// The scores and entries.
    public let report: Report
    /// Upper limits passed or not checkable, and pregnancy risks, in the order to show.
    public let cautions: [Caution]
    /// The nutrients above their upper limit: they get no absorption advice, and no plan
    /// adds to them.
    public let aboveUpperLimit: Set<Nutrient>
    /// Fat pairing, without flags for the nutrients above their limit.
    public let fatPairing: FatPairingReport
    /// Fibre, fermented foods and fatty-acid balance, with the life stage's references.
    public let balance: BalanceReport
    /// Per nutrient, every logged food that gave some of it, largest first, with its share.
    public let sources: [Nutrient: [LoggedSource]]
    /// The gut's figures of the range: fibre, fermented foods and their live cultures,
    /// prebiotic servings, probiotic days.
    public let gut: GutReport

    /// The figures, status and judgement of one nutrient.
    public func score(of nutrient: Nutrient) -> NutrientScore { report.score(of: nutrient) }

    /// The gaps: the nutrients under their target (`NutrientScore.isGap`).
    public var gaps: [NutrientScore] { report.scores.filter(\.isGap) }
}
