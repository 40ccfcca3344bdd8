import Foundation
import NutrientModel

/// A place in an archive: an item and its position, so an error can name where it is
/// (a JSON path, or a CSV file's line and column).
public struct ArchiveLocation: Hashable, Sendable {
    public enum Kind: String, Sendable {
        case archive, profile, target, favourite, entry, food, portion, recipe, ingredient, checkIn, probiotic, trial
    }

    public let kind: Kind
    /// The item's position: `[profile]`, `[profile, entry]`, `[food, portion]`...
    public let indices: [Int]

    public init(_ kind: Kind, _ indices: [Int] = []) {
        self.kind = kind
        self.indices = indices
    }

    /// The JSON path of a field of the item: `profiles[0].entries[3].grams`.
    public func jsonPath(_ field: String) -> String {
        let i = indices
        let item: String
        switch kind {
        case .archive: item = ""
        case .profile: item = "profiles[\(i[0])]"
        case .target: item = "profiles[\(i[0])].targets[\(i[1])]"
        case .favourite: item = "profiles[\(i[0])].favourites[\(i[1])]"
        case .entry: item = "profiles[\(i[0])].entries[\(i[1])]"
        case .food: item = "custom_foods[\(i[0])]"
        case .portion: item = "custom_foods[\(i[0])].portions[\(i[1])]"
        case .recipe: item = "recipes[\(i[0])]"
        case .ingredient: item = "recipes[\(i[0])].ingredients[\(i[1])]"
        case .checkIn: item = "profiles[\(i[0])].check_ins[\(i[1])]"
        case .probiotic: item = "profiles[\(i[0])].probiotics[\(i[1])]"
        case .trial: item = "profiles[\(i[0])].trials[\(i[1])]"
        }
        return item.isEmpty ? field : "\(item).\(field)"
    }
}

/// An archive that cannot be imported, with where and why. Nothing of it was saved.
public struct ArchiveError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// What an import checks an archive against.
public struct ArchiveContext: Sendable {
    /// The food table, with the journal's custom foods and recipes.
    public let foods: FoodTable
    /// The diet keys the data tables know.
    public let knownDiets: Set<String>
    /// The largest entry accepted, in grams.
    public let maxEntryGrams: Double
    /// The check-in scales, whose ranges a check-in's values must be in (`nil`: values are
    /// only checked to be whole numbers of 0 or more).
    public let checkInScales: CheckInScales?

    public init(foods: FoodTable, knownDiets: Set<String>, maxEntryGrams: Double, checkInScales: CheckInScales? = nil) {
        self.foods = foods
        self.knownDiets = knownDiets
        self.maxEntryGrams = maxEntryGrams
        self.checkInScales = checkInScales
    }
}

