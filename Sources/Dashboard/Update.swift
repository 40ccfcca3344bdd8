import NutrientModel

/// The one function that changes the dashboard: it applies an action to the state and
/// returns the effects (journal writes, quitting) the executable must run.
public func update(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .resize(let width, let height):
        state.width = width
        state.height = height
        return []
    case .clock(let today, let minute):
        if state.day == state.today { state.day = today }
        state.today = today
        state.minuteOfDay = minute
        return []
    case .entrySaved(let entry):
        state.insert(entry)
        state.day = entry.date
        state.screen = .day
        state.focus = .entries
        state.selectedEntry = state.dayEntries.firstIndex { $0.id == entry.id } ?? 0
        if state.lastDeleted?.id == entry.id {
            state.lastDeleted = nil
            state.message = .init(text: "Restored \(describe(entry, in: state))", isError: false)
        } else {
            state.message = .init(text: "Added \(describe(entry, in: state))", isError: false)
        }
        return []
    case .entryUpdated(let entry):
        state.insert(entry)
        state.screen = .day
        state.selectedEntry = state.dayEntries.firstIndex { $0.id == entry.id } ?? 0
        state.message = .init(text: "Changed to \(describe(entry, in: state))", isError: false)
        return []
    case .entryDeleted(let entry):
        state.remove(entry)
        state.lastDeleted = entry
        state.selectedEntry = max(0, min(state.selectedEntry, state.dayEntries.count - 1))
        if state.dayEntries.isEmpty { state.focus = .nutrients }
        state.message = .init(text: "Deleted \(describe(entry, in: state)) · u undoes", isError: false)
        return []
    case .profileSaved(let summary):
        state.profile = summary
        if let index = state.profiles.firstIndex(where: { $0.id == summary.id }) {
            state.profiles[index] = summary
        } else {
            state.profiles.append(summary)
        }
        state.recomputeTargets()
        state.message = .init(text: "Saved \(summary.profile.name) · targets: \(state.targets.lifeStage)", isError: false)
        return []
    case .profileLoaded(let context):
        state.profile = context.profile
        state.profiles = context.profiles
        state.overrides = context.overrides
        state.favourites = context.favourites
        state.entriesByDate = Dictionary(grouping: context.entries, by: \.date)
        state.checkIns = context.checkIns
        state.probiotics = context.probiotics
        state.recomputeTargets()
        state.lastDeleted = nil
        state.selectedEntry = 0
        state.message = .init(text: state.banner != nil ? "The demo is back as it started"
                                                        : "Now showing \(context.profile.profile.name)", isError: false)
        return []
    case .entriesCopied(let count, let entries):
        state.entriesByDate = Dictionary(grouping: entries, by: \.date)
        state.focus = .entries
        state.selectedEntry = 0
        state.message = .init(text: "Copied \(count) entr\(count == 1 ? "y" : "ies") to \(state.day.longDescription) · d deletes one", isError: false)
        return []
    case .entriesReloaded(let entries):
        // Keep the day, the screen and, where it still exists, the selected entry.
        let selected = state.dayEntries[safe: state.selectedEntry]?.id
        state.entriesByDate = Dictionary(grouping: entries, by: \.date)
        state.selectedEntry = state.dayEntries.firstIndex { $0.id == selected }
            ?? max(0, min(state.selectedEntry, state.dayEntries.count - 1))
        if state.dayEntries.isEmpty, state.focus == .entries { state.focus = .nutrients }
        if case .gaps = state.screen { state.makePlan() }
        return []
    case .favouritesChanged(let foodID, let favourites):
        let added = favourites.contains(foodID) && !state.favourites.contains(foodID)
        state.favourites = favourites
        if case .addFood(let current) = state.screen {
            var refreshed = search(current.query, in: state)
            refreshed.selected = refreshed.results.firstIndex { state.data.foods.ids[$0] == foodID } ?? min(current.selected, max(0, refreshed.results.count - 1))
            state.screen = .addFood(refreshed)
        }
        state.message = .init(text: "\(added ? "Favourite" : "No longer a favourite"): \(state.foodName(foodID))", isError: false)
        return []
    case .customFoodAdded(let food):
        do {
            try state.data.addCustomFoods([food])
        } catch {
            state.message = .init(text: "Saved \(food.id), but it clashes with the table: \(error.description)", isError: true)
            return []
        }
        // Straight on to logging it: one serving, the label's measure.
        if let index = state.data.foods.index(of: food.id) {
            var form = newForm(for: index, in: state)
            form.amountText = "1"
            form.unit = 1
            state.screen = .amount(form)
        }
        state.message = .init(text: "Added \(food.id) \(food.description) to your foods", isError: false)
        return []
    case .failed(let message):
        state.message = .init(text: message, isError: true)
        return []
    case .checkInsReloaded(let checkIns, let probiotics):
        state.checkIns = checkIns
        state.probiotics = probiotics
        return []
    case .checkInSaved(let checkIn, let updated):
        state.checkIns.removeAll { $0.date == checkIn.date }
        state.checkIns.append(checkIn)
        state.checkIns.sort { $0.date < $1.date }
        if case .skinGut(let screen) = state.screen { state.screen = screen.saved().map(Screen.skinGut) ?? .day }
        state.message = .init(text: "\(updated ? "Updated the check-in" : "Checked in") for \(checkIn.date.longDescription)", isError: false)
        return []
    case .key(let key):
        if key == .control("c") {
            state.wantsQuit = true
            return [.quit]
        }
        if state.isTooSmall {
            if key == .character("q") {
                state.wantsQuit = true
                return [.quit]
            }
            return []
        }
        state.message = nil
        switch state.screen {
        case .day: return dayKey(&state, key)
        case .detail(let nutrient): return detailKey(&state, key, nutrient)
        case .addFood(let search): return addFoodKey(&state, key, search)
        case .amount(let form): return amountKey(&state, key, form)
        case .profile(let form): return profileKey(&state, key, form)
        case .help(let from):
            if [.escape, .character("?"), .character("q"), .enter, .backspace].contains(key) {
                switch from {
                case .day: state.screen = .day
                case .detail(let nutrient): state.screen = .detail(nutrient)
                case .profile: state.screen = .profile(ProfileForm())
                }
            }
            return []
        case .goToDate(let text, _): return goToDateKey(&state, key, text)
        case .trends: return trendsKey(&state, key)
        case .gaps: return gapsKey(&state, key)
        case .sources(let nutrient): return sourcesKey(&state, key, nutrient)
        case .newFood(let form): return newFoodKey(&state, key, form)
        case .skinGut(let screen):
            let outcome = screen.handle(key, in: state)
            state.screen = outcome.screen.map(Screen.skinGut) ?? .day
            if let text = outcome.message { state.message = .init(text: text, isError: false) }
            return outcome.effects
        }
    }
}

