import NutrientModel

/// The trial screen's state: which of the profile's trials is shown and how far it is
/// scrolled, or the form that starts one.
public struct TrialView: Sendable, Equatable {
    /// What the screen shows.
    public enum Mode: Sendable, Equatable {
        /// A trial's review (what `absorb trial show` shows).
        case show
        /// The form that starts a trial (`n`).
        case start(TrialForm)
    }

    public var mode: Mode = .show
    /// The name of the trial shown, or `nil`: the latest.
    public var trialName: String?
    /// The first line shown.
    public var offset = 0

    /// The latest trial, shown from its first line.
    public init() {}
}

/// The form that starts a trial: what it changes (a diet or allergen left out, a food
/// added, a supplement taken), its name, weeks, reintroduction weeks and first day. ⏎ checks
/// it with the model's rules (`NutrientData.checkTrial`, as `absorb trial start` does) and
/// saves it only when they accept it.
public struct TrialForm: Sendable, Equatable {
    /// A row of the form.
    public enum Field: Int, Sendable, CaseIterable {
        case kind, what, name, weeks, reintroduceWeeks, start
    }

    /// What the trial changes.
    public enum Kind: Int, Sendable, CaseIterable {
        case remove, add, supplement

        /// Its words in the form.
        var words: String {
            switch self {
            case .remove: "leave out a diet or allergen"
            case .add: "add a food every day"
            case .supplement: "take a supplement every day"
            }
        }
    }

    public var kind: Kind = .remove
    /// The diet key, the food's id or words, or the supplement's id, as typed or chosen.
    public var what: String
    public var name = ""
    public var weeks = "3"
    public var reintroduceWeeks = "0"
    /// The first day, YYYY-MM-DD (today unless changed).
    public var start: String
    public var selected: Field = .kind
    /// Why ⏎ saved nothing, until the next key.
    public var error: String?

    /// A new form: leave out the first diet the planner knows, from today.
    public init(today: LocalDate, data: NutrientData) {
        start = today.description
        what = Self.choices(for: .remove, data: data).first ?? ""
    }

    /// The values ←→ go through for a kind: the diet keys of `Data/diets.csv`, the
    /// supplements of `Data/supplements.csv`; none for a food (its words are typed).
    public static func choices(for kind: Kind, data: NutrientData) -> [String] {
        switch kind {
        case .remove: data.diets.diets.map(\.key)
        case .supplement:
            (0..<data.foods.count).filter { data.foods.group(at: $0) == FoodTableLoader.supplementGroup }.map { data.foods.ids[$0] }
        case .add: []
        }
    }

    /// The field's label.
    static func label(_ field: Field, kind: Kind) -> String {
        switch field {
        case .kind: "Kind"
        case .what:
            switch kind {
            case .remove: "Exclusion"
            case .add: "Food"
            case .supplement: "Supplement"
            }
        case .name: "Name"
        case .weeks: "Weeks"
        case .reintroduceWeeks: "Reintroduce weeks"
        case .start: "Start"
        }
    }

    /// Whether the field selected takes text (all but the kind).
    var isOnText: Bool { selected != .kind }

    /// The text of a text field.
    func text(of field: Field) -> String {
        switch field {
        case .kind: kind.words
        case .what: what
        case .name: name
        case .weeks: weeks
        case .reintroduceWeeks: reintroduceWeeks
        case .start: start
        }
    }

    private mutating func setText(_ text: String, of field: Field) {
        switch field {
        case .kind: break
        case .what: what = text
        case .name: name = text
        case .weeks: weeks = text
        case .reintroduceWeeks: reintroduceWeeks = text
        case .start: start = text
        }
    }

    /// The food a food trial would take: the id as typed, or the top search hit (as
    /// `absorb trial start --add` takes it), never a food this session took out again.
    static func food(for words: String, in state: AppState) -> Food? {
        let query = words.trimmingCharacters(in: .whitespaces)
        guard !query.isEmpty else { return nil }
        if let food = state.data.foods.food(id: query), !state.hiddenFoods.contains(food.id) { return food }
        return state.data.searchFoods(query, limit: 5).first { !state.hiddenFoods.contains($0.id) }
    }

