import ArgumentParser
import Foundation
import NutrientModel

/// `absorb gaps`: a short plan of foods that closes a day's gaps.
struct GapsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract: "Plan at most three foods, in household portions, that bring every nutrient to its target.",
        discussion: """
            The plan passes no upper limit, adds as little energy as it can, keeps to the profile's \
            diets (absorb profile set --diet) and leaves out foods that are odd to suggest \
            (Data/planner.csv). Where no three foods close every gap it says which remain and why. \
            A nutrient already above its upper limit is said first (JSON: above_upper_limit, \
            cautions), and the plan adds nothing to it. \
            With --using (or --using-logged) it is portion control instead: how much of foods you \
            already eat closes the gaps, one portion of each at most, within the same limits: \
            absorb gaps --using "salmon" --using "walnuts".
            """)

    @Option(name: .long, help: ArgumentHelp("The day, YYYY-MM-DD (default: today).", valueName: "date"))
    var date: String?

    @Option(name: .long, help: "text or json.")
    var format: GapsFormat = .text

    @Option(name: .long, help: ArgumentHelp("Plan portions of this food only (words of its name or its id; repeat it for more foods).", valueName: "food"))
    var using: [String] = []

    @Flag(name: .long, help: "Plan portions of the foods you logged in the seven days to the date.")
    var usingLogged = false

    @OptionGroup var common: CommonOptions

    enum GapsFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    func run() throws {
        let day = try parseDate(date, option: "--date") ?? LocalDate.today()
        let session = try common.open()
        let report = try session.report(DateRange(day: day))
        let planner = session.data.planner
        let week = try session.report(DateRange(from: day.adding(days: -6), to: day)).entries
        var named: [Int]?
        if !using.isEmpty || usingLogged {
            var foods: [Int] = []
            for text in using {
                guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw CLIError("--using needs the words of a food's name or its id") }
                let food: Food
                do { food = try session.data.findFood(text) } catch { throw CLIError("--using: \(error.description)") }
                if let index = session.data.foods.index(of: food.id) { foods.append(index) }
            }
            if usingLogged {
                // The week's foods, most logged first (the model chooses them, as for the dashboard).
                let logged = planner.loggedFoods(in: week)
                guard !logged.isEmpty else { throw CLIError("--using-logged: nothing was logged in the seven days to \(day)") }
                foods += logged
            }
            guard foods.count <= GapPlanner.maxUsingFoods else { throw CLIError("--using takes at most \(GapPlanner.maxUsingFoods) foods (found \(foods.count)): a plan of portions of more is not one a person follows") }
            named = foods
        }
        let plan = planner.plan(for: report, diets: report.profile.diets, week: week, using: named)
        let review = session.data.review(report)
        switch format {
        case .text: print(plan.lines(review: review).map { TextRules.escaped($0) }.joined(separator: "\n"))
        case .json: printJSON(planJSON(plan, review: review, ids: session.data.foods.ids))
        }
    }

    private func planJSON(_ plan: GapPlan, review: Review, ids: TextColumn) -> JSONValue {
        let nutrients = Nutrient.allCases
        let report = review.report
        return .object([
            ("date", .string(report.range.from.description)),
            ("above_upper_limit", .array(nutrients.filter(review.aboveUpperLimit.contains).map { .string($0.rawValue) })),
            ("cautions", .array(review.cautions.map(ReportRenderer.json))),
            ("diets", .array(report.profile.diets.sorted().map(JSONValue.string))),
            ("gaps", .array(plan.gaps.map { .string($0.rawValue) })),
            ("items", .array(plan.items.map { item in
                .object([
                    ("food_id", .string(ids[item.food.index])),
                    ("food", .string(item.food.description)),
                    ("portion", .string(item.portionText)),
                    ("grams", .number(item.grams, decimals: 2)),
                    ("kcal", .number(item.kcal, decimals: 1)),
                    ("adds", .object(nutrients.enumerated().map { ($1.rawValue, .number(item.adds[$0], decimals: 4)) })),
                ])
            })),
            ("added_kcal", .number(plan.addedKcal, decimals: 1)),
            ("fish_note", plan.fishNote.map(JSONValue.string) ?? .null),
            ("using", plan.using.map { .array($0.map { .object([("food_id", .string(ids[$0.index])), ("food", .string($0.description))]) }) } ?? .null),
            ("left_out", .array(plan.leftOut.map { .object([("food_id", .string(ids[$0.food.index])), ("food", .string($0.food.description)),
                                                            ("reason", .string($0.reason))]) })),
            ("after", .object(nutrients.enumerated().map { ($1.rawValue, .number(plan.after[$0], decimals: 4)) })),
            ("remaining", .array(plan.remaining.map { .object([("nutrient", .string($0.nutrient.rawValue)), ("reason", .string($0.reason))]) })),
        ])
    }
}

