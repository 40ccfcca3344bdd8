import ArgumentParser
import Foundation
import NutrientModel

/// `absorb foods`: search the food table and show a food's values.
struct FoodsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "foods", abstract: "Search foods and show their values.",
        subcommands: [Search.self, Show.self])

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
}
