import NutrientModel

/// The one function that changes the dashboard: it applies an action to the state and
/// returns the effects (journal writes, quitting) the executable must run. It routes: a
/// key goes to the screen in front (its own table of keys, then the keys every screen
/// has); what the journal did updates the state and the undo history.
public func update(_ state: inout AppState, _ action: Action) -> [Effect] {
    let effects = apply(action, to: &state)
    // The day may have moved beyond the days held: their entries are read before the
    // next frame (the last effect, after any write). Not straight after a failure: a read
    // that failed is asked for again by the next key, never in a loop.
    if state.wantsQuit { return effects }
    if case .failed = action { return effects }
    return effects + state.loadIfNeeded()
}

/// What an action does to the state, and the effects it asks for.
private func apply(_ action: Action, to state: inout AppState) -> [Effect] {
    switch action {
    case .resize(let width, let height):
        state.width = width
        state.height = height
    case .clock(let today, let minute):
        if state.day == state.today { state.day = today }
        state.today = today
        state.minuteOfDay = minute
    case .entrySaved(let entry):
        state.insert(entry)
        state.day = entry.date
        state.popToDay()
        state.focus = .entries
        state.selectedEntry = state.dayEntries.firstIndex { $0.id == entry.id } ?? 0
        let text = "Added \(describe(entry, in: state))"
        state.record(.addEntries([entry], profileID: state.profile.id), text)
        state.message = .init(text: text, isError: false)
    case .entryUpdated(let entry):
        let before = state.entry(id: entry.id)
        state.insert(entry)
        state.popToDay()
        state.selectedEntry = state.dayEntries.firstIndex { $0.id == entry.id } ?? 0
        let text = "Changed to \(describe(entry, in: state))"
        if let before { state.record(.changeEntry(from: before, to: entry, profileID: state.profile.id), text) }
        state.message = .init(text: text, isError: false)
    case .entryDeleted(let entry):
        state.remove(entry)
        state.selectedEntry = max(0, min(state.selectedEntry, state.dayEntries.count - 1))
        if state.dayEntries.isEmpty { state.focus = .nutrients }
        let text = "Deleted \(describe(entry, in: state))"
        state.record(.removeEntries([entry], profileID: state.profile.id), text)
        state.message = .init(text: "\(text) \(state.glyphs.dot) u undoes", isError: false)
    case .profileSaved(let summary):
        let before = state.profiles.first { $0.id == summary.id }
        state.profile = summary
        if let index = state.profiles.firstIndex(where: { $0.id == summary.id }) {
            state.profiles[index] = summary
        } else {
            state.profiles.append(summary)
        }
        state.recomputeTargets()
        let text = "Saved \(summary.profile.name) \(state.glyphs.dot) targets: \(state.targets.lifeStage)"
        if let before, before != summary { state.record(.changeProfile(from: before, to: summary), "the profile change (\(summary.profile.name))") }
        state.message = .init(text: text, isError: false)
    case .profileLoaded(let context):
        let previous = state.profile.id
        state.load(context)
        if previous != context.profile.id {
            state.record(.switchProfile(from: previous, to: context.profile.id), "the switch to \(context.profile.profile.name)")
        }
        state.selectedEntry = 0
        state.message = .init(text: "Now showing \(context.profile.profile.name)", isError: false)
    case .profileAdded(let context):
        let previous = state.profile.id
        state.load(context)
        state.selectedEntry = 0
        state.record(.addProfile(context.profile, previous: previous), "the new profile \(context.profile.profile.name)")
        state.message = .init(text: "Added \(context.profile.profile.name) \(state.glyphs.dot) Enter on Name renames it", isError: false)
    case .demoRestored(let context):
        state.load(context)
        state.selectedEntry = 0
        state.undoStack = []
        state.redoStack = []
        state.message = .init(text: "The demo is back as it started", isError: false)
    case .changeApplied(let undoing, let context):
        state.changeApplied(undoing: undoing, context: context)
    case .changeLeft(let undoing, let context):
        state.changeLeft(undoing: undoing, context: context)
    case .entriesCopied(let count, let entries):
        let known = Set(state.entriesByDate.values.joined().map(\.id))
        let added = entries.filter { !known.contains($0.id) }
        state.entriesByDate = Dictionary(grouping: entries, by: \.date)
        state.focus = .entries
        state.selectedEntry = 0
        let text = "Copied \(Format.count(count, "entry", "entries")) to \(state.day.longDescription)"
        if !added.isEmpty { state.record(.addEntries(added, profileID: state.profile.id), text) }
        state.message = .init(text: "\(text) \(state.glyphs.dot) u undoes", isError: false)
    case .entriesLoaded(let range, let entries):
        let selected = state.dayEntries[safe: state.selectedEntry]?.id
        state.take(entries, of: range)
        state.selectedEntry = state.dayEntries.firstIndex { $0.id == selected } ?? 0
        if case .gaps = state.screen { state.makePlan() }
    case .entriesReloaded(let entries):
        // Keep the day, the screen and, where it still exists, the selected entry.
        let selected = state.dayEntries[safe: state.selectedEntry]?.id
        state.entriesByDate = Dictionary(grouping: entries, by: \.date)
        state.selectedEntry = state.dayEntries.firstIndex { $0.id == selected }
            ?? max(0, min(state.selectedEntry, state.dayEntries.count - 1))
        if state.dayEntries.isEmpty, state.focus == .entries { state.focus = .nutrients }
        if case .gaps = state.screen { state.makePlan() }
        state.makeRanking()
    case .favouritesChanged(let foodID, let favourites):
        let wasFavourite = state.favourites.contains(foodID), isFavourite = favourites.contains(foodID)
        let added = isFavourite && !wasFavourite
        state.favourites = favourites
        if case .addFood(let current) = state.screen {
            var refreshed = search(current.query, in: state)
            refreshed.selected = refreshed.results.firstIndex { state.data.foods.ids[$0] == foodID } ?? min(current.selected, max(0, refreshed.results.count - 1))
            state.screen = .addFood(refreshed)
        }
        let text = "\(added ? "Favourite" : "No longer a favourite"): \(state.foodName(foodID))"
        if isFavourite != wasFavourite { state.record(.setFavourite(foodID: foodID, isFavourite, profileID: state.profile.id), text) }
        state.message = .init(text: text, isError: false)
    case .customFoodAdded(let food):
        do {
            try state.data.addCustomFoods([food])
        } catch {
            state.message = .init(text: "Saved \(food.id), but it clashes with the table: \(error.description)", isError: true)
            return []
        }
        // Straight on to logging it: one serving, the label's measure.
        if let index = state.data.foods.index(of: food.id) {
            var form = AmountScreen.newForm(for: index, in: state)
            form.amountText = "1"
            form.unit = 1
            state.screen = .amount(form)
        }
        state.hiddenFoods.remove(food.id)
        state.record(.addCustomFood(food), "the new food \(food.id) \(food.description)")
        state.message = .init(text: "Added \(food.id) \(food.description) to your foods", isError: false)
    case .failed(let message):
        state.message = .init(text: message, isError: true)
        // A read of days that failed is asked for again by the next key, not never.
        state.pendingLoad = nil
    case .checkInsReloaded(let checkIns, let probiotics):
        state.checkIns = checkIns
        state.probiotics = probiotics
    case .trialsReloaded(let trials):
        state.trials = trials
    case .trialStarted(let trial, let trials):
        state.trialStarted(trial, trials: trials)
    case .trialEnded(let trial, let trials):
        state.trialEnded(trial, trials: trials)
    case .checkInSaved(let checkIn, let updated):
        state.checkIns.removeAll { $0.date == checkIn.date }
        state.checkIns.append(checkIn)
        state.checkIns.sort { $0.date < $1.date }
        if case .skinGut(let screen) = state.screen {
            if let next = screen.saved() { state.screen = .skinGut(next) } else { state.pop() }
        }
        state.message = .init(text: "\(updated ? "Updated the check-in" : "Checked in") for \(checkIn.date.longDescription)", isError: false)
    case .key(let key):
        if key == .control("c") {
            state.wantsQuit = true
            return [.quit]
        }
        if state.isTooSmall {
            if key == .character("q") {
                state.wantsQuit = true
                return [.quit]
            }
            return []
        }
        state.message = nil
        return route(key, &state)
    }
    return []
}

