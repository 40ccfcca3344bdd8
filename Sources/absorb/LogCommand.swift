import ArgumentParser
import Foundation
import Journal
import NutrientModel

/// `absorb log`: add, list and remove what was eaten.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Add, list and remove what you ate.",
        subcommands: [Add.self, List.self, Remove.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Log a food: absorb log add salmon cooked 150 g, or --food ID --grams G.",
            discussion: """
                The amount is the last quantity: from the last word that begins with a number \
                (numbers before it stay part of the food's name: vitamin d3 2000 1 softgel): \
                grams (150 g), ounces (3 oz), pounds (1 lb) or one of the food's household measures \
                (2 tbsp, 1.5 cup, 1 fillet, 2 large, 1 softgel). Fractions work: 1/2 cup, 1 1/2 cups, ½ cup. \
                When other foods match the words almost as well, the best is logged and they \
                are listed with their ids and the command that logs one instead.
                """)

        @Argument(help: ArgumentHelp("Words of the food's name, then the amount.", valueName: "query amount"))
        var words: [String] = []

        @Option(name: .long, help: ArgumentHelp("The food's id (from `absorb foods search`).", valueName: "id"))
        var food: String?

        @Option(name: .long, help: ArgumentHelp("The weight in grams (with --food).", valueName: "g"), transform: gramsArgument)
        var grams: Double?

        @Option(name: .long, help: ArgumentHelp("breakfast, lunch, dinner or snack (default: by the time of day).", valueName: "meal"))
        var meal: String?

        @Option(name: .long, help: ArgumentHelp("The day eaten, YYYY-MM-DD (default: today).", valueName: "date"))
        var date: String?

        @OptionGroup var common: CommonOptions

        func run() throws {
            let session = try common.open()
            let chosenMeal = try parseMeal(meal, session: session)
            let day = try parseDate(date, option: "--date") ?? LocalDate.today()
            let (food, resolved, query, amount) = try resolveFoodAndAmount(session)
            let entry = try session.journal.addEntry(
                profileID: session.profile.id, date: day, meal: chosenMeal, foodID: food.id, grams: resolved.grams)
            print("Logged \(Format.number(resolved.grams, decimals: 1)) g of \(TextRules.escaped(food.description)) (\(food.id)) — \(TextRules.escaped(resolved.explanation))")
            print("  \(session.data.meals.label(of: entry.meal)), \(day.longDescription) · entry \(entry.id)")
            // A food the profile's diets or allergies leave out is saved (the person ate it),
            // and said at once, with the way back.
            let diets = session.profile.profile.diets
            if let index = session.data.foods.index(of: food.id), let reason = session.data.dietExclusion(ofFoodAt: index, diets: diets) {
                print("  ! Not in this profile's diets: \(reason). It is saved; to remove it: absorb log remove \(entry.id)")
            }
            // Other foods the words match almost as well: the person may have meant one.
            if let query {
                let close = session.data.closeMatches(query, to: food)
                if !close.isEmpty {
                    print("  Also close to \(TextRules.quoted(query)):")
                    for other in close {
                        let outside = session.data.foods.index(of: other.id).flatMap { session.data.dietExclusion(ofFoodAt: $0, diets: diets) }
                        print("    \(other.id.padded(to: 6)) \(TextRules.escaped(other.description))" + (outside.map { "  (not in your diets: \($0))" } ?? ""))
                    }
                    print("  To log one of them instead: absorb log remove \(entry.id) && absorb log add --food ID \(amount) --date \(day) --meal \(entry.meal.rawValue)")
                }
            }
            // The day's cautions (an upper limit passed, vitamin A in pregnancy) as soon as
            // the entry brings them: the report gives the whole sentence.
            let cautions = session.data.review(try session.report(DateRange(day: day))).cautions
                .filter { $0.kind != "upper_limit_unchecked" }
            for caution in cautions { print("  ! " + caution.headline) }
            if !cautions.isEmpty { print("  (absorb report --date \(day) says more)") }
        }

        /// The food, its amount, and (when the food was found by words) the words and the amount as typed.
        private func resolveFoodAndAmount(_ session: Session) throws -> (Food, QuantityResolver.Resolved, String?, String) {
            let data = session.data
            if let id = food {
                guard let food = data.foods.food(id: id) else {
                    throw CLIError(unknownID(id, data: data))
                }
                if let grams {
                    guard words.isEmpty else { throw CLIError("give either --grams or an amount, not both") }
                    guard grams.isFinite, grams > 0 else { throw CLIError("--grams must be more than 0 (found \(grams))") }
                    guard grams <= data.quantities.maxEntryGrams else {
                        throw CLIError("--grams \(Format.number(grams)) is more than the \(Format.grouped(data.quantities.maxEntryGrams)) g one entry may hold: check the amount")
                    }
                    return (food, .init(grams: grams, explanation: "\(Format.number(grams, decimals: 3)) g"), nil, "")
                }
                guard !words.isEmpty else { throw CLIError("give an amount: --grams G, or words such as \"2 tbsp\"") }
                do { return (food, try data.quantities.resolve(words.joined(separator: " "), for: food), nil, "") } catch {
                    throw CLIError(error.description)
                }
            }
            if grams != nil { throw CLIError("--grams goes with --food ID; otherwise write the amount after the food, as in: absorb log add egg 2 large") }
            guard !words.isEmpty else {
                throw CLIError("say what you ate and how much, as in: absorb log add salmon cooked 150 g (or --food ID --grams G)")
            }
            let (food, resolved, query, amount) = try absorb.resolveFoodAndAmountTyped(words: words, data: data)
            return (food, resolved, query, amount)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List a day's entries with their ids.")

        @Option(name: .long, help: ArgumentHelp("The day, YYYY-MM-DD (default: today).", valueName: "date"))
        var date: String?

        @OptionGroup var common: CommonOptions

        func run() throws {
            let session = try common.open()
            let day = try parseDate(date, option: "--date") ?? LocalDate.today()
            let entries = try session.journal.entries(profileID: session.profile.id, in: DateRange(day: day))
            print("\(day.longDescription) · \(TextRules.escaped(session.profile.profile.name))")
            if entries.isEmpty {
                print("  nothing logged")
                return
            }
            let idWidth = max(2, entries.map { String($0.id).count }.max() ?? 2)
            print("  " + "id".leftPadded(to: idWidth) + "  meal       food                                                        grams")
            for entry in entries {
                let name = session.foodName(entry.foodID)
                print("  " + String(entry.id).leftPadded(to: idWidth) + "  "
                      + entry.meal.rawValue.padded(to: 9) + "  "
                      + "\(entry.foodID) \(name)".truncated(to: 58).padded(to: 58) + " "
                      + Format.number(entry.grams, decimals: 1).leftPadded(to: 7))
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: "Remove an entry by its id (see `absorb log list`).")

        @Argument(help: ArgumentHelp("The entry's id.", valueName: "entry-id"))
        var entryID: Int64

        @OptionGroup var common: CommonOptions

        func run() throws {
            let session = try common.open()
            guard let entry = try session.journal.removeEntry(id: entryID, profileID: session.profile.id) else {
                throw CLIError("there is no entry \(entryID) for \(TextRules.escaped(session.profile.profile.name)): see `absorb log list --date YYYY-MM-DD`")
            }
            print("Removed entry \(entry.id): \(Format.number(entry.grams, decimals: 1)) g of \(session.foodName(entry.foodID)), \(entry.meal.rawValue) on \(entry.date)")
        }
    }
}

