import Foundation

/// Tells an idle dashboard, from the journal's files alone, whether another process may have
/// committed since it last looked, so that SQLite is asked (`PRAGMA data_version`, which takes
/// the write-ahead index's locks) only then: at every wake it was most of an idle dashboard's
/// CPU. The journal is in WAL mode (`JournalStore`): a commit writes the `-wal` file, a
/// checkpoint the database, and either changes the file's size, modification or status-change
/// time (nanoseconds, as the file system keeps them) or its inode.
///
/// A file's times come from a coarse clock (a few milliseconds): a look that falls inside a
/// commit may see the same times the commit's last write then leaves. So after any look that
/// saw a change, the next one asks SQLite too, and every `askAtLeastEvery`-th does whatever
/// the files say (should a file system keep no times at all). A file that cannot be looked
/// at (a journal that is not a file on disk) always asks: the watch can only save work,
/// never miss a commit.
public struct JournalChangeWatch: Sendable {
    /// What `stat` says of one file, or `nil` when it is not there.
    struct Stamp: Equatable, Sendable {
        let device: UInt64, inode: UInt64, size: Int64
        let modified: Int64, modifiedNanoseconds: Int64, changed: Int64, changedNanoseconds: Int64
    }

    private let paths: [String]
    private var last: [Stamp?]?
    private var sawChange = true
    private var quietLooks = 0
    /// How many looks in a row may trust the files before one asks SQLite anyway.
    public static let askAtLeastEvery = 10

    /// A watch over the journal at `path` (the database, then its `-wal`).
    public init(path: String) {
        paths = [path, path + "-wal"]
    }

    /// Whether SQLite should be asked now: the files changed since the last look, or the
    /// last look saw a change, or it is the `askAtLeastEvery`-th look, or the files could not
    /// be looked at. The first look always asks.
    public mutating func shouldAsk() -> Bool {
        let now = paths.map(Self.stamp)
        defer { last = now }
        let changed = last.map { $0 != now } ?? true
        let unreadable = now[0] == nil
        let ask = changed || sawChange || unreadable || quietLooks + 1 >= Self.askAtLeastEvery
        sawChange = changed
        quietLooks = ask ? 0 : quietLooks + 1
        return ask
    }

    static func stamp(_ path: String) -> Stamp? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        #if canImport(Darwin)
        return Stamp(device: UInt64(status.st_dev), inode: UInt64(status.st_ino), size: Int64(status.st_size),
                     modified: Int64(status.st_mtimespec.tv_sec), modifiedNanoseconds: Int64(status.st_mtimespec.tv_nsec),
                     changed: Int64(status.st_ctimespec.tv_sec), changedNanoseconds: Int64(status.st_ctimespec.tv_nsec))
        #else
        return Stamp(device: UInt64(status.st_dev), inode: UInt64(status.st_ino), size: Int64(status.st_size),
                     modified: Int64(status.st_mtim.tv_sec), modifiedNanoseconds: Int64(status.st_mtim.tv_nsec),
                     changed: Int64(status.st_ctim.tv_sec), changedNanoseconds: Int64(status.st_ctim.tv_nsec))
        #endif
    }
}
