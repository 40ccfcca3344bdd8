import Foundation
import XCTest
@testable import DataFiles
@testable import NutrientModel

/// The parsed food table kept between runs: used only for the very bytes it was made
/// from, refused when damaged, and never a reason for a load to fail.
final class FoodTableCacheTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("absorb-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private var cacheFolder: String { scratch.appendingPathComponent("cache").path }

    private func copies() throws -> [String] {
        guard FileManager.default.fileExists(atPath: cacheFolder) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: cacheFolder).sorted()
    }

    /// Every food, field by field; values by their bits (an unknown value is NaN).
    private func assertSameFoods(_ a: FoodTable, _ b: FoodTable, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, file: file, line: line)
        XCTAssertEqual(a.groupNames, b.groupNames, file: file, line: line)
        for index in 0..<min(a.count, b.count) {
            let x = a.food(at: index), y = b.food(at: index)
            guard x.id == y.id, x.description == y.description, x.group == y.group, x.source == y.source,
                  x.values.flat.map(\.bitPattern) == y.values.flat.map(\.bitPattern),
                  x.portions.map({ [$0.amount, $0.grams] }) == y.portions.map({ [$0.amount, $0.grams] }),
                  x.portions.map(\.description) == y.portions.map(\.description),
                  b.index(of: x.id) == index else {
                XCTFail("food \(index) differs: \(x) / \(y)", file: file, line: line)
                return
            }
        }
    }

    func testTheSecondLoadReadsTheCopyAndGetsTheSameTable() throws {
        let cache = FoodTableCache(directory: cacheFolder)
        let first = try NutrientData(directory: TestData.directory, cache: cache)
        XCTAssertFalse(first.foodsFromCache)
        XCTAssertEqual(try copies().count, 1, "one copy is written")
        let second = try NutrientData(directory: TestData.directory, cache: cache)
        XCTAssertTrue(second.foodsFromCache)
        assertSameFoods(TestData.data.foods, second.foods)
        // Butter, salted (01001): 684 µg RAE, and its measures, straight from the CSV rows.
        let butter = try XCTUnwrap(second.foods.food(id: "01001"))
        XCTAssertEqual(butter.values[.vitaminA], 684)
        XCTAssertEqual(butter.portions.first?.description, "pat (1\" sq, 1/3\" high)")
        XCTAssertEqual(butter.portions.first?.grams, 5.0)
        // What is built on the table works on a cached one: search and scoring.
        XCTAssertEqual(second.searchFoods("salted butter", limit: 3).map(\.id),
                       TestData.data.searchFoods("salted butter", limit: 3).map(\.id))
    }

    func testAnEditedCSVIsLoadedAgainAndTheOldCopyRemoved() throws {
        let data = scratch.appendingPathComponent("Data")
        try FileManager.default.copyItem(atPath: TestData.directory, toPath: data.path)
        let cache = FoodTableCache(directory: cacheFolder)
        _ = try NutrientData(directory: data.path, cache: cache)
        let before = try copies()
        // Butter's vitamin A, 684 → 685: one byte of foods.csv.
        let foods = data.appendingPathComponent("foods.csv")
        var text = try String(contentsOf: foods, encoding: .utf8)
        let row = "01001,\"Butter, salted\",Dairy and Egg Products,717,81.11,0.0,684,"
        XCTAssertTrue(text.contains(row))
        text = text.replacingOccurrences(of: row, with: "01001,\"Butter, salted\",Dairy and Egg Products,717,81.11,0.0,685,")
        try text.write(to: foods, atomically: true, encoding: .utf8)
        let edited = try NutrientData(directory: data.path, cache: cache)
        XCTAssertFalse(edited.foodsFromCache, "a changed CSV is never served from the old copy")
        XCTAssertEqual(edited.foods.food(id: "01001")?.values[.vitaminA], 685)
        let after = try copies()
        XCTAssertEqual(after.count, 1)
        XCTAssertNotEqual(after, before, "the copy of the old bytes is gone")
        XCTAssertTrue(try NutrientData(directory: data.path, cache: cache).foodsFromCache)
    }

    func testWritingACopyClearsOldCopiesAndAbandonedTemporaryFiles() throws {
        let folder = URL(fileURLWithPath: cacheFolder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let names = ["foods-0000000000000001.cache", "foods-0000000000000001.cache.123.tmp",
                     "foods-0000000000000002.cache.456.tmp", "notes.txt"]
        for name in names { try Data("x".utf8).write(to: folder.appendingPathComponent(name)) }
        // The first temporary file was left two hours ago; the second is being written now.
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-7_200)],
                                              ofItemAtPath: folder.appendingPathComponent(names[1]).path)
        let cache = FoodTableCache(directory: cacheFolder)
        _ = try NutrientData(directory: TestData.directory, cache: cache)
        let left = try copies().filter { $0.hasSuffix(".cache") }
        XCTAssertEqual(left.count, 1, "\(left)")
        XCTAssertFalse(left.contains(names[0]))
        let all = try FileManager.default.contentsOfDirectory(atPath: cacheFolder)
        XCTAssertFalse(all.contains(names[1]), "an abandoned temporary file is removed")
        XCTAssertTrue(all.contains(names[2]), "another run's temporary file is left")
        XCTAssertTrue(all.contains("notes.txt"), "only absorb's own files are touched")
    }

    func testCopiesWrittenAtOnceLeaveOneWholeCopy() throws {
        // Eight writers of the same copy at once (two absorbs starting together, or threads):
        // each writes its own temporary file and renames it; one whole copy is left.
        let cache = FoodTableCache(directory: cacheFolder, programIdentity: 3)
        let table = TestData.data.foods
        DispatchQueue.concurrentPerform(iterations: 8) { _ in cache.store(table, for: 99) }
        let names = try FileManager.default.contentsOfDirectory(atPath: cacheFolder)
        XCTAssertEqual(names, [URL(fileURLWithPath: cache.path(for: 99)).lastPathComponent], "no temporary file left")
        assertSameFoods(table, try XCTUnwrap(cache.table(for: 99)))
    }

    func testADamagedCopyIsIgnoredAndReplaced() throws {
        let cache = FoodTableCache(directory: cacheFolder)
        _ = try NutrientData(directory: TestData.directory, cache: cache)
        let path = scratch.appendingPathComponent("cache").appendingPathComponent(try XCTUnwrap(try copies().first)).path
        let good = try Data(contentsOf: URL(fileURLWithPath: path))
        var flipped = good
        flipped[good.count / 2] ^= 0x01
        var lastByte = good
        lastByte[good.count - 1] ^= 0x80
        let damages: [(String, Data)] = [
            ("one bit flipped in a value", flipped),
            ("the checksum changed", lastByte),
            ("cut short", good.prefix(good.count / 2)),
            ("one byte missing at the end", good.dropLast()),
            ("empty", Data()),
            ("other bytes of the same length", Data(repeating: 0x41, count: good.count)),
            ("a byte too many", good + Data([0])),
        ]
        for (damage, bytes) in damages {
            try bytes.write(to: URL(fileURLWithPath: path))
            let loaded = try NutrientData(directory: TestData.directory, cache: cache)
            XCTAssertFalse(loaded.foodsFromCache, damage)
            assertSameFoods(TestData.data.foods, loaded.foods)
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), good, "\(damage): the copy is made again")
        }
    }

    func testTheIDIndexFindsEveryIDAndRefusesSlotsThatDoNotFit() throws {
        // 20,000 ids of many shapes, inserted one by one (the slots grow as they go).
        var generator = SplitMix64(seed: 2026_11_28)
        var ids = TextColumn(), index = IDIndex(), seen = Set<String>()
        let alphabet = Array("0123456789ABCDEFabcdef-_éü食".map(String.init))
        while ids.count < 20_000 {
            let id = (0..<(1 + Int(generator.next() % 12))).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            guard seen.insert(id).inserted else { continue }
            ids.append(id)
            index.insert(position: ids.count - 1, in: ids)
        }
        func find(_ id: String) -> Int? { var id = id; return id.withUTF8 { index.find($0, in: ids) } }
        for position in stride(from: 0, to: ids.count, by: 7) { XCTAssertEqual(find(ids[position]), position) }
        XCTAssertNil(find("not an id"))
        XCTAssertNil(find(""))
        XCTAssertEqual(IDIndex(slots: index.slots, ids: ids), index, "its own slots are accepted")
        // Slots that do not index exactly these ids are refused.
        var missing = index.slots
        missing[missing.firstIndex { $0 != 0 }!] = 0
        var stray = index.slots
        stray[stray.firstIndex { $0 == 0 }!] = 1
        var outOfRange = index.slots
        outOfRange[outOfRange.firstIndex { $0 != 0 }!] = Int32(ids.count + 1)
        var swapped = index.slots
        let used = swapped.indices.filter { swapped[$0] != 0 }
        swapped.swapAt(used[0], used[1])
        for (what, slots) in [("an id missing", missing), ("an entry too many", stray), ("a position past the end", outOfRange),
                              ("two entries swapped", swapped), ("not a power of two", Array(index.slots.dropLast())),
                              ("too few slots", Array(index.slots.prefix(16))), ("none", [])] {
            XCTAssertNil(IDIndex(slots: slots, ids: ids), what)
        }
        // A table keeps ids unique through its index.
        var table = FoodTable()
        try table.append(Food(id: "X1", description: "one", group: "G", source: .custom, values: FoodValues([:]), portions: []))
        XCTAssertThrowsError(try table.append(Food(id: "X1", description: "again", group: "G", source: .custom,
                                                   values: FoodValues([:]), portions: [])))
        XCTAssertEqual(table.count, 1)
        XCTAssertEqual(table.index(of: "X1"), 0)
    }

    func testColumnsThatDoNotFitTogetherAreRefused() throws {
        let good = TestData.data.foods.columns
        XCTAssertNotNil(FoodTable(columns: good))
        var shortValues = good
        shortValues.values.removeLast()
        var badGroup = good
        badGroup.groupOfFood[0] = UInt16(good.groupNames.count)
        var badMeasure = good
        badMeasure.portionCount[0] = Int32(good.portionAmounts.count) + 1
        var negativeStart = good
        negativeStart.portionStart[1] = -1
        var twice = good
        twice.ids = TextColumn(utf8: Array("0100101001".utf8) + good.ids.storage.utf8.dropFirst(10),
                               ends: good.ids.storage.ends)!
        for (what, columns) in [("a value short", shortValues), ("a group out of range", badGroup),
                                ("measures past the end", badMeasure), ("a negative start", negativeStart),
                                ("one id twice", twice)] {
            XCTAssertNil(FoodTable(columns: columns), what)
        }
        XCTAssertNil(TextColumn(utf8: Array("abc".utf8), ends: [2, 1, 3]), "ends that fall")
        XCTAssertNil(TextColumn(utf8: Array("abc".utf8), ends: [1, 4]), "an end past the bytes")
        XCTAssertNil(TextColumn(utf8: Array("abc".utf8), ends: [1, 2]), "bytes after the last end")
    }

    func testDamageBehindAValidChecksumIsRefusedOrReadNeverACrash() throws {
        // The checksum catches damage on disk; this is what is left when it is made to pass
        // anyway (a copy edited by hand, or a checksum that happens to match): bytes changed
        // and counts made wrong, the checksum written again. Each must decode to a table
        // whose columns fit together, or to nothing.
        let cache = FoodTableCache(directory: cacheFolder, programIdentity: 7)
        let table = TestData.data.foods
        cache.store(table, for: 42)
        let good = try FileBytes.read(cache.path(for: 42))
        var generator = SplitMix64(seed: 20261128)
        var refused = 0, read = 0
        for round in 0..<150 {
            var bytes = good
            let changes = 1 + Int(generator.next() % 4)
            for _ in 0..<changes {
                // Often a column's count (the first bytes of each column are a count), else anywhere.
                let at = Int(generator.next() % UInt64(bytes.count - 8))
                if round % 3 == 0 {
                    let value = [UInt64(0), 1, UInt64.max, UInt64(generator.next() % 100_000), UInt64(Int.max)][Int(generator.next() % 5)]
                    withUnsafeBytes(of: value) { for (i, byte) in $0.enumerated() where at + i < bytes.count - 8 { bytes[at + i] = byte } }
                } else {
                    bytes[at] = UInt8(truncatingIfNeeded: generator.next())
                }
            }
            if round % 7 == 0 { bytes.removeSubrange((bytes.count / 2)..<(bytes.count - 8)) }
            var checksum = StableHash()
            bytes.withUnsafeBytes { checksum.combine(UnsafeRawBufferPointer(rebasing: $0[..<(bytes.count - 8)])) }
            withUnsafeBytes(of: checksum.finalize()) { for (i, byte) in $0.enumerated() { bytes[bytes.count - 8 + i] = byte } }
            if let decoded = bytes.withUnsafeBytes({ FoodTableCache.decode($0, key: 42) }) {
                read += 1
                // Whatever was read holds together: every food can be made, with its measures.
                for index in stride(from: 0, to: decoded.count, by: 7) { _ = decoded.food(at: index) }
            } else {
                refused += 1
            }
        }
        XCTAssertGreaterThan(refused, 50, "much damage is refused (\(read) read)")
    }

    func testAFolderThatCannotBeWrittenOnlyCostsTheTime() throws {
        let file = scratch.appendingPathComponent("a-file")
        try Data("not a folder".utf8).write(to: file)
        let cache = FoodTableCache(directory: file.path + "/absorb")
        let loaded = try NutrientData(directory: TestData.directory, cache: cache)
        XCTAssertFalse(loaded.foodsFromCache)
        assertSameFoods(TestData.data.foods, loaded.foods)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "not a folder")
    }

    func testAnotherBuildOfTheProgramMakesItsOwnCopy() throws {
        let files = [Array("a".utf8), Array("b".utf8), Array("c".utf8)]
        let one = FoodTableCache(directory: cacheFolder, programIdentity: 1)
        let other = FoodTableCache(directory: cacheFolder, programIdentity: 2)
        XCTAssertNotEqual(one.key(for: files), other.key(for: files))
        // The same from run to run: a value written here (a key computed anew in each
        // process, or from anything but the bytes and the build, would not match it). The
        // key also covers the table's shape (FoodComponent.count: 14 since vitamin_e_ul_mg),
        // so a new component changes these values, as it must.
        XCTAssertEqual(one.key(for: files), 4_343_299_632_036_230_789, "the key is the same from run to run")
        XCTAssertEqual(other.key(for: files), 8_276_875_435_129_344_576)
        // The same bytes split differently between the files are other files.
        XCTAssertNotEqual(one.key(for: files), one.key(for: [Array("ab".utf8), [], Array("c".utf8)]))
        // The files hashed where they lie are keyed as their bytes are.
        let paths = ["foods.csv", "supplements.csv", "portions.csv"].map { TestData.directory + "/" + $0 }
        XCTAssertEqual(try one.key(forFilesAt: paths),
                       one.key(for: try paths.map { path throws(DataFileError) in try FileBytes.read(path) }))
        XCTAssertThrowsError(try one.key(forFilesAt: [TestData.directory + "/no-such.csv"])) { error in
            XCTAssertTrue("\(error)".hasSuffix("no-such.csv: does not exist"), "\(error)")
        }
        XCTAssertThrowsError(try one.key(forFilesAt: [TestData.directory])) { error in
            XCTAssertTrue("\(error)".hasSuffix("Data: is a folder, not a regular file; absorb reads only regular files"), "\(error)")
        }
        one.store(TestData.data.foods, for: one.key(for: files))
        XCTAssertNil(other.table(for: other.key(for: files)))
        XCTAssertNotNil(one.table(for: one.key(for: files)))
    }

    func testTheHashIsFixedAndSeesEveryByte() {
        func hash(_ bytes: [UInt8]) -> UInt64 {
            var h = StableHash()
            h.combine(bytes)
            return h.finalize()
        }
        // Fixed across processes and versions: a copy made by one run is found by the next.
        // A value written here, so a hash seeded per process (or any change to the function)
        // fails; the id index's hash too, whose slots are stored the same way.
        XCTAssertEqual(hash(Array("absorb".utf8)), 18_268_417_142_895_758_998)
        XCTAssertEqual(Array("01001".utf8).withUnsafeBufferPointer(IDIndex.hash), 17_305_519_235_744_945_303)
        // In pieces or whole, the same hash (the cache hashes files 64 KB at a time).
        let long = (0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var pieces = StableHash()
        for start in stride(from: 0, to: long.count, by: 37) { pieces.combine(Array(long[start..<min(start + 37, long.count)])) }
        XCTAssertEqual(pieces.finalize(), hash(long))
        let text = Array("01001,\"Butter, salted\",Dairy and Egg Products,717,81.11".utf8)
        var seen = Set<UInt64>([hash(text)])
        for index in text.indices {
            for bit in 0..<8 {
                var changed = text
                changed[index] ^= 1 << bit
                seen.insert(hash(changed))
            }
        }
        XCTAssertEqual(seen.count, text.count * 8 + 1, "every one-bit change gives another hash")
        // And every two-bit change of a shorter text (a multiply-only mix failed this).
        let short = Array(text.prefix(20))
        var pairs = Set<UInt64>()
        for first in 0..<short.count * 8 {
            for second in first + 1..<short.count * 8 {
                var changed = short
                changed[first / 8] ^= 1 << (first % 8)
                changed[second / 8] ^= 1 << (second % 8)
                pairs.insert(hash(changed))
            }
        }
        XCTAssertEqual(pairs.count, 160 * 159 / 2)
        XCTAssertNotEqual(hash(text), hash(text + [0]), "a zero byte more is another text")
        XCTAssertNotEqual(hash([]), hash([0]))
    }
}
