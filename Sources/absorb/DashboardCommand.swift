import ArgumentParser
import Dashboard
import DataFiles
import Foundation
import Journal
import NutrientModel
import Terminal

/// `absorb` with no command: the full-screen dashboard on the journal.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "The full-screen dashboard (what `absorb` opens with no command).",
        discussion: "Every key is listed on its help screen (?). Needs a terminal; `absorb today` prints the day's report instead.")

    @OptionGroup var common: CommonOptions

    @Flag(name: .long, help: "Draw with ASCII characters only (the default when the locale is not UTF-8).")
    var ascii = false

    @Option(name: .long, help: "standard, or high-contrast for a projector (no dim text, colours bold).")
    var theme: Theme = .standard

    func run() throws {
        // Everything that can fail on the journal or data fails here, before the terminal changes.
        let session = try common.open()
        let runner = try DashboardRunner(session: session)
        let terminal: TerminalScreen
        do { terminal = try TerminalScreen(forceASCII: ascii) } catch {
            throw CLIError("\(error.description). For a text report run `absorb today`; `absorb --help` lists every command.")
        }
        terminal.highContrast = theme == .highContrast
        defer { terminal.close() }
        try runner.run(on: terminal)
    }
}

/// How the dashboard is drawn.
enum Theme: String, ExpressibleByArgument, CaseIterable {
    case standard
    case highContrast = "high-contrast"
}

/// Runs the dashboard: reads input, applies it with `update`, runs the effects `update`
/// returns against the journal and feeds their results back, and redraws.
final class DashboardRunner {
    private let session: Session
    private var profileID: Int64
    /// The demo's data, when this is the demo: `r` puts it back.
    private let demo: DemoData?
    /// The demo patient's profile: `r` makes it the only one again, whichever is shown.
    private let demoProfileID: Int64
    /// The custom food ids this session gave out.
    private var issuedCustomFoodIDs: Set<String> = []
    /// The days whose entries the dashboard holds (`AppState.loadedRange`): a profile's
    /// context is read for them, never for the whole history.
    private var heldRange: DateRange?

    /// How long an idle dashboard waits for a key before it checks the clock and the journal.
    static let idleMilliseconds: Int32 = 800

    init(session: Session, demo: DemoData? = nil) throws {
        self.session = session
        self.demo = demo
        profileID = session.profile.id
        demoProfileID = session.profile.id
    }

    /// Everything the dashboard needs of a profile (by default the one it opened on).
    func context(for id: Int64? = nil) throws(JournalError) -> ProfileContext {
        let journal = session.journal
        let wanted = id ?? profileID
        let profiles = try journal.profiles()
        guard let active = profiles.first(where: { $0.id == wanted }) else {
            throw JournalError(path: journal.path, message: "there is no profile \(wanted)")
        }
        profileID = active.id
        let today = Clock().today
        // At the start, the 30 days shown (the month before them is read after the first frame).
        let held = heldRange ?? DateRange(from: today.adding(days: -(AppState.firstHeldDays - 1)), to: today)
        return ProfileContext(profile: active, profiles: profiles,
                              overrides: try journal.targetOverrides(profileID: active.id),
                              entries: try journal.entries(profileID: active.id, in: held),
                              loadedRange: held,
                              recentEntries: try journal.recentEntries(profileID: active.id, limit: AppState.recentFoodCount),
                              favourites: try journal.favourites(profileID: active.id),
                              checkIns: try journal.checkIns(profileID: active.id),
                              probiotics: try journal.probiotics(profileID: active.id).map(\.dose),
                              trials: try journal.trials(profileID: active.id))
    }

