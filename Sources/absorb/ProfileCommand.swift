import ArgumentParser
import Foundation
import Journal
import NutrientModel

/// `absorb profile`: who the targets are for.
struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile", abstract: "Show or change your profile and targets.",
        subcommands: [Show.self, Set.self, TargetCommand.self, List.self, Add.self, Use.self, Delete.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the journal's profiles; * marks the active one.")
        @OptionGroup var common: CommonOptions

        func run() throws {
            let session = try common.open()
            let active = try session.journal.activeProfile().id
            for stored in try session.journal.profiles() {
                let person = stored.profile
                let details = [person.sex?.rawValue, person.ageText, person.condition == .none ? nil : person.condition.rawValue]
                    .compactMap { $0 }.joined(separator: ", ")
                print("\(stored.id == active ? "*" : " ") \(TextRules.escaped(person.name))\(details.isEmpty ? "" : " (\(details))")")
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a profile (a patient, a family member) and make it the active one.")
        @Argument(help: "The new profile's name.") var name: String
        @OptionGroup var common: CommonOptions

        func run() throws {
            let session = try common.open()
            let trimmed: String
            do { trimmed = try TextRules.checked(name, "the profile's name") } catch { throw CLIError(error.description) }
            if try session.journal.profiles().contains(where: { $0.profile.name.caseInsensitiveCompare(trimmed) == .orderedSame }) {
                throw CLIError("there is already a profile named \(trimmed)")
            }
            try session.journal.addProfile(PersonProfile(name: trimmed))
            print("Added \(trimmed) and made it the active profile. Set sex and age with `absorb profile set --sex ... --age ...`.")
        }
    }

    struct Use: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "use", abstract: "Make another profile the active one.")
        @Argument(help: "The profile's name.") var name: String
        @OptionGroup var common: CommonOptions

        func run() throws {
            var options = common
            options.profile = name
            let session = try options.open()
            try session.journal.activate(profileID: session.profile.id)
            print("Now using \(TextRules.escaped(session.profile.profile.name)).")
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete",
            abstract: "Delete a profile with all its entries and targets (asks for --yes).")
        @Argument(help: "The profile's name.") var name: String
        @Flag(name: .long, help: "Confirm: the profile's entries are deleted with it.") var yes = false
        @OptionGroup var common: CommonOptions

        func run() throws {
            var options = common
            options.profile = name
            let session = try options.open()
            let count = try session.journal.entries(profileID: session.profile.id).count
            guard yes else {
                throw CLIError("deleting \(session.profile.profile.name) deletes its \(count) entr\(count == 1 ? "y" : "ies") too: run again with --yes to confirm")
            }
            try session.journal.removeProfile(id: session.profile.id)
            print("Deleted \(session.profile.profile.name) and its \(count) entr\(count == 1 ? "y" : "ies").")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show the profile and the targets in force.")
        @OptionGroup var common: CommonOptions

        func run() throws {
            let session = try common.open()
            let targets = try session.targets()
            let person = session.profile.profile
            print("Profile: \(TextRules.escaped(person.name))")
            print("  sex: \(person.sex?.rawValue ?? "not set")")
            print("  age: \(person.ageText ?? "not set")")
            print("  pregnant or lactating: \(person.condition == .none ? "neither" : person.condition.rawValue)")
            print("  meal-fat threshold: \(person.fatThresholdGrams.map { "\(Format.number($0)) g (set for this profile)" } ?? "\(Format.number(session.data.absorption.mealFatThresholdGrams)) g (Data/absorption.csv)")")
            print("  diets: \(person.diets.isEmpty ? "none" : person.diets.sorted().joined(separator: ", "))")
            print("  prescribed: \(person.prescribed.isEmpty ? "none" : person.prescribed.sorted().map { "\(session.foodName($0)) (\($0))" }.joined(separator: ", "))")
            print("  check-in scales: \(person.scales.isEmpty ? "none chosen (all are shown)" : person.scales.map(\.rawValue).joined(separator: ", "))")
            print("  life stage: \(targets.lifeStage)")
            if let note = targets.defaultsNote { print("\n\(note)") }
            print("")
            print("Nutrient                          target         kind    upper limit")
            for nutrient in Nutrient.allCases {
                let target = targets.targets[nutrient]!
                let value = target.value.map { "\(Format.number($0, decimals: 2)) \(nutrient.unit)" } ?? "none"
                var limit = "none set"
                if let value = target.upperLimit, let unit = target.upperLimitUnit, let text = target.upperLimitText {
                    limit = "\(Format.number(value, decimals: 2)) \(unit) (\(text))"
                }
                print(nutrient.name.padded(to: 33) + " " + value.padded(to: 14) + " "
                      + (target.kind?.rawValue ?? "—").padded(to: 7) + " " + limit)
            }
            print("")
            print("Sources:")
            for nutrient in Nutrient.allCases {
                let target = targets.targets[nutrient]!
                var line = "  \(nutrient.name): \(target.source)"
                if let replaced = target.replacedReference {
                    line += " (replaces \(replaced.value.map { Format.number($0) } ?? "none") \(nutrient.unit) \(replaced.kind?.rawValue ?? ""), \(replaced.source))"
                }
                print(line)
            }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Set name, sex, age and pregnancy or lactation (the targets follow), and prescribed foods.")

        @Option(name: .long, help: "Your name.") var name: String?
        @Option(name: .long, help: "female or male.") var sex: String?
        @Option(name: .long, help: ArgumentHelp("Age in years (34), or months for infants (8m).", valueName: "years")) var age: String?
        @Flag(name: .long, help: "Pregnant.") var pregnant = false
        @Flag(name: .long, help: "Lactating (breastfeeding).") var lactating = false
        @Flag(name: .long, help: "Neither pregnant nor lactating.") var neither = false
        @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Your own meal-fat threshold for fat pairing, in grams, as a clinician set it; 'default' goes back to Data/absorption.csv.", valueName: "grams"))
        var fatThreshold: String?
        @Option(name: .long, help: ArgumentHelp("Diets and allergies the gap planner keeps to, comma-separated (vegetarian, vegan, pescatarian, no_meat, no_fish, no_dairy, no_milk, no_egg, no_nuts, no_tree_nuts, no_peanuts, no_crustaceans, no_molluscs, no_wheat, no_gluten, no_soy, no_sesame), or 'none'.", valueName: "diets"))
        var diet: String?
        @Option(name: .long, help: ArgumentHelp("Foods a clinician prescribed (a supplement's id, see `absorb foods search`), comma-separated: a dose of one above an upper limit is still shown above it, with a caution that says it was prescribed.", valueName: "id[,id]"))
        var prescribed: String?
        @Option(name: .customLong("not-prescribed"), help: ArgumentHelp("Foods no longer prescribed, comma-separated.", valueName: "id[,id]"))
        var notPrescribed: String?
        @Option(name: .long, help: ArgumentHelp("The check-in scales this person tracks, comma-separated: itch, spots, poem, bristol, bloating; or all, or none (until chosen, all are shown).", valueName: "scales"))
        var scales: String?
        @OptionGroup var common: CommonOptions

        /// The ids of a comma-separated list.
        private func ids(_ text: String) -> [String] {
            text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }

        func validate() throws {
            if [pregnant, lactating, neither].filter({ $0 }).count > 1 {
                throw ValidationError("choose one of --pregnant, --lactating and --neither")
            }
            if name == nil, sex == nil, age == nil, !pregnant, !lactating, !neither, fatThreshold == nil, diet == nil,
               prescribed == nil, notPrescribed == nil, scales == nil {
                throw ValidationError("nothing to change: give --name, --sex, --age, --pregnant, --lactating, --neither, --fat-threshold, --diet, --prescribed, --not-prescribed or --scales")
            }
            if let prescribed, ids(prescribed).isEmpty { throw ValidationError("--prescribed needs a food id, such as C0001") }
            if let notPrescribed, ids(notPrescribed).isEmpty { throw ValidationError("--not-prescribed needs a food id, such as C0001") }
        }

        func run() throws {
            var session = try common.open()
            var person = session.profile.profile
            if let name {
                do { person.name = try TextRules.checked(name, "--name") } catch { throw CLIError(error.description) }
            }
            if let sex {
                guard let parsed = Sex(rawValue: sex.lowercased()) else {
                    throw CLIError("--sex \(sex): expected female or male")
                }
                person.sex = parsed
            }
            if let age {
                do { person.ageMonths = try PersonProfile.parseAge(age) } catch { throw CLIError("--age: \(error.description)") }
            }
            if let scales {
                do { person.scales = try CheckInScale.parseList(scales) } catch { throw CLIError("--scales: \(error.description)") }
            }
            if pregnant { person.condition = .pregnancy }
            if lactating { person.condition = .lactation }
            if neither { person.condition = .none }
            if let fatThreshold {
                if fatThreshold.lowercased() == "default" {
                    person.fatThresholdGrams = nil
                } else {
                    var number = fatThreshold.trimmingCharacters(in: .whitespaces)
                    if number.hasSuffix("g") { number = String(number.dropLast()).trimmingCharacters(in: .whitespaces) }
                    let rule = "must be 0 to 100 g of fat, such as 5, or 'default'"
                    let grams: Double
                    do { grams = try NumberInput.option(number, allowingZero: true) } catch {
                        let negative = number.hasPrefix("-") && (try? NumberInput.decimal(String(number.dropFirst()))) != nil
                        throw CLIError("--fat-threshold \(fatThreshold.prefix(40)): \(rule)\(negative ? "" : " (\(error.description))")")
                    }
                    guard grams <= 100 else { throw CLIError("--fat-threshold \(fatThreshold.prefix(40)): \(rule)") }
                    person.fatThresholdGrams = grams
                }
            }
            if let diet {
                let keys = diet.lowercased() == "none" ? [] : diet.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                let known = session.data.diets.diets.map(\.key)
                if let unknown = keys.first(where: { !known.contains($0) }) {
                    throw CLIError("--diet: no diet \"\(unknown)\" (known: \(known.joined(separator: ", ")))")
                }
                person.diets = Swift.Set(keys)
            }
            if let prescribed {
                for id in ids(prescribed) {
                    guard session.data.foods.food(id: id) != nil else {
                        throw CLIError("--prescribed: there is no food \(id) (give a food's id, see `absorb foods search`). Nothing was saved.")
                    }
                    person.prescribed.insert(id)
                }
            }
            if let notPrescribed {
                for id in ids(notPrescribed) {
                    guard person.prescribed.remove(id) != nil else {
                        throw CLIError("--not-prescribed: \(id) is not prescribed for \(TextRules.escaped(person.name)) (prescribed: \(person.prescribed.isEmpty ? "none" : person.prescribed.sorted().joined(separator: ", "))). Nothing was saved.")
                    }
                }
            }
            do { try person.validate() } catch { throw CLIError(error.description) }
            // Check the DRIs cover this person before saving.
            session.profile.profile = person
            let targets = try session.targets()
            try session.journal.updateProfile(session.profile)
            print("Saved \(person.name): \(person.sex?.rawValue ?? "sex not set"), \(person.ageText ?? "age not set")\(person.condition == .none ? "" : ", \(person.condition.rawValue)") — \(targets.lifeStage)")
            if let note = targets.defaultsNote { print(note) }
            if prescribed != nil || notPrescribed != nil {
                print("Prescribed: \(person.prescribed.isEmpty ? "none" : person.prescribed.sorted().map { "\(session.foodName($0)) (\($0))" }.joined(separator: ", "))")
            }
            if scales != nil {
                print("Check-in scales: \(person.scales.isEmpty ? "none chosen (all are shown)" : person.scales.map(\.rawValue).joined(separator: ", "))")
            }
        }
    }

    struct TargetCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "target",
            abstract: "Set your own target for a nutrient (as a clinician advised), or --reset it.")

        @Argument(help: ArgumentHelp("vitamin_a, vitamin_d, vitamin_e, vitamin_k, linoleic_acid, alpha_linolenic_acid or epa_dha.", valueName: "nutrient"))
        var nutrient: String

        @Argument(help: ArgumentHelp("The target, in the nutrient's unit (µg RAE, µg, mg, g or mg).", valueName: "value"))
        var value: String?

        @Flag(name: .long, help: "Go back to the reference intake.")
        var reset = false

        @OptionGroup var common: CommonOptions

        func run() throws {
            guard let parsed = Nutrient(userText: nutrient) else {
                throw CLIError("unknown nutrient \"\(nutrient)\": expected one of \(Nutrient.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let session = try common.open()
            if reset {
                guard value == nil else { throw CLIError("give either a value or --reset, not both") }
                let removed = try session.journal.removeTargetOverride(parsed, profileID: session.profile.id)
                let target = try session.targets().targets[parsed]!
                let reference = target.value.map { "\(Format.number($0)) \(parsed.unit)" } ?? "none"
                print(removed ? "\(parsed.name): back to the reference, \(reference) (\(target.kind?.rawValue ?? "no target"))"
                              : "\(parsed.name) had no target of your own; it is the reference, \(reference)")
                return
            }
            guard let value else { throw CLIError("give the target value, as in: absorb profile target \(parsed.rawValue) 20 (or --reset)") }
            let number: Double
            do { number = try NumberInput.option(value, allowingZero: true) } catch {
                throw CLIError("target \(error.description); a target is a number of \(parsed.unit), such as 20")
            }
            guard number < 1e9 else {
                throw CLIError("\"\(value.prefix(40))\" is not a target: give a number of \(parsed.unit), such as 20")
            }
            try session.journal.setTargetOverride(
                TargetOverride(nutrient: parsed, value: number, setOn: LocalDate.today()), profileID: session.profile.id)
            print("\(parsed.name): your target is now \(Format.number(number)) \(parsed.unit) (custom). `absorb profile target \(parsed.rawValue) --reset` goes back to the reference.")
        }
    }
}
