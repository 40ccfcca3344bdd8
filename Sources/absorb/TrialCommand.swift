import ArgumentParser
import Foundation
import Journal
import NutrientModel

/// `absorb trial`: elimination and supplement trials, run with a clinician, and what changed.
struct TrialCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trial",
        abstract: "Run an elimination or supplement trial and compare the check-ins before, during and after it.",
        discussion: """
            A trial leaves out a diet or allergen for some weeks (--remove no_dairy: the same \
            rule as a profile's diets and the planner, Data/diets.csv), or adds a food or a \
            supplement every day, then optionally reintroduces it. absorb compares the \
            check-ins of the baseline (the same number of days before the start), the trial \
            and the reintroduction: mean, range and days per scale, \(TrialLimits.phaseMinimum); \
            fewer are said as too few. Adherence comes from the \
            entries: the entries that broke an elimination, named; the days a food or \
            supplement was not logged. This is not a diagnosis: symptoms vary on their own, \
            and food allergy is diagnosed by an allergist.
            """,
        subcommands: [Start.self, Show.self, End.self, List.self])

    /// The profile's trial of `name`, or, without one, the latest; an error naming the trials.
    static func find(_ name: String?, in trials: [Trial], profile: String) throws -> Trial {
        guard !trials.isEmpty else {
            throw CLIError("\(profile) has no trial: start one with absorb trial start NAME --remove no_dairy --weeks 3 (absorb trial start --help)")
        }
        guard let name else { return trials.last! }
        guard let trial = trials.first(where: { $0.name.lowercased() == name.trimmingCharacters(in: .whitespaces).lowercased() }) else {
            throw CLIError("\(profile) has no trial named \(TextRules.quoted(name)); the trials are: \(trials.map { TextRules.quoted($0.name) }.joined(separator: ", "))")
        }
        return trial
    }

    /// The trial's review on `today`, from the journal.
    static func review(_ trial: Trial, session: Session, today: LocalDate) throws -> TrialReview {
        let window = trial.window
        let report = try session.report(DateRange(from: window.from, to: max(window.from, min(window.to, today))))
        let checkIns = try session.journal.checkIns(profileID: session.profile.id, in: window)
        return session.data.trialReview(trial, report: report, checkIns: checkIns,
                                        tracked: session.profile.profile.trackedScales, asOf: today)
    }

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start a trial: --remove EXCLUSION, --add FOOD or --supplement ID, for --weeks N.",
            discussion: """
                EXCLUSION is a diet or allergen key of Data/diets.csv (no_dairy, no_egg, \
                no_gluten …); FOOD a food id or words that find it; ID a supplement of \
                Data/supplements.csv (S0001 …). --weeks \(TrialLimits.weeks) and \
                --reintroduce-weeks \(TrialLimits.reintroduceWeeks) (Data/trials.csv). Refused, and nothing saved: an exclusion absorb \
                does not know (the known ones are listed), a start after today, weeks out of \
                range, a trial that shares a day with another of the profile's.
                """)

        @Argument(help: ArgumentHelp("The trial's name, as in \"no dairy\".", valueName: "name"))
        var name: String

        @Option(name: .long, help: ArgumentHelp("Leave out a diet or allergen (a key of Data/diets.csv: no_dairy, no_egg …).", valueName: "exclusion"))
        var remove: String?

        @Option(name: .long, help: ArgumentHelp("Eat a food every day: its id or words that find it.", valueName: "food"))
        var add: String?

        @Option(name: .long, help: ArgumentHelp("Take a supplement every day: its id in Data/supplements.csv (S0001 …).", valueName: "id"))
        var supplement: String?

        @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("How many weeks the trial lasts, \(TrialLimits.weeksRange).", valueName: "n"))
        var weeks: String

        @Option(name: .customLong("reintroduce-weeks"), parsing: .unconditional, help: ArgumentHelp("Weeks of reintroduction after it, \(TrialLimits.reintroduceRange) (default: 0).", valueName: "m"))
        var reintroduceWeeks: String?

        @Option(name: .long, help: ArgumentHelp("The first day of the trial, YYYY-MM-DD, today or yesterday (default: today).", valueName: "date"))
        var start: String?

        @OptionGroup var common: CommonOptions

        func run() throws {
            let given = [remove, add, supplement].compactMap { $0 }
            guard given.count == 1 else {
                throw CLIError("say what the trial changes, once: --remove EXCLUSION, --add FOOD or --supplement ID (found \(given.count)). Nothing was saved.")
            }
            let today = LocalDate.today()
            let first: LocalDate
            do { first = try parseDate(start, option: "--start") ?? today } catch { throw CLIError("\(error). Nothing was saved.") }
            let session = try common.open()
            let data = session.data
            let rules = data.trialRules
            let weekCount: Int, back: Int
            do {
                weekCount = try rules.parseWeeks(weeks, for: "--weeks", in: rules.weeks)
                back = try reintroduceWeeks.map { text throws(TrialError) in try rules.parseWeeks(text, for: "--reintroduce-weeks", in: rules.reintroduceWeeks) } ?? 0
            } catch { throw CLIError("\(error.description). Nothing was saved.") }
            let kind: TrialKind
            if let remove {
                kind = .remove(remove.trimmingCharacters(in: .whitespaces))
            } else if let supplement {
                kind = .supplement(supplement.trimmingCharacters(in: .whitespaces))
            } else {
                let query = add!.trimmingCharacters(in: .whitespaces)
                guard let food = data.foods.food(id: query) ?? data.searchFoods(query, limit: 1).first else {
                    throw CLIError("--add: no food matches \(TextRules.quoted(query)) (absorb foods search WORDS finds one). Nothing was saved.")
                }
                kind = .add(food.id)
            }
            let trial = Trial(name: name.trimmingCharacters(in: .whitespaces), kind: kind, start: first, weeks: weekCount, reintroduceWeeks: back)
            do {
                try session.journal.addTrial(trial, profileID: session.profile.id) { existing throws(TrialError) in
                    try data.checkTrial(trial, existing: existing, today: today)
                }
            } catch {
                throw CLIError("\(error.message). Nothing was saved.")
            }
            let subject = TextRules.escaped(data.trialSubject(kind))
            let change: String
            switch kind {
            case .remove(let key): change = "following \(key): \(subject)"
            case .add(let id): change = "with \(subject) (\(id)) every day"
            case .supplement(let id): change = "taking \(subject) (\(id)) every day"
            }
            print("Started the trial \(TextRules.quoted(trial.name)) for \(TextRules.escaped(session.profile.profile.name)): \(change), \(weekCount) week\(weekCount == 1 ? "" : "s") from \(first.longDescription)"
                  + (back > 0 ? ", then \(back) week\(back == 1 ? "" : "s") of reintroduction" : "") + ", to \(trial.plannedEnd).")
            print("Baseline: the check-ins of \(trial.baselineRange.from) – \(trial.baselineRange.to). Check in every day (absorb check-in); absorb trial show compares the phases.")
            print(data.trialRules.caution)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a trial (default: the latest): phases, adherence, each scale by phase, what changed.",
            discussion: """
                JSON has the trial, its phases, adherence, each tracked scale's figures by \
                phase (count, needed, mean, lowest, highest), what changed (per figure and \
                daily scale, lags 0 to 3: days at or above and below, count and mean) and the \
                caution.
                """)

        @Argument(help: ArgumentHelp("The trial's name (default: the latest).", valueName: "name"))
        var name: String?

        @Option(name: .long, help: "text or json.")
        var format: TrialFormat = .text

        @OptionGroup var common: CommonOptions

        func run() throws {
            let session = try common.open()
            let profile = TextRules.escaped(session.profile.profile.name)
            let trial = try TrialCommand.find(name, in: try session.journal.trials(profileID: session.profile.id), profile: profile)
            let review = try TrialCommand.review(trial, session: session, today: LocalDate.today())
            switch format {
            case .text: print(TrialText.lines(review, profile: profile, data: session.data).joined(separator: "\n"))
            case .json: printJSON(TrialText.json(review, profile: session.profile.profile.name))
            }
        }
    }

    struct End: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "End a trial today (default: the one running); its figures stop there.")

        @Argument(help: ArgumentHelp("The trial's name (default: the one running).", valueName: "name"))
        var name: String?

        @OptionGroup var common: CommonOptions

        func run() throws {
            let session = try common.open()
            let profile = TextRules.escaped(session.profile.profile.name)
            let trials = try session.journal.trials(profileID: session.profile.id)
            let today = LocalDate.today()
            let trial: Trial
            if let name {
                trial = try TrialCommand.find(name, in: trials, profile: profile)
            } else {
                guard let running = trials.last(where: { !$0.isFinished(on: today) }) else {
                    throw CLIError("\(profile) has no trial running\(trials.isEmpty ? "" : " (absorb trial list shows the trials)"). Nothing was changed.")
                }
                trial = running
            }
            guard !trial.isFinished(on: today) else {
                throw CLIError("the trial \(TextRules.quoted(trial.name)) is already over (its last day was \(trial.lastDay)). Nothing was changed.")
            }
            guard trial.start <= today else { throw CLIError("the trial \(TextRules.quoted(trial.name)) has not started. Nothing was changed.") }
            guard let ended = try session.journal.endTrial(named: trial.name, on: today, profileID: session.profile.id) else {
                throw CLIError("the trial \(TextRules.quoted(trial.name)) is no longer in the journal. Nothing was changed.")
            }
            print("Ended the trial \(TextRules.quoted(ended.name)) on \(today.longDescription) (planned to \(trial.plannedEnd)). absorb trial show \(TextRules.quoted(ended.name)) compares its phases.")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the profile's trials.")

        @OptionGroup var common: CommonOptions

        func run() throws {
            let session = try common.open()
            let trials = try session.journal.trials(profileID: session.profile.id)
            let today = LocalDate.today()
            print("Trials · \(TextRules.escaped(session.profile.profile.name)): \(trials.count)")
            if trials.isEmpty { print("  none: absorb trial start NAME --remove no_dairy --weeks 3") }
            for trial in trials {
                let status = trial.start > today ? "not begun" : trial.isFinished(on: today)
                    ? (trial.endedOn.map { "ended \($0)" } ?? "finished") : "running"
                print("  \(TextRules.quoted(trial.name))  \(TrialText.change(trial.kind, data: session.data))  \(trial.start) – \(trial.lastDay)  \(status)")
            }
        }
    }
}

