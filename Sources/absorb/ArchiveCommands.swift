import ArgumentParser
import DataFiles
import Foundation
import Journal
import NutrientModel

/// The formats of a journal export.
enum ArchiveFormat: String, ExpressibleByArgument, CaseIterable {
    case json, csv
}

/// `absorb export`: the journal as one JSON or CSV file.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the journal (profiles, targets, favourites, entries, check-ins, probiotics, trials, custom foods, recipes) as JSON or CSV.",
        discussion: """
            Everything is kept exactly (times to the millisecond, numbers in full, unknown values \
            left empty), so `absorb import` of the file into an empty journal gives the same \
            journal back. --profile NAME exports that profile only; --from/--to limit the entries \
            (the profiles, custom foods and recipes are always whole). The file is health data: \
            --output writes it readable by you only.
            """)

    @Option(name: .long, help: "json or csv.") var format: ArchiveFormat = .json
    @Option(name: .long, help: ArgumentHelp("First day of entries to export.", valueName: "date")) var from: String?
    @Option(name: .long, help: ArgumentHelp("Last day of entries to export.", valueName: "date")) var to: String?
    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?
    @OptionGroup var common: CommonOptions

    func run() throws {
        var range: DateRange?
        if from != nil || to != nil { range = try reportRange(date: nil, from: from, to: to) }
        let (_, journal) = try Session.openJournal(journalOption: common.journal, dataOption: common.data)
        var profileID: Int64?
        if let name = common.profile {
            let all = try journal.profiles()
            guard let found = all.first(where: { $0.profile.name.caseInsensitiveCompare(name) == .orderedSame }) else {
                throw CLIError("--profile \(name): no such profile in \(journal.path) (there are: \(all.map { TextRules.escaped($0.profile.name) }.joined(separator: ", ")))")
            }
            profileID = found.id
        }
        let archive = try journal.exportArchive(range: range, profileID: profileID)
        let text = format == .json ? archive.json() : archive.csv()
        guard let output else {
            printData(text)
            return
        }
        try writePrivately(text, to: output)
        let entries = archive.profiles.reduce(0) { $0 + $1.entries.count }
        printError(
            "Exported \(archive.profiles.count) profile\(archive.profiles.count == 1 ? "" : "s"), \(entries) entr\(entries == 1 ? "y" : "ies"), \(archive.customFoods.count) custom food\(archive.customFoods.count == 1 ? "" : "s") and \(archive.recipes.count) recipe\(archive.recipes.count == 1 ? "" : "s") to \(output).\n")
    }
}

/// Where an imported file comes from.
enum ImportSource: String, ExpressibleByArgument, CaseIterable {
    case absorb, cronometer
}

