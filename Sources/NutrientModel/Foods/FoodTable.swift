/// Every food absorb knows: the USDA table, the supplements and the person's custom
/// foods, stored by column so that loading and scanning are fast.
public struct FoodTable: Sendable {
    /// Food ids, in table order.
    public private(set) var ids = TextColumn()
    /// Long descriptions, in table order.
    public private(set) var descriptions = TextColumn()
    private var groupOfFood: [UInt16] = []
    /// The distinct food group names.
    public private(set) var groupNames: [String] = []
    private var groupIndex: [String: UInt16] = [:]
    private var sources: [FoodSource] = []
    private var values: [Double] = []  // FoodComponent.count per food, NaN = unknown
    // Every food's measures in flat columns: food i's are at `portionStart[i]...`,
    // `portionCount[i]` of them (not 8,800 small arrays of 15,000 strings).
    private var portionAmounts: [Double] = []
    private var portionGrams: [Double] = []
    private var portionNames = TextColumn()
    private var portionStart: [Int32] = []
    private var portionCount: [Int32] = []
    private var idIndex = IDIndex()

    /// An empty table.
    public init() {}

    /// The number of foods.
    public var count: Int { ids.count }

    /// The position of the food with this id, if there is one.
    public func index(of id: String) -> Int? {
        var id = id
        return id.withUTF8 { idIndex.find($0, in: ids) }
    }

    /// The position of the food whose id is these UTF-8 bytes (no `String` is made).
    func index(ofUTF8 id: UnsafeBufferPointer<UInt8>) -> Int? { idIndex.find(id, in: ids) }

    /// The food at a position.
    public func food(at index: Int) -> Food {
        Food(id: ids[index], description: descriptions[index],
             group: groupNames[Int(groupOfFood[index])], source: sources[index],
             values: values(at: index), portions: portions(at: index))
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

    /// The number of the food's group: two foods are in one group when their numbers are
    /// equal (cheaper to compare than the names).
    func groupIndex(at index: Int) -> Int { Int(groupOfFood[index]) }

    /// The source of the food at a position.
    public func source(at index: Int) -> FoodSource { sources[index] }

    /// The amounts and weights of the household measures of the food at a position, in
    /// their order, without their names (no text made: the planner reads every food's).
    func portionWeights(at index: Int) -> (amounts: ArraySlice<Double>, grams: ArraySlice<Double>) {
        let range = Int(portionStart[index])..<(Int(portionStart[index]) + Int(portionCount[index]))
        return (portionAmounts[range], portionGrams[range])
    }

    /// The number of household measures of the food at a position.
    func portionCount(at index: Int) -> Int { Int(portionCount[index]) }

    /// The household measures of the food at a position.
    public func portions(at index: Int) -> [Portion] {
        let start = Int(portionStart[index])
        return (start..<start + Int(portionCount[index])).map {
            Portion(amount: portionAmounts[$0], description: portionNames[$0], grams: portionGrams[$0])
        }
    }

    /// Appends a food; an id that is already present is an error.
    public mutating func append(_ food: Food) throws(FoodTableError) {
        if index(of: food.id) != nil { throw .duplicateID(food.id) }  // before its group is added
        try append(id: food.id, description: food.description, group: groupNumber(food.group),
                   source: food.source, values: food.values.flat)
        for portion in food.portions { addPortion(portion, toFoodAt: count - 1) }
    }

    /// The number of a food group, added if it is new (a loader asks once per run of
    /// foods in one group).
    mutating func groupNumber(_ name: String) -> UInt16 {
        if let known = groupIndex[name] { return known }
        let next = UInt16(groupNames.count)
        groupNames.append(name)
        groupIndex[name] = next
        return next
    }

    mutating func append(id: String, description: String, group: UInt16, source: FoodSource,
                         values row: some Collection<Double>) throws(FoodTableError) {
        try append(id: id, group: group, source: source, values: row)
        descriptions.append(description)
    }

    /// Appends a food whose description is UTF-8 already checked (a loader's field).
    mutating func append(id: String, descriptionUTF8: UnsafeBufferPointer<UInt8>, group: UInt16, source: FoodSource,
                         values row: some Collection<Double>) throws(FoodTableError) {
        try append(id: id, group: group, source: source, values: row)
        descriptions.append(utf8: descriptionUTF8)
    }

    /// Everything of a new food but its description, which the caller appends next.
    private mutating func append(id: String, group: UInt16, source: FoodSource,
                                 values row: some Collection<Double>) throws(FoodTableError) {
        if index(of: id) != nil { throw .duplicateID(id) }
        ids.append(id)
        idIndex.insert(position: ids.count - 1, in: ids)
        groupOfFood.append(group)
        sources.append(source)
        values.append(contentsOf: row)
        portionStart.append(Int32(portionAmounts.count))
        portionCount.append(0)
    }

    /// Adds a measure to a food.
    mutating func addPortion(_ portion: Portion, toFoodAt index: Int) {
        makePortionsLast(ofFoodAt: index)
        portionAmounts.append(portion.amount)
        portionGrams.append(portion.grams)
        portionNames.append(portion.description)
        portionCount[index] += 1
    }

    /// Adds a measure whose name is UTF-8 already checked (a loader's field).
    mutating func addPortion(amount: Double, descriptionUTF8: UnsafeBufferPointer<UInt8>, grams: Double,
                             toFoodAt index: Int) {
        makePortionsLast(ofFoodAt: index)
        portionAmounts.append(amount)
        portionGrams.append(grams)
        portionNames.append(utf8: descriptionUTF8)
        portionCount[index] += 1
    }

    /// Measures come food by food, so a new one is appended; a food whose measures are
    /// not the last in the columns has them moved to the end first.
    private mutating func makePortionsLast(ofFoodAt index: Int) {
        let start = Int(portionStart[index]), count = Int(portionCount[index])
        guard start + count != portionAmounts.count else { return }
        portionStart[index] = Int32(portionAmounts.count)
        for position in start..<start + count {
            portionAmounts.append(portionAmounts[position])
            portionGrams.append(portionGrams[position])
            portionNames.appendCopy(of: position)
        }
    }

    /// Makes room for `count` more foods whose descriptions take about `descriptionBytes`.
    mutating func reserveCapacity(moreFoods more: Int, descriptionBytes: Int) {
        let count = ids.count + more
        descriptions.reserveCapacity(moreTexts: more, moreBytes: descriptionBytes)
        ids.reserveCapacity(moreTexts: more, moreBytes: more * 6)
        groupOfFood.reserveCapacity(count)
        sources.reserveCapacity(count)
        values.reserveCapacity(count * FoodComponent.count)
        portionStart.reserveCapacity(count)
        portionCount.reserveCapacity(count)
        idIndex.reserveCapacity(count, ids: ids)
    }

    /// Makes room for `count` more measures whose names take about `nameBytes`.
    mutating func reservePortionCapacity(moreMeasures count: Int, nameBytes: Int) {
        portionAmounts.reserveCapacity(portionAmounts.count + count)
        portionGrams.reserveCapacity(portionGrams.count + count)
        portionNames.reserveCapacity(moreTexts: count, moreBytes: nameBytes)
    }
}

extension FoodTable {
    /// Every stored column of a table, for a `FoodTableStore` that keeps tables as bytes
    /// (`DataFiles`' cache), with the id index's slots (the group lookup, a few dozen
    /// names, is made again). Within this package only.
    package struct Columns {
        package var ids: TextColumn
        package var idSlots: [Int32]
        package var descriptions: TextColumn
        package var groupNames: TextColumn
        package var groupOfFood: [UInt16]
        package var sources: [FoodSource]
        package var values: [Double]
        package var portionAmounts: [Double]
        package var portionGrams: [Double]
        package var portionNames: TextColumn
        package var portionStart: [Int32]
        package var portionCount: [Int32]

        package init(ids: TextColumn, idSlots: [Int32], descriptions: TextColumn, groupNames: TextColumn, groupOfFood: [UInt16], sources: [FoodSource], values: [Double], portionAmounts: [Double], portionGrams: [Double], portionNames: TextColumn, portionStart: [Int32], portionCount: [Int32]) {
            self.ids = ids
            self.idSlots = idSlots
            self.descriptions = descriptions
            self.groupNames = groupNames
            self.groupOfFood = groupOfFood
            self.sources = sources
            self.values = values
            self.portionAmounts = portionAmounts
            self.portionGrams = portionGrams
            self.portionNames = portionNames
            self.portionStart = portionStart
            self.portionCount = portionCount
        }
    }