    /// ↑↓ a field, ←→ the kind (or a diet or supplement), text typed into the others.
    mutating func handle(_ key: Key, data: NutrientData) {
        error = nil
        let fields = Field.allCases
        switch key {
        case .up, .backTab: selected = fields[max(0, selected.rawValue - 1)]
        case .down, .tab: selected = fields[min(fields.count - 1, selected.rawValue + 1)]
        case .left, .right:
            let step = key == .right ? 1 : -1
            if selected == .kind {
                let kinds = Kind.allCases
                kind = kinds[(kind.rawValue + step + kinds.count) % kinds.count]
                what = Self.choices(for: kind, data: data).first ?? ""
            } else if selected == .what {
                let choices = Self.choices(for: kind, data: data)
                guard !choices.isEmpty else { return }
                let current = choices.firstIndex(of: what.trimmingCharacters(in: .whitespaces)) ?? (step > 0 ? -1 : 0)
                what = choices[(current + step + choices.count) % choices.count]
            }
        case .backspace:
            var text = text(of: selected)
            if selected != .kind, !text.isEmpty { text.removeLast() }
            setText(text, of: selected)
        case .delete:
            setText("", of: selected)
        case .character(let character) where selected != .kind:
            let text = text(of: selected)
            guard text.utf8.count < TrialRules.maxNameBytes + 20, !character.unicodeScalars.contains(where: TextRules.isUnsafe) else { return }
            setText(text + String(character), of: selected)
        default: break
        }
    }

    /// The trial the form holds, checked by the model's rules beside the profile's trials
    /// (the same checks and sentences as `absorb trial start`), or why it is refused.
    public func trial(in state: AppState) -> Result<Trial, TrialError> {
        let rules = state.data.trialRules
        let weekCount: Int, back: Int
        do {
            weekCount = try rules.parseWeeks(weeks, for: "weeks", in: rules.weeks)
            back = try rules.parseWeeks(reintroduceWeeks, for: "reintroduce-weeks", in: rules.reintroduceWeeks)
        } catch {
            return .failure(error)
        }
        let first: LocalDate
        do { first = try LocalDate(parsing: start.trimmingCharacters(in: .whitespaces)) } catch {
            return .failure(TrialError("start: \(error.description)"))
        }
        let value = what.trimmingCharacters(in: .whitespaces)
        let change: TrialKind
        switch kind {
        case .remove: change = .remove(value)
        case .supplement: change = .supplement(value)
        case .add:
            guard let food = Self.food(for: value, in: state) else {
                return .failure(TrialError(value.isEmpty ? "type words that find the food (or its id)"
                                                         : "no food matches \(TextRules.quoted(value)); try other words"))
            }
            change = .add(food.id)
        }
        let trial = Trial(name: name.trimmingCharacters(in: .whitespaces), kind: change, start: first, weeks: weekCount,
                          reintroduceWeeks: back)
        do { try state.data.checkTrial(trial, existing: state.trials, today: state.today) } catch { return .failure(error) }
        return .success(trial)
    }
}

/// The trial screen, as one component: a trial's review as `absorb trial show` gives it
/// (its phases, adherence, each scale by phase, what changed and the caution, all from the
/// model's `TrialReview` and `TrialText`), scrolled with ↑↓ where it does not fit; `n`
/// starts a trial with a form, `e` ends the one running (after a question).
enum TrialScreen: ScreenComponent {
    enum Command: Sendable {
        case up, down, pageUp, pageDown, previous, next, start, end
        case fieldUp, fieldDown, left, right, clear, save, cancel
    }

    static let helpTitle = "Trial"

    private static func view(_ state: AppState) -> TrialView? {
        if case .trial(let view) = state.screen { return view }
        return nil
    }

    private static func form(_ state: AppState) -> TrialForm? {
        if case .start(let form)? = view(state)?.mode { return form }
        return nil
    }

    private static let showing: @Sendable (AppState) -> Bool = { view($0)?.mode == .show }
    private static let starting: @Sendable (AppState) -> Bool = { form($0) != nil }
    private static let several: @Sendable (AppState) -> Bool = { showing($0) && $0.trials.count > 1 }
    private static let running: @Sendable (AppState) -> Bool = { state in
        showing(state) && shownTrial(state).map { !$0.isFinished(on: state.today) && $0.start <= state.today } ?? false
    }

