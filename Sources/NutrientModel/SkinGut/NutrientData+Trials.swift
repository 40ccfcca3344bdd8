extension NutrientData {
    /// Checks a new trial before it is saved: its name, its weeks (`Data/trials.csv`), that
    /// what it changes exists (a diet key of `Data/diets.csv`, a food, a supplement of
    /// `Data/supplements.csv`), that it does not start after `today`, and that it shares no
    /// day with the profile's `existing` trials nor takes one's name.
    public func checkTrial(_ trial: Trial, existing: [Trial], today: LocalDate) throws(TrialError) {
        let name: String
        do { name = try TextRules.checked(trial.name, "the trial's name") } catch {
            throw TrialError("\(error.description) (as in: absorb trial start \"no dairy\" --remove no_dairy --weeks 3)")
        }
        guard name.utf8.count <= TrialRules.maxNameBytes else {
            throw TrialError("a trial's name is at most \(TrialRules.maxNameBytes) bytes, found \(name.utf8.count)")
        }
        guard trialRules.weeks.contains(trial.weeks) else {
            throw TrialError("weeks must be a whole number of weeks from \(trialRules.minWeeks) to \(trialRules.maxWeeks), found \(trial.weeks)")
        }
        guard trialRules.reintroduceWeeks.contains(trial.reintroduceWeeks) else {
            throw TrialError("reintroduce-weeks must be a whole number of weeks from 0 to \(trialRules.maxReintroduceWeeks), found \(trial.reintroduceWeeks)")
        }
        guard trial.start <= today else {
            throw TrialError("a trial cannot start in the future: \(trial.start) is after today, \(today); start it on the day it begins")
        }
        switch trial.kind {
        case .remove(let key):
            guard diets.diet(key) != nil else {
                throw TrialError("\"\(key.prefix(40))\" is not a diet or allergen absorb knows; choose from: \(diets.diets.map(\.key).joined(separator: ", "))")
            }
        case .add(let id):
            guard foods.index(of: id) != nil else { throw TrialError("no food has the id \"\(id.prefix(40))\"") }
        case .supplement(let id):
            guard let index = foods.index(of: id), foods.group(at: index) == FoodTableLoader.supplementGroup else {
                let known = (0..<foods.count).filter { foods.group(at: $0) == FoodTableLoader.supplementGroup }.map { foods.food(at: $0).id }
                throw TrialError("\"\(id.prefix(40))\" is not a supplement of Data/supplements.csv; choose from: \(known.joined(separator: ", "))")
            }
        }
        if let same = existing.first(where: { $0.name.lowercased() == name.lowercased() }) {
            throw TrialError("there is already a trial named \"\(same.name)\" (from \(same.start)); choose another name")
        }
        if let other = existing.first(where: { $0.overlaps(trial) }) {
            throw TrialError("the trial would overlap \"\(other.name)\" (\(other.start) to \(other.lastDay)); one trial at a time, so that a change can be told apart: start it after \(other.lastDay), or end that one first (absorb trial end)")
        }
    }

    /// What a trial changes, in words: the diet's label, or the food's name.
    public func trialSubject(_ kind: TrialKind) -> String {
        switch kind {
        case .remove(let key): diets.diet(key)?.label ?? key
        case .add(let id), .supplement(let id): displayName(ofFoodID: id)
        }
    }

    /// How the entries kept to a trial over its trial phase, up to `asOf`.
    public func trialAdherence(_ trial: Trial, entries: [Entry], asOf: LocalDate) -> TrialAdherence {
        guard let planned = trial.range(of: .trial), planned.from <= asOf else {
            return TrialAdherence(days: 0, daysWithoutEntries: 0, broken: [], missedDays: [], takenDays: 0)
        }
        let range = DateRange(from: planned.from, to: min(planned.to, asOf))
        let byDay = Dictionary(grouping: entries.filter { range.contains($0.date) }, by: \.date)
        let days = (0..<range.dayCount).map { range.from.adding(days: $0) }
        let empty = days.filter { byDay[$0]?.isEmpty ?? true }.count
        switch trial.kind {
        case .remove(let key):
            let broken = days.flatMap { day in
                (byDay[day] ?? []).compactMap { entry -> TrialAdherence.BrokenEntry? in
                    guard let index = foods.index(of: entry.foodID),
                          let reason = dietExclusion(ofFoodAt: index, diets: [key]) else { return nil }
                    return TrialAdherence.BrokenEntry(date: day, foodID: entry.foodID, foodName: displayName(ofFoodID: entry.foodID),
                                                      grams: entry.grams, reason: reason)
                }
            }
            return TrialAdherence(days: days.count, daysWithoutEntries: empty, broken: broken, missedDays: [], takenDays: 0)
        case .add(let id), .supplement(let id):
            let taken = days.filter { day in (byDay[day] ?? []).contains { $0.foodID == id } }
            let missed = days.filter { day in !(byDay[day]?.isEmpty ?? true) && !taken.contains(day) }
            return TrialAdherence(days: days.count, daysWithoutEntries: empty, broken: [], missedDays: missed, takenDays: taken.count)
        }
    }

    /// What changed over a report's range: each nutrient against its target, fibre against
    /// the AI of each day's energy, fermented and prebiotic servings against
    /// `servings_at_target`, beside the daily scales `tracked` at each lag.
    public func whatChanged(report: Report, checkIns: [CheckIn], tracked: [CheckInScale]) -> WhatChanged {
        let range = report.range
        let days = (0..<range.dayCount).map { range.from.adding(days: $0) }
        let byDay = Dictionary(grouping: report.entries, by: \.date)
        var figures: [(figure: GutFigure, threshold: String, daily: [(value: Double, target: Double)?])] = []
        for nutrient in Nutrient.allCases {
            let target = report.targets[nutrient]
            guard let value = target.value, value > 0 else { continue }
            let amounts = dailyFigure(.nutrient(nutrient), report: report, probiotics: [])
            let kind = target.kind.map { $0 == .custom ? "your target" : "the \($0.rawValue.uppercased())" } ?? "the target"
            figures.append((.nutrient(nutrient), "\(kind), \(Format.number(value)) \(nutrient.unit)",
                            amounts.map { $0.map { (value: $0, target: value) } }))
        }
        let fibre = days.map { day -> (value: Double, target: Double)? in
            guard let entries = byDay[day], !entries.isEmpty else { return nil }
            let day = balance.analyze(entries, ageMonths: report.profile.ageMonths)
            return day.fibreTarget.map { (value: day.fibreGrams, target: $0) }
        }
        figures.append((.fibre, "the AI for each day's energy", fibre))
        let servings = trialRules.servingsAtTarget
        let word = "\(Format.number(servings)) serving\(servings == 1 ? "" : "s")"
        for figure in [GutFigure.fermentedServings, .prebioticServings] {
            figures.append((figure, word, dailyFigure(figure, report: report, probiotics: []).map { $0.map { (value: $0, target: servings) } }))
        }
        return WhatChanged.make(range: range, figures: figures, checkIns: checkIns, tracked: tracked,
                                definitions: checkInScales, rules: trialRules)
    }

    /// A trial's result on `asOf`: `report` covers the trial's window (`trial.window`) with
    /// the profile's entries, `checkIns` the profile's check-ins (any days).
    public func trialReview(_ trial: Trial, report: Report, checkIns: [CheckIn], tracked: [CheckInScale],
                            asOf: LocalDate) -> TrialReview {
        let phases = TrialPhase.allCases.compactMap { phase in trial.range(of: phase).map { (phase: phase, range: $0) } }
        let current = asOf <= trial.lastDay ? trial.phase(on: asOf).flatMap { $0 == .baseline ? nil : $0 } : nil
        return TrialReview(
            trial: trial, asOf: asOf, subject: trialSubject(trial.kind), currentPhase: current,
            finished: trial.isFinished(on: asOf), phases: phases,
            adherence: trialAdherence(trial, entries: report.entries, asOf: asOf),
            scales: TrialReview.scalePhases(trial: trial, asOf: asOf, checkIns: checkIns, tracked: tracked,
                                            definitions: checkInScales, rules: trialRules),
            whatChanged: whatChanged(report: report, checkIns: checkIns, tracked: tracked),
            caution: trialRules.caution, cautionSource: trialRules.cautionSource)
    }
}
