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
            cautions), and the plan adds nothing to it.
            """)

    @Option(name: .long, help: ArgumentHelp("The day, YYYY-MM-DD (default: today).", valueName: "date"))
    var date: String?

    @Option(name: .long, help: "text or json.")
    var format: GapsFormat = .text

    @OptionGroup var common: CommonOptions

    enum GapsFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    func run() throws {
        let day = try parseDate(date, option: "--date") ?? LocalDate.today()
        let session = try common.open()
        let report = try session.report(DateRange(day: day))
        let planner = session.data.makePlanner()
        let week = try session.report(DateRange(from: day.adding(days: -6), to: day)).entries
        let plan = planner.plan(for: report, diets: report.profile.diets, week: week)
        let review = session.data.review(report)
        switch format {
        case .text: print(plan.lines(review: review).map { TextRules.escaped($0) }.joined(separator: "\n"))
        case .json: print(planJSON(plan, review: review, ids: session.data.foods.ids).text)
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
            ("after", .object(nutrients.enumerated().map { ($1.rawValue, .number(plan.after[$0], decimals: 4)) })),
            ("remaining", .array(plan.remaining.map { .object([("nutrient", .string($0.nutrient.rawValue)), ("reason", .string($0.reason))]) })),
        ])
    }
}

