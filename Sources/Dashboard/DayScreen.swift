import NutrientModel

/// The day screen: a row per nutrient (bar, amount, target, percent, marks, fat share and
/// the compared period) and the day's entries by meal. Its state is the day's fields of
/// `AppState`: the day, the period, the focus and the selections.
enum DayScreen: ScreenComponent {
    enum Command: Sendable {
        case move(DayMove), up, down, panel, open, edit, delete, undo, add, profile, goToDate, period, trends, gaps,
             restoreDemo, copyDayBefore, repeatMeal, checkIn, skinGut, trial
    }

    static let helpTitle = "Day"

    static let bindings: [KeyBinding<Command>] = {
        let onNutrients: @Sendable (AppState) -> Bool = { $0.focus == .nutrients }
        let onEntries: @Sendable (AppState) -> Bool = { $0.focus == .entries }
        let inDemo: @Sendable (AppState) -> Bool = { $0.banner != nil }
        var table: [KeyBinding<Command>] = [
            KeyBinding([.character("a"), .character("/")], "a /", "add a food", bar: "a add", .add),
            KeyBinding([.enter], "⏎", "detail, or change the entry", bar: "⏎ detail", .open, barWhen: onNutrients),
            KeyBinding([.character("e")], "e", "change the entry", bar: "e edit", .edit, barWhen: onEntries),
            KeyBinding([.character("d"), .character("x"), .delete], "d x Del", "delete the entry", bar: "d delete", .delete,
                       barWhen: onEntries),
            KeyBinding([.character("u")], "u", "undo", bar: "u undo", .undo, barWhen: onEntries),
            KeyBinding([.tab, .backTab], "Tab", "nutrients / entries", bar: "Tab entries", .panel, barWhen: onNutrients),
            KeyBinding([.tab, .backTab], "Tab", "nutrients / entries", bar: "Tab nutrients", .panel, barWhen: onEntries),
        ]
        table += DayMove.bindings(Command.move, todayInBar: onEntries)
        table += [
            KeyBinding([.character(":")], ":", "go to a date", .goToDate),
            KeyBinding([.up, .character("k")], "↑↓ j k", "move the selection", .up),
            KeyBinding([.down, .character("j")], "↑↓ j k", "move the selection", .down),
            KeyBinding([.character("v")], "v", "day / 7-day / 30-day", bar: "v 7/30", .period, barWhen: onNutrients),
            KeyBinding([.character("w")], "w", "trends, 30 days", bar: "w trends", .trends, barWhen: onNutrients),
            KeyBinding([.character("g")], "g", "plan to close the gaps", bar: "g gaps", .gaps, barWhen: onNutrients),
            KeyBinding([.character("r")], "r", "demo: back as it started", bar: "r restore", .restoreDemo, when: inDemo,
                       barWhen: { $0.banner != nil && $0.focus == .nutrients }, helpWhen: inDemo),
            KeyBinding([.character("p")], "p", "profile", bar: "p profile", .profile,
                       barWhen: { $0.focus == .entries || $0.banner == nil }),
            KeyBinding([.character("y")], "y", "copy the day before here", .copyDayBefore),
            KeyBinding([.character("m")], "m", "repeat its meal today", .repeatMeal),
            // In the bar where there is room (the bar drops the items before help and quit
            // from the last: these go first, at 80 columns).
            KeyBinding([.character("c")], "c", "check in: the day's skin and gut", bar: "c check in", .checkIn, barWhen: onNutrients),
            KeyBinding([.character("s")], "s", "skin and gut over 30 or 90 days", bar: "s skin", .skinGut, barWhen: onNutrients),
            KeyBinding([.character("T")], "T", "the trial: phases, adherence, what changed (n starts one)", .trial),
        ]
        return table
    }()

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        let entries = state.dayEntries
        switch command {
        case .move(let move):
            DayMove.perform(move, &state)
        case .up:
            if state.focus == .nutrients {
                state.selectedNutrient = max(0, state.selectedNutrient - 1)
            } else {
                state.selectedEntry = max(0, state.selectedEntry - 1)
            }
        case .down:
            if state.focus == .nutrients {
                state.selectedNutrient = min(Nutrient.allCases.count - 1, state.selectedNutrient + 1)
            } else {
                state.selectedEntry = min(max(0, entries.count - 1), state.selectedEntry + 1)
            }
        case .panel:
            if state.focus == .nutrients, !entries.isEmpty {
                state.focus = .entries
                state.selectedEntry = min(state.selectedEntry, entries.count - 1)
            } else if state.focus == .nutrients {
                state.message = .init(text: "No entries on this day to select \(state.glyphs.dot) a adds a food", isError: false)
            } else {
                state.focus = .nutrients
            }
        case .open:
            if state.focus == .nutrients {
                state.push(.detail(Nutrient.allCases[state.selectedNutrient]))
            } else if let entry = entries[safe: state.selectedEntry] {
                state.push(.amount(AmountScreen.editForm(for: entry, in: state)))
            }
        case .edit:
            if state.focus == .entries, let entry = entries[safe: state.selectedEntry] {
                state.push(.amount(AmountScreen.editForm(for: entry, in: state)))
            } else {
                state.message = .init(text: "Tab to the entries, pick one, then e changes it", isError: false)
            }
        case .delete:
            if state.focus == .entries, let entry = entries[safe: state.selectedEntry] {
                return [.deleteEntry(entry)]
            }
            state.message = .init(text: "Tab to the entries, pick one, then d deletes it", isError: false)
        case .undo:
            return state.undo()
        case .add:
            state.push(.addFood(search("", in: state)))
        case .profile:
            state.push(.profile(ProfileForm()))
        case .checkIn:
            state.push(.skinGut(.checkIn(for: state.day, in: state, returningToDay: true)))
        case .skinGut:
            state.push(.skinGut(SkinGutScreen()))
        case .trial:
            state.push(.trial(TrialView()))
        case .goToDate:
            state.push(.goToDate(text: "", error: nil))
        case .period:
            state.period = state.period.next
        case .trends:
            state.push(.trends)
        case .gaps:
            state.makePlan()
            state.push(.gaps(GapsView()))
        case .restoreDemo:
            return [.restoreDemo]
        case .copyDayBefore:
            let before = state.day.adding(days: -1)
            let previous = state.entries(on: before)
            guard !previous.isEmpty else {
                state.message = .init(text: "Nothing logged on \(before.longDescription) to copy", isError: false)
                return []
            }
            let effects = [Effect.addEntries(previous.map {
                NewEntry(date: state.day, meal: $0.meal, foodID: $0.foodID, grams: $0.grams, measure: $0.measure)
            })]
            state.push(.confirm(Confirmation(
                question: "Copy \(Format.count(previous.count, "entry", "entries")) from \(before.longDescription) to \(state.day.longDescription)?",
                effects: effects)))
        case .repeatMeal:
            guard state.focus == .entries, let entry = entries[safe: state.selectedEntry] else {
                state.message = .init(text: "Tab to the entries, pick one, then m repeats its meal today", isError: false)
                return []
            }
            let meal = entries.filter { $0.meal == entry.meal }
            let effects = [Effect.addEntries(meal.map {
                NewEntry(date: state.today, meal: $0.meal, foodID: $0.foodID, grams: $0.grams, measure: $0.measure)
            })]
            state.push(.confirm(Confirmation(
                question: "Repeat \(state.data.meals.label(of: entry.meal)) (\(Format.count(meal.count, "entry", "entries"))) on today, \(state.today.longDescription)?",
                effects: effects, thenDay: state.today)))
        }
        return []
    }

    static func title(_ state: AppState) -> String? { Painter.dayTitle(state) }

    static func statusLine(_ state: AppState) -> StatusLine? {
        guard state.targets.defaultsNote != nil, state.height >= 20 else { return nil }
        return .note("Targets are defaults until sex and age are set: p", color: .yellow, dim: false)
    }

    static func draw(_ painter: inout Painter, in area: Area) { painter.day(in: area) }
}

