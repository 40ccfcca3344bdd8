/// How the model is given its files. NutrientModel reads no file itself: the loaders take
/// a `DataFileReading` (the `DataFiles` target's `DiskFiles` reads the disk) and, to skip
/// parsing the food table again, a `FoodTableStore` (`DataFiles`' `FoodTableCache`).
/// The platform machinery (system calls, mapping, the cache's binary layout and hash)
/// lives in that target, so this one is the domain alone.
public protocol DataFileReading: Sendable {
    /// The whole file at `path`, or an error that names it.
    func bytes(atPath path: String) throws(DataFileError) -> [UInt8]
}

/// A place that keeps food tables already loaded, each for exactly the bytes of the
/// files it was loaded from, and beside each table the planner's preparation of it
/// (`PlannerPreparation`), for exactly the data files the planner reads.
public protocol FoodTableStore: Sendable {
    /// The table kept for the current contents of the files at `paths` (foods,
    /// supplements, portions), with the key of those contents, or `nil` when none was kept
    /// for exactly those bytes. It may read the files to tell (without keeping them).
    func storedTable(forFilesAt paths: [String]) throws(DataFileError) -> (table: FoodTable, key: UInt64)?
    /// Keeps `table`, loaded from `files` (the bytes of the same files, in that order), and
    /// returns the key of those bytes. A store that cannot keep it says nothing: it is an
    /// optimisation only.
    @discardableResult
    func store(_ table: FoodTable, loadedFrom files: [[UInt8]]) -> UInt64
    /// The key of a planner's preparation of the table of key `table`, made with the data
    /// files whose bytes are `data` (in a fixed order), or `nil` for a store that keeps no
    /// preparations.
    func plannerKey(table: UInt64, data: [[UInt8]]) -> UInt64?
    /// The preparation kept under `key`, or `nil`.
    func storedPreparation(for key: UInt64) -> PlannerPreparation?
    /// Keeps `preparation` under `key` (as `store(_:loadedFrom:)`, silently if it cannot).
    func store(_ preparation: PlannerPreparation, for key: UInt64)
}

extension FoodTableStore {
    /// A store that keeps tables only keeps no preparation.
    public func plannerKey(table: UInt64, data: [[UInt8]]) -> UInt64? { nil }
    public func storedPreparation(for key: UInt64) -> PlannerPreparation? { nil }
    public func store(_ preparation: PlannerPreparation, for key: UInt64) {}
}

/// A data file that is missing or unreadable.
public struct DataFileError: Error, Sendable, CustomStringConvertible {
    /// The file's path.
    public let path: String
    /// What is wrong with it.
    public let message: String
    /// `path: message`.
    public var description: String { "\(path): \(message)" }

    /// Makes an error.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
}
