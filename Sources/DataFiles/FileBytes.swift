import NutrientModel
#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// Reads a whole file into bytes, with an error that names the file.
public enum FileBytes {
    /// The file's bytes, or a `DataFileError` that says why it could not be read.
    ///
    /// One `open`, one `fstat` and `read` straight into the array: no `FileHandle` or
    /// `Data` in between, so the bundled tables are copied once, not twice.
    public static func read(_ path: String) throws(DataFileError) -> [UInt8] {
        let (descriptor, size) = try openForReading(path)
        defer { close(descriptor) }
        // The size is a hint (a pipe or a growing file has another): read to the end.
        var read = (count: 0, failure: Int32(0), ended: false)
        var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            prefault(UnsafeMutableRawBufferPointer(buffer))
            read = fill(buffer, from: descriptor)
            count = read.count
        }
        if !read.ended && read.failure == 0 {
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            repeat {
                read = chunk.withUnsafeMutableBufferPointer { fill($0, from: descriptor) }
                bytes.append(contentsOf: chunk[..<read.count])
            } while !read.ended && read.failure == 0
        }
        if read.failure != 0 { throw DataFileError(path: path, errno: read.failure) }
        return bytes
    }

    /// Calls `body` with each piece of the file in turn, read into one small buffer: for a
    /// file that is only looked at once, such as one that is only hashed, without memory
    /// the size of the file (whose every page would fault on first use).
    static func forEachChunk(_ path: String, _ body: (UnsafeRawBufferPointer) -> Void) throws(DataFileError) {
        let (descriptor, _) = try openForReading(path)
        defer { close(descriptor) }
        var failure: Int32 = 0
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1 << 16) { buffer in
            while true {
                let read = fill(buffer, from: descriptor)
                if read.count > 0 { body(UnsafeRawBufferPointer(start: buffer.baseAddress, count: read.count)) }
                if read.failure != 0 { failure = read.failure }
                if read.ended || read.failure != 0 { return }
            }
        }
        if failure != 0 { throw DataFileError(path: path, errno: failure) }
    }

    /// The largest file absorb reads: far above any data table or export (the bundled
    /// foods.csv is about 1.3 MB; ten years of entries export to a few MB), far below what
    /// would exhaust memory (/dev/zero or a 20 GB sparse file aborted allocating).
    public static let maxBytes = 256 << 20

    /// The file opened for reading, and its size as `fstat` says. Only a regular file: it
    /// is opened without blocking (a FIFO would wait for a writer for ever) and a FIFO,
    /// device, socket or folder is refused; so is one larger than `maxBytes`.
    private static func openForReading(_ path: String) throws(DataFileError) -> (descriptor: Int32, size: Int) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if descriptor < 0 { throw DataFileError(path: path, errno: errno) }
        var status = stat()
        if fstat(descriptor, &status) != 0 {
            let failure = errno
            close(descriptor)
            throw DataFileError(path: path, errno: failure)
        }
        let kind = status.st_mode & S_IFMT
        guard kind == S_IFREG else {
            close(descriptor)
            let what = kind == S_IFDIR ? "a folder" : kind == S_IFIFO ? "a FIFO (named pipe)"
                : kind == S_IFSOCK ? "a socket" : "a device"
            throw DataFileError(path: path, message: "is \(what), not a regular file; absorb reads only regular files")
        }
        guard status.st_size <= Int64(maxBytes) else {
            close(descriptor)
            throw DataFileError(path: path, message: "is \(Int(status.st_size) >> 20) MB; absorb reads files of at most \(maxBytes >> 20) MB (a data table or an export is far smaller: is it the right file?)")
        }
        // Reads of a regular file do not block; the flag goes for clarity.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return (descriptor, max(Int(status.st_size), 0))
    }

    /// Calls `body` with the file's bytes mapped into memory (read-only, private), or read
    /// when the file cannot be mapped (a pipe, an empty file). The bytes are valid only
    /// during the call, and the file must not be shortened meanwhile (the pages past its
    /// new end would fault): for files absorb replaces whole, by renaming, such as the
    /// food-table cache. The pages come from the system's file cache, with no copy.
    static func withMapped<Result>(_ path: String,
                                   _ body: (UnsafeRawBufferPointer) throws -> Result) throws -> Result {
        let (descriptor, size) = try openForReading(path)
        let mapped = size > 0 ? mmap(nil, size, PROT_READ, MAP_PRIVATE | populate, descriptor, 0) : nil
        close(descriptor)
        if let mapped, mapped != MAP_FAILED {
            defer { munmap(mapped, size) }
            return try body(UnsafeRawBufferPointer(start: mapped, count: size))
        }
        return try read(path).withUnsafeBytes { try body($0) }
    }

    /// Maps every page at once (one call, not a page fault per 16 pages as they are
    /// first read: a fault costs microseconds on a virtual machine).
    #if os(Linux)
    private static let populate = MAP_POPULATE
    #else
    private static let populate: Int32 = 0
    #endif

    /// Maps the whole pages of new, large memory in one call before it is written: each
    /// page would otherwise fault on its first write, and a fault costs microseconds on a
    /// virtual machine (foods.csv is 290 pages of 4 KB; a 500,000-food table, 17,000).
    /// Linux only; best effort (a kernel before 5.14 refuses the call, and the pages fault
    /// as before).
    static func prefault(_ buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        let page = Int(getpagesize())
        guard buffer.count >= 16 * page, let base = buffer.baseAddress else { return }
        let first = (Int(bitPattern: base) + page - 1) & ~(page - 1)
        let last = (Int(bitPattern: base) + buffer.count) & ~(page - 1)
        if last > first { _ = madvise(UnsafeMutableRawPointer(bitPattern: first), last - first, 23 /* MADV_POPULATE_WRITE */) }
        #endif
    }

    /// Reads until `buffer` is full, the file ends or a call fails.
    private static func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>,
                             from descriptor: Int32) -> (count: Int, failure: Int32, ended: Bool) {
        var total = 0
        while total < buffer.count {
            let n = systemRead(descriptor, buffer.baseAddress! + total, buffer.count - total)
            if n == 0 { return (total, 0, true) }
            if n < 0 {
                if errno == EINTR { continue }
                return (total, errno, false)
            }
            total += n
        }
        return (total, 0, false)
    }
}

extension DataFileError {
    /// An error from a failed system call, in words.
    init(path: String, errno code: Int32) {
        switch code {
        case ENOENT, ENOTDIR: self.init(path: path, message: "does not exist")
        case EACCES, EPERM: self.init(path: path, message: "cannot be read (check its permissions)")
        default: self.init(path: path, message: "could not be read: \(String(cString: strerror(code)))")
        }
    }
}

/// The files of a `Data/` folder, read from disk by `FileBytes`: what `NutrientData` is
/// given to load its tables.
public struct DiskFiles: DataFileReading {
    public init() {}

    public func bytes(atPath path: String) throws(DataFileError) -> [UInt8] {
        try FileBytes.read(path)
    }
}