extension Painter {
    // MARK: Day

    mutating func day(in area: Area) {
        let period = state.period
        let main = state.report(days: period.days)
        let other = state.report(days: period.comparedDays)
        let review = state.review(of: main)
        let pairing = review.fatPairing
        let dayPairing = period == .day ? pairing : state.fatPairing(of: state.report(days: 1))
        let dayFlags = dayPairing.flags
        // Column layout: name | bar | amount / target | % | marks | fat-paired % | other period %.
        // Wide terminals get the nutrients' full names and units.
        let wide = width >= 110
        let nameWidth = wide ? Nutrient.allCases.map(\.name.count).max()! : 12
        let weekWidth = 7
        let fatWidth = 5
        let numbersWidth = wide ? 34 : 27
        let barX = nameWidth + 2
        // Past 140 columns the table keeps its width: a longer bar would put the figures
        // far from the names they belong to.
        let tableWidth = min(width, 140)
        let barWidth = max(6, tableWidth - barX - numbersWidth - fatWidth - weekWidth - 2)
        let numbersX = barX + barWidth + 1
        let fatX = numbersX + numbersWidth
        let weekX = tableWidth - weekWidth
        canvas.write("Nutrient", x: 1, y: 1, style: CellStyle(bold: true))
        let targetColumn = Self.targetColumn(barWidth: barWidth)
        canvas.write(period == .day ? "day \(glyphs.dot) to target" : "\(period.label) average", x: barX, y: 1, style: CellStyle(dim: true), maxWidth: targetColumn)
        canvas.write(String(glyphs.targetMark), x: barX + targetColumn, y: 1, style: CellStyle(dim: true))
        canvas.writeRight("amount / target    %", right: fatX - 1, y: 1, style: CellStyle(bold: true))
        canvas.writeRight("fat", right: fatX + fatWidth - 1, y: 1, style: CellStyle(bold: true))
        canvas.write("\(glyphs.divider)\(String(period.comparedLabel.suffix(6)).leftPad(6))", x: weekX, y: 1, style: CellStyle(bold: true))
        for (row, score) in main.scores.enumerated() {
            let y = 2 + row
            let selected = state.focus == .nutrients && row == state.selectedNutrient && state.screen == .day
            let nutrient = score.nutrient
            canvas.write(wide ? nutrient.name : nutrient.shortName, x: 1, y: y, maxWidth: nameWidth)
            bar(score, x: barX, y: y, width: barWidth)
            let amount = score.amount.map(Format.amount) ?? "—"
            let target = score.target.value.map(Format.amount) ?? "none"
            let unit = " " + (wide ? nutrient.unit : nutrient.shortUnit)
            let numbers = "\(amount)\(unit) / \(target)"
            canvas.writeRight(numbers, right: numbersX + numbersWidth - 8, y: y)
            let percent = score.percent.map(Self.shortPercent) ?? "—"
            canvas.writeRight(percent, right: numbersX + numbersWidth - 3, y: y, style: color(statusColor(score.status), bold: true))
            canvas.write(String(glyphs.mark(score.status)), x: numbersX + numbersWidth - 2, y: y, style: color(statusColor(score.status), bold: true))
            if score.isIncomplete {
                canvas.write(String(glyphs.incomplete), x: numbersX + numbersWidth - 1, y: y, style: color(.yellow, bold: true))
            }
            // The share eaten with enough fat, and a flag where a meal of the day had too little.
            if nutrient.isFatSolubleVitamin, let share = pairing.pairedShare[nutrient] {
                let flagged = dayFlags.contains { $0.nutrient == nutrient }
                canvas.writeRight(Format.percent(share * 100), right: fatX + fatWidth - 1, y: y,
                                  style: flagged ? color(.yellow) : CellStyle(dim: true))
                if flagged { canvas.write(String(glyphs.fatFlag), x: fatX + fatWidth - 1, y: y, style: color(.yellow, bold: true)) }
            }
            let otherScore = other.scores[row]
            canvas.write(String(glyphs.divider), x: weekX, y: y)
            let otherPercent = otherScore.percent.map(Self.shortPercent) ?? "—"
            canvas.writeRight(otherPercent, right: weekX + 6, y: y, style: color(statusColor(otherScore.status)))
            if otherScore.status == .aboveUL {
                canvas.write(String(glyphs.aboveUL), x: weekX + 6, y: y, style: color(statusColor(.aboveUL), bold: true))
            } else if otherScore.isIncomplete {
                canvas.write(String(glyphs.incomplete), x: weekX + 6, y: y, style: color(.yellow))
            }
            if selected { canvas.style(x: 0, y: y, width: nameWidth + 1, CellStyle(reverse: true)) }
        }
        let ruleY = 2 + Nutrient.allCases.count
        rule(ruleY)
        let coverage = period == .day
            ? "\(other.loggedDays) logged day\(other.loggedDays == 1 ? "" : "s") in the \(period.comparedLabel)"
            : "\(period.label) average of \(main.loggedDays) logged day\(main.loggedDays == 1 ? "" : "s")"
        // Below the entries, one line per meal the day flags for fat pairing, where there is room.
        var flaggedMeals: [(meal: Meal, fat: Double, vitamins: [Nutrient])] = []
        for flag in dayFlags {
            if let last = flaggedMeals.indices.last, flaggedMeals[last].meal == flag.meal {
                flaggedMeals[last].vitamins.append(flag.nutrient)
            } else {
                flaggedMeals.append((flag.meal, flag.fatGrams, [flag.nutrient]))
            }
        }
        // Cautions come before absorption advice: an upper limit passed, a pregnancy risk.
        let cautions = review.cautions.prefix(max(0, (height - ruleY - 5) / 2))
        let flagLines = flaggedMeals.prefix(max(0, (height - ruleY - 5) / 2 - cautions.count))
        let entriesBottom = height - 3 - flagLines.count - cautions.count
        // A large terminal gives each meal a line of its own figures (the model's fat pairing).
        entries(from: ruleY + 1, to: entriesBottom, meals: width >= 100 && height >= 30 ? dayPairing.meals.filter { $0.date == state.day } : [])
        // The last 7 days beside them: the reports already made where the period is a day or
        // a week (the day's, the 7-day), not made again.
        let reports = (day: period == .day ? main : nil as Report?, week: [main, other].first { $0.range.dayCount == 7 })
        if width - Self.listRight(width) - 2 >= 54 {
            weekBeside(from: ruleY + 1, to: entriesBottom, made: reports)
        } else {
            // No room beside: below the entries, where they leave the rows for it.
            let showsMeals = width >= 100 && height >= 30
            let entryCount = state.dayEntries.count
            let used = max(1, entryCount + (showsMeals ? Set(state.dayEntries.map(\.meal)).count : 0))
            if entryCount + (showsMeals ? Set(state.dayEntries.map(\.meal)).count : 0) <= entriesBottom - ruleY {
                weekBeside(from: ruleY + 2 + used, to: entriesBottom, left: 1, made: reports)
            }
        }
        // The rule's label: how many days the figures cover and, where the entries scroll,
        // which of them are shown; one text, so the two never overlap.
        let ruleLabel = [coverage, entriesShown(from: ruleY + 1, to: entriesBottom)].compactMap { $0 }.joined(separator: " \(glyphs.dot) ")
        canvas.writeRight(" \(Self.clip(ruleLabel, to: width - 6, glyphs: glyphs)) ", right: width - 2, y: ruleY, style: CellStyle(dim: true))
        for (offset, caution) in cautions.enumerated() {
            let text = " \(glyphs.aboveUL) \(caution.headline)\(caution.nutrient == nil ? "" : " " + glyphs.keys("(⏎ on it: more)"))"
            canvas.write(Self.clip(text, to: width, glyphs: glyphs), x: 0, y: entriesBottom + 1 + offset, style: color(.magenta, bold: true))
        }
        for (offset, flagged) in flagLines.enumerated() {
            let names = flagged.vitamins.map { $0.shortName.replacingOccurrences(of: "Vitamin ", with: "") }.joined(separator: ", ")
            let text = " \(glyphs.fatFlag) \(state.data.meals.label(of: flagged.meal)): vitamin \(names) with \(Format.number(flagged.fat, decimals: 1)) g fat: poorly absorbed \(glyphs.keys("(⏎ on it: what to do)"))"
            canvas.write(Self.clip(text, to: width, glyphs: glyphs), x: 0, y: entriesBottom + 1 + cautions.count + offset, style: color(.yellow))
        }
    }

