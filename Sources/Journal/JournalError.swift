/// A journal that cannot be opened, read or written, with what to do about it.
public struct JournalError: Error, Sendable, CustomStringConvertible {
    /// The journal's path.
    public let path: String
    /// What went wrong.
    public let message: String

    /// Makes an error.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `journal PATH: message`.
    public var description: String { "journal \(path): \(message)" }
}