    /// The table's columns.
    package var columns: Columns {
        var groupColumn = TextColumn()
        for name in groupNames { groupColumn.append(name) }
        return Columns(ids: ids, idSlots: idIndex.slots, descriptions: descriptions, groupNames: groupColumn, groupOfFood: groupOfFood,
                       sources: sources, values: values, portionAmounts: portionAmounts, portionGrams: portionGrams,
                       portionNames: portionNames, portionStart: portionStart, portionCount: portionCount)
    }

    /// A table made from columns that another table gave, or `nil` if they do not fit
    /// together (a column of the wrong length, a group or a measure out of range, an id
    /// twice, an id index that does not find every id where it is): a damaged cache is
    /// refused, never trusted.
    package init?(columns: Columns) {
        let foods = columns.ids.count
        let measures = columns.portionAmounts.count
        guard columns.descriptions.count == foods, columns.groupOfFood.count == foods, columns.sources.count == foods,
              columns.values.count == foods * FoodComponent.count, columns.portionStart.count == foods,
              columns.portionCount.count == foods, columns.portionGrams.count == measures,
              columns.portionNames.count == measures, columns.groupNames.count <= Int(UInt16.max) + 1,
              columns.groupOfFood.allSatisfy({ Int($0) < columns.groupNames.count }) else { return nil }
        for food in 0..<foods {
            let start = Int(columns.portionStart[food]), count = Int(columns.portionCount[food])
            guard start >= 0, count >= 0, start + count <= measures else { return nil }
        }
        guard let index = IDIndex(slots: columns.idSlots, ids: columns.ids) else { return nil }
        self.init()
        ids = columns.ids
        idIndex = index
        for name in columns.groupNames {
            guard groupIndex.updateValue(UInt16(groupNames.count), forKey: name) == nil else { return nil }
            groupNames.append(name)
        }
        descriptions = columns.descriptions
        groupOfFood = columns.groupOfFood
        sources = columns.sources
        values = columns.values
        portionAmounts = columns.portionAmounts
        portionGrams = columns.portionGrams
        portionNames = columns.portionNames
        portionStart = columns.portionStart
        portionCount = columns.portionCount
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
