import Dashboard
import DataFiles
import Foundation
import Journal
import NutrientModel

/// Ten years of a journal built like a person's: ten entries a day, drawn from a personal
/// pool of 300 foods of the bundled table (a few dozen eaten most days, the rest now and
/// then), 36,500 entries; and the worst case, every entry a different food of the table.
/// The project's year journal uses 12 foods, which hid what grows with distinct foods.
enum TenYears {
    static let days = 3_650
    static let perDay = 10

    /// The entries, ending on `end`.
    static func entries(data: NutrientData, ending end: LocalDate, distinct: Bool,
                        days: Int = days) -> [(date: LocalDate, meal: Meal, foodID: String, grams: Double)] {
        var random = SplitMix(seed: 2_026)
        // Foods a person logs: USDA foods with an energy value (no supplements, no recipes).
        let candidates = (0..<data.foods.count).filter {
            data.foods.source(at: $0) == .usda && data.foods.values(at: $0)[.energy] != nil
        }
        var pool: [Int] = []
        var picked = Set<Int>()
        while pool.count < 300 {
            let food = candidates[Int(random.next() % UInt64(candidates.count))]
            if picked.insert(food).inserted { pool.append(food) }
        }
        var items: [(date: LocalDate, meal: Meal, foodID: String, grams: Double)] = []
        items.reserveCapacity(days * perDay)
        var next = 0
        for day in 0..<days {
            let date = end.adding(days: day - days + 1)
            for slot in 0..<perDay {
                let food: Int
                if distinct {
                    food = candidates[next % candidates.count]
                    next += 1
                } else {
                    // 70 % from the 40 everyday foods, the rest from the whole pool.
                    let everyday = random.next() % 10 < 7
                    food = pool[Int(random.next() % UInt64(everyday ? 40 : pool.count))]
                }
                items.append((date, Meal.allCases[slot % 4], data.foods.ids[food], Double(20 + random.next() % 230)))
            }
        }
        return items
    }

    /// A journal of ten years (or `days`) at `path` (replaced).
    static func journal(at path: String, data: NutrientData, distinct: Bool, days: Int = days) throws -> String {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let journal = try JournalStore(path: path)
        let profile = try journal.activeProfile()
        _ = try journal.addEntries(profileID: profile.id, entries(data: data, ending: LocalDate.today(), distinct: distinct, days: days))
        return path
    }

    /// The dashboard's start in process, as `absorb` makes it (`DashboardRunner.context`):
    /// the profile's context read from the journal (the first days held and the recent
    /// foods), the state made, the first frame drawn at 120 × 40.
    static func firstFrame(journalPath: String, data: NutrientData) throws -> Double {
        let start = ContinuousClock().now
        blackHole(render(try dashboard(journalPath: journalPath, data: data)))
        return seconds(since: start)
    }

    /// The dashboard's state as `absorb` opens it on a journal.
    static func dashboard(journalPath: String, data: NutrientData) throws -> AppState {
        let journal = try JournalStore(path: journalPath)
        let profile = try journal.activeProfile()
        let today = LocalDate.today()
        let held = DateRange(from: today.adding(days: -(AppState.firstHeldDays - 1)), to: today)
        let context = ProfileContext(profile: profile, profiles: try journal.profiles(),
                                     overrides: try journal.targetOverrides(profileID: profile.id),
                                     entries: try journal.entries(profileID: profile.id, in: held), loadedRange: held,
                                     recentEntries: try journal.recentEntries(profileID: profile.id, limit: AppState.recentFoodCount),
                                     favourites: try journal.favourites(profileID: profile.id),
                                     checkIns: try journal.checkIns(profileID: profile.id),
                                     probiotics: try journal.probiotics(profileID: profile.id).map(\.dose),
                                     trials: try journal.trials(profileID: profile.id))
        return AppState(data: data, context: context, today: LocalDate.today(), minuteOfDay: 720, width: 120, height: 40)
    }

    /// As the dashboard does after its first frame: the data's planner made (in the
    /// background there; timed here), then the first `g` (the day's plan made and drawn),
    /// then a day moved inside the gap plan (re-planned and drawn).
    static func gapKeys(journalPath: String, data: NutrientData) throws -> (warm: Double, first: Double, move: Double) {
        let fresh = try NutrientData(directory: data.directory)
        var state = try dashboard(journalPath: journalPath, data: fresh)
        var start = ContinuousClock().now
        fresh.planner.prepare()
        let warm = seconds(since: start)
        start = ContinuousClock().now
        _ = update(&state, .key(.character("g")))
        blackHole(render(state))
        let first = seconds(since: start)
        start = ContinuousClock().now
        _ = update(&state, .key(.left))
        blackHole(render(state))
        return (warm, first, seconds(since: start))
    }