    /// A percent in at most four columns: past 999 % the table shows "999+" (the detail
    /// screen gives the figure).
    static func shortPercent(_ percent: Double) -> String {
        percent >= 999.5 ? "999+" : Format.percent(percent)
    }

    /// A bar's scale, as a multiple of the target: room to see an intake above it.
    static let barScale = 1.5

    /// The column of a bar where the target falls.
    static func targetColumn(barWidth: Int) -> Int { Int((Double(barWidth) / barScale).rounded()) - 1 }

    /// A nutrient's bar: the scale runs to 1.5 × target; the target and, where it falls
    /// on the scale, the upper limit are marked.
    mutating func bar(_ score: NutrientScore, x: Int, y: Int, width barWidth: Int) {
        guard let target = score.target.value, target > 0 else {
            canvas.write(score.amount == nil ? "" : "no reference intake", x: x, y: y, style: CellStyle(dim: true), maxWidth: barWidth)
            return
        }
        let scale = target * Self.barScale
        let targetColumn = Self.targetColumn(barWidth: barWidth)
        let amount = score.amount ?? 0
        let style = color(statusColor(score.status))
        let bar = ProgressBar(value: amount, scale: scale, glyphs: glyphs, style: style)
        bar.draw(into: &canvas, in: Area(x: x, y: y, width: barWidth, height: 1))
        // The target mark: dim where the bar stops short of it, in the bar's colour where it reaches it.
        let eighths = bar.filledEighths(width: barWidth)
        if eighths / 8 <= targetColumn, eighths <= targetColumn * 8 {
            canvas.write(String(glyphs.targetMark), x: x + targetColumn, y: y, style: CellStyle(dim: true))
        } else {
            canvas.write(String(glyphs.targetMark), x: x + targetColumn, y: y, style: CellStyle(color: style.color, reverse: true))
        }
        if let limit = score.target.upperLimit, score.target.upperLimitBasis == .total, limit < scale {
            let column = Int(limit / scale * Double(barWidth)) - 1
            canvas.write(String(glyphs.limitMark), x: x + max(0, column), y: y, style: color(.magenta))
        }
    }

