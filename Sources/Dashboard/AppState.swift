import NutrientModel

/// The whole dashboard as a value: what is shown, what is selected, and the data it is
/// computed from. `update` is the only thing that changes it.
public struct AppState: Sendable {
    /// The food table, targets and rules.
    public internal(set) var data: NutrientData
    /// The active profile, the others, and the person's own targets.
    public internal(set) var profile: StoredProfile
    public internal(set) var profiles: [StoredProfile]
    public internal(set) var overrides: [TargetOverride]
    /// The profile's favourite foods (ids), listed first when adding food.
    public internal(set) var favourites: [String]
    /// The targets in force (from the profile and overrides), or why there are none.
    public internal(set) var targets: TargetSet
    /// The person's entries, by day: those of `loadedRange`, or all of them.
    public internal(set) var entriesByDate: [LocalDate: [Entry]]
    /// The days whose entries are held, or nil: every entry ever logged. The dashboard
    /// holds the days its screens show and asks for others as the day moves
    /// (`Effect.loadEntries`), so its start and memory do not grow with the history.
    public internal(set) var loadedRange: DateRange?
    /// Days asked for and not yet loaded (not asked for twice).
    var pendingLoad: DateRange?
    /// The latest entry of each food logged most recently, as the journal gave them (foods
    /// eaten before the days held still count as recent).
    var recentEntries: [Entry]
    /// The profile's skin and gut check-ins and probiotics (the skin-and-gut screen's).
    public internal(set) var checkIns: [CheckIn]
    public internal(set) var probiotics: [ProbioticDose]
    /// The profile's trials (the skin-and-gut screen marks their phases).
    public internal(set) var trials: [Trial]
    /// The day shown, and today.
    public internal(set) var day: LocalDate
    public internal(set) var today: LocalDate
    /// Minutes after midnight now, for the default meal.
    public internal(set) var minuteOfDay: Int
    /// The terminal size.
    public internal(set) var width: Int
    public internal(set) var height: Int
    /// The screens open, the day screen at the bottom: a screen opens on top, Esc goes
    /// back to the one under it.
    public internal(set) var stack: [Screen] = [.day]
    /// The screen in front (setting it replaces the one in front).
    public internal(set) var screen: Screen {
        get { stack.last ?? .day }
        set { if stack.isEmpty { stack = [newValue] } else { stack[stack.count - 1] = newValue } }
    }
    /// What the day screen's main figures average over: the day, 7 or 30 days.
    public internal(set) var period: Period = .day
    /// The plan for the shown day, made when the gaps screen opens or its day changes.
    public internal(set) var gapPlan: GapPlan?
    /// The best-sources screen's ranking, made when it opens or changes (SourcesScreen.swift).
    var sourcesRanking: RankingCache?
    /// Which panel of the day screen has the selection.
    public internal(set) var focus: Focus = .nutrients
    public internal(set) var selectedNutrient = 0
    public internal(set) var selectedEntry = 0
    /// A line of feedback under the screen ("Deleted ... u undoes").
    public internal(set) var message: Message?
    /// The journal changes made in this session, latest last, for `u`; and those undone,
    /// for `Ctrl-R`.
    public internal(set) var undoStack: [UndoRecord] = []
    public internal(set) var redoStack: [UndoRecord] = []
    /// Custom foods this session added and then undid: still in the table until absorb
    /// starts again, never offered.
    public internal(set) var hiddenFoods: Set<String> = []
    /// Whether foods are named by their USDA descriptions rather than their short names.
    public internal(set) var fullFoodNames = false
    /// A banner across the title (the demo says it is one), or nil.
    public let banner: String?
    /// Drawing options.
    public let glyphs: Glyphs
    public let useColor: Bool
    /// Set when the person quits.
    public internal(set) var wantsQuit = false

    /// The smallest terminal the dashboard draws in.
    public static let minimumWidth = 60
    public static let minimumHeight = 16

    /// The panels of the day screen.
    public enum Focus: Sendable, Equatable { case nutrients, entries }