    func run(on terminal: TerminalScreen) throws {
        let (width, height) = terminal.size
        let clock = Clock()
        var state = AppState(data: session.data, context: try context(), today: clock.today, minuteOfDay: clock.minuteOfDay,
                             width: width, height: height, glyphs: terminal.glyphs, useColor: terminal.useColor,
                             banner: demo == nil ? nil : ["DEMO", "a copy: your journal is not touched", "r restores"]
                                .joined(separator: " \(terminal.glyphs.dot) "))
        var dirty = true
        var warmed = false
        var frames = 0
        let fault = InjectedFault.fromEnvironment()
        heldRange = state.loadedRange
        var fingerprint = (try? session.journal.entriesFingerprint(profileID: profileID, in: state.loadedRange)) ?? []
        var changeCounter = try? session.journal.externalChangeCounter()
        var journalWatch = JournalChangeWatch(path: session.journal.path)
        while !state.wantsQuit {
            if dirty {
                terminal.draw(render(state))
                dirty = false
                frames += 1
                try fault?.fire(afterFrame: frames)
            }
            if !warmed {
                // With the first screen up, build the search index in the background, so
                // the first key typed in a search does not wait for it.
                warmed = true
                let data = session.data
                // The gap planner too, for the first `g`.
                DispatchQueue.global(qos: .userInitiated).async {
                    _ = data.search
                    data.planner.prepare()
                }
                // And the month before the days shown, so that walking back a day reads nothing.
                if let before = state.monthBeforeHeld, let result = perform(.loadEntries(before)) {
                    _ = update(&state, result)
                    heldRange = state.loadedRange
                    fingerprint = (try? session.journal.entriesFingerprint(profileID: profileID, in: state.loadedRange)) ?? fingerprint
                    dirty = true
                }
            }
            // Idle, it looks for another absorb's changes this often: within a second, as
            // promised, at a cost that does not grow with the journal (PRAGMA data_version).
            switch terminal.read(timeout: Self.idleMilliseconds) {
            case .signal(let number):
                // The terminal is restored on the way out; the status is the shell's
                // convention for a process a signal stopped (128 + its number).
                throw ExitCode(128 + number)
            case .idle:
                let now = Clock()
                if now.today != state.today || now.minuteOfDay != state.minuteOfDay {
                    let dayChanged = now.today != state.today
                    _ = update(&state, .clock(today: now.today, minuteOfDay: now.minuteOfDay))
                    // The minute only picks a new entry's meal when its form opens (AmountScreen):
                    // no frame shows it, so only a new day is drawn (a frame a minute was most of
                    // an idle dashboard's CPU at ten years).
                    if dayChanged { dirty = true }
                }
                // Entries another process (absorb log add, a second dashboard) saved: SQLite
                // is asked only when the journal's files say one may have written, and the
                // entry table read only when another connection has.
                let counter = journalWatch.shouldAsk() ? try? session.journal.externalChangeCounter() : changeCounter
                if counter == nil || counter != changeCounter {
                    changeCounter = counter
                    if let latest = try? session.journal.entriesFingerprint(profileID: profileID, in: state.loadedRange),
                       latest != fingerprint {
                        fingerprint = latest
                        if let entries = try? heldEntries() {
                            _ = update(&state, .entriesReloaded(entries))
                            dirty = true
                        }
                    }
                    // Check-ins and probiotics another absorb saved (absorb check-in).
                    if let checkIns = try? session.journal.checkIns(profileID: profileID),
                       let doses = try? session.journal.probiotics(profileID: profileID).map(\.dose),
                       checkIns != state.checkIns || doses != state.probiotics {
                        _ = update(&state, .checkInsReloaded(checkIns, probiotics: doses))
                        dirty = true
                    }
                    // Trials another absorb started or ended (absorb trial).
                    if let trials = try? session.journal.trials(profileID: profileID), trials != state.trials {
                        _ = update(&state, .trialsReloaded(trials))
                        dirty = true
                    }
                }
            case .action(let action):
                var pending = update(&state, action)
                let wrote = !pending.isEmpty
                while !pending.isEmpty {
                    heldRange = state.loadedRange
                    guard let result = perform(pending.removeFirst()) else { return }  // quit
                    pending += update(&state, result)
                }
                heldRange = state.loadedRange
                // Our own writes are already on screen: do not reload them.
                if wrote {
                    fingerprint = (try? session.journal.entriesFingerprint(profileID: profileID, in: state.loadedRange)) ?? fingerprint
                }
                dirty = true
            }
        }
    }

