import Foundation
import XCTest

/// A line break in a food's or a measure's name already in a journal (imported from an
/// export written before such names were refused) is escaped where the command line lists
/// it, as other control characters are: it cannot fake a line of a listing.
final class NameLineBreakTests: XCTestCase {
    var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("absorb-linebreak-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    func testALineBreakInAnImportedFoodOrMeasureNameDoesNotStartALine() throws {
        let csv = """
            record,format,version,from,to
            archive,absorb-journal,1,,
            record,name,sex,age_months,condition,fat_threshold_g,diets,active,created_at
            profile,Me,female,408,none,,,yes,2026-11-20T08:00:00.000Z
            record,id,description,energy_kcal,fat_g,fiber_g,vitamin_a_rae_ug,retinol_ug,vitamin_d_ug,vitamin_e_mg,vitamin_e_added_mg,vitamin_k_ug,linoleic_acid_g,alpha_linolenic_acid_g,epa_g,dha_g,created_at
            food,C0001,"Bar\nFAKE food line\r\nFAKE crlf",,10,,,,,1,,,,,,,2026-11-20T08:00:00.000Z
            record,food_id,amount,description,grams
            portion,C0001,1,"bar\nFAKE measure line",40
            record,id,name,cooked_g,servings,created_at
            recipe,R0001,"Stew\nFAKE recipe line",300,2,2026-11-20T08:00:00.000Z
            record,recipe_id,food_id,grams
            ingredient,R0001,C0001,40
            record,profile,date,meal,food_id,grams,logged_at
            entry,Me,2026-11-24,lunch,C0001,40,2026-11-24T12:00:00.000Z

            """
        let file = scratch.appendingPathComponent("old.csv")
        try Data(csv.utf8).write(to: file)
        let journal = AbsorbProcess(journal: scratch.appendingPathComponent("journal.sqlite").path)
        let imported = try journal.run(["import", file.path])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        for command in [["foods", "search", "bar"], ["foods", "show", "C0001"], ["log", "list", "--date", "2026-11-24"],
                        ["report", "--date", "2026-11-24"], ["today"], ["gaps", "--date", "2026-11-24"], ["foods", "favourite", "C0001"], ["foods", "favourites"],
                        ["log", "add", "--food", "C0001", "--grams", "10", "--date", "2026-11-24"],
                        ["foods", "recipes"], ["foods", "show", "R0001"], ["foods", "search", "stew"]] {
            let result = try journal.run(command)
            for text in [result.stdout, result.stderr] {
                let lines = text.split(whereSeparator: \.isNewline)
                XCTAssertFalse(lines.contains { $0.hasPrefix("FAKE") }, "\(command) starts a line with a name's line break: \(text)")
            }
        }
        let shown = try journal.run(["foods", "show", "C0001"]).stdout
        XCTAssertTrue(shown.contains("Bar\\u000AFAKE food line\\u000D\\u000AFAKE crlf"), shown)
        XCTAssertTrue(shown.contains("bar\\u000AFAKE measure line"), shown)
        let recipes = try journal.run(["foods", "recipes"]).stdout
        XCTAssertTrue(recipes.contains("Stew\\u000AFAKE recipe line"), recipes)
    }
}
