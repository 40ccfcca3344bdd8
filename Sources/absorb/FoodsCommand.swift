import ArgumentParser
import Foundation
import Journal
import NutrientModel

/// `absorb foods`: search the food table and show a food's values.
struct FoodsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "foods", abstract: "Search foods and show their values.",
        subcommands: [Search.self, Show.self, Add.self, Import.self])

    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find foods by words of their name, in any order (\"salmon cook\").")

        @Argument(help: "Words to look for (prefixes work).")
        var query: [String]

        @Option(name: .long, help: "How many foods to list.")
        var limit: Int = 20

        @OptionGroup var common: CommonOptions

        func validate() throws {
            guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
            guard !query.joined().trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError("give some words to search for")
            }
        }

        func run() throws {
            let session = try common.open()
            let text = query.joined(separator: " ")
            let foods = session.data.searchFoods(text, limit: limit)
            if foods.isEmpty {
                do { _ = try session.data.findFood(text) } catch { throw CLIError(error.description) }
            }
            for food in foods {
                print("\(food.id.padded(to: 6)) \(food.description)  · \(food.group)")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a food's values per 100 g and its household measures.")

        @Argument(help: ArgumentHelp("The food's id (see `absorb foods search`).", valueName: "id"))
        var id: String

        @OptionGroup var common: CommonOptions

        func run() throws {
            let session = try common.open()
            guard let food = session.data.foods.food(id: id) else { throw CLIError(unknownID(id, data: session.data)) }
            print("\(food.id)  \(food.description)")
            print("\(food.group) · source: \(food.source.rawValue)")
            print("")
            // Supplements are shown per unit, as on their label; foods per 100 g.
            var scale = 1.0
            if food.source == .supplement, let unit = food.portions.first {
                scale = unit.grams / 100
                print("Per \(unit.description) (\(Format.number(unit.grams, decimals: 3)) g):")
            } else {
                print("Per 100 g:")
            }
            for component in FoodComponent.allCases {
                let value = food.values[component].map { "\(Format.number($0 * scale, decimals: 3)) \(component.unit)" }
                    ?? "no value (unknown)"
                print("  " + component.label.padded(to: 31) + value)
            }
            if let epaDha = Nutrient.epaDha.amount(in: food.values) {
                print("  " + "EPA + DHA".padded(to: 31) + "\(Format.number(epaDha * scale, decimals: 1)) mg")
            }
            print("")
            if food.portions.isEmpty {
                print("Household measures: none (log it in g, oz or lb)")
            } else {
                print("Household measures:")
                for portion in food.portions { print("  " + portion.label) }
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a food the table lacks, from its label: the values of one serving.",
            discussion: """
                Give the serving's weight and what the label says for it; a value not given is \
                unknown (never zero). Example: absorb foods add "Granola bar, Brand X" --serving 40 \
                --measure bar --energy 180 --fat 7 --fiber 3 --vitamin-e 1.5
                """)

        @Argument(help: "The food's name.") var name: String
        @Option(name: .long, help: ArgumentHelp("The serving's weight in grams.", valueName: "grams")) var serving: Double
        @Option(name: .long, help: ArgumentHelp("What a serving is called (bar, slice, cup).", valueName: "name")) var measure = "serving"
        @Option(name: .long, help: "kcal") var energy: Double?
        @Option(name: .long, help: "g") var fat: Double?
        @Option(name: .long, help: "g") var fiber: Double?
        @Option(name: .customLong("vitamin-a"), help: "µg RAE") var vitaminA: Double?
        @Option(name: .long, help: "µg (preformed vitamin A)") var retinol: Double?
        @Option(name: .customLong("vitamin-d"), help: "µg") var vitaminD: Double?
        @Option(name: .customLong("vitamin-e"), help: "mg alpha-tocopherol") var vitaminE: Double?
        @Option(name: .customLong("vitamin-e-added"), help: "mg (added or supplemental)") var vitaminEAdded: Double?
        @Option(name: .customLong("vitamin-k"), help: "µg") var vitaminK: Double?
        @Option(name: .long, help: "g linoleic acid") var linoleic: Double?
        @Option(name: .customLong("alpha-linolenic"), help: "g alpha-linolenic acid") var alphaLinolenic: Double?
        @Option(name: .long, help: "g EPA") var epa: Double?
        @Option(name: .long, help: "g DHA") var dha: Double?
        @OptionGroup var common: CommonOptions

        func validate() throws {
            guard serving.isFinite, serving > 0, serving <= 10_000 else {
                throw ValidationError("--serving must be a weight in grams above 0 (and at most 10,000)")
            }
            let values: [(String, Double?)] = [("energy", energy), ("fat", fat), ("fiber", fiber), ("vitamin-a", vitaminA),
                                               ("retinol", retinol), ("vitamin-d", vitaminD), ("vitamin-e", vitaminE),
                                               ("vitamin-e-added", vitaminEAdded), ("vitamin-k", vitaminK), ("linoleic", linoleic),
                                               ("alpha-linolenic", alphaLinolenic), ("epa", epa), ("dha", dha)]
            for (option, value) in values {
                if let value, !(value.isFinite && value >= 0) { throw ValidationError("--\(option) must be a number of 0 or more") }
            }
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("the food needs a name") }
        }

        func run() throws {
            let session = try common.open()
            let perServing: [FoodComponent: Double?] = [
                .energy: energy, .fat: fat, .fiber: fiber, .vitaminA: vitaminA, .retinol: retinol, .vitaminD: vitaminD,
                .vitaminE: vitaminE, .vitaminEAdded: vitaminEAdded, .vitaminK: vitaminK, .linoleicAcid: linoleic,
                .alphaLinolenicAcid: alphaLinolenic, .epa: epa, .dha: dha,
            ]
            var per100: [FoodComponent: Double] = [:]
            for (component, value) in perServing {
                guard let value else { continue }
                let scaled = value * 100 / serving
                if scaled > component.physicalLimitPer100g {
                    throw CLIError("--\(component.column): \(Format.number(value)) \(component.unit) in \(Format.number(serving)) g is more than food can hold")
                }
                per100[component] = scaled
            }
            let id = try session.journal.nextCustomFoodID()
            let food = Food(id: id, description: name.trimmingCharacters(in: .whitespaces), group: JournalStore.customFoodGroup,
                            source: .custom, values: FoodValues(per100), portions: [Portion(amount: 1, description: measure, grams: serving)])
            try session.journal.addCustomFood(food)
            print("Added \(id) \(food.description): 1 \(measure) = \(Format.number(serving)) g. Log it with: absorb log add \(id) 1 \(measure)")
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import custom foods from a CSV in the columns of Data/foods.csv (values per 100 g).",
            discussion: "Every row is checked first: a bad row is reported with its line and column, and then nothing is saved. Ids must start with C.")

        @Argument(help: "The CSV file.") var file: String
        @OptionGroup var common: CommonOptions

        func run() throws {
            let session = try common.open()
            var table = FoodTable()
            do {
                try FoodTableLoader.loadFoods(try FileBytes.read(file), fileName: file, into: &table)
            } catch let error as CSVError {
                throw CLIError("\(error.description). Nothing was imported.")
            } catch {
                throw CLIError("\(error). Nothing was imported.")
            }
            var foods: [Food] = []
            for index in 0..<table.count {
                let food = table.food(at: index)
                guard food.id.hasPrefix("C") else {
                    throw CLIError("\(file): food \(food.id) (\(food.description)): a custom food's id must start with C. Nothing was imported.")
                }
                if session.data.foods.index(of: food.id) != nil {
                    throw CLIError("\(file): there is already a food \(food.id). Nothing was imported.")
                }
                foods.append(Food(id: food.id, description: food.description, group: JournalStore.customFoodGroup,
                                  source: .custom, values: food.values, portions: []))
            }
            try session.journal.addCustomFoods(foods)
            print("Imported \(foods.count) food\(foods.count == 1 ? "" : "s") from \(file).")
        }
    }
}
