/// A Cronometer "servings" export (Account → Export Data → Food & Recipe Entries), read
/// and checked: one row per logged food, with its day, time and meal group (newer exports),
/// the food's name and amount as text (`1.00 cup`, `150.00 g`) and the row's nutrient
/// figures in columns headed with their units (`Vitamin D (IU)`). The column sets absorb
/// is tested against, and where they were found, are in `docs/CRONOMETER.md`.
///
/// An empty cell, or a column the file does not have, is unknown, never zero. Only the
/// columns absorb has a component for are read; `Omega-3 (g)` and `Omega-6 (g)` are totals
/// of several fatty acids and fill nothing (only `ALA (g)`, `LA (g)`, `EPA (g)` and
/// `DHA (g)` do). A column whose unit absorb does not know is an error naming it.
public struct CronometerExport: Sendable {
    /// One logged food as the file gives it, its figures in absorb's units.
    public struct Row: Sendable, Equatable {
        /// The line the row starts on.
        public let line: Int
        /// The day it was eaten.
        public let date: LocalDate
        /// The minute of the day it was logged at, if the row has a time.
        public let minuteOfDay: Int?
        /// Cronometer's meal group ("Breakfast", "Snacks", a name the person chose), if any.
        public let group: String?
        /// The food's name as Cronometer shows it.
        public let foodName: String
        /// The amount as written ("1.00 cup").
        public let amountText: String
        /// The number of the amount (1.00).
        public let quantity: Double
        /// The unit of the amount, as written after the number ("cup", "g", "medium (2-2/3\" dia)").
        public let unit: String
        /// The row's figures (for the whole amount), in absorb's units; absent = unknown.
        public let values: [FoodComponent: Double]
        /// The file's column (1-based) of the amount, for messages.
        public let amountColumn: Int
    }

    /// The file's name, for messages.
    public let fileName: String
    /// The rows, in file order.
    public let rows: [Row]
    /// Each component the file has a column for, and that column's header.
    public let columns: [FoodComponent: String]
    /// What absorb took for the person (IU converted, totals not read), to show with the summary.
    public let notes: [String]

    /// The units a nutrient column may be headed with.
    public static let knownUnits = ["kcal", "kJ", "g", "mg", "µg", "mcg", "IU"]

    /// The columns every servings export has.
    public static let requiredColumns = ["Day", "Food Name", "Amount"]

    /// Which component a column name (without its unit) fills. `Omega-3` and `Omega-6`
    /// are not here: they are totals, not ALA and LA.
    static let componentOfName: [String: FoodComponent] = [
        "Energy": .energy, "Fat": .fat, "Fiber": .fiber, "Fibre": .fiber,
        "Vitamin A": .vitaminA, "Retinol": .retinol, "Vitamin D": .vitaminD, "Vitamin E": .vitaminE,
        "Vitamin K": .vitaminK, "ALA": .alphaLinolenicAcid, "LA": .linoleicAcid, "EPA": .epa, "DHA": .dha,
    ]

    /// Reads and checks the file: the first problem is an error at its line and column
    /// (`file:line:column: Amount: ...`).
    public init(bytes: [UInt8], fileName: String, conversions: LabelConversions) throws(CSVError) {
        self.fileName = fileName
        var header: CSVHeader?
        var layout = Layout()
        var rows: [Row] = []
        try CSVReader(bytes: bytes, fileName: fileName).forEachRecord { record throws(CSVError) in
            guard let known = header else {
                let parsed = try CSVHeader(record: record)
                layout = try Layout(header: parsed, record: record, conversions: conversions)
                header = parsed
                return
            }
            // A blank last line of a hand-edited file is not a row.
            if record.count == 1, record.isEmpty(at: 0) { return }
            try known.check(record)
            rows.append(try layout.row(record, fileName: fileName))
        }
        guard header != nil else {
            throw CSVError(file: fileName, line: 1, column: 1,
                           message: "the file is empty: expected a Cronometer servings export, whose header starts Day,Time,Group,Food Name,Amount")
        }
        guard !rows.isEmpty else {
            throw CSVError(file: fileName, line: 2, column: 1, message: "the file has a header but no rows: there is nothing to import")
        }
        self.rows = rows
        columns = layout.headers
        notes = layout.notes
    }

    /// Where each column is and how its figures convert.
    private struct Layout {
        var day = 0, foodName = 0, amount = 0
        var time: Int?, group: Int?
        /// Nutrient columns read: position, component, factor to absorb's unit, header.
        var nutrients: [(position: Int, component: FoodComponent, factor: Double, header: String)] = []
        var headers: [FoodComponent: String] = [:]
        var notes: [String] = []

        init() {}

