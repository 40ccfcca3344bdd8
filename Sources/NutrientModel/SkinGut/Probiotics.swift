/// Probiotic strains as labels give them (Data/probiotics.csv): generic strain names, not
/// brands, each with the colony-forming units (CFU) of one unit (a capsule, 5 drops) as
/// labels commonly give it. Any other product is logged by its label: strain and CFU.
public struct ProbioticStrains: Sendable {
    /// One strain of the table.
    public struct Strain: Sendable, Equatable {
        /// The short id a person types (`lgg`).
        public let id: String
        /// The strain as labels name it.
        public let name: String
        public let cfuPerUnit: Double
        /// What one unit is ("capsule", "5 drops").
        public let unit: String
        public let source: String
    }

    public let strains: [Strain]

    /// Reads `probiotics.csv`.
    public init(bytes: [UInt8], fileName: String) throws(CSVError) {
        let table = try NamedCSVTable(bytes: bytes, fileName: fileName, columns: ["id", "strain", "cfu_per_unit", "unit", "source"])
        var strains: [Strain] = []
        for row in table.rows {
            let id = row["id"]
            guard !id.isEmpty, id.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) }) else {
                throw row.error("id", "an id is lower-case letters, digits and -, found \"\(id.prefix(40))\"")
            }
            guard !strains.contains(where: { $0.id == id }) else { throw row.error("id", "the id \(id) appears twice") }
            let cfu = try row.number("cfu_per_unit")
            guard cfu >= 1, cfu <= ProbioticDose.maxCFU else { throw row.error("cfu_per_unit", "CFU must be 1 to 10^13") }
            guard !row["strain"].isEmpty, !row["unit"].isEmpty else { throw row.error("strain", "a strain needs a name and a unit") }
            strains.append(Strain(id: id, name: row["strain"], cfuPerUnit: cfu, unit: row["unit"], source: row["source"]))
        }
        self.strains = strains
    }

    /// The strain of an id, of a name typed in full (case aside), or of the start of one
    /// name or a part only one name has ("Bacillus coagulans GBI-30", "rhamnosus GG").
    public func strain(_ text: String) -> Strain? {
        let key = text.trimmingSpaces().lowercased()
        guard !key.isEmpty else { return nil }
        if let exact = strains.first(where: { $0.id == key || $0.name.lowercased() == key }) { return exact }
        for matches in [strains.filter { $0.name.lowercased().hasPrefix(key) }, strains.filter { $0.name.lowercased().contains(key) }] {
            if matches.count == 1 { return matches[0] }
        }
        return nil
    }
}

/// One probiotic taken on a day: a strain (from the table, or as a label names it) and the
/// CFU taken.
public struct ProbioticDose: Sendable, Equatable {
    public var date: LocalDate
    /// The strain as shown ("Lactobacillus rhamnosus GG …").
    public var strain: String
    /// The table's id, when it is a strain of the table.
    public var strainID: String?
    /// Colony-forming units taken.
    public var cfu: Double

    public init(date: LocalDate, strain: String, strainID: String?, cfu: Double) {
        self.date = date
        self.strain = strain
        self.strainID = strainID
        self.cfu = cfu
    }

    /// The most CFU absorb takes for one dose (10^13, a hundred times the largest labels).
    public static let maxCFU = 1e13

    /// Reads a CFU as a label gives it: "10 billion", "500 million", "2.5 billion", or
    /// whole digits ("2000000000"); a number by absorb's one rule (no 1e10, no 10,000).
    public static func parseCFU(_ text: String) throws(CheckInError) -> Double {
        let words = text.trimmingSpaces().lowercased().split(separator: " ").map(String.init)
        let rule = "write the CFU as a label gives it: 10 billion, 500 million, or digits such as 2000000000"
        guard (1...2).contains(words.count) else { throw CheckInError("\"\(text.prefix(40))\" is not a CFU: \(rule)") }
        let multiplier: Double
        switch words.count == 2 ? words[1] : "" {
        case "": multiplier = 1
        case "thousand": multiplier = 1e3
        case "million", "m": multiplier = 1e6
        case "billion", "bn", "b": multiplier = 1e9
        default: throw CheckInError("\"\(text.prefix(40))\" is not a CFU: \(rule)")
        }
        let number: Double
        do { number = try NumberInput.option(words[0], allowingZero: false) } catch {
            throw CheckInError("\"\(text.prefix(40))\" is not a CFU (\(error.description)): \(rule)")
        }
        let cfu = number * multiplier
        guard cfu >= 1 else { throw CheckInError("\"\(text.prefix(40))\" is less than one CFU: \(rule)") }
        guard cfu <= maxCFU else { throw CheckInError("\"\(text.prefix(40))\" is more than 10 trillion CFU, a hundred times the largest labels: check the amount") }
        return cfu
    }

    /// "10 billion CFU", "500 million CFU".
    public static func cfuText(_ cfu: Double) -> String {
        if cfu >= 1e9 { return "\(Format.number(cfu / 1e9, decimals: 2)) billion CFU" }
        if cfu >= 1e6 { return "\(Format.number(cfu / 1e6, decimals: 2)) million CFU" }
        return "\(Format.number(cfu, decimals: 0)) CFU"
    }
}
