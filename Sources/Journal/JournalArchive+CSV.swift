import Foundation
import NutrientModel

/// The archive as one CSV file a spreadsheet opens: sections, each a header row whose
/// first field is `record`, then rows whose first field names their kind (`profile`,
/// `target`, `favourite`, `food`, `portion`, `recipe`, `ingredient`, `entry`, and from
/// version 3 `checkin` and `probiotic`, from version 4 `trial`). Rows of a
/// profile name it in a `profile` column; portions and ingredients name their food or
/// recipe. An empty field is an unknown value.
extension JournalArchive {
    static let csvSections: [(kind: String, columns: [String])] = [
        ("archive", ["format", "version", "from", "to"]),
        ("profile", ["name", "sex", "age_months", "condition", "fat_threshold_g", "diets", "prescribed", "active", "created_at", "scales"]),
        ("target", ["profile", "nutrient", "value", "set_on"]),
        ("favourite", ["profile", "food_id", "added_at"]),
        ("food", ["id", "description"] + FoodComponent.allCases.map(\.column) + ["created_at"]),
        ("portion", ["food_id", "amount", "description", "grams"]),
        ("recipe", ["id", "name", "cooked_g", "servings", "created_at"]),
        ("ingredient", ["recipe_id", "food_id", "grams"]),
        ("entry", ["profile", "date", "meal", "food_id", "grams", "logged_at", "measure_amount", "measure_unit"]),
        // Version 3 on: check-ins (POEM's seven answers separated by ;) and probiotics.
        ("checkin", ["profile", "date", "itch", "spots", "poem", "bristol", "bloating", "note", "checked_at"]),
        ("probiotic", ["profile", "date", "strain", "strain_id", "cfu", "logged_at"]),
        // Version 4 on: trials.
        ("trial", ["profile", "name", "kind", "value", "start", "weeks", "reintroduce_weeks", "ended_on", "created_at"]),
        // Version 2 on: the last row, counts and the SHA-256 of every byte above its header
        // (from version 3 with the check-ins and probiotics counted too, from 4 the trials).
        ("end", countedKinds(version: firstVersionWithTrials) + ["sha256"]),
    ]

    /// Columns an archive written before them may lack (then every field of it is empty).
    static let csvColumnsThatMayBeAbsent: Set<String> = ["prescribed", "scales", "check_ins", "probiotics", "trials", "measure_amount", "measure_unit"]

