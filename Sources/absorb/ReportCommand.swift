import ArgumentParser
import Foundation
import Journal
import NutrientModel

/// The formats `absorb report` writes.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}

/// `absorb report`: a day, or the daily average over a range of days.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Score a day, or the daily average over days, against your targets.",
        discussion: """
            Over a range, amounts are the daily average of the days that have entries (days \
            with nothing logged are missing, not zero). Coverage is the share of the logged \
            food, by weight, whose value for the nutrient is known.

            Upper limits are checked on what they apply to, counting an unknown part so as to \
            protect you: a food's unknown retinol as all of its vitamin A, vitamin E by its form \
            (synthetic IU at 0.91 mg toward the limit). JSON gives ul_amount, ul_estimated \
            (an unknown part was counted so), ul_complete (false: some food could not be \
            checked), above_upper_limit and cautions. Cautions (an upper limit passed or not \
            checkable, vitamin A in pregnancy) come before any advice, and a vitamin above its \
            limit gets no fat-pairing advice.
            """)

    @Option(name: .long, help: ArgumentHelp("One day, YYYY-MM-DD (default: today).", valueName: "date"))
    var date: String?

    @Option(name: .long, help: ArgumentHelp("First day of a range.", valueName: "date"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Last day of a range.", valueName: "date"))
    var to: String?

    @Option(name: .long, help: "text, json or csv.")
    var format: ReportFormat = .text

    @OptionGroup var common: CommonOptions

    func run() throws {
        let range = try reportRange(date: date, from: from, to: to)
        let session = try common.open()
        let report = try session.report(range)
        let renderer = ReportRenderer(report: report, session: session)
        switch format {
        case .text: print(renderer.text(), terminator: "")
        case .json: printJSON(renderer.json())
        case .csv: print(renderer.csv(), terminator: "")
        }
    }
}

/// With no subcommand: today's report. (The dashboard takes this place when it exists.)
struct Today: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "today", abstract: "Today's report (what `absorb` shows with no command).")

    @OptionGroup var common: CommonOptions

    func run() throws {
        let session = try common.open()
        let report = try session.report(DateRange(day: LocalDate.today()))
        print(ReportRenderer(report: report, session: session).text(), terminator: "")
        if report.entries.isEmpty {
            print("\nLog a food with: absorb log add salmon cooked 150 g   (absorb --help lists every command)")
        }
    }
}

/// The range a report covers, from `--date` or `--from`/`--to`.
func reportRange(date: String?, from: String?, to: String?) throws -> DateRange {
    if date != nil, from != nil || to != nil {
        throw CLIError("give either --date or --from and --to, not both")
    }
    if let day = try parseDate(date, option: "--date") { return DateRange(day: day) }
    switch (try parseDate(from, option: "--from"), try parseDate(to, option: "--to")) {
    case (nil, nil): return DateRange(day: LocalDate.today())
    case (let start?, let end?):
        guard start <= end else { throw CLIError("--from \(start) is after --to \(end)") }
        guard start.days(to: end) < 3660 else { throw CLIError("a report covers at most ten years") }
        return DateRange(from: start, to: end)
    case (_?, nil): throw CLIError("--from needs --to (the last day of the range)")
    case (nil, _?): throw CLIError("--to needs --from (the first day of the range)")
    }
}

/// Presents a `Report` and its `Review` as text, JSON or CSV. It formats numbers; it
/// computes none.
struct ReportRenderer {
    let report: Report
    let session: Session
    /// The model's cautions, fat pairing and balance for the report, made once.
    let review: Review

    init(report: Report, session: Session) {
        self.report = report
        self.session = session
        // The probiotics of the range count toward the gut's figures (they are not entries).
        let doses = (try? session.journal.probiotics(profileID: session.profile.id, in: report.range).map(\.dose)) ?? []
        self.review = session.data.review(report, probiotics: doses)
    }

    private var dateText: String {
        report.range.dayCount == 1 ? report.range.from.longDescription
            : "\(report.range.from.longDescription) – \(report.range.to.longDescription)"
    }

