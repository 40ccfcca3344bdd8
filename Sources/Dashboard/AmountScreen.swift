import NutrientModel

/// The amount form: a number, a unit (grams or one of the food's measures) and a meal.
public struct AmountForm: Sendable, Equatable {
    /// The food's position in the table.
    public var food: Int
    /// The number as typed.
    public var amountText: String
    /// 0 for grams, else 1 + the index of the food's measure.
    public var unit: Int
    public var meal: Meal
    /// The entry being changed, or nil for a new one.
    public var editing: Entry?
    /// Why the amount cannot be saved, if it cannot.
    public var error: String?
    /// Whether the next digit typed replaces the amount shown (it is a suggestion until then).
    public var replacesOnType = true
    /// The exact grams of the amount shown while it is not typed (an entry being changed, or
    /// an amount converted to another unit): the text shown is rounded, the food is not.
    public var exactGrams: Double?
}

/// Choosing the amount and meal of a new entry, or changing an entry: digits are the
/// amount; the unit and meal keys are letters, so q still quits.
enum AmountScreen: ScreenComponent {
    enum Command: Sendable { case unitUp, unitDown, mealLeft, mealRight, meal(Meal), grams, erase, save }

    static let helpTitle = "Amount"

    static let bindings: [KeyBinding<Command>] = [
        KeyBinding([.up], "↑↓", "grams or a measure (the amount of food stays)", bar: "↑↓ unit", .unitUp),
        KeyBinding([.down], "↑↓", "grams or a measure (the amount of food stays)", .unitDown),
        KeyBinding([.character("g")], "g", "grams (after a typed number: that many g)", bar: "g grams", .grams),
        KeyBinding([.left], "←→ Tab", "the meal", bar: "←→ meal", .mealLeft),
        KeyBinding([.right, .tab], "←→ Tab", "the meal", .mealRight),
        KeyBinding([.character("b")], "b l d s", "breakfast, lunch, dinner, snack", .meal(.breakfast)),
        KeyBinding([.character("l")], "b l d s", "breakfast, lunch, dinner, snack", .meal(.lunch)),
        KeyBinding([.character("d")], "b l d s", "breakfast, lunch, dinner, snack", .meal(.dinner)),
        KeyBinding([.character("s")], "b l d s", "breakfast, lunch, dinner, snack", .meal(.snack)),
        KeyBinding([.enter], "⏎", "save", bar: "⏎ save", .save),
        KeyBinding([.backspace], "⌫", "erase a digit", .erase),
    ]

    static func barItems(_ state: AppState) -> [String] { ["0-9 amount"] + bindings.filter { $0.barWhen(state) }.compactMap(\.bar) }

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard case .amount(var form) = state.screen else { return [] }
        form.error = nil
        let unitCount = 1 + state.data.foods.portions(at: form.food).count
        let meals = Meal.allCases
        switch command {
        case .unitUp: changeUnit(&form, to: (form.unit + unitCount - 1) % unitCount, in: state)
        case .unitDown: changeUnit(&form, to: (form.unit + 1) % unitCount, in: state)
        case .grams: changeUnit(&form, to: 0, in: state)
        case .mealLeft: form.meal = meals[(meals.firstIndex(of: form.meal)! + meals.count - 1) % meals.count]
        case .mealRight: form.meal = meals[(meals.firstIndex(of: form.meal)! + 1) % meals.count]
        case .meal(let meal): form.meal = meal
        case .erase:
            if !form.amountText.isEmpty { form.amountText.removeLast() }
            form.replacesOnType = false
            form.exactGrams = nil
        case .save:
            switch Dashboard.grams(of: form, in: state) {
            case .failure(let error):
                form.error = error.description
            case .success(let grams):
                let food = state.data.foods.ids[form.food]
                let measure = Self.measure(of: form, in: state)
                if let entry = form.editing {
                    return [.updateEntry(Entry(id: entry.id, date: entry.date, meal: form.meal, foodID: entry.foodID,
                                               grams: grams, loggedAt: entry.loggedAt, measure: measure))]
                }
                let add = Effect.addEntry(date: state.day, meal: form.meal, foodID: food, grams: grams, measure: measure)
                // A food the profile's diets or allergies leave out: say why and ask first
                // (the person may have eaten it; the CLI saves it and says so).
                if let reason = state.dietExclusion(form.food) {
                    state.screen = .amount(form)
                    state.push(.confirm(Confirmation(question: "Log it anyway?", effects: [add],
                                                     warning: "Not in this profile's diets: \(reason)")))
                    return []
                }
                return [add]
            }
        }
        state.screen = .amount(form)
        return []
    }

    /// Another unit. A number the person just typed is read in the new unit ("100" then g
    /// is 100 g); an amount shown (a suggestion, or the entry being changed) is converted,
    /// so the amount of food stays the same (1 oz ↓ cup is 0.12 cup, never 1 cup).
    static func changeUnit(_ form: inout AmountForm, to unit: Int, in state: AppState) {
        guard unit != form.unit else { return }
        if form.replacesOnType, case .success(let grams) = Dashboard.grams(of: form, in: state) {
            let perUnit = unit == 0 ? 1 : state.data.foods.portions(at: form.food)[unit - 1].gramsPerUnit
            form.amountText = plainNumber(grams / perUnit)
            form.exactGrams = grams
        }
        form.unit = unit
    }

    /// A number as the amount field takes it: no grouping, at most two decimals.
    static func plainNumber(_ value: Double) -> String {
        // Below 1, three significant digits (0.0716 of a 396 g fillet is 28.35 g).
        var text = value < 1 ? String(format: "%.3g", value) : String(format: "%.2f", value)
        if text.contains("e") { text = String(format: "%.6f", value) }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    static func typed(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard case .amount(var form) = state.screen, case .character(let character) = key,
              character.isNumber || "./ ½¼¾".contains(character) else { return [] }
        form.error = nil
        if form.replacesOnType {
            form.amountText = ""
            form.replacesOnType = false
        }
        form.exactGrams = nil
        if form.amountText.count < 12 { form.amountText.append(character) }
        state.screen = .amount(form)
        return []
    }

    /// The form for a new entry of a food: a food logged before starts at the amount it
    /// was logged at last time.
    static func newForm(for food: Int, in state: AppState) -> AmountForm {
        let portions = state.data.foods.portions(at: food)
        let meal = state.data.meals.defaultMeal(atMinuteOfDay: state.minuteOfDay)
        let id = state.data.foods.ids[food]
        if let last = state.lastEntry(of: id) {
            if let index = portions.firstIndex(where: { abs($0.gramsPerUnit - last.grams) < 0.01 }) {
                return AmountForm(food: food, amountText: "1", unit: index + 1, meal: meal, editing: nil, error: nil)
            }
            return AmountForm(food: food, amountText: Format.number(last.grams, decimals: 1), unit: 0, meal: meal, editing: nil, error: nil)
        }
        if portions.isEmpty {
            return AmountForm(food: food, amountText: "100", unit: 0, meal: meal, editing: nil, error: nil)
        }
        return AmountForm(food: food, amountText: "1", unit: 1, meal: meal, editing: nil, error: nil)
    }

    /// The form for changing an entry: in the measure it was logged in (1 oz opens as 1 oz),
    /// or in grams when it was logged in grams, before the journal kept the measure, or the
    /// food no longer has that measure.
    static func editForm(for entry: Entry, in state: AppState) -> AmountForm {
        let food = state.data.foods.index(of: entry.foodID) ?? 0
        if let measure = entry.measure,
           let index = state.data.foods.portions(at: food).firstIndex(where: { $0.description == measure.unit }) {
            return AmountForm(food: food, amountText: plainNumber(measure.amount), unit: index + 1, meal: entry.meal,
                              editing: entry, error: nil, exactGrams: entry.grams)
        }
        return AmountForm(food: food, amountText: plainNumber(entry.grams), unit: 0, meal: entry.meal,
                          editing: entry, error: nil, exactGrams: entry.grams)
    }

    /// The household measure a form's amount is in, or nil for grams (or no number).
    static func measure(of form: AmountForm, in state: AppState) -> LoggedMeasure? {
        guard form.unit > 0, let quantity = try? Quantity(parsing: form.amountText + " x") else { return nil }
        return LoggedMeasure(amount: quantity.amount, unit: state.data.foods.portions(at: form.food)[form.unit - 1].description)
    }

    static func title(_ state: AppState) -> String? {
        guard case .amount(let form) = state.screen else { return nil }
        return form.editing == nil ? "Add food \(state.glyphs.dot) \(state.day.longDescription)" : "Change entry"
    }

    static func draw(_ painter: inout Painter, in area: Area) {
        guard case .amount(let form) = painter.state.screen else { return }
        painter.amount(form, in: area)
    }
}

