import Foundation
import GRDB
import NutrientModel

/// The person's journal in one SQLite file: profiles, entries, custom foods and target
/// overrides. Every write is one transaction: it is saved whole or not at all.
public final class JournalStore: Sendable {
    /// The file's path.
    public let path: String
    // One connection: every command is one thread of work, and the dashboard's reads and
    // writes are on its main thread. (A `DatabasePool` would also write to the journal at
    // every open, to make sure a write-ahead log exists: two fsyncs and a checkpoint for a
    // command that only reads.) Other processes still read while one writes: the journal
    // is in WAL mode, set once when it is created and kept in the file.
    let database: DatabaseQueue

    /// The name of the profile a first run creates.
    public static let defaultProfileName = "Me"

    /// absorb's mark in the SQLite header (`PRAGMA application_id`), "absb" in ASCII: set when
    /// a journal is created or migrated, so a database of another program is never taken
    /// for one.
    public static let applicationID: Int32 = 0x6162_7362

    /// Opens (and on first use creates) the journal at `path`, migrating it to the
    /// current schema. A file that is not an absorb journal, or one written by a newer
    /// absorb, is reported and left untouched.
    public convenience init(path: String) throws(JournalError) {
        try self.init(path: path, prepareConnection: nil)
    }

    /// Opens the journal, running `prepareConnection` on every SQLite connection first (tests
    /// use it to simulate a full disk with `PRAGMA max_page_count`).
    init(path: String, prepareConnection: (@Sendable (Database) throws -> Void)?) throws(JournalError) {
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        let manager = FileManager.default
        if !directory.isEmpty, !manager.fileExists(atPath: directory) {
            do {
                try manager.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                            attributes: [.posixPermissions: 0o700])
            } catch {
                throw JournalError(path: path, message: "cannot create the folder \(directory): \(error.localizedDescription)")
            }
        }
        // Creation and migration are one absorb at a time: twenty first runs at once would
        // otherwise each see no schema and create it (the others failing "table profile
        // already exists"). The lock is on the folder (flock, which SQLite's own fcntl locks
        // do not touch), held only while the journal is opened and migrated.
        let lock = FolderLock(directory.isEmpty ? "." : directory)
        defer { lock.release() }
        let existed = manager.fileExists(atPath: path)
        var markedAbsorbs = false
        if existed {
            markedAbsorbs = try Self.checkIsSQLite(path)
            // Every entry is written as it is made: a journal absorb cannot write is refused
            // before SQLite opens it (which would leave -wal and -shm files behind).
            guard access(path, R_OK | W_OK) == 0 else {
                throw JournalError(
                    path: path,
                    message: "is read-only for you: absorb saves every entry as it is made, so it needs to write the journal. Make it writable (chmod u+rw) or choose another with --journal. The file was not changed.")
            }
        }
        // SQLite writes the write-ahead log and its index (-wal, -shm) even to read: one the
        // person cannot write (made by absorb under sudo, or chowned) fails every command,
        // reads too, so it is named before SQLite tries.
        for companion in [path + "-wal", path + "-shm"] where existed && manager.fileExists(atPath: companion) {
            guard access(companion, R_OK | W_OK) == 0 else {
                throw JournalError(path: path, message: Self.companionNotWritable(companion))
            }
        }
        let folder = directory.isEmpty ? "." : directory
        guard access(folder, W_OK | X_OK) == 0 else {
            throw JournalError(
                path: path,
                message: existed
                    ? "is in a folder you cannot write (\(folder)): SQLite keeps its write-ahead log beside the journal, so absorb cannot use it there. Make the folder writable or move the journal. The file was not changed."
                    : "cannot be created: the folder \(folder) is not writable for you. Choose another place with --journal or ABSORB_JOURNAL.")
        }
        // A file whose header already carries absorb's mark is a journal: the probe, which
        // opens a connection of its own, is for the others (another program's database, an
        // older journal, one whose mark is still only in the write-ahead log).
        if existed, !markedAbsorbs { try Self.checkIsAbsorbs(path) }
        var configuration = Configuration()
        configuration.busyMode = .timeout(Double(Self.busySeconds))
        configuration.foreignKeysEnabled = true
        if let prepareConnection { configuration.prepareDatabase(prepareConnection) }
        // SQLite makes the -wal and -shm files as it opens the journal, with the umask's mode:
        // they are made private below on success, and here if the journal turns out damaged.
        var opened = false
        defer { if !opened { Self.makeWriteAheadFilesPrivate(path) } }
        do {
            database = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            // A marked journal that cannot be opened is damaged: the probe skipped above
            // names that as it does for any file (and says the file was not changed).
            if existed, markedAbsorbs { try Self.checkIsAbsorbs(path) }
            throw JournalError(path: path, message: "cannot be opened: \(Self.describe(error))")
        }
        let migrator = JournalSchema.migrator
        do {
            // One read transaction for the three questions about the schema.
            let (superseded, applied, pending) = try database.read { db in
                (try migrator.hasBeenSuperseded(db), try migrator.appliedIdentifiers(db), try migrator.hasCompletedMigrations(db))
            }
            if superseded {
                throw JournalError(
                    path: path,
                    message: "was written by a newer version of absorb (its schema has changes this version does not know); update absorb to open it. The file was not changed.")
            }
            // An older journal is copied whole before its schema changes: if the migration
            // or this version of absorb disappoints, the person still has the file as it was.
            if existed, !applied.isEmpty, !pending {
                try backUp(database, applied: applied.count)
            }
            let created = applied.isEmpty
            try database.writeWithoutTransaction { db in
                if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                    guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                        throw JournalError(path: path, message: "cannot be put in write-ahead-log mode, which absorb needs to share it safely between the dashboard and commands")
                    }
                }
            }
            try migrator.migrate(database)
            if created || !pending {
                try database.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA application_id = \(Self.applicationID)")
                }
            }
        } catch let error as JournalError {
            throw error
        } catch {
            throw JournalError(path: path, message: "is not a journal this absorb can read: \(Self.describe(error)). The file was not changed.")
        }
        // The journal and SQLite's write-ahead log and shared-memory files beside it are
        // health data: private to the person, whatever the umask and whatever mode an
        // existing journal had (a 0644 journal is made 0600 at its next open).
        for file in [path, path + "-wal", path + "-shm"] where manager.fileExists(atPath: file) {
            _ = try? manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        }
        opened = true
    }

    /// The path of the copy made before migrating a journal with `applied` migrations.
    public static func backupPath(for path: String, applied: Int) -> String {
        "\(path).schema-v\(applied).backup"
    }

    /// Copies the journal, consistently, next to itself (private like the journal).
    private func backUp(_ database: DatabaseQueue, applied: Int) throws {
        let backup = Self.backupPath(for: path, applied: applied)
        if FileManager.default.fileExists(atPath: backup) { return }  // the first copy is the one to keep
        let copy = try DatabaseQueue(path: backup)
        try database.backup(to: copy)
        try copy.close()
        _ = try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: backup)
    }

    /// Makes the -wal and -shm files SQLite left beside a journal it could not open 0600:
    /// SQLite gives them the journal's own mode, and a refused 0644 journal left 0644 ones.
    private static func makeWriteAheadFilesPrivate(_ path: String) {
        for file in [path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            _ = try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        }
    }

    /// Refuses a file that exists but is not SQLite, before SQLite touches it; says whether
    /// its header carries absorb's application id (big-endian at offset 68 of the header's
    /// 100 bytes, as SQLite's file format defines it).
    private static func checkIsSQLite(_ path: String) throws(JournalError) -> Bool {
        // Only a regular file (a symbolic link to one is followed): a FIFO would hang the
        // open, a device is no journal.
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
            throw JournalError(path: path, message: "is not a regular file (a folder, FIFO, socket or device), so not a journal. The file was not changed; choose a journal with --journal.")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw JournalError(path: path, message: "cannot be read (check its permissions)")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        if header.isEmpty { return false }  // an empty file becomes a new journal
        if header.prefix(16) != Data("SQLite format 3\u{0}".utf8) {
            throw JournalError(
                path: path,
                message: "is not an absorb journal (it is not an SQLite database). The file was not changed; move it away or choose another with --journal.")
        }
        guard header.count == 100 else { return false }
        let id = header.dropFirst(68).prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return Int32(bitPattern: id) == applicationID
    }

    /// Refuses an SQLite database that is not a journal — another program's (its own
    /// application id, or tables and no absorb migrations) — having opened it read-only, so
    /// nothing in it changes: no table added, no write-ahead log switched on.
    private static func checkIsAbsorbs(_ path: String) throws(JournalError) {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        let probe: (id: Int32, tables: [String], migrations: Set<String>)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            probe = try queue.read { db in
                let id = Int32(truncatingIfNeeded: try Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0)
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
                let migrations = tables.contains("grdb_migrations")
                    ? try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations") : []
                return (id, tables, migrations)
            }
            try queue.close()
        } catch {
            makeWriteAheadFilesPrivate(path)
            throw JournalError(path: path, message: "is not a journal this absorb can read: \(describe(error)). The file was not changed.")
        }
        if probe.id == applicationID { return }
        guard probe.id == 0 else {
            throw JournalError(
                path: path,
                message: "is another program's SQLite database (its application id is \(String(format: "0x%08X", UInt32(bitPattern: probe.id))), not absorb's), not a journal. The file was not changed; choose a journal with --journal.")
        }
        // An empty database becomes a journal; one of an absorb from before the mark has
        // its first migration.
        if probe.tables.isEmpty { return }
        // absorb's own first creation, stopped (killed) after GRDB made its table of
        // migrations and before the first migration committed: nothing else is in it.
        if probe.tables == ["grdb_migrations"], probe.migrations.isSubset(of: JournalSchema.migrator.migrations) { return }
        if let first = JournalSchema.migrator.migrations.first, probe.migrations.contains(first) { return }
        let shown = probe.tables.prefix(5).joined(separator: ", ") + (probe.tables.count > 5 ? ", …" : "")
        throw JournalError(
            path: path,
            message: "is an SQLite database of another program (tables \(shown); no absorb mark), not a journal. The file was not changed; choose a journal with --journal.")
    }

    /// Why a journal whose -wal or -shm file the person cannot write cannot be used, and
    /// what to do: never to delete it (the log may hold entries not yet in the journal).
    static func companionNotWritable(_ companion: String) -> String {
        var owner = "another user"
        var info = stat()
        if stat(companion, &info) == 0, info.st_uid != getuid() {
            owner = getpwuid(info.st_uid).flatMap { String(validatingCString: $0.pointee.pw_name) }.map { "the user \($0)" }
                ?? "the user id \(info.st_uid)"
        }
        let name = (companion as NSString).lastPathComponent
        let kind = companion.hasSuffix("-wal") ? "write-ahead log" : "shared-memory index"
        return "cannot be read or written: its SQLite \(kind) beside it, \(name), belongs to \(owner) and you cannot write it (was absorb run with sudo?). SQLite must write that file even to read the journal. Make it yours again (sudo chown $(id -un) \(companion)) or run absorb as its owner; do not delete it, it may hold entries not yet in the journal. Nothing was changed."
    }

    /// How long a write waits for another process's write to finish.
    static let busySeconds = 5

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return error.message ?? "\(error.resultCode)"
        }
        return "\(error)"
    }

    /// Runs a write transaction, turning database errors into `JournalError`.
    func write<T>(_ body: (Database) throws -> T) throws(JournalError) -> T {
        do {
            return try database.write(body)
        } catch let error as JournalError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            // SQLite's "database is locked" after the busy timeout: another process holds the
            // journal's write lock for longer (an import of a large file).
            if let importer = ImportMarker.runningImport(journal: path) {
                throw JournalError(path: path, message: "could not be saved: another absorb (process \(importer)) is importing a file into this journal, and holds it until the import is whole; it did not finish within \(Self.busySeconds) seconds. Nothing was changed; try again when the import has finished.")
            }
            throw JournalError(path: path, message: "could not be saved: another absorb is writing this journal and did not finish within \(Self.busySeconds) seconds. Nothing was changed; try again when it has finished. (\(Self.describe(error)))")
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
            // The profile (or custom food, or recipe) it belongs to was removed, by another absorb since this
            // one read it.
            throw JournalError(path: path, message: "could not be saved: the profile, custom food or recipe it belongs to is no longer in the journal (another absorb may have removed it). Nothing was changed; see absorb profile list.")
        } catch {
            throw JournalError(path: path, message: "could not be saved: \(Self.describe(error)). Nothing was changed.")
        }
    }

    /// Runs a read.
    func read<T>(_ body: (Database) throws -> T) throws(JournalError) -> T {
        do {
            return try database.read(body)
        } catch let error as JournalError {
            throw error
        } catch {
            throw JournalError(path: path, message: "could not be read: \(Self.describe(error))")
        }
    }

    /// The migrations applied to this journal, oldest first.
    public func appliedMigrations() throws(JournalError) -> [String] {
        try read { db in try JournalSchema.migrator.appliedMigrations(db) }
    }
}

