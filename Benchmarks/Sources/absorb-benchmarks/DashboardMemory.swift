import Foundation

/// The dashboard's peak memory: absorb run in a real terminal (a detached tmux session at
/// 200 × 60), a few keys pressed, its VmHWM read from /proc before it quits.
enum DashboardMemory {
    static func measure(absorb: String, journal: String) -> Double? {
        guard let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first(where: FileManager.default.isExecutableFile) else { return nil }
        let socket = "absorb-bench-\(getpid())"
        defer { _ = spawnAndWait(tmux, ["-L", socket, "kill-server"]) }
        guard spawnAndWait(tmux, ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "200", "-y", "60",
                                  "env LANG=C.UTF-8 \(absorb) --journal \(journal)"]) == 0 else { return nil }
        Thread.sleep(forTimeInterval: 1.5)
        for keys in [["Left"], ["Left"], ["v"], ["w"], ["Escape"], ["a"], ["s", "a", "l", "m", "o", "n"], ["Escape"], ["g"]] {
            _ = spawnAndWait(tmux, ["-L", socket, "send-keys", "-t", "0"] + keys)
            Thread.sleep(forTimeInterval: 0.2)
        }
        Thread.sleep(forTimeInterval: 0.5)
        guard let panes = try? run(tmux, ["-L", socket, "list-panes", "-a", "-F", "#{pane_pid}"]),
              let pid = panes.output.split(separator: "\n").first.map(String.init) else { return nil }
        // The pane runs `env`, which execs absorb: same pid.
        return peakMemoryMB(pid: pid)
    }

    /// The CPU an idle dashboard uses, in milliseconds per minute: absorb started in a
    /// detached tmux session at 120 × 40, left alone for `seconds`, its time on a CPU read
    /// from /proc/PID/schedstat (nanoseconds) before and after.
    static func idleCPU(absorb: String, journal: String, seconds: Double) -> Double? {
        guard let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first(where: FileManager.default.isExecutableFile) else { return nil }
        let socket = "absorb-idle-\(getpid())"
        defer { _ = spawnAndWait(tmux, ["-L", socket, "kill-server"]) }
        guard spawnAndWait(tmux, ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40",
                                  "env LANG=C.UTF-8 \(absorb) --journal \(journal)"]) == 0 else { return nil }
        Thread.sleep(forTimeInterval: 2)
        guard let panes = try? run(tmux, ["-L", socket, "list-panes", "-a", "-F", "#{pane_pid}"]),
              let pid = panes.output.split(separator: "\n").first.map(String.init) else { return nil }
        func onCPU() -> Double? {
            guard let text = try? String(contentsOfFile: "/proc/\(pid)/schedstat", encoding: .utf8),
                  let first = text.split(separator: " ").first else { return nil }
            return Double(first)
        }
        guard let before = onCPU() else { return nil }
        Thread.sleep(forTimeInterval: seconds)
        guard let after = onCPU() else { return nil }
        return (after - before) / 1e6 * 60 / seconds
    }
}
