/// A problem in a CSV file, located by file, line and column so a person can fix it.
public struct CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file's name or path.
    public let file: String
    /// The line, from 1.
    public let line: Int
    /// The column, in characters from 1.
    public let column: Int
    /// What was wrong, in words.
    public let message: String

    /// Makes an error at a place in a file.
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, the form editors and compilers use.
    public var description: String { "\(file):\(line):\(column): \(message)" }
}
