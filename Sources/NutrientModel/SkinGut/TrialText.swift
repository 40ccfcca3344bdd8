/// A trial's review in words, for every presenter (`absorb trial show`, the summary, the
/// dashboard's trial screen): a formatter of `TrialReview`, nothing more, so the screen and
/// the command line say the same sentences.
public enum TrialText {
    /// "following no_dairy: no dairy (milk allergy)", "taking Vitamin D3 … (S0001)".
    public static func change(_ kind: TrialKind, data: NutrientData) -> String {
        let subject = TextRules.escaped(data.trialSubject(kind))
        switch kind {
        case .remove(let key): return "following \(key): \(subject)"
        case .add(let id): return "adding \(subject) (\(id))"
        case .supplement(let id): return "taking \(subject) (\(id))"
        }
    }

    /// A phase's figure of a scale: "6 (4–8), 7 days", "too few: 5 of 7 days", "no check-ins".
    public static func figure(_ phase: PhaseFigures, word: String) -> String {
        guard phase.planned else { return "none planned" }
        guard phase.range != nil else { return "not begun" }
        if let mean = phase.mean, let low = phase.lowest, let high = phase.highest {
            return "\(Format.number(mean, decimals: 1)) (\(low)–\(high)), \(phase.count) \(word)"
        }
        if phase.count == 0 { return "no check-ins" }
        return "too few: \(phase.count) of \(phase.needed) \(word)"
    }

    /// The first line: the trial, the person, what it changes and for how long.
    public static func heading(_ review: TrialReview, profile: String, data: NutrientData) -> String {
        let trial = review.trial
        return "Trial \(TextRules.quoted(trial.name)) · \(profile) · \(change(trial.kind, data: data)), \(trial.weeks) week\(trial.weeks == 1 ? "" : "s") from \(trial.start)"
            + (trial.reintroduceWeeks > 0 ? ", \(trial.reintroduceWeeks) week\(trial.reintroduceWeeks == 1 ? "" : "s") of reintroduction" : "")
    }

    /// "Status: in its trial phase (today, 2026-11-25)."
    public static func status(_ review: TrialReview) -> String {
        let trial = review.trial
        let status: String
        if review.finished {
            status = trial.endedOn.map { "ended on \($0)" } ?? "finished on \(trial.lastDay)"
        } else if let phase = review.currentPhase {
            status = "in its \(phase.name.lowercased()) phase (today, \(review.asOf))"
        } else {
            status = "not begun: it starts on \(trial.start)"
        }
        return "Status: \(status)."
    }

    /// "baseline 2026-11-04 – 2026-11-17", one per phase.
    public static func phases(_ review: TrialReview) -> [String] {
        review.phases.map { "\($0.phase.name.lowercased()) \($0.range.from) – \($0.range.to)" }
    }

    /// The adherence in sentences.
    public static func adherence(_ review: TrialReview) -> [String] {
        let a = review.adherence
        guard a.days > 0 else { return ["Adherence: the trial has not begun."] }
        var lines: [String] = []
        let blank = a.daysWithoutEntries > 0 ? "; \(a.daysWithoutEntries) with nothing logged, so not known" : ""
        switch review.trial.kind {
        case .remove:
            if a.broken.isEmpty {
                lines.append("Adherence: no entry broke the elimination over \(a.days) day\(a.days == 1 ? "" : "s")\(blank).")
            } else {
                let days = Set(a.broken.map(\.date)).count
                lines.append("Adherence: \(a.broken.count) entr\(a.broken.count == 1 ? "y" : "ies") on \(days) of \(a.days) days broke the elimination\(blank):")
                for entry in a.broken {
                    lines.append("  \(entry.date)  \(TextRules.escaped(entry.foodName)), \(Format.number(entry.grams, decimals: 1)) g — \(TextRules.escaped(entry.reason))")
                }
            }
        case .add, .supplement:
            lines.append("Adherence: logged on \(a.takenDays) of \(a.days) days\(blank)."
                         + (a.missedDays.isEmpty ? "" : " Missed (other foods logged, not this): \(a.missedDays.map(\.description).joined(separator: ", "))."))
        }
        return lines
    }

    /// What the check-ins by phase count: "mean (range), days with a value; …".
    public static func scalesHeading(_ rules: TrialRules) -> String {
        "Check-ins by phase (mean (range), days with a value; a mean from \(rules.minPhaseDays) days, POEM \(rules.minPhaseWeeks) weeks):"
    }

    /// The line that heads what changed: the reason nothing is shown, or the range compared.
    public static func whatChangedHeading(_ changed: WhatChanged, rules: TrialRules) -> String {
        if let reason = changed.reason { return "What changed: \(reason)" }
        return "What changed (\(changed.range.from) – \(changed.range.to); check-ins on days at or above against below, the same day and 1 to \(rules.maxLagDays) days after):"
    }

    /// A figure of what changed: "Vitamin D at or above the RDA, 15 µg: 3 of 20 days".
    public static func whatChangedFigure(_ figure: WhatChanged.Figure) -> String {
        "\(figure.figure.name) at or above \(figure.threshold): \(figure.daysAtOrAbove) of \(figure.days) days"
    }

    /// The figures of what changed that have days, each with the scales that have check-ins.
    public static func whatChangedItems(_ changed: WhatChanged) -> [(figure: WhatChanged.Figure, scales: [WhatChanged.ScaleLags])] {
        changed.figures.filter { $0.days > 0 }.map { figure in
            (figure, figure.scales.filter { scale in scale.lags.contains { $0.atOrAbove.count + $0.below.count > 0 } })
        }
    }

    /// A lag of a scale: "lag 1 2.5 (7 d) vs 3 (6 d)".
    public static func lag(_ lag: WhatChanged.Lag) -> String {
        "lag \(lag.lag) \(side(lag.atOrAbove)) vs \(side(lag.below))"
    }

    /// The whole review as lines.
    public static func lines(_ review: TrialReview, profile: String, data: NutrientData, whatChanged: Bool = true) -> [String] {
        var lines = [heading(review, profile: profile, data: data), status(review)]
        lines.append("Phases: " + phases(review).joined(separator: " · "))
        lines += adherence(review)
        if review.scales.isEmpty {
            lines.append("No scales tracked (absorb profile set --scales).")
        } else {
            let width = max(12, review.scales.map(\.name.count).max() ?? 0) + 2
            lines.append(scalesHeading(data.trialRules))
            for scale in review.scales {
                let parts = scale.phases.map { "\($0.phase.name.lowercased()) \(figure($0, word: scale.countWord))" }
                let name = scale.name.count >= width ? scale.name : scale.name + String(repeating: " ", count: width - scale.name.count)
                lines.append("  " + name + parts.joined(separator: " · "))
            }
        }
        if whatChanged {
            let changed = review.whatChanged
            lines.append(whatChangedHeading(changed, rules: data.trialRules))
            if changed.isShown {
                for item in whatChangedItems(changed) {
                    lines.append("  " + whatChangedFigure(item.figure))
                    for scale in item.scales {
                        lines.append("    \(scale.name): " + scale.lags.map(lag).joined(separator: " · "))
                    }
                }
                lines.append("  \(changed.caution)")
            }
        }
        lines.append(review.caution)
        return lines
    }

    /// "2.5 (7 d)", "— (0 d)".
    public static func side(_ side: WhatChanged.Side) -> String {
        "\(side.mean.map { Format.number($0, decimals: 1) } ?? "—") (\(side.count) d)"
    }
}
