import Foundation

/// A command that stops on an internal error (a failed precondition, a signal) says so in
/// one line and ends at once, instead of the Swift runtime's crash screen, which on a
/// terminal waits 30 seconds at "Press space to interact, D to debug". A developer who sets
/// `SWIFT_BACKTRACE` gets the runtime's backtrace as before. The dashboard installs its own
/// handlers over these (they also restore the terminal).
enum CrashNote {
    static let signals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    static func install(environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard environment["SWIFT_BACKTRACE"] == nil else { return }
        for number in signals {
            signal(number) { number in
                // Only async-signal-safe calls: one constant string, then die by the signal.
                let note: StaticString = "absorb stopped on an internal error (a bug: please report it, with the command you ran). Each change is saved whole or not at all, so the journal is intact. SWIFT_BACKTRACE=enable=yes shows where it stopped.\n"
                _ = write(STDERR_FILENO, note.utf8Start, note.utf8CodeUnitCount)
                signal(number, SIG_DFL)
                raise(number)
            }
        }
    }
}