/// The grams an amount form stands for, or why it stands for none.
public func grams(of form: AmountForm, in state: AppState) -> Result<Double, QuantityError> {
    if form.replacesOnType, let exact = form.exactGrams { return .success(exact) }
    let food = state.data.foods.food(at: form.food)
    let unit = form.unit == 0 ? "g" : food.portions[form.unit - 1].description
    do throws(QuantityError) {
        let quantity = try Quantity(parsing: form.amountText + " x")  // the number only
        let resolved: QuantityResolver.Resolved
        if form.unit == 0 {
            resolved = try state.data.quantities.resolve(Quantity(amount: quantity.amount, unit: "g"), for: food,
                                                         typed: "\(form.amountText) g")
        } else {
            let portion = food.portions[form.unit - 1]
            let grams = quantity.amount * portion.gramsPerUnit
            guard grams <= state.data.quantities.maxEntryGrams else {
                throw QuantityError("\(form.amountText) \(unit) is \(Format.grouped(grams)) g, more than the \(Format.grouped(state.data.quantities.maxEntryGrams)) g one entry may hold")
            }
            resolved = .init(grams: grams, explanation: "")
        }
        return .success(resolved.grams)
    } catch {
        return .failure(error)
    }
}

extension Painter {
    // MARK: Amount and meal

    mutating func amount(_ form: AmountForm, in area: Area) {
        let food = state.data.foods.food(at: form.food)
        canvas.write(" \(food.description)", x: 0, y: 1, style: CellStyle(bold: true), maxWidth: width - 1)
        canvas.write(" \(food.id) \(glyphs.dot) \(food.group)", x: 0, y: 2, style: CellStyle(dim: true), maxWidth: width - 1)
        // Said before the amount is typed: saving it asks first.
        if form.editing == nil, let reason = state.dietExclusion(form.food) {
            canvas.write(Self.clip(" Not in this profile's diets: \(Self.forReaders(reason))", to: width - 1, glyphs: glyphs), x: 0, y: 3,
                         style: color(.yellow))
        }
        var end = canvas.write(" Amount: ", x: 0, y: 4, style: CellStyle(bold: true))
        end = canvas.write(form.amountText, x: end, y: 4)
        end = canvas.write(String(glyphs.cursor), x: end, y: 4)
        let units = ["g"] + food.portions.map { "\($0.description) (\(Format.number($0.gramsPerUnit, decimals: 1)) g)" }
        canvas.write("  \(glyphs.keys("↑")) \(units[form.unit]) \(glyphs.keys("↓"))", x: end, y: 4, maxWidth: width - end - 1)
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
    }

}
