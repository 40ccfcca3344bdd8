import NutrientModel

extension Painter {
    // MARK: Nutrient detail

    mutating func detail(_ nutrient: Nutrient) {
        title(dayTitle)
        let report = state.report(days: 1)
        let score = report.score(of: nutrient)
        let target = score.target
        var y = 1
        canvas.write(" \(nutrient.name)", x: 0, y: y, style: CellStyle(bold: true))
        let amount = score.amount.map { "\(Format.amount($0)) \(nutrient.unit)" } ?? "no data"
        let percent = score.percent.map { " = \(Format.percent($0)) % of target" } ?? ""
        canvas.writeRight("\(amount)\(percent) \(glyphs.mark(score.status))", right: width - 1, y: y,
                          style: color(statusColor(score.status), bold: true))
        y += 1
        let targetText = target.value.map { "\(Format.number($0)) \(nutrient.unit) \(target.kind?.rawValue ?? "")" } ?? "none for this life stage"
        let replaces = target.replacedReference.map { " (replaces \($0.value.map { Format.number($0) } ?? "none") \($0.kind?.rawValue ?? "") \(glyphs.dot) \($0.source))" } ?? ""
        canvas.write(Self.clip(" Target: \(targetText) \(glyphs.dot) \(target.source)\(replaces)", to: width, glyphs: glyphs), x: 0, y: y)
        y += 1
        if let limit = target.upperLimit, let unit = target.upperLimitUnit, let basisText = target.upperLimitText {
            let over = score.upperLimitAmount.map { ", today \(Format.amount($0)) \(unit)" } ?? ""
            canvas.write(Self.clip(" Upper limit: \(Format.amount(limit)) \(unit) of \(basisText)\(over)", to: width, glyphs: glyphs),
                         x: 0, y: y, style: score.status == .aboveUL ? color(.magenta, bold: true) : .plain)
        } else {
            canvas.write(" Upper limit: none set", x: 0, y: y, style: CellStyle(dim: true))
        }
        y += 1
        let review = state.review(of: report)
        let cautions = review.cautions.filter { $0.nutrient == nutrient }
        // A caution comes first: on a small screen it takes the room of the skin note and
        // the chart rather than be cut.
        let roomy = height >= 40 || (cautions.isEmpty && height >= 24)
        if roomy { y = skinNote(nutrient, y: y) }
        let showChart = cautions.isEmpty || height >= 30
        let chartHeight = showChart ? (height >= 30 ? 8 : 5) : -1
        let cautionBottom = height - (showChart ? 6 : 8) - chartHeight
        for caution in cautions where y <= cautionBottom {
            for line in Self.wrap("   \(glyphs.aboveUL) " + caution.sentence, width: width - 1, indent: "     ")
                .prefix(max(0, cautionBottom - y + 1)) {
                canvas.write(line, x: 0, y: y, style: color(.magenta, bold: true))
                y += 1
            }
        }
        if nutrient.isFatSolubleVitamin, !report.entries.isEmpty {
            let pairing = review.fatPairing
            let share = pairing.withoutAdvice.contains(nutrient) ? FatPairingReport.noAdviceText
                : pairing.pairedShare[nutrient].map { "\(Format.percent($0 * 100)) % eaten in meals with at least \(Format.number(pairing.thresholdGrams)) g fat" } ?? "none eaten"
            if y <= height - 5 - chartHeight {
                canvas.write(Self.clip("   Fat pairing: \(share)", to: width, glyphs: glyphs), x: 0, y: y, style: CellStyle(dim: true))
                y += 1
            }
            for flag in pairing.flags where flag.nutrient == nutrient && y <= height - 5 - chartHeight {
                let text = "   \(glyphs.fatFlag) \(state.data.meals.label(of: flag.meal)): \(Format.amount(flag.amount)) \(nutrient.unit) with \(Format.number(flag.fatGrams, decimals: 1)) g fat: \(flag.suggestion)"
                for line in Self.wrap(text, width: width - 1, indent: "     ").prefix(max(0, height - 5 - chartHeight - y + 1)) {
                    canvas.write(line, x: 0, y: y, style: color(.yellow))
                    y += 1
                }
            }
        }
        rule(y)
        canvas.write(" Where it came from ", x: 2, y: y, style: CellStyle(bold: true))
        y += 1
        // Each food's contribution today, largest first, with its share: the model's.
        let contributions = review.sources[nutrient] ?? []
        let listBottom = height - 4 - chartHeight - 1
        if contributions.isEmpty {
            canvas.write(report.entries.isEmpty ? "   nothing logged on this day" : "   no logged food has a value",
                         x: 0, y: y, style: CellStyle(dim: true))
            y += 1
        }
        for item in contributions where y <= listBottom {
            let right = "\(Format.amount(item.amount)) \(nutrient.unit)  \(Format.percent(item.share * 100).leftPad(3)) %"
            canvas.write("   \(item.description) (\(Format.number(item.grams, decimals: 1)) g)", x: 0, y: y, maxWidth: width - right.count - 3)
            canvas.writeRight(right, right: width - 1, y: y)
            y += 1
        }
        if !score.missingDataFoods.isEmpty, y <= listBottom {
            let coverage = score.coverage.map { "\(Format.percent($0 * 100)) %" } ?? "—"
            canvas.write("   \(glyphs.incomplete) No value (coverage \(coverage)): \(score.missingDataFoods.joined(separator: "; "))",
                         x: 0, y: y, style: color(.yellow), maxWidth: width - 1)
            y += 1
        }
        if showChart { chart(nutrient, top: height - 3 - chartHeight, rows: chartHeight) }
        messageLine()
        keyBar("↑↓ nutrient  ←→ day  f best foods  a add  Esc back  ? help  q back")
    }