    func text() -> String {
        var out = ""
        let person = report.profile
        let who = [TextRules.escaped(person.name), person.sex?.rawValue, person.ageText].compactMap { $0 }.joined(separator: " · ")
        out += "absorb · \(who) · \(report.targets.lifeStage)\n"
        if report.range.dayCount == 1 {
            out += "\(dateText)\n"
        } else {
            out += "\(dateText): daily average of \(report.loggedDays) logged day\(report.loggedDays == 1 ? "" : "s") of \(report.range.dayCount)\n"
        }
        if let note = report.targets.defaultsNote { out += note + "\n" }
        out += "\n"
        out += "Nutrient                          amount         target          %  status      data\n"
        var footnotes: [String] = []
        for score in report.scores {
            let nutrient = score.nutrient
            let amount = score.amount.map { "\(Format.amount($0)) \(nutrient.unit)" } ?? "—"
            let target = score.target.value.map { "\(Format.amount($0)) \(score.target.kind?.rawValue ?? "")" } ?? "none"
            let percent = score.percent.map(Format.percent) ?? "—"
            let coverage = score.coverage.map { "\(Format.percent($0 * 100)) %" + ($0 < 1 ? " ?" : "") } ?? "—"
            out += nutrient.name.padded(to: 33) + " " + amount.padded(to: 14) + " " + target.padded(to: 12) + " "
                + percent.leftPadded(to: 4) + "  " + statusText(score.status).padded(to: 11) + " " + coverage + "\n"
            let judgement = score.judgement(lowCoverageBelowPercent: session.data.absorption.lowCoverageBelowPercent)
            if score.status != .noData, judgement != score.status.words { footnotes.append("? \(nutrient.name): \(TextRules.escaped(judgement)).") }
            if !score.missingDataFoods.isEmpty {
                footnotes.append("? \(nutrient.name): no value for \(TextRules.escaped(score.missingDataFoods.joined(separator: "; "))) — the amount may be understated.")
            }
        }
        if !review.cautions.isEmpty {
            out += "\nCautions:\n" + review.cautions.map { "! " + TextRules.escaped($0.sentence) }.joined(separator: "\n") + "\n"
        }
        if !footnotes.isEmpty { out += "\n" + footnotes.joined(separator: "\n") + "\n" }
        if !report.entries.isEmpty { out += "\n" + insightText() }
        out += "\n"
        if report.entries.isEmpty {
            out += "Nothing logged \(report.range.dayCount == 1 ? "on this day" : "in these days").\n"
        } else {
            out += "Entries:\n"
            for entry in report.entries {
                out += "  \(String(entry.id).leftPadded(to: 4))  \(entry.date)  \(entry.meal.rawValue.padded(to: 9))  "
                    + "\(Format.number(entry.grams, decimals: 1).leftPadded(to: 6)) g  \(session.foodName(entry.foodID))\n"
            }
        }
        return out
    }

    var fatPairing: FatPairingReport { review.fatPairing }

    var balance: BalanceReport { review.balance }

