import Foundation
import NutrientModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output checked like any other write: a command whose output could not be
/// written (a full disk, `> /dev/full`, a closed descriptor) says so and exits 1, instead
/// of exiting 0 as if a backup or a report had been written.
enum StandardOutput {
    /// Whether descriptor 1 was closed when absorb started (`absorb today >&-`).
    nonisolated(unsafe) private static var wasClosed = false

    /// Run first: a closed standard descriptor gets /dev/null opened read-only in its place,
    /// so no file absorb opens later (a data table, the journal) takes its number and
    /// receives what was meant for the terminal; writes to it fail and are reported. Then
    /// the check at exit is registered.
    static func prepare() {
        for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) == -1 {
            if descriptor == 1 { wasClosed = true }
            let opened = open("/dev/null", O_RDONLY)
            if opened >= 0 && opened != descriptor {
                dup2(opened, descriptor)
                close(opened)
            }
        }
        atexit { StandardOutput.checkAtExit() }
    }

    /// C's `stdout` stream, looked up by name: Swift 6 refuses to read the C global
    /// directly (shared mutable state), and this runs at exit, on one thread.
    static var standardOutputStream: UnsafeMutablePointer<FILE>? {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "stdout") else { return nil }
        return symbol.assumingMemoryBound(to: UnsafeMutablePointer<FILE>?.self).pointee
    }

    /// Flushes standard output; on a failure, says why on stderr and ends with status 1.
    private static func checkAtExit() {
        guard let stream = standardOutputStream else { return }
        errno = 0
        let flushed = fflush(stream) == 0
        let reason = errno
        guard !flushed || ferror(stream) != 0 else { return }
        var message = "absorb: could not write to standard output"
        if wasClosed {
            message += ": it is closed"
        } else if !flushed, reason != 0 {
            message += ": \(String(cString: strerror(reason)))"
        }
        message += ". What it printed is incomplete.\n"
        _ = message.withCString { write(2, $0, strlen($0)) }
        _exit(1)
    }
}

/// What every command prints goes through here (it stands in for the standard library's
/// `print` in this module): text from a journal — a name saved before absorb refused control
/// characters, or imported — is escaped (`\u{1B}`), so it cannot act on the terminal or fake
/// lines. Line breaks and tabs of the output itself are kept.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { "\($0)" }.joined(separator: separator)
    Swift.print(TextRules.escaped(text, keepingLineBreaks: true), terminator: terminator)
}

/// JSON for standard output, with a line break after it, checked as `print` checks text
/// (JSON escapes C0 controls itself, but not C1 controls or text-direction overrides) and
/// written as the bytes it is, through the same stream as `print`, whose write errors are
/// reported at exit.
func printJSON(_ value: JSONValue) {
    guard let stream = StandardOutput.standardOutputStream else {
        print(value.text)
        return
    }
    // Written as it is made, in pieces that end between two values (so never inside a
    // character): a ten-year report's megabytes are never held whole. A piece holding an
    // unsafe character is written escaped, as `print` escapes it.
    value.write(chunkBytes: 1 << 16) { piece in
        let unsafe = piece.withUnsafeBufferPointer { TextRules.holdsUnsafe(bytes: $0, keepingLineBreaks: true) }
        if unsafe {
            print(String(decoding: piece, as: UTF8.self), terminator: "")
        } else {
            piece.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, stream) }
        }
    }
    _ = fputc(0x0A, stream)
}

/// A message for standard error (a warning, a note of what was written), escaped as `print` does.
func printError(_ text: String) {
    FileHandle.standardError.write(Data(TextRules.escaped(text, keepingLineBreaks: true).utf8))
}

/// Data for a file (an export, a summary) written to standard output byte for byte, so that
/// it imports back exactly; escaped only when standard output is a terminal.
func printData(_ text: String) {
    if isatty(1) == 1 {
        print(text, terminator: "")
    } else {
        Swift.print(text, terminator: "")
    }
}

/// Writes a file of health data (an export, a summary) readable by its owner only, whole:
/// to a temporary file in the same folder, then renamed over the target, so a failure
/// leaves the old file as it was and no half file. A symbolic link is followed to the
/// regular file it names; a device, FIFO, socket or folder is refused, never replaced.
func writePrivately(_ text: String, to path: String) throws {
    func reason() -> String { String(cString: strerror(errno)) }
    var target = path
    var info = stat()
    if lstat(path, &info) == 0 {
        if info.st_mode & S_IFMT == S_IFLNK {
            guard let resolved = realpath(path, nil) else {
                throw CLIError("\(path): a symbolic link to a file that cannot be reached (\(reason())). Nothing was written.")
            }
            target = String(cString: resolved)
            free(resolved)
            guard stat(target, &info) == 0 else { throw CLIError("\(path): cannot be written: \(reason())") }
        }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG else {
            let what: String
            switch kind {
            case S_IFDIR: what = "a folder"
            case S_IFCHR, S_IFBLK: what = "a device"
            case S_IFIFO: what = "a FIFO (named pipe)"
            case S_IFSOCK: what = "a socket"
            default: what = "not a regular file"
            }
            throw CLIError("\(path) is \(what); absorb writes only to a regular file (give a file name, or leave out -o to write to standard output). Nothing was written.")
        }
    } else if errno != ENOENT {
        throw CLIError("\(path): cannot be written: \(reason())")
    }
    let url = URL(fileURLWithPath: target)
    let folder = url.deletingLastPathComponent().path
    var template = Array("\(folder)/.\(url.lastPathComponent).absorb-XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else {
        throw CLIError("\(path): cannot be written: \(reason()) (check the folder \(folder) exists and is writable). Nothing was written.")
    }
    let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    func fail(_ what: String) -> CLIError {
        let error = CLIError("\(path): \(what): \(reason()). Nothing was written; the file is as it was.")
        close(descriptor)
        unlink(temporary)
        return error
    }
    guard fchmod(descriptor, 0o600) == 0 else { throw fail("cannot be made private") }
    let bytes = Array(text.utf8)
    var written = 0
    while written < bytes.count {
        let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if count < 0 {
            if errno == EINTR { continue }
            throw fail("cannot be written")
        }
        written += count
    }
    guard fsync(descriptor) == 0 else { throw fail("cannot be written to the disk") }
    guard close(descriptor) == 0 else {
        let error = CLIError("\(path): cannot be written: \(reason()). Nothing was written; the file is as it was.")
        unlink(temporary)
        throw error
    }
    guard rename(temporary, target) == 0 else {
        let error = CLIError("\(path): cannot be written: \(reason()). Nothing was written; the file is as it was.")
        unlink(temporary)
        throw error
    }
}
