import DataFiles
import Foundation
import NutrientModel

/// Finds the `Data/` folder: `--data`, else `ABSORB_DATA`, else the tables bundled with
/// the executable, whether it runs from `swift run`, from `.build/`, or installed under
/// a prefix (`PREFIX/bin/absorb` with `PREFIX/share/absorb/Data`).
enum DataLocator {
    static func locate(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if let option, !option.isEmpty { return try checked(option, from: "--data") }
        if let chosen = environment["ABSORB_DATA"], !chosen.isEmpty { return try checked(chosen, from: "ABSORB_DATA") }
        for candidate in bundledCandidates() where isDataFolder(candidate) {
            return candidate
        }
        throw CLIError(
            "cannot find absorb's Data/ folder next to the program (looked in: \(bundledCandidates().joined(separator: ", "))). Point at it with --data DIR or ABSORB_DATA.")
    }

    /// Where the parsed food table is kept between runs (`FoodTableCache`):
    /// `$XDG_CACHE_HOME/absorb`, else `~/.cache/absorb`; none when `ABSORB_NO_CACHE` is
    /// set or there is no home to put it in.
    static func cache(environment: [String: String] = ProcessInfo.processInfo.environment) -> FoodTableCache? {
        if let off = environment["ABSORB_NO_CACHE"], !off.isEmpty { return nil }
        if let cacheHome = environment["XDG_CACHE_HOME"], cacheHome.hasPrefix("/") {
            return FoodTableCache(directory: cacheHome + "/absorb")
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return FoodTableCache(directory: home + "/.cache/absorb")
    }

    private static func checked(_ path: String, from source: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError("\(source): \(path) is not a folder")
        }
        let missing = NutrientData.requiredFiles.filter {
            !FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent($0))
        }
        if !missing.isEmpty {
            throw CLIError("\(source): \(path) is not an absorb Data/ folder: it lacks \(missing.joined(separator: ", "))")
        }
        return path
    }

    private static func isDataFolder(_ path: String) -> Bool {
        NutrientData.requiredFiles.allSatisfy {
            FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent($0))
        }
    }

    /// Folders to try, nearest first.
    static func bundledCandidates() -> [String] {
        var candidates: [String] = []
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            var directory = executable.deletingLastPathComponent()
            for _ in 0..<6 {
                candidates.append(directory.appendingPathComponent("Data").path)
                candidates.append(directory.appendingPathComponent("share/absorb/Data").path)
                directory = directory.deletingLastPathComponent()
            }
        }
        // The source tree this binary was built from.
        let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(sourceRoot.appendingPathComponent("Data").path)
        var seen = Set<String>()
        return candidates.filter { seen.insert($0).inserted }
    }
}