    /// The entries of the days the dashboard holds (all of them if it holds all).
    private func heldEntries() throws(JournalError) -> [Entry] {
        guard let heldRange else { return try session.journal.entries(profileID: profileID) }
        return try session.journal.entries(profileID: profileID, in: heldRange)
    }

    /// Runs one effect against the journal; the action that reports what happened, or nil
    /// for `quit`.
    func perform(_ effect: Effect) -> Action? {
        let journal = session.journal
        do {
            switch effect {
            case .addEntry(let date, let meal, let foodID, let grams, let measure):
                return .entrySaved(try journal.addEntry(profileID: profileID, date: date, meal: meal, foodID: foodID, grams: grams,
                                                        measure: measure))
            case .addEntries(let items):
                let saved = try journal.addEntries(profileID: profileID, items.map {
                    (date: $0.date, meal: $0.meal, foodID: $0.foodID, grams: $0.grams)
                }, measures: items.map(\.measure))
                return .entriesCopied(count: saved.count, entries: try heldEntries())
            case .updateEntry(let entry):
                return .entryUpdated(try journal.updateEntry(entry, profileID: profileID))
            case .deleteEntry(let entry):
                guard let removed = try journal.removeEntry(id: entry.id, profileID: profileID) else {
                    return .failed("That entry is no longer in the journal; nothing was deleted")
                }
                return .entryDeleted(removed)
            case .saveProfile(let stored):
                try journal.updateProfile(stored)
                return .profileSaved(stored)
            case .switchProfile(let id):
                try journal.activate(profileID: id)
                return .profileLoaded(try context(for: id))
            case .addProfile(let profile):
                let stored = try journal.addProfile(profile)
                try journal.activate(profileID: stored.id)
                return .profileAdded(try context(for: stored.id))
            case .addCustomFood(let label):
                // An id this session gave a food that undo took out again is still the
                // dashboard's (until absorb starts again): never given twice.
                var id = try journal.nextCustomFoodID()
                while issuedCustomFoodIDs.contains(id), let number = Int(id.dropFirst()) { id = String(format: "C%04d", number + 1) }
                issuedCustomFoodIDs.insert(id)
                let food = try label.food(id: id, group: JournalStore.customFoodGroup,
                                          maxServingGrams: session.data.quantities.maxEntryGrams)
                try journal.addCustomFood(food)
                return .customFoodAdded(food)
            case .setFavourite(let foodID, let favourite):
                try journal.setFavourite(foodID, favourite, profileID: profileID)
                return .favouritesChanged(foodID: foodID, favourites: try journal.favourites(profileID: profileID))
            case .saveCheckIn(let checkIn):
                let saved = try journal.saveCheckIn(checkIn, profileID: profileID, scales: session.data.checkInScales)
                return .checkInSaved(saved.checkIn, updated: saved.updated)
            case .startTrial(let trial):
                // Checked again inside the write, beside the trials as they are then.
                let data = session.data
                do {
                    try journal.addTrial(trial, profileID: profileID) { existing throws(TrialError) in
                        try data.checkTrial(trial, existing: existing, today: Clock().today)
                    }
                } catch {
                    return .failed(error.message)
                }
                return .trialStarted(trial, trials: try journal.trials(profileID: profileID))
            case .endTrial(let name, let day):
                guard let ended = try journal.endTrial(named: name, on: day, profileID: profileID) else {
                    return .failed("The trial \(TextRules.quoted(name)) is no longer in the journal. Nothing was changed.")
                }
                return .trialEnded(ended, trials: try journal.trials(profileID: profileID))
            case .restoreDemo:
                guard let demo else { return .failed("Only the demo can be restored") }
                // Back to the start: the demo patient alone (a profile added since goes, with
                // its entries), active, with no favourites or targets of its own, and the
                // fourteen days seeded again. (Seeding the profile shown instead made a
                // second demo patient after `n`.)
                try journal.activate(profileID: demoProfileID)
                for other in try journal.profiles() where other.id != demoProfileID { try journal.removeProfile(id: other.id) }
                for food in try journal.favourites(profileID: demoProfileID) {
                    _ = try journal.setFavourite(food, false, profileID: demoProfileID)
                }
                for override in try journal.targetOverrides(profileID: demoProfileID) {
                    _ = try journal.removeTargetOverride(override.nutrient, profileID: demoProfileID)
                }
                try DemoCommand.seed(journal, profileID: demoProfileID, with: demo, today: Clock().today, scales: session.data.checkInScales)
                return .demoRestored(try context(for: demoProfileID))
            case .loadEntries(let range):
                return .entriesLoaded(range, try journal.entries(profileID: profileID, in: range))
            case .applyChange(let change, let undoing):
                return try apply(change, undoing: undoing)
            case .quit:
                return nil
            }
        } catch {
            return .failed("\(error)")
        }
    }
}

