import NutrientModel

/// A key the person pressed, as the dashboard understands it.
public enum Key: Equatable, Sendable {
    case character(Character)
    case control(Character)
    case up, down, left, right, enter, escape, backspace, delete, tab, backTab
    case pageUp, pageDown, home, end
}

/// Everything that can happen to the dashboard: keys, resizes, and the results of the
/// effects the executable ran against the journal.
public enum Action: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// The clock moved on (a new day may have begun).
    case clock(today: LocalDate, minuteOfDay: Int)
    /// An entry was saved.
    case entrySaved(Entry)
    /// An entry's amount or meal was changed.
    case entryUpdated(Entry)
    /// An entry was deleted.
    case entryDeleted(Entry)
    /// A profile was saved.
    case profileSaved(StoredProfile)
    /// Another profile was loaded, with its targets and entries.
    case profileLoaded(ProfileContext)
    /// A new profile was added and made active.
    case profileAdded(ProfileContext)
    /// The demo was put back as it started.
    case demoRestored(ProfileContext)
    /// An undo (or redo) was made: the shown profile as the journal has it now.
    case changeApplied(undoing: Bool, context: ProfileContext)
    /// An undo (or redo) was not made: what it was about was changed by another process
    /// since; the shown profile as the journal has it now.
    case changeLeft(undoing: Bool, context: ProfileContext?)
    /// Another process changed the journal: the profile's entries as they are now (those
    /// of the days the dashboard holds, `AppState.loadedRange`, or all of them).
    case entriesReloaded([Entry])
    /// Several entries were saved at once (a copied day or meal): the entries as they are
    /// now (of the days held, or all).
    case entriesCopied(count: Int, entries: [Entry])
    /// The entries of days the dashboard asked for (`Effect.loadEntries`).
    case entriesLoaded(DateRange, [Entry])
    /// A custom food was saved (with the id the journal gave it).
    case customFoodAdded(Food)
    /// A food was marked or unmarked as a favourite: the profile's favourites now.
    case favouritesChanged(foodID: String, favourites: [String])
    /// An effect failed; nothing was changed.
    case failed(String)
    /// A check-in was saved: the day's check-in as saved, and whether it updated one.
    case checkInSaved(CheckIn, updated: Bool)
    /// Another process changed the check-ins or probiotics: them as they are now.
    case checkInsReloaded([CheckIn], probiotics: [ProbioticDose])
    /// Another process started or ended a trial (absorb trial): the trials as they are now.
    case trialsReloaded([Trial])
    /// A trial was started (from the dashboard): it as saved, and the profile's trials now.
    case trialStarted(Trial, trials: [Trial])
    /// A trial was ended: it as ended, and the profile's trials now.
    case trialEnded(Trial, trials: [Trial])
}

/// Work `update` asks the executable to do: the dashboard itself never touches the journal.
public enum Effect: Equatable, Sendable {
    /// A new entry; `measure` is the household measure it was typed in (nil: grams).
    case addEntry(date: LocalDate, meal: Meal, foodID: String, grams: Double, measure: LoggedMeasure? = nil)
    /// Several entries in one transaction (copy yesterday, repeat a meal).
    case addEntries([NewEntry])
    case updateEntry(Entry)
    case deleteEntry(Entry)
    case saveProfile(StoredProfile)
    case switchProfile(id: Int64)
    case addProfile(PersonProfile)
    /// Save a food typed from its label as a custom food.
    case addCustomFood(FoodLabel)
    /// Mark a food as a favourite of the profile, or unmark it.
    case setFavourite(foodID: String, Bool)
    /// Make a change, or undo one (`inverse`), where the journal is still as it expects.
    case applyChange(JournalChange, undoing: Bool)
    /// Put the demo back as it started (only in the demo).
    case restoreDemo
    /// Save a day's check-in (a second one that day updates it).
    case saveCheckIn(CheckIn)
    /// Read the entries of these days (the day moved beyond those held): a read, never a
    /// change, run before the next frame is drawn.
    case loadEntries(DateRange)
    /// Save a trial the model accepted (the journal checks it again inside its write).
    case startTrial(Trial)
    /// End the profile's trial of that name on the day.
    case endTrial(name: String, on: LocalDate)
    case quit
}

/// What the dashboard needs of a profile: the person, their own targets and entries.
public struct ProfileContext: Sendable {
    /// The active profile.
    public let profile: StoredProfile
    /// Every profile, for switching.
    public let profiles: [StoredProfile]
    /// The person's own targets.
    public let overrides: [TargetOverride]
    /// The person's entries: all of them, or those of `loadedRange`.
    public let entries: [Entry]
    /// The days `entries` covers, or nil for every entry ever logged. The dashboard holds
    /// the days it shows and asks for others (`Effect.loadEntries`) as the day moves, so
    /// that its start and memory do not grow with the history.
    public let loadedRange: DateRange?
    /// The latest entry of each food logged most recently, newest first (the add screen's
    /// recent foods, and the amount offered for them); nil to take them from `entries`.
    public let recentEntries: [Entry]?
    /// The profile's favourite foods (ids), in the order they were marked.
    public let favourites: [String]
    /// The profile's check-ins and probiotics.
    public let checkIns: [CheckIn]
    public let probiotics: [ProbioticDose]
    /// The profile's elimination and supplement trials, by start.
    public let trials: [Trial]

    /// Makes a context.
    public init(profile: StoredProfile, profiles: [StoredProfile], overrides: [TargetOverride], entries: [Entry],
                loadedRange: DateRange? = nil, recentEntries: [Entry]? = nil,
                favourites: [String] = [], checkIns: [CheckIn] = [], probiotics: [ProbioticDose] = [], trials: [Trial] = []) {
        self.trials = trials
        self.loadedRange = loadedRange
        self.recentEntries = recentEntries
        self.profile = profile
        self.profiles = profiles
        self.overrides = overrides
        self.entries = entries
        self.favourites = favourites
        self.checkIns = checkIns
        self.probiotics = probiotics
    }
}

/// An entry to save: what `Effect.addEntries` carries.
public struct NewEntry: Equatable, Sendable {
    public let date: LocalDate
    public let meal: Meal
    public let foodID: String
    public let grams: Double
    /// The measure it was logged in, if not grams.
    public let measure: LoggedMeasure?

    public init(date: LocalDate, meal: Meal, foodID: String, grams: Double, measure: LoggedMeasure? = nil) {
        self.date = date
        self.meal = meal
        self.foodID = foodID
        self.grams = grams
        self.measure = measure
    }
}
