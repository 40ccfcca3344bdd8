import NutrientModel

/// The foods that give the most of a nutrient per serving, per 100 g or per 100 kcal (`b`
/// cycles), from its detail or the gaps (`f`): the model's ranking (`GapPlanner.rank`),
/// by the rules of `absorb foods rank` and of a plan.
enum SourcesScreen: ScreenComponent {
    enum Command: Sendable { case previous, next, basis, add, back }

    static let helpTitle = "Best sources"

    static let bindings: [KeyBinding<Command>] = [
        KeyBinding([.up, .character("k")], "↑↓ j k", "another nutrient", bar: "↑↓ nutrient", .previous),
        KeyBinding([.down, .character("j")], "↑↓ j k", "another nutrient", .next),
        KeyBinding([.character("b"), .tab], "b Tab", "per serving, per 100 g, per 100 kcal", bar: "b per", .basis),
        KeyBinding([.character("a"), .character("/")], "a /", "add a food", bar: "a add", .add),
        KeyBinding([.character("f"), .backspace], "f", "back to where you were", .back),
    ]

    /// The basis after `basis`, as `b` cycles them.
    static func next(_ basis: RankBasis) -> RankBasis {
        let all = RankBasis.allCases
        return all[(all.firstIndex(of: basis)! + 1) % all.count]
    }

    /// The basis in words: "per serving", "per 100 g", "per 100 kcal".
    static func words(_ basis: RankBasis) -> String {
        switch basis {
        case .serving: "per serving"
        case .per100g: "per 100 g"
        case .per100kcal: "per 100 kcal"
        }
    }

    static func barItems(_ state: AppState) -> [String] {
        guard case .sources(_, let basis) = state.screen else { return [] }
        // The bar says what b shows next.
        return bindings.compactMap(\.bar).map { $0 == "b per" ? "b \(words(next(basis)))" : $0 }
    }

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard case .sources(let nutrient, let basis) = state.screen else { return [] }
        let all = Nutrient.allCases
        let index = all.firstIndex(of: nutrient)!
        switch command {
        case .previous: state.screen = .sources(all[max(0, index - 1)], per: basis)
        case .next: state.screen = .sources(all[min(all.count - 1, index + 1)], per: basis)
        case .basis: state.screen = .sources(nutrient, per: next(basis))
        case .add: state.push(.addFood(search("", in: state)))
        case .back: state.pop()
        }
        state.makeRanking()
        return []
    }

    static func title(_ state: AppState) -> String? {
        guard case .sources(let nutrient, let basis) = state.screen else { return nil }
        return "Best sources \(state.glyphs.dot) \(nutrient.name) \(words(basis))"
    }

    static func draw(_ painter: inout Painter, in area: Area) {
        guard case .sources(let nutrient, let basis) = painter.state.screen else { return }
        painter.sources(nutrient, per: basis, in: area)
    }
}

/// A ranking made for the sources screen, with what it was made from: drawn only while
/// those are the same (a ranking per serving for a person takes a quarter of a second in a
/// debug build, too long for every frame).
struct RankingCache: Sendable {
    struct Key: Sendable, Equatable {
        let nutrient: Nutrient
        let basis: RankBasis
        let profile: StoredProfile
        let overrides: [TargetOverride]
        let day: [Entry]
    }
    let key: Key
    let ranking: FoodRanking
    /// How many foods a ranking is made with: more than a screen's rows.
    static let depth = 60
}

extension AppState {
    /// The ranking the sources screen shows: the model's, for the shown day's person (their
    /// portions, life stage, diets and upper limits), `limit` foods.
    public func ranking(of nutrient: Nutrient, per basis: RankBasis, limit: Int) -> FoodRanking {
        if let cache = sourcesRanking, cache.key == rankingKey(nutrient, basis),
           cache.ranking.sources.count >= limit || cache.ranking.sources.count < RankingCache.depth {
            return cache.ranking.prefix(limit)
        }
        return data.planner.rank(nutrient, per: basis, diets: profile.profile.diets, for: report(days: 1), limit: limit)
    }

    /// What a ranking is made from.
    func rankingKey(_ nutrient: Nutrient, _ basis: RankBasis) -> RankingCache.Key {
        RankingCache.Key(nutrient: nutrient, basis: basis, profile: profile, overrides: overrides, day: dayEntries)
    }

    /// Makes the ranking of the sources screen in front, if it is in front.
    mutating func makeRanking() {
        guard case .sources(let nutrient, let basis) = screen else { return }
        let ranking = data.planner.rank(nutrient, per: basis, diets: profile.profile.diets, for: report(days: 1), limit: RankingCache.depth)
        sourcesRanking = RankingCache(key: rankingKey(nutrient, basis), ranking: ranking)
    }
}

extension Painter {
    // MARK: Sources

    /// The foods that give the most of a nutrient on a basis, richest first: the figure
    /// the ranking orders by, and per serving its percent of the target.
    mutating func sources(_ nutrient: Nutrient, per basis: RankBasis, in area: Area) {
        var y = area.y
        let rows = max(1, area.bottom - area.y - 3)
        let ranking = state.ranking(of: nutrient, per: basis, limit: rows)
        if let reason = ranking.withheld {
            for line in Self.wrap(" " + Self.forReaders(reason), width: width - 1, indent: " ") where y < area.bottom {
                canvas.write(line, x: 0, y: y, style: color(.magenta, bold: true))
                y += 1
            }
            return
        }
        let diets = state.profile.profile.diets
        if !diets.isEmpty {
            canvas.write(" Keeping to: \(diets.sorted().joined(separator: ", "))", x: 0, y: y, style: CellStyle(dim: true), maxWidth: width - 1)
        }
        y += 1
        if ranking.sources.isEmpty {
            canvas.write(" No food a plan could suggest has any \(nutrient.name) here.", x: 0, y: y + 1, maxWidth: width - 1)
            return
        }
        y += 1
        let names = ranking.sources.map { "\($0.food.description), \($0.food.servingLabel) (\(Format.number($0.food.servingGrams, decimals: 0)) g)" }
        for (place, source) in ranking.sources.enumerated() where y < area.bottom - 1 {
            var right = source.amount(per: basis).map { "\(Format.amount($0)) \(nutrient.unit)" } ?? "\(glyphs.dot)"
            right += "  " + (source.percentOfTarget.map { "\(Format.percent($0).leftPad(5)) %" } ?? "       ")
            let number = "\(place + 1).".leftPad(4)
            let name = Self.elide(names[place], to: width - right.count - number.count - 4, among: names, glyphs: glyphs)
            canvas.write("\(number) \(name)", x: 0, y: y, maxWidth: width - right.count - 2)
            canvas.writeRight(right, right: width - 1, y: y)
            y += 1
        }
        canvas.write(" % of the target in the serving shown", x: 0, y: area.bottom - 1, style: CellStyle(dim: true), maxWidth: width - 1)
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
