import Dashboard
import DataFiles
import Foundation
import NutrientModel
import XCTest

/// The bundled tables, loaded once, and a dashboard built on them for a fixed day.
enum Fixture {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    nonisolated(unsafe) private static var cached: NutrientData?
    private static let lock = NSLock()

    /// The bundled Data/ tables.
    static var data: NutrientData {
        lock.lock()
        defer { lock.unlock() }
        if let cached { return cached }
        let loaded = try! NutrientData(directory: packageRoot.appendingPathComponent("Data").path)
        cached = loaded
        return loaded
    }

    /// Wednesday 25 November 2026, the day every test runs on.
    static let today = LocalDate(year: 2026, month: 11, day: 25)!
    /// A woman of 30: RDA/AI A 700, D 15, E 15, K 90, LA 12, ALA 1.1, EPA + DHA 250.
    static let person = PersonProfile(name: "Ana", sex: .female, ageMonths: 30 * 12)

    /// An entry logged on `date` (default: today).
    static func entry(_ id: Int64, _ foodID: String, _ grams: Double, _ meal: Meal = .lunch,
                      on date: LocalDate = today) -> Entry {
        Entry(id: id, date: date, meal: meal, foodID: foodID, grams: grams,
              loggedAt: Date(timeIntervalSince1970: 1_790_000_000 + Double(id) * 60))
    }

    /// The dashboard at noon on `today`.
    static func state(width: Int = 80, height: Int = 24, entries: [Entry] = [], profile: PersonProfile = person,
                      glyphs: Glyphs = .unicode, profiles extra: [StoredProfile] = []) -> AppState {
        let summary = StoredProfile(id: 1, profile: profile)
        return AppState(data: data, context: ProfileContext(profile: summary, profiles: [summary] + extra, overrides: [],
                                                           entries: entries),
                        today: today, minuteOfDay: 12 * 60, width: width, height: height, glyphs: glyphs)
    }
}

/// Feeds keys to the state; the effects of the last one.
@discardableResult
func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
    var effects: [Effect] = []
    for key in keys { effects = update(&state, .key(key)) }
    return effects
}

/// Types text, one character key at a time.
func type(_ state: inout AppState, _ text: String) {
    for character in text { _ = update(&state, .key(.character(character))) }
}

/// The screen as rows of text.
func screen(_ state: AppState) -> [String] { render(state).text }

/// Fails with the whole screen when a line is missing, so a failure shows what was drawn.
func assertShows(_ state: AppState, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
    let rows = screen(state)
    XCTAssertTrue(rows.contains { $0.contains(expected) }, "no row shows \"\(expected)\":\n\(rows.joined(separator: "\n"))",
                  file: file, line: line)
}
