import Foundation

/// Everything absorb reads from its `Data/` folder, loaded and checked: the food table
/// with its search index, targets, units, meals and scoring rules.
public struct NutrientData: Sendable {
    /// The folder the tables came from.
    public let directory: String
    /// USDA foods, supplements and (once added) the person's custom foods.
    public private(set) var foods: FoodTable
    /// The search index over `foods`, built the first time it is used: a report never
    /// searches and does not pay for it.
    public var search: FoodSearchIndex { searchIndex.value }
    private var searchIndex: LazySearchIndex
    /// Reference intakes by life stage.
    public let targets: TargetTable
    /// Units of quantity.
    public let units: UnitTable
    /// Meals and their default hours.
    public let meals: MealTable
    /// Scoring thresholds.
    public let scoringRules: ScoringRules
    /// Unit conversions for labels and upper limits (IU, vitamin E forms).
    public let conversions: RuleTable
    /// The conversions of a label's vitamins (IU, forms), read from `conversions`.
    public let labelConversions: LabelConversions
    /// How search ranks foods people usually mean, the everyday names it knows, and the
    /// short names of the foods people log most.
    public private(set) var ranking: SearchRanking
    /// Turns typed amounts into grams.
    public let quantities: QuantityResolver
    /// Fat pairing, fibre and fatty-acid facts.
    public let absorption: AbsorptionRules
    /// Why each nutrient matters for skin.
    public let skinNotes: SkinNotes
    /// Which foods are fermented.
    public let fermented: FermentedFoods
    /// Diets a profile may follow.
    public let diets: DietTable
    /// Foods the planner does not suggest.
    public let plannerExclusions: PlannerExclusions
    /// The facts behind the safety cautions.
    public let safety: SafetyRules
    /// The rules that keep plans safe (EPA + DHA at most, no foods for young infants).
    public let planSafety: PlanSafetyRules
    /// Per recipe id, the grams of fish in a gram of the cooked dish, from its ingredients
    /// (`Data/fish_foods.csv` for each; an earlier recipe by its own share): the weekly fish
    /// advice counts a recipe so, where a dish of the table counts whole.
    public private(set) var recipeFishShares: [String: Double] = [:]
    /// The skin and gut check-in scales, their bands and POEM's questions.
    public let checkInScales: CheckInScales
    /// Probiotic strains as labels give them.
    public let probiotics: ProbioticStrains
    /// Which foods are prebiotic (inulin-type fructans).
    public let prebiotics: PrebioticFoods
    /// Which fermented foods are likely to carry live cultures.
    public let liveCultures: LiveCultures
    /// The rules of elimination and supplement trials and of "what changed".
    public let trialRules: TrialRules

    /// The files a `Data/` folder must hold.
    public static let requiredFiles = [
        "foods.csv", "portions.csv", "supplements.csv", "targets.csv", "life_stages.csv",
        "units.csv", "meals.csv", "rules.csv", "search_ranking.csv", "search_names.csv", "common_foods.csv",
        "absorption.csv", "skin_notes.csv", "fermented.csv", "diets.csv", "planner.csv", "conversions.csv",
        "safety.csv", "plan_limits.csv", "fish_servings.csv", "fish_foods.csv",
        "checkin_scales.csv", "scale_bands.csv", "poem_questions.csv", "poem_answers.csv", "probiotics.csv",
        "prebiotics.csv", "live_cultures.csv", "trials.csv",
    ]

    /// Whether the food table came from a `FoodTableStore`'s copy of the CSVs rather than
    /// from parsing them.
    public let foodsFromCache: Bool

