import NutrientModel

/// The skin-and-gut screen, as one component: its state, its key table, how it handles a
/// key and how it draws into the area it is given. Two modes: the check-in of a day (`c`:
/// a few keys — ↑↓ a scale, ←→ or digits its value, ⏎ saves) and the overview (`s`: each
/// tracked scale over the last 30 or 90 days beside a nutrient or gut figure, and the gut's
/// week). Every figure comes from NutrientModel (`SkinGutReview`, `Review.gut`).
public struct SkinGutScreen: Sendable, Equatable {
    /// What the screen shows.
    public enum Mode: Sendable, Equatable {
        case overview
        case checkIn(CheckInForm)
    }

    public var mode: Mode
    /// The days the overview covers: 30 or 90.
    public var days = 30
    /// The figure beside the scales, a position in `GutFigure.all`.
    public var figureIndex = GutFigure.all.firstIndex(of: .fibre) ?? 0
    /// The scale selected in the overview.
    public var selected = 0
    /// Whether Esc from the check-in goes back to the day (it was opened with `c` there)
    /// rather than to the overview.
    public var checkInReturnsToDay = false

    /// A key of the screen: what to press and what it does, for the key bar and the help.
    public struct Binding: Sendable, Equatable {
        public let keys: String
        public let words: String
    }

    /// The overview's keys.
    public static let overviewKeys: [Binding] = [
        .init(keys: "↑↓", words: "scale"), .init(keys: "f", words: "figure beside"), .init(keys: "v", words: "30/90 days"),
        .init(keys: "c", words: "check in"), .init(keys: "Esc", words: "back"), .init(keys: "q", words: "back"),
    ]
    /// The check-in's keys.
    public static let checkInKeys: [Binding] = [
        .init(keys: "↑↓", words: "field"), .init(keys: "←→", words: "value"), .init(keys: "0-9", words: "type it"),
        .init(keys: "Del", words: "clear"), .init(keys: "⏎", words: "save"), .init(keys: "Esc", words: "cancel"),
    ]

    /// The key bar of the mode shown.
    public var keyBarText: String {
        let bindings: [Binding]
        if case .checkIn = mode { bindings = Self.checkInKeys } else { bindings = Self.overviewKeys }
        return bindings.map { "\($0.keys) \($0.words)" }.joined(separator: "  ")
    }

    /// The overview.
    public init() { mode = .overview }

    /// The check-in of `day`, with what was already recorded that day.
    public static func checkIn(for day: LocalDate, in state: AppState, returningToDay: Bool) -> SkinGutScreen {
        var screen = SkinGutScreen()
        screen.mode = .checkIn(CheckInForm(date: day, tracked: state.profile.profile.trackedScales,
                                           existing: state.checkIn(on: day), scales: state.data.checkInScales))
        screen.checkInReturnsToDay = returningToDay
        return screen
    }

    /// The figure beside the scales.
    public var figure: GutFigure { GutFigure.all[figureIndex] }

    /// What a key did: the screen as it is now (`nil`: back to the day) and the effects to run.
    public struct Outcome: Sendable, Equatable {
        public var screen: SkinGutScreen?
        public var effects: [Effect] = []
        public var message: String?
    }

    /// Handles a key.
    public func handle(_ key: Key, in state: AppState) -> Outcome {
        var next = self
        switch mode {
        case .overview:
            let count = state.profile.profile.trackedScales.count
            switch key {
            case .escape, .backspace, .character("q"), .character("s"): return Outcome(screen: nil)
            case .up, .character("k"): next.selected = max(0, selected - 1)
            case .down, .character("j"): next.selected = min(max(0, count - 1), selected + 1)
            case .character("f"), .right: next.figureIndex = (figureIndex + 1) % GutFigure.all.count
            case .left: next.figureIndex = (figureIndex + GutFigure.all.count - 1) % GutFigure.all.count
            case .character("v"): next.days = days == 30 ? 90 : 30
            case .character("c"):
                next = Self.checkIn(for: state.day, in: state, returningToDay: false)
                next.days = days
                next.figureIndex = figureIndex
            default: break
            }
            return Outcome(screen: next)
        case .checkIn(var form):
            form.error = nil
            switch key {
            case .escape:
                if checkInReturnsToDay { return Outcome(screen: nil) }
                next.mode = .overview
                return Outcome(screen: next)
            case .enter where form.date > state.today:
                form.error = "a check-in is about a day that has come: ← goes back to today"
            case .enter:
                switch form.checkIn(scales: state.data.checkInScales) {
                case .success(let checkIn):
                    return Outcome(screen: next, effects: [.saveCheckIn(checkIn)])
                case .failure(let error):
                    form.error = error.description
                }
            default:
                form.handle(key, scales: state.data.checkInScales)
            }
            next.mode = .checkIn(form)
            return Outcome(screen: next)
        }
    }

