import NutrientModel

/// The foods that give the most of a nutrient, per serving and per 100 kcal (from its
/// detail, `f`).
enum SourcesScreen: ScreenComponent {
    enum Command: Sendable { case previous, next, add, back }

    static let helpTitle = "Best sources"

    static let bindings: [KeyBinding<Command>] = [
        KeyBinding([.up, .character("k")], "↑↓ j k", "another nutrient", bar: "↑↓ nutrient", .previous),
        KeyBinding([.down, .character("j")], "↑↓ j k", "another nutrient", .next),
        KeyBinding([.character("a"), .character("/")], "a /", "add a food", bar: "a add", .add),
        KeyBinding([.character("f"), .backspace], "f", "back to the detail", .back),
    ]

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard case .sources(let nutrient) = state.screen else { return [] }
        let all = Nutrient.allCases
        let index = all.firstIndex(of: nutrient)!
        switch command {
        case .previous: state.screen = .sources(all[max(0, index - 1)])
        case .next: state.screen = .sources(all[min(all.count - 1, index + 1)])
        case .add: state.push(.addFood(search("", in: state)))
        case .back: state.pop()
        }
        return []
    }

    static func title(_ state: AppState) -> String? {
        guard case .sources(let nutrient) = state.screen else { return nil }
        return "Best sources \(state.glyphs.dot) \(nutrient.name)"
    }

    static func draw(_ painter: inout Painter, in area: Area) {
        guard case .sources(let nutrient) = painter.state.screen else { return }
        painter.sources(nutrient, in: area)
    }
}

extension Painter {
    // MARK: Sources

    /// The foods that give the most of a nutrient, per serving and per 100 kcal.
    mutating func sources(_ nutrient: Nutrient, in area: Area) {
        let planner = state.planner ?? state.data.makePlanner()
        let target = state.targets[nutrient]
        let rows = max(1, (height - 6) / 2)
        let day = state.report(days: 1)
        let best = planner.bestSources(of: nutrient, target: target, diets: state.profile.profile.diets, limit: rows, for: day)
        var y = 1
        if let reason = planner.sourcesWithheld(of: nutrient, for: day) {
            for line in Self.wrap(" " + Self.forReaders(reason), width: width - 1, indent: " ") where y < height - 2 {
                canvas.write(line, x: 0, y: y, style: color(.magenta, bold: true))
                y += 1
            }
            return
        }
        if !state.profile.profile.diets.isEmpty {
            canvas.write(" Keeping to: \(state.profile.profile.diets.sorted().joined(separator: ", "))", x: 0, y: y, style: CellStyle(dim: true))
        }
        y += 1
        for (heading, list, perKcal) in [("Per typical serving", best.perServing, false), ("Per 100 kcal", best.per100Kcal, true)] {
            canvas.write(" \(heading)", x: 0, y: y, style: CellStyle(bold: true))
            y += 1
            for source in list where y < height - 2 {
                let amount = perKcal ? (source.amountPer100Kcal ?? 0) : source.amountPerServing
                var right = "\(Format.amount(amount)) \(nutrient.unit)"
                if !perKcal, let percent = source.percentOfTarget { right += "  \(Format.percent(percent).leftPad(4)) %" }
                let name = perKcal ? source.food.description : "\(source.food.description), \(source.food.servingLabel) (\(Format.number(source.food.servingGrams, decimals: 0)) g)"
                canvas.write("   " + Self.clip(name, to: width - right.count - 6, glyphs: glyphs), x: 0, y: y)
                canvas.writeRight(right, right: width - 1, y: y)
                y += 1
            }
            y += 1
        }
    }

}

extension Painter {
    // MARK: Skin note

    /// The note on why a nutrient matters for skin, its caution and citation.
    mutating func skinNote(_ nutrient: Nutrient, y: Int) -> Int {
        guard let note = state.data.skinNotes.notes[nutrient] else { return y }
        var y = y
        for line in Self.wrap(" Skin: \(note.note)", width: width - 1, indent: "       ").prefix(2) {
            canvas.write(line, x: 0, y: y)
            y += 1
        }
        canvas.write(Self.clip(" Caution: \(note.caution)", to: width, glyphs: glyphs), x: 0, y: y, style: color(.yellow))
        canvas.write(Self.clip(Self.forReaders(" Source: \(note.citation)"), to: width, glyphs: glyphs), x: 0, y: y + 1, style: CellStyle(dim: true))
        return y + 2
    }
}

extension String {
    func trimmingLeadingSpaces(keep: Bool) -> String {
        keep ? self : String(drop { $0 == " " })
    }
}
