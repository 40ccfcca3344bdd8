import Foundation

/// One measured figure: the median and 99th percentile of many repetitions.
struct Figure {
    let name: String
    let unit: String
    let median: Double
    let p99: Double
    let repetitions: Int

    /// Figures from samples, in the given unit (samples are in seconds).
    init(_ name: String, samples: [Double], unit: String = "ms") {
        let scale: Double = unit == "ms" ? 1_000 : unit == "µs" ? 1_000_000 : 1
        let sorted = samples.sorted()
        self.name = name
        self.unit = unit
        median = Self.percentile(sorted, 0.5) * scale
        p99 = Self.percentile(sorted, 0.99) * scale
        repetitions = samples.count
    }

    /// A figure that is a single value (memory, a ratio).
    init(_ name: String, value: Double, unit: String) {
        self.name = name
        self.unit = unit
        median = value
        p99 = value
        repetitions = 1
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let rank = p * Double(sorted.count - 1)
        let low = Int(rank.rounded(.down))
        let high = min(sorted.count - 1, low + 1)
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - Double(low))
    }
}

/// Times `body` `repetitions` times after `warmup` runs, on the monotonic clock.
func measure(_ name: String, repetitions: Int, warmup: Int = 3, unit: String = "ms", _ body: () throws -> Void) rethrows -> Figure {
    for _ in 0..<warmup { try body() }
    var samples: [Double] = []
    samples.reserveCapacity(repetitions)
    let clock = ContinuousClock()
    for _ in 0..<repetitions {
        let start = clock.now
        try body()
        let elapsed = clock.now - start
        samples.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    return Figure(name, samples: samples, unit: unit)
}

/// Seconds since `start` on the monotonic clock.
func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock().now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// Keeps a value alive so the optimiser cannot drop the work that made it.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

/// The peak resident memory of this process so far, in MB (Linux: VmHWM).
func peakMemoryMB(pid: String = "self") -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kb = line.split(separator: " ").compactMap { Double($0) }.first
        return kb.map { $0 / 1024 }
    }
    return nil
}

/// Runs a program to its end; its standard output and exit status.
@discardableResult
func run(_ path: String, _ arguments: [String], environment: [String: String]? = nil) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    if let environment { process.environment = environment }
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Runs a program with posix_spawn and waits: a whole process, timed without Foundation's
/// own overhead. Output goes to /dev/null.
func spawnAndWait(_ path: String, _ arguments: [String], environment: [String: String]? = nil) -> Int32 {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var envp = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
    defer { envp?.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = envp == nil ? posix_spawn(&pid, path, &actions, nil, argv, environ)
                              : posix_spawn(&pid, path, &actions, nil, argv, &envp!)
    guard spawned == 0 else { return -1 }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1, errno == EINTR {}
    return status
}