/// `absorb import`: an export read back into a journal, or a Cronometer history read in.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a journal export (JSON or CSV from `absorb export`) or a Cronometer history: all of it, or nothing.",
        discussion: """
            Every value is checked first; a bad one is reported with its place (a JSON path, or a \
            CSV line and column) and then nothing is saved. Import adds and never overwrites: a \
            profile with the same name keeps its settings and gains the entries, targets and \
            favourites it lacks; an entry already there is not added twice, so importing the same \
            file twice changes nothing.

            --from cronometer reads Cronometer's servings export (Account, Export Data, Food & \
            Recipe Entries) into the active profile, or --profile NAME: each row an entry on its \
            day and meal, each food a food of your own with Cronometer's figures (an empty or \
            missing column is unknown, never zero; IU converted by Data/conversions.csv). A row \
            already imported (same day, meal, food and amount) is not imported again, so a \
            later export that overlaps an earlier one adds only the new rows. --dry-run shows \
            what it would import and saves nothing.
            """)

    @Argument(help: "The file to import.") var file: String
    @Option(name: .long, help: "absorb (an `absorb export`) or cronometer (Cronometer's servings CSV).")
    var from: ImportSource = .absorb
    @Option(name: .long, help: "json or csv (default: from the file's extension, else its first character).")
    var format: ArchiveFormat?
    @Flag(name: .long, help: "With --from cronometer: show what would be imported, and save nothing.")
    var dryRun = false
    @OptionGroup var common: CommonOptions

    func run() throws {
        if from == .cronometer {
            if format == .json { throw CLIError("--format json: a Cronometer export is CSV. Nothing was imported.") }
            try CronometerImportRun.run(file: file, dryRun: dryRun, common: common)
            return
        }
        if dryRun { throw CLIError("--dry-run works with --from cronometer; an absorb export is checked whole before anything is saved. Nothing was imported.") }
        let bytes: [UInt8]
        do { bytes = try FileBytes.read(file) } catch { throw CLIError("\(error.description). Nothing was imported.") }
        let (data, journal) = try Session.openJournal(journalOption: common.journal, dataOption: common.data)
        let kind = format ?? Self.guessFormat(file: file, bytes: bytes)
        let archive: JournalArchive
        let locate: (ArchiveLocation, String) -> String
        do {
            switch kind {
            case .json:
                archive = try JournalArchive.read(json: bytes, fileName: file)
                locate = { location, field in "\(file): \(location.jsonPath(field))" }
            case .csv:
                let (read, places) = try JournalArchive.read(csv: bytes, fileName: file)
                archive = read
                locate = places.locate
            }
        } catch {
            throw CLIError(error.description.hasSuffix("Nothing was imported.") ? error.description : "\(error.description). Nothing was imported.")
        }
        let context = ArchiveContext(foods: data.foods, knownDiets: Set(data.diets.diets.map(\.key)),
                                     maxEntryGrams: data.quantities.maxEntryGrams, checkInScales: data.checkInScales)
        let warnings: [String]
        do { warnings = try archive.validate(context, locate: locate) } catch {
            throw CLIError("\(error.description). Nothing was imported.")
        }
        let summary = try journal.importArchive(archive)
        for warning in warnings { printError("absorb: warning: \(warning)\n") }
        var parts = ["\(summary.entriesAdded) entr\(summary.entriesAdded == 1 ? "y" : "ies")"]
        if summary.entriesAlreadyThere > 0 { parts[0] += " (\(summary.entriesAlreadyThere) already there)" }
        parts.append("\(summary.profilesAdded) new profile\(summary.profilesAdded == 1 ? "" : "s")"
                     + (summary.profilesMatched > 0 ? " (\(summary.profilesMatched) matched by name)" : ""))
        parts.append("\(summary.targetsAdded) target\(summary.targetsAdded == 1 ? "" : "s")"
                     + (summary.targetsKept > 0 ? " (\(summary.targetsKept) kept as the journal had them)" : ""))
        parts.append("\(summary.favouritesAdded) favourite\(summary.favouritesAdded == 1 ? "" : "s")")
        parts.append("\(summary.foodsAdded) custom food\(summary.foodsAdded == 1 ? "" : "s")")
        parts.append("\(summary.recipesAdded) recipe\(summary.recipesAdded == 1 ? "" : "s")")
        if summary.checkInsAdded + summary.checkInsKept > 0 {
            parts.append("\(summary.checkInsAdded) check-in\(summary.checkInsAdded == 1 ? "" : "s")"
                         + (summary.checkInsKept > 0 ? " (\(summary.checkInsKept) kept as the journal had them)" : ""))
        }
        if summary.probioticsAdded + summary.probioticsAlreadyThere > 0 {
            parts.append("\(summary.probioticsAdded) probiotic dose\(summary.probioticsAdded == 1 ? "" : "s")"
                         + (summary.probioticsAlreadyThere > 0 ? " (\(summary.probioticsAlreadyThere) already there)" : ""))
        }
        if summary.trialsAdded + summary.trialsKept > 0 {
            parts.append("\(summary.trialsAdded) trial\(summary.trialsAdded == 1 ? "" : "s")"
                         + (summary.trialsKept > 0 ? " (\(summary.trialsKept) kept as the journal had them)" : ""))
        }
        print("Imported from \(file): " + parts.joined(separator: ", ") + ".")
    }

    static func guessFormat(file: String, bytes: [UInt8]) -> ArchiveFormat {
        let lower = file.lowercased()
        if lower.hasSuffix(".json") { return .json }
        if lower.hasSuffix(".csv") { return .csv }
        let first = bytes.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }.first
        return first == UInt8(ascii: "{") ? .json : .csv
    }
}
