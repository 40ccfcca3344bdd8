import Dashboard
import DataFiles
import Foundation
import Journal
import NutrientModel

/// Where things are: the repository, its Data/ folder, a scratch folder.
struct Paths {
    let repository: String
    var data: String { repository + "/Data" }
    let scratch: String

    init() {
        // Benchmarks/Sources/absorb-benchmarks/Suites.swift → the repository.
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        repository = url.path
        scratch = NSTemporaryDirectory() + "absorb-benchmarks-\(getpid())"
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    }
}

/// A journal-like list of entries: `days` days ending `end`, `perDay` entries a day from
/// everyday foods.
func syntheticEntries(days: Int, perDay: Int, ending end: LocalDate) -> [Entry] {
    let foods = ["15237", "11457", "01129", "01077", "09003", "20045", "12061", "04053", "11124", "16057", "S0002", "01117"]
    var entries: [Entry] = []
    var id: Int64 = 0
    var random = SplitMix(seed: 42)
    for day in 0..<days {
        let date = end.adding(days: day - days + 1)
        for slot in 0..<perDay {
            id += 1
            let food = foods[Int(random.next() % UInt64(foods.count))]
            entries.append(Entry(id: id, date: date, meal: Meal.allCases[slot % 4], foodID: food,
                                 grams: food == "S0002" ? 0.25 : Double(30 + random.next() % 200),
                                 loggedAt: Date(timeIntervalSince1970: Double(id))))
        }
    }
    return entries
}

enum Suites {
    /// The bundled foods.csv loaded five ways, and the floor.
    static func csvComparison(_ paths: Paths, repetitions: Int) throws -> [Figure] {
        let foods = paths.data + "/foods.csv"
        let values = 3..<16
        var figures: [Figure] = []
        figures.append(try measure("csv.byte_scan_floor", repetitions: repetitions) {
            let bytes = try FileBytes.read(foods)
            var lines = 0
            for byte in bytes where byte == 10 { lines += 1 }
            blackHole(lines)
        })
        figures.append(try measure("csv.absorb_foods", repetitions: repetitions) {
            var table = FoodTable()
            try FoodTableLoader.loadFoods(try FileBytes.read(foods), fileName: foods, into: &table)
            blackHole(table)
        })
        figures.append(try measure("csv.swiftcsv_foods", repetitions: max(3, repetitions / 10)) {
            blackHole(try SwiftCSVLoad.load(foods, valueColumns: values))
        })
        figures.append(try measure("csv.csvswift_foods", repetitions: max(3, repetitions / 10)) {
            blackHole(try CSVSwiftLoad.load(foods, valueColumns: values))
        })
        if let python = python(foods, repetitions: max(5, repetitions / 5)) { figures.append(python) }
        figures.append(try measure("load.bundled_foods_portions_supplements", repetitions: repetitions) {
            blackHole(try loadBundled(paths))
        })
        // As absorb starts every other time: the CSVs read and hashed, the copy of their
        // parsed table read back and checked (made once, before the timing).
        let cache = FoodTableCache(directory: paths.scratch + "/cache")
        _ = try FoodTableLoader.loadTable(directory: paths.data, files: DiskFiles(), cache: cache)
        figures.append(try measure("load.bundled_from_cache", repetitions: repetitions) {
            let loaded = try FoodTableLoader.loadTable(directory: paths.data, files: DiskFiles(), cache: cache)
            precondition(loaded.fromCache, "the cache was not used")
            blackHole(loaded.table)
        })
        figures.append(try measure("load.all_data_tables", repetitions: max(5, repetitions / 2)) {
            blackHole(try NutrientData(directory: paths.data))
        })
        let data = try NutrientData(directory: paths.data)
        figures.append(measure("load.search_index_build", repetitions: max(5, repetitions / 2)) {
            blackHole(FoodSearchIndex(table: data.foods, ranking: data.ranking))
        })
        return figures
    }

