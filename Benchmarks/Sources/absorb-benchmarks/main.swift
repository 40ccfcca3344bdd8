import DataFiles
import Foundation
import NutrientModel

// absorb's benchmark suite. `swift run -c release --package-path Benchmarks` runs it all;
// `-- --quick` runs each figure a few times only (CI proves it builds and runs).

let arguments = CommandLine.arguments
let quick = arguments.contains("--quick")
let paths = Paths()

// Child mode: load a Data/ folder, search it, and report time and peak memory (a fresh
// process, so the peak is the table's own).
if let index = arguments.firstIndex(of: "--child-table"), index + 1 < arguments.count {
    let directory = arguments[index + 1]
    let start = ContinuousClock().now
    let data = try NutrientData(directory: directory)
    let load = seconds(since: start)
    let search = Suites.searchPerKeystroke(data, name: "search", queries: Suites.queries, repetitions: quick ? 1 : 5)
    let peak = peakMemoryMB() ?? .nan  // before the cached loads below, which hold a second table
    // The same table through the cache: parsed and stored once, then read back.
    let cache = FoodTableCache(directory: directory + "/cache")
    let storeStart = ContinuousClock().now
    _ = try FoodTableLoader.loadTable(directory: directory, files: DiskFiles(), cache: cache)
    let parseAndStore = seconds(since: storeStart)
    let cachedStart = ContinuousClock().now
    let cached = try FoodTableLoader.loadTable(directory: directory, files: DiskFiles(), cache: cache)
    let cachedLoad = seconds(since: cachedStart)
    precondition(cached.fromCache && cached.table.count == data.foods.count, "the cache was not used")
    let result: [String: Double] = [
        "foods": Double(data.foods.count), "load_ms": load * 1000, "peak_mb": peak,
        "search_median_ms": search.median, "search_p99_ms": search.p99,
        "foods_parse_and_store_ms": parseAndStore * 1000, "foods_from_cache_ms": cachedLoad * 1000,
    ]
    print(String(decoding: try JSONEncoder().encode(result), as: UTF8.self))
    exit(0)
}

// Profiling mode: only load foods.csv N times (for callgrind or perf).
if let index = arguments.firstIndex(of: "--profile-load"), index + 1 < arguments.count, let count = Int(arguments[index + 1]) {
    let foods = paths.data + "/foods.csv"
    for _ in 0..<count {
        var table = FoodTable()
        try FoodTableLoader.loadFoods(try FileBytes.read(foods), fileName: foods, into: &table)
        blackHole(table)
    }
    exit(0)
}

// Profiling mode: load the bundled foods, supplements and portions N times.
if let index = arguments.firstIndex(of: "--profile-bundled"), index + 1 < arguments.count, let count = Int(arguments[index + 1]) {
    for _ in 0..<count { blackHole(try Suites.loadBundled(paths)) }
    exit(0)
}

// Profiling mode: load the bundled table through the cache N times (the copy made first).
if let index = arguments.firstIndex(of: "--profile-cached"), index + 1 < arguments.count, let count = Int(arguments[index + 1]) {
    let cache = FoodTableCache(directory: paths.scratch + "/cache")
    _ = try FoodTableLoader.loadTable(directory: paths.data, files: DiskFiles(), cache: cache)
    for _ in 0..<count { blackHole(try FoodTableLoader.loadTable(directory: paths.data, files: DiskFiles(), cache: cache)) }
    try? FileManager.default.removeItem(atPath: paths.scratch)
    exit(0)
}

// Profiling aid: write the year-long journal the process figures use, and stop.
if let index = arguments.firstIndex(of: "--year-journal"), index + 1 < arguments.count {
    try FileManager.default.moveItem(atPath: try Suites.yearJournal(paths), toPath: arguments[index + 1])
    try? FileManager.default.removeItem(atPath: paths.scratch)
    exit(0)
}