    /// Fat pairing, fibre and fermented foods, and the fatty-acid balance, as text.
    private func insightText() -> String {
        var out = ""
        let pairing = fatPairing
        out += "Fat pairing (meals with at least \(Format.number(pairing.thresholdGrams)) g of fat):\n"
        for nutrient in FatPairingAnalyzer.vitamins {
            let share = pairing.withoutAdvice.contains(nutrient) ? FatPairingReport.noAdviceText
                : pairing.pairedShare[nutrient].map { "\(Format.percent($0 * 100)) % eaten with enough fat" } ?? "none eaten"
            out += "  \(nutrient.name.padded(to: 10)) \(share)\n"
        }
        for meal in pairing.meals {
            let vitamins = FatPairingAnalyzer.vitamins.compactMap { nutrient -> String? in
                guard let amount = meal.vitamins[nutrient], amount > 0 else { return nil }
                return "\(nutrient.shortName.replacingOccurrences(of: "Vitamin ", with: "")) \(Format.amount(amount)) \(nutrient.unit)"
            }
            let day = report.range.dayCount > 1 ? "\(meal.date) " : ""
            out += "  \(day)\(session.data.meals.label(of: meal.meal).padded(to: 9)) \(Format.number(meal.fatGrams, decimals: 1)) g fat\(meal.fatIsComplete ? "" : " ?")"
                + (vitamins.isEmpty ? "" : " · " + vitamins.joined(separator: ", ")) + "\n"
        }
        for flag in pairing.flags {
            let unit = flag.nutrient.unit
            out += "  ! \(flag.date.longDescription), \(session.data.meals.label(of: flag.meal).lowercased()): "
                + "\(Format.amount(flag.amount)) \(unit) of \(flag.nutrient.name) with \(Format.number(flag.fatGrams, decimals: 1)) g of fat"
                + " — likely poorly absorbed; \(flag.suggestion).\n"
        }
        let balance = self.balance
        let perDay = balance.days > 1 ? " a day" : ""
        out += "\nGut and balance\(balance.days > 1 ? " (daily averages)" : ""):\n"
        let fibreReference = balance.fibreTarget.map {
            "of \(Format.amount($0)) g (\(Format.number(session.data.absorption.fibrePer1000Kcal)) g per 1,000 kcal of the \(Format.grouped(balance.kcal)) kcal logged)"
        } ?? "(a fibre AI is \(balance.referencesNotSet ?? "not set"))"
        out += "  Fibre: \(Format.amount(balance.fibreGrams)) g\(perDay) \(fibreReference)"
            + (balance.fibreIncomplete ? " ? some food has no fibre value" : "") + "\n"
        let kinds = balance.fermentedKindsPerDay.sorted { $0.key < $1.key }
            .map { "\($0.key) \(Format.number($0.value, decimals: 1))" }.joined(separator: ", ")
        out += "  Fermented foods: \(Format.number(balance.fermentedServingsPerDay, decimals: 1)) servings a day"
            + (kinds.isEmpty ? "" : " (\(kinds))") + "\n"
        if let ratio = balance.ratio, let la = balance.linoleicPercentEnergy, let ala = balance.alphaLinolenicPercentEnergy {
            out += "  Omega-6 : omega-3 (LA : ALA) \(Format.number(ratio, decimals: 1)) : 1 — LA \(Format.number(la, decimals: 1)) % of energy"
            if let laRange = balance.linoleicRange, let alaRange = balance.alphaLinolenicRange, let range = balance.ratioRangeFromAMDRs {
                let laText = "\(Format.number(laRange.lowerBound))–\(Format.number(laRange.upperBound))"
                let alaText = "\(Format.number(alaRange.lowerBound))–\(Format.number(alaRange.upperBound))"
                let ratioText = "\(Format.number(range.lowerBound, decimals: 1)) to \(Format.number(range.upperBound, decimals: 1))"
                out += " (AMDR \(laText) %), ALA \(Format.number(ala, decimals: 2)) % (AMDR \(alaText) %); the AMDRs allow \(ratioText) : 1."
            } else {
                out += ", ALA \(Format.number(ala, decimals: 2)) %; AMDRs are \(balance.referencesNotSet ?? "not set")."
            }
            out += " Information, not a score.\n"
        }
        let gut = review.gut
        if gut.fermentedServings > 0 {
            out += "  Likely with live cultures: \(Format.number(gut.liveCultureServings, decimals: 1)) of \(Format.number(gut.fermentedServings, decimals: 1)) fermented servings in all\n"
        }
        out += "  Prebiotic foods (inulin-type fructans): \(Format.number(gut.prebioticServings, decimals: 1)) servings in all"
            + (gut.prebioticKinds.isEmpty ? "" : " (\(gut.prebioticKinds.map { "\($0.kind) \(Format.number($0.servings, decimals: 1))" }.joined(separator: ", ")))") + "\n"
        out += "  Probiotics: \(gut.probioticDays) of \(gut.days) day\(gut.days == 1 ? "" : "s")\n"
        return out
    }

    /// The status column: the model's words, the upper limit in capitals to stand out
    /// in a column of eleven.
    private func statusText(_ status: NutrientStatus) -> String {
        status == .aboveUL ? "ABOVE UL" : status.words
    }