    /// Loads every table from `directory`, read through `files`. With a `cache`, the food
    /// table is the copy kept the last time these same CSVs were loaded, if there is one,
    /// and is kept after loading them otherwise.
    public init(directory: String, files: any DataFileReading,
                cache: (any FoodTableStore)? = nil) throws(DataLoadError) {
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        // Every file read here but the table's own, for the planner's key (below).
        var read: [(name: String, bytes: [UInt8])] = []
        func bytes(_ name: String) throws(DataLoadError) -> [UInt8] {
            do {
                let contents = try files.bytes(atPath: path(name))
                read.append((name, contents))
                return contents
            } catch { throw .file(error) }
        }
        do {
            let rules = try RuleTable(bytes: try bytes("rules.csv"), fileName: path("rules.csv"))
            let foods: FoodTable
            let tableKey: UInt64?
            (foods, foodsFromCache, tableKey) = try FoodTableLoader.loadTable(directory: directory, files: files, cache: cache)
            let defaultAge = try rules.value("default_age_years")
            targets = try TargetTable(
                targets: try bytes("targets.csv"), targetsFile: path("targets.csv"),
                lifeStages: try bytes("life_stages.csv"), lifeStagesFile: path("life_stages.csv"),
                defaultAgeMonths: Int(defaultAge * 12))
            units = try UnitTable(bytes: try bytes("units.csv"), fileName: path("units.csv"))
            meals = try MealTable(bytes: try bytes("meals.csv"), fileName: path("meals.csv"))
            conversions = try RuleTable(bytes: try bytes("conversions.csv"), fileName: path("conversions.csv"))
            scoringRules = try ScoringRules(rules, conversions: conversions)
            labelConversions = try LabelConversions(conversions)
            quantities = QuantityResolver(units: units, maxEntryGrams: try rules.value("max_entry_grams"))
            self.foods = foods
            var ranking = try SearchRanking(bytes: try bytes("search_ranking.csv"), fileName: path("search_ranking.csv"))
            try ranking.addNames(bytes: try bytes("search_names.csv"), fileName: path("search_names.csv"))
            try ranking.addCommonFoods(bytes: try bytes("common_foods.csv"), fileName: path("common_foods.csv"))
            self.ranking = ranking
            self.searchIndex = LazySearchIndex(table: foods, ranking: ranking)
            absorption = try AbsorptionRules(bytes: try bytes("absorption.csv"), fileName: path("absorption.csv"))
            skinNotes = try SkinNotes(bytes: try bytes("skin_notes.csv"), fileName: path("skin_notes.csv"))
            fermented = try FermentedFoods(bytes: try bytes("fermented.csv"), fileName: path("fermented.csv"))
            diets = try DietTable(bytes: try bytes("diets.csv"), fileName: path("diets.csv"))
            plannerExclusions = try PlannerExclusions(bytes: try bytes("planner.csv"), fileName: path("planner.csv"))
            safety = try SafetyRules(bytes: try bytes("safety.csv"), fileName: path("safety.csv"))
            planSafety = PlanSafetyRules(epaDhaMaxMg: try rules.value("plan_epa_dha_max_mg"),
                                         solidFoodsFromAgeMonths: Int(try rules.value("solid_foods_from_age_months")),
                                         facts: safety, defaultAgeMonths: Int(defaultAge * 12),
                                         limits: try PlanLimitTable(limits: try bytes("plan_limits.csv"), limitsFile: path("plan_limits.csv"),
                                                                    fish: try bytes("fish_servings.csv"), fishFile: path("fish_servings.csv")),
                                         rankPerKcalMinKcalPer100g: try rules.value("rank_per_kcal_min_kcal_per_100g"),
                                         fishFoods: try FishFoods(bytes: try bytes("fish_foods.csv"), fileName: path("fish_foods.csv")))
            checkInScales = try CheckInScales(
                scales: try bytes("checkin_scales.csv"), scalesFile: path("checkin_scales.csv"),
                bands: try bytes("scale_bands.csv"), bandsFile: path("scale_bands.csv"),
                questions: try bytes("poem_questions.csv"), questionsFile: path("poem_questions.csv"),
                answers: try bytes("poem_answers.csv"), answersFile: path("poem_answers.csv"))
            probiotics = try ProbioticStrains(bytes: try bytes("probiotics.csv"), fileName: path("probiotics.csv"))
            prebiotics = try PrebioticFoods(bytes: try bytes("prebiotics.csv"), fileName: path("prebiotics.csv"))
            liveCultures = try LiveCultures(bytes: try bytes("live_cultures.csv"), fileName: path("live_cultures.csv"),
                                            fermented: fermented)
            trialRules = try TrialRules(bytes: try bytes("trials.csv"), fileName: path("trials.csv"))
            self.directory = directory
            // The planner's preparation is kept for this table and every other data file as
            // read (not only those it reads today: a file it comes to read cannot be missed).
            store = cache
            preparedFoodCount = foods.count
            if let cache, let tableKey {
                plannerKey = cache.plannerKey(table: tableKey, data: read.sorted { $0.name < $1.name }.map(\.bytes))
            } else {
                plannerKey = nil
            }
        } catch let error as DataLoadError {
            throw error
        } catch let error as CSVError {
            throw .csv(error)
        } catch {
            throw .csv(CSVError(file: directory, line: 1, column: 1, message: "\(error)"))
        }
    }