/// The limits the help states, read from `Data/trials.csv` of the tables absorb would use
/// (ABSORB_DATA, else the bundled ones), so the help and the rules never disagree; where the
/// file cannot be read, the help names it instead of a number.
enum TrialLimits {
    static let rules: TrialRules? = {
        guard let directory = try? DataLocator.locate(option: nil),
              let contents = FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent("trials.csv")) else {
            return nil
        }
        return try? TrialRules(bytes: [UInt8](contents), fileName: "trials.csv")
    }()

    /// "1 to 12".
    static var weeksRange: String { rules.map { "\($0.minWeeks) to \($0.maxWeeks)" } ?? "as Data/trials.csv allows" }
    /// "0 to 8".
    static var reintroduceRange: String { rules.map { "0 to \($0.maxReintroduceWeeks)" } ?? "as Data/trials.csv allows" }
    /// "from 1 to 12".
    static var weeks: String { rules == nil ? weeksRange : "from \(weeksRange)" }
    /// "from 0 to 8".
    static var reintroduceWeeks: String { rules == nil ? reintroduceRange : "from \(reintroduceRange)" }
    /// "from 7 days (POEM: 2 weeks; Data/trials.csv)".
    static var phaseMinimum: String {
        rules.map { "from \($0.minPhaseDays) days (POEM: \($0.minPhaseWeeks) weeks; Data/trials.csv)" } ?? "from the minimum of Data/trials.csv"
    }
}

