/// Maps a CSV file's header names to column positions, so tables are read by name and
/// a missing or misspelt column is reported as such.
public struct CSVHeader: Sendable {
    /// The column names, in file order.
    public let names: [String]
    private let positions: [String: Int]
    /// The file the header came from.
    public let fileName: String

    /// Reads the header from the first record of a file.
    public init(record: borrowing CSVRecord) throws(CSVError) {
        var names: [String] = []
        for index in 0..<record.count {
            names.append(try record.string(at: index).trimmingSpaces())
        }
        var positions: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            if positions[name] != nil {
                throw record.error(at: index, "the column \"\(name)\" appears twice in the header")
            }
            positions[name] = index
        }
        self.names = names
        self.positions = positions
        self.fileName = record.fileName
    }

    /// The position of a column that must be present.
    public func position(of name: String) throws(CSVError) -> Int {
        guard let position = positions[name] else {
            throw CSVError(
                file: fileName, line: 1, column: 1,
                message: "the header has no column \"\(name)\" (it has: \(names.joined(separator: ", ")))")
        }
        return position
    }

    /// The position of a column that may be absent.
    public func optionalPosition(of name: String) -> Int? { positions[name] }

    /// Checks that a record has exactly as many fields as the header.
    public func check(_ record: borrowing CSVRecord) throws(CSVError) {
        if record.count != names.count {
            throw record.recordError(
                "expected \(names.count) fields as in the header, found \(record.count)")
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}

/// A small table read whole, by column name: for the short `Data/` tables of facts.
public struct NamedCSVTable: Sendable {
    /// One record: its line and its fields by column name.
    public struct Row: Sendable {
        public let line: Int
        /// The fields of the columns asked for, in the order they were asked for.
        let values: [String]
        let file: String
        /// The columns asked for (shared by every row), and where each is in the file.
        let names: [String]
        let positions: [Int]

        /// A field (the header was checked to have every column asked for). The few
        /// names are compared in turn: cheaper than hashing them into a dictionary per row.
        public subscript(_ column: String) -> String {
            names.firstIndex(of: column).map { values[$0] } ?? ""
        }

        /// A field as a number, or an error at its place.
        public func number(_ column: String) throws(CSVError) -> Double {
            let text = self[column].trimmingSpaces()
            let parsed = Array(text.utf8).withUnsafeBufferPointer { DecimalParser.parse($0) }
            guard let value = parsed, value.isFinite else {
                throw error(column, "\(column) must be a number, found \"\(text.prefix(40))\"")
            }
            return value
        }

        /// An error at a field of this row.
        public func error(_ column: String, _ message: String) -> CSVError {
            CSVError(file: file, line: line, column: 1 + (names.firstIndex(of: column).map { positions[$0] } ?? 0), message: message)
        }
    }

    public let rows: [Row]

    /// Reads `bytes`, checking that the header has `columns`.
    public init(bytes: [UInt8], fileName: String, columns: [String]) throws(CSVError) {
        var header: CSVHeader?
        var rows: [Row] = []
        var positions: [Int] = []
        try CSVReader(bytes: bytes, fileName: fileName).forEachRecord { record throws(CSVError) in
            guard let known = header else {
                let parsed = try CSVHeader(record: record)
                for column in columns { positions.append(try parsed.position(of: column)) }
                header = parsed
                return
            }
            try known.check(record)
            var values: [String] = []
            values.reserveCapacity(positions.count)
            for position in positions { values.append(try record.string(at: position)) }
            rows.append(Row(line: record.line, values: values, file: fileName, names: columns, positions: positions))
        }
        guard header != nil else {
            throw CSVError(file: fileName, line: 1, column: 1, message: "the file is empty: it needs a header (\(columns.joined(separator: ",")))")
        }
        self.rows = rows
    }
}