    /// After a check-in was saved: the overview, or the day.
    func saved() -> SkinGutScreen? {
        guard !checkInReturnsToDay else { return nil }
        var next = self
        next.mode = .overview
        return next
    }

    /// Draws the screen into `area` (rows `top..<bottom` of the canvas).
    public func draw(into canvas: inout Canvas, top: Int, bottom: Int, state: AppState) {
        switch mode {
        case .checkIn(let form): form.draw(into: &canvas, top: top, bottom: bottom, state: state)
        case .overview: drawOverview(into: &canvas, top: top, bottom: bottom, state: state)
        }
    }

    /// The model's review of the overview's days, ending on the day shown.
    public func review(in state: AppState) -> SkinGutReview {
        let report = state.report(days: days)
        return state.data.skinGutReview(report: report, checkIns: state.checkIns, tracked: state.profile.profile.trackedScales,
                                        figure: figure, probiotics: state.probiotics)
    }

    /// What changed for the selected scale beside the figure, in one line, from the model's
    /// `WhatChanged` over the overview's days: the check-ins on days at or above the figure's
    /// target against days below, at each lag; or why there is nothing.
    func whatChangedLine(_ scale: CheckInScale, state: AppState) -> String {
        let changed = state.data.whatChanged(report: state.report(days: days), checkIns: state.checkIns,
                                             tracked: state.profile.profile.trackedScales)
        if let reason = changed.reason { return reason }
        if scale.isWeekly { return "What changed compares daily scales: POEM asks about a week." }
        guard let item = changed.figures.first(where: { $0.figure == figure }),
              let lags = item.scales.first(where: { $0.scale == scale })?.lags else {
            return "What changed: \(figure.name) has no target to compare days by."
        }
        // "5.4(14)": the mean and the days counted; "-" for none. Short, to fit 80 columns.
        func side(_ side: WhatChanged.Side) -> String {
            side.mean.map { "\(Format.number($0, decimals: 1))(\(side.count))" } ?? "-"
        }
        let parts = lags.map { "\($0.lag)d \(side($0.atOrAbove))/\(side($0.below))" }
        return "Changed, >=/< target: " + parts.joined(separator: " ")
    }