    /// The days of the last 90 the person's own foods and recipes were logged (`daysLogged`
    /// by food id, from the journal): those logged on `SearchRanking.oftenLoggedDays` of them
    /// or more rank in search as any other food; the others behind the USDA foods of the
    /// same words.
    public mutating func setDaysLogged(_ daysLogged: [String: Int]) {
        var often: Set<String> = []
        for index in 0..<foods.count where foods.source(at: index) == .custom || foods.source(at: index) == .recipe {
            let id = foods.ids[index]
            if Double(daysLogged[id] ?? 0) >= ranking.oftenLoggedDays { often.insert(id) }
        }
        guard often != ranking.oftenLogged else { return }
        ranking.oftenLogged = often
        searchIndex = LazySearchIndex(table: foods, ranking: ranking)
        sharedPlanner = LazyPlanner()
    }

    /// Whether the table holds any of the person's own foods or recipes.
    public var hasOwnFoods: Bool {
        (0..<foods.count).reversed().contains { foods.source(at: $0) == .custom || foods.source(at: $0) == .recipe }
    }

    /// Adds the person's custom foods (ids that clash with the table are an error).
    public mutating func addCustomFoods(_ customFoods: [Food]) throws(FoodTableError) {
        guard !customFoods.isEmpty else { return }
        for food in customFoods { try foods.append(food) }
        searchIndex = LazySearchIndex(table: foods, ranking: ranking)
        sharedPlanner = LazyPlanner()
    }

    /// Adds the person's recipes as foods, in order, so a recipe can use a custom food or
    /// an earlier recipe. A recipe that cannot be made (an ingredient missing from the
    /// table) is left out and returned with the reason, so one bad recipe never hides
    /// the journal.
    @discardableResult
    public mutating func addRecipes(_ recipes: [Recipe]) -> [RecipeError] {
        guard !recipes.isEmpty else { return [] }
        var problems: [RecipeError] = []
        for recipe in recipes {
            do {
                let food = try recipe.food(in: foods)
                do {
                    try foods.append(food)
                    recipeFishShares[recipe.id] = fishShare(of: recipe)
                } catch {
                    problems.append(RecipeError(recipe: recipe.name, message: error.description))
                }
            } catch {
                problems.append(error)
            }
        }
        searchIndex = LazySearchIndex(table: foods, ranking: ranking)
        sharedPlanner = LazyPlanner()
        return problems
    }

    /// The grams of fish in a gram of `recipe` once cooked: its fish ingredients' raw grams
    /// (an earlier recipe's by its share) over the cooked weight. A fish loses water as it
    /// cooks, so raw grams count at least the fish eaten: the protective reading.
    func fishShare(of recipe: Recipe) -> Double {
        var grams = 0.0
        for ingredient in recipe.ingredients {
            guard let index = foods.index(of: ingredient.foodID) else { continue }
            if let share = recipeFishShares[ingredient.foodID], share > 0 {
                grams += ingredient.grams * share
            } else if planSafety.fishFoods.match(group: foods.group(at: index), description: foods.descriptions[index]) != nil {
                grams += ingredient.grams
            }
        }
        return grams / recipe.cookedGrams
    }

    /// A scorer over these foods and rules.
    public var scorer: Scorer { Scorer(foods: foods, rules: scoringRules) }

    /// Fat pairing over these foods.
    public var fatPairing: FatPairingAnalyzer { FatPairingAnalyzer(foods: foods, rules: absorption, meals: meals) }

