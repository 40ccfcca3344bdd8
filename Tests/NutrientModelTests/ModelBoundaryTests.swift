import DataFiles
import Foundation
import NutrientModel
import XCTest

/// NutrientModel is the domain alone (DESIGN.md): it reads no file itself, it is given
/// them. These tests load the model from files it never sees on disk, and check that the
/// platform machinery stays in the DataFiles target.
final class ModelBoundaryTests: XCTestCase {
    /// Files served from memory, with every path asked for recorded.
    final class MemoryFiles: DataFileReading, @unchecked Sendable {
        var files: [String: [UInt8]]
        private(set) var asked: [String] = []
        private let lock = NSLock()

        init(_ files: [String: [UInt8]]) { self.files = files }

        func bytes(atPath path: String) throws(DataFileError) -> [UInt8] {
            lock.lock()
            defer { lock.unlock() }
            asked.append(path)
            guard let bytes = files[(path as NSString).lastPathComponent] else {
                throw DataFileError(path: path, message: "is not in this test's files")
            }
            return bytes
        }
    }

    /// The bundled Data/ folder, read into memory once.
    private func bundledFiles() throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for name in NutrientData.requiredFiles {
            files[name] = Array(try Data(contentsOf: URL(fileURLWithPath: TestData.directory + "/" + name)))
        }
        return files
    }

    func testTheModelLoadsFromTheFilesItIsGivenAndNothingElse() throws {
        var files = try bundledFiles()
        // One food changed in memory only: the model must show the given bytes, not the disk's.
        var foods = String(decoding: files["foods.csv"]!, as: UTF8.self)
        let original = TestData.data.foods.descriptions[TestData.data.foods.index(of: "01123")!]
        XCTAssertTrue(foods.contains(original))
        foods = foods.replacingOccurrences(of: original, with: "Egg, whole, served from memory")
        files["foods.csv"] = Array(foods.utf8)
        let reader = MemoryFiles(files)
        let data = try NutrientData(directory: "/nowhere/Data", files: reader)
        XCTAssertEqual(data.foods.descriptions[data.foods.index(of: "01123")!], "Egg, whole, served from memory")
        XCTAssertEqual(data.foods.count, TestData.data.foods.count)
        XCTAssertFalse(data.foodsFromCache)
        // Every required file was asked for, under the folder given, and nothing else.
        XCTAssertEqual(Set(reader.asked), Set(NutrientData.requiredFiles.map { "/nowhere/Data/" + $0 }))
    }

    func testAFileTheReaderCannotGiveNamesThatFile() throws {
        var files = try bundledFiles()
        files["targets.csv"] = nil
        XCTAssertThrowsError(try NutrientData(directory: "/nowhere/Data", files: MemoryFiles(files))) { error in
            XCTAssertEqual("\(error)", "cannot load absorb's data: /nowhere/Data/targets.csv: is not in this test's files")
        }
    }

    /// A store given to the loader is asked first and keeps what was parsed.
    func testTheFoodTableStoreIsAskedFirstAndKeepsWhatWasParsed() throws {
        final class MemoryStore: FoodTableStore, @unchecked Sendable {
            var kept: (table: FoodTable, files: [[UInt8]])?
            var askedFor: [[String]] = []
            func storedTable(forFilesAt paths: [String]) throws(DataFileError) -> (table: FoodTable, key: UInt64)? {
                askedFor.append(paths)
                return kept.map { ($0.table, 1) }
            }
            func store(_ table: FoodTable, loadedFrom files: [[UInt8]]) -> UInt64 {
                kept = (table, files)
                return 1
            }
        }
        let files = try bundledFiles()
        let store = MemoryStore()
        let first = try NutrientData(directory: "/d", files: MemoryFiles(files), cache: store)
        XCTAssertFalse(first.foodsFromCache)
        XCTAssertEqual(store.askedFor, [["/d/foods.csv", "/d/supplements.csv", "/d/portions.csv"]])
        XCTAssertEqual(store.kept?.files, [files["foods.csv"]!, files["supplements.csv"]!, files["portions.csv"]!])
        let second = try NutrientData(directory: "/d", files: MemoryFiles(files), cache: store)
        XCTAssertTrue(second.foodsFromCache)
        XCTAssertEqual(second.foods.count, first.foods.count)
    }

    /// No system interface in the model's sources: file reading, mapping, the cache and
    /// its hash live in DataFiles.
    func testTheModelSourcesImportNoPlatformInterface() throws {
        let root = TestData.packageRoot.appendingPathComponent("Sources/NutrientModel")
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
        var checked = 0
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            checked += 1
            for forbidden in ["import Glibc", "import Darwin", "import Musl", "mmap(", "fstat(", "memchr(", "memcmp("] {
                XCTAssertFalse(text.contains(forbidden), "\(url.lastPathComponent) uses \(forbidden)")
            }
        }
        XCTAssertGreaterThan(checked, 30)
    }
}
