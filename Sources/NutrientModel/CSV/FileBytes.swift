import Foundation

/// Reads a whole file into bytes, with an error that names the file.
public enum FileBytes {
    /// The file's bytes, or a `DataFileError` that says why it could not be read.
    public static func read(_ path: String) throws(DataFileError) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            if FileManager.default.fileExists(atPath: path) {
                throw DataFileError(path: path, message: "cannot be read (check its permissions)")
            }
            throw DataFileError(path: path, message: "does not exist")
        }
        defer { try? handle.close() }
        do {
            let data = try handle.readToEnd() ?? Data()
            return [UInt8](data)
        } catch {
            throw DataFileError(path: path, message: "could not be read: \(error.localizedDescription)")
        }
    }
}

/// A data file that is missing or unreadable.
public struct DataFileError: Error, Sendable, CustomStringConvertible {
    /// The file's path.
    public let path: String
    /// What is wrong with it.
    public let message: String
    /// `path: message`.
    public var description: String { "\(path): \(message)" }
}