    /// The last 14 days as columns scaled to 1.5 × target, with the target as a line.
    mutating func chart(_ nutrient: Nutrient, top: Int, rows: Int) {
        rule(top - 1)
        canvas.write(" Last 14 days, % of target ", x: 2, y: top - 1, style: CellStyle(bold: true))
        let columnWidth = max(3, min(6, (width - 8) / 14))
        let left = 6
        var percents: [Double?] = []
        for offset in (0..<14).reversed() {
            let score = state.report(days: 1, endingOn: state.day.adding(days: -offset)).score(of: nutrient)
            percents.append(score.percent)
        }
        let scale = 150.0
        let targetRow = top + rows - 1 - Int((100 / scale * Double(rows)).rounded(.down))
        canvas.writeRight("100", right: left - 1, y: targetRow, style: CellStyle(dim: true))
        canvas.writeRight("0", right: left - 1, y: top + rows - 1, style: CellStyle(dim: true))
        for (index, percent) in percents.enumerated() {
            let x = left + index * columnWidth
            let date = state.day.adding(days: index - 13)
            let units = Int(((min(percent ?? 0, scale) / scale) * Double(rows * 8)).rounded())
            for row in 0..<rows {
                let y = top + rows - 1 - row
                let filled = units - row * 8
                let character: Character
                if filled >= 8 { character = glyphs.levels[7] } else if filled > 0 { character = glyphs.levels[filled - 1] } else if y == targetRow { character = glyphs.rule } else { character = " " }
                let style = filled > 0 ? color((percent ?? 0) >= 100 ? .green : .yellow) : CellStyle(dim: true)
                canvas.fill(character, x: x, y: y, width: columnWidth - 1, style: style)
            }
            let label = percent.map(Format.percent) ?? (state.entries(on: date).isEmpty ? "·" : "?")
            canvas.write(String(label.suffix(columnWidth - 1)), x: x, y: top + rows, style: date == state.day ? CellStyle(bold: true) : CellStyle(dim: true))
        }
    }

    // MARK: Add food

    mutating func addFood(_ search: FoodSearch) {
        title("Add food \(glyphs.dot) \(state.day.longDescription)")
        canvas.write(" Search: ", x: 0, y: 2, style: CellStyle(bold: true))
        let end = canvas.write(search.query, x: 9, y: 2)
        canvas.write(String(glyphs.cursor), x: end, y: 2)
        let heading: String
        if search.showingRecent {
            heading = search.results.isEmpty ? "Type part of a food's name: words in any order, prefixes work (salmon cook)"
                : state.favourites.isEmpty ? "Recently used" : "Favourites, then recently used"
        } else {
            heading = search.results.isEmpty ? "No food matches \"\(search.query)\"" : "\(search.results.count == 200 ? "200+" : String(search.results.count)) matches"
        }
        canvas.write(" " + heading, x: 0, y: 3, style: CellStyle(dim: true), maxWidth: width)
        let top = 4
        let rows = height - 2 - top
        let start = max(0, min(search.selected - rows / 2, search.results.count - rows))
        for (offset, food) in search.results.dropFirst(start).prefix(rows).enumerated() {
            let y = top + offset
            let id = state.data.foods.ids[food]
            let mark = state.favourites.contains(id) ? glyphs.favourite : " "
            let end = canvas.write(" \(mark)\(id.padding(toLength: 6, withPad: " ", startingAt: 0)) \(state.data.foods.descriptions[food])",
                                   x: 0, y: y, maxWidth: width - 1)
            if let reason = state.dietExclusion(food), end < width - 4 {
                canvas.write("  \(glyphs.dot) \(reason)", x: end, y: y, style: CellStyle(dim: true), maxWidth: width - 1 - end)
            }
            if start + offset == search.selected { canvas.style(x: 0, y: y, width: width, CellStyle(reverse: true)) }
        }
        messageLine()
        keyBar("type search  ↑↓ pick  ⏎ choose  ^F favourite  ^N new food  ^U clear  Esc back")
    }