    /// Fibre, fermented foods and fatty-acid balance over these foods.
    public var balance: BalanceAnalyzer { BalanceAnalyzer(foods: foods, rules: absorption, fermented: fermented) }

    /// The gut's figures over these foods.
    public var gut: GutAnalyzer {
        GutAnalyzer(foods: foods, fermented: fermented, liveCultures: liveCultures, prebiotics: prebiotics)
    }

    /// The review of a report: its cautions, and the fat pairing and balance that go with
    /// them, and the gut's figures with the probiotics taken (`probiotics`, any days: those
    /// of the report's range count). Every presenter shows this, so a caution on screen and
    /// in a report agree.
    public func review(_ report: Report, probiotics: [ProbioticDose] = []) -> Review {
        let cautions = CautionReview(foods: foods, safety: safety, rules: scoringRules.upperLimits).cautions(for: report)
        // No absorption advice for a vitamin above its limit, nor for vitamin A while the
        // pregnancy caution says to avoid retinol.
        var withoutAdvice = CautionReview.aboveUpperLimit(report)
        let above = withoutAdvice
        if cautions.contains(where: { $0.kind == "pregnancy_retinol" }) { withoutAdvice.insert(.vitaminA) }
        let pairing = fatPairing.analyze(report.entries, targets: report.targets,
                                         thresholdGrams: report.profile.fatThresholdGrams, withoutAdvice: withoutAdvice)
        let sources = report.allSources(in: foods)
        let balanceReport = balance.analyze(report.entries, ageMonths: report.profile.ageMonths)
        return Review(report: report, cautions: cautions, aboveUpperLimit: above, fatPairing: pairing,
                      balance: balanceReport, sources: sources,
                      gut: gut.analyze(report.entries, doses: probiotics, range: report.range, balance: balanceReport))
    }

    /// A figure's value on each day of the report's range: a nutrient's amount, fibre or
    /// servings (`nil` on a day with nothing logged), or probiotic CFU in billions (0 on a
    /// day without one).
    public func dailyFigure(_ figure: GutFigure, report: Report, probiotics: [ProbioticDose]) -> [Double?] {
        let range = report.range
        let days = (0..<range.dayCount).map { range.from.adding(days: $0) }
        switch figure {
        case .nutrient(let nutrient):
            return report.dayReports(scorer: scorer).map { $0.entries.isEmpty ? nil : $0.score(of: nutrient).amount }
        case .probioticBillions:
            let byDay = Dictionary(grouping: probiotics, by: \.date)
            return days.map { day in (byDay[day] ?? []).reduce(0) { $0 + $1.cfu } / 1e9 }
        case .fibre, .fermentedServings, .prebioticServings:
            let byDay = Dictionary(grouping: report.entries, by: \.date)
            let analyzer = gut
            return days.map { day -> Double? in
                guard let entries = byDay[day], !entries.isEmpty else { return nil }
                switch figure {
                case .fibre:
                    return entries.reduce(0.0) { total, entry in
                        guard let index = foods.index(of: entry.foodID), let fibre = foods.values(at: index)[.fiber] else { return total }
                        return total + fibre * entry.grams / 100
                    }
                default:
                    let balanceReport = balance.analyze(entries, ageMonths: report.profile.ageMonths)
                    let day = analyzer.analyze(entries, doses: [], range: DateRange(day: day), balance: balanceReport)
                    return figure == .fermentedServings ? day.fermentedServings : day.prebioticServings
                }
            }
        }
    }

    /// The skin-and-gut review of a report's range: the profile's scales from `checkIns`
    /// beside `figure`.
    public func skinGutReview(report: Report, checkIns: [CheckIn], tracked: [CheckInScale], figure: GutFigure,
                              probiotics: [ProbioticDose]) -> SkinGutReview {
        SkinGutReview.make(range: report.range, checkIns: checkIns, tracked: tracked, definitions: checkInScales,
                           figure: figure, figureDaily: dailyFigure(figure, report: report, probiotics: probiotics))
    }