    func json() -> JSONValue {
        let person = report.profile
        let pairing = fatPairing
        let nutrients: [JSONValue] = report.scores.map { score in
            let target = score.target
            return .object([
                ("id", .string(score.nutrient.rawValue)),
                ("name", .string(score.nutrient.name)),
                ("unit", .string(score.nutrient.unit)),
                ("amount", .number(score.amount, decimals: 4)),
                ("target", .number(target.value, decimals: 4)),
                ("target_kind", .string(target.kind?.rawValue)),
                ("target_source", .string(target.value == nil ? nil : target.source)),
                ("percent", .number(score.percent, decimals: 2)),
                ("upper_limit", .number(target.upperLimit, decimals: 4)),
                ("ul_applies_to", .string(target.upperLimit == nil ? nil : target.upperLimitBasis?.rawValue)),
                ("ul_unit", .string(target.upperLimitUnit)),
                ("ul_amount", .number(score.upperLimitAmount, decimals: 4)),
                ("ul_estimated", .bool(score.upperLimitEstimated)),
                ("ul_complete", .bool(score.upperLimitComplete)),
                ("ul_estimated_foods", .array(score.upperLimitEstimatedFoods.map(JSONValue.string))),
                ("ul_unchecked_foods", .array(score.upperLimitUncheckedFoods.map(JSONValue.string))),
                ("status", .string(score.status.rawValue)),
                ("coverage", .number(score.coverage, decimals: 4)),
                ("missing_data_foods", .array(score.missingDataFoods.map(JSONValue.string))),
                ("judgement", .string(score.judgement(lowCoverageBelowPercent: session.data.absorption.lowCoverageBelowPercent))),
                ("fat_paired_share", .number(pairing.pairedShare[score.nutrient], decimals: 4)),
            ])
        }
        let flags: [JSONValue] = pairing.flags.map { flag in
            .object([
                ("date", .string(flag.date.description)),
                ("meal", .string(flag.meal.rawValue)),
                ("nutrient", .string(flag.nutrient.rawValue)),
                ("amount", .number(flag.amount, decimals: 4)),
                ("fat_g", .number(flag.fatGrams, decimals: 3)),
                ("suggestion", .string(flag.suggestion)),
            ])
        }
        let balance = self.balance
        return .object([
            ("profile", .object([
                ("name", .string(person.name)),
                ("sex", .string(person.sex?.rawValue)),
                ("age", .number(person.ageMonths.map { Double($0) / 12 }, decimals: 2)),
                ("life_stage", .string(report.targets.lifeStage)),
                ("condition", .string(person.condition.rawValue)),
                ("targets_are_defaults", .bool(person.usesDefaults)),
                ("prescribed", .array(person.prescribed.sorted().map(JSONValue.string))),
            ])),
            ("from", .string(report.range.from.description)),
            ("to", .string(report.range.to.description)),
            ("days", .number(Double(report.loggedDays))),
            ("nutrients", .array(nutrients)),
            ("above_upper_limit", .array(Nutrient.allCases.filter(review.aboveUpperLimit.contains).map { .string($0.rawValue) })),
            ("cautions", .array(review.cautions.map(Self.json))),
            ("fat_pairing", .object([
                ("threshold_g", .number(pairing.thresholdGrams, decimals: 3)),
                ("meals", mealsJSON(pairing.meals)),
                ("flags", .array(flags)),
            ])),
            ("balance", .object([
                ("kcal", .number(balance.kcal, decimals: 2)),
                ("fibre_g", .number(balance.fibreGrams, decimals: 3)),
                ("fibre_target_g", .number(balance.fibreTarget, decimals: 3)),
                ("references_not_set", .string(balance.referencesNotSet)),
                ("fibre_incomplete", .bool(balance.fibreIncomplete)),
                ("fermented_servings_per_day", .number(balance.fermentedServingsPerDay, decimals: 3)),
                ("la_ala_ratio", .number(balance.ratio, decimals: 3)),
                ("la_percent_energy", .number(balance.linoleicPercentEnergy, decimals: 3)),
                ("ala_percent_energy", .number(balance.alphaLinolenicPercentEnergy, decimals: 3)),
            ])),
            ("gut", .object([
                ("fermented_servings", .number(review.gut.fermentedServings, decimals: 3)),
                ("live_culture_servings", .number(review.gut.liveCultureServings, decimals: 3)),
                ("fermented_foods", .array(review.gut.fermentedFoods.map { food in
                    .object([("food_id", .string(food.foodID)), ("kind", .string(food.kind)),
                             ("servings", .number(food.servings, decimals: 3)), ("live_cultures", .string(food.liveCultures.rawValue))])
                })),
                ("prebiotic_servings", .number(review.gut.prebioticServings, decimals: 3)),
                ("prebiotic_by_kind", .object(review.gut.prebioticKinds.map { ($0.kind, .number($0.servings, decimals: 3)) })),
                ("probiotic_days", .number(Double(review.gut.probioticDays))),
                ("probiotics", .array(review.gut.probioticDoses.map { dose in
                    .object([("date", .string(dose.date.description)), ("strain", .string(dose.strain)),
                             ("strain_id", .string(dose.strainID)), ("cfu", .number(dose.cfu))])
                })),
            ])),
            ("entries", entriesJSON()),
        ])
    }