    /// Every figure of the ten-year journals: in process, then whole processes.
    static func figures(_ paths: Paths, data: NutrientData, absorb: String?, quick: Bool) throws -> [Figure] {
        var figures: [Figure] = []
        let personal = try journal(at: paths.scratch + "/ten-years.sqlite", data: data, distinct: false)
        let distinct = try journal(at: paths.scratch + "/ten-years-distinct.sqlite", data: data, distinct: true)
        let month = try journal(at: paths.scratch + "/one-month.sqlite", data: data, distinct: false, days: 30)
        let empty = paths.scratch + "/empty.sqlite"
        _ = try JournalStore(path: empty)
        let repetitions = quick ? 3 : 20
        for (name, path) in [("empty", empty), ("one_month", month), ("ten_years", personal), ("ten_years_distinct", distinct)] {
            _ = try firstFrame(journalPath: path, data: data)
            figures.append(Figure("dashboard.first_frame_\(name)",
                                  samples: try (0..<repetitions).map { _ in try firstFrame(journalPath: path, data: data) }))
        }
        _ = try gapKeys(journalPath: personal, data: data)
        let keys = try (0..<repetitions).map { _ in try gapKeys(journalPath: personal, data: data) }
        figures.append(Figure("dashboard.planner_made_in_background", samples: keys.map(\.warm)))
        figures.append(Figure("dashboard.first_g_ten_years", samples: keys.map(\.first)))
        figures.append(Figure("dashboard.gap_plan_day_moved_ten_years", samples: keys.map(\.move)))
        guard let absorb else { return figures }
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CACHE_HOME"] = paths.scratch + "/process-cache"
        let today = LocalDate.today()
        let whole = ["--from", today.adding(days: -(days - 1)).description, "--to", today.description]
        let export = paths.scratch + "/ten-years.json"
        _ = spawnAndWait(absorb, ["export", "--format", "json", "--journal", personal, "-o", export], environment: environment)
        var imports = 0
        let runs: [(name: String, arguments: () -> [String])] = [
            ("process.ten_years.absorb_version", { ["--version"] }),
            ("process.ten_years.report_json_whole_range", { ["report", "--format", "json"] + whole + ["--journal", personal] }),
            ("process.ten_years_distinct.report_json_whole_range", { ["report", "--format", "json"] + whole + ["--journal", distinct] }),
            ("process.ten_years.today", { ["today", "--journal", personal] }),
            ("process.ten_years.gaps", { ["gaps", "--journal", personal] }),
            ("process.ten_years.summary", { ["summary", "--journal", personal] }),
            ("process.ten_years.export_json", { ["export", "--format", "json", "--journal", personal, "-o", paths.scratch + "/out.json"] }),
            ("process.ten_years.import_json", {
                imports += 1
                return ["import", export, "--journal", paths.scratch + "/imported-\(imports).sqlite"]
            }),
        ]
        for run in runs { _ = spawnAndWait(absorb, run.arguments(), environment: environment) }
        var samples = [[Double]](repeating: [], count: runs.count)
        var failed = [Bool](repeating: false, count: runs.count)
        // Turns, one run of each per round, so that a machine that changes speed moves every
        // figure alike, not the ratios to `--version`.
        for _ in 0..<(quick ? 2 : 10) {
            for (index, run) in runs.enumerated() {
                let arguments = run.arguments()
                let start = ContinuousClock().now
                if spawnAndWait(absorb, arguments, environment: environment) != 0 { failed[index] = true }
                samples[index].append(seconds(since: start))
            }
        }
        for index in runs.indices {
            if failed[index] { FileHandle.standardError.write(Data("  \(runs[index].name): absorb failed; figure left out\n".utf8)) }
            figures.append(failed[index] ? Figure(runs[index].name, value: .nan, unit: "ms") : Figure(runs[index].name, samples: samples[index]))
        }
        if let memory = DashboardMemory.measure(absorb: absorb, journal: personal) {
            figures.append(Figure("memory.dashboard_peak_ten_years", value: memory, unit: "MB"))
        }
        if let idle = DashboardMemory.idleCPU(absorb: absorb, journal: personal, seconds: quick ? 3 : 20) {
            figures.append(Figure("dashboard.idle_cpu_per_minute_ten_years", value: idle, unit: "ms"))
        }
        return figures
    }
}