    /// The day's entries grouped by meal, one per line, scrolled to keep the selection in view.
    mutating func entries(from top: Int, to bottom: Int, meals: [MealFat] = []) {
        let entries = state.dayEntries
        let rows = bottom - top + 1
        guard rows > 0 else { return }
        if entries.isEmpty {
            canvas.write(" Nothing logged on \(state.day.longDescription). a adds a food.", x: 0, y: top, style: CellStyle(dim: true))
            return
        }
        let mealCount = Set(entries.map(\.meal)).count
        if !meals.isEmpty, entries.count + mealCount <= rows {
            entriesWithMeals(entries, meals: meals, top: top)
            return
        }
        let window = entriesWindow(count: entries.count, rows: rows)
        let names = window.shown.map { state.foodName(entries[$0].foodID) }
        for index in window.shown {
            entryLine(entries, index, y: top + index - window.start, among: names)
        }
    }

    /// One line of the entry list: the meal's name on its first entry, the food's name
    /// (elided among the `names` shown) and the amount, reversed where it is selected.
    mutating func entryLine(_ entries: [Entry], _ index: Int, y: Int, among names: [String]) {
        let entry = entries[index]
        let width = Self.listRight(self.width)
        if index == 0 || entries[index - 1].meal != entry.meal {
            canvas.write(state.data.meals.label(of: entry.meal), x: 1, y: y, style: CellStyle(bold: true))
        }
        // In the measure it was logged in; grams beside it where there is room.
        let amount = Self.amount(of: entry, wide: width >= 100)
        canvas.write(Self.elide(state.foodName(entry.foodID), to: width - 12 - amount.count - 2, among: names, glyphs: glyphs),
                     x: 12, y: y)
        canvas.writeRight(amount, right: width - 1, y: y)
        if state.focus == .entries, index == state.selectedEntry {
            canvas.style(x: 11, y: y, width: width - 11, CellStyle(reverse: true))
        }
    }