    private func drawOverview(into canvas: inout Canvas, top: Int, bottom: Int, state: AppState) {
        let glyphs = state.glyphs
        let width = canvas.width
        let review = review(in: state)
        let scales = state.data.checkInScales
        let nameWidth = 14, statsWidth = 28
        let chartX = nameWidth + 2
        let chartWidth = max(8, width - chartX - statsWidth - 2)
        var y = top
        canvas.write(" \(days) days to \(state.day.longDescription) \(glyphs.dot) beside \(figure.name) (\(figure.unit))", x: 0, y: y,
                     style: CellStyle(bold: true), maxWidth: width)
        y += 1
        func sparkline(_ values: [Double?], low: Double, high: Double, x: Int, y: Int, style: CellStyle) {
            // Each column is the average of the days (or weeks) it covers.
            let columns = min(chartWidth, values.count)
            guard columns > 0 else { return }
            let chart = (0..<columns).map { column -> ColumnChart.Column in
                let start = column * values.count / columns, end = (column + 1) * values.count / columns
                let known = values[start..<max(start + 1, end)].compactMap { $0 }
                guard !known.isEmpty else { return .noData }
                // The lowest level is the scale's bottom, the highest its top: never an empty cell.
                let average = known.reduce(0, +) / Double(known.count)
                let share = high > low ? min(1, max(0, (average - low) / (high - low))) : 0
                let level = min(glyphs.levels.count - 1, Int((share * Double(glyphs.levels.count - 1)).rounded()))
                return .eighths(level + 1, style)
            }
            ColumnChart(columns: chart, levels: glyphs.levels, noData: glyphs.noData)
                .draw(into: &canvas, in: Area(x: x, y: y, width: chartWidth, height: 1))
        }
        if review.scales.isEmpty {
            canvas.write(" No scales chosen for this profile: absorb profile set --scales itch,poem,…", x: 0, y: y, maxWidth: width)
            y += 1
        }
        for (index, series) in review.scales.enumerated() where y < bottom - 6 {
            let selectedRow = index == selected
            let name = scales.definition(series.scale).shortName + (series.scale.isWeekly ? " (wk)" : "")
            canvas.write(" " + name, x: 0, y: y, style: selectedRow ? CellStyle(reverse: true) : CellStyle(bold: true), maxWidth: nameWidth + 1)
            // A weekly scale's week average on each of its days, so the columns line up with the days above and below.
            var values: [Double?] = series.daily.map { $0.map(Double.init) }
            if series.scale.isWeekly {
                for (week, average) in zip(review.weeks, series.weekly) {
                    for offset in 0..<week.dayCount { values[review.range.from.days(to: week.from) + offset] = average }
                }
            }
            sparkline(values, low: Double(series.range.lowerBound), high: Double(series.range.upperBound), x: chartX, y: y,
                      style: CellStyle(color: state.useColor ? .cyan : nil))
            var stats = series.latest.map { "latest \($0)" } ?? "not recorded"
            if let band = series.latestBand { stats += " \(band)" }
            canvas.write(Painter.clip(stats, to: statsWidth, glyphs: glyphs), x: chartX + chartWidth + 2, y: y, maxWidth: statsWidth)
            y += 1
        }
        // The figure beside them, on the same days (or weeks, below a weekly scale).
        let figureValues = review.figureDaily
        let figureTop = figureValues.compactMap { $0 }.max() ?? 0
        canvas.write(" " + Painter.clip(figure.name, to: nameWidth, glyphs: glyphs), x: 0, y: y, style: CellStyle(dim: true), maxWidth: nameWidth + 1)
        sparkline(figureValues, low: 0, high: max(figureTop, 1e-9), x: chartX, y: y, style: CellStyle(dim: true))
        canvas.write("top \(Format.number(figureTop, decimals: 1)) \(figure.unit)", x: chartX + chartWidth + 2, y: y, style: CellStyle(dim: true), maxWidth: statsWidth)
        y += 1
        // The latest trial that shares a day with these days: its phases under the same columns.
        let trial = state.trials.last { $0.window.from <= review.range.to && review.range.from <= $0.window.to }
        if let trial, y < bottom - 4 {
            TrialPhaseRow(trial: trial, range: review.range).draw(into: &canvas, x: 0, y: y, nameWidth: nameWidth, chartX: chartX,
                                                                   chartWidth: chartWidth, statsWidth: statsWidth, glyphs: glyphs)
            y += 1
        }
        let columns = min(chartWidth, days)
        let perColumn = days % columns == 0 ? "\(days / columns) day\(days == columns ? "" : "s")" : "\(days / columns)–\(days / columns + 1) days"
        canvas.write(" \(glyphs.noData) not recorded (not zero) \(glyphs.dot) a column is \(perColumn), oldest left",
                     x: 0, y: y, style: CellStyle(dim: true), maxWidth: width)
        y += 2
        // The selected scale in words.
        if let series = review.scales[safe: selected], y < bottom {
            var text = " \(series.name): \(series.recordedDays) day\(series.recordedDays == 1 ? "" : "s") recorded"
            if let average = series.average { text += ", average \(Format.number(average, decimals: 1))" }
            if series.scale.isWeekly, let band = series.latestWeekBand { text += ", latest week \(band)" }
            if let change = series.weeklyChange { text += ", first to last week \(change >= 0 ? "+" : "")\(Format.number(change, decimals: 1))" }
            canvas.write(Painter.clip(text, to: width, glyphs: glyphs), x: 0, y: y)
            y += 1
            if y < bottom {
                canvas.write(Painter.clip(" " + whatChangedLine(series.scale, state: state), to: width, glyphs: glyphs), x: 0, y: y,
                             style: CellStyle(dim: true))
                y += 1
            }
        }
        // The gut's week, from the one review.
        let week = state.report(days: 7)
        let gut = state.data.review(week, probiotics: state.probiotics).gut
        var lines = ["Gut, 7 days: fibre \(Format.amount(gut.fibreGramsPerDay)) g/day\(gut.fibreTarget.map { " of \(Format.amount($0))" } ?? "")"
                     + " \(glyphs.dot) probiotic \(gut.probioticDays) of \(gut.days) days",
                     "fermented \(Format.number(gut.fermentedServings, decimals: 1)) servings (\(Format.number(gut.liveCultureServings, decimals: 1)) live cultures)"
                     + " \(glyphs.dot) prebiotic \(Format.number(gut.prebioticServings, decimals: 1))"
                     + (gut.prebioticKinds.isEmpty ? "" : " (\(gut.prebioticKinds.prefix(3).map(\.kind).joined(separator: ", ")))")]
        if let trial {
            let phases = TrialPhase.allCases.compactMap { phase in trial.range(of: phase).map { "\(phase.name.lowercased()) \($0.from) – \($0.to)" } }
            lines.insert("Trial \"\(trial.name)\": " + phases.joined(separator: " \(glyphs.dot) ") + " (t compares them)", at: 0)
        }
        if let note = review.notes.last { lines.append("Note \(note.date): \(note.note)") }
        for line in lines where y < bottom {
            canvas.write(Painter.clip(" " + line, to: width, glyphs: glyphs), x: 0, y: y)
            y += 1
        }
    }
}