// Profiling mode: load the tables of DIR (a synthetic table, say) N times.
if let index = arguments.firstIndex(of: "--profile-directory"), index + 2 < arguments.count, let count = Int(arguments[index + 2]) {
    for _ in 0..<count { blackHole(try NutrientData(directory: arguments[index + 1])) }
    exit(0)
}

// Profiling aid: write the synthetic table of N foods into DIR (then `--child-table DIR`).
if let index = arguments.firstIndex(of: "--synthetic-table"), index + 2 < arguments.count, let count = Int(arguments[index + 1]) {
    _ = try SyntheticTable.make(count: count, from: paths.data, into: arguments[index + 2])
    exit(0)
}

// Only the journal import figure, for working on the journal.
if arguments.contains("--import-only") {
    let figure = try Suites.journalImport(paths, repetitions: quick ? 1 : 3)
    print(figure.name, String(format: "%.0f ms median, %.0f ms p99", figure.median, figure.p99))
    try? FileManager.default.removeItem(atPath: paths.scratch)
    exit(0)
}

// Only the CSV figures, for working on the loader.
if arguments.contains("--csv-only") {
    for figure in try Suites.csvComparison(paths, repetitions: 100) {
        print(figure.name.padding(toLength: 48, withPad: " ", startingAt: 0), String(format: "%8.3f %8.3f", figure.median, figure.p99))
    }
    exit(0)
}

// Only the whole-process figures and their ratio to `--version` (the release absorb must
// be built; `--absorb PATH` names another).
// Only the ten-year journal's figures.
// Only the ten-year journal's in-process dashboard figures (first frames, the first `g` and
// a day moved in the gap plan), without the whole processes: quick to run while changing
// the dashboard or the planner, and to run under callgrind.
// The dashboard's first frame N times on a journal, for callgrind
// (`--toggle-collect='*firstFrame*'`): `--profile-first-frame PATH N`.
if let index = arguments.firstIndex(of: "--profile-first-frame"), index + 2 < arguments.count, let count = Int(arguments[index + 2]) {
    let data = try NutrientData(directory: paths.data)
    for _ in 0..<count { _ = try TenYears.firstFrame(journalPath: arguments[index + 1], data: data) }
    exit(0)
}

if arguments.contains("--dashboard-only") {
    let figures = try TenYears.figures(paths, data: try NutrientData(directory: paths.data), absorb: nil, quick: quick)
    for figure in figures {
        print(figure.name.padding(toLength: 56, withPad: " ", startingAt: 0), String(format: "%9.2f %@", figure.median, figure.unit))
    }
    try? FileManager.default.removeItem(atPath: paths.scratch)
    exit(0)
}

if arguments.contains("--ten-years-only") {
    let absorb = arguments.firstIndex(of: "--absorb").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        ?? paths.repository + "/.build/release/absorb"
    let figures = try TenYears.figures(paths, data: try NutrientData(directory: paths.data),
                                       absorb: FileManager.default.isExecutableFile(atPath: absorb) ? absorb : nil, quick: quick)
    let version = figures.first { $0.name == "process.ten_years.absorb_version" }?.median ?? .nan
    for figure in figures {
        let ratio = figure.name.hasPrefix("process.") ? String(format: " %6.2f × --version", figure.median / version) : ""
        print(figure.name.padding(toLength: 56, withPad: " ", startingAt: 0), String(format: "%9.2f %@", figure.median, figure.unit) + ratio)
    }
    try? FileManager.default.removeItem(atPath: paths.scratch)
    exit(0)
}

if arguments.contains("--processes-only") {
    let absorb = arguments.firstIndex(of: "--absorb").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        ?? paths.repository + "/.build/release/absorb"
    let figures = Suites.processes(absorb, journal: try Suites.yearJournal(paths), scratch: paths.scratch, repetitions: quick ? 3 : 30)
    let version = figures[0].median
    for figure in figures {
        print(figure.name.padding(toLength: 56, withPad: " ", startingAt: 0),
              String(format: "%8.1f ms %6.2f ×", figure.median, figure.median / version))
    }
    try? FileManager.default.removeItem(atPath: paths.scratch)
    exit(0)
}

