import DataFiles
import Foundation
import Journal
import NutrientModel

/// `absorb import --from cronometer FILE.csv`: a Cronometer servings export read into the
/// journal through the same checks and the same one transaction as `absorb import` of an
/// export (all of it or nothing), after `CronometerExport` and `CronometerImport` have
/// read it and said what it becomes.
enum CronometerImportRun {
    static func run(file: String, dryRun: Bool, common: CommonOptions) throws {
        let bytes: [UInt8]
        do { bytes = try FileBytes.read(file) } catch { throw CLIError("\(error.description). Nothing was imported.") }
        let (data, journal) = try Session.openJournal(journalOption: common.journal, dataOption: common.data)
        let export: CronometerExport
        let plan: CronometerImport
        let current: JournalArchive
        do {
            export = try CronometerExport(bytes: bytes, fileName: file, conversions: data.labelConversions)
            var usda: [String: String] = [:]
            for index in 0..<data.foods.count where data.foods.source(at: index) == .usda {
                let name = data.foods.food(at: index).description.lowercased()
                if usda[name] == nil { usda[name] = data.foods.food(at: index).id }
            }
            plan = try CronometerImport(export, units: data.units, meals: data.meals, existing: try journal.customFoods(),
                                        usdaIDsByName: usda, maxEntryGrams: data.quantities.maxEntryGrams)
            current = try journal.exportArchive()
        } catch let error as CSVError {
            throw CLIError("\(error.description). Nothing was imported.")
        } catch let error as JournalError {
            throw CLIError("\(error.description). Nothing was imported.")
        }

        // The profile the entries go to: --profile, else the active one, else a new default.
        var profile: JournalArchive.Profile
        if let wanted = common.profile?.trimmingCharacters(in: .whitespaces) {
            guard let found = current.profiles.first(where: { $0.name.caseInsensitiveCompare(wanted) == .orderedSame }) else {
                throw CLIError("--profile \(TextRules.escaped(wanted)): no such profile in \(journal.path) (there are: \(current.profiles.map { TextRules.escaped($0.name) }.joined(separator: ", "))). Nothing was imported.")
            }
            profile = found
        } else if let found = current.profiles.first(where: \.active) ?? current.profiles.first {
            profile = found
        } else {
            profile = JournalArchive.Profile(name: JournalStore.defaultProfileName, sex: nil, ageMonths: nil, condition: "none",
                                             fatThresholdGrams: nil, diets: [], prescribed: nil, active: true, createdAt: archiveNow())
        }
        let knownEntries = profile.entries
        profile.targets = []
        profile.favourites = []
        profile.prescribed = nil
        profile.entries = plan.entries.map {
            JournalArchive.EntryRecord.make(date: $0.date.description, meal: $0.meal.rawValue, foodID: $0.foodID, grams: $0.grams,
                                       loggedAt: $0.loggedAt)
        }
        var archive = JournalArchive()
        archive.profiles = [profile]
        let journalFoods = Dictionary(current.customFoods.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let created = archiveNow()
        archive.customFoods = plan.foods.map { planned in
            if planned.alreadyThere, let there = journalFoods[planned.food.id] { return there }
            var values: [String: Double] = [:]
            for component in FoodComponent.allCases {
                if let value = planned.food.values[component] { values[component.column] = value }
            }
            return JournalArchive.CustomFood.make(
                id: planned.food.id, description: planned.food.description, values: values,
                portions: planned.food.portions.map { JournalArchive.PortionRecord.make(amount: $0.amount, description: $0.description, grams: $0.grams) },
                createdAt: created)
        }
        let context = ArchiveContext(foods: data.foods, knownDiets: Set(data.diets.diets.map(\.key)),
                                     maxEntryGrams: data.quantities.maxEntryGrams)
        do {
            _ = try archive.validate(context) { location, field in
                switch location.kind {
                case .entry where location.indices.count == 2 && location.indices[1] < plan.entries.count:
                    return "\(file):\(plan.entries[location.indices[1]].line) (the row's \(field))"
                case .food, .portion:
                    let food = plan.foods[location.indices[0]]
                    return "\(file):\(food.line) (\(TextRules.escaped(food.food.description)), \(field))"
                default:
                    return "\(file) (\(field))"
                }
            }
        } catch {
            throw CLIError("\(error.description). Nothing was imported.")
        }

        // A row already imported (the same day, meal, food and amount, at any time) is not
        // imported again: the same food and amount give the same id and weight, so the key
        // is the entry's day, meal, food and grams. Counted, so two like rows are two entries.
        func key(_ entry: JournalArchive.EntryRecord) -> String {
            "\(entry.date)|\(entry.meal)|\(entry.foodID)|\(entry.grams.bitPattern)"
        }
        var there: [String: Int] = [:]
        for entry in knownEntries { there[key(entry), default: 0] += 1 }
        var alreadyThere = 0
        archive.profiles[0].entries = profile.entries.filter { entry in
            guard let count = there[key(entry)], count > 0 else { return true }
            there[key(entry)] = count - 1
            alreadyThere += 1
            return false
        }
        if !dryRun {
            let summary: ImportSummary
            do { summary = try journal.importArchive(archive, skippingEntriesAlreadyThere: false) } catch {
                throw CLIError("\(error.description)")
            }
            alreadyThere += summary.entriesAlreadyThere  // 0: the rows already there were left out above
        }
        for line in summaryLines(file: file, plan: plan, export: export, profile: profile.name, alreadyThere: alreadyThere, dryRun: dryRun) {
            print(line)
        }
    }

    /// What was (or, with --dry-run, would be) imported: days, entries, foods, and which
    /// nutrients each food brought.
    static func summaryLines(file: String, plan: CronometerImport, export: CronometerExport, profile: String,
                             alreadyThere: Int, dryRun: Bool) -> [String] {
        let entries = plan.entries.count
        let days = Set(plan.entries.map(\.date)).count
        let newFoods = plan.foods.filter { !$0.alreadyThere }.count
        let servings = plan.foods.filter { $0.basis == .serving }.count
        var lines: [String] = []
        let verb = dryRun ? "Would import" : "Imported"
        var first = "\(verb) from \(file) (Cronometer) into the profile \(TextRules.escaped(profile)): "
        first += "\(entries - alreadyThere) of \(entries) entr\(entries == 1 ? "y" : "ies") on \(days) day\(days == 1 ? "" : "s")"
        if alreadyThere > 0 { first += " (\(alreadyThere) already there)" }
        first += ", \(newFoods) new food\(newFoods == 1 ? "" : "s") of your own"
        if plan.foods.count > newFoods { first += " (\(plan.foods.count - newFoods) already there)" }
        if servings > 0 { first += "; \(servings) logged as servings, their weight not given" }
        lines.append(first + ".")
        lines.append("Foods, and the nutrients each brought:")
        for planned in plan.foods {
            let names = planned.components.map(\.label)
            var line = "  \(TextRules.escaped(planned.food.description)) (\(planned.food.id)"
            line += planned.basis == .serving
                ? ", 1 serving = \(Format.number(planned.food.portions.first?.grams ?? CronometerImport.servingGrams)) g"
                : ", per gram from line \(planned.line)"
            if planned.alreadyThere { line += ", already there" }
            line += "): " + (names.isEmpty ? "nothing absorb tracks" : names.joined(separator: ", "))
            if let usda = planned.usdaMatch {
                line += ". The USDA food \(usda) has this name; Cronometer's figures are kept"
            }
            lines.append(line)
        }
        let missing = FoodComponent.allCases.filter { export.columns[$0] == nil && $0 != .vitaminEAdded && $0 != .vitaminEUpperLimit }
        if !missing.isEmpty {
            lines.append("Not in the file, so unknown (never zero): \(missing.map(\.label).joined(separator: ", ")).")
        }
        for note in export.notes { lines.append("Note: \(note)") }
        if dryRun { lines.append("Nothing was saved (--dry-run).") }
        return lines
    }

    /// Now as an export writes a time: `2026-11-24T09:30:00.125Z`.
    private static func archiveNow() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }
}
