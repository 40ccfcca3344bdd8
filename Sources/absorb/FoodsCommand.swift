import ArgumentParser
import DataFiles
import Foundation
import Journal
import NutrientModel

/// `absorb foods`: search the food table and show a food's values.
struct FoodsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "foods", abstract: "Search foods and show their values.",
        subcommands: [Search.self, Show.self, RankCommand.self, Add.self, Import.self, RecipeCommand.self, Recipes.self, Favourite.self, Favourites.self])

    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search",
            abstract: "Find foods by words of their name, in any order (\"salmon cook\").")

        @Argument(help: "Words to look for (prefixes work).")
        var query: [String]

        @Option(name: .long, help: "How many foods to list.")
        var limit: Int = 20

        @OptionGroup var common: CommonOptions

        func validate() throws {
            guard limit > 0, limit <= 1_000 else { throw ValidationError("--limit must be from 1 to 1000 (found \(limit))") }
            guard !query.joined().trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError("give some words to search for")
            }
        }

        func run() throws {
            let session = try common.open()
            let text = query.joined(separator: " ")
            let (foods, closest) = session.data.searchListing(text, limit: limit)
            if let closest {
                // Nothing has every word: the closest query's foods, saying so on stderr.
                FileHandle.standardError.write(Data("no food matches \(TextRules.quoted(text)); showing \(TextRules.quoted(closest))\n".utf8))
            }
            if foods.isEmpty {
                do { _ = try session.data.findFood(text) } catch { throw CLIError(error.description) }
            }
            // Foods the profile's diets or allergies leave out stay findable (a person logs what
            // they ate) and say so.
            let diets = session.profile.profile.diets
            for food in foods {
                let outside = session.data.foods.index(of: food.id).flatMap { session.data.dietExclusion(ofFoodAt: $0, diets: diets) }
                print("\(food.id.padded(to: 6)) \(TextRules.escaped(food.description))  · \(food.group)"
                      + (outside.map { "  · not in your diets (\($0.prefix { $0 != ":" }))" } ?? ""))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show a food's values per 100 g and its household measures.")

        @Argument(help: ArgumentHelp("The food's id (see `absorb foods search`).", valueName: "id"))
        var id: String

        @OptionGroup var common: CommonOptions

        func run() throws {
            let session = try common.open()
            guard let food = session.data.foods.food(id: id) else { throw CLIError(unknownID(id, data: session.data)) }
            print("\(food.id)  \(TextRules.escaped(food.description))")
            print("\(food.group) · source: \(food.source.rawValue)")
            print("")
            // Supplements are shown per unit, as on their label; foods per 100 g.
            var scale = 1.0
            if food.source == .supplement, let unit = food.portions.first {
                scale = unit.grams / 100
                print("Per \(TextRules.escaped(unit.description)) (\(Format.number(unit.grams, decimals: 3)) g):")
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
                for portion in food.portions { print("  " + TextRules.escaped(portion.label)) }
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a food the table lacks, from its label: the values of one serving.",
            discussion: """
                Give the serving's weight and what the label says for it; a value not given is \
                unknown (never zero). Vitamins D, A and E may be given in IU or in the label's unit, \
                converted by Data/conversions.csv. Vitamin A needs its form (--vitamin-a-form \
                retinol, beta-carotene or N%-beta-carotene) or the label's --retinol: the form \
                decides how much counts toward the upper limit. Vitamin E's form (--vitamin-e-form \
                natural or synthetic) decides its IU and what counts toward the upper limit; \
                without it absorb counts it as synthetic, says so, and marks its upper-limit \
                figure estimated. Examples: absorb foods add "Granola bar, Brand X" --serving 40 \
                --measure bar --energy 180 --fat 7 --fiber 3 --vitamin-e 1.5 --vitamin-e-form natural; \
                absorb foods add "Vitamin A 10,000 IU" --serving 0.5 --measure softgel \
                --vitamin-a-iu 10000 --vitamin-a-form retinol
                """)

        @Argument(help: "The food's name.") var name: String
        @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("The serving's weight in grams.", valueName: "grams"),
                transform: numberArgument("--serving")) var serving: Double
        @Option(name: .long, help: ArgumentHelp("What a serving is called (bar, slice, cup).", valueName: "name")) var measure = "serving"
        @Option(name: .long, parsing: .unconditional, help: "kcal", transform: labelValueArgument("--energy")) var energy: Double?
        @Option(name: .long, parsing: .unconditional, help: "g", transform: labelValueArgument("--fat")) var fat: Double?
        @Option(name: .long, parsing: .unconditional, help: "g", transform: labelValueArgument("--fiber")) var fiber: Double?
        @Option(name: .customLong("vitamin-a"), parsing: .unconditional, help: "µg RAE (needs --vitamin-a-form or --retinol)", transform: labelValueArgument("--vitamin-a")) var vitaminA: Double?
        @Option(name: .customLong("vitamin-a-iu"), parsing: .unconditional, help: "IU (needs --vitamin-a-form or --retinol)", transform: labelValueArgument("--vitamin-a-iu")) var vitaminAIU: Double?
        @Option(name: .customLong("vitamin-a-form"), help: ArgumentHelp("What the vitamin A is: retinol (retinyl palmitate or acetate), beta-carotene, or N%-beta-carotene for a label that says \"N% as beta-carotene\".", valueName: "form"))
        var vitaminAForm: String?
        @Option(name: .long, parsing: .unconditional, help: "µg preformed vitamin A, where the label states it (instead of --vitamin-a-form)", transform: labelValueArgument("--retinol")) var retinol: Double?
        @Option(name: .customLong("vitamin-d"), parsing: .unconditional, help: "µg", transform: labelValueArgument("--vitamin-d")) var vitaminD: Double?
        @Option(name: .customLong("vitamin-d-iu"), parsing: .unconditional, help: "IU (40 IU = 1 µg)", transform: labelValueArgument("--vitamin-d-iu")) var vitaminDIU: Double?
        @Option(name: .customLong("vitamin-e"), parsing: .unconditional, help: "mg alpha-tocopherol, as the label gives it", transform: labelValueArgument("--vitamin-e")) var vitaminE: Double?
        @Option(name: .customLong("vitamin-e-iu"), parsing: .unconditional, help: "IU (natural 1 IU = 0.67 mg, synthetic 0.45 mg)", transform: labelValueArgument("--vitamin-e-iu")) var vitaminEIU: Double?
        @Option(name: .customLong("vitamin-e-form"), help: ArgumentHelp("natural (d- or RRR-alpha-tocopherol) or synthetic (dl- or all-rac-); without it, synthetic.", valueName: "form"))
        var vitaminEForm: String?
        @Option(name: .customLong("vitamin-e-added"), parsing: .unconditional, help: "mg (added or supplemental; with a form, it alone counts toward the upper limit)", transform: labelValueArgument("--vitamin-e-added")) var vitaminEAdded: Double?
        @Option(name: .customLong("vitamin-k"), parsing: .unconditional, help: "µg", transform: labelValueArgument("--vitamin-k")) var vitaminK: Double?
        @Option(name: .long, parsing: .unconditional, help: "g linoleic acid", transform: labelValueArgument("--linoleic")) var linoleic: Double?
        @Option(name: .customLong("alpha-linolenic"), parsing: .unconditional, help: "g alpha-linolenic acid", transform: labelValueArgument("--alpha-linolenic")) var alphaLinolenic: Double?
        @Option(name: .long, parsing: .unconditional, help: "g EPA", transform: labelValueArgument("--epa")) var epa: Double?
        @Option(name: .long, parsing: .unconditional, help: "g DHA", transform: labelValueArgument("--dha")) var dha: Double?
        @OptionGroup var common: CommonOptions

        /// Each value option given as it is, with the component it gives.
        private var values: [(option: String, component: FoodComponent, value: Double?)] {
            [("energy", .energy, energy), ("fat", .fat, fat), ("fiber", .fiber, fiber),
             ("vitamin-e-added", .vitaminEAdded, vitaminEAdded), ("vitamin-k", .vitaminK, vitaminK),
             ("linoleic", .linoleicAcid, linoleic), ("alpha-linolenic", .alphaLinolenicAcid, alphaLinolenic),
             ("epa", .epa, epa), ("dha", .dha, dha)]
        }

        /// Vitamins D, A and E as the label prints them, converted in the model.
        private var vitamins: LabelVitamins {
            LabelVitamins(vitaminD: vitaminD, vitaminDIU: vitaminDIU, vitaminA: vitaminA, vitaminAIU: vitaminAIU,
                          vitaminAForm: vitaminAForm, retinol: retinol, vitaminE: vitaminE, vitaminEIU: vitaminEIU,
                          vitaminEForm: vitaminEForm, vitaminEAdded: vitaminEAdded)
        }

        /// The option a converted component came from, for an error on it.
        private func option(for component: FoodComponent) -> String? {
            if let given = values.first(where: { $0.component == component }) { return given.option }
            switch component {
            case .vitaminA: return vitaminAIU != nil ? "vitamin-a-iu" : "vitamin-a"
            case .retinol: return "retinol"
            case .vitaminD: return vitaminDIU != nil ? "vitamin-d-iu" : "vitamin-d"
            case .vitaminE, .vitaminEUpperLimit: return vitaminEIU != nil ? "vitamin-e-iu" : "vitamin-e"
            default: return nil
            }
        }

        func run() throws {
            let session = try common.open()
            var printed: [FoodComponent: Double] = [:]
            for item in values { printed[item.component] = item.value }
            // The label is converted and checked in the model, as the dashboard's form is
            // (IU and forms by Data/conversions.csv; name, serving up to rules.csv's largest
            // entry, values of 0 or more that food can hold).
            let food: Food
            let notes: [String]
            do {
                let label: FoodLabel
                (label, notes) = try FoodLabel.printed(name: name, servingGrams: serving, measure: measure, values: printed,
                                                       vitamins: vitamins, conversions: session.data.labelConversions)
                food = try label.food(id: try session.journal.nextCustomFoodID(), group: JournalStore.customFoodGroup,
                                      maxServingGrams: session.data.quantities.maxEntryGrams)
            } catch let error as FoodLabelError {
                let option = error.labelField?.option ?? error.field.flatMap(option(for:))
                throw CLIError((option.map { "--\($0): " } ?? "") + error.message + ". Nothing was saved.")
            }
            let id = food.id
            try session.journal.addCustomFood(food)
            print("Added \(id) \(food.description): 1 \(measure) = \(Format.number(serving)) g. Log it with: absorb log add \(id) 1 \(measure)")
            notes.forEach { print("Note: " + $0) }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
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

    struct RecipeCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "recipe",
            abstract: "Add a home recipe: foods with their amounts and the dish's cooked weight; it is then logged like any food.",
            discussion: """
                Each --ingredient is a food and its raw amount, as `absorb log add` takes them. The \
                cooked weight is what the whole dish weighs when done (water lost or gained changes \
                it); without --cooked it is taken to be the ingredients' total. Example: absorb foods \
                recipe "Spinach omelette" --ingredient "egg whole raw 2 large" --ingredient \
                "spinach raw 1 cup" --ingredient "olive oil 1 tsp" --cooked 140 --servings 1
                """)

        @Argument(help: "The dish's name.") var name: String
        @Option(name: .customLong("ingredient"), help: ArgumentHelp("A food and its amount (repeat for each).", valueName: "food amount"))
        var ingredients: [String] = []
        @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("The whole dish's weight once cooked, in grams.", valueName: "grams"),
                transform: numberArgument("--cooked")) var cooked: Double?
        @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("How many servings it makes (a \"serving\" measure is the cooked weight over this).", valueName: "n"),
                transform: numberArgument("--servings"))
        var servings: Double = 1
        @OptionGroup var common: CommonOptions

        func validate() throws {
            do { _ = try TextRules.checked(name, "the recipe's name") } catch { throw ValidationError(error.description) }
            guard !ingredients.isEmpty else { throw ValidationError("give at least one --ingredient \"food amount\"") }
            if let cooked { guard cooked.isFinite, cooked > 0 else { throw ValidationError("--cooked must be a weight in grams above 0") } }
            guard servings.isFinite, servings > 0 else { throw ValidationError("--servings must be more than 0") }
        }

        func run() throws {
            let session = try common.open()
            var items: [Recipe.Ingredient] = []
            var lines: [String] = []
            for (number, text) in ingredients.enumerated() {
                let words = text.split(separator: " ").map(String.init)
                do {
                    let (food, amount) = try resolveFoodAndAmount(words: words, data: session.data)
                    items.append(Recipe.Ingredient(foodID: food.id, grams: amount.grams))
                    lines.append("  \(Format.number(amount.grams, decimals: 1).leftPadded(to: 7)) g  \(food.description) (\(food.id))")
                } catch {
                    throw CLIError("--ingredient \(number + 1) \"\(text)\": \(error). Nothing was saved.")
                }
            }
            let total = items.reduce(0) { $0 + $1.grams }
            let recipe = Recipe(id: try session.journal.nextRecipeID(), name: name.trimmingCharacters(in: .whitespaces),
                                ingredients: items, cookedGrams: cooked ?? total, servings: servings)
            do { _ = try recipe.food(in: session.data.foods) } catch { throw CLIError("\(error.description). Nothing was saved.") }
            try session.journal.addRecipe(recipe)
            print("Added recipe \(recipe.id) \(TextRules.escaped(recipe.name)): \(Format.number(recipe.cookedGrams, decimals: 1)) g cooked\(cooked == nil ? " (the ingredients' total: give --cooked if cooking changes it)" : ""), from")
            lines.forEach { print($0) }
            let measure = servings == 1 ? "\(Format.number(recipe.cookedGrams, decimals: 0)) g" : "1 serving"
            print("Log it with: absorb log add \(recipe.id) \(measure)")
        }
    }

    struct Recipes: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "recipes", abstract: "List your recipes with their ingredients.")
        @OptionGroup var common: CommonOptions

        func run() throws {
            let session = try common.open()
            let recipes = try session.journal.recipes()
            if recipes.isEmpty { print("No recipes yet: add one with absorb foods recipe NAME --ingredient \"food amount\" ..."); return }
            for recipe in recipes {
                let usable = session.data.foods.food(id: recipe.id) != nil
                print("\(recipe.id)  \(TextRules.escaped(recipe.name)) · \(Format.number(recipe.cookedGrams, decimals: 1)) g cooked, \(Format.number(recipe.servings)) serving\(recipe.servings == 1 ? "" : "s")\(usable ? "" : " · cannot be used (see the warning above)")")
                for ingredient in recipe.ingredients {
                    print("  \(Format.number(ingredient.grams, decimals: 1).leftPadded(to: 7)) g  \(session.foodName(ingredient.foodID)) (\(ingredient.foodID))")
                }
            }
        }
    }

    struct Favourite: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "favourite",
            abstract: "Mark a food as a favourite (listed first when you add food), or --remove it.")
        @Argument(help: ArgumentHelp("The food's id, or words of its name.", valueName: "food")) var food: [String]
        @Flag(name: .long, help: "Unmark it.") var remove = false
        @OptionGroup var common: CommonOptions

        func run() throws {
            let session = try common.open()
            let query = food.joined(separator: " ")
            let found: Food
            do { found = try session.data.findFood(query) } catch { throw CLIError(error.description) }
            try session.journal.setFavourite(found.id, !remove, profileID: session.profile.id)
            print("\(remove ? "No longer a favourite" : "Favourite") of \(TextRules.escaped(session.profile.profile.name)): \(TextRules.escaped(found.description)) (\(found.id))")
        }
    }

    struct Favourites: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "favourites", abstract: "List the profile's favourite foods.")
        @OptionGroup var common: CommonOptions

        func run() throws {
            let session = try common.open()
            let ids = try session.journal.favourites(profileID: session.profile.id)
            if ids.isEmpty { print("No favourites yet: absorb foods favourite FOOD marks one."); return }
            for id in ids { print("\(id.padded(to: 6)) \(session.foodName(id))") }
        }
    }
}
