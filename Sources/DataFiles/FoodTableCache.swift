import NutrientModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A binary copy of the food table as it was loaded from `foods.csv`, `supplements.csv`
/// and `portions.csv`, so that the next start reads the table back instead of parsing
/// 1.6 MB of CSV again.
///
/// The copy is only used for exactly the bytes it was made from: its name and its header
/// carry a hash of the three files' contents (read and hashed at every start: about a third
/// of a millisecond), of this program's own file (a rebuilt absorb, whose loader may differ,
/// makes its own copy) and of the format. Every byte of the copy is checked against a
/// checksum, and its columns against each other, before it is used; anything that does
/// not fit is ignored and the CSVs are loaded as if there were no copy. The cache is an
/// optimisation and nothing else: a folder that cannot be written only costs the time.
public struct FoodTableCache: FoodTableStore {
    /// The folder the copies are kept in.
    public let directory: String
    /// What identifies the program that loads (see `init(directory:)`).
    let programIdentity: UInt64

    /// The version of the layout below; a change of layout changes it.
    static let formatVersion: UInt64 = 2
    private static let magic = Array("absorb-foods-cache".utf8)
    private static let prefix = "foods-"
    /// The version of a planner preparation's layout (`encode(_:key:into:)` of one).
    static let plannerFormatVersion: UInt64 = 1
    private static let plannerMagic = Array("absorb-planner-cache".utf8)
    static let plannerPrefix = "planner-"
    private static let suffix = ".cache"

    /// A cache in `directory` (made when first written). Copies made by another build of
    /// the program are not used: the running executable's size, modification time and
    /// inode are part of every key.
    public init(directory: String) {
        self.init(directory: directory, programIdentity: Self.executableIdentity())
    }

    init(directory: String, programIdentity: UInt64) {
        self.directory = directory
        self.programIdentity = programIdentity
    }

    /// The key of a table loaded from these files' bytes (foods, supplements, portions,
    /// in that order).
    func key(for files: [[UInt8]]) -> UInt64 {
        key(fileHashes: files.map { file in
            var hash = StableHash()
            hash.combine(file)
            return hash.finalize()
        })
    }

    /// The key of the files at these paths, read a piece at a time (nothing of them is
    /// kept: see `FileBytes.forEachChunk`); the same as `key(for:)` of their bytes.
    func key(forFilesAt paths: [String]) throws(DataFileError) -> UInt64 {
        var hashes: [UInt64] = []
        for path in paths {
            var hash = StableHash()
            try FileBytes.forEachChunk(path) { hash.combine($0) }
            hashes.append(hash.finalize())
        }
        return key(fileHashes: hashes)
    }

    /// Each file is hashed on its own (its length is part of its hash), then the hashes
    /// with what identifies the format and the program.
    private func key(fileHashes: [UInt64]) -> UInt64 {
        var hash = StableHash()
        hash.combine(Self.formatVersion)
        hash.combine(programIdentity)
        hash.combine(UInt64(FoodComponent.count))
        hash.combine(UInt64(fileHashes.count))
        for fileHash in fileHashes { hash.combine(fileHash) }
        return hash.finalize()
    }

    /// The path of the copy for `key` (of a table, or with `plannerPrefix` of a preparation).
    func path(for key: UInt64, prefix: String = Self.prefix) -> String {
        let hex = String(key, radix: 16)
        return directory + "/" + prefix + String(repeating: "0", count: 16 - hex.count) + hex + Self.suffix
    }

    /// The table kept for the files at `paths`, which are only hashed, through one small
    /// buffer (nothing of them is kept), with their key.
    public func storedTable(forFilesAt paths: [String]) throws(DataFileError) -> (table: FoodTable, key: UInt64)? {
        let key = try key(forFilesAt: paths)
        return table(for: key).map { ($0, key) }
    }

    /// Keeps `table` under the key of the bytes it was loaded from, and returns that key.
    @discardableResult
    public func store(_ table: FoodTable, loadedFrom files: [[UInt8]]) -> UInt64 {
        let key = key(for: files)
        store(table, for: key)
        return key
    }

    /// The key of a planner's preparation: the table's key (its files, the program, the
    /// format), the preparation's format, and each other data file's bytes hashed on its own.
    public func plannerKey(table: UInt64, data: [[UInt8]]) -> UInt64? {
        var hash = StableHash()
        hash.combine(Self.plannerFormatVersion)
        hash.combine(table)
        hash.combine(UInt64(data.count))
        for file in data {
            var fileHash = StableHash()
            fileHash.combine(file)
            hash.combine(fileHash.finalize())
        }
        return hash.finalize()
    }