/// A trial's phases as a row under the skin-and-gut charts: one letter per column, on the
/// column's last day (b baseline, T trial, r reintroduction, blank outside it), the trial's
/// name before and its letters' key after.
public struct TrialPhaseRow: Sendable {
    public let trial: Trial
    public let range: DateRange

    /// The row of `trial` over `range`.
    public init(trial: Trial, range: DateRange) {
        self.trial = trial
        self.range = range
    }

    /// The letter of a phase.
    public static func letter(_ phase: TrialPhase?) -> Character {
        switch phase {
        case .baseline: "b"
        case .trial: "T"
        case .reintroduction: "r"
        case nil: " "
        }
    }

    /// The letters of `columns` columns over the range's days, oldest left.
    public func letters(columns: Int) -> String {
        let days = range.dayCount
        let count = min(columns, days)
        guard count > 0 else { return "" }
        return String((0..<count).map { column in
            let last = (column + 1) * days / count - 1
            return Self.letter(trial.phase(on: range.from.adding(days: last)))
        })
    }

    func draw(into canvas: inout Canvas, x: Int, y: Int, nameWidth: Int, chartX: Int, chartWidth: Int, statsWidth: Int, glyphs: Glyphs) {
        canvas.write(" " + Painter.clip("Trial", to: nameWidth, glyphs: glyphs), x: x, y: y, style: CellStyle(bold: true), maxWidth: nameWidth + 1)
        canvas.write(letters(columns: chartWidth), x: x + chartX, y: y, style: CellStyle(bold: true), maxWidth: chartWidth)
        canvas.write(Painter.clip("b T r: \(trial.name)", to: statsWidth, glyphs: glyphs), x: x + chartX + chartWidth + 2, y: y,
                     maxWidth: statsWidth)
    }
}

/// The check-in form: one row per tracked scale (POEM as its seven questions), and a note.
public struct CheckInForm: Sendable, Equatable {
    /// A row of the form.
    public enum Field: Sendable, Hashable {
        case scale(CheckInScale)
        /// A POEM question, 0 to 6.
        case poem(Int)
        case note
    }