    // MARK: A new food from its label

    mutating func newFood(_ form: CustomFoodForm) {
        title("New food \(glyphs.dot) from its label")
        canvas.write(" The values of one serving, as the label gives them; leave a value empty if it is not given.",
                     x: 0, y: 1, style: CellStyle(dim: true), maxWidth: width - 1)
        let fields = CustomFoodForm.fields
        let top = 2
        let rows = max(1, height - 4 - top)
        let start = max(0, min(form.selected - rows / 2, fields.count - rows))
        for (offset, field) in fields.enumerated().dropFirst(start).prefix(rows).map({ $0 }).enumerated() {
            let (index, kind) = field
            let y = top + offset
            let selected = index == form.selected
            canvas.write(" " + Dashboard.label(of: kind, in: form).padding(toLength: 38, withPad: " ", startingAt: 0), x: 0, y: y,
                         style: selected ? CellStyle(bold: true) : .plain, maxWidth: width - 1)
            var text = form.texts[index]
            if text.isEmpty, !selected {
                switch kind {
                case .value: text = "unknown"
                case .form(let component): text = component == .vitaminE ? "not given: counted as synthetic" : "not given"
                default: break
                }
            }
            let end = canvas.write(text, x: 40, y: y,
                                   style: form.texts[index].isEmpty && !selected ? CellStyle(dim: true) : .plain, maxWidth: width - 41)
            if selected { canvas.write(String(glyphs.cursor), x: min(end, width - 1), y: y) }
        }
        // What ←→ does on the selected field, if anything.
        var hint: String?
        switch fields[form.selected] {
        case .value(let component) where CustomFoodForm.unitChoices.contains(component):
            hint = "←→ unit: \(component.unit) or IU (converted by Data/conversions.csv)"
        case .form(.vitaminA):
            hint = "←→ retinol, beta-carotene or 50%-beta-carotene; digits: the % as beta-carotene"
        case .form:
            hint = "←→ natural (d-, RRR-) or synthetic (dl-, all-rac-alpha-tocopherol)"
        default:
            break
        }
        if let error = form.error {
            // Two lines: an error names the choices.
            let lines = Painter.wrap(" ! " + error, width: width - 1, indent: "   ")
            for (offset, line) in lines.prefix(2).enumerated() {
                canvas.write(line, x: 0, y: height - (lines.count > 1 ? 4 : 3) + offset, style: color(.red, bold: true), maxWidth: width - 1)
            }
        } else if let hint {
            canvas.write(" " + hint, x: 0, y: height - 4, style: CellStyle(dim: true), maxWidth: width - 1)
        }
        messageLine()
        keyBar("type value  ↑↓ Tab field  ←→ unit/form  ⏎ next  ^S save  Esc back")
    }

    // MARK: Amount and meal

