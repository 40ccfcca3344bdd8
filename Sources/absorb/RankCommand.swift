import ArgumentParser
import Foundation
import NutrientModel

/// `absorb foods rank`: the foods richest in one nutrient (NUT's "Story"), by the
/// planner's rules, or the foods of the person's own meals that gave the most of it.
struct RankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank",
        abstract: "List the foods that give the most of a nutrient, by the planner's rules, or which of your own foods gave the most.",
        discussion: """
            The same foods a plan could suggest: eaten as such, with a household measure, within the \
            profile's diets and allergies and its life stage; nothing for a nutrient already above its \
            upper limit, nor, in pregnancy, what the advice says to avoid. Per 100 kcal lists only \
            foods with energy. With --from and --to it ranks the foods logged over those days \
            instead, by how much of the nutrient they gave.
            """)

    @Argument(help: ArgumentHelp("The nutrient: vitamin_a, vitamin_d, vitamin_e, vitamin_k, linoleic_acid, alpha_linolenic_acid or epa_dha (or a common spelling: \"vitamin e\", ala).", valueName: "nutrient"))
    var nutrient: String

    @Option(name: .long, help: "serving, 100g or 100kcal (default: serving).")
    var per: String = "serving"

    @Option(name: .long, help: ArgumentHelp("Only foods of this USDA food group (a part of its name is enough).", valueName: "name"))
    var group: String?

    @Option(name: .long, help: "How many foods to list (1 to 200).")
    var limit: Int = 20

    @Option(name: .long, help: ArgumentHelp("Rank your own logged foods from this day (YYYY-MM-DD), with --to.", valueName: "date"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("The last day of --from's range (default: today).", valueName: "date"))
    var to: String?

    @Option(name: .long, help: "text or json.")
    var format: GapsCommand.GapsFormat = .text

    @OptionGroup var common: CommonOptions

    func run() throws {
        guard let nutrient = Nutrient(userText: self.nutrient) else {
            throw CLIError("unknown nutrient \(TextRules.quoted(self.nutrient)): expected one of \(Nutrient.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let basis = RankBasis(rawValue: per.lowercased().replacingOccurrences(of: " ", with: "")) else {
            throw CLIError("--per must be serving, 100g or 100kcal (found \(TextRules.quoted(per)))")
        }
        guard (1...200).contains(limit) else { throw CLIError("--limit must be from 1 to 200 (found \(limit))") }
        let count = limit
        if from == nil, to != nil { throw CLIError("--to needs --from: the first day of your own meals to rank") }
        let session = try common.open()
        if let fromText = from {
            let first = try parseDate(fromText, option: "--from")!
            let last = try parseDate(to, option: "--to") ?? LocalDate.today()
            guard first <= last else { throw CLIError("--from (\(first)) is after --to (\(last))") }
            try ownFoods(session, nutrient: nutrient, range: DateRange(from: first, to: last), limit: count)
            return
        }
        let planner = session.data.planner
        var groupName: String?
        if let group {
            let wanted = group.lowercased().trimmingCharacters(in: .whitespaces)
            let names = planner.groupNames
            let matches = names.filter { $0.lowercased() == wanted }.isEmpty ? names.filter { $0.lowercased().contains(wanted) } : names.filter { $0.lowercased() == wanted }
            guard matches.count == 1 else {
                throw CLIError(matches.isEmpty
                    ? "no food group matches \(TextRules.quoted(group)); the groups are: \(names.joined(separator: "; "))"
                    : "\(TextRules.quoted(group)) matches \(matches.count) groups: \(matches.joined(separator: "; ")); give more of the name")
            }
            groupName = matches[0]
        }
        let today = try session.report(DateRange(day: LocalDate.today()))
        let ranking = planner.rank(nutrient, per: basis, group: groupName, diets: today.profile.diets, for: today, limit: count)
        switch format {
        case .text: print(text(ranking, profile: today.profile))
        case .json: printJSON(json(ranking, profile: today.profile, ids: session.data.foods.ids))
        }
    }

    private func amountText(_ value: Double?, _ nutrient: Nutrient) -> String {
        value.map { "\(Format.number($0, decimals: $0 >= 10 ? 0 : $0 >= 1 ? 1 : 2)) \(nutrient.shortUnit)" } ?? "—"
    }

    private func text(_ ranking: FoodRanking, profile: PersonProfile) -> String {
        let basisText = ranking.basis == .serving ? "per serving" : ranking.basis == .per100g ? "per 100 g" : "per 100 kcal"
        var lines = ["\(ranking.nutrient.name) \(basisText)" + (ranking.group.map { " · \($0)" } ?? "")
                     + " · \(TextRules.escaped(profile.name))" + (profile.diets.isEmpty ? "" : " · \(profile.diets.sorted().joined(separator: ", "))")]
        if let withheld = ranking.withheld {
            lines.append(withheld)
            return lines.joined(separator: "\n")
        }
        if ranking.sources.isEmpty {
            lines.append("No food the planner could suggest has any \(ranking.nutrient.name) here.")
            return lines.joined(separator: "\n")
        }
        for (place, source) in ranking.sources.enumerated() {
            let figure = amountText(source.amount(per: ranking.basis), ranking.nutrient)
            let serving = "\(source.food.servingLabel) (\(Format.number(source.food.servingGrams, decimals: 0)) g)"
            let percent = source.percentOfTarget.map { " · \(Format.percent($0)) % of target a serving" } ?? ""
            lines.append("\(String(place + 1).leftPadded(to: 3)). \(figure.leftPadded(to: 10))  \(TextRules.escaped(source.food.description))")
            lines.append("      \(serving)\(ranking.basis == .serving ? "" : ": \(amountText(source.amountPerServing, ranking.nutrient))")\(percent)")
        }
        return lines.joined(separator: "\n")
    }

    private func json(_ ranking: FoodRanking, profile: PersonProfile, ids: TextColumn) -> JSONValue {
        .object([
            ("nutrient", .string(ranking.nutrient.rawValue)),
            ("unit", .string(ranking.nutrient.shortUnit)),
            ("per", .string(ranking.basis.rawValue)),
            ("group", .string(ranking.group)),
            ("diets", .array(profile.diets.sorted().map(JSONValue.string))),
            ("withheld", .string(ranking.withheld)),
            ("foods", .array(ranking.sources.map { source in
                .object([
                    ("food_id", .string(ids[source.food.index])),
                    ("food", .string(source.food.description)),
                    ("serving", .string(source.food.servingLabel)),
                    ("serving_grams", .number(source.food.servingGrams, decimals: 2)),
                    ("kcal_per_serving", .number(source.food.kcalPerServing, decimals: 1)),
                    ("per_serving", .number(source.amountPerServing, decimals: 4)),
                    ("per_100g", .number(source.amountPer100g, decimals: 4)),
                    ("per_100kcal", .number(source.amountPer100Kcal, decimals: 4)),
                    ("percent_of_target_per_serving", .number(source.percentOfTarget, decimals: 1)),
                ])
            })),
        ])
    }

    /// The logged foods of `range` that gave the most of `nutrient`.
    private func ownFoods(_ session: Session, nutrient: Nutrient, range: DateRange, limit: Int) throws {
        let report = try session.report(range)
        let review = session.data.review(report)
        let sources = Array((review.sources[nutrient] ?? []).prefix(limit))
        switch format {
        case .text:
            var lines = ["\(nutrient.name) from your own meals, \(range.from) to \(range.to) · \(TextRules.escaped(report.profile.name))"]
            if sources.isEmpty { lines.append("None of the foods logged over these days has any \(nutrient.name) (or none was logged).") }
            for (place, source) in sources.enumerated() {
                lines.append("\(String(place + 1).leftPadded(to: 3)). \(amountText(source.amount, nutrient).leftPadded(to: 10))  \(Format.percent(source.share * 100).leftPadded(to: 3)) %  \(TextRules.escaped(source.description)) (\(Format.number(source.grams, decimals: 0)) g logged)")
            }
            print(lines.joined(separator: "\n"))
        case .json:
            print(JSONValue.object([
                ("nutrient", .string(nutrient.rawValue)),
                ("unit", .string(nutrient.shortUnit)),
                ("from", .string(range.from.description)),
                ("to", .string(range.to.description)),
                ("foods", .array(sources.map { source in
                    .object([("food_id", .string(source.foodID)), ("food", .string(source.description)),
                             ("amount", .number(source.amount, decimals: 4)), ("grams", .number(source.grams, decimals: 2)),
                             ("share", .number(source.share, decimals: 4))])
                })),
            ]).text)
        }
    }
}