    static let bindings: [KeyBinding<Command>] = [
        KeyBinding([.up, .character("k")], "↑↓ PgUp PgDn", "scroll the trial", bar: "↑↓ scroll", .up, when: showing,
                   barWhen: { showing($0) && !layout($0).fits }),
        KeyBinding([.down, .character("j")], "↑↓ PgUp PgDn", "scroll the trial", .down, when: showing),
        KeyBinding([.pageUp], "↑↓ PgUp PgDn", "scroll the trial", .pageUp, when: showing),
        KeyBinding([.pageDown, .character(" ")], "↑↓ PgUp PgDn", "scroll the trial", .pageDown, when: showing),
        KeyBinding([.left, .character("h")], "←→", "the trial before / after", bar: "←→ trial", .previous, when: showing, barWhen: several),
        KeyBinding([.right, .character("l")], "←→", "the trial before / after", .next, when: showing),
        KeyBinding([.character("n")], "n", "start a trial (a form)", bar: "n new trial", .start, when: showing),
        KeyBinding([.character("e")], "e", "end the trial running, today (asks first)", bar: "e end it", .end, when: showing,
                   barWhen: running),
        KeyBinding([.up, .backTab], "↑↓ Tab", "form: another field", bar: "↑↓ field", .fieldUp, when: starting),
        KeyBinding([.down, .tab], "↑↓ Tab", "form: another field", .fieldDown, when: starting),
        KeyBinding([.left], "←→", "form: the kind, or the next diet or supplement", bar: "←→ choose", .left, when: starting),
        KeyBinding([.right], "←→", "form: the kind, or the next diet or supplement", .right, when: starting),
        KeyBinding([.delete], "Del", "form: clear the field", .clear, when: starting),
        KeyBinding([.enter], "⏎", "form: start the trial (checked first; nothing saved if refused)", bar: "⏎ start", .save, when: starting),
        KeyBinding([.escape], "Esc", "form: cancel", bar: "Esc cancel", .cancel, when: starting),
    ]

    /// The trial shown: the one named, else the latest.
    static func shownTrial(_ state: AppState) -> Trial? {
        guard let view = view(state) else { return nil }
        return view.trialName.flatMap { name in state.trials.first { $0.name == name } } ?? state.trials.last
    }

    /// The model's review of a trial on today, over its window's entries and the check-ins.
    static func review(of trial: Trial, in state: AppState) -> TrialReview {
        let window = trial.window
        let end = max(window.from, min(window.to, state.today))
        let report = state.report(days: window.from.days(to: end) + 1, endingOn: end)
        return state.data.trialReview(trial, report: report, checkIns: state.checkIns,
                                      tracked: state.profile.profile.trackedScales, asOf: state.today)
    }