    mutating func amount(_ form: AmountForm) {
        let food = state.data.foods.food(at: form.food)
        title(form.editing == nil ? "Add food \(glyphs.dot) \(state.day.longDescription)" : "Change entry")
        canvas.write(" \(food.description)", x: 0, y: 1, style: CellStyle(bold: true), maxWidth: width - 1)
        canvas.write(" \(food.id) \(glyphs.dot) \(food.group)", x: 0, y: 2, style: CellStyle(dim: true), maxWidth: width - 1)
        var end = canvas.write(" Amount: ", x: 0, y: 4, style: CellStyle(bold: true))
        end = canvas.write(form.amountText, x: end, y: 4)
        end = canvas.write(String(glyphs.cursor), x: end, y: 4)
        let units = ["g"] + food.portions.map { "\($0.description) (\(Format.number($0.gramsPerUnit, decimals: 1)) g)" }
        canvas.write("  \(glyphs.previous.first == "<" ? "^" : "↑") \(units[form.unit]) \(glyphs.previous.first == "<" ? "v" : "↓")", x: end, y: 4, maxWidth: width - end - 1)
        let result = grams(of: form, in: state)
        if case .success(let grams) = result {
            canvas.write(" = \(Format.number(grams, decimals: 1)) g", x: 9, y: 5, style: CellStyle(dim: true))
        }
        var x = canvas.write(" Meal:   ", x: 0, y: 6, style: CellStyle(bold: true))
        for meal in Meal.allCases {
            let label = state.data.meals.label(of: meal)
            x = canvas.write(" \(label) ", x: x, y: 6, style: meal == form.meal ? CellStyle(bold: true, reverse: true) : .plain)
            x += 1
        }
        if let error = form.error {
            canvas.write(" ! " + error, x: 0, y: 7, style: color(.red, bold: true), maxWidth: width - 1)
        }
        rule(8)
        canvas.write(form.editing == nil ? " This entry adds " : " The entry will give ", x: 2, y: 8, style: CellStyle(bold: true))
        if case .success(let grams) = result {
            // What the day has without this entry (when changing one, without its old amount).
            let preview = state.report(days: 1, excluding: form.editing?.id).preview(adding: food.values, grams: grams)
            for (row, item) in preview.enumerated() where 9 + row < height - 2 {
                let y = 9 + row
                canvas.write(" \(item.nutrient.name)", x: 0, y: y, maxWidth: 34)
                guard let added = item.added else {
                    canvas.write("no value (unknown, not zero)", x: 36, y: y, style: color(.yellow))
                    continue
                }
                var text = "+\(Format.amount(added)) \(item.nutrient.unit)"
                if let was = item.percentBefore, let will = item.percentAfter {
                    text += "   \(Format.percent(was)) % \(glyphs.next.first == ">" ? "->" : "→") \(Format.percent(will)) % of target"
                }
                canvas.write(text, x: 36, y: y, maxWidth: width - 37)
            }
        } else if case .failure(let error) = result, form.error == nil {
            canvas.write(" " + error.description, x: 0, y: 9, style: CellStyle(dim: true), maxWidth: width - 1)
        }
        messageLine()
        keyBar("0-9 amount  ↑↓ unit  g grams  ←→ meal  ⏎ save  Esc back")
    }

    // MARK: Profile

    mutating func profile(_ form: ProfileForm) {
        title("Profile")
        let person = state.profile.profile
        let values: [(ProfileForm.Field, String, String)] = [
            (.name, "Name", person.name),
            (.sex, "Sex", person.sex?.rawValue ?? "not set"),
            (.age, "Age", person.ageText ?? "not set"),
            (.condition, "Pregnant/lactating", person.condition == .none ? "neither" : person.condition.rawValue),
        ]
        for (row, (field, label, value)) in values.enumerated() {
            let y = 2 + row
            canvas.write(" \(label)", x: 0, y: y, style: CellStyle(bold: true))
            var shown = value
            if field == form.field, let text = form.editingText { shown = text + String(glyphs.cursor) }
            canvas.write(shown, x: 22, y: y)
            if field == form.field { canvas.style(x: 20, y: y, width: max(20, shown.count + 4), CellStyle(reverse: form.editingText == nil, dim: false)) }
        }
        var y = 7
        if let error = form.error {
            canvas.write(" ! " + error, x: 0, y: y, style: color(.red, bold: true), maxWidth: width - 1)
        }
        y += 1
        canvas.write(" Life stage: \(state.targets.lifeStage)", x: 0, y: y, style: CellStyle(bold: true))
        if state.profiles.count > 1 {
            canvas.writeRight("profile \((state.profiles.firstIndex { $0.id == state.profile.id } ?? 0) + 1) of \(state.profiles.count)", right: width - 1, y: y, style: CellStyle(dim: true))
        }
        y += 1
        if let note = state.targets.defaultsNote {
            canvas.write(" " + note, x: 0, y: y, style: color(.yellow), maxWidth: width - 1)
            y += 1
        }
        rule(y)
        y += 1
        for nutrient in Nutrient.allCases where y < height - 2 {
            let target = state.targets.targets[nutrient]!
            let value = target.value.map { "\(Format.number($0)) \(nutrient.unit)" } ?? "none"
            let limit = target.upperLimit.map { "UL \(Format.number($0))" } ?? "no UL"
            canvas.write(" \(nutrient.shortName)", x: 0, y: y)
            canvas.write("\(value) \(target.kind?.rawValue ?? "")", x: 13, y: y, style: CellStyle(bold: true))
            canvas.write(limit, x: 33, y: y, style: CellStyle(dim: true))
            var source = target.source
            if let replaced = target.replacedReference {
                source += " \(glyphs.dot) replaces \(replaced.value.map { Format.number($0) } ?? "none") \(replaced.kind?.rawValue ?? "")"
            }
            canvas.write(source, x: 46, y: y, style: target.replacedReference == nil ? CellStyle(dim: true) : color(.cyan),
                         maxWidth: width - 47)
            y += 1
        }
        messageLine()
        keyBar(form.editingText == nil ? "↑↓ field  ⏎ change  s switch profile  n new profile  Esc back" : "type value  ⏎ save  Esc cancel")
    }

