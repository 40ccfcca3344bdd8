extension GapPlan {
    /// The plan explained line by line, for the dashboard and the command line alike.
    /// A nutrient above its upper limit (and a pregnancy caution) is said first: the plan
    /// adds nothing to it. `compactCautions` gives each caution its one-line headline, for
    /// a screen whose detail view has the whole sentence.
    public func lines(review: Review, compactCautions: Bool = false) -> [String] {
        let plan = self
        let report = review.report
        var lines: [String] = []
        let day = report.range.from.longDescription
        for caution in review.cautions {
            if compactCautions {
                let more = caution.nutrient.map { " (\($0.name) detail: more)" } ?? ""
                lines.append("! " + caution.headline + more + (caution.kind == "above_upper_limit" ? "; the plan adds none" : ""))
                continue
            }
            switch caution {
            case .aboveUpperLimit(let above):
                lines.append("Above the upper limit on \(day): \(caution.sentence) No food suggested here is known to add any \(above.basis == .retinol ? "preformed vitamin A (retinol)" : above.nutrient.name).")
            case .pregnancyRetinol: lines.append(caution.sentence)
            case .upperLimitUnchecked: lines.append(caution.sentence)
            }
        }
        guard !plan.gaps.isEmpty else {
            return lines + (report.entries.isEmpty
                ? ["Nothing logged on \(day): log what was eaten first (the plan fills the gaps of a day)."]
                : ["Every target is met on \(day): nothing to close."])
        }
        let gapText = plan.gaps.map { nutrient -> String in
            let score = report.score(of: nutrient)
            let target = "\(Format.amount(score.target.value ?? 0)) \(nutrient.unit)"
            if score.amount == nil, !report.entries.isEmpty {
                return "\(nutrient.name): no logged food has a value (target \(target))"
            }
            return "\(nutrient.name) \(Format.amount(score.amount ?? 0)) of \(target)" + (score.isIncomplete ? " (some food has no value)" : "")
        }
        lines.append("Gaps on \(day): " + gapText.joined(separator: "; "))
        if let withheld = plan.withheld {
            lines.append("No plan: " + withheld)
            return lines
        }
        if !report.profile.diets.isEmpty { lines.append("Keeping to: \(report.profile.diets.sorted().joined(separator: ", "))") }
        if let using = plan.using, using.isEmpty {
            lines.append("No plan of portions: no food of yours to resize (nothing logged in the seven days to \(report.range.to.longDescription)).")
            return lines
        }
        if let using = plan.using {
            lines.append("Portions of: " + using.map(\.description).joined(separator: "; "))
            for (food, reason) in plan.leftOut { lines.append("Left out: \(food.description) — \(reason).") }
        }
        if plan.items.isEmpty {
            lines.append(plan.using == nil
                ? "No plan: no food that can be suggested closes any gap within an upper limit."
                : "No plan: none of these foods closes any gap within the limits.")
        } else {
            lines.append("Plan (\(plan.items.count) food\(plan.items.count == 1 ? "" : "s"), +\(Format.grouped(plan.addedKcal)) kcal):")
            for (number, item) in plan.items.enumerated() {
                let adds = plan.gapsClosed(by: item, report: report, showingPercent: true)
                lines.append("  \(number + 1). \(item.food.description), \(item.portionText): \(adds.joined(separator: ", ")); \(Format.grouped(item.kcal)) kcal")
            }
        }
        if let note = plan.fishNote { lines.append(note) }
        let closed = plan.gaps.filter { gap in !plan.remaining.contains { $0.nutrient == gap } }
        if !closed.isEmpty, !plan.items.isEmpty {
            lines.append("Closes: \(closed.map(\.name).joined(separator: ", ")), with no upper limit passed.")
        }
        for (nutrient, reason) in plan.remaining {
            let n = nutrient.index
            lines.append("Still short: \(nutrient.name), \(Format.amount(plan.after[n])) \(nutrient.unit) after the plan — \(reason).")
        }
        return lines
    }

    /// What a plan item adds to each gap: "+13.4 mg Vitamin E" (with "(89 % of target)").
    public func gapsClosed(by item: PlanItem, report: Report, showingPercent: Bool) -> [String] {
        Nutrient.allCases.enumerated().compactMap { n, nutrient -> String? in
            guard gaps.contains(nutrient), item.adds[n] > 0 else { return nil }
            let target = report.score(of: nutrient).target.value ?? 0
            let percent = showingPercent && target > 0 ? " (\(Format.percent(item.adds[n] / target * 100)) % of target)" : ""
            return "+\(Format.amount(item.adds[n])) \(nutrient.unit) \(nutrient.name)\(percent)"
        }
    }
}
