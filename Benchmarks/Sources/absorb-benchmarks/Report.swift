import Foundation

/// The readable table, the targets and the JSON object.
enum BenchmarkReport {
    struct Target {
        let what: String
        let target: String
        let measured: String
        let met: Bool?
    }

    static func print(figures: [Figure], growth: [[String: Double]], quick: Bool) {
        let byName = Dictionary(figures.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        func median(_ name: String) -> Double? { byName[name]?.median }
        func p99(_ name: String) -> Double? { byName[name]?.p99 }
        func ratio(_ a: String, _ b: String) -> Double? {
            guard let x = median(a), let y = median(b), y > 0 else { return nil }
            return x / y
        }
        let ratios: [(String, Double?)] = [
            ("swiftcsv_vs_absorb", ratio("csv.swiftcsv_foods", "csv.absorb_foods")),
            ("csvswift_vs_absorb", ratio("csv.csvswift_foods", "csv.absorb_foods")),
            ("python_csv_vs_absorb", ratio("csv.python_csv_foods", "csv.absorb_foods")),
            ("absorb_vs_byte_scan_floor", ratio("csv.absorb_foods", "csv.byte_scan_floor")),
            ("report_process_vs_version", ratio("process.absorb_report_json_today_year_journal", "process.absorb_version")),
            ("report_process_no_cache_vs_version", ratio("process.absorb_report_json_today_year_journal_no_cache", "process.absorb_version")),
            ("bundled_csv_load_vs_cached_load", ratio("load.bundled_foods_portions_supplements", "load.bundled_from_cache")),
            ("report_whole_year_process_vs_version", ratio("process.absorb_report_json_whole_year", "process.absorb_version")),
            ("ten_years_first_frame_vs_empty", ratio("dashboard.first_frame_ten_years", "dashboard.first_frame_empty")),
            ("ten_years_first_frame_vs_one_month", ratio("dashboard.first_frame_ten_years", "dashboard.first_frame_one_month")),
            ("ten_years_report_vs_version", ratio("process.ten_years.report_json_whole_range", "process.ten_years.absorb_version")),
            ("ten_years_gaps_vs_version", ratio("process.ten_years.gaps", "process.ten_years.absorb_version")),
            ("ten_years_summary_vs_version", ratio("process.ten_years.summary", "process.ten_years.absorb_version")),
        ]
        let ratioOf = Dictionary(ratios.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        func fmt(_ value: Double?, _ unit: String = "") -> String {
            guard let value, value.isFinite else { return "—" }
            let digits = value >= 100 ? 0 : value >= 10 ? 1 : value >= 1 ? 2 : 3
            return String(format: "%.\(digits)f", value) + (unit.isEmpty ? "" : " \(unit)")
        }
        let largest = growth.max { ($0["foods"] ?? 0) < ($1["foods"] ?? 0) }
        // The issue's targets: each measured value named once, with its bound.
        func bound(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }
        func atMost(_ what: String, _ value: Double?, _ limit: Double, _ unit: String, shownAs scale: Double = 1, _ shownUnit: String? = nil) -> Target {
            let shown = shownUnit ?? unit
            return Target(what: what, target: "≤ \(bound(limit / scale)) \(shown)", measured: fmt(value.map { $0 / scale }, shown),
                          met: value.map { $0 <= limit })
        }
        func atLeast(_ what: String, _ value: Double?, _ limit: Double, _ unit: String) -> Target {
            Target(what: what, target: "≥ \(bound(limit)) \(unit)", measured: fmt(value, unit), met: value.map { $0 >= limit })
        }
        let targets: [Target] = [
            atMost("load bundled foods, portions, supplements", median("load.bundled_from_cache"), 5, "ms"),
            atMost("… the same, parsing the CSVs (no cache yet)", median("load.bundled_foods_portions_supplements"), 5, "ms"),
            atLeast("… vs SwiftCSV (foods.csv)", ratioOf["swiftcsv_vs_absorb"] ?? nil, 20, "×"),
            atLeast("… vs Python csv (foods.csv)", ratioOf["python_csv_vs_absorb"] ?? nil, 5, "×"),
            Target(what: "absorb report process, a year of entries", target: "≤ 2 × --version",
                   measured: fmt(ratioOf["report_process_vs_version"] ?? nil, "×"),
                   met: (ratioOf["report_process_vs_version"] ?? nil).map { $0 <= 2 }),
            Target(what: "… the same, no cache (first run after a change)", target: "≤ 2 × --version",
                   measured: fmt(ratioOf["report_process_no_cache_vs_version"] ?? nil, "×"),
                   met: (ratioOf["report_process_no_cache_vs_version"] ?? nil).map { $0 <= 2 }),
            atMost("search per keystroke, bundled, p99", p99("search.per_keystroke_bundled"), 1, "ms"),
            atMost("search per keystroke, 500k foods, p99", median("synthetic_500000.search_per_keystroke_p99"), 20, "ms"),
            atMost("update and draw a day frame, 200 × 60", median("frame.day_screen_200x60_update_and_draw"), 2, "ms"),
            atMost("score a day of 30 entries", median("score.day_of_30_entries"), 50, "µs"),
            atMost("gap planner on the full table (built and run)", median("planner.build_and_plan_full_table"), 200, "ms"),
            atMost("import 100,000 entries, one transaction", median("journal.import_100000_entries_one_transaction"), 2000, "ms",
                   shownAs: 1000, "s"),
            atMost("dashboard peak memory, bundled table", median("memory.dashboard_peak_bundled_table"), 40, "MB"),
            atMost("ten years: dashboard first frame", median("dashboard.first_frame_ten_years"), 60, "ms"),
            atMost("ten years: … against an empty journal", ratioOf["ten_years_first_frame_vs_empty"] ?? nil, 1.5, "×"),
            atMost("ten years: … against a month of the same foods", ratioOf["ten_years_first_frame_vs_one_month"] ?? nil, 1.5, "×"),
            atMost("ten years: first g (the planner made, the plan drawn)", median("dashboard.first_g_ten_years"), 16, "ms"),
            atMost("ten years: a day moved in the gap plan", median("dashboard.gap_plan_day_moved_ten_years"), 16, "ms"),
            atMost("ten years: dashboard peak memory", median("memory.dashboard_peak_ten_years"), 40, "MB"),
            atMost("ten years: idle dashboard CPU a minute", median("dashboard.idle_cpu_per_minute_ten_years"), 20, "ms"),
            atMost("ten years: report --format json, whole range", ratioOf["ten_years_report_vs_version"] ?? nil, 8, "× --version"),
            atMost("ten years: absorb gaps", ratioOf["ten_years_gaps_vs_version"] ?? nil, 3, "× --version"),
            atMost("ten years: absorb summary", ratioOf["ten_years_summary_vs_version"] ?? nil, 3, "× --version"),
            Target(what: "500k foods: load / peak memory", target: "≤ 1 s / ≤ 400 MB",
                   measured: "\(fmt(median("synthetic_500000.load"), "ms")) / \(fmt(median("synthetic_500000.peak_memory"), "MB"))",
                   met: (largest?["foods"] ?? 0) >= 500_000 ? ((median("synthetic_500000.load") ?? .infinity) <= 1000
                                                         && (median("synthetic_500000.peak_memory") ?? .infinity) <= 400) : nil),
            atMost("500k foods: load from the cache", median("synthetic_500000.foods_from_cache"), 1000, "ms"),
        ]
        var out = "\nfigure                                                     median        p99   reps\n"
        for figure in figures {
            out += figure.name.padding(toLength: 56, withPad: " ", startingAt: 0) + " "
                + fmt(figure.median, figure.unit).leftPad(10) + " " + fmt(figure.p99, figure.unit).leftPad(10) + " "
                + String(figure.repetitions).leftPad(6) + "\n"
        }
        out += "\nratio (same run, medians)\n"
        for (name, value) in ratios { out += "  " + name.padding(toLength: 40, withPad: " ", startingAt: 0) + fmt(value, "×") + "\n" }
        out += "\ngrowth (synthetic tables)\n  foods      load      peak    search p99    cached load\n"
        for row in growth {
            out += "  " + fmt(row["foods"]).leftPad(7) + fmt(row["load_ms"], "ms").leftPad(10) + fmt(row["peak_mb"], "MB").leftPad(10)
                + fmt(row["search_p99_ms"], "ms").leftPad(12) + fmt(row["foods_from_cache_ms"], "ms").leftPad(15) + "\n"
        }
        out += "\ntarget                                              goal               measured      met\n"
        for target in targets {
            out += target.what.padding(toLength: 50, withPad: " ", startingAt: 0) + "  " + target.target.padding(toLength: 18, withPad: " ", startingAt: 0)
                + " " + target.measured.padding(toLength: 14, withPad: " ", startingAt: 0) + " "
                + (target.met.map { $0 ? "yes" : "NO" } ?? "n/a") + "\n"
        }
        FileHandle.standardError.write(Data(out.utf8))
        // The JSON object, on stdout.
        var json = "{\n  \"mode\": \"\(quick ? "quick" : "full")\",\n  \"machine\": \(machine()),\n  \"figures\": {\n"
        json += figures.map { "    \"\($0.name)\": {\"median\": \(number($0.median)), \"p99\": \(number($0.p99)), \"unit\": \"\($0.unit)\", \"repetitions\": \($0.repetitions)}" }
            .joined(separator: ",\n")
        json += "\n  },\n  \"ratios\": {\n" + ratios.map { "    \"\($0.0)\": \(number($0.1))" }.joined(separator: ",\n") + "\n  },\n"
        json += "  \"targets\": [\n" + targets.map {
            "    {\"what\": \"\($0.what)\", \"target\": \"\($0.target)\", \"measured\": \"\($0.measured)\", \"met\": \($0.met.map { $0 ? "true" : "false" } ?? "null")}"
        }.joined(separator: ",\n") + "\n  ]\n}"
        Swift.print(json)
    }

    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        return String(format: "%.6g", value)
    }

    static func machine() -> String {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "unknown"
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let memory = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
        return "{\"cpu\": \"\(cpu)\", \"cores\": \(cores), \"memory_gb\": \(String(format: "%.1f", memory))}"
    }
}

extension String {
    func leftPad(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