    /// Every entry, and after each meal its figures: fat, and the fat-soluble vitamins it
    /// carried (the model's, from fat pairing), flagged where the fat was too little.
    mutating func entriesWithMeals(_ entries: [Entry], meals: [MealFat], top: Int) {
        let names = entries.map { state.foodName($0.foodID) }
        let width = Self.listRight(self.width)
        var y = top
        for (index, entry) in entries.enumerated() {
            entryLine(entries, index, y: y, among: names)
            y += 1
            let lastOfMeal = index == entries.count - 1 || entries[index + 1].meal != entry.meal
            if lastOfMeal, let meal = meals.first(where: { $0.meal == entry.meal }) {
                let fat = "\(Format.number(meal.fatGrams, decimals: 1)) g fat\(meal.fatIsComplete ? "" : String(glyphs.incomplete))"
                let vitamins = Nutrient.allCases.filter(\.isFatSolubleVitamin).compactMap { nutrient in
                    meal.vitamins[nutrient].map { "\(nutrient.shortName.replacingOccurrences(of: "Vitamin ", with: "")) \(Format.amount($0)) \(nutrient.unit)" }
                }
                var text = "\(glyphs.dot) \(state.data.meals.label(of: entry.meal)): \(fat)"
                if !vitamins.isEmpty { text += " with vitamin " + vitamins.joined(separator: ", ") }
                let flagged = !meal.flags.isEmpty
                if flagged { text += " \(glyphs.fatFlag) too little fat" }
                canvas.write(Self.clip(text, to: width - 14, glyphs: glyphs), x: 12, y: y, style: flagged ? color(.yellow) : CellStyle(dim: true))
                y += 1
            }
        }
    }