func parseMeal(_ text: String?, session: Session) throws -> Meal {
    guard let text else {
        return session.data.meals.defaultMeal(atMinuteOfDay: LocalClock.minuteOfDay())
    }
    guard let meal = Meal(rawValue: text.lowercased()) else {
        throw CLIError("--meal \(text): expected one of \(Meal.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return meal
}

func unknownID(_ id: String, data: NutrientData) -> String {
    var message = "no food has the id \"\(id)\""
    let matches = data.searchFoods(id, limit: 5)
    if !matches.isEmpty {
        message += ". Foods matching it as words:\n" + matches.map { "  \($0.id)  \($0.description)" }.joined(separator: "\n")
    } else {
        message += ": find ids with `absorb foods search WORDS`"
    }
    return message
}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
    func truncated(to width: Int) -> String {
        count <= width ? self : String(prefix(width - 1)) + "…"
    }
}

/// A food and its amount from words a person typed ("salmon cooked 150 g").
func resolveFoodAndAmount(words: [String], data: NutrientData) throws -> (Food, QuantityResolver.Resolved) {
    let (food, resolved, _, _) = try resolveFoodAndAmountTyped(words: words, data: data)
    return (food, resolved)
}

/// A food and its amount from words a person typed, with the query and the amount as split:
/// the amount is the last quantity, starting at the last word that begins with a number
/// ("vitamin d3 2000 1 softgel": 2000 stays in the name) or at the whole number before a
/// fraction ("1 1/2 cups"); if that does not fit the food, an earlier such word is tried.
func resolveFoodAndAmountTyped(words: [String], data: NutrientData) throws -> (Food, QuantityResolver.Resolved, String, String) {
    func isNumber(_ word: String) -> Bool {
        guard let first = word.first else { return false }
        return first.isNumber || first == "." || "½⅓⅔¼¾⅛".contains(first)
    }
    func isFraction(_ word: String) -> Bool {
        word.contains("/") || word.contains(where: { "½⅓⅔¼¾⅛".contains($0) })
    }
    // A fraction after a whole number is one quantity with it ("1 1/2"): start at the number.
    let starts = words.indices.dropFirst().filter { index in
        guard isNumber(words[index]) else { return false }
        if isFraction(words[index]), index > 1, isNumber(words[index - 1]), !isFraction(words[index - 1]) { return false }
        return true
    }.reversed()
    guard !starts.isEmpty else {
        if let first = words.first?.first, first.isNumber {
            throw CLIError("put the food first and the amount after it, as in: absorb log add salmon cooked 150 g")
        }
        throw CLIError("no amount given for \"\(words.joined(separator: " "))\": add one after the food, as in \"150 g\", \"2 tbsp\" or \"1 cup\"")
    }
    var firstError: Error?
    for start in starts {
        let query = words[..<start].joined(separator: " ")
        let amount = words[start...].joined(separator: " ")
        let food: Food
        do { food = try data.findFood(query) } catch {
            if firstError == nil { firstError = CLIError(error.description) }
            continue
        }
        do { return (food, try data.quantities.resolve(amount, for: food), query, amount) } catch {
            if firstError == nil { firstError = CLIError("\(error.description)\n(the food matched was \(food.id) \(TextRules.escaped(food.description)))") }
        }
    }
    throw firstError!
}