        init(header: CSVHeader, record: borrowing CSVRecord, conversions: LabelConversions) throws(CSVError) {
            for name in CronometerExport.requiredColumns where header.optionalPosition(of: name) == nil {
                throw CSVError(file: header.fileName, line: 1, column: 1,
                               message: "the header has no column \"\(name)\": a Cronometer servings export has Day, Food Name and Amount (it has: \(header.names.prefix(8).joined(separator: ", "))\(header.names.count > 8 ? ", …" : ""))")
            }
            day = try header.position(of: "Day")
            foodName = try header.position(of: "Food Name")
            amount = try header.position(of: "Amount")
            time = header.optionalPosition(of: "Time")
            group = header.optionalPosition(of: "Group")
            var ignoredTotals: [String] = []
            for (position, name) in header.names.enumerated() {
                guard let (base, unit) = CronometerExport.splitUnit(name) else { continue }
                guard CronometerExport.knownUnits.contains(unit) else {
                    throw record.error(at: position, "the column \"\(name)\" is in \"\(unit)\", a unit absorb does not know (it reads \(CronometerExport.knownUnits.joined(separator: ", ")))")
                }
                if base == "Omega-3" || base == "Omega-6" { ignoredTotals.append(name) }
                guard let component = CronometerExport.componentOfName[base] else { continue }
                guard let factor = CronometerExport.factor(from: unit, to: component, conversions: conversions) else {
                    throw record.error(at: position, "the column \"\(name)\" gives \(component.label) in \(unit); absorb reads it in \(CronometerExport.acceptedUnits(for: component).joined(separator: " or "))")
                }
                if let earlier = headers[component] {
                    // Two columns of one component: the one in its own unit wins over IU.
                    if unit == "IU" { continue }
                    if !earlier.hasSuffix("(IU)") {
                        throw record.error(at: position, "the columns \"\(earlier)\" and \"\(name)\" both give \(component.label): keep one")
                    }
                    nutrients.removeAll { $0.component == component }
                }
                nutrients.append((position, component, factor, name))
                headers[component] = name
            }
            if let a = headers[.vitaminA], a.hasSuffix("(IU)") {
                notes.append("\(a): converted as retinol, 1 IU = \(Format.number(conversions.retinolMicrogramsPerIU, decimals: 2)) µg RAE (Data/conversions.csv), and its retinol left unknown, so all of it counts toward the upper limit (estimated): the reading that protects. Vitamin A from plant foods in IU holds less (as little as 0.05 µg RAE per IU), so a plant food's vitamin A may be counted high.")
            }
            if let d = headers[.vitaminD], d.hasSuffix("(IU)") {
                notes.append("\(d): converted at \(Format.number(conversions.vitaminDIUPerMicrogram)) IU = 1 µg (Data/conversions.csv).")
            }
            if let e = headers[.vitaminE] {
                let converted = e.hasSuffix("(IU)")
                    ? " (IU as synthetic alpha-tocopherol, 1 IU = \(Format.number(conversions.vitaminESyntheticMgPerIU, decimals: 2)) mg)" : ""
                notes.append("\(e)\(converted): Cronometer does not say how much is added or natural, so it is counted as a label's vitamin E whose form is not given: as synthetic, toward the upper limit, where its figure is marked estimated.")
            }
            if !ignoredTotals.isEmpty {
                notes.append("\(ignoredTotals.joined(separator: " and ")): totals of several fatty acids, not read as alpha-linolenic or linoleic acid; only ALA (g), LA (g), EPA (g) and DHA (g) columns fill those.")
            }
        }

        func row(_ record: borrowing CSVRecord, fileName: String) throws(CSVError) -> Row {
            let dayText = try record.string(at: day).trimmingSpaces()
            guard let date = CronometerExport.date(dayText) else {
                throw record.error(at: day, "Day: \"\(dayText.prefix(40))\" is not a date: expected YYYY-MM-DD, like 2026-11-24")
            }
            var minute: Int?
            if let time {
                let text = try record.string(at: time).trimmingSpaces()
                if !text.isEmpty {
                    guard let parsed = CronometerExport.minuteOfDay(text) else {
                        throw record.error(at: time, "Time: \"\(text.prefix(40))\" is not a time: expected HH:MM or H:MM AM/PM, like 08:05 or 8:05 AM")
                    }
                    minute = parsed
                }
            }
            var groupName: String?
            if let group {
                let text = try record.string(at: group).trimmingSpaces()
                groupName = text.isEmpty ? nil : text
            }
            let rawName = try record.string(at: foodName)
            let name: String
            do { name = try TextRules.checked(rawName, "Food Name") } catch { throw record.error(at: foodName, error.description) }
            let amountText = try record.string(at: amount).trimmingSpaces()
            guard let (quantity, unit) = CronometerExport.amount(amountText) else {
                throw record.error(at: amount, "Amount: \"\(amountText.prefix(40))\" is not an amount: expected a number above 0 and a unit, like 1.00 cup or 150.00 g")
            }
            do { _ = try TextRules.checked(unit.isEmpty ? "serving" : unit, "Amount's unit") } catch {
                throw record.error(at: amount, error.description)
            }
            var values: [FoodComponent: Double] = [:]
            for column in nutrients {
                guard let value = try record.number(at: column.position, column: column.header) else { continue }
                guard value >= 0 else {
                    throw record.error(at: column.position, "\(column.header) must be 0 or more, found \(Format.number(value, decimals: 2))")
                }
                values[column.component] = value * column.factor
            }
            return Row(line: record.line, date: date, minuteOfDay: minute, group: groupName, foodName: name,
                       amountText: amountText, quantity: quantity, unit: unit.isEmpty ? "serving" : unit, values: values,
                       amountColumn: record.error(at: amount, "").column)
        }
    }