    /// The bundled foods, supplements and portions, loaded as `NutrientData` loads them.
    /// The bundled foods, supplements and portions, parsed from the CSVs (absorb's first
    /// start on a new Data/ folder or a new build, or with ABSORB_NO_CACHE).
    static func loadBundled(_ paths: Paths) throws -> FoodTable {
        try FoodTableLoader.loadTable(directory: paths.data, files: DiskFiles(), cache: nil).table
    }

    /// Python's csv module on the same file, timed inside Python.
    static func python(_ path: String, repetitions: Int) -> Figure? {
        let script = """
            import csv, json, sys, time
            path, reps = sys.argv[1], int(sys.argv[2])
            def load():
                s = 0.0
                with open(path, newline='', encoding='utf-8') as f:
                    r = csv.reader(f)
                    next(r)
                    for row in r:
                        for c in range(3, 16):
                            if row[c]:
                                s += float(row[c])
                return s
            for _ in range(3): load()
            samples = []
            for _ in range(reps):
                t = time.perf_counter(); load(); samples.append(time.perf_counter() - t)
            print(json.dumps(samples))
            """
        guard let result = try? run("/usr/bin/env", ["python3", "-c", script, path, String(repetitions)]), result.status == 0,
              let samples = try? JSONDecoder().decode([Double].self, from: Data(result.output.utf8)) else { return nil }
        return Figure("csv.python_csv_foods", samples: samples)
    }