/// Sends a key to the screen in front.
func route(_ key: Key, _ state: inout AppState) -> [Effect] {
    switch state.screen {
    case .day: DayScreen.handle(key, &state)
    case .detail: DetailScreen.handle(key, &state)
    case .addFood: AddFoodScreen.handle(key, &state)
    case .amount: AmountScreen.handle(key, &state)
    case .profile: ProfileScreen.handle(key, &state)
    case .help: HelpScreen.handle(key, &state)
    case .goToDate: GoToDateScreen.handle(key, &state)
    case .trends: TrendsScreen.handle(key, &state)
    case .gaps: GapsScreen.handle(key, &state)
    case .sources: SourcesScreen.handle(key, &state)
    case .newFood: NewFoodScreen.handle(key, &state)
    case .confirm: ConfirmScreen.handle(key, &state)
    case .skinGut: SkinGutComponent.handle(key, &state)
    case .trial: TrialScreen.handle(key, &state)
    }
}

/// The key bar of the screen in front.
func keyBar(of screen: Screen, _ state: AppState) -> [String] {
    switch screen {
    case .day: DayScreen.keyBar(state)
    case .detail: DetailScreen.keyBar(state)
    case .addFood: AddFoodScreen.keyBar(state)
    case .amount: AmountScreen.keyBar(state)
    case .profile: ProfileScreen.keyBar(state)
    case .help: HelpScreen.keyBar(state)
    case .goToDate: GoToDateScreen.keyBar(state)
    case .trends: TrendsScreen.keyBar(state)
    case .gaps: GapsScreen.keyBar(state)
    case .sources: SourcesScreen.keyBar(state)
    case .newFood: NewFoodScreen.keyBar(state)
    case .confirm: ConfirmScreen.keyBar(state)
    case .skinGut: SkinGutComponent.keyBar(state)
    case .trial: TrialScreen.keyBar(state)
    }
}