    /// "Vitamin D (IU)" → ("Vitamin D", "IU"); `nil` for a header with no unit ("Day").
    /// The unit is the last parenthesised word: "B1 (Thiamine) (mg)" → ("B1 (Thiamine)", "mg").
    static func splitUnit(_ header: String) -> (String, String)? {
        guard header.hasSuffix(")"), let open = header.lastIndex(of: "(") else { return nil }
        let unit = String(header[header.index(after: open)..<header.index(before: header.endIndex)]).trimmingSpaces()
        let base = String(header[..<open]).trimmingSpaces()
        guard !base.isEmpty, !unit.isEmpty else { return nil }
        return (base, unit)
    }

    /// The units a component's column may be in.
    static func acceptedUnits(for component: FoodComponent) -> [String] {
        switch component {
        case .energy: ["kcal", "kJ"]
        case .vitaminA, .vitaminD: ["µg", "IU"]
        case .vitaminE: ["mg", "IU"]
        default: ["g", "mg", "µg"]
        }
    }

    /// What one unit of the column is in the component's own unit, or `nil` if the unit
    /// does not fit the component (IU of vitamin K, grams of energy).
    static func factor(from unit: String, to component: FoodComponent, conversions: LabelConversions) -> Double? {
        if component == .energy {
            switch unit {
            case "kcal": return 1
            case "kJ": return 1 / 4.184
            default: return nil
            }
        }
        if unit == "IU" {
            switch component {
            case .vitaminA: return conversions.retinolMicrogramsPerIU
            case .vitaminD: return 1 / conversions.vitaminDIUPerMicrogram
            case .vitaminE: return conversions.vitaminESyntheticMgPerIU
            default: return nil
            }
        }
        func micrograms(_ unit: String) -> Double? {
            switch unit {
            case "g": 1_000_000
            case "mg": 1_000
            case "µg", "mcg": 1
            default: nil
            }
        }
        let target = component.unit == "µg RAE" ? "µg" : component.unit
        guard let from = micrograms(unit), let to = micrograms(target) else { return nil }
        return from / to
    }

    /// A day as Cronometer writes it: `2026-07-16`, or, in older exports, `2012-9-10`.
    static func date(_ text: String) -> LocalDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }

    /// A time as Cronometer writes it: `08:05`, `8:05 AM`, `12:30 PM`, `08:05:00`.
    static func minuteOfDay(_ text: String) -> Int? {
        var clock = text.uppercased()
        var meridiem: String?
        for suffix in ["AM", "PM"] where clock.hasSuffix(suffix) {
            meridiem = suffix
            clock = String(clock.dropLast(2)).trimmingSpaces()
        }
        let parts = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              var hour = Int(parts[0]), let minute = Int(parts[1]), minute < 60,
              parts.count == 2 || Int(parts[2])! < 60 else { return nil }
        if let meridiem {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (meridiem == "PM" ? 12 : 0)
        }
        guard hour < 24 else { return nil }
        return hour * 60 + minute
    }

    /// An amount as Cronometer writes it: a decimal number, a space, a unit ("1.00 cup",
    /// "2.00 medium (2-2/3\" dia)", "150.00 g"); the number must be above 0.
    static func amount(_ text: String) -> (Double, String)? {
        let number = text.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        guard !number.isEmpty else { return nil }
        let value = Array(number.utf8).withUnsafeBufferPointer { DecimalParser.parse($0) }
        guard let value, value.isFinite, value > 0 else { return nil }
        let rest = text.dropFirst(number.count)
        guard rest.isEmpty || rest.first == " " else { return nil }
        return (value, String(rest).trimmingSpaces())
    }
}