    /// A number as the shortest text that reads back as the same number.
    static func csvNumber(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// The CSV text (CRLF line endings, as RFC 4180 has them).
    public func csv() -> String {
        var out = ""
        func section(_ kind: String) {
            let columns = Self.csvSections.first { $0.kind == kind }!.columns
            out += CSVWriter.record(["record"] + columns) + "\r\n"
        }
        // Version 2 on, a cell that a spreadsheet would run is written with a leading '.
        let guarding = version >= Self.firstVersionWithEnd
        func row(_ kind: String, _ fields: [String]) {
            out += CSVWriter.record([kind] + (guarding ? fields.map(CSVWriter.guarded) : fields)) + "\r\n"
        }
        let number = Self.csvNumber
        // Before version 3 an archive is written as it was then (no scales, no check-ins).
        let withCheckIns = version >= Self.firstVersionWithCheckIns
        func section(_ kind: String, dropping dropped: Set<String>) {
            let columns = Self.csvSections.first { $0.kind == kind }!.columns.filter { !dropped.contains($0) }
            out += CSVWriter.record(["record"] + columns) + "\r\n"
        }
        section("archive")
        row("archive", [format, String(version), from ?? "", to ?? ""])
        section("profile", dropping: withCheckIns ? [] : ["scales"])
        for p in profiles {
            row("profile", [p.name, p.sex ?? "", p.ageMonths.map(String.init) ?? "", p.condition,
                            p.fatThresholdGrams.map(number) ?? "", p.diets.joined(separator: ";"),
                            (p.prescribed ?? []).joined(separator: ";"), p.active ? "yes" : "no", p.createdAt]
                + (withCheckIns ? [(p.scales ?? []).joined(separator: ";")] : []))
        }
        section("target")
        for p in profiles { for t in p.targets { row("target", [p.name, t.nutrient, number(t.value), t.setOn]) } }
        section("favourite")
        for p in profiles { for f in p.favourites { row("favourite", [p.name, f.foodID, f.addedAt]) } }
        section("food")
        for food in customFoods {
            row("food", [food.id, food.description] + FoodComponent.allCases.map { food.values[$0.column].map(number) ?? "" }
                + [food.createdAt])
        }
        section("portion")
        for food in customFoods {
            for portion in food.portions {
                row("portion", [food.id, number(portion.amount), portion.description, number(portion.grams)])
            }
        }
        section("recipe")
        for recipe in recipes {
            row("recipe", [recipe.id, recipe.name, number(recipe.cookedGrams), number(recipe.servings), recipe.createdAt])
        }
        section("ingredient")
        for recipe in recipes {
            for ingredient in recipe.ingredients { row("ingredient", [recipe.id, ingredient.foodID, number(ingredient.grams)]) }
        }
        section("entry")
        for p in profiles {
            for e in p.entries {
                row("entry", [p.name, e.date, e.meal, e.foodID, number(e.grams), e.loggedAt,
                              e.measureAmount.map(number) ?? "", e.measureUnit ?? ""])
            }
        }
        if withCheckIns {
            func whole(_ value: Int?) -> String { value.map(String.init) ?? "" }
            section("checkin")
            for p in profiles {
                for c in p.checkIns ?? [] {
                    row("checkin", [p.name, c.date, whole(c.itch), whole(c.spots),
                                    c.poem.map { $0.map(String.init).joined(separator: ";") } ?? "",
                                    whole(c.bristol), whole(c.bloating), c.note ?? "", c.checkedAt])
                }
            }
            section("probiotic")
            for p in profiles {
                for d in p.probiotics ?? [] {
                    row("probiotic", [p.name, d.date, d.strain, d.strainID ?? "", number(d.cfu), d.loggedAt])
                }
            }
        }
        if version >= Self.firstVersionWithTrials {
            section("trial")
            for p in profiles {
                for t in p.trials ?? [] {
                    row("trial", [p.name, t.name, t.kind, t.value, t.start, String(t.weeks), String(t.reintroduceWeeks),
                                  t.endedOn ?? "", t.createdAt])
                }
            }
        }
        out += Self.csvEnd(counts: counts, sha256: SHA256.hex(Array(out.utf8)))
        return out
    }

    /// Where each item of a CSV archive came from: its line and its section's columns.
    public struct CSVPlaces: Sendable {
        let fileName: String
        let bytes: [UInt8]
        var places: [ArchiveLocation: (line: Int, columns: [String])] = [:]

        /// "file:line:column" of a field of an item (the start of the row if the field
        /// has no column of its own).
        public func locate(_ location: ArchiveLocation, _ field: String) -> String {
            guard let place = places[location] else { return "\(fileName): \(field)" }
            var name = field.hasPrefix("values.") ? String(field.dropFirst("values.".count)) : field
            if location.kind == .profile, field == "profile" { name = "name" }
            let index = place.columns.firstIndex(of: name).map { $0 + 1 }  // + 1: the `record` column
            var column = 1
            if let index {
                try? CSVReader(bytes: bytes, fileName: fileName).forEachRecord { record throws(CSVError) in
                    if record.line == place.line, index < record.count {
                        column = record.error(at: index, "").column
                    }
                }
            }
            return "\(fileName):\(place.line):\(column) (\(name))"
        }
    }

    /// A problem with one field of a row (index into the row), or with the whole row.
    private struct RowError: Error {
        let field: Int?
        let message: String
    }

    /// The state of a CSV read: the archive so far and where each item came from.
    private struct CSVBuilder {
        var archive = JournalArchive()
        var places: CSVPlaces
        var header: [String]?
        var sawArchive = false
        var profileIndex: [String: Int] = [:]
        var foodIndex: [String: Int] = [:]
        var recipeIndex: [String: Int] = [:]
        var end: End?

        /// Adds one row (the `record` column first).
        mutating func add(_ fields: [String], line: Int) throws(RowError) {
            // The leading ' a version 2 export puts before a cell a spreadsheet would run.
            let fields = sawArchive && archive.version >= firstVersionWithEnd
                ? [fields[0]] + fields.dropFirst().map(CSVWriter.unguarded) : fields
            let kind = fields[0]
            guard end == nil else {
                throw RowError(field: nil, message: "a row after the end row (an export's end row is its last)")
            }
            if kind == "record" {
                header = Array(fields.dropFirst())
                return
            }
            guard let columns = header else {
                throw RowError(field: nil, message: "a row comes before any header row (a header row starts with \"record\")")
            }
            guard let section = csvSections.first(where: { $0.kind == kind }) else {
                throw RowError(field: 0, message: "unknown kind of row \"\(kind.prefix(40))\" (known: \(csvSections.map(\.kind).joined(separator: ", ")))")
            }
            // Check-ins, probiotics and scales came with version 3: an older file has none
            // (and written again as its version, would lose them).
            let beforeCheckIns = !sawArchive || archive.version < firstVersionWithCheckIns
            if beforeCheckIns, kind == "checkin" || kind == "probiotic" {
                throw RowError(field: 0, message: "a \(kind) row in a file of version \(sawArchive ? String(archive.version) : "unknown (no archive row above)"): check-ins, probiotics and scales came with version \(firstVersionWithCheckIns)")
            }
            if kind == "trial", !sawArchive || archive.version < firstVersionWithTrials {
                throw RowError(field: 0, message: "a trial row in a file of version \(sawArchive ? String(archive.version) : "unknown (no archive row above)"): trials came with version \(firstVersionWithTrials)")
            }
            if fields.count != columns.count + 1 {
                throw RowError(field: nil, message: "expected \(columns.count + 1) fields as in the header above, found \(fields.count)")
            }
            var positions: [String: Int] = [:]
            for name in section.columns {
                guard let index = columns.firstIndex(of: name) else {
                    if FoodComponent.allCases.contains(where: { $0.column == name && $0.mayBeAbsent })
                        || csvColumnsThatMayBeAbsent.contains(name) { continue }
                    throw RowError(field: nil, message: "the header above this \(kind) row has no column \"\(name)\"")
                }
                positions[name] = index + 1
            }
            let row = Row(fields: fields, positions: positions)
            let place = (line: line, columns: columns)
            if beforeCheckIns, kind == "profile", !row.text("scales").isEmpty {
                throw RowError(field: 0, message: "a profile's scales in a file of version \(sawArchive ? String(archive.version) : "unknown (no archive row above)"): check-ins, probiotics and scales came with version \(firstVersionWithCheckIns)")
            }
            switch kind {
            case "archive":
                guard !sawArchive else { throw RowError(field: 0, message: "a second archive row") }
                sawArchive = true
                archive.format = row.text("format")
                guard let version = Int(row.text("version")) else {
                    throw row.error("version", "version must be a whole number")
                }
                archive.version = version
                archive.from = row.optional("from")
                archive.to = row.optional("to")
                // The writer guards the archive row's cells too from version 2 on (a `to` of
                // "-2026-12-31" is written "'-2026-12-31"): read them back as written (found by
                // the archive fuzz target; real exports' dates never start so).
                if version >= firstVersionWithEnd {
                    archive.format = CSVWriter.unguarded(archive.format)
                    archive.from = archive.from.map(CSVWriter.unguarded)
                    archive.to = archive.to.map(CSVWriter.unguarded)
                }
                places.places[ArchiveLocation(.archive)] = place
            case "end":
                var counts: [Int] = []
                for kind in countedKinds(version: archive.version) {
                    guard let count = Int(row.text(kind)), count >= 0 else {
                        throw row.error(kind, "\(kind) must be a count, found \"\(row.text(kind).prefix(40))\"")
                    }
                    counts.append(count)
                }
                end = End(counts: counts, sha256: row.text("sha256"), place: "\(places.fileName):\(line)")
            case "profile":
                let name = row.text("name")
                guard profileIndex[name] == nil else { throw row.error("name", "the profile \"\(name)\" appears twice") }
                var age: Int?
                if let ageText = row.optional("age_months") {
                    guard let parsed = Int(ageText) else {
                        throw row.error("age_months", "age_months must be a whole number, found \"\(ageText.prefix(40))\"")
                    }
                    age = parsed
                }
                let active = row.text("active")
                guard active == "yes" || active == "no" else {
                    throw row.error("active", "active must be yes or no, found \"\(active.prefix(40))\"")
                }
                profileIndex[name] = archive.profiles.count
                places.places[ArchiveLocation(.profile, [archive.profiles.count])] = place
                archive.profiles.append(Profile(
                    name: name, sex: row.optional("sex"), ageMonths: age, condition: row.text("condition"),
                    fatThresholdGrams: try row.optionalNumber("fat_threshold_g"),
                    diets: row.text("diets").split(separator: ";").map(String.init),
                    prescribed: row.optional("prescribed").map { $0.split(separator: ";").map(String.init) },
                    active: active == "yes", createdAt: row.text("created_at"),
                    scales: row.optional("scales").map { $0.split(separator: ";").map(String.init) }))
            case "target":
                let p = try row.owner("profile", profileIndex, "profile")
                places.places[ArchiveLocation(.target, [p, archive.profiles[p].targets.count])] = place
                archive.profiles[p].targets.append(Target(nutrient: row.text("nutrient"), value: try row.number("value"),
                                                          setOn: row.text("set_on")))
            case "favourite":
                let p = try row.owner("profile", profileIndex, "profile")
                places.places[ArchiveLocation(.favourite, [p, archive.profiles[p].favourites.count])] = place
                archive.profiles[p].favourites.append(Favourite(foodID: row.text("food_id"), addedAt: row.text("added_at")))
            case "food":
                let id = row.text("id")
                var values: [String: Double] = [:]
                for component in FoodComponent.allCases {
                    if let value = try row.optionalNumber(component.column) { values[component.column] = value }
                }
                foodIndex[id] = archive.customFoods.count
                places.places[ArchiveLocation(.food, [archive.customFoods.count])] = place
                archive.customFoods.append(CustomFood(id: id, description: row.text("description"), values: values,
                                                      portions: [], createdAt: row.text("created_at")))
            case "portion":
                let f = try row.owner("food_id", foodIndex, "food")
                places.places[ArchiveLocation(.portion, [f, archive.customFoods[f].portions.count])] = place
                archive.customFoods[f].portions.append(PortionRecord(
                    amount: try row.number("amount"), description: row.text("description"), grams: try row.number("grams")))
            case "recipe":
                let id = row.text("id")
                recipeIndex[id] = archive.recipes.count
                places.places[ArchiveLocation(.recipe, [archive.recipes.count])] = place
                archive.recipes.append(RecipeRecord(id: id, name: row.text("name"), cookedGrams: try row.number("cooked_g"),
                                                    servings: try row.number("servings"), createdAt: row.text("created_at"),
                                                    ingredients: []))
            case "ingredient":
                let r = try row.owner("recipe_id", recipeIndex, "recipe")
                places.places[ArchiveLocation(.ingredient, [r, archive.recipes[r].ingredients.count])] = place
                archive.recipes[r].ingredients.append(Ingredient(foodID: row.text("food_id"), grams: try row.number("grams")))
            case "checkin":
                let p = try row.owner("profile", profileIndex, "profile")
                places.places[ArchiveLocation(.checkIn, [p, archive.profiles[p].checkIns?.count ?? 0])] = place
                var poem: [Int]?
                if let text = row.optional("poem") {
                    var answers: [Int] = []
                    for part in text.split(separator: ";", omittingEmptySubsequences: false) {
                        guard let value = Int(part) else {
                            throw row.error("poem", "poem must be whole numbers separated by ;, found \"\(text.prefix(40))\"")
                        }
                        answers.append(value)
                    }
                    poem = answers
                }
                archive.profiles[p].checkIns = (archive.profiles[p].checkIns ?? []) + [CheckInRecord(
                    date: row.text("date"), itch: try row.optionalWhole("itch"), spots: try row.optionalWhole("spots"),
                    poem: poem, bristol: try row.optionalWhole("bristol"), bloating: try row.optionalWhole("bloating"),
                    note: row.optional("note"), checkedAt: row.text("checked_at"))]
            case "probiotic":
                let p = try row.owner("profile", profileIndex, "profile")
                places.places[ArchiveLocation(.probiotic, [p, archive.profiles[p].probiotics?.count ?? 0])] = place
                archive.profiles[p].probiotics = (archive.profiles[p].probiotics ?? []) + [ProbioticRecord(
                    date: row.text("date"), strain: row.text("strain"), strainID: row.optional("strain_id"),
                    cfu: try row.number("cfu"), loggedAt: row.text("logged_at"))]
            case "trial":
                let p = try row.owner("profile", profileIndex, "profile")
                places.places[ArchiveLocation(.trial, [p, archive.profiles[p].trials?.count ?? 0])] = place
                guard let weeks = try row.optionalWhole("weeks") else { throw row.error("weeks", "weeks must be a whole number, found nothing") }
                archive.profiles[p].trials = (archive.profiles[p].trials ?? []) + [TrialRecord(
                    name: row.text("name"), kind: row.text("kind"), value: row.text("value"), start: row.text("start"),
                    weeks: weeks, reintroduceWeeks: try row.optionalWhole("reintroduce_weeks") ?? 0,
                    endedOn: row.optional("ended_on"), createdAt: row.text("created_at"))]
            default:  // "entry"
                let p = try row.owner("profile", profileIndex, "profile")
                places.places[ArchiveLocation(.entry, [p, archive.profiles[p].entries.count])] = place
                archive.profiles[p].entries.append(EntryRecord(
                    date: row.text("date"), meal: row.text("meal"), foodID: row.text("food_id"),
                    grams: try row.number("grams"), loggedAt: row.text("logged_at"),
                    measureAmount: try row.optionalNumber("measure_amount"), measureUnit: row.optional("measure_unit")))
            }
        }
    }

    /// One data row, its fields read by column name.
    private struct Row {
        let fields: [String]
        let positions: [String: Int]

        /// The field, or "" where the header leaves out a column that may be absent.
        func text(_ name: String) -> String { positions[name].map { fields[$0] } ?? "" }
        func optional(_ name: String) -> String? {
            let value = text(name)
            return value.isEmpty ? nil : value
        }
        func error(_ name: String, _ message: String) -> RowError { RowError(field: positions[name], message: message) }
        func number(_ name: String) throws(RowError) -> Double {
            let value = text(name)
            guard let parsed = Double(value), parsed.isFinite else {
                throw error(name, "\(name) must be a number, found \"\(value.prefix(40))\"")
            }
            return parsed
        }
        func optionalNumber(_ name: String) throws(RowError) -> Double? {
            text(name).isEmpty ? nil : try number(name)
        }
        func optionalWhole(_ name: String) throws(RowError) -> Int? {
            let value = text(name)
            if value.isEmpty { return nil }
            guard value.utf8.count <= 9, let parsed = Int(value) else {
                throw error(name, "\(name) must be a whole number, found \"\(value.prefix(40))\"")
            }
            return parsed
        }
        func owner(_ name: String, _ index: [String: Int], _ what: String) throws(RowError) -> Int {
            let key = text(name)
            guard let found = index[key] else { throw error(name, "no \(what) \"\(key.prefix(40))\" above this row") }
            return found
        }
    }

    /// Reads a CSV archive. Errors of form (a row of an unknown kind, a row before its
    /// section's header, a number that is not one) name the file, line and column; the
    /// returned places let `validate` do the same for errors of content.
    public static func read(csv bytes: [UInt8], fileName: String) throws(ArchiveError) -> (JournalArchive, CSVPlaces) {
        var builder = CSVBuilder(places: CSVPlaces(fileName: fileName, bytes: bytes))
        do throws(CSVError) {
            try CSVReader(bytes: bytes, fileName: fileName).forEachRecord { record throws(CSVError) in
                var fields: [String] = []
                fields.reserveCapacity(record.count)
                for index in 0..<record.count { fields.append(try record.string(at: index)) }
                do throws(RowError) {
                    try builder.add(fields, line: record.line)
                } catch {
                    if let field = error.field, field < record.count { throw record.error(at: field, error.message) }
                    throw record.recordError(error.message)
                }
            }
        } catch {
            // A cut in the middle of a row leaves a row that does not read; say so.
            let cut = bytes.last != 0x0A && !bytes.isEmpty
            throw ArchiveError(error.description + (cut ? " (the file does not end with a line ending, as an export does: it looks cut off)" : ""))
        }
        guard builder.sawArchive else {
            throw ArchiveError("\(fileName): not an absorb journal export: it has no \"archive\" row (export one with absorb export --format csv)")
        }
        // A file whose CRLF line endings were all turned into LF (by an editor, by git) is
        // checked as absorb wrote it; one with any CR is checked as it is.
        var content = withoutByteOrderMark(bytes)
        if !content.contains(0x0D) {
            var crlf: [UInt8] = []
            crlf.reserveCapacity(content.count + content.count / 40)
            for byte in content {
                if byte == 0x0A { crlf.append(0x0D) }
                crlf.append(byte)
            }
            content = crlf[...]
        }
        try builder.archive.checkEnd(builder.end, bytes: content, fileName: fileName, rendered: csvEnd)
        return (builder.archive, builder.places)
    }
}