private func describe(_ entry: Entry, in state: AppState) -> String {
    let day = entry.date == state.day ? "" : ", \(entry.date.longDescription)"
    return "\(Format.number(entry.grams, decimals: 1)) g of \(state.foodName(entry.foodID)) (\(state.data.meals.label(of: entry.meal))\(day))"
}

/// Keys that move between days, shared by the day and detail screens.
private func dayMove(_ state: inout AppState, _ key: Key) -> Bool {
    switch key {
    case .left, .character("h"): state.day = state.day.adding(days: -1)
    case .right, .character("l"): state.day = state.day.adding(days: 1)
    case .character("["): state.day = state.day.adding(days: -7)
    case .character("]"): state.day = state.day.adding(days: 7)
    case .character("t"): state.day = state.today
    default: return false
    }
    state.selectedEntry = 0
    if state.dayEntries.isEmpty { state.focus = .nutrients }
    return true
}

private func dayKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    if dayMove(&state, key) { return [] }
    let entries = state.dayEntries
    switch key {
    case .character("q"):
        state.wantsQuit = true
        return [.quit]
    case .up, .character("k"):
        if state.focus == .nutrients {
            state.selectedNutrient = max(0, state.selectedNutrient - 1)
        } else {
            state.selectedEntry = max(0, state.selectedEntry - 1)
        }
    case .down, .character("j"):
        if state.focus == .nutrients {
            state.selectedNutrient = min(Nutrient.allCases.count - 1, state.selectedNutrient + 1)
        } else {
            state.selectedEntry = min(max(0, entries.count - 1), state.selectedEntry + 1)
        }
    case .tab, .backTab:
        if state.focus == .nutrients, !entries.isEmpty {
            state.focus = .entries
            state.selectedEntry = min(state.selectedEntry, entries.count - 1)
        } else {
            state.focus = .nutrients
        }
        if state.focus == .nutrients, key == .tab, entries.isEmpty {
            state.message = .init(text: "No entries on this day to select · a adds a food", isError: false)
        }
    case .enter:
        if state.focus == .nutrients {
            state.screen = .detail(Nutrient.allCases[state.selectedNutrient])
        } else if let entry = entries[safe: state.selectedEntry] {
            state.screen = .amount(editForm(for: entry, in: state))
        }
    case .character("e"):
        if state.focus == .entries, let entry = entries[safe: state.selectedEntry] {
            state.screen = .amount(editForm(for: entry, in: state))
        } else {
            state.message = .init(text: "Tab to the entries, pick one, then e changes it", isError: false)
        }
    case .character("d"), .character("x"), .delete:
        if state.focus == .entries, let entry = entries[safe: state.selectedEntry] {
            return [.deleteEntry(entry)]
        }
        state.message = .init(text: "Tab to the entries, pick one, then d deletes it", isError: false)
    case .character("u"):
        if let entry = state.lastDeleted { return [.restoreEntry(entry)] }
        state.message = .init(text: "Nothing to undo", isError: false)
    case .character("a"), .character("/"):
        state.screen = .addFood(search("", in: state))
    case .character("p"):
        state.screen = .profile(ProfileForm())
    case .character("c"):
        state.screen = .skinGut(.checkIn(for: state.day, in: state, returningToDay: true))
    case .character("s"):
        state.screen = .skinGut(SkinGutScreen())
    case .character("?"):
        state.screen = .help(from: .day)
    case .character(":"):
        state.screen = .goToDate(text: "", error: nil)
    case .character("v"):
        state.period = state.period.next
    case .character("w"):
        state.screen = .trends
    case .character("g"):
        state.makePlan()
        state.screen = .gaps
    case .character("r") where state.banner != nil:
        return [.restoreDemo]
    case .character("y"):
        // Copy the day before onto the shown day.
        let previous = state.entries(on: state.day.adding(days: -1))
        guard !previous.isEmpty else {
            state.message = .init(text: "Nothing logged on \(state.day.adding(days: -1).longDescription) to copy", isError: false)
            return []
        }
        return [.addEntries(previous.map { NewEntry(date: state.day, meal: $0.meal, foodID: $0.foodID, grams: $0.grams) })]
    case .character("m"):
        // Repeat the selected entry's whole meal on today.
        guard state.focus == .entries, let entry = entries[safe: state.selectedEntry] else {
            state.message = .init(text: "Tab to the entries, pick one, then m repeats its meal today", isError: false)
            return []
        }
        let meal = entries.filter { $0.meal == entry.meal }
        state.day = state.today
        return [.addEntries(meal.map { NewEntry(date: state.today, meal: $0.meal, foodID: $0.foodID, grams: $0.grams) })]
    default:
        break
    }
    return []
}

