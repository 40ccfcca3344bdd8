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