    /// The form's fields take text (all but the kind): then q, ? and u are text.
    static func takesText(_ state: AppState) -> Bool { form(state)?.isOnText ?? false }

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard var view = view(state) else { return [] }
        if case .start(var form) = view.mode {
            switch command {
            case .fieldUp: form.handle(.up, data: state.data)
            case .fieldDown: form.handle(.down, data: state.data)
            case .left: form.handle(.left, data: state.data)
            case .right: form.handle(.right, data: state.data)
            case .clear: form.handle(.delete, data: state.data)
            case .cancel:
                view.mode = .show
                state.screen = .trial(view)
                state.message = .init(text: "No trial was started", isError: false)
                return []
            case .save:
                switch form.trial(in: state) {
                case .success(let trial):
                    form.error = nil
                    view.mode = .start(form)
                    state.screen = .trial(view)
                    return [.startTrial(trial)]
                case .failure(let error):
                    form.error = "\(error.description). Nothing was saved."
                }
            default: break
            }
            view.mode = .start(form)
            state.screen = .trial(view)
            return []
        }
        let layout = layout(state)
        switch command {
        case .up: view.offset -= 1
        case .down: view.offset += 1
        case .pageUp: view.offset -= layout.rows
        case .pageDown: view.offset += layout.rows
        case .previous, .next:
            guard let shown = shownTrial(state), let index = state.trials.firstIndex(of: shown), state.trials.count > 1 else {
                state.message = .init(text: state.trials.isEmpty ? "No trial yet \(state.glyphs.dot) n starts one" : "This is the only trial",
                                      isError: false)
                return []
            }
            let next = command == .next ? min(state.trials.count - 1, index + 1) : max(0, index - 1)
            view.trialName = state.trials[next].name
            view.offset = 0
            state.screen = .trial(view)
            return []
        case .start:
            view.mode = .start(TrialForm(today: state.today, data: state.data))
            state.screen = .trial(view)
            return []
        case .end:
            return askToEnd(&state)
        default: break
        }
        view.offset = max(0, min(view.offset, layout.lastOffset))
        state.screen = .trial(view)
        return []
    }

    /// The question before ending the trial shown, or why it cannot be ended (the CLI's words).
    private static func askToEnd(_ state: inout AppState) -> [Effect] {
        guard let trial = shownTrial(state) else {
            state.message = .init(text: "No trial yet \(state.glyphs.dot) n starts one", isError: false)
            return []
        }
        let name = TextRules.quoted(trial.name)
        guard !trial.isFinished(on: state.today) else {
            state.message = .init(text: "The trial \(name) is already over: its last day was \(trial.lastDay)", isError: true)
            return []
        }
        guard trial.start <= state.today else {
            state.message = .init(text: "The trial \(name) has not started: it starts on \(trial.start)", isError: true)
            return []
        }
        state.push(.confirm(Confirmation(
            question: "End the trial \(name) today, \(state.today.longDescription) (planned to \(trial.plannedEnd))?",
            effects: [.endTrial(name: trial.name, on: state.today)])))
        return []
    }

    static func typed(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var view = view(state), case .start(var form) = view.mode else { return [] }
        form.handle(key, data: state.data)
        view.mode = .start(form)
        state.screen = .trial(view)
        return []
    }

    static func title(_ state: AppState) -> String? {
        guard let view = view(state) else { return nil }
        if case .start = view.mode { return "New trial" }
        guard let trial = shownTrial(state), let index = state.trials.firstIndex(of: trial) else { return "Trial" }
        return state.trials.count > 1 ? "Trial \(index + 1) of \(state.trials.count)" : "Trial"
    }

    static func statusLine(_ state: AppState) -> StatusLine? {
        guard let form = form(state) else { return nil }
        if form.error != nil { return .note("! Refused (above): nothing was saved", color: .red, dim: false) }
        return .note(state.glyphs.keys("⏎") + " checks it as absorb trial start does: nothing is saved if it is refused", color: nil, dim: true)
    }

    // MARK: Drawing

    /// A line of the review, with its style.
    struct Line: Equatable {
        var text: String
        var bold = false
        var dim = false
    }

    /// The review's lines at the screen's width, and how many rows show.
    struct Layout {
        var lines: [Line]
        var rows: Int
        var fits: Bool { lines.count <= rows }
        /// The last first line: the rows then end with the last line, one kept for the mark.
        var lastOffset: Int { fits ? 0 : lines.count - (rows - 1) }
    }

    static func layout(_ state: AppState) -> Layout {
        let rows = max(1, state.height - 3)
        return Layout(lines: lines(state, width: state.width), rows: rows)
    }

    /// The lines of the trial shown (or, without one, how to start one), wrapped to `width`.
    static func lines(_ state: AppState, width: Int) -> [Line] {
        var lines: [Line] = []
        func add(_ text: String, indent: String = "  ", bold: Bool = false, dim: Bool = false) {
            // The model's sentences separate with a middle dot: the glyph set's, in ASCII.
            let text = state.glyphs == .ascii ? text.replacingOccurrences(of: "·", with: state.glyphs.dot) : text
            for piece in Painter.wrap(" " + text, width: width - 1, indent: " " + indent) {
                lines.append(Line(text: piece, bold: bold, dim: dim))
            }
        }
        let data = state.data
        guard let trial = shownTrial(state) else {
            add("No trial yet for \(TextRules.escaped(state.profile.profile.name)).", bold: true)
            add("n starts one: leave out a diet or allergen (the planner's list: no_dairy, no_egg …), add a food or take a supplement every day, for \(data.trialRules.minWeeks) to \(data.trialRules.maxWeeks) weeks; the check-ins before, during and after it are compared.")
            lines.append(Line(text: ""))
            add(data.trialRules.caution, dim: true)
            return lines
        }
        let review = review(of: trial, in: state)
        add(TrialText.heading(review, profile: TextRules.escaped(state.profile.profile.name), data: data), bold: true)
        add(TrialText.status(review))
        add("Phases: " + TrialText.phases(review).joined(separator: " \(state.glyphs.dot) "))
        for (index, line) in TrialText.adherence(review).enumerated() {
            add(line, indent: index == 0 ? "  " : "    ")
        }
        lines.append(Line(text: ""))
        if review.scales.isEmpty {
            add("No scales tracked (p, the profile, chooses them; or absorb profile set --scales).")
        } else {
            add(TrialText.scalesHeading(data.trialRules), bold: true)
            lines += scaleTable(review, width: width, glyphs: state.glyphs)
        }
        lines.append(Line(text: ""))
        let changed = review.whatChanged
        add(TrialText.whatChangedHeading(changed, rules: data.trialRules), bold: true)
        if changed.isShown {
            let items = TrialText.whatChangedItems(changed)
            // Where every lag of every scale fits a column (a wide terminal), a table: a
            // column per lag under one header; else each scale's lags in a sentence.
            let table = lagTable(items, width: width)
            if let header = table?.header { lines.append(Line(text: header, dim: true)) }
            for item in items {
                add(" " + TrialText.whatChangedFigure(item.figure), indent: "   ")
                if let table {
                    lines += item.scales.map { Line(text: table.row($0)) }
                    continue
                }
                for scale in item.scales {
                    // Broken between lags, never inside one.
                    var pieces = scale.lags.map(TrialText.lag)
                    pieces[0] = "\(scale.name): " + pieces[0]
                    var line = "    "
                    for (index, piece) in pieces.enumerated() {
                        let joined = index == 0 ? line + piece : line + " \(state.glyphs.dot) " + piece
                        if index > 0, joined.count + 2 > width {
                            lines.append(Line(text: line + " \(state.glyphs.dot)"))
                            line = "      " + piece
                        } else {
                            line = joined
                        }
                    }
                    lines.append(Line(text: Painter.clip(line, to: width, glyphs: state.glyphs)))
                }
            }
            add(" " + changed.caution, indent: " ", dim: true)
        }
        lines.append(Line(text: ""))
        add(review.caution, dim: true)
        return lines
    }

    /// What changed as a table, where every lag's "mean (days) vs mean (days)" fits a
    /// column of the width: its header and how a scale's row is written; else `nil`.
    static func lagTable(_ items: [(figure: WhatChanged.Figure, scales: [WhatChanged.ScaleLags])], width: Int)
        -> (header: String, row: (WhatChanged.ScaleLags) -> String)? {
        let scales = items.flatMap(\.scales)
        guard let lags = scales.first?.lags.count, lags > 0 else { return nil }
        func cell(_ lag: WhatChanged.Lag) -> String { "\(TrialText.side(lag.atOrAbove)) vs \(TrialText.side(lag.below))" }
        let nameWidth = (scales.map(\.name.count).max() ?? 0) + 2
        let columnWidth = (width - 1 - 4 - nameWidth) / lags
        guard columnWidth > 0, scales.allSatisfy({ $0.lags.count == lags && $0.lags.allSatisfy { cell($0).count < columnWidth } }) else {
            return nil
        }
        func pad(_ text: String, _ width: Int) -> String {
            text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
        }
        let header = "    " + pad("", nameWidth)
            + (scales[0].lags.map { pad($0.lag == 0 ? "lag 0 (same day)" : "lag \($0.lag)", columnWidth) }).joined()
        return (Painter.trimmedRight(header), { scale in
            Painter.trimmedRight("    " + pad(scale.name, nameWidth) + scale.lags.map { pad(cell($0), columnWidth) }.joined())
        })
    }

    /// Each scale by phase: a table of a column per phase where every figure fits its
    /// column, else each scale's phases one under another.
    static func scaleTable(_ review: TrialReview, width: Int, glyphs: Glyphs) -> [Line] {
        let phases = TrialPhase.allCases.filter { phase in review.scales.first?.phases.contains { $0.phase == phase } ?? false }
        let nameWidth = (review.scales.map(\.name.count).max() ?? 0) + 3
        let columnWidth = phases.isEmpty ? 0 : (width - 1 - nameWidth) / phases.count
        let cells = review.scales.map { scale in scale.phases.map { TrialText.figure($0, word: scale.countWord) } }
        let fits = columnWidth > 0 && cells.joined().allSatisfy { $0.count < columnWidth }
            && phases.allSatisfy { $0.name.count < columnWidth }
        func pad(_ text: String, _ width: Int) -> String {
            text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
        }
        var lines: [Line] = []
        if fits {
            lines.append(Line(text: " " + pad("", nameWidth) + phases.map { pad($0.name, columnWidth) }.joined(), dim: true))
            for (scale, row) in zip(review.scales, cells) {
                lines.append(Line(text: " " + pad("  " + scale.name, nameWidth) + row.map { pad($0, columnWidth) }.joined()))
            }
        } else {
            for (scale, row) in zip(review.scales, cells) {
                lines.append(Line(text: Painter.clip("   " + scale.name, to: width, glyphs: glyphs)))
                for (phase, cell) in zip(scale.phases, row) {
                    lines.append(Line(text: Painter.clip("     " + pad(phase.phase.name.lowercased(), 15) + cell, to: width, glyphs: glyphs)))
                }
            }
        }
        return lines.map { Line(text: Painter.trimmedRight($0.text), bold: $0.bold, dim: $0.dim) }
    }

    static func draw(_ painter: inout Painter, in area: Area) {
        guard let view = view(painter.state) else { return }
        switch view.mode {
        case .show: painter.trialReview(view, layout(painter.state), in: area)
        case .start(let form): painter.trialForm(form, in: area)
        }
    }
}