/// The title of the screen in front (a prompt has the title of the screen under it).
func title(of screen: Screen, _ state: AppState) -> String? {
    switch screen {
    case .day: DayScreen.title(state)
    case .detail: DetailScreen.title(state)
    case .addFood: AddFoodScreen.title(state)
    case .amount: AmountScreen.title(state)
    case .profile: ProfileScreen.title(state)
    case .help: HelpScreen.title(state)
    case .trends: TrendsScreen.title(state)
    case .gaps: GapsScreen.title(state)
    case .sources: SourcesScreen.title(state)
    case .newFood: NewFoodScreen.title(state)
    case .skinGut: SkinGutComponent.title(state)
    case .trial: TrialScreen.title(state)
    case .goToDate, .confirm:
        state.stack.count > 1 ? title(of: state.stack[state.stack.count - 2], state.below) : nil
    }
}

/// The message line the screen in front gives, if any.
func statusLine(of screen: Screen, _ state: AppState) -> StatusLine? {
    switch screen {
    case .day: DayScreen.statusLine(state)
    case .trends: TrendsScreen.statusLine(state)
    case .goToDate: GoToDateScreen.statusLine(state)
    case .confirm: ConfirmScreen.statusLine(state)
    case .skinGut: SkinGutComponent.statusLine(state)
    case .trial: TrialScreen.statusLine(state)
    default: nil
    }
}

extension AppState {
    /// The state with the screen under the one in front in front.
    var below: AppState {
        var below = self
        below.pop()
        return below
    }
}

