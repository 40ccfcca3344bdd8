import NutrientModel

/// A change to the journal, from one state to another, that the executable can make (redo)
/// or make backwards (undo, as its `inverse`). It says what it expects to find, so that
/// what another process changed since is left as it is.
public enum JournalChange: Equatable, Sendable {
    /// Entries put in, with their ids (none may be there).
    case addEntries([Entry], profileID: Int64)
    /// Entries taken out (each must be there as it is).
    case removeEntries([Entry], profileID: Int64)
    /// An entry's amount or meal changed (it must be as `from`).
    case changeEntry(from: Entry, to: Entry, profileID: Int64)
    /// A profile's name, sex, age or condition changed (it must be as `from`).
    case changeProfile(from: StoredProfile, to: StoredProfile)
    /// A profile added (and made active); `previous` was active before.
    case addProfile(StoredProfile, previous: Int64)
    /// A profile added in this session taken out again (it must be as it was added, with
    /// nothing logged); `previous` becomes active.
    case removeProfile(StoredProfile, previous: Int64)
    /// A food typed from its label, saved as a custom food (its id must be free).
    case addCustomFood(Food)
    /// A custom food added in this session taken out again (nothing may use it).
    case removeCustomFood(Food)
    /// A trial started (no trial of the profile may have its name or share a day with it).
    case addTrial(Trial, profileID: Int64)
    /// A trial taken out again (it must be as it was started).
    case removeTrial(Trial, profileID: Int64)
    /// A trial ended, or its end taken back (it must be as `from`).
    case changeTrial(from: Trial, to: Trial, profileID: Int64)
    /// A food marked as a favourite of a profile (`true`), or unmarked (it must be the other).
    case setFavourite(foodID: String, Bool, profileID: Int64)
    /// Another profile made active (`from` must be the active one, `to` must still be there).
    case switchProfile(from: Int64, to: Int64)

    /// The change that goes back.
    public var inverse: JournalChange {
        switch self {
        case .addEntries(let entries, let profile): .removeEntries(entries, profileID: profile)
        case .removeEntries(let entries, let profile): .addEntries(entries, profileID: profile)
        case .changeEntry(let from, let to, let profile): .changeEntry(from: to, to: from, profileID: profile)
        case .changeProfile(let from, let to): .changeProfile(from: to, to: from)
        case .addProfile(let profile, let previous): .removeProfile(profile, previous: previous)
        case .removeProfile(let profile, let previous): .addProfile(profile, previous: previous)
        case .addCustomFood(let food): .removeCustomFood(food)
        case .removeCustomFood(let food): .addCustomFood(food)
        case .addTrial(let trial, let profile): .removeTrial(trial, profileID: profile)
        case .removeTrial(let trial, let profile): .addTrial(trial, profileID: profile)
        case .changeTrial(let from, let to, let profile): .changeTrial(from: to, to: from, profileID: profile)
        case .setFavourite(let food, let favourite, let profile): .setFavourite(foodID: food, !favourite, profileID: profile)
        case .switchProfile(let from, let to): .switchProfile(from: to, to: from)
        }
    }
}

/// A change made in this session, with what the dashboard said when it was made.
public struct UndoRecord: Equatable, Sendable {
    /// The change as made.
    public let change: JournalChange
    /// What was done ("Deleted 100 g of …").
    public let text: String
}

extension AppState {
    /// How many changes `u` can go back.
    static let undoDepth = 100

    /// Records a change the journal has made.
    mutating func record(_ change: JournalChange, _ text: String) {
        undoStack.append(UndoRecord(change: change, text: text))
        if undoStack.count > Self.undoDepth { undoStack.removeFirst() }
        redoStack = []
    }

    /// The effect that undoes the last change, or a message that there is none.
    mutating func undo() -> [Effect] {
        guard let last = undoStack.last else {
            message = .init(text: "Nothing to undo", isError: false)
            return []
        }
        return [.applyChange(last.change.inverse, undoing: true)]
    }

    /// The effect that redoes the last undone change, or a message that there is none.
    mutating func redo() -> [Effect] {
        guard let last = redoStack.last else {
            message = .init(text: "Nothing to redo", isError: false)
            return []
        }
        return [.applyChange(last.change, undoing: false)]
    }

    /// The journal made an undo or redo: the profile as it is now, and the record moves.
    mutating func changeApplied(undoing: Bool, context: ProfileContext) {
        load(context)
        if let record = undoing ? undoStack.last : redoStack.last {
            // A custom food taken out stays in the table until absorb starts again, but is
            // no longer offered.
            switch undoing ? record.change.inverse : record.change {
            case .removeCustomFood(let food): hiddenFoods.insert(food.id)
            case .addCustomFood(let food): hiddenFoods.remove(food.id)
            default: break
            }
        }
        // The search shows the favourites first: as they are now.
        if case .addFood(let current) = screen { screen = .addFood(Dashboard.search(current.query, in: self)) }
        if undoing, let record = undoStack.popLast() {
            redoStack.append(record)
            message = .init(text: withHint("Undone: \(record.text)", "^R redoes"), isError: false)
        } else if !undoing, let record = redoStack.popLast() {
            undoStack.append(record)
            message = .init(text: withHint("Redone: \(record.text)", "u undoes"), isError: false)
        }
    }

    /// The journal did not make an undo or redo: another process changed what it was about.
    /// The record is dropped, and the journal left as it is.
    mutating func changeLeft(undoing: Bool, context: ProfileContext?) {
        if let context { load(context) }
        let record = undoing ? undoStack.popLast() : redoStack.popLast()
        let what = record?.text ?? "the change"
        message = .init(text: "\(undoing ? "Not undone" : "Not redone"): \(what) \(glyphs.dot) changed elsewhere since (another absorb?); left as it is",
                        isError: true)
    }

    /// Takes the profile, its targets and entries as the journal has them, keeping the
    /// screen, the day and, where it still exists, the selected entry.
    mutating func load(_ context: ProfileContext) {
        let selected = dayEntries[safe: selectedEntry]?.id
        profile = context.profile
        profiles = context.profiles
        overrides = context.overrides
        favourites = context.favourites
        entriesByDate = Dictionary(grouping: context.entries, by: \.date)
        loadedRange = context.loadedRange
        pendingLoad = nil
        recentEntries = context.recentEntries ?? []
        checkIns = context.checkIns
        probiotics = context.probiotics
        trials = context.trials
        recomputeTargets()
        selectedEntry = dayEntries.firstIndex { $0.id == selected } ?? max(0, min(selectedEntry, dayEntries.count - 1))
        if dayEntries.isEmpty, focus == .entries { focus = .nutrients }
        if case .gaps = screen { makePlan() }
        makeRanking()
    }

    /// A message with a hint after it, where the line has room for both.
    func withHint(_ text: String, _ hint: String) -> String {
        text.count + hint.count + 5 <= width ? "\(text) \(glyphs.dot) \(hint)" : text
    }

    /// An entry, if the state has it.
    func entry(id: Int64) -> Entry? {
        entriesByDate.values.lazy.joined().first { $0.id == id }
    }
}