private func trendsKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    if dayMove(&state, key) { return [] }
    switch key {
    case .escape, .backspace, .character("q"), .character("w"): state.screen = .day
    case .character("?"): state.screen = .help(from: .day)
    default: break
    }
    return []
}

private func gapsKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    if dayMove(&state, key) {
        state.makePlan()
        return []
    }
    switch key {
    case .escape, .backspace, .character("q"), .character("g"): state.screen = .day
    case .character("a"), .character("/"): state.screen = .addFood(search("", in: state))
    case .character("?"): state.screen = .help(from: .day)
    default: break
    }
    return []
}

private func sourcesKey(_ state: inout AppState, _ key: Key, _ nutrient: Nutrient) -> [Effect] {
    switch key {
    case .escape, .backspace, .character("q"), .character("f"): state.screen = .detail(nutrient)
    case .up, .character("k"):
        let all = Nutrient.allCases
        state.screen = .sources(all[max(0, all.firstIndex(of: nutrient)! - 1)])
    case .down, .character("j"):
        let all = Nutrient.allCases
        state.screen = .sources(all[min(all.count - 1, all.firstIndex(of: nutrient)! + 1)])
    case .character("a"), .character("/"): state.screen = .addFood(search("", in: state))
    default: break
    }
    return []
}

private func detailKey(_ state: inout AppState, _ key: Key, _ nutrient: Nutrient) -> [Effect] {
    if dayMove(&state, key) { return [] }
    let all = Nutrient.allCases
    let index = all.firstIndex(of: nutrient)!
    switch key {
    case .escape, .backspace, .character("q"), .enter:
        state.screen = .day
        state.selectedNutrient = index
    case .up, .character("k"):
        state.screen = .detail(all[max(0, index - 1)])
        state.selectedNutrient = max(0, index - 1)
    case .down, .character("j"):
        state.screen = .detail(all[min(all.count - 1, index + 1)])
        state.selectedNutrient = min(all.count - 1, index + 1)
    case .character("?"):
        state.screen = .help(from: .detail(nutrient))
    case .character("a"), .character("/"):
        state.screen = .addFood(search("", in: state))
    case .character("f"):
        state.makePlannerIfNeeded()
        state.screen = .sources(nutrient)
    default:
        break
    }
    return []
}