    public let date: LocalDate
    public let fields: [Field]
    public var values: [Field: Int]
    public var note: String
    public var selected = 0
    public var error: String?

    /// Whether the note is the field selected (it takes text).
    var isOnNote: Bool { fields.indices.contains(selected) && fields[selected] == .note }

    /// The form for `date`, holding what `existing` recorded.
    public init(date: LocalDate, tracked: [CheckInScale], existing: CheckIn?, scales: CheckInScales) {
        self.date = date
        var fields: [Field] = []
        for scale in tracked {
            if scale == .poem { fields += (0..<scales.poemQuestions.count).map { .poem($0) } } else { fields.append(.scale(scale)) }
        }
        self.fields = fields + [.note]
        var values: [Field: Int] = [:]
        if let existing {
            for scale in CheckInScale.allCases where scale != .poem {
                if let value = existing.value(of: scale) { values[.scale(scale)] = value }
            }
            for (index, answer) in (existing.poemAnswers ?? []).enumerated() { values[.poem(index)] = answer }
        }
        self.values = values
        note = existing?.note ?? ""
    }

    private func range(of field: Field, _ scales: CheckInScales) -> ClosedRange<Int>? {
        switch field {
        case .scale(let scale): scales.definition(scale).range
        case .poem: 0...scales.poemHighestAnswer
        case .note: nil
        }
    }

    /// A key other than ⏎ and Esc.
    mutating func handle(_ key: Key, scales: CheckInScales) {
        let field = fields[selected]
        switch key {
        case .up, .backTab: selected = max(0, selected - 1)
        case .down, .tab: selected = min(fields.count - 1, selected + 1)
        case .delete: if field == .note { note = "" } else { values[field] = nil }
        default:
            if field == .note {
                switch key {
                case .backspace: if !note.isEmpty { note.removeLast() }
                case .character(let character) where note.utf8.count < CheckInScales.maxNoteBytes && !character.unicodeScalars.contains(where: TextRules.isUnsafe):
                    note.append(character)
                default: break
                }
                return
            }
            guard let range = range(of: field, scales) else { return }
            switch key {
            case .right, .character("+"), .character("l"):
                values[field] = values[field].map { min(range.upperBound, $0 + 1) } ?? range.lowerBound
            case .left, .character("-"), .character("h"):
                values[field] = values[field].map { max(range.lowerBound, $0 - 1) } ?? range.lowerBound
            case .backspace:
                if let value = values[field] { values[field] = value >= 10 ? value / 10 : nil }
            case .character(let character) where character.isASCII && character.isNumber:
                let digit = Int(String(character))!
                let longer = (values[field] ?? 0) * 10 + digit
                values[field] = values[field] != nil && range.contains(longer) ? longer : digit
                if !range.contains(values[field]!) { values[field] = nil; error = "\(digit) is outside \(range.lowerBound)–\(range.upperBound)" }
            default: break
            }
        }
    }

    /// The check-in the form holds, checked against the scales.
    public func checkIn(scales: CheckInScales) -> Result<CheckIn, CheckInError> {
        var checkIn = CheckIn(date: date)
        checkIn.itch = values[.scale(.itch)]
        checkIn.spots = values[.scale(.spots)]
        checkIn.bristol = values[.scale(.bristol)]
        checkIn.bloating = values[.scale(.bloating)]
        let answers = (0..<scales.poemQuestions.count).map { values[.poem($0)] }
        let given = answers.compactMap { $0 }
        if !given.isEmpty {
            guard given.count == answers.count else {
                return .failure(CheckInError("answer all \(answers.count) POEM questions, or none (\(given.count) answered)"))
            }
            checkIn.poemAnswers = given
        }
        let trimmed = note.trimmingCharacters(in: .whitespaces)
        checkIn.note = trimmed.isEmpty ? nil : trimmed
        guard !checkIn.isEmpty else { return .failure(CheckInError("nothing to save: give a scale a value (←→ or a digit)")) }
        do { try scales.validate(checkIn) } catch { return .failure(error) }
        return .success(checkIn)
    }