extension DashboardRunner {
    /// Makes an undo or redo in the journal, only where it finds what the change expects;
    /// the shown profile as it is afterwards.
    func apply(_ change: JournalChange, undoing: Bool) throws -> Action {
        let journal = session.journal
        let made: Bool
        var shown: Int64? = nil
        switch change {
        case .addEntries(let entries, let profile):
            made = try journal.applyEntryChange(profileID: profile, remove: [], insert: entries, change: []).isEmpty
        case .removeEntries(let entries, let profile):
            made = try journal.applyEntryChange(profileID: profile, remove: entries, insert: [], change: []).isEmpty
        case .changeEntry(let from, let to, let profile):
            made = try journal.applyEntryChange(profileID: profile, remove: [], insert: [], change: [(from, to)]).isEmpty
        case .changeProfile(let from, let to):
            made = try journal.replaceProfile(from, with: to)
        case .addProfile(let profile, _):
            made = try journal.restoreProfile(profile)
            if made { shown = profile.id }
        case .removeProfile(let profile, let previous):
            made = try journal.removeAddedProfile(profile, activating: previous)
            if made { shown = previous }
        case .addCustomFood(let food):
            made = try journal.restoreCustomFood(food)
        case .removeCustomFood(let food):
            made = try journal.removeCustomFood(food)
        case .addTrial(let trial, let profile):
            made = try journal.restoreTrial(trial, profileID: profile)
        case .removeTrial(let trial, let profile):
            made = try journal.removeTrial(trial, profileID: profile)
        case .changeTrial(let from, let to, let profile):
            made = try journal.replaceTrial(from, with: to, profileID: profile)
        case .setFavourite(let food, let favourite, let profile):
            made = try journal.changeFavourite(food, to: favourite, profileID: profile)
        case .switchProfile(let from, let to):
            made = try journal.switchActiveProfile(from: from, to: to)
            if made { shown = to }
        }
        guard made else { return .changeLeft(undoing: undoing, context: try? context()) }
        return .changeApplied(undoing: undoing, context: try context(for: shown))
    }
}

/// The local date and minute of the day now.
struct Clock {
    let today: LocalDate
    let minuteOfDay: Int

    init(_ now: Date = Date()) {
        today = LocalDate.from(now)
        minuteOfDay = LocalClock.minuteOfDay(now)
    }
}