extension Painter {
    /// Text without the spaces at its end.
    static func trimmedRight(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The review's lines from the offset; where more follow, the last row says so.
    mutating func trialReview(_ view: TrialView, _ layout: TrialScreen.Layout, in area: Area) {
        let rows = min(area.height, layout.rows)
        let offset = max(0, min(view.offset, layout.lastOffset))
        let room = layout.fits ? rows : rows - 1
        for (index, line) in layout.lines.dropFirst(offset).prefix(room).enumerated() {
            canvas.write(Self.clip(line.text, to: width, glyphs: glyphs), x: 0, y: area.y + index,
                         style: CellStyle(bold: line.bold, dim: line.dim))
        }
        guard !layout.fits else { return }
        let last = min(layout.lines.count, offset + room)
        let more = last < layout.lines.count ? glyphs.keys("↓ PgDn for more") : "the end"
        canvas.writeRight("lines \(offset + 1)\(glyphs == .ascii ? "-" : "–")\(last) of \(layout.lines.count) \(glyphs.dot) \(more)", right: width - 1,
                          y: area.y + rows - 1, style: CellStyle(dim: true))
    }

    /// The form: a row per field, its value and a hint; the food a food trial would take.
    mutating func trialForm(_ form: TrialForm, in area: Area) {
        var y = area.y
        canvas.write(" Start a trial \(glyphs.dot) its check-ins are compared with the baseline's (as many days before it)", x: 0, y: y,
                     style: CellStyle(bold: true), maxWidth: width)
        y += 2
        let rules = state.data.trialRules
        let labelWidth = 20
        for field in TrialForm.Field.allCases where y < area.bottom {
            let selectedRow = field == form.selected
            canvas.write(" " + TrialForm.label(field, kind: form.kind), x: 0, y: y,
                         style: selectedRow ? CellStyle(reverse: true) : CellStyle(bold: true), maxWidth: labelWidth)
            var value = form.text(of: field)
            if field == .kind { value = "\(glyphs.previous) \(value) \(glyphs.next)" }
            var end = canvas.write(Self.clip(value, to: max(1, width - labelWidth - 24), glyphs: glyphs), x: labelWidth + 1, y: y,
                                   style: CellStyle(bold: true))
            if selectedRow, field != .kind { end = canvas.write(String(glyphs.cursor), x: end, y: y) }
            let hint: String
            switch field {
            case .kind: hint = "←→ another kind"
            case .what:
                switch form.kind {
                case .remove, .supplement:
                    hint = "←→ " + (form.kind == .remove ? "a diet or allergen" : "a supplement") + " or type it"
                        + (form.kind == .remove ? ": \(state.data.trialSubject(.remove(form.what.trimmingCharacters(in: .whitespaces))))" : "")
                case .add: hint = "words that find it (the top hit is taken)"
                }
            case .name: hint = "as in \"no dairy\""
            case .weeks: hint = "\(rules.minWeeks) to \(rules.maxWeeks)"
            case .reintroduceWeeks: hint = "0 to \(rules.maxReintroduceWeeks) (0: none)"
            case .start: hint = "YYYY-MM-DD, today or before"
            }
            canvas.write("  " + hint, x: end, y: y, style: CellStyle(dim: true), maxWidth: max(0, width - end))
            y += 1
        }
        y += 1
        guard y < area.bottom else { return }
        if let error = form.error {
            // The model's sentence in full, as absorb trial start says it.
            for piece in Self.wrap(" ! " + error, width: width - 1, indent: "   ") where y < area.bottom {
                canvas.write(piece, x: 0, y: y, style: color(.red, bold: true))
                y += 1
            }
            y += 1
        }
        let line: String
        switch form.kind {
        case .add:
            if let food = TrialForm.food(for: form.what, in: state) {
                line = "The food taken: \(food.id) \(food.description)"
            } else {
                line = form.what.trimmingCharacters(in: .whitespaces).isEmpty ? "Type words that find the food." : "No food matches these words."
            }
        case .supplement:
            let id = form.what.trimmingCharacters(in: .whitespaces)
            line = state.data.foods.index(of: id) != nil ? "The supplement: \(id) \(state.data.displayName(ofFoodID: id))" : "Not a supplement of Data/supplements.csv."
        case .remove:
            line = "Adherence counts the entries of the trial that the planner's rule for it leaves out."
        }
        for piece in Self.wrap(" " + line, width: width - 1, indent: "   ") where y < area.bottom {
            canvas.write(piece, x: 0, y: y)
            y += 1
        }
        y += 1
        for piece in Self.wrap(" " + rules.caution, width: width - 1, indent: " ") where y < area.bottom - 1 {
            canvas.write(piece, x: 0, y: y, style: CellStyle(dim: true))
            y += 1
        }
    }
}

extension AppState {
    /// The journal saved a trial started from the form: the trials as they are now, and the
    /// trial screen shows it.
    mutating func trialStarted(_ trial: Trial, trials: [Trial]) {
        self.trials = trials
        if case .trial(var view) = screen {
            view.mode = .show
            view.trialName = trial.name
            view.offset = 0
            screen = .trial(view)
        }
        let back = trial.reintroduceWeeks > 0 ? ", then \(Format.count(trial.reintroduceWeeks, "week", "weeks")) of reintroduction" : ""
        let text = "Started the trial \(TextRules.quoted(trial.name)): \(Format.count(trial.weeks, "week", "weeks")) from \(trial.start)\(back), to \(trial.plannedEnd)"
        record(.addTrial(trial, profileID: profile.id), text)
        message = .init(text: withHint(text, "u undoes"), isError: false)
    }

    /// The journal ended a trial: the trials as they are now.
    mutating func trialEnded(_ trial: Trial, trials: [Trial]) {
        let before = self.trials.first { $0.name == trial.name }
        self.trials = trials
        let text = "Ended the trial \(TextRules.quoted(trial.name)) on \(trial.endedOn?.longDescription ?? today.longDescription) (planned to \(trial.plannedEnd))"
        if let before, before != trial { record(.changeTrial(from: before, to: trial, profileID: profile.id), text) }
        message = .init(text: withHint(text, "u undoes"), isError: false)
    }
}