    // MARK: Help

    mutating func help(_ from: HelpReturn) {
        title("Keys")
        // Esc goes back on every screen: the key bar says so, the groups do not repeat it.
        let groups: [(String, [(String, String)])] = [
            ("Day", [("←→ h l", "previous / next day"), ("[ ]", "a week back / forward"), ("t :", "today / go to a date"),
                     ("↑↓ j k", "move the selection"), ("Tab", "nutrients / entries"), ("⏎", "detail, or change entry"),
                     ("a /", "add a food"), ("e", "change the entry"), ("d x Del / u", "delete / undo it"),
                     ("y", "copy the day before here"), ("m", "repeat the entry's meal today"),
                     ("v", "day / 7-day / 30-day"), ("w", "trends, 30 days"), ("g", "plan to close the gaps"),
                     ("p c s", "profile, check-in, skin"), ("q ^C", "quit")]),
            ("Add food", [("type", "search, words any order"), ("↑↓ PgUp PgDn", "pick"), ("⏎", "choose"), ("^U ^F ^N", "clear, favourite, new food"),
                          ("←→ ^S", "new food: unit or form, save")]),
            ("Amount", [("0-9 . / ½", "the amount"), ("↑↓", "grams or a measure"), ("g", "grams"), ("←→ b l d s", "the meal"),
                        ("⏎", "save")]),
            ("Detail", [("↑↓", "another nutrient"), ("←→", "another day"), ("f", "best foods for it")]),
            ("Profile", [("↑↓", "field"), ("⏎ space", "change it"), ("s", "switch profile"), ("n", "new profile")]),
        ]
        // The marks, on one line above the key bar.
        let marks: [(Character, String)] = [
            (glyphs.veryLow, "very low"), (glyphs.low, "low"), (glyphs.met, "met"), (glyphs.aboveUL, "above UL"),
            (glyphs.incomplete, "a food lacks data"),
        ]
        var x = 1
        let marksY = height - 3
        x = canvas.write("Marks:", x: x, y: marksY, style: CellStyle(bold: true)) + 1
        for (mark, meaning) in marks {
            x = canvas.write(" \(mark)", x: x, y: marksY, style: CellStyle(bold: true))
            x = canvas.write(" \(meaning) ", x: x, y: marksY)
        }
        // The keys, group by group, down columns of 40 or more; blank lines between the
        // groups only where there is room for them.
        let columns = max(1, width / 40)
        let columnWidth = width / columns
        let rows = marksY - 2
        let keyCount = groups.reduce(0) { $0 + 1 + $1.1.count }
        let spaced = keyCount + groups.count - 1 <= columns * rows
        var lines: [(key: String, meaning: String, isHeading: Bool)] = []
        for (index, (name, keys)) in groups.enumerated() {
            if spaced, index > 0 { lines.append(("", "", false)) }
            lines.append((name, "", true))
            lines += keys.map { ($0.0, $0.1, false) }
        }
        var column = 0
        var y = 2
        for line in lines {
            if y >= 2 + rows {
                column += 1
                y = 2
                if line.key.isEmpty { continue }
            }
            guard column < columns else {
                canvas.writeRight("(a larger terminal shows every key)", right: width - 1, y: marksY - 1, style: CellStyle(dim: true))
                break
            }
            let left = column * columnWidth
            if line.isHeading {
                canvas.write(" \(line.key)", x: left, y: y, style: CellStyle(bold: true))
            } else if !line.key.isEmpty {
                canvas.write("  \(line.key)", x: left, y: y, style: CellStyle(bold: true), maxWidth: 14)
                canvas.write(line.meaning, x: left + 15, y: y, maxWidth: columnWidth - 16)
            }
            y += 1
        }
        keyBar("Esc back  ? back")
    }
}

extension String {
    func leftPad(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