/// `absorb trial show --format`.
enum TrialFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// The trial review as JSON (`trial show --format json`): a formatter of `TrialReview`;
/// the text is `TrialText`'s, in NutrientModel, which the dashboard's trial screen shows too.
extension TrialText {
    /// The review as JSON.
    static func json(_ review: TrialReview, profile: String) -> JSONValue {
        let trial = review.trial
        func int(_ value: Int?) -> JSONValue { value.map { .number(Double($0)) } ?? .null }
        func range(_ range: DateRange?) -> JSONValue {
            range.map { .object([("from", .string($0.from.description)), ("to", .string($0.to.description))]) } ?? .null
        }
        let a = review.adherence
        let adherence = JSONValue.object([
            ("days", int(a.days)), ("days_without_entries", int(a.daysWithoutEntries)),
            ("broken", .array(a.broken.map { .object([("date", .string($0.date.description)), ("food_id", .string($0.foodID)),
                                                      ("food", .string($0.foodName)), ("grams", .number($0.grams)),
                                                      ("reason", .string($0.reason))]) })),
            ("taken_days", int(a.takenDays)), ("missed_days", .array(a.missedDays.map { .string($0.description) })),
        ])
        let scales = JSONValue.array(review.scales.map { scale in
            .object([("scale", .string(scale.scale.rawValue)), ("name", .string(scale.name)), ("counted_in", .string(scale.countWord)),
                     ("phases", .array(scale.phases.map { phase in
                         .object([("phase", .string(phase.phase.rawValue)), ("range", range(phase.range)), ("count", int(phase.count)),
                                  ("needed", int(phase.needed)), ("too_few", .bool(phase.tooFew)),
                                  ("mean", .number(phase.mean, decimals: 4)), ("lowest", int(phase.lowest)), ("highest", int(phase.highest))])
                     }))])
        })
        let changed = review.whatChanged
        func side(_ side: WhatChanged.Side) -> JSONValue {
            .object([("count", int(side.count)), ("mean", .number(side.mean, decimals: 4))])
        }
        let whatChanged = JSONValue.object([
            ("range", range(changed.range)), ("check_in_days", int(changed.checkInDays)), ("minimum_days", int(changed.minimumDays)),
            ("shown", .bool(changed.isShown)), ("reason", .string(changed.reason)),
            ("figures", .array(changed.figures.map { figure in
                .object([("figure", .string(figure.figure.key)), ("threshold", .string(figure.threshold)), ("days", int(figure.days)),
                         ("days_at_or_above", int(figure.daysAtOrAbove)),
                         ("scales", .array(figure.scales.map { scale in
                             .object([("scale", .string(scale.scale.rawValue)),
                                      ("lags", .array(scale.lags.map { lag in
                                          .object([("lag_days", int(lag.lag)), ("at_or_above", side(lag.atOrAbove)), ("below", side(lag.below))])
                                      }))])
                         }))])
            })),
            ("caution", .string(changed.caution)),
        ])
        return .object([
            ("profile", .string(profile)), ("name", .string(trial.name)), ("kind", .string(trial.kind.key)),
            ("value", .string(trial.kind.value)), ("subject", .string(review.subject)), ("start", .string(trial.start.description)),
            ("weeks", int(trial.weeks)), ("reintroduce_weeks", int(trial.reintroduceWeeks)),
            ("ended_on", .string(trial.endedOn?.description)), ("last_day", .string(trial.lastDay.description)),
            ("as_of", .string(review.asOf.description)), ("finished", .bool(review.finished)),
            ("current_phase", .string(review.currentPhase?.rawValue)),
            ("phases", .array(review.phases.map { .object([("phase", .string($0.phase.rawValue)), ("range", range($0.range))]) })),
            ("adherence", adherence), ("scales", scales), ("what_changed", whatChanged),
            ("caution", .string(review.caution)), ("caution_source", .string(review.cautionSource)),
        ])
    }
}
