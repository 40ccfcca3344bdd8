import Foundation
import GRDB
import NutrientModel

/// What an import did.
public struct ImportSummary: Sendable, Equatable {
    public var profilesAdded = 0
    public var profilesMatched = 0
    public var entriesAdded = 0
    public var entriesAlreadyThere = 0
    public var targetsAdded = 0
    public var targetsKept = 0
    public var favouritesAdded = 0
    public var foodsAdded = 0
    public var foodsAlreadyThere = 0
    public var recipesAdded = 0
    public var recipesAlreadyThere = 0
    public var checkInsAdded = 0
    /// Check-ins of a day the profile already had one for: the journal's is kept.
    public var checkInsKept = 0
    public var probioticsAdded = 0
    public var probioticsAlreadyThere = 0
    /// Trials added, and those of a name the profile had (kept as they were).
    public var trialsAdded = 0
    public var trialsKept = 0
}

extension JournalStore {
    /// The journal as an archive: every profile (or the one given) with its targets,
    /// favourites and entries (only those of `range`, if given), every custom food and
    /// recipe. Order is fixed (profiles as created, entries by day, meal and time logged)
    /// so the same journal always exports the same.
    public func exportArchive(range: DateRange? = nil, profileID: Int64? = nil) throws(JournalError) -> JournalArchive {
        try read { db in
            var archive = JournalArchive()
            archive.from = range?.from.description
            archive.to = range?.to.description
            let active = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Self.activeProfileKey])
            let profileRows = try Row.fetchAll(
                db, sql: "SELECT * FROM profile \(profileID == nil ? "" : "WHERE id = ?") ORDER BY id",
                arguments: profileID.map { [$0] } ?? [])
            for row in profileRows {
                let id: Int64 = row["id"]
                var profile = JournalArchive.Profile(
                    name: row["name"], sex: row["sex"], ageMonths: row["age_months"], condition: row["condition"],
                    fatThresholdGrams: row["fat_threshold_g"],
                    diets: (row["diets"] as String? ?? "").split(separator: ",").map(String.init),
                    active: active == String(id), createdAt: Self.archiveTime(row, "created_at"))
                let prescribed = Self.prescribedIDs(row["prescribed"])
                profile.prescribed = prescribed.isEmpty ? nil : prescribed.sorted()
                profile.targets = try Row.fetchAll(
                    db, sql: "SELECT * FROM target_override WHERE profileId = ? ORDER BY nutrient", arguments: [id]
                ).map { JournalArchive.Target(nutrient: $0["nutrient"], value: $0["value"], setOn: $0["set_on"]) }
                profile.favourites = try Row.fetchAll(
                    db, sql: "SELECT * FROM favourite WHERE profileId = ? ORDER BY added_at, food_id", arguments: [id]
                ).map { JournalArchive.Favourite(foodID: $0["food_id"], addedAt: Self.archiveTime($0, "added_at")) }
                var condition = "profileId = ?"
                var arguments: StatementArguments = [id]
                if let range {
                    condition += " AND date BETWEEN ? AND ?"
                    arguments += [range.from.description, range.to.description]
                }
                profile.entries = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT * FROM entry WHERE \(condition) \(Self.entryOrder)
                        """,
                    arguments: arguments
                ).map(Self.entryRecord)
                let scales = Self.scales(row["scales"])
                profile.scales = scales.isEmpty ? nil : scales.map(\.rawValue)
                let checkIns = try Row.fetchAll(
                    db, sql: "SELECT * FROM checkin WHERE \(condition) ORDER BY date", arguments: arguments
                ).map(Self.checkInRecord)
                profile.checkIns = checkIns.isEmpty ? nil : checkIns
                let probiotics = try Row.fetchAll(
                    db, sql: "SELECT * FROM probiotic WHERE \(condition) ORDER BY date, logged_at, id", arguments: arguments
                ).map(Self.probioticRecord)
                profile.probiotics = probiotics.isEmpty ? nil : probiotics
                // Trials are kept whole, whatever the range: a trial is not an entry of a day.
                let trials = try Row.fetchAll(db, sql: "SELECT * FROM trial WHERE profileId = ? ORDER BY start, id", arguments: [id])
                    .map(Self.trialRecord)
                profile.trials = trials.isEmpty ? nil : trials
                archive.profiles.append(profile)
            }
            (archive.customFoods, archive.recipes) = try archiveFoods(db)
            return archive
        }
    }

    /// An entry row as an archive holds it.
    private static func entryRecord(_ row: Row) -> JournalArchive.EntryRecord {
        JournalArchive.EntryRecord(date: row["date"], meal: row["meal"], foodID: row["food_id"], grams: row["grams"],
                                   loggedAt: archiveTime(row, "logged_at"), measureAmount: row["measure_amount"],
                                   measureUnit: row["measure_unit"])
    }

    /// A check-in row as an archive holds it.
    private static func checkInRecord(_ row: Row) -> JournalArchive.CheckInRecord {
        let poem: String? = row["poem"]
        return JournalArchive.CheckInRecord(
            date: row["date"], itch: row["itch"], spots: row["spots"],
            poem: poem.map { $0.split(separator: ",").compactMap { Int($0) } },
            bristol: row["bristol"], bloating: row["bloating"], note: row["note"], checkedAt: archiveTime(row, "checked_at"))
    }

    /// A trial row as an archive holds it.
    private static func trialRecord(_ row: Row) -> JournalArchive.TrialRecord {
        JournalArchive.TrialRecord(name: row["name"], kind: row["kind"], value: row["value"], start: row["start"], weeks: row["weeks"],
                                   reintroduceWeeks: row["reintroduce_weeks"], endedOn: row["ended_on"],
                                   createdAt: archiveTime(row, "created_at"))
    }

    /// A probiotic row as an archive holds it.
    private static func probioticRecord(_ row: Row) -> JournalArchive.ProbioticRecord {
        JournalArchive.ProbioticRecord(date: row["date"], strain: row["strain"], strainID: row["strain_id"], cfu: row["cfu"],
                                       loggedAt: archiveTime(row, "logged_at"))
    }

    /// A stored time column as archive text (the journal's own text, never re-parsed).
    private static func archiveTime(_ row: Row, _ column: String) -> String {
        ArchiveTime.archiveText(fromJournal: row[column] as String? ?? "")
    }

    /// Imports an archive (already checked with `JournalArchive.validate`) in one
    /// transaction: all of it or nothing. It adds and never overwrites: a profile with the
    /// same name as one in the journal keeps its settings and gains the archive's entries,
    /// targets and favourites it lacks; an entry already there (same day, meal, food,
    /// weight and time logged) is not added twice, so importing the same file twice
    /// changes nothing. A custom food or recipe whose id is taken by a different one is an
    /// error. With `skippingEntriesAlreadyThere` false, every entry of the archive is added
    /// (a caller that has already left out the ones it counts as there, by its own rule).
    public func importArchive(_ archive: JournalArchive, skippingEntriesAlreadyThere: Bool = true) throws(JournalError) -> ImportSummary {
        // While the import holds the write lock, another absorb that waits past the busy
        // timeout can say an import is the cause (see `write`).
        let marker = ImportMarker(journal: path)
        defer { marker.remove() }
        return try write { db in
            var summary = ImportSummary()
            let hadProfiles = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM profile") ?? 0 > 0
            let (journalFoods, journalRecipes) = try archiveFoods(db)
            let existingFoods = Dictionary(uniqueKeysWithValues: journalFoods.map { ($0.id, $0) })
            let existingRecipes = Dictionary(uniqueKeysWithValues: journalRecipes.map { ($0.id, $0) })
            for food in archive.customFoods {
                if let there = existingFoods[food.id] {
                    guard there.description == food.description, there.values == food.values, there.portions == food.portions else {
                        throw JournalError(path: path, message: "the journal already has a different custom food \(food.id) (\(there.description)); nothing was imported")
                    }
                    summary.foodsAlreadyThere += 1
                    continue
                }
                try Self.insertCustomFood(id: food.id, description: food.description, value: { food.values[$0.column] },
                                          portions: food.portions.map { ($0.amount, $0.description, $0.grams) },
                                          createdAt: try journalTime(food.createdAt), db)
                summary.foodsAdded += 1
            }
            for record in archive.recipes {
                let recipe = Recipe(id: record.id, name: record.name,
                                    ingredients: record.ingredients.map { Recipe.Ingredient(foodID: $0.foodID, grams: $0.grams) },
                                    cookedGrams: record.cookedGrams, servings: record.servings)
                if let there = existingRecipes[record.id] {
                    guard there.name == record.name, there.ingredients == record.ingredients,
                          there.cookedGrams == record.cookedGrams, there.servings == record.servings else {
                        throw JournalError(path: path, message: "the journal already has a different recipe \(record.id) (\(there.name)); nothing was imported")
                    }
                    summary.recipesAlreadyThere += 1
                    continue
                }
                try Self.insert(recipe, createdAt: try journalTime(record.createdAt), db, path: path)
                summary.recipesAdded += 1
            }

            var activeID: Int64?
            for profile in archive.profiles {
                let id: Int64
                var knownEntries: [JournalArchive.EntryRecord: Int] = [:]
                if let found = try Int64.fetchOne(db, sql: "SELECT id FROM profile WHERE name = ? COLLATE NOCASE ORDER BY id LIMIT 1",
                                                  arguments: [profile.name]) {
                    id = found
                    summary.profilesMatched += 1
                    // A prescription in the file is added to the profile's own.
                    if let prescribed = profile.prescribed, !prescribed.isEmpty {
                        let current = Self.prescribedIDs(try String.fetchOne(db, sql: "SELECT prescribed FROM profile WHERE id = ?", arguments: [id]))
                        try db.execute(sql: "UPDATE profile SET prescribed = ? WHERE id = ?",
                                       arguments: [Self.prescribedText(current.union(prescribed)), id])
                    }
                    for row in try Row.fetchAll(db, sql: "SELECT * FROM entry WHERE profileId = ?", arguments: [id]) {
                        knownEntries[Self.entryRecord(row), default: 0] += 1
                    }
                } else {
                    id = try Self.insertProfile(name: profile.name, sex: profile.sex, ageMonths: profile.ageMonths,
                                                condition: profile.condition, fatThresholdGrams: profile.fatThresholdGrams,
                                                diets: profile.diets, prescribed: profile.prescribed ?? [],
                                                scales: (profile.scales ?? []).compactMap(CheckInScale.init(rawValue:)),
                                                createdAt: try journalTime(profile.createdAt), db)
                    summary.profilesAdded += 1
                }
                if profile.active || activeID == nil && profile.name == archive.profiles.first?.name { activeID = id }
                for target in profile.targets {
                    try db.execute(sql: "INSERT OR IGNORE INTO target_override (profileId, nutrient, value, set_on) VALUES (?, ?, ?, ?)",
                                   arguments: [id, target.nutrient, target.value, target.setOn])
                    if db.changesCount > 0 { summary.targetsAdded += 1 } else { summary.targetsKept += 1 }
                }
                for favourite in profile.favourites {
                    try db.execute(sql: "INSERT OR IGNORE INTO favourite (profileId, food_id, added_at) VALUES (?, ?, ?)",
                                   arguments: [id, favourite.foodID, try journalTime(favourite.addedAt)])
                    summary.favouritesAdded += db.changesCount
                }
                let insert = try db.cachedStatement(
                    sql: """
                        INSERT INTO entry (profileId, date, meal, food_id, grams, logged_at, measure_amount, measure_unit)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                for entry in profile.entries {
                    if skippingEntriesAlreadyThere, let count = knownEntries[entry], count > 0 {
                        knownEntries[entry] = count - 1
                        summary.entriesAlreadyThere += 1
                        continue
                    }
                    // A measure without its amount or unit is left out: the grams stand.
                    let measure = entry.measureAmount.flatMap { amount in entry.measureUnit.map { (amount, $0) } }
                    try insert.execute(arguments: [id, entry.date, entry.meal, entry.foodID, entry.grams,
                                                   try journalTime(entry.loggedAt), measure?.0, measure?.1])
                    summary.entriesAdded += 1
                }
                // A day's check-in already in the journal is kept (the person's own record);
                // a day without one takes the file's.
                for record in profile.checkIns ?? [] {
                    try db.execute(
                        sql: """
                            INSERT OR IGNORE INTO checkin (profileId, date, itch, spots, poem, bristol, bloating, note, checked_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [id, record.date, record.itch, record.spots, CheckIn.poemText(record.poem), record.bristol,
                                    record.bloating, record.note, try journalTime(record.checkedAt)])
                    if db.changesCount > 0 { summary.checkInsAdded += 1 } else { summary.checkInsKept += 1 }
                }
                var knownDoses: [JournalArchive.ProbioticRecord: Int] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT * FROM probiotic WHERE profileId = ?", arguments: [id]) {
                    knownDoses[Self.probioticRecord(row), default: 0] += 1
                }
                for dose in profile.probiotics ?? [] {
                    if let count = knownDoses[dose], count > 0 {
                        knownDoses[dose] = count - 1
                        summary.probioticsAlreadyThere += 1
                        continue
                    }
                    try db.execute(sql: "INSERT INTO probiotic (profileId, date, strain, strain_id, cfu, logged_at) VALUES (?, ?, ?, ?, ?, ?)",
                                   arguments: [id, dose.date, dose.strain, dose.strainID, dose.cfu, try journalTime(dose.loggedAt)])
                    summary.probioticsAdded += 1
                }
                // A trial of a name the profile already has is kept as it is in the journal;
                // a new one must share no day with the profile's trials.
                let existing = try Self.trials(db, profileID: id)
                var kept = existing
                for record in profile.trials ?? [] {
                    if existing.contains(where: { $0.name.lowercased() == record.name.lowercased() }) {
                        summary.trialsKept += 1
                        continue
                    }
                    guard let start = try? LocalDate(parsing: record.start), let kind = TrialKind(key: record.kind, value: record.value) else { continue }
                    let trial = Trial(name: record.name, kind: kind, start: start, weeks: record.weeks, reintroduceWeeks: record.reintroduceWeeks,
                                      endedOn: record.endedOn.flatMap { try? LocalDate(parsing: $0) })
                    if let other = kept.first(where: { $0.overlaps(trial) }) {
                        throw JournalError(path: path, message: "the trial \"\(record.name)\" of profile \"\(profile.name)\" overlaps the journal's trial \"\(other.name)\" (\(other.start) to \(other.lastDay)). Nothing was imported.")
                    }
                    try db.execute(
                        sql: """
                            INSERT INTO trial (profileId, name, kind, value, start, weeks, reintroduce_weeks, ended_on, created_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [id, record.name, record.kind, record.value, record.start, record.weeks, record.reintroduceWeeks,
                                    record.endedOn, try journalTime(record.createdAt)])
                    kept.append(trial)
                    summary.trialsAdded += 1
                }
            }
            // A journal that had no profile takes the archive's active one; otherwise the
            // person's choice stands.
            if !hadProfiles, let activeID {
                try Self.setActive(activeID, db)
            }
            return summary
        }
    }

    private func journalTime(_ text: String) throws -> String {
        guard let stored = ArchiveTime.journalText(fromArchive: text) else {
            throw JournalError(path: path, message: "\"\(text.prefix(40))\" is not a time; nothing was imported")
        }
        return stored
    }

    /// The journal's custom foods and recipes as an archive holds them, by id.
    private func archiveFoods(_ db: Database) throws -> (foods: [JournalArchive.CustomFood], recipes: [JournalArchive.RecipeRecord]) {
        var portions: [String: [JournalArchive.PortionRecord]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM custom_portion ORDER BY id") {
            portions[row["custom_foodId"], default: []].append(
                JournalArchive.PortionRecord(amount: row["amount"], description: row["description"], grams: row["grams"]))
        }
        let foods = try Row.fetchAll(db, sql: "SELECT * FROM custom_food ORDER BY id").map { row in
            var values: [String: Double] = [:]
            for component in FoodComponent.allCases {
                if let value = row[component.column] as Double? { values[component.column] = value }
            }
            let id: String = row["id"]
            return JournalArchive.CustomFood(id: id, description: row["description"], values: values,
                                             portions: portions[id] ?? [], createdAt: Self.archiveTime(row, "created_at"))
        }
        var ingredients: [String: [JournalArchive.Ingredient]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM recipe_ingredient ORDER BY recipeId, position") {
            ingredients[row["recipeId"], default: []].append(JournalArchive.Ingredient(foodID: row["food_id"], grams: row["grams"]))
        }
        let recipes = try Row.fetchAll(db, sql: "SELECT * FROM recipe ORDER BY id").map { row in
            let id: String = row["id"]
            return JournalArchive.RecipeRecord(id: id, name: row["name"], cookedGrams: row["cooked_g"], servings: row["servings"],
                                               createdAt: Self.archiveTime(row, "created_at"), ingredients: ingredients[id] ?? [])
        }
        return (foods, recipes)
    }
}
