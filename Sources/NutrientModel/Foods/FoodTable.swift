/// Every food absorb knows: the USDA table, the supplements and the person's custom
/// foods, stored by column so that loading and scanning are fast.
public struct FoodTable: Sendable {
    /// Food ids, in table order.
    public private(set) var ids: [String] = []
    /// Long descriptions, in table order.
    public private(set) var descriptions: [String] = []
    private var groupOfFood: [UInt16] = []
    /// The distinct food group names.
    public private(set) var groupNames: [String] = []
    private var groupIndex: [String: UInt16] = [:]
    private var sources: [FoodSource] = []
    private var values: [Double] = []  // FoodComponent.count per food, NaN = unknown
    private var portionsOfFood: [[Portion]] = []
    private var indexOfID: [String: Int] = [:]

    /// An empty table.
    public init() {}

    /// The number of foods.
    public var count: Int { ids.count }

    /// The position of the food with this id, if there is one.
    public func index(of id: String) -> Int? { indexOfID[id] }

    /// The food at a position.
    public func food(at index: Int) -> Food {
        Food(id: ids[index], description: descriptions[index],
             group: groupNames[Int(groupOfFood[index])], source: sources[index],
             values: values(at: index), portions: portionsOfFood[index])
    }

    /// The food with this id, if there is one.
    public func food(id: String) -> Food? { index(of: id).map(food(at:)) }

    /// The values per 100 g of the food at a position.
    public func values(at index: Int) -> FoodValues {
        let start = index * FoodComponent.count
        return FoodValues(storage: values[start..<start + FoodComponent.count])
    }

    /// The food group of the food at a position.
    public func group(at index: Int) -> String { groupNames[Int(groupOfFood[index])] }

    /// The source of the food at a position.
    public func source(at index: Int) -> FoodSource { sources[index] }

    /// The household measures of the food at a position.
    public func portions(at index: Int) -> [Portion] { portionsOfFood[index] }

    /// Appends a food; an id that is already present is an error.
    public mutating func append(_ food: Food) throws(FoodTableError) {
        try append(id: food.id, description: food.description, group: food.group,
                   source: food.source, values: food.values.flat)
        portionsOfFood[portionsOfFood.count - 1] = food.portions
    }

    mutating func append(id: String, description: String, group: String, source: FoodSource,
                         values row: some Collection<Double>) throws(FoodTableError) {
        if indexOfID[id] != nil { throw .duplicateID(id) }
        indexOfID[id] = ids.count
        ids.append(id)
        descriptions.append(description)
        let group = groupIndex[group] ?? {
            let next = UInt16(groupNames.count)
            groupNames.append(group)
            groupIndex[group] = next
            return next
        }()
        groupOfFood.append(group)
        sources.append(source)
        values.append(contentsOf: row)
        portionsOfFood.append([])
    }

    mutating func addPortion(_ portion: Portion, toFoodAt index: Int) {
        portionsOfFood[index].append(portion)
    }

    mutating func reserveCapacity(_ count: Int) {
        ids.reserveCapacity(count)
        descriptions.reserveCapacity(count)
        groupOfFood.reserveCapacity(count)
        sources.reserveCapacity(count)
        values.reserveCapacity(count * FoodComponent.count)
        portionsOfFood.reserveCapacity(count)
        indexOfID.reserveCapacity(count)
    }
}

/// A problem with the foods in a table.
public enum FoodTableError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Two foods share an id.
    case duplicateID(String)

    /// What went wrong, in words.
    public var description: String {
        switch self {
        case .duplicateID(let id): "the food id \(id) is used twice"
        }
    }
}