    func draw(into canvas: inout Canvas, top: Int, bottom: Int, state: AppState) {
        let scales = state.data.checkInScales
        let width = canvas.width
        let glyphs = state.glyphs
        var y = top
        canvas.write(" Check-in \(glyphs.dot) \(date.longDescription)\(state.checkIn(on: date) == nil ? "" : " (a second one updates it)")",
                     x: 0, y: y, style: CellStyle(bold: true), maxWidth: width)
        y += 1
        let labelWidth = min(width / 2, 46)
        let visible = max(1, bottom - y - 2)
        let first = max(0, min(selected - visible / 2, fields.count - visible))
        for index in first..<min(fields.count, first + visible) {
            let field = fields[index]
            let label: String
            var value = "—"
            var hint = ""
            switch field {
            case .scale(let scale):
                let definition = scales.definition(scale)
                label = definition.name
                if let number = values[field] {
                    value = "\(number)"
                    if let band = scales.band(of: number, on: scale) { hint = band.name }
                }
                if hint.isEmpty { hint = "\(definition.range.lowerBound)–\(definition.range.upperBound)" }
            case .poem(let question):
                label = "POEM \(question + 1)/\(scales.poemQuestions.count) " + Self.shortQuestion(scales.poemQuestions[question].text)
                if let answer = values[field] {
                    value = "\(answer)"
                    hint = scales.poemAnswers[answer] ?? ""
                } else {
                    hint = "0 no days … 4 every day"
                }
            case .note:
                label = "Note"
                value = note.isEmpty ? "" : note
            }
            let selectedRow = index == selected
            canvas.write(" " + Painter.clip(label, to: labelWidth - 2, glyphs: glyphs), x: 0, y: y,
                         style: selectedRow ? CellStyle(reverse: true) : .plain, maxWidth: labelWidth)
            var end = canvas.write(Painter.clip(value, to: width - labelWidth - 4, glyphs: glyphs), x: labelWidth + 1, y: y,
                                   style: CellStyle(bold: true))
            if selectedRow, field == .note { end = canvas.write(String(glyphs.cursor), x: end, y: y) }
            if field != .note { canvas.write("  " + hint, x: end, y: y, style: CellStyle(dim: true), maxWidth: max(0, width - end)) }
            y += 1
        }
        if let error {
            canvas.write(Painter.clip(" ! " + error, to: width, glyphs: glyphs), x: 0, y: bottom - 1, style: CellStyle(color: state.useColor ? .red : nil, bold: true))
        } else if case .poem(let question) = fields[selected] {
            // The whole question under the form.
            canvas.write(Painter.clip(" " + scales.poemQuestions[question].text, to: width, glyphs: glyphs), x: 0, y: bottom - 1, style: CellStyle(dim: true))
        }
    }

    /// "itchy", "sleep disturbed": the heart of a POEM question, for a narrow row.
    static func shortQuestion(_ text: String) -> String {
        let words = ["itchy", "sleep", "bleeding", "weeping", "cracked", "flaking", "dry or rough"]
        return words.first { text.contains($0) } ?? ""
    }
}

extension AppState {
    /// The check-in of a day, if there is one.
    public func checkIn(on day: LocalDate) -> CheckIn? { checkIns.first { $0.date == day } }
}

/// The skin-and-gut screen in the dashboard's design: its key table (for the key bar and
/// the help), routed to `SkinGutScreen.handle`, and its drawing into the area it is given.
enum SkinGutComponent: ScreenComponent {
    enum Command: Sendable {
        case overviewUp, overviewDown, nextFigure, previousFigure, days, checkIn, leave, trial
        case fieldUp, fieldDown, more, less, clear, save, cancel
    }

    static let helpTitle = "Skin and gut"

    private static func screen(_ state: AppState) -> SkinGutScreen? {
        if case .skinGut(let screen) = state.screen { return screen }
        return nil
    }

