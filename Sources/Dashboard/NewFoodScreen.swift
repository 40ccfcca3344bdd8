import NutrientModel

/// The new-food form: a name, a serving and its measure, then the label's values for one
/// serving (an empty value is unknown, never zero). Vitamins A, D and E are typed in the
/// label's unit or in IU (←→ on the value), A and E with their form (←→ on the form).
public struct CustomFoodForm: Sendable, Equatable {
    public enum Field: Sendable, Equatable, Hashable {
        case name, serving, measure
        /// A value as the label prints it; vitamins A, D and E in the unit `inIU` says.
        case value(FoodComponent)
        /// The form of vitamin A or vitamin E, as a choice (`formChoices`).
        case form(FoodComponent)
    }

    /// The fields, in order. `vitamin_e_ul_mg` is not typed: it follows from vitamin E's form.
    public static let fields: [Field] = [.name, .serving, .measure] + FoodComponent.allCases.flatMap { component -> [Field] in
        switch component {
        case .vitaminEUpperLimit: []
        case .vitaminA, .vitaminE: [.value(component), .form(component)]
        default: [.value(component)]
        }
    }

    /// The components whose value may be typed in IU.
    public static let unitChoices: Set<FoodComponent> = [.vitaminA, .vitaminD, .vitaminE]

    /// The choices ←→ cycles through for a form ("" is not given); vitamin A's form also
    /// takes digits: the percent as beta-carotene.
    public static func formChoices(_ component: FoodComponent) -> [String] {
        component == .vitaminA ? ["", "retinol", "beta-carotene", "50%-beta-carotene"] : ["", "natural", "synthetic"]
    }

    /// The text of each field, in `fields` order.
    public var texts: [String]
    /// The vitamins whose value is typed in IU (the rest in the label's unit).
    public var inIU: Set<FoodComponent> = []
    public var selected = 0 {
        didSet { if selected != oldValue { replacesOnType = true } }
    }
    public var error: String?
    /// Whether the next letter typed replaces the selected field's text (it is the old
    /// text, or the default, until then).
    public var replacesOnType = true

    public init(name: String) {
        texts = Array(repeating: "", count: Self.fields.count)
        texts[0] = name
        texts[2] = "serving"
    }

    /// The position of a field.
    public static func index(of field: Field) -> Int? { fields.firstIndex(of: field) }

    /// The text of a field.
    public func text(_ field: Field) -> String { Self.index(of: field).map { texts[$0] } ?? "" }
}

/// A food the table lacks, typed from its label (from the search, `^N`): letters are text.
enum NewFoodScreen: ScreenComponent {
    enum Command: Sendable { case up, down, left, right, erase, clear, next, save }

    static let helpTitle = "New food"

    static let bindings: [KeyBinding<Command>] = [
        KeyBinding([.up], "↑↓ Tab", "field", bar: "↑↓ Tab field", .up),
        KeyBinding([.down, .tab], "↑↓ Tab", "field", .down),
        KeyBinding([.left], "←→", "a vitamin's unit (IU), or a form", bar: "←→ unit/form", .left),
        KeyBinding([.right], "←→", "a vitamin's unit (IU), or a form", .right),
        KeyBinding([.enter], "⏎", "next field (on the last: save)", bar: "⏎ next", .next),
        KeyBinding([.control("s")], "^S", "save the food", bar: "^S save", .save),
        KeyBinding([.control("u")], "^U", "clear the field", .clear),
        KeyBinding([.backspace], "⌫", "erase a letter", .erase),
    ]

    static func takesText(_ state: AppState) -> Bool { true }

    static func barItems(_ state: AppState) -> [String] { ["type value"] + bindings.filter { $0.barWhen(state) }.compactMap(\.bar) }

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard case .newFood(var form) = state.screen else { return [] }
        form.error = nil
        let fields = CustomFoodForm.fields
        let field = fields[form.selected]
        switch command {
        case .up:
            form.selected = max(0, form.selected - 1)
        case .down:
            form.selected = min(fields.count - 1, form.selected + 1)
        case .left, .right:
            // A vitamin's unit, or a form: the next or previous choice.
            let step = command == .right ? 1 : -1
            switch field {
            case .value(let component) where CustomFoodForm.unitChoices.contains(component):
                if form.inIU.contains(component) { form.inIU.remove(component) } else { form.inIU.insert(component) }
            case .form(let component):
                let choices = CustomFoodForm.formChoices(component)
                let text = form.texts[form.selected]
                let now = choices.firstIndex(of: text) ?? (text.isEmpty ? 0 : choices.count - 1)
                form.texts[form.selected] = choices[(now + step + choices.count) % choices.count]
            default:
                break
            }
        case .erase:
            if case .form(.vitaminA) = field, let percent = percentAsBetaCarotene(form.texts[form.selected]) {
                let digits = String(percent.dropLast())
                form.texts[form.selected] = digits.isEmpty ? "" : "\(digits)%-beta-carotene"
            } else if case .form = field {
                form.texts[form.selected] = ""
            } else if !form.texts[form.selected].isEmpty {
                form.texts[form.selected].removeLast()
            }
            form.replacesOnType = false
        case .clear:
            form.texts[form.selected] = ""
        case .next where form.selected < fields.count - 1:
            form.selected += 1
        case .next, .save:
            switch label(from: form, maxServingGrams: state.data.quantities.maxEntryGrams, conversions: state.data.labelConversions) {
            case .success(let label):
                state.screen = .newFood(form)
                return [.addCustomFood(label)]
            case .failure(let problem):
                form.error = problem.message
                form.selected = formField(of: problem).flatMap(CustomFoodForm.index(of:)) ?? form.selected
            }
        }
        state.screen = .newFood(form)
        return []
    }

    static func typed(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard case .newFood(var form) = state.screen, case .character(let character) = key else { return [] }
        form.error = nil
        let field = CustomFoodForm.fields[form.selected]
        defer { state.screen = .newFood(form) }
        if case .form(let component) = field {
            // Vitamin A's form takes the percent as beta-carotene in digits.
            guard component == .vitaminA, character.isASCII, character.isNumber else {
                form.error = component == .vitaminA
                    ? "Vitamin A form: ←→ picks retinol, beta-carotene or a part as beta-carotene; digits type that part in %"
                    : "Vitamin E form: ←→ picks natural or synthetic"
                return []
            }
            let digits = percentAsBetaCarotene(form.texts[form.selected]) ?? ""
            if digits.count < 3 { form.texts[form.selected] = "\(digits)\(character)%-beta-carotene" }
            return []
        }
        let numeric = field != .name && field != .measure
        if numeric {
            guard character.isASCII, character.isNumber || (character == "." && !form.texts[form.selected].contains(".")) else {
                form.error = "\(label(of: field, in: form)) takes a number: digits and one decimal point"
                return []
            }
        }
        if form.replacesOnType {
            form.texts[form.selected] = ""
            form.replacesOnType = false
        }
        if form.texts[form.selected].count < (numeric ? 12 : 80) { form.texts[form.selected].append(character) }
        return []
    }

    static func title(_ state: AppState) -> String? { "New food \(state.glyphs.dot) from its label" }

    static func draw(_ painter: inout Painter, in area: Area) {
        guard case .newFood(let form) = painter.state.screen else { return }
        painter.newFood(form, in: area)
    }
}