    /// A message line.
    public struct Message: Sendable, Equatable {
        public let text: String
        public let isError: Bool
    }

    /// Makes the state for a profile's journal.
    public init(data: NutrientData, context: ProfileContext, today: LocalDate, minuteOfDay: Int,
                width: Int, height: Int, glyphs: Glyphs = .unicode, useColor: Bool = true, banner: String? = nil) {
        self.banner = banner
        self.data = data
        self.profile = context.profile
        self.profiles = context.profiles
        self.overrides = context.overrides
        self.favourites = context.favourites
        self.entriesByDate = Dictionary(grouping: context.entries, by: \.date)
        self.loadedRange = context.loadedRange
        self.recentEntries = context.recentEntries ?? []
        self.checkIns = context.checkIns
        self.probiotics = context.probiotics
        self.trials = context.trials
        self.targets = (try? data.targets.targets(for: context.profile.profile, overrides: context.overrides))
            ?? (try! data.targets.targets(for: PersonProfile(name: context.profile.profile.name)))
        self.day = today
        self.today = today
        self.minuteOfDay = minuteOfDay
        self.width = width
        self.height = height
        self.glyphs = glyphs
        self.useColor = useColor
        // The title has room for a short banner only: the whole of it is said once, first.
        if let banner { message = Message(text: banner, isError: false) }
    }

    /// Whether the terminal is too small to draw in.
    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    /// The entries of a day, in meal order and then as logged.
    public func entries(on date: LocalDate) -> [Entry] {
        (entriesByDate[date] ?? []).sorted { ($0.meal, $0.loggedAt, $0.id) < ($1.meal, $1.loggedAt, $1.id) }
    }

    /// The entries of the shown day.
    public var dayEntries: [Entry] { entries(on: day) }

    /// The report of a range of days ending on `day`.
    public func report(days: Int, endingOn end: LocalDate? = nil, excluding excluded: Int64? = nil) -> Report {
        let last = end ?? day
        let range = DateRange(from: last.adding(days: -(days - 1)), to: last)
        var entries: [Entry] = []
        for offset in 0..<days { entries += entriesByDate[range.from.adding(days: offset)] ?? [] }
        if let excluded { entries.removeAll { $0.id == excluded } }
        return Report(profile: profile.profile, targets: targets, range: range, entries: entries, scorer: data.scorer)
    }

    /// The model's review of a report: cautions, fat pairing and balance.
    public func review(of report: Report) -> Review { data.review(report) }

    /// Fat pairing over a report's entries (with the profile's own threshold, if set; no
    /// advice for a vitamin above its upper limit).
    public func fatPairing(of report: Report) -> FatPairingReport { review(of: report).fatPairing }

    /// The foods logged most recently, newest first, without repeats.
    public var recentFoodIndices: [Int] {
        latestEntries.sorted { Self.isNewer($0, than: $1) }
            .lazy.compactMap { self.data.foods.index(of: $0.foodID) }.prefix(Self.recentFoodCount).map { $0 }
    }

    /// How many recent foods the add screen lists (and the journal is asked for).
    public static let recentFoodCount = 30

    /// Each food's latest entry, of those held and the journal's recent ones: one pass,
    /// then a sort of the foods only (years of entries are never sorted).
    private var latestEntries: Dictionary<String, Entry>.Values {
        var latest: [String: Entry] = [:]
        for entry in [recentEntries, Array(entriesByDate.values.joined())].joined() {
            if let seen = latest[entry.foodID], !Self.isNewer(entry, than: seen) { continue }
            latest[entry.foodID] = entry
        }
        return latest.values
    }

    /// The order of recency: the time logged, then the id (as the journal reads them).
    static func isNewer(_ a: Entry, than b: Entry) -> Bool {
        (a.loggedAt, a.id) > (b.loggedAt, b.id)
    }

    /// Why the profile's diets (vegetarian, fish allergy...) leave out the food at a
    /// position, or `nil` if they allow it (or the profile has none): the model's one rule
    /// (`NutrientData.dietExclusion`), as the planner, search and the CLI's logging use it.
    public func dietExclusion(_ food: Int) -> String? {
        data.dietExclusion(ofFoodAt: food, diets: profile.profile.diets)
    }

