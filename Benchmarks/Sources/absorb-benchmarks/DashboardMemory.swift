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
}