/// The digits of a vitamin A form "N%-beta-carotene", or nil for another form.
func percentAsBetaCarotene(_ text: String) -> String? {
    guard text.hasSuffix("%-beta-carotene") else { return nil }
    let digits = String(text.dropLast("%-beta-carotene".count))
    return digits.allSatisfy(\.isNumber) ? digits : nil
}

/// The form's field a label error is about.
func formField(of problem: FoodLabelError) -> CustomFoodForm.Field? {
    switch problem.labelField {
    case .vitaminAForm: return .form(.vitaminA)
    case .vitaminEForm: return .form(.vitaminE)
    case .some(let field): return .value(field.component)
    case nil:
        guard let component = problem.field else { return nil }
        return .value(component == .vitaminEUpperLimit ? .vitaminE : component)
    }
}

/// The printed-vitamin field a value row stands for, in its unit.
private func vitaminField(_ component: FoodComponent, inIU: Bool) -> LabelVitamins.Field? {
    switch component {
    case .vitaminA: inIU ? .vitaminAIU : .vitaminA
    case .vitaminD: inIU ? .vitaminDIU : .vitaminD
    case .vitaminE: inIU ? .vitaminEIU : .vitaminE
    case .retinol: .retinol
    default: nil
    }
}

/// A field's label on the new-food form, in the unit chosen for it.
func label(of field: CustomFoodForm.Field, in form: CustomFoodForm) -> String {
    switch field {
    case .name: "Name"
    case .serving: "Serving (g)"
    case .measure: "Measure"
    case .value(let component):
        vitaminField(component, inIU: form.inIU.contains(component))?.label ?? "\(component.label) (\(component.unit))"
    case .form(let component): component == .vitaminA ? LabelVitamins.Field.vitaminAForm.label : LabelVitamins.Field.vitaminEForm.label
    }
}

/// The label the form describes, its vitamins converted as the command line converts them
/// (`FoodLabel.printed`), checked; or what is wrong with it.
func label(from form: CustomFoodForm, maxServingGrams: Double, conversions: LabelConversions) -> Result<FoodLabel, FoodLabelError> {
    var values: [FoodComponent: Double] = [:]
    var vitamins = LabelVitamins()
    do throws(FoodLabelError) {
        for (index, field) in CustomFoodForm.fields.enumerated() {
            let text = form.texts[index]
            switch field {
            case .form(.vitaminA): vitamins.vitaminAForm = text
            case .form(_): vitamins.vitaminEForm = text
            case .value(let component):
                if let printed = vitaminField(component, inIU: form.inIU.contains(component)) {
                    let value = try LabelVitamins.number(text, printed)
                    switch printed {
                    case .vitaminA: vitamins.vitaminA = value
                    case .vitaminAIU: vitamins.vitaminAIU = value
                    case .vitaminD: vitamins.vitaminD = value
                    case .vitaminDIU: vitamins.vitaminDIU = value
                    case .vitaminE: vitamins.vitaminE = value
                    case .vitaminEIU: vitamins.vitaminEIU = value
                    default: vitamins.retinol = value
                    }
                    continue
                }
                guard !text.isEmpty else { continue }
                guard let value = Double(text) else {
                    throw FoodLabelError(field: component, message: "\(component.label): \"\(text)\" is not a number")
                }
                if component == .vitaminEAdded { vitamins.vitaminEAdded = value } else { values[component] = value }
            default:
                continue
            }
        }
        let serving = Double(form.texts[1]) ?? 0
        let label = try FoodLabel.printed(name: form.texts[0], servingGrams: serving, measure: form.texts[2], values: values,
                                          vitamins: vitamins, conversions: conversions).label
        _ = try FoodLabel.check(label, maxServingGrams: maxServingGrams)
        return .success(label)
    } catch {
        return .failure(error)
    }
}

extension Painter {
    // MARK: A new food from its label

    mutating func newFood(_ form: CustomFoodForm, in area: Area) {
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
    }

}