    /// The entries as a JSON array, written straight into the output (ten years are 36,500
    /// entries: a value per field cost more to make and free than to write).
    private func entriesJSON() -> JSONValue {
        .writer(estimatedBytes: report.entries.count * 160) { writeEntries(into: &$0) }
    }

    /// Writes the entries' array. Each food's id and description are written once, and each
    /// day's date; the bytes are what the fields as `JSONValue`s would write.
    private func writeEntries(into output: inout JSONOutput) {
        let foods = session.data.foods
        output.bytes.append(UInt8(ascii: "["))
        var foodFields: [String: [UInt8]] = [:]  // `"food_id":…,"food":…` by food id
        var day: (date: LocalDate, field: [UInt8])?
        let mealFields = Self.mealFields
        let entries = report.entries
        for position in entries.indices {
            output.flushIfFull()
            let entry = entries[position]
            JSONValue.write(position == 0 ? "{\"id\":" : ",{\"id\":", into: &output.bytes)
            JSONValue.writeNumber(Double(entry.id), into: &output.bytes)
            if day?.date != entry.date { day = (entry.date, Self.field(",\"date\":", string: entry.date.description)) }
            output.bytes.append(contentsOf: day!.field)
            output.bytes.append(contentsOf: mealFields[Self.position(of: entry.meal)])
            if let known = foodFields[entry.foodID] {
                output.bytes.append(contentsOf: known)
            } else {
                var field = Self.field(",\"food_id\":", string: entry.foodID)
                field.append(contentsOf: Array(",\"food\":".utf8))
                if let index = foods.index(of: entry.foodID) {
                    JSONValue.writeString(foods.descriptions[index], into: &field)
                } else {
                    field.append(contentsOf: JSONValue.nullBytes)
                }
                foodFields[entry.foodID] = field
                output.bytes.append(contentsOf: field)
            }
            JSONValue.write(",\"grams\":", into: &output.bytes)
            JSONValue.writeNumber(entry.grams, decimals: 3, into: &output.bytes)
            output.bytes.append(UInt8(ascii: "}"))
        }
        output.bytes.append(UInt8(ascii: "]"))
    }

    /// The fat-pairing meals as a JSON array, written straight into the output as the
    /// entries are (ten years are some 14,600 meals).
    private func mealsJSON(_ meals: [MealFat]) -> JSONValue {
        .writer(estimatedBytes: meals.count * 180) { Self.writeMeals(meals, into: &$0) }
    }

    /// Writes the meals' array.
    private static func writeMeals(_ meals: [MealFat], into output: inout JSONOutput) {
        output.bytes.append(UInt8(ascii: "["))
        var day: (date: LocalDate, field: [UInt8])?
        let mealFields = Self.mealFields
        let vitaminKeys = FatPairingAnalyzer.vitamins.enumerated().map { index, nutrient in
            Self.field(index == 0 ? "" : ",", string: nutrient.rawValue) + [UInt8(ascii: ":")]
        }
        var amounts = [Double?](repeating: nil, count: Nutrient.allCases.count)  // a meal's, by nutrient index
        for (position, meal) in meals.enumerated() {
            output.flushIfFull()
            if position > 0 { output.bytes.append(UInt8(ascii: ",")) }
            if day?.date != meal.date { day = (meal.date, Self.field("{\"date\":", string: meal.date.description)) }
            output.bytes.append(contentsOf: day!.field)
            output.bytes.append(contentsOf: mealFields[Self.position(of: meal.meal)])
            JSONValue.write(",\"fat_g\":", into: &output.bytes)
            JSONValue.writeNumber(meal.fatGrams, decimals: 3, into: &output.bytes)
            JSONValue.write(",\"fat_complete\":", into: &output.bytes)
            JSONValue.writeBool(meal.fatIsComplete, into: &output.bytes)
            JSONValue.write(",\"vitamins\":{", into: &output.bytes)
            // The meal's vitamins read in one pass (not looked up one by one), then written in
            // table order.
            for nutrient in FatPairingAnalyzer.vitamins { amounts[nutrient.index] = nil }
            for (nutrient, amount) in meal.vitamins { amounts[nutrient.index] = amount }
            for (index, nutrient) in FatPairingAnalyzer.vitamins.enumerated() {
                output.bytes.append(contentsOf: vitaminKeys[index])
                JSONValue.writeNumber(amounts[nutrient.index], decimals: 4, into: &output.bytes)
            }
            JSONValue.write("}}", into: &output.bytes)
        }
        output.bytes.append(UInt8(ascii: "]"))
    }

