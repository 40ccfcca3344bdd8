import NutrientModel

/// The add-food search: the query, its results and the selection.
public struct FoodSearch: Sendable, Equatable {
    public var query: String = ""
    public var results: [Int] = []
    public var selected = 0
    /// Whether the results are the recent foods (the query is empty).
    public var showingRecent = true
}

/// Searching for a food to add: letters are the query (q too); the favourite and recent
/// foods while it is empty.
enum AddFoodScreen: ScreenComponent {
    enum Command: Sendable { case up, down, pageUp, pageDown, choose, erase, newFood, favourite, clear, fullNames }

    static let helpTitle = "Add food"

    static let bindings: [KeyBinding<Command>] = [
        KeyBinding([.up], "↑↓ PgUp PgDn", "pick", bar: "↑↓ pick", .up),
        KeyBinding([.down], "↑↓ PgUp PgDn", "pick", .down),
        KeyBinding([.pageUp], "↑↓ PgUp PgDn", "pick", .pageUp),
        KeyBinding([.pageDown], "↑↓ PgUp PgDn", "pick", .pageDown),
        KeyBinding([.enter], "⏎", "choose", bar: "⏎ choose", .choose),
        KeyBinding([.control("f")], "^F", "favourite, or not", bar: "^F favourite", .favourite),
        KeyBinding([.control("n")], "^N", "a new food from its label", bar: "^N new food", .newFood),
        KeyBinding([.control("u")], "^U", "clear the search", bar: "^U clear", .clear),
        KeyBinding([.control("d")], "^D", "USDA descriptions, or short names", .fullNames),
        KeyBinding([.backspace], "⌫", "erase a letter", .erase),
    ]

    static func takesText(_ state: AppState) -> Bool { true }

    static func barItems(_ state: AppState) -> [String] { ["type search"] + bindings.filter { $0.barWhen(state) }.compactMap(\.bar) }

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard case .addFood(var found) = state.screen else { return [] }
        switch command {
        case .up: found.selected = max(0, found.selected - 1)
        case .down: found.selected = min(max(0, found.results.count - 1), found.selected + 1)
        case .pageUp: found.selected = max(0, found.selected - 10)
        case .pageDown: found.selected = min(max(0, found.results.count - 1), found.selected + 10)
        case .choose:
            guard let food = found.results[safe: found.selected] else {
                state.message = .init(text: "No food selected: type part of its name", isError: true)
                return []
            }
            state.push(.amount(AmountScreen.newForm(for: food, in: state)))
            return []
        case .erase:
            if !found.query.isEmpty { found = search(String(found.query.dropLast()), in: state) }
        case .newFood:
            state.push(.newFood(CustomFoodForm(name: found.query.trimmingCharacters(in: .whitespaces))))
            return []
        case .favourite:
            guard let food = found.results[safe: found.selected] else { return [] }
            let id = state.data.foods.ids[food]
            return [.setFavourite(foodID: id, !state.favourites.contains(id))]
        case .clear:
            found = search("", in: state)
        case .fullNames:
            state.fullFoodNames.toggle()
            state.message = .init(text: state.fullFoodNames ? "Foods named by their USDA descriptions (^D: short names)"
                                                              : "Foods named by their short names (^D: USDA descriptions)", isError: false)
        }
        state.screen = .addFood(found)
        return []
    }

    static func typed(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard case .addFood(var found) = state.screen, case .character(let character) = key else { return [] }
        if found.query.count < 60 { found = search(found.query + String(character), in: state) }
        state.screen = .addFood(found)
        return []
    }

    static func title(_ state: AppState) -> String? { "Add food \(state.glyphs.dot) \(state.day.longDescription)" }

    static func draw(_ painter: inout Painter, in area: Area) {
        guard case .addFood(let search) = painter.state.screen else { return }
        painter.addFood(search, in: area)
    }
}

/// The search state for a query: matches, or the favourite and recent foods when it is
/// empty. Foods the profile's diets leave out come after the others (still there to be
/// found, marked when drawn: a person may eat what their plan would not suggest).
func search(_ query: String, in state: AppState) -> FoodSearch {
    var result = search(unfiltered: query, in: state)
    if !state.hiddenFoods.isEmpty { result.results.removeAll { state.hiddenFoods.contains(state.data.foods.ids[$0]) } }
    return result
}

/// The search, before the foods undone in this session are left out.
private func search(unfiltered query: String, in state: AppState) -> FoodSearch {
    var result = FoodSearch(query: query)
    if query.allSatisfy({ $0 == " " }) {
        let favourites = state.favourites.compactMap { state.data.foods.index(of: $0) }
        let chosen = Set(favourites)
        result.results = favourites + state.recentFoodIndices.filter { !chosen.contains($0) }
        result.showingRecent = true
    } else {
        let found = state.data.search.search(query, limit: 200)
        if state.profile.profile.diets.isEmpty {
            result.results = found
        } else {
            var allowed: [Int] = [], leftOut: [Int] = []
            for food in found {
                if state.dietExclusion(food) == nil { allowed.append(food) } else { leftOut.append(food) }
            }
            result.results = allowed + leftOut
        }
        result.showingRecent = false
    }
    return result
}

extension Painter {
    // MARK: Add food

    mutating func addFood(_ search: FoodSearch, in area: Area) {
        canvas.write(" Search: ", x: 0, y: 2, style: CellStyle(bold: true))
        let end = canvas.write(search.query, x: 9, y: 2)
        canvas.write(String(glyphs.cursor), x: end, y: 2)
        let heading: String
        if search.showingRecent {
            heading = search.results.isEmpty ? "Type part of a food's name: words in any order, prefixes work (salmon cook)"
                : state.favourites.isEmpty ? "Recently used" : "Favourites, then recently used"
        } else {
            heading = search.results.isEmpty ? "No food matches \"\(search.query)\""
                : search.results.count == 200 ? "200+ matches" : Format.count(search.results.count, "match", "matches")
        }
        canvas.write(" " + heading, x: 0, y: 3, style: CellStyle(dim: true), maxWidth: width)
        let top = 4
        let rows = height - 2 - top
        let start = max(0, min(search.selected - rows / 2, search.results.count - rows))
        // Names too long for the row keep the words that tell them from the others shown.
        let names = search.results.dropFirst(start).prefix(rows).map { state.foodName(state.data.foods.ids[$0]) }
        for (offset, food) in search.results.dropFirst(start).prefix(rows).enumerated() {
            let y = top + offset
            let id = state.data.foods.ids[food]
            let mark = state.favourites.contains(id) ? glyphs.favourite : " "
            // A food the diets leave out keeps room for the diet's name at least ("· no fish"),
            // as the CLI's search marks it; the whole reason where it fits.
            let reason = state.dietExclusion(food).map(Self.forReaders)
            let short = reason.map { "  \(glyphs.dot) " + String($0.prefix { $0 != ":" }) } ?? ""
            let name = Self.elide(state.foodName(id), to: width - 10 - short.count, among: names, glyphs: glyphs)
            let end = canvas.write(" \(mark)\(id.padding(toLength: 6, withPad: " ", startingAt: 0)) \(name)",
                                   x: 0, y: y, maxWidth: width - 1)
            if let reason {
                let full = "  \(glyphs.dot) \(reason)"
                canvas.write(end + full.count <= width - 1 ? full : short, x: end, y: y, style: CellStyle(dim: true), maxWidth: width - 1 - end)
            }
            if start + offset == search.selected { canvas.style(x: 0, y: y, width: width, CellStyle(reverse: true)) }
        }
    }

}