/// An exclusive `flock` on a folder, for the moments a journal in it is created or migrated.
/// Where the folder cannot be opened, no lock (absorb then says what is wrong with it).
private struct FolderLock {
    private let descriptor: Int32

    init(_ folder: String) {
        descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor >= 0 {
            while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        }
    }

    func release() {
        if descriptor >= 0 { close(descriptor) }
    }
}

/// A file beside the journal while an import runs (`journal.sqlite.importing`, holding the
/// importer's process id): the one way another absorb, waiting for the write lock, can tell
/// an import from any other writer. One left by a killed import names a process that no
/// longer runs, and is ignored.
struct ImportMarker {
    let file: String

    init(journal: String) {
        file = journal + ".importing"
        _ = FileManager.default.createFile(atPath: file, contents: Data("\(getpid())\n".utf8), attributes: [.posixPermissions: 0o600])
    }

    func remove() { try? FileManager.default.removeItem(atPath: file) }

    /// The process id of a running import into `journal`, if there is one.
    static func runningImport(journal: String) -> Int32? {
        guard let data = FileManager.default.contents(atPath: journal + ".importing"),
              let pid = Int32(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)),
              pid > 0, pid != getpid(), kill(pid, 0) == 0 || errno == EPERM else { return nil }
        return pid
    }
}