    /// Search per keystroke: each prefix of a 20-letter query, as typed.
    static func searchPerKeystroke(_ data: NutrientData, name: String, queries: [String], repetitions: Int) -> Figure {
        var samples: [Double] = []
        let clock = ContinuousClock()
        for _ in 0..<repetitions {
            for query in queries {
                var typed = ""
                for character in query {
                    typed.append(character)
                    let start = clock.now
                    blackHole(data.search.search(typed, limit: 200))
                    let elapsed = clock.now - start
                    samples.append(Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds))
                }
            }
        }
        return Figure(name, samples: samples)
    }

    static let queries = ["salmon atlantic farm", "spinach raw chopped ", "milk reduced fat flu", "egg whole cooked har", "sunflower seed kerne"]

    /// Frames, scoring, usual intake and the planner, in process.
    static func model(_ data: NutrientData, repetitions: Int) -> [Figure] {
        var figures: [Figure] = []
        let today = LocalDate(year: 2026, month: 11, day: 25)!
        let person = PersonProfile(name: "B", sex: .female, ageMonths: 34 * 12)
        let year = syntheticEntries(days: 365, perDay: 8, ending: today)
        let summary = StoredProfile(id: 1, profile: person)
        var state = AppState(data: data, context: ProfileContext(profile: summary, profiles: [summary], overrides: [], entries: year),
                             today: today, minuteOfDay: 720, width: 200, height: 60)
        figures.append(measure("frame.day_screen_200x60_update_and_draw", repetitions: repetitions * 5) {
            _ = update(&state, .key(.left))
            blackHole(render(state))
        })
        let targets = try! data.targets.targets(for: person)
        let thirty = Array(syntheticEntries(days: 1, perDay: 30, ending: today))
        figures.append(measure("score.day_of_30_entries", repetitions: repetitions * 20, unit: "µs") {
            blackHole(Report(profile: person, targets: targets, range: DateRange(day: today), entries: thirty, scorer: data.scorer))
        })
        let day = Report(profile: person, targets: targets, range: DateRange(day: today),
                         entries: syntheticEntries(days: 1, perDay: 4, ending: today), scorer: data.scorer)
        figures.append(measure("planner.build_and_plan_full_table", repetitions: max(5, repetitions / 4), warmup: 1) {
            blackHole(data.makePlanner().plan(for: day))
        })
        let planner = data.makePlanner()
        figures.append(measure("planner.plan_with_planner_built", repetitions: max(5, repetitions / 2)) {
            blackHole(planner.plan(for: day))
        })
        return figures
    }

    /// 100,000 entries imported in one transaction.
    static func journalImport(_ paths: Paths, repetitions: Int) throws -> Figure {
        let items = syntheticEntries(days: 12_500, perDay: 8, ending: LocalDate(year: 2026, month: 11, day: 25)!)
            .map { (date: $0.date, meal: $0.meal, foodID: $0.foodID, grams: $0.grams) }
        var samples: [Double] = []
        for run in 0..<repetitions {
            let path = paths.scratch + "/import-\(run).sqlite"
            let journal = try JournalStore(path: path)
            let profile = try journal.activeProfile()
            let start = ContinuousClock().now
            _ = try journal.addEntries(profileID: profile.id, items)
            samples.append(seconds(since: start))
            try? FileManager.default.removeItem(atPath: path)
        }
        return Figure("journal.import_100000_entries_one_transaction", samples: samples)
    }

    /// A journal with a year of entries, for the process figures.
    static func yearJournal(_ paths: Paths) throws -> String {
        let path = paths.scratch + "/year.sqlite"
        try? FileManager.default.removeItem(atPath: path)
        let journal = try JournalStore(path: path)
        let profile = try journal.activeProfile()
        let items = syntheticEntries(days: 365, perDay: 8, ending: LocalDate.today())
            .map { (date: $0.date, meal: $0.meal, foodID: $0.foodID, grams: $0.grams) }
        _ = try journal.addEntries(profileID: profile.id, items)
        return path
    }

    /// Whole processes: a report on a year of entries against starting at all.
    /// The runs use a cache folder of their own (the warm-up makes the copy of the food
    /// table, as absorb's first run does); the `_no_cache` figure turns the cache off, as
    /// every start was before it and as the first start on new data or a new build is.
    /// The commands take turns, one run each per round, so that a machine that speeds up
    /// or slows down part-way (these are shared) moves every figure alike, not the ratios.
    static func processes(_ absorb: String, journal: String, scratch: String, repetitions: Int) -> [Figure] {
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CACHE_HOME"] = scratch + "/process-cache"
        environment.removeValue(forKey: "ABSORB_NO_CACHE")
        var uncached = environment
        uncached["ABSORB_NO_CACHE"] = "1"
        let today = LocalDate.today()
        let report = ["report", "--format", "json", "--journal", journal]
        let runs: [(name: String, arguments: [String], environment: [String: String])] = [
            ("process.absorb_version", ["--version"], environment),
            ("process.absorb_report_json_today_year_journal", report, environment),
            ("process.absorb_report_json_today_year_journal_no_cache", report, uncached),
            ("process.absorb_report_json_whole_year", ["report", "--format", "json", "--from", today.adding(days: -364).description,
                                                       "--to", today.description, "--journal", journal], environment),
        ]
        for run in runs {
            for _ in 0..<2 { _ = spawnAndWait(absorb, run.arguments, environment: run.environment) }
        }
        var samples = [[Double]](repeating: [], count: runs.count)
        var failures = [Int](repeating: 0, count: runs.count)
        for _ in 0..<repetitions {
            for (index, run) in runs.enumerated() {
                let start = ContinuousClock().now
                let status = spawnAndWait(absorb, run.arguments, environment: run.environment)
                samples[index].append(seconds(since: start))
                if status != 0 { failures[index] += 1 }
            }
        }
        return runs.indices.map { index in
            // A run that failed did not do the work: its time says nothing.
            if failures[index] > 0 {
                FileHandle.standardError.write(Data("  \(runs[index].name): absorb failed \(failures[index]) of \(repetitions) times; figure left out\n".utf8))
                return Figure(runs[index].name, value: .nan, unit: "ms")
            }
            return Figure(runs[index].name, samples: samples[index])
        }
    }
}
