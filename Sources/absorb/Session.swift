import ArgumentParser
import DataFiles
import Foundation
import Journal
import NutrientModel

/// An open journal, the loaded data tables and the active profile: what every command
/// works on.
struct Session {
    private(set) var data: NutrientData
    let journal: JournalStore
    var profile: StoredProfile

    init(journalOption: String?, dataOption: String?, profileName: String? = nil) throws {
        (data, journal) = try Self.openJournal(journalOption: journalOption, dataOption: dataOption)
        let path = journal.path
        do {
            profile = try journal.activeProfile()
            if let profileName {
                let wanted = profileName.trimmingCharacters(in: .whitespaces)
                let all = try journal.profiles()
                guard let found = all.first(where: { $0.profile.name.caseInsensitiveCompare(wanted) == .orderedSame }) else {
                    throw CLIError("--profile \(profileName): no such profile in \(path) (there are: \(all.map { TextRules.escaped($0.profile.name) }.joined(separator: ", ")))")
                }
                profile = found
            }
            // The person's own foods logged often rank in search as any other food.
            if data.hasOwnFoods {
                data.setDaysLogged(try journal.daysLogged(profileID: profile.id, since: LocalDate.today().adding(days: -89)))
            }
        } catch let error as JournalError {
            throw CLIError(error.description)
        }
    }

    /// Loads the data tables and opens the journal, adding the person's custom foods and
    /// recipes to the table, without choosing (or creating) a profile. A recipe that can
    /// no longer be made is left out with a warning on stderr.
    static func openJournal(journalOption: String?, dataOption: String?) throws -> (NutrientData, JournalStore) {
        let directory = try DataLocator.locate(option: dataOption)
        var data: NutrientData
        do { data = try NutrientData(directory: directory, cache: DataLocator.cache()) } catch { throw CLIError(error.description) }
        let path = JournalLocation.path(option: journalOption)
        do {
            let journal = try JournalStore(path: path)
            try data.addCustomFoods(try journal.customFoods())
            for problem in data.addRecipes(try journal.recipes()) {
                printError("absorb: warning: \(problem.description); it is left out until fixed\n")
            }
            return (data, journal)
        } catch let error as JournalError {
            throw CLIError(error.description)
        } catch let error as FoodTableError {
            throw CLIError("journal \(path): a custom food clashes with the food table: \(error.description)")
        }
    }

    /// The targets in force for the active profile.
    func targets() throws -> TargetSet {
        do {
            return try data.targets.targets(for: profile.profile,
                                             overrides: try journal.targetOverrides(profileID: profile.id))
        } catch let error as ProfileError {
            throw CLIError(error.description)
        }
    }

    /// The report over a range of days.
    func report(_ range: DateRange) throws -> Report {
        let entries = try journal.entries(profileID: profile.id, in: range)
        return Report(profile: profile.profile, targets: try targets(), range: range, entries: entries,
                      scorer: data.scorer)
    }

    /// A food's description, or a note that it is not in the table.
    func foodName(_ id: String) -> String {
        data.foods.food(id: id).map { TextRules.escaped($0.description) } ?? "unknown food \(id) (not in the food table)"
    }
}

/// Parses a date option: `YYYY-MM-DD`, `today` or `yesterday`.
func parseDate(_ text: String?, option: String) throws -> LocalDate? {
    guard let text else { return nil }
    switch text.lowercased() {
    case "today": return LocalDate.today()
    case "yesterday": return LocalDate.today().adding(days: -1)
    default:
        let day: LocalDate
        do { day = try LocalDate(parsing: text) } catch { throw CLIError("\(option): \(error.description)") }
        // A typo in the year (2062 for 2026, 9999) is not a day anyone logs or reports.
        let latest = LocalDate.today().adding(days: 366)
        guard day <= latest else {
            throw CLIError("\(option) \(day): more than a year ahead (the latest day absorb takes is \(latest)); check the year")
        }
        return day
    }
}

/// `--grams`: decimal digits with a point, at least 1 mg (no `0x10`, `1e-5`, `1,5`).
func gramsArgument(_ text: String) throws -> Double {
    do { return try NumberInput.grams(text) } catch { throw ValidationError("--grams \(error.description)") }
}

/// A numeric option's value read by the same rule as `--grams` (decimal digits with a point;
/// no `0x10`, `1e3`, `1,5`), not negative, and more than 0 unless `allowingZero`.
func numberArgument(_ option: String, allowingZero: Bool = false) -> @Sendable (String) throws -> Double {
    { text in
        do { return try NumberInput.option(text, allowingZero: allowingZero) } catch {
            throw ValidationError("\(option) \((error as? QuantityError)?.description ?? "\(error)")")
        }
    }
}

/// A label's value (`foods add --fat`): read as `numberArgument` reads it, but a negative
/// number is passed on as one, for the label's own check to refuse with its rule.
func labelValueArgument(_ option: String) -> @Sendable (String) throws -> Double {
    { text in
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("-"), let magnitude = try? NumberInput.decimal(String(trimmed.dropFirst())) { return -magnitude }
        return try numberArgument(option, allowingZero: true)(text)
    }
}
