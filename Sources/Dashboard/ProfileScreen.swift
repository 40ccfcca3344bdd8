import NutrientModel

/// The profile form: which field is selected and, while one is being typed, its text.
public struct ProfileForm: Sendable, Equatable {
    public enum Field: Int, CaseIterable, Sendable { case name, sex, age, condition }
    public var field: Field = .name
    public var editingText: String?
    public var error: String?
    /// Whether the next letter typed replaces the text shown (it is the old value until then).
    public var replacesOnType = true
}

/// The profile: name, sex, age and condition, the targets that follow, and switching or
/// adding profiles. While a field is typed, letters are text.
enum ProfileScreen: ScreenComponent {
    enum Command: Sendable { case up, down, change, switchProfile, newProfile, back, save, cancel, erase }

    static let helpTitle = "Profile"

    static let bindings: [KeyBinding<Command>] = {
        let browsing: @Sendable (AppState) -> Bool = { !isEditing($0) }
        let editing: @Sendable (AppState) -> Bool = { isEditing($0) }
        return [
            KeyBinding([.up, .character("k")], "↑↓ j k", "field", bar: "↑↓ field", .up, when: browsing),
            KeyBinding([.down, .character("j")], "↑↓ j k", "field", .down, when: browsing),
            KeyBinding([.enter, .character(" ")], "⏎ space", "change it (typing replaces the text)", bar: "⏎ change", .change, when: browsing),
            KeyBinding([.character("s")], "s", "switch profile", bar: "s switch profile", .switchProfile, when: browsing),
            KeyBinding([.character("n")], "n", "new profile", bar: "n new profile", .newProfile, when: browsing),
            KeyBinding([.character("p")], "p", "back to the day", .back, when: browsing),
            KeyBinding([.enter], "⏎", "save the field", bar: "⏎ save", .save, when: editing),
            KeyBinding([.escape], "Esc", "cancel the field", bar: "Esc cancel", .cancel, when: editing),
            KeyBinding([.backspace], "⌫", "erase a letter", .erase, when: editing),
        ]
    }()

    static func isEditing(_ state: AppState) -> Bool {
        if case .profile(let form) = state.screen { return form.editingText != nil }
        return false
    }

    static func takesText(_ state: AppState) -> Bool { isEditing(state) }

    static func barItems(_ state: AppState) -> [String] {
        (isEditing(state) ? ["type value"] : []) + bindings.filter { $0.barWhen(state) }.compactMap(\.bar)
    }

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard case .profile(var form) = state.screen else { return [] }
        form.error = nil
        var person = state.profile.profile
        switch command {
        case .up:
            form.field = ProfileForm.Field(rawValue: max(0, form.field.rawValue - 1))!
        case .down:
            form.field = ProfileForm.Field(rawValue: min(ProfileForm.Field.allCases.count - 1, form.field.rawValue + 1))!
        case .change:
            switch form.field {
            case .name:
                form.editingText = person.name
                form.replacesOnType = true
            case .age:
                form.editingText = person.ageText ?? ""
                form.replacesOnType = true
            case .sex:
                person.sex = person.sex == .female ? .male : .female
                if person.sex == .male { person.condition = .none }
                state.screen = .profile(form)
                return save(person, &state, &form)
            case .condition:
                let all = PhysiologicalCondition.allCases
                person.condition = all[(all.firstIndex(of: person.condition)! + 1) % all.count]
                if person.condition != .none, person.sex == nil { person.sex = .female }
                state.screen = .profile(form)
                return save(person, &state, &form)
            }
        case .switchProfile:
            if state.profiles.count > 1, let index = state.profiles.firstIndex(where: { $0.id == state.profile.id }) {
                let next = state.profiles[(index + 1) % state.profiles.count]
                state.screen = .profile(form)
                return [.switchProfile(id: next.id)]
            }
            form.error = "There is only one profile \(state.glyphs.dot) n adds another"
        case .newProfile:
            state.screen = .profile(form)
            return [.addProfile(PersonProfile(name: "Profile \(state.profiles.count + 1)"))]
        case .back:
            state.pop()
            return []
        case .cancel:
            form.editingText = nil
        case .erase:
            if var text = form.editingText, !text.isEmpty {
                text.removeLast()
                form.editingText = text
            }
            form.replacesOnType = false
        case .save:
            guard let text = form.editingText else { break }
            if form.field == .name {
                let name = String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
                guard !name.isEmpty else {
                    form.error = "A name cannot be empty"
                    state.screen = .profile(form)
                    return []
                }
                person.name = name
            } else {
                do { person.ageMonths = try PersonProfile.parseAge(text) } catch {
                    form.error = error.description
                    state.screen = .profile(form)
                    return []
                }
            }
            form.editingText = nil
            state.screen = .profile(form)
            return save(person, &state, &form)
        }
        state.screen = .profile(form)
        return []
    }

    static func typed(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard case .profile(var form) = state.screen, var text = form.editingText, case .character(let character) = key else { return [] }
        form.error = nil
        if form.replacesOnType {
            text = ""
            form.replacesOnType = false
        }
        if text.count < 40 { text.append(character) }
        form.editingText = text
        state.screen = .profile(form)
        return []
    }

    static func title(_ state: AppState) -> String? { "Profile" }

    static func draw(_ painter: inout Painter, in area: Area) {
        guard case .profile(let form) = painter.state.screen else { return }
        painter.profile(form, in: area)
    }
}

fileprivate func save(_ person: PersonProfile, _ state: inout AppState, _ form: inout ProfileForm) -> [Effect] {
    do {
        _ = try state.data.targets.targets(for: person, overrides: state.overrides)
    } catch {
        form.error = error.description
        state.screen = .profile(form)
        return []
    }
    return [.saveProfile(StoredProfile(id: state.profile.id, profile: person))]
}

extension Painter {
    // MARK: Profile

    mutating func profile(_ form: ProfileForm, in area: Area) {
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
            if field == form.field, let text = form.editingText {
                // The end of a long name, where it is typed.
                shown = String(text.suffix(max(1, width - 25))) + String(glyphs.cursor)
            } else {
                shown = Self.clip(value, to: width - 23, glyphs: glyphs)
            }
            canvas.write(shown, x: 22, y: y, maxWidth: width - 23)
            if field == form.field {
                canvas.style(x: 20, y: y, width: min(width - 21, max(20, shown.count + 4)), CellStyle(reverse: form.editingText == nil, dim: false))
            }
        }
        var y = 7
        if let error = form.error {
            canvas.write(Self.clip(" ! " + error, to: width - 1, glyphs: glyphs), x: 0, y: y, style: color(.red, bold: true))
        }
        y += 1
        canvas.write(" Life stage: \(state.targets.lifeStage)", x: 0, y: y, style: CellStyle(bold: true))
        if state.profiles.count > 1 {
            canvas.writeRight("profile \((state.profiles.firstIndex { $0.id == state.profile.id } ?? 0) + 1) of \(state.profiles.count)", right: width - 1, y: y, style: CellStyle(dim: true))
        }
        y += 1
        if let note = state.targets.defaultsNote {
            // Wrapped, never cut: it says what to set.
            for line in Self.wrap(" " + note, width: width - 1, indent: " ").prefix(3) {
                canvas.write(line, x: 0, y: y, style: color(.yellow))
                y += 1
            }
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
            canvas.write(Self.clip(Self.forReaders(source), to: width - 47, glyphs: glyphs), x: 46, y: y,
                         style: target.replacedReference == nil ? CellStyle(dim: true) : color(.cyan))
            y += 1
        }
    }

}