extension JournalArchive {
    /// Checks every field, naming the first problem with `locate(item, field)` in front of
    /// it. Returns warnings that do not stop an import (entries of foods nobody knows).
    public func validate(_ context: ArchiveContext,
                         locate: (ArchiveLocation, String) -> String) throws(ArchiveError) -> [String] {
        func fail(_ location: ArchiveLocation, _ field: String, _ message: String) -> ArchiveError {
            ArchiveError("\(locate(location, field)): \(message)")
        }
        func time(_ text: String, _ location: ArchiveLocation, _ field: String) throws(ArchiveError) {
            guard ArchiveTime.journalText(fromArchive: text) != nil else {
                throw fail(location, field, "\"\(text.prefix(40))\" is not a time: expected YYYY-MM-DDTHH:MM:SS.sssZ (UTC)")
            }
        }
        func date(_ text: String, _ location: ArchiveLocation, _ field: String) throws(ArchiveError) {
            do { _ = try LocalDate(parsing: text) } catch { throw fail(location, field, error.description) }
        }
        func positive(_ value: Double, _ location: ArchiveLocation, _ field: String, max: Double) throws(ArchiveError) {
            guard value.isFinite, value > 0 else { throw fail(location, field, "must be a number above 0, found \(value)") }
            guard value <= max else {
                throw fail(location, field, "\(Format.grouped(value)) is more than \(Format.grouped(max)) g: too much to be real")
            }
        }
        func text(_ value: String, _ location: ArchiveLocation, _ field: String) throws(ArchiveError) {
            guard !value.trimmingCharacters(in: .whitespaces).isEmpty else { throw fail(location, field, "must not be empty") }
            // Names and descriptions are as long as a food's description may be, no longer.
            guard value.utf8.count <= FoodTableLoader.maxDescriptionBytes else {
                throw fail(location, field, "is \(value.utf8.count) bytes long; at most \(FoodTableLoader.maxDescriptionBytes) are accepted")
            }
        }

        let top = ArchiveLocation(.archive)
        guard format == Self.formatName else {
            throw fail(top, "format", "\"\(format.prefix(40))\" is not an absorb journal export (expected \"\(Self.formatName)\")")
        }
        guard version >= 1 else { throw fail(top, "version", "\(version) is not a version") }
        guard version <= Self.currentVersion else {
            throw fail(top, "version", "version \(version) was written by a newer absorb (this one reads up to \(Self.currentVersion)); update absorb to import it")
        }
        if let from { try date(from, top, "from") }
        if let to { try date(to, top, "to") }

        // Foods first: entries and recipes may name them.
        var fileFoodIDs = Set<String>()
        for (f, food) in customFoods.enumerated() {
            let at = ArchiveLocation(.food, [f])
            guard food.id.hasPrefix("C"), food.id.count > 1, !food.id.contains(" ") else {
                throw fail(at, "id", "a custom food's id must start with C and have no spaces (found \"\(food.id.prefix(40))\")")
            }
            guard fileFoodIDs.insert(food.id).inserted else { throw fail(at, "id", "the custom food \(food.id) appears twice") }
            if let index = context.foods.index(of: food.id), context.foods.source(at: index) != .custom {
                throw fail(at, "id", "\(food.id) is already a food of the table")
            }
            try text(food.description, at, "description")
            for (column, value) in food.values.sorted(by: { $0.key < $1.key }) {
                guard let component = FoodComponent.allCases.first(where: { $0.column == column }) else {
                    throw fail(at, "values.\(column)", "unknown value \"\(column.prefix(40))\" (known: \(FoodComponent.allCases.map(\.column).joined(separator: ", ")))")
                }
                guard value.isFinite, value >= 0 else { throw fail(at, "values.\(column)", "must be a number of 0 or more, found \(value)") }
                guard value <= component.physicalLimitPer100g else {
                    throw fail(at, "values.\(column)", "\(Format.grouped(value)) \(component.unit) per 100 g is more than food can hold")
                }
            }
            for (p, portion) in food.portions.enumerated() {
                let place = ArchiveLocation(.portion, [f, p])
                guard portion.amount.isFinite, portion.amount > 0 else { throw fail(place, "amount", "must be a number above 0") }
                try text(portion.description, place, "description")
                try positive(portion.grams, place, "grams", max: context.maxEntryGrams)
            }
            try time(food.createdAt, at, "created_at")
        }
        var recipeIDs = Set<String>()
        for (r, recipe) in recipes.enumerated() {
            let at = ArchiveLocation(.recipe, [r])
            guard recipe.id.hasPrefix("R"), recipe.id.count > 1, !recipe.id.contains(" ") else {
                throw fail(at, "id", "a recipe's id must start with R and have no spaces (found \"\(recipe.id.prefix(40))\")")
            }
            guard !recipeIDs.contains(recipe.id) else { throw fail(at, "id", "the recipe \(recipe.id) appears twice") }
            try text(recipe.name, at, "name")
            // A whole dish may weigh more than one entry may: no upper bound beyond a finite weight.
            try positive(recipe.cookedGrams, at, "cooked_g", max: .greatestFiniteMagnitude)
            guard recipe.servings.isFinite, recipe.servings > 0 else { throw fail(at, "servings", "must be a number above 0") }
            guard !recipe.ingredients.isEmpty else { throw fail(at, "ingredients", "a recipe needs at least one ingredient") }
            for (i, ingredient) in recipe.ingredients.enumerated() {
                let place = ArchiveLocation(.ingredient, [r, i])
                let known = fileFoodIDs.contains(ingredient.foodID) || recipeIDs.contains(ingredient.foodID)
                    || context.foods.index(of: ingredient.foodID) != nil
                guard known else {
                    throw fail(place, "food_id", "\(ingredient.foodID.prefix(40)) is not in the food table, the custom foods or an earlier recipe")
                }
                try positive(ingredient.grams, place, "grams", max: context.maxEntryGrams)
            }
            try time(recipe.createdAt, at, "created_at")
            recipeIDs.insert(recipe.id)
        }

        var names = Set<String>()
        var warnings: [String] = []
        var actives = 0
        for (p, profile) in profiles.enumerated() {
            let at = ArchiveLocation(.profile, [p])
            try text(profile.name, at, "name")
            guard names.insert(profile.name.lowercased()).inserted else {
                throw fail(at, "name", "the profile \"\(profile.name)\" appears twice")
            }
            var sex: Sex?
            if let text = profile.sex {
                guard let parsed = Sex(rawValue: text) else { throw fail(at, "sex", "\"\(text.prefix(40))\" must be female or male (or absent)") }
                sex = parsed
            }
            guard let condition = PhysiologicalCondition(rawValue: profile.condition) else {
                throw fail(at, "condition", "\"\(profile.condition.prefix(40))\" must be one of \(PhysiologicalCondition.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            for diet in profile.diets where !context.knownDiets.contains(diet) {
                throw fail(at, "diets", "unknown diet \"\(diet.prefix(40))\" (known: \(context.knownDiets.sorted().joined(separator: ", ")))")
            }
            var prescribed = Set<String>()
            for id in profile.prescribed ?? [] {
                guard !id.isEmpty, !id.contains(","), !id.contains(";"), !id.contains(" ") else {
                    throw fail(at, "prescribed", "\"\(id.prefix(40))\" is not a food id")
                }
                guard prescribed.insert(id).inserted else { throw fail(at, "prescribed", "the food \(id) is prescribed twice") }
                let known = fileFoodIDs.contains(id) || recipeIDs.contains(id) || context.foods.index(of: id) != nil
                if !known {
                    warnings.append("profile \"\(profile.name)\": the prescribed food \(id.prefix(40)) is not in this food table; kept")
                }
            }
            let person = PersonProfile(name: profile.name, sex: sex, ageMonths: profile.ageMonths, condition: condition,
                                       fatThresholdGrams: profile.fatThresholdGrams, diets: Set(profile.diets), prescribed: prescribed)
            do { try person.validate() } catch { throw fail(at, "profile", error.description) }
            if profile.active { actives += 1 }
            guard actives <= 1 else { throw fail(at, "active", "only one profile can be the active one") }
            try time(profile.createdAt, at, "created_at")

            var nutrients = Set<String>()
            for (t, target) in profile.targets.enumerated() {
                let place = ArchiveLocation(.target, [p, t])
                guard Nutrient(rawValue: target.nutrient) != nil else {
                    throw fail(place, "nutrient", "unknown nutrient \"\(target.nutrient.prefix(40))\" (known: \(Nutrient.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                guard nutrients.insert(target.nutrient).inserted else {
                    throw fail(place, "nutrient", "the profile has two targets for \(target.nutrient)")
                }
                guard target.value.isFinite, target.value >= 0 else {
                    throw fail(place, "value", "must be a number of 0 or more, found \(target.value)")
                }
                try date(target.setOn, place, "set_on")
            }
            var favourites = Set<String>()
            for (f, favourite) in profile.favourites.enumerated() {
                let place = ArchiveLocation(.favourite, [p, f])
                try text(favourite.foodID, place, "food_id")
                guard favourites.insert(favourite.foodID).inserted else {
                    throw fail(place, "food_id", "the food \(favourite.foodID) is a favourite twice")
                }
                try time(favourite.addedAt, place, "added_at")
            }
            var unknown = 0
            for (e, entry) in profile.entries.enumerated() {
                let place = ArchiveLocation(.entry, [p, e])
                try date(entry.date, place, "date")
                guard Meal(rawValue: entry.meal) != nil else {
                    throw fail(place, "meal", "\"\(entry.meal.prefix(40))\" must be one of \(Meal.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                try text(entry.foodID, place, "food_id")
                try positive(entry.grams, place, "grams", max: context.maxEntryGrams)
                if let amount = entry.measureAmount { try positive(amount, place, "measure_amount", max: context.maxEntryGrams) }
                try time(entry.loggedAt, place, "logged_at")
                let known = fileFoodIDs.contains(entry.foodID) || recipeIDs.contains(entry.foodID)
                    || context.foods.index(of: entry.foodID) != nil
                if !known { unknown += 1 }
            }
            try validateCheckIns(profile, p, context, fail: fail, date: date, time: time)
            if unknown > 0 {
                warnings.append("profile \"\(profile.name)\": \(unknown) entr\(unknown == 1 ? "y names a food" : "ies name foods") this food table lacks; kept, and shown as unknown foods")
            }
        }
        return warnings
    }

    /// Checks a profile's scales, check-ins and probiotics.
    private func validateCheckIns(_ profile: Profile, _ p: Int, _ context: ArchiveContext,
                                  fail: (ArchiveLocation, String, String) -> ArchiveError,
                                  date: (String, ArchiveLocation, String) throws(ArchiveError) -> Void,
                                  time: (String, ArchiveLocation, String) throws(ArchiveError) -> Void) throws(ArchiveError) {
        let at = ArchiveLocation(.profile, [p])
        let hasAny = profile.scales != nil || !(profile.checkIns ?? []).isEmpty || !(profile.probiotics ?? []).isEmpty
        if hasAny, version < Self.firstVersionWithCheckIns {
            throw fail(at, "check_ins", "check-ins, probiotics and scales came with version \(Self.firstVersionWithCheckIns) of the format; this file says version \(version)")
        }
        var scales = Set<String>()
        for name in profile.scales ?? [] {
            guard CheckInScale(rawValue: name) != nil else {
                throw fail(at, "scales", "unknown scale \"\(name.prefix(40))\" (known: \(CheckInScale.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard scales.insert(name).inserted else { throw fail(at, "scales", "the scale \(name) is chosen twice") }
        }
        var days = Set<String>()
        for (c, record) in (profile.checkIns ?? []).enumerated() {
            let place = ArchiveLocation(.checkIn, [p, c])
            try date(record.date, place, "date")
            guard days.insert(record.date).inserted else {
                throw fail(place, "date", "the profile has two check-ins on \(record.date) (one a day)")
            }
            let values: [(String, CheckInScale, Int?)] = [("itch", .itch, record.itch), ("spots", .spots, record.spots),
                                                          ("bristol", .bristol, record.bristol), ("bloating", .bloating, record.bloating)]
            for (field, scale, value) in values {
                guard let value else { continue }
                if let definitions = context.checkInScales {
                    do { try definitions.check(value, for: scale) } catch { throw fail(place, field, error.description) }
                } else if value < 0 {
                    throw fail(place, field, "must be a whole number of 0 or more, found \(value)")
                }
            }
            if let answers = record.poem {
                let questions = context.checkInScales?.poemQuestions.count ?? 7
                let highest = context.checkInScales?.poemHighestAnswer ?? 4
                guard answers.count == questions else {
                    throw fail(place, "poem", "POEM has \(questions) answers, found \(answers.count)")
                }
                for (index, answer) in answers.enumerated() where !(0...highest).contains(answer) {
                    throw fail(place, "poem", "POEM answer \(index + 1) must be 0 to \(highest), found \(answer)")
                }
            }
            if let note = record.note {
                do { _ = try TextRules.checked(note, "a check-in's note") } catch { throw fail(place, "note", error.description) }
                guard note.utf8.count <= CheckInScales.maxNoteBytes else {
                    throw fail(place, "note", "is \(note.utf8.count) bytes long; at most \(CheckInScales.maxNoteBytes) are accepted")
                }
            }
            let record = CheckIn(date: (try? LocalDate(parsing: record.date))!, itch: record.itch, spots: record.spots,
                                 poemAnswers: record.poem, bristol: record.bristol, bloating: record.bloating, note: record.note)
            guard !record.isEmpty else { throw fail(place, "date", "the check-in records nothing") }
            try time(profile.checkIns![c].checkedAt, place, "checked_at")
        }
        for (d, dose) in (profile.probiotics ?? []).enumerated() {
            let place = ArchiveLocation(.probiotic, [p, d])
            try date(dose.date, place, "date")
            guard !dose.strain.trimmingCharacters(in: .whitespaces).isEmpty,
                  dose.strain.utf8.count <= FoodTableLoader.maxDescriptionBytes else {
                throw fail(place, "strain", "a strain must be named, in at most \(FoodTableLoader.maxDescriptionBytes) bytes")
            }
            guard dose.cfu.isFinite, dose.cfu >= 1, dose.cfu <= ProbioticDose.maxCFU else {
                throw fail(place, "cfu", "must be 1 to 10 trillion CFU, found \(dose.cfu)")
            }
            if let id = dose.strainID, id.isEmpty || id.contains(" ") { throw fail(place, "strain_id", "\"\(id.prefix(40))\" is not a strain id") }
            try time(dose.loggedAt, place, "logged_at")
        }
        try validateTrials(profile, p, context, fail: fail, date: date, time: time)
    }

    /// Checks a profile's trials: their version, names (one each), kinds, diet keys, dates and
    /// weeks (the journal's own bounds: a trial imported is as a trial saved), and that no two
    /// share a day.
    private func validateTrials(_ profile: Profile, _ p: Int, _ context: ArchiveContext,
                                fail: (ArchiveLocation, String, String) -> ArchiveError,
                                date: (String, ArchiveLocation, String) throws(ArchiveError) -> Void,
                                time: (String, ArchiveLocation, String) throws(ArchiveError) -> Void) throws(ArchiveError) {
        let trials = profile.trials ?? []
        if !trials.isEmpty, version < Self.firstVersionWithTrials {
            throw fail(ArchiveLocation(.profile, [p]), "trials", "trials came with version \(Self.firstVersionWithTrials) of the format; this file says version \(version)")
        }
        var names = Set<String>()
        var read: [Trial] = []
        for (t, record) in trials.enumerated() {
            let place = ArchiveLocation(.trial, [p, t])
            do { _ = try TextRules.checked(record.name, "a trial's name") } catch { throw fail(place, "name", error.description) }
            guard record.name.utf8.count <= TrialRules.maxNameBytes else {
                throw fail(place, "name", "is \(record.name.utf8.count) bytes long; at most \(TrialRules.maxNameBytes) are accepted")
            }
            guard names.insert(record.name.lowercased()).inserted else { throw fail(place, "name", "the profile has two trials named \"\(record.name)\"") }
            guard let kind = TrialKind(key: record.kind, value: record.value) else {
                throw fail(place, "kind", "kind must be remove, add or supplement, found \"\(record.kind.prefix(40))\"")
            }
            guard !record.value.isEmpty, record.value.utf8.count <= 100 else {
                throw fail(place, "value", "a trial needs a diet key or a food id (at most 100 bytes)")
            }
            if case .remove(let key) = kind, !context.knownDiets.contains(key) {
                throw fail(place, "value", "unknown diet \"\(key.prefix(40))\" (known: \(context.knownDiets.sorted().joined(separator: ", ")))")
            }
            try date(record.start, place, "start")
            if let ended = record.endedOn { try date(ended, place, "ended_on") }
            guard (1...52).contains(record.weeks) else { throw fail(place, "weeks", "must be 1 to 52 weeks, found \(record.weeks)") }
            guard (0...52).contains(record.reintroduceWeeks) else {
                throw fail(place, "reintroduce_weeks", "must be 0 to 52 weeks, found \(record.reintroduceWeeks)")
            }
            try time(record.createdAt, place, "created_at")
            let trial = Trial(name: record.name, kind: kind, start: (try? LocalDate(parsing: record.start))!, weeks: record.weeks,
                              reintroduceWeeks: record.reintroduceWeeks, endedOn: record.endedOn.flatMap { try? LocalDate(parsing: $0) })
            if let other = read.first(where: { $0.overlaps(trial) }) {
                throw fail(place, "start", "the trial overlaps \"\(other.name)\" (\(other.start) to \(other.lastDay)); trials of a profile share no day")
            }
            read.append(trial)
        }
    }
}