    /// The name a food is shown by: the short, plain name of `Data/common_foods.csv` for
    /// the foods people log most ("Oatmeal, cooked with water, no salt"), else its table
    /// description (the USDA's, or the person's own). The description stays the record:
    /// `foods search --full`, `foods show`, the report and the export give it.
    public func displayName(ofFoodID id: String) -> String {
        if let name = ranking.commonNames[id] { return name }
        return foods.index(of: id).map { foods.descriptions[$0] } ?? "unknown food \(id)"
    }

    /// Why a profile's diets and allergies (`keys`: no_dairy, vegan …) leave out the food at
    /// `index`, or `nil`: the rule the planner, the ranking, search and logging all use.
    public func dietExclusion(ofFoodAt index: Int, diets keys: Set<String>) -> String? {
        guard !keys.isEmpty else { return nil }
        return diets.exclusion(group: foods.group(at: index), words: FoodWords.words(of: foods.descriptions[index]), diets: keys)
    }

    /// A gap planner over these foods (it ranks the whole table: make it once and keep it).
    /// With a store, the preparation of the table's own foods is read from it, and made and
    /// kept there the first time the table itself came from the store (every verdict and
    /// list: about 150 ms once, after which a plan reads them); the person's own foods are
    /// worked out on top.
    public func makePlanner() -> GapPlanner {
        let kept = plannerKey.flatMap { store?.storedPreparation(for: $0) }
        let preparation = kept?.foodCount == preparedFoodCount ? kept : nil
        let planner = GapPlanner(table: foods, exclusions: plannerExclusions, diets: diets, rules: scoringRules,
                                 safety: planSafety, recipeFishShares: recipeFishShares, preparation: preparation)
        // Made only where the store has already kept the table (it read it back): one that
        // cannot write (a read-only or full cache folder) would otherwise have every command
        // prepare all 8,800 foods for a copy it then drops.
        if preparation == nil, foodsFromCache, let store, let plannerKey {
            store.store(planner.preparation(count: preparedFoodCount), for: plannerKey)
        }
        return planner
    }

    /// Where the planner's preparation is kept, under which key, and how many of the
    /// table's foods (those loaded from the CSVs, before the person's own) it covers.
    private let store: (any FoodTableStore)?
    let plannerKey: UInt64?
    private let preparedFoodCount: Int

    /// One planner over these foods, made the first time it is asked for and shared by every
    /// copy of this data (as the search index is): the dashboard makes it in the background
    /// after its first frame, so the first `g` does not wait for it. Made again after the
    /// foods change (a custom food, a recipe).
    public var planner: GapPlanner { sharedPlanner.value { makePlanner() } }
    private var sharedPlanner = LazyPlanner()

    /// The foods that best match `query`, best first.
    public func searchFoods(_ query: String, limit: Int = 20) -> [Food] {
        search.search(query, limit: limit).map(foods.food(at:))
    }

    /// The foods that rank close behind `food` for `query` (within the ranking's
    /// `closeRank`), best first: what the person may have meant instead. None when `food`
    /// is not the best match (an id, say).
    public func closeMatches(_ query: String, to food: Food, limit: Int = 3) -> [Food] {
        let trimmed = query.trimmingSpaces()
        if foods.food(id: trimmed) != nil { return [] }
        let ranked = search.scoredSearch(trimmed, limit: limit + 1)
        guard let best = ranked.first, foods.ids[best.food] == food.id else { return [] }
        return ranked.dropFirst().filter { $0.score - best.score <= ranking.closeRank }.map { foods.food(at: $0.food) }
    }

    /// What `absorb foods search` lists: the foods that match `query`, or, when none has
    /// every word, those of the closest query that finds some (a spelling fixed, or a word
    /// no food has with the others left out), with that query.
    public func searchListing(_ query: String, limit: Int = 20) -> (foods: [Food], closest: String?) {
        let found = searchFoods(query, limit: limit)
        if let first = found.first, absentNote(for: query, first: first) != nil { return (found.filter { $0.source == .custom || $0.source == .recipe }, nil) }
        if !found.isEmpty || foods.food(id: query.trimmingSpaces()) != nil { return (found, nil) }
        if absentNote(for: query, first: nil) != nil { return ([], nil) }
        for correction in search.corrections(for: query) {
            let closest = searchFoods(correction, limit: limit)
            if !closest.isEmpty { return (closest, correction) }
        }
        return ([], nil)
    }

