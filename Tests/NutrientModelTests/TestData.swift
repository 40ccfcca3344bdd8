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
}