    /// The latest entry of a food, if it was ever logged.
    func lastEntry(of foodID: String) -> Entry? {
        [recentEntries, Array(entriesByDate.values.joined())].joined().filter { $0.foodID == foodID }
            .max { Self.isNewer($1, than: $0) }
    }

    /// A food as the screens name it: its short name (Data/common_foods.csv: "Oats, cooked
    /// with water, no salt") where it has one, else its description; the USDA description
    /// everywhere while `fullFoodNames` is on (^D on the add-food screen), and always at the
    /// top of the amount form. A note if the table lacks the food.
    public func foodName(_ id: String) -> String {
        if fullFoodNames { return data.foods.index(of: id).map { data.foods.descriptions[$0] } ?? "unknown food \(id)" }
        return data.displayName(ofFoodID: id)
    }

    /// The plan of the gaps screen in front (of portions of the week's own foods, when it
    /// shows those: `GapsView`), else the plan from the whole table.
    mutating func makePlan() {
        let week = report(days: 7).entries
        var using: [Int]? = nil
        if case .gaps(let view) = screen, view.usingLogged { using = data.planner.loggedFoods(in: week) }
        gapPlan = data.planner.plan(for: report(days: 1), diets: profile.profile.diets, week: week, using: using)
    }

    mutating func recomputeTargets() {
        if let targets = try? data.targets.targets(for: profile.profile, overrides: overrides) {
            self.targets = targets
        }
    }

    mutating func insert(_ entry: Entry) {
        entriesByDate[entry.date, default: []].removeAll { $0.id == entry.id }
        entriesByDate[entry.date, default: []].append(entry)
        if let index = recentEntries.firstIndex(where: { $0.id == entry.id }) { recentEntries[index] = entry }
    }

    mutating func remove(_ entry: Entry) {
        for date in entriesByDate.keys { entriesByDate[date]?.removeAll { $0.id == entry.id } }
        recentEntries.removeAll { $0.id == entry.id }
    }

    // MARK: The days held

    /// The most days held at once: beyond it, moving far away starts again from the days
    /// shown (a year of a person's entries is a few thousand).
    static let maximumHeldDays = 400
    /// Days read beyond those needed when the day moves past the held ones, so that
    /// walking back through the history reads the journal once a month, not once a day.
    static let prefetchDays = 30
    /// The days the executable reads before its first frame, ending today: the 30 shown.
    /// The month before them is read just after it (`monthBeforeHeld`), so that the first
    /// frame reads no more than it shows and walking back still finds a month held.
    public static let firstHeldDays = Period.month.days

    /// The month before the held days, or nil when every entry is held: what the executable
    /// reads once its first frame is up.
    public var monthBeforeHeld: DateRange? {
        guard let loaded = loadedRange else { return nil }
        return DateRange(from: loaded.from.adding(days: -Self.prefetchDays), to: loaded.from.adding(days: -1))
    }

    /// The days the open screens show: the 30 days of trends and of the 30-day figures,
    /// or the 90 days of the skin-and-gut overview, ending on the day shown; and a trial's
    /// days (its baseline, trial and reintroduction, up to today) while its screen is open.
    var neededRange: DateRange {
        var days = Period.month.days
        var window: DateRange?
        for screen in stack {
            switch screen {
            case .skinGut(let skinGut): days = max(days, skinGut.days)
            case .trial(let view):
                if let trial = view.trialName.flatMap({ name in trials.first { $0.name == name } }) ?? trials.last {
                    window = DateRange(from: trial.window.from, to: max(trial.window.from, min(trial.window.to, today)))
                }
            default: break
            }
        }
        let shown = DateRange(from: day.adding(days: -(days - 1)), to: day)
        guard let window else { return shown }
        return DateRange(from: min(shown.from, window.from), to: max(shown.to, window.to))
    }