    /// The preparation kept under `key`, or `nil` if there is none or it is damaged.
    public func storedPreparation(for key: UInt64) -> PlannerPreparation? {
        try? FileBytes.withMapped(path(for: key, prefix: Self.plannerPrefix)) { Self.decodePreparation($0, key: key) } ?? nil
    }

    /// Keeps `preparation` under `key`, as a table is kept.
    public func store(_ preparation: PlannerPreparation, for key: UInt64) {
        writeCopy(to: path(for: key, prefix: Self.plannerPrefix), prefix: Self.plannerPrefix) { writer in
            Self.encode(preparation, key: key, into: &writer)
        }
    }

    /// The table stored under `key`, or `nil` if there is none or it is damaged.
    func table(for key: UInt64) -> FoodTable? {
        try? FileBytes.withMapped(path(for: key)) { Self.decode($0, key: key) } ?? nil
    }

    /// Stores `table` under `key`: written to a temporary file and renamed into place, so
    /// a reader sees the whole copy or none. Older copies in the folder are removed. Any
    /// failure is ignored (see the type's note).
    func store(_ table: FoodTable, for key: UInt64) {
        writeCopy(to: path(for: key), prefix: Self.prefix) { writer in Self.encode(table, key: key, into: &writer) }
    }

    /// Writes a copy to `final` through `encode`, and removes the other copies of its kind
    /// (`prefix`).
    private func writeCopy(to final: String, prefix: String, _ encode: (inout Writer) -> Void) {
        guard Self.makeDirectory(directory) else { return }
        // Another run, or another thread of this one, may be writing the same copy.
        let temporary = final + ".\(getpid())-\(String(UInt32.random(in: 0 ... .max), radix: 16)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        var writer = Writer(descriptor: descriptor)
        encode(&writer)
        let written = writer.finish()
        close(descriptor)
        guard written, rename(temporary, final) == 0 else {
            unlink(temporary)
            return
        }
        removeOtherCopies(keeping: final, prefix: prefix)
    }

