import DataFiles
import Foundation
@testable import NutrientModel

/// The package's own Data/ folder and a loaded copy of it, shared by the tests.
enum TestData {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let directory = packageRoot.appendingPathComponent("Data").path

    nonisolated(unsafe) private static var cached: NutrientData?
    private static let lock = NSLock()

    /// The bundled tables, loaded once.
    static var data: NutrientData {
        lock.lock()
        defer { lock.unlock() }
        if let cached { return cached }
        let loaded = try! NutrientData(directory: directory)
        cached = loaded
        return loaded
    }

    /// Parses CSV text into rows of strings.
    static func rows(_ text: String, file: String = "test.csv") throws(CSVError) -> [[String]] {
        try CSVReader(bytes: Array(text.utf8), fileName: file).allRows()
    }

    /// The error reading `text` throws, or nil.
    static func error(_ text: String) -> CSVError? {
        do { _ = try rows(text); return nil } catch { return error }
    }

    /// The fields of one line of RFC 4180 CSV (quotes, doubled quotes), written separately
    /// from the reader under test.
    static func csvFields(_ line: String) -> [String] {
        var fields: [String] = [], field = "", quoted = false
        let characters = Array(line)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            index += 1
            if quoted, character == "\"" {
                if index < characters.count, characters[index] == "\"" {
                    field.append("\"")
                    index += 1
                } else {
                    quoted = false
                }
            } else if quoted {
                field.append(character)
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        fields.append(field)
        return fields
    }

    /// The rows of a table in Data/, read as text with `csvFields` (no quoted line breaks
    /// there), each a dictionary by the header's names.
    static func csvTable(_ name: String) throws -> [[String: String]] {
        let text = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").map(String.init)
        let header = csvFields(lines[0])
        return lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(header, csvFields(line)))
        }
    }
}
