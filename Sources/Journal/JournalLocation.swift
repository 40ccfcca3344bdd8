import Foundation

/// Where the journal lives: `--journal PATH`, else `ABSORB_JOURNAL`, else
/// `$XDG_DATA_HOME/absorb/journal.sqlite`, else `~/.local/share/absorb/journal.sqlite`.
public enum JournalLocation {
    /// The journal path for these choices and environment.
    public static func path(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option, !option.isEmpty { return expandTilde(option, environment: environment) }
        if let chosen = environment["ABSORB_JOURNAL"], !chosen.isEmpty {
            return expandTilde(chosen, environment: environment)
        }
        if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
            return dataHome + "/absorb/journal.sqlite"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/absorb/journal.sqlite"
    }

    private static func expandTilde(_ path: String, environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + path.dropFirst()
    }
}