    /// Removes the copies of other keys of one kind (older data or an older absorb), and
    /// temporary files more than an hour old (a run that stopped while writing one; a
    /// younger one may be another run's, still being written).
    private func removeOtherCopies(keeping kept: String, prefix: String) {
        guard let folder = opendir(directory) else { return }
        defer { closedir(folder) }
        var stale: [String] = []
        let anHourAgo = time(nil) - 3_600
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard name.hasPrefix(prefix) else { continue }
            let path = directory + "/" + name
            if name.hasSuffix(Self.suffix), path != kept { stale.append(path) }
            var status = stat()
            if name.hasSuffix(".tmp"), stat(path, &status) == 0, Self.modified(status) < anHourAgo { stale.append(path) }
        }
        for path in stale { unlink(path) }
    }

    private static func modified(_ status: stat) -> time_t {
        #if canImport(Darwin)
        status.st_mtimespec.tv_sec
        #else
        status.st_mtim.tv_sec
        #endif
    }

    /// Makes `path` and its parents, as `mkdir -p` does; whether it is a folder now.
    private static func makeDirectory(_ path: String) -> Bool {
        var status = stat()
        if stat(path, &status) == 0 { return (status.st_mode & S_IFMT) == S_IFDIR }
        let parent = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        if !parent.isEmpty, parent != path, !makeDirectory(parent) { return false }
        return mkdir(path, 0o755) == 0 || errno == EEXIST
    }

    /// The running executable's size, modification time and inode, hashed (0 where the
    /// system does not say).
    private static func executableIdentity() -> UInt64 {
        var status = stat()
        guard stat("/proc/self/exe", &status) == 0 else { return 0 }
        var hash = StableHash()
        hash.combine(UInt64(bitPattern: Int64(status.st_size)))
        hash.combine(UInt64(bitPattern: Int64(status.st_ino)))
        #if canImport(Glibc)
        hash.combine(UInt64(bitPattern: Int64(status.st_mtim.tv_sec)))
        hash.combine(UInt64(bitPattern: Int64(status.st_mtim.tv_nsec)))
        #endif
        return hash.finalize()
    }

    // MARK: The layout
    //
    // The magic, the format version, the key; then each column as a count (8 bytes) and
    // its elements' bytes, padded to 8; then a checksum of everything before it. Numbers
    // are in the machine's order: a copy is read back by the machine that wrote it (the
    // program's identity is in the key).

    /// Writes the copy column by column, straight from the table's arrays (no second copy
    /// of the table in memory: for a large table that would double its size).
    private static func encode(_ table: FoodTable, key: UInt64, into out: inout Writer) {
        let columns = table.columns
        magic.withUnsafeBytes { out.add($0) }
        out.add(formatVersion)
        out.add(key)
        func text(_ column: TextColumn) {
            let storage = column.storage
            out.add(storage.utf8)
            out.add(storage.ends)
        }
        text(columns.ids)
        out.add(columns.idSlots)
        text(columns.descriptions)
        text(columns.groupNames)
        out.add(columns.groupOfFood)
        out.add(columns.sources.map(sourceCode))
        out.add(columns.values)
        out.add(columns.portionAmounts)
        out.add(columns.portionGrams)
        text(columns.portionNames)
        out.add(columns.portionStart)
        out.add(columns.portionCount)
    }

    static func decode(_ bytes: UnsafeRawBufferPointer, key: UInt64) -> FoodTable? {
        guard bytes.count >= magic.count + 24 else { return nil }
        let body = bytes.count - 8
        let stored = bytes.loadUnaligned(fromByteOffset: body, as: UInt64.self)
        var checksum = StableHash()
        checksum.combine(UnsafeRawBufferPointer(rebasing: bytes[..<body]))
        guard checksum.finalize() == stored, bytes.starts(with: magic) else { return nil }
        var reader = Reader(bytes: bytes, offset: magic.count, end: body)
        guard reader.number() == formatVersion, reader.number() == key else { return nil }
        func text() -> TextColumn? {
            guard let utf8: [UInt8] = reader.array(), let ends: [Int] = reader.array() else { return nil }
            return TextColumn(utf8: utf8, ends: ends)
        }
        guard let ids = text(), let idSlots: [Int32] = reader.array(), let descriptions = text(), let groupNames = text(),
              let groupOfFood: [UInt16] = reader.array(), let sourceCodes: [UInt8] = reader.array(),
              let values: [Double] = reader.array(), let portionAmounts: [Double] = reader.array(),
              let portionGrams: [Double] = reader.array(), let portionNames = text(),
              let portionStart: [Int32] = reader.array(), let portionCount: [Int32] = reader.array(),
              reader.offset == body else { return nil }
        var sources: [FoodSource] = []
        sources.reserveCapacity(sourceCodes.count)
        for code in sourceCodes {
            guard let source = source(code) else { return nil }
            sources.append(source)
        }
        return FoodTable(columns: .init(
            ids: ids, idSlots: idSlots, descriptions: descriptions, groupNames: groupNames, groupOfFood: groupOfFood, sources: sources,
            values: values, portionAmounts: portionAmounts, portionGrams: portionGrams, portionNames: portionNames,
            portionStart: portionStart, portionCount: portionCount))
    }

    /// A planner's preparation: its magic, format and key, the food count, then each part
    /// as a column (the reasons as one text column), then the checksum.
    private static func encode(_ preparation: PlannerPreparation, key: UInt64, into out: inout Writer) {
        plannerMagic.withUnsafeBytes { out.add($0) }
        out.add(plannerFormatVersion)
        out.add(key)
        out.add(UInt64(preparation.foodCount))
        out.add(preparation.servingGrams)
        out.add(preparation.servingKcal)
        out.add(preparation.servingPortion)
        out.add(preparation.per100)
        out.add(preparation.limitPer100)
        out.add(preparation.groupMaxGrams)
        out.add(preparation.hasMeasure)
        out.add(preparation.energetic)
        out.add(UInt64(preparation.lists.count))
        for list in preparation.lists { out.add(list) }
        out.add(preparation.excluded)
        var reasonBytes: [UInt8] = [], reasonEnds: [Int] = []
        for reason in preparation.reasons {
            reasonBytes.append(contentsOf: reason.utf8)
            reasonEnds.append(reasonBytes.count)
        }
        out.add(reasonBytes)
        out.add(reasonEnds)
        out.add(preparation.fish)
        out.add(preparation.pregnancy)
    }

    static func decodePreparation(_ bytes: UnsafeRawBufferPointer, key: UInt64) -> PlannerPreparation? {
        guard bytes.count >= plannerMagic.count + 24 else { return nil }
        let body = bytes.count - 8
        let stored = bytes.loadUnaligned(fromByteOffset: body, as: UInt64.self)
        var checksum = StableHash()
        checksum.combine(UnsafeRawBufferPointer(rebasing: bytes[..<body]))
        guard checksum.finalize() == stored, bytes.starts(with: plannerMagic) else { return nil }
        var reader = Reader(bytes: bytes, offset: plannerMagic.count, end: body)
        guard reader.number() == plannerFormatVersion, reader.number() == key,
              let foodCount = reader.number(), foodCount <= UInt64(Int32.max),
              let servingGrams: [Double] = reader.array(), let servingKcal: [Double] = reader.array(),
              let servingPortion: [Int32] = reader.array(), let per100: [Double] = reader.array(),
              let limitPer100: [Double] = reader.array(), let groupMaxGrams: [Double] = reader.array(),
              let hasMeasure: [UInt8] = reader.array(), let energetic: [UInt8] = reader.array(),
              let listCount = reader.number(), listCount <= 1_000 else { return nil }
        var lists: [[Int32]] = []
        for _ in 0..<listCount {
            guard let list: [Int32] = reader.array() else { return nil }
            lists.append(list)
        }
        guard let excluded: [Int32] = reader.array(), let reasonBytes: [UInt8] = reader.array(),
              let reasonEnds: [Int] = reader.array(), let reasonColumn = TextColumn(utf8: reasonBytes, ends: reasonEnds),
              let fish: [UInt8] = reader.array(), let pregnancy: [UInt8] = reader.array(),
              reader.offset == body else { return nil }
        return PlannerPreparation(
            foodCount: Int(foodCount), servingGrams: servingGrams, servingKcal: servingKcal, servingPortion: servingPortion,
            per100: per100, limitPer100: limitPer100, groupMaxGrams: groupMaxGrams, hasMeasure: hasMeasure,
            energetic: energetic, lists: lists, excluded: excluded, reasons: Array(reasonColumn), fish: fish,
            pregnancy: pregnancy)
    }

    private static func sourceCode(_ source: FoodSource) -> UInt8 {
        switch source {
        case .usda: 0
        case .supplement: 1
        case .custom: 2
        case .recipe: 3
        }
    }

    private static func source(_ code: UInt8) -> FoodSource? {
        switch code {
        case 0: .usda
        case 1: .supplement
        case 2: .custom
        case 3: .recipe
        default: nil
        }
    }

    /// Writes the copy to a file, hashing every byte for the checksum that ends it; small
    /// pieces are gathered into one write.
    private struct Writer {
        let descriptor: Int32
        private var checksum = StableHash()
        private var buffer: [UInt8] = []
        private var failed = false
        private static let bufferSize = 1 << 16

        init(descriptor: Int32) {
            self.descriptor = descriptor
            buffer.reserveCapacity(Self.bufferSize)
        }

        mutating func add(_ bytes: UnsafeRawBufferPointer) {
            checksum.combine(bytes)
            if buffer.count + bytes.count <= Self.bufferSize {
                buffer.append(contentsOf: bytes)
            } else {
                flush()
                writeAll(bytes)
            }
        }

        mutating func add(_ value: UInt64) {
            withUnsafeBytes(of: value) { add($0) }
        }

        /// A column: its count, its elements' bytes, zeros to the next multiple of 8.
        mutating func add<Element: BitwiseCopyable>(_ elements: [Element]) {
            add(UInt64(elements.count))
            elements.withUnsafeBytes { add($0) }
            let padding = (8 - elements.count * MemoryLayout<Element>.stride % 8) % 8
            if padding > 0 { withUnsafeBytes(of: UInt64(0)) { add(UnsafeRawBufferPointer(rebasing: $0[..<padding])) } }
        }

        /// Writes what is gathered and the checksum; whether every write succeeded.
        mutating func finish() -> Bool {
            withUnsafeBytes(of: checksum.finalize()) { buffer.append(contentsOf: $0) }
            flush()
            return !failed
        }

        private mutating func flush() {
            if !failed, !buffer.withUnsafeBytes({ Self.writeAll($0, to: descriptor) }) { failed = true }
            buffer.removeAll(keepingCapacity: true)
        }

        private mutating func writeAll(_ bytes: UnsafeRawBufferPointer) {
            if !failed, !Self.writeAll(bytes, to: descriptor) { failed = true }
        }

        private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
            guard var at = bytes.baseAddress else { return true }
            var left = bytes.count
            while left > 0 {
                let n = write(descriptor, at, left)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                at += n
                left -= n
            }
            return true
        }
    }

    /// Reads the columns back, each only if it lies wholly inside the body.
    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset: Int
        let end: Int

        mutating func number() -> UInt64? {
            guard end - offset >= 8 else { return nil }
            defer { offset += 8 }
            return bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        }

        mutating func array<Element: BitwiseCopyable>() -> [Element]? {
            guard let count = number(), count <= UInt64(end - offset) else { return nil }
            let size = Int(count) * MemoryLayout<Element>.stride
            let padded = size + (8 - size % 8) % 8
            guard padded <= end - offset else { return nil }
            let start = offset
            offset += padded
            return [Element](unsafeUninitializedCapacity: Int(count)) { buffer, initialized in
                let raw = UnsafeMutableRawBufferPointer(buffer)
                FileBytes.prefault(raw)  // the values column alone is 230 pages
                raw.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[start..<start + size]))
                initialized = Int(count)
            }
        }
    }
}