    /// The days to read so that those needed are held, or nil when they are (or when
    /// every entry is held): the days beyond the held ones, with a month more, where
    /// they join them; else the days needed alone.
    func missingRange() -> DateRange? {
        guard let loaded = loadedRange else { return nil }
        let needed = neededRange
        if loaded.from <= needed.from, needed.to <= loaded.to { return nil }
        let union = DateRange(from: min(loaded.from, needed.from), to: max(loaded.to, needed.to))
        if union.dayCount + Self.prefetchDays <= Self.maximumHeldDays {
            if needed.from < loaded.from, needed.to <= loaded.to {
                return DateRange(from: needed.from.adding(days: -Self.prefetchDays), to: loaded.from.adding(days: -1))
            }
            if needed.to > loaded.to, needed.from >= loaded.from {
                return DateRange(from: loaded.to.adding(days: 1), to: needed.to)
            }
        }
        return needed
    }

    /// Asks for the days needed and not held, once.
    mutating func loadIfNeeded() -> [Effect] {
        guard let missing = missingRange() else { return [] }
        if let pendingLoad, pendingLoad == missing { return [] }
        pendingLoad = missing
        return [.loadEntries(missing)]
    }

    /// Takes the entries of days read from the journal: joined to those held where they
    /// meet, else instead of them.
    mutating func take(_ entries: [Entry], of range: DateRange) {
        if pendingLoad == range { pendingLoad = nil }
        guard let loaded = loadedRange else { return }
        let joins = range.from <= loaded.to.adding(days: 1) && loaded.from.adding(days: -1) <= range.to
        let union = DateRange(from: min(loaded.from, range.from), to: max(loaded.to, range.to))
        if joins, union.dayCount <= Self.maximumHeldDays {
            for date in Array(entriesByDate.keys) where range.contains(date) { entriesByDate[date] = nil }
            loadedRange = union
        } else {
            entriesByDate = [:]
            loadedRange = range
        }
        for (date, onDate) in Dictionary(grouping: entries, by: \.date) where range.contains(date) { entriesByDate[date] = onDate }
    }
}

/// What the day screen's figures average over. DRIs describe usual intake: 7 and 30
/// days are averages over the days that have entries, never counting an empty day as zero.
public enum Period: Int, Sendable, CaseIterable {
    case day = 1, week = 7, month = 30

    public var days: Int { rawValue }
    /// The period shown beside it.
    public var comparedDays: Int { self == .week ? 30 : 7 }
    public var label: String { self == .day ? "day" : "\(rawValue)-day" }
    public var comparedLabel: String { "\(comparedDays)-day" }
    /// The next one, for `v`.
    public var next: Period { self == .day ? .week : self == .week ? .month : .day }
}

/// The screens of the dashboard.
public enum Screen: Sendable, Equatable {
    /// The day: nutrients and entries.
    case day
    /// Where a nutrient's amount came from, and its last 14 days.
    case detail(Nutrient)
    /// Searching for a food to add.
    case addFood(FoodSearch)
    /// Choosing an amount and meal for a new entry, or changing an entry.
    case amount(AmountForm)
    /// The profile and its targets.
    case profile(ProfileForm)
    /// Every key, the keys of the screen it was opened from first; `Esc` goes back to it.
    case help(HelpView)
    /// Typing a date to go to.
    case goToDate(text: String, error: String?)
    /// Each nutrient over the last 30 days.
    case trends
    /// A plan of foods that closes the day's gaps, or of portions of the week's own foods.
    case gaps(GapsView)
    /// The foods richest in a nutrient, on a basis (from its detail or the gaps, `f`).
    case sources(Nutrient, per: RankBasis = .serving)
    /// A food the table lacks, typed from its label (from the search, `^N`).
    case newFood(CustomFoodForm)
    /// A question before a change of several entries (`y`, `m`): yes runs the effects.
    case confirm(Confirmation)
    /// The day's check-in (`c`) and the skin-and-gut overview (`s`): SkinGutScreen.swift.
    case skinGut(SkinGutScreen)
    /// A trial's review and the form that starts one (`t` on skin and gut, `T` on the day): TrialScreen.swift.
    case trial(TrialView)
}