/// Every screen's group in the help, the group of `opener` first, then the keys every
/// screen has, then the others in the order a person meets them.
func helpGroups(openedFrom opener: String, _ state: AppState) -> [HelpGroup] {
    let all: [(kind: String, group: HelpGroup)] = [
        ("day", DayScreen.helpGroup(state)), ("addFood", AddFoodScreen.helpGroup(state)),
        ("amount", AmountScreen.helpGroup(state)), ("detail", DetailScreen.helpGroup(state)),
        ("profile", ProfileScreen.helpGroup(state)), ("trends", TrendsScreen.helpGroup(state)),
        ("gaps", GapsScreen.helpGroup(state)), ("sources", SourcesScreen.helpGroup(state)),
        ("newFood", NewFoodScreen.helpGroup(state)), ("goToDate", GoToDateScreen.helpGroup(state)),
        ("skinGut", SkinGutComponent.helpGroup(state)), ("trial", TrialScreen.helpGroup(state)),
    ]
    let first = all.first { $0.kind == opener }?.group
    return (first.map { [$0] } ?? []) + [Everywhere.helpGroup(state)] + all.map(\.group).filter { $0 != first }
}

extension Screen {
    /// The kind of screen, without its state.
    var kind: String {
        switch self {
        case .day: "day"
        case .detail: "detail"
        case .addFood: "addFood"
        case .amount: "amount"
        case .profile: "profile"
        case .help: "help"
        case .goToDate: "goToDate"
        case .trends: "trends"
        case .gaps: "gaps"
        case .sources: "sources"
        case .newFood: "newFood"
        case .confirm: "confirm"
        case .skinGut: "skinGut"
        case .trial: "trial"
        }
    }
}

/// An entry in words: its amount (in the measure it was logged in), food and meal.
func describe(_ entry: Entry, in state: AppState) -> String {
    let day = entry.date == state.day ? "" : ", \(entry.date.longDescription)"
    return "\(Painter.amount(of: entry, wide: false)) of \(state.foodName(entry.foodID)) (\(state.data.meals.label(of: entry.meal))\(day))"
}

extension Painter {
    /// An entry's amount in the measure it was logged in ("1 oz", with "(28.3 g)" when
    /// `wide`), or in grams.
    static func amount(of entry: Entry, wide: Bool) -> String {
        let grams = "\(Format.number(entry.grams, decimals: 1)) g"
        guard let measure = entry.measure else { return grams }
        return wide ? "\(measure.text) (\(grams))" : measure.text
    }
}

/// Keys that move between days, shared by the day, detail, trends and gaps screens.
enum DayMove: Sendable {
    case back, forward, weekBack, weekForward, today

    /// Their bindings, to put in a screen's table (a pair shares one line of the help).
    static func bindings<Command>(_ wrap: (DayMove) -> Command, bar: Bool = true, weekInBar: Bool = false,
                                  todayInBar: @escaping @Sendable (AppState) -> Bool = { _ in false },
                                  compact: Bool = false) -> [KeyBinding<Command>] {
        // On screens other than the day, one line of the help says they move as there.
        let days = compact ? "←→ [ ] t" : "←→ h l", week = compact ? days : "[ ]", today = compact ? days : "t"
        let dayWords = compact ? "move the day, as on the day screen" : "previous / next day"
        let weekWords = compact ? dayWords : "a week back / forward", todayWords = compact ? dayWords : "today"
        return [
            KeyBinding([.left, .character("h")], days, dayWords, bar: bar ? "←→ day" : nil, wrap(.back)),
            KeyBinding([.right, .character("l")], days, dayWords, wrap(.forward)),
            KeyBinding([.character("[")], week, weekWords, bar: weekInBar ? "[] week" : nil, wrap(.weekBack)),
            KeyBinding([.character("]")], week, weekWords, wrap(.weekForward)),
            KeyBinding([.character("t")], today, todayWords, bar: "t today", wrap(.today), barWhen: todayInBar),
        ]
    }

    /// Moves the shown day.
    static func perform(_ move: DayMove, _ state: inout AppState) {
        switch move {
        case .back: state.day = state.day.adding(days: -1)
        case .forward: state.day = state.day.adding(days: 1)
        case .weekBack: state.day = state.day.adding(days: -7)
        case .weekForward: state.day = state.day.adding(days: 7)
        case .today: state.day = state.today
        }
        state.selectedEntry = 0
        if state.dayEntries.isEmpty { state.focus = .nutrients }
    }
}

extension Format {
    /// A count and its noun, singular for one: "1 match", "2 matches".
    static func count(_ count: Int, _ one: String, _ many: String) -> String {
        "\(count) \(count == 1 ? one : many)"
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