/// `absorb demo`: the dashboard on a demo patient, in a temporary journal.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Open the dashboard on a demo patient (Data/demo/): fourteen days of meals, in a temporary copy.",
        discussion: "Nothing touches your journal. r in the dashboard puts the demo back as it started.")

    @Option(name: .long, help: ArgumentHelp("A Data/ folder (default: the bundled tables).", valueName: "dir"))
    var data: String?

    @Flag(name: .long, help: "Draw with ASCII characters only.")
    var ascii = false

    @Option(name: .long, help: "standard, or high-contrast for a projector (no dim text, colours bold).")
    var theme: Theme = .standard

    func run() throws {
        let directory = NSTemporaryDirectory() + "absorb-demo-\(getpid())-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let session = try Session(journalOption: directory + "/journal.sqlite", dataOption: data)
        let demo: DemoData
        do { demo = try DemoData(directory: session.data.directory + "/demo", data: session.data) } catch {
            throw CLIError("cannot load the demo: \(error.description)")
        }
        try Self.seed(session.journal, profileID: session.profile.id, with: demo, today: Clock().today, scales: session.data.checkInScales)
        // The runner reads the seeded profile and entries from the journal itself.
        let runner = try DashboardRunner(session: session, demo: demo)
        let terminal: TerminalScreen
        do { terminal = try TerminalScreen(forceASCII: ascii) } catch {
            throw CLIError("\(error.description). The demo is the dashboard; it needs a terminal.")
        }
        terminal.highContrast = theme == .highContrast
        defer { terminal.close() }
        try runner.run(on: terminal)
    }

    /// Puts the demo patient and their fourteen days into the journal's profile.
    static func seed(_ journal: JournalStore, profileID: Int64, with demo: DemoData, today: LocalDate, scales: CheckInScales) throws {
        try journal.updateProfile(StoredProfile(id: profileID, profile: demo.profile))
        try journal.removeAllEntries(profileID: profileID)
        _ = try journal.addEntries(profileID: profileID, demo.meals.map {
            (date: today.adding(days: $0.dayOffset), meal: $0.meal, foodID: $0.foodID, grams: $0.grams)
        })
        // A fortnight of check-ins, and the probiotic begun halfway.
        try journal.removeAllCheckIns(profileID: profileID)
        for day in demo.checkIns {
            try journal.saveCheckIn(day.checkIn(today: today), profileID: profileID, scales: scales)
        }
        for day in demo.probiotics {
            try journal.addProbiotic(ProbioticDose(date: today.adding(days: day.dayOffset), strain: day.strain.name, strainID: day.strain.id,
                                                   cfu: day.strain.cfuPerUnit * day.units), profileID: profileID)
        }
        // A finished trial: a vitamin D softgel for the last week, with the week before as its baseline.
        try journal.removeAllTrials(profileID: profileID)
        for day in demo.trials {
            let trial = day.trial(today: today)
            try journal.addTrial(trial, profileID: profileID) { _ throws(TrialError) in }
        }
    }
}

/// A failure injected while drawing, so tests can prove the terminal comes back whatever
/// goes wrong mid-frame: `ABSORB_INJECT_FAULT=throw:N` throws an error after frame N (the
/// path every unexpected error takes), `trap:N` stops with a Swift runtime trap (the path of
/// a bug: an index out of range, a failed precondition). Unset, nothing changes.
struct InjectedFault {
    enum Kind: String { case `throw`, trap }
    let kind: Kind
    let frame: Int

    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> InjectedFault? {
        guard let text = environment["ABSORB_INJECT_FAULT"] else { return nil }
        let parts = text.split(separator: ":")
        guard parts.count == 2, let kind = Kind(rawValue: String(parts[0])), let frame = Int(parts[1]), frame > 0 else { return nil }
        return InjectedFault(kind: kind, frame: frame)
    }

    func fire(afterFrame drawn: Int) throws {
        guard drawn == frame else { return }
        switch kind {
        case .throw: throw CLIError("an error while drawing frame \(drawn) (injected by ABSORB_INJECT_FAULT)")
        case .trap: fatalError("a trap while drawing frame \(drawn) (injected by ABSORB_INJECT_FAULT)")
        }
    }
}