let repetitions = quick ? 5 : 200
var figures: [Figure] = []
func log(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

log("absorb benchmarks (\(quick ? "quick" : "full")): \(paths.repository)")
log("· CSV loaders on Data/foods.csv")
figures += try Suites.csvComparison(paths, repetitions: repetitions)
let data = try NutrientData(directory: paths.data)
log("· search per keystroke, bundled table")
figures.append(Suites.searchPerKeystroke(data, name: "search.per_keystroke_bundled", queries: Suites.queries, repetitions: quick ? 2 : 40))
log("· frames, scoring, usual intake, planner")
figures += Suites.model(data, repetitions: repetitions)
log("· journal import")
figures.append(try Suites.journalImport(paths, repetitions: quick ? 1 : 5))

// Whole processes, with the release absorb next to this build.
// `--absorb PATH` names another build (CI's quick run uses the debug one it has).
let absorb = arguments.firstIndex(of: "--absorb").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
    ?? paths.repository + "/.build/release/absorb"
if !FileManager.default.isExecutableFile(atPath: absorb) {
    log("· building absorb (release) for the process figures")
    try run("/usr/bin/env", ["swift", "build", "-c", "release", "--product", "absorb", "--package-path", paths.repository])
}
if FileManager.default.isExecutableFile(atPath: absorb) {
    log("· whole processes")
    figures += Suites.processes(absorb, journal: try Suites.yearJournal(paths), scratch: paths.scratch,
                                repetitions: quick ? 3 : 30)
    if let memory = DashboardMemory.measure(absorb: absorb, journal: paths.scratch + "/year.sqlite") {
        figures.append(Figure("memory.dashboard_peak_bundled_table", value: memory, unit: "MB"))
    }
}
log("· ten years of a journal (a personal pool of 300 foods, and every entry a different food)")
figures += try TenYears.figures(paths, data: data, absorb: FileManager.default.isExecutableFile(atPath: absorb) ? absorb : nil, quick: quick)

// Synthetic tables, each measured in a fresh process of this program.
// `--sizes 500000` measures only the synthetic sizes named.
let sizes = arguments.firstIndex(of: "--sizes").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
    .map { $0.split(separator: ",").compactMap { Int($0) } } ?? (quick ? [20_000] : [50_000, 100_000, 200_000, 500_000])
var growth: [[String: Double]] = []
for size in sizes {
    log("· synthetic table of \(size) foods")
    let directory = try SyntheticTable.make(count: size, from: paths.data, into: paths.scratch + "/synthetic-\(size)")
    let result = try run(CommandLine.arguments[0], ["--child-table", directory] + (quick ? ["--quick"] : []))
    if let line = result.output.split(separator: "\n").last,
       let figuresOfSize = try? JSONDecoder().decode([String: Double].self, from: Data(line.utf8)) {
        growth.append(figuresOfSize)
        figures.append(Figure("synthetic_\(size).load", value: figuresOfSize["load_ms"] ?? .nan, unit: "ms"))
        figures.append(Figure("synthetic_\(size).peak_memory", value: figuresOfSize["peak_mb"] ?? .nan, unit: "MB"))
        figures.append(Figure("synthetic_\(size).search_per_keystroke_p99", value: figuresOfSize["search_p99_ms"] ?? .nan, unit: "ms"))
        figures.append(Figure("synthetic_\(size).foods_parse_and_store_cache", value: figuresOfSize["foods_parse_and_store_ms"] ?? .nan, unit: "ms"))
        figures.append(Figure("synthetic_\(size).foods_from_cache", value: figuresOfSize["foods_from_cache_ms"] ?? .nan, unit: "ms"))
    }
    try? FileManager.default.removeItem(atPath: directory)
}
try? FileManager.default.removeItem(atPath: paths.scratch)

BenchmarkReport.print(figures: figures, growth: growth, quick: quick)