    /// What to say when `query` names a food the table does not have (`search_names.csv`,
    /// means `-`) and its best match is not one of the person's own foods: `nil` otherwise.
    public func absentNote(for query: String, first: Food?) -> String? {
        guard first?.source != .custom, first?.source != .recipe else { return nil }
        let words = SearchText.words(query).map { String(decoding: $0, as: UTF8.self) }
        return ranking.absentFoods.first { $0.typed == words }?.reason
    }

    /// Resolves a food the person named: an exact id, or the best search match. An
    /// error lists the closest matches (or spelling corrections) when nothing fits.
    public func findFood(_ query: String) throws(FoodLookupError) -> Food {
        let trimmed = query.trimmingSpaces()
        if let food = foods.food(id: trimmed) { return food }
        if let first = search.search(trimmed, limit: 1).first {
            let food = foods.food(at: first)
            if let note = absentNote(for: trimmed, first: food) { throw FoodLookupError(query: trimmed, suggestions: [], absent: note) }
            return food
        }
        if let note = absentNote(for: trimmed, first: nil) { throw FoodLookupError(query: trimmed, suggestions: [], absent: note) }
        let corrections = search.corrections(for: trimmed)
        let suggestions = corrections.prefix(3).flatMap { correction in
            search.search(correction, limit: 2).map(foods.food(at:))
        }
        throw FoodLookupError(query: trimmed, suggestions: Array(suggestions.prefix(5)))
    }
}

/// No food matches what the person typed.
public struct FoodLookupError: Error, Sendable, CustomStringConvertible {
    /// What was typed.
    public let query: String
    /// The closest foods, best first.
    public let suggestions: [Food]
    /// Why the table has no such food, when it is one people ask for (oat milk).
    public var absent: String? = nil

    public init(query: String, suggestions: [Food], absent: String? = nil) {
        self.query = query
        self.suggestions = suggestions
        self.absent = absent
    }

    /// The message, with the closest matches.
    public var description: String {
        if let absent {
            return "\(TextRules.quoted(query)) is not in the food table: \(absent). Add yours from its label: absorb foods add \"\(query)\" --serving GRAMS --energy KCAL --fat G … (absorb foods add --help)"
        }
        var text = "no food matches \(TextRules.quoted(query))"
        if suggestions.isEmpty {
            text += ": try fewer or shorter words, or `absorb foods search WORDS`"
        } else {
            text += ". Closest matches:\n" + suggestions.map { "  \($0.id)  \($0.description)" }.joined(separator: "\n")
        }
        return text
    }
}

/// A `Data/` table that could not be loaded.
public enum DataLoadError: Error, Sendable, CustomStringConvertible {
    /// A file is missing or unreadable.
    case file(DataFileError)
    /// A file's content is malformed, at a line and column.
    case csv(CSVError)

    /// The message.
    public var description: String {
        switch self {
        case .file(let error): "cannot load absorb's data: \(error)"
        case .csv(let error): "cannot load absorb's data: \(error)"
        }
    }
}

/// A search index made on first use, once, whichever thread asks first.
/// A planner made once, under a lock (the dashboard warms it on another thread).
final class LazyPlanner: @unchecked Sendable {
    private let lock = NSLock()
    private var planner: GapPlanner?

    func value(_ make: () -> GapPlanner) -> GapPlanner {
        lock.lock()
        defer { lock.unlock() }
        if let planner { return planner }
        let made = make()
        planner = made
        return made
    }
}

final class LazySearchIndex: @unchecked Sendable {
    private let lock = NSLock()
    private let table: FoodTable
    private let ranking: SearchRanking
    private var index: FoodSearchIndex?

    init(table: FoodTable, ranking: SearchRanking) {
        self.table = table
        self.ranking = ranking
    }

    var value: FoodSearchIndex {
        lock.lock()
        defer { lock.unlock() }
        if let index { return index }
        let made = FoodSearchIndex(table: table, ranking: ranking)
        index = made
        return made
    }
}