    /// Where the entry list ends: on a terminal wide enough for the week beside it, at 110
    /// columns (an amount would sit far from its food's name), and the week takes the rest.
    static func listRight(_ width: Int) -> Int { width >= 164 ? 110 : width }

    /// The week beside the day, where there is room: each of the last 7 days' percent of
    /// target for every nutrient (the model's scores), with its status mark, and the 7-day
    /// average under them.
    /// `made`: the shown day's report and the 7-day report ending on it, where the caller
    /// has them.
    mutating func weekBeside(from top: Int, to bottom: Int, left: Int? = nil, made: (day: Report?, week: Report?) = (nil, nil)) {
        let left = left ?? Self.listRight(width) + 2
        guard width - left >= 54, bottom - top >= 9 else { return }
        let nutrients = Nutrient.allCases
        let labels = ["A", "D", "E", "K", "LA", "ALA", "EPA"]
        canvas.write("Last 7 days, % of target", x: left, y: top, style: CellStyle(bold: true))
        for (column, label) in labels.prefix(nutrients.count).enumerated() {
            canvas.writeRight(label, right: left + 15 + column * 6, y: top + 1, style: CellStyle(bold: true))
        }
        func row(_ title: String, _ report: Report, y: Int, bold: Bool) {
            canvas.write(title, x: left, y: y, style: bold ? CellStyle(bold: true) : (report.entries.isEmpty ? CellStyle(dim: true) : .plain))
            guard !report.entries.isEmpty else {
                canvas.write("nothing logged", x: left + 12, y: y, style: CellStyle(dim: true))
                return
            }
            for (column, score) in report.scores.enumerated() {
                let percent = score.percent.map(Self.shortPercent) ?? "—"
                canvas.writeRight(percent, right: left + 15 + column * 6, y: y, style: color(statusColor(score.status), bold: bold))
                canvas.write(String(glyphs.mark(score.status)), x: left + 15 + column * 6, y: y, style: color(statusColor(score.status)))
            }
        }
        for offset in 0..<7 {
            let date = state.day.adding(days: offset - 6)
            let title = String(date.longDescription.prefix(10))
            let report = date == state.day ? made.day ?? state.report(days: 1) : state.report(days: 1, endingOn: date)
            row(title, report, y: top + 2 + offset, bold: date == state.day)
        }
        row("7-day", made.week ?? state.report(days: 7), y: top + 9, bold: true)
    }

    /// Which entries the list shows where they do not all fit ("entries 1-9 of 15").
    func entriesShown(from top: Int, to bottom: Int) -> String? {
        entriesWindow(count: state.dayEntries.count, rows: bottom - top + 1).label("entries")
    }

    /// The entries the list shows: from the first, or, while the entries have the focus,
    /// scrolled to keep the selection in view.
    func entriesWindow(count: Int, rows: Int) -> ListWindow {
        ListWindow(count: count, rows: rows, selected: state.selectedEntry, following: state.focus == .entries)
    }
}