    /// `prefix` then `text` as a JSON string, as bytes.
    private static func field(_ prefix: String, string text: String) -> [UInt8] {
        var out = Array(prefix.utf8)
        JSONValue.writeString(text, into: &out)
        return out
    }

    /// A meal's place in `mealFields`.
    private static func position(of meal: Meal) -> Int {
        switch meal {
        case .breakfast: 0
        case .lunch: 1
        case .dinner: 2
        case .snack: 3
        }
    }

    /// `,"meal":"breakfast"` and the others, in the order of `position(of:)`.
    private static let mealFields: [[UInt8]] = [Meal.breakfast, .lunch, .dinner, .snack].map {
        field(",\"meal\":", string: $0.rawValue)
    }


    /// A caution as JSON: its kind, nutrient and sentence (and, above a limit, its figures).
    static func json(_ caution: Caution) -> JSONValue {
        var fields: [(String, JSONValue)] = [("kind", .string(caution.kind)), ("nutrient", .string(caution.nutrient?.rawValue))]
        if case .aboveUpperLimit(let above) = caution {
            fields += [("amount", .number(above.amount, decimals: 4)), ("upper_limit", .number(above.limit, decimals: 4)),
                       ("unit", .string(above.unit)), ("prescribed", .array(above.prescribed.map(JSONValue.string)))]
        }
        return .object(fields + [("sentence", .string(caution.sentence))])
    }

    /// One row per day of the range and nutrient, for spreadsheets. A day with nothing
    /// logged has its rows with empty figures and `entries` 0: missing, not zero.
    func csv() -> String {
        var out = CSVWriter.record([
            "date", "entries", "id", "name", "unit", "amount", "target", "target_kind", "percent", "upper_limit",
            "ul_applies_to", "ul_amount", "status", "coverage", "missing_data_foods", "ul_estimated", "ul_complete",
        ]) + "\r\n"
        func number(_ value: Double?, _ decimals: Int) -> String {
            value.map { Format.number($0, decimals: decimals) } ?? ""
        }
        for dayReport in report.dayReports(scorer: session.data.scorer) {
            let day = dayReport.range.from
            let entries = dayReport.entries
            for score in dayReport.scores {
                let logged = !entries.isEmpty
                out += CSVWriter.record([
                    day.description, String(entries.count),
                    score.nutrient.rawValue, score.nutrient.name, score.nutrient.unit,
                    number(score.amount, 4), number(score.target.value, 4), score.target.kind?.rawValue ?? "",
                    number(score.percent, 2), number(score.target.upperLimit, 4),
                    score.target.upperLimit == nil ? "" : score.target.upperLimitBasis?.rawValue ?? "",
                    number(score.upperLimitAmount, 4), logged ? score.status.rawValue : "not_logged", number(score.coverage, 4),
                    score.missingDataFoods.joined(separator: "; "),
                    score.target.upperLimit == nil || !logged ? "" : String(score.upperLimitEstimated),
                    score.target.upperLimit == nil || !logged ? "" : String(score.upperLimitComplete),
                ].map(CSVWriter.guarded)) + "\r\n"  // a food named =HYPERLINK(…) is text in a spreadsheet
            }
        }
        return out
    }
}
