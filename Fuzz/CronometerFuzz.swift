import Foundation

// libFuzzer target: a Cronometer servings export (`absorb import --from cronometer`):
// any bytes either read as an export and make a plan, or fail with a located error. A
// plan holds together: an entry per row, each naming a food of the plan and weighing more
// than 0 and at most the largest entry; each food's values finite, 0 or more, and no more
// than 100 g of food can hold. Built with the model's sources.
nonisolated(unsafe) private var tables: NutrientData?
nonisolated(unsafe) private var usda: [String: String] = [:]

@_cdecl("LLVMFuzzerTestOneInput")
public func cronometerFuzz(_ pointer: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    if tables == nil {
        let loaded = try! NutrientData(directory: ProcessInfo.processInfo.environment["ABSORB_DATA"] ?? "Data")
        for index in 0..<loaded.foods.count where loaded.foods.source(at: index) == .usda {
            usda[loaded.foods.food(at: index).description.lowercased()] = loaded.foods.food(at: index).id
        }
        tables = loaded
    }
    let data = tables!
    let bytes = pointer.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard let export = try? CronometerExport(bytes: bytes, fileName: "fuzz.csv", conversions: data.labelConversions) else { return 0 }
    precondition(!export.rows.isEmpty, "an export that read has no rows")
    guard let plan = try? CronometerImport(export, units: data.units, meals: data.meals, existing: [],
                                           usdaIDsByName: usda, maxEntryGrams: data.quantities.maxEntryGrams) else { return 0 }
    precondition(plan.entries.count == export.rows.count, "not one entry per row")
    let ids = Set(plan.foods.map(\.food.id))
    precondition(ids.count == plan.foods.count, "two foods of one id")
    for entry in plan.entries {
        precondition(ids.contains(entry.foodID), "an entry names a food the plan lacks")
        precondition(entry.grams.isFinite && entry.grams > 0 && entry.grams <= data.quantities.maxEntryGrams,
                     "an entry of \(entry.grams) g")
    }
    for planned in plan.foods {
        precondition(planned.food.id.hasPrefix("C") && !planned.food.id.contains(" "), "a custom food id \(planned.food.id)")
        for component in FoodComponent.allCases {
            guard let value = planned.food.values[component] else { continue }
            precondition(value.isFinite && value >= 0 && value <= component.physicalLimitPer100g,
                         "\(component.column) = \(value) per 100 g")
        }
        for portion in planned.food.portions {
            precondition(portion.grams.isFinite && portion.grams > 0, "a measure of \(portion.grams) g")
        }
    }
    return 0
}