    private static let inOverview: @Sendable (AppState) -> Bool = {
        if case .overview? = screen($0)?.mode { return true }
        return false
    }
    private static let inCheckIn: @Sendable (AppState) -> Bool = { !inOverview($0) }
    private static let onValue: @Sendable (AppState) -> Bool = { inCheckIn($0) && !takesText($0) }

    static let bindings: [KeyBinding<Command>] = [
        KeyBinding([.up, .character("k")], "↑↓ j k", "overview: another scale", bar: "↑↓ scale", .overviewUp, when: inOverview),
        KeyBinding([.down, .character("j")], "↑↓ j k", "overview: another scale", .overviewDown, when: inOverview),
        KeyBinding([.character("f"), .right], "f →", "overview: the figure beside the scales", bar: "f figure", .nextFigure, when: inOverview),
        KeyBinding([.left], "←", "overview: the figure before", .previousFigure, when: inOverview),
        KeyBinding([.character("v")], "v", "overview: 30 or 90 days", bar: "v 30/90", .days, when: inOverview),
        KeyBinding([.character("c")], "c", "overview: check in for the day", bar: "c check in", .checkIn, when: inOverview),
        KeyBinding([.character("t")], "t", "overview: the trial, its phases compared (and n starts one)", bar: "t trial", .trial, when: inOverview),
        KeyBinding([.character("s"), .backspace], "s", "overview: back to the day", .leave, when: inOverview),
        KeyBinding([.up, .backTab], "↑↓ Tab", "check-in: another scale or question", bar: "↑↓ field", .fieldUp, when: inCheckIn),
        KeyBinding([.down, .tab], "↑↓ Tab", "check-in: another scale or question", .fieldDown, when: inCheckIn),
        KeyBinding([.right, .character("+")], "←→ + -", "check-in: the value up or down (or type its digits)", bar: "←→ 0-9 value", .more, when: onValue),
        KeyBinding([.left, .character("-")], "←→ + -", "check-in: the value up or down (or type its digits)", .less, when: onValue),
        KeyBinding([.delete], "Del", "check-in: clear the field", bar: "Del clear", .clear, when: inCheckIn),
        KeyBinding([.enter], "⏎", "check-in: save (a second check-in that day updates it)", bar: "⏎ save", .save, when: inCheckIn),
        KeyBinding([.escape], "Esc", "check-in: cancel", bar: "Esc cancel", .cancel, when: inCheckIn),
    ]

    /// The key each command stands for in `SkinGutScreen.handle`.
    private static func key(for command: Command) -> Key {
        switch command {
        case .overviewUp, .fieldUp: .up
        case .overviewDown, .fieldDown: .down
        case .nextFigure: .character("f")
        case .previousFigure: .left
        case .days: .character("v")
        case .checkIn: .character("c")
        case .leave: .escape
        case .more: .right
        case .less: .left
        case .clear: .delete
        case .save: .enter
        case .cancel: .escape
        case .trial: .character("t")
        }
    }

    /// The check-in's note takes text; its digits are values of the scale selected.
    static func takesText(_ state: AppState) -> Bool {
        guard case .checkIn(let form)? = screen(state)?.mode else { return false }
        return form.isOnNote
    }

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        if case .trial = command {
            state.push(.trial(TrialView()))
            return []
        }
        return apply(key(for: command), &state)
    }

    static func typed(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard inCheckIn(state) else { return [] }
        return apply(key, &state)
    }

    private static func apply(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard let screen = screen(state) else { return [] }
        let outcome = screen.handle(key, in: state)
        if let next = outcome.screen { state.screen = .skinGut(next) } else { state.pop() }
        if let text = outcome.message { state.message = .init(text: text, isError: false) }
        return outcome.effects
    }

    static func title(_ state: AppState) -> String? {
        guard let screen = screen(state) else { return nil }
        // The body's first row says the day or the days covered.
        if case .checkIn = screen.mode { return "Check-in" }
        return "Skin & gut"
    }

    static func draw(_ painter: inout Painter, in area: Area) {
        guard let screen = screen(painter.state) else { return }
        screen.draw(into: &painter.canvas, top: area.y, bottom: area.bottom, state: painter.state)
    }
}