/// The search state for a query: matches, or the favourite and recent foods when it is
/// empty. Foods the profile's diets leave out come after the others (still there to be
/// found, marked when drawn: a person may eat what their plan would not suggest).
func search(_ query: String, in state: AppState) -> FoodSearch {
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

private func addFoodKey(_ state: inout AppState, _ key: Key, _ current: FoodSearch) -> [Effect] {
    var search = current
    switch key {
    case .escape:
        state.screen = .day
        return []
    case .up:
        search.selected = max(0, search.selected - 1)
    case .down:
        search.selected = min(max(0, search.results.count - 1), search.selected + 1)
    case .pageUp:
        search.selected = max(0, search.selected - 10)
    case .pageDown:
        search.selected = min(max(0, search.results.count - 1), search.selected + 10)
    case .enter:
        guard let food = search.results[safe: search.selected] else {
            state.message = .init(text: "No food selected: type part of its name", isError: true)
            return []
        }
        state.screen = .amount(newForm(for: food, in: state))
        return []
    case .backspace:
        if !search.query.isEmpty {
            search = Dashboard.search(String(search.query.dropLast()), in: state)
        }
    case .control("n"):
        state.screen = .newFood(CustomFoodForm(name: search.query.trimmingCharacters(in: .whitespaces)))
        return []
    case .control("f"):
        guard let food = search.results[safe: search.selected] else { return [] }
        let id = state.data.foods.ids[food]
        return [.setFavourite(foodID: id, !state.favourites.contains(id))]
    case .control("u"):
        search = Dashboard.search("", in: state)
    case .character(let character):
        if search.query.count < 60 { search = Dashboard.search(search.query + String(character), in: state) }
    default:
        break
    }
    state.screen = .addFood(search)
    return []
}

private func newForm(for food: Int, in state: AppState) -> AmountForm {
    let portions = state.data.foods.portions(at: food)
    let meal = state.data.meals.defaultMeal(atMinuteOfDay: state.minuteOfDay)
    // A food logged before starts at the amount it was logged at last time.
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

private func editForm(for entry: Entry, in state: AppState) -> AmountForm {
    let food = state.data.foods.index(of: entry.foodID) ?? 0
    return AmountForm(food: food, amountText: Format.number(entry.grams, decimals: 2), unit: 0, meal: entry.meal,
                      editing: entry, error: nil)
}

/// The grams an amount form stands for, or why it stands for none.
public func grams(of form: AmountForm, in state: AppState) -> Result<Double, QuantityError> {
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

private func amountKey(_ state: inout AppState, _ key: Key, _ current: AmountForm) -> [Effect] {
    var form = current
    form.error = nil
    let unitCount = 1 + state.data.foods.portions(at: form.food).count
    let meals = Meal.allCases
    switch key {
    case .escape:
        if form.editing == nil {
            state.screen = .addFood(search("", in: state))
        } else {
            state.screen = .day
        }
        return []
    case .up:
        form.unit = (form.unit + unitCount - 1) % unitCount
    case .down:
        form.unit = (form.unit + 1) % unitCount
    case .left:
        form.meal = meals[(meals.firstIndex(of: form.meal)! + meals.count - 1) % meals.count]
    case .right, .tab:
        form.meal = meals[(meals.firstIndex(of: form.meal)! + 1) % meals.count]
    case .character("b"): form.meal = .breakfast
    case .character("l"): form.meal = .lunch
    case .character("d"): form.meal = .dinner
    case .character("s"): form.meal = .snack
    case .character("g"): form.unit = 0
    case .backspace:
        if !form.amountText.isEmpty { form.amountText.removeLast() }
        form.replacesOnType = false
    case .character(let character) where character.isNumber || "./ ½¼¾".contains(character):
        if form.replacesOnType {
            form.amountText = ""
            form.replacesOnType = false
        }
        if form.amountText.count < 12 { form.amountText.append(character) }
    case .enter:
        switch grams(of: form, in: state) {
        case .failure(let error):
            form.error = error.description
        case .success(let grams):
            let food = state.data.foods.ids[form.food]
            if let entry = form.editing {
                return [.updateEntry(Entry(id: entry.id, date: entry.date, meal: form.meal, foodID: entry.foodID,
                                           grams: grams, loggedAt: entry.loggedAt))]
            }
            return [.addEntry(date: state.day, meal: form.meal, foodID: food, grams: grams)]
        }
    default:
        break
    }
    state.screen = .amount(form)
    return []
}

private func profileKey(_ state: inout AppState, _ key: Key, _ current: ProfileForm) -> [Effect] {
    var form = current
    form.error = nil
    if var text = form.editingText {
        switch key {
        case .escape:
            form.editingText = nil
        case .backspace:
            if !text.isEmpty { text.removeLast() }
            form.editingText = text
        case .character(let character):
            if text.count < 40 { text.append(character) }
            form.editingText = text
        case .enter:
            var person = state.profile.profile
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
        default:
            break
        }
        state.screen = .profile(form)
        return []
    }
    switch key {
    case .escape, .character("q"), .character("p"):
        state.screen = .day
        return []
    case .up, .character("k"):
        form.field = ProfileForm.Field(rawValue: max(0, form.field.rawValue - 1))!
    case .down, .character("j"):
        form.field = ProfileForm.Field(rawValue: min(ProfileForm.Field.allCases.count - 1, form.field.rawValue + 1))!
    case .enter, .character(" "):
        var person = state.profile.profile
        switch form.field {
        case .name:
            form.editingText = person.name
        case .age:
            form.editingText = person.ageText ?? ""
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
    case .character("s"):
        if state.profiles.count > 1, let index = state.profiles.firstIndex(where: { $0.id == state.profile.id }) {
            let next = state.profiles[(index + 1) % state.profiles.count]
            state.screen = .profile(form)
            return [.switchProfile(id: next.id)]
        }
        form.error = "There is only one profile · n adds another"
    case .character("n"):
        state.screen = .profile(form)
        return [.addProfile(PersonProfile(name: "Profile \(state.profiles.count + 1)"))]
    case .character("?"):
        state.screen = .help(from: .profile)
        return []
    default:
        break
    }
    state.screen = .profile(form)
    return []
}

private func save(_ person: PersonProfile, _ state: inout AppState, _ form: inout ProfileForm) -> [Effect] {
    do {
        _ = try state.data.targets.targets(for: person, overrides: state.overrides)
    } catch {
        form.error = error.description
        state.screen = .profile(form)
        return []
    }
    return [.saveProfile(StoredProfile(id: state.profile.id, profile: person))]
}

private func goToDateKey(_ state: inout AppState, _ key: Key, _ text: String) -> [Effect] {
    switch key {
    case .escape:
        state.screen = .day
    case .backspace:
        state.screen = .goToDate(text: String(text.dropLast()), error: nil)
    case .character(let character) where character.isNumber || character == "-":
        state.screen = .goToDate(text: text.count < 10 ? text + String(character) : text, error: nil)
    case .enter:
        do {
            state.day = try LocalDate(parsing: text)
            state.selectedEntry = 0
            state.screen = .day
        } catch {
            state.screen = .goToDate(text: text, error: error.description)
        }
    default:
        break
    }
    return []
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

private func newFoodKey(_ state: inout AppState, _ key: Key, _ current: CustomFoodForm) -> [Effect] {
    var form = current
    form.error = nil
    let fields = CustomFoodForm.fields
    let field = fields[form.selected]
    switch key {
    case .escape:
        state.screen = .addFood(search(form.texts[0], in: state))
        return []
    case .up:
        form.selected = max(0, form.selected - 1)
    case .down, .tab:
        form.selected = min(fields.count - 1, form.selected + 1)
    case .left, .right:
        // A vitamin's unit, or a form: the next or previous choice.
        let step = key == .right ? 1 : -1
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
    case .backspace:
        if case .form(.vitaminA) = field, let percent = percentAsBetaCarotene(form.texts[form.selected]) {
            let digits = String(percent.dropLast())
            form.texts[form.selected] = digits.isEmpty ? "" : "\(digits)%-beta-carotene"
        } else if case .form = field {
            form.texts[form.selected] = ""
        } else if !form.texts[form.selected].isEmpty {
            form.texts[form.selected].removeLast()
        }
    case .control("u"):
        form.texts[form.selected] = ""
    case .character(let character):
        if case .form(let component) = field {
            // Vitamin A's form takes the percent as beta-carotene in digits.
            guard component == .vitaminA, character.isASCII, character.isNumber else {
                form.error = component == .vitaminA
                    ? "Vitamin A form: ←→ picks retinol, beta-carotene or a part as beta-carotene; digits type that part in %"
                    : "Vitamin E form: ←→ picks natural or synthetic"
                break
            }
            let digits = percentAsBetaCarotene(form.texts[form.selected]) ?? ""
            if digits.count < 3 { form.texts[form.selected] = "\(digits)\(character)%-beta-carotene" }
            break
        }
        let numeric = field != .name && field != .measure
        if numeric {
            guard character.isASCII, character.isNumber || (character == "." && !form.texts[form.selected].contains(".")) else {
                form.error = "\(label(of: field, in: form)) takes a number: digits and one decimal point"
                break
            }
        }
        if form.texts[form.selected].count < (numeric ? 12 : 80) { form.texts[form.selected].append(character) }
    case .enter where form.selected < fields.count - 1:
        form.selected += 1
    case .enter, .control("s"):
        switch label(from: form, maxServingGrams: state.data.quantities.maxEntryGrams, conversions: state.data.labelConversions) {
        case .success(let label):
            state.screen = .newFood(form)
            return [.addCustomFood(label)]
        case .failure(let problem):
            form.error = problem.message
            form.selected = formField(of: problem).flatMap(CustomFoodForm.index(of:)) ?? form.selected
        }
    default:
        break
    }
    state.screen = .newFood(form)
    return []
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
