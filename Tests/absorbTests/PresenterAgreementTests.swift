import DataFiles
import Foundation
import Journal
import NutrientModel
import XCTest

/// One review, many presenters: the demo patient's fortnight (Data/demo/) rendered by the
/// text report, JSON, CSV, the markdown and HTML summaries and `gaps`, each checked
/// against the model's own review of the same entries. A figure, status or caution that one
/// presenter worked out for itself would disagree here.
final class PresenterAgreementTests: XCTestCase {
    var directory: String!
    var absorb: AbsorbProcess!
    let last = LocalDate(year: 2026, month: 11, day: 24)!
    var first: LocalDate { last.adding(days: -13) }
    var data: NutrientData!
    var review: Review!

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "absorb-agreement-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let journalPath = directory + "/journal.sqlite"
        absorb = AbsorbProcess(journal: journalPath)
        let dataPath = AbsorbProcess.packageRoot.appendingPathComponent("Data").path
        data = try NutrientData(directory: dataPath)
        let demo = try DemoData(directory: dataPath + "/demo", foods: data.foods)
        // The demo patient's fourteen days, ending on `last`, written as `absorb demo` does.
        do {
            let journal = try JournalStore(path: journalPath)
            let profile = try journal.activeProfile()
            try journal.updateProfile(StoredProfile(id: profile.id, profile: demo.profile))
            _ = try journal.addEntries(profileID: profile.id, demo.meals.map {
                (date: last.adding(days: $0.dayOffset), meal: $0.meal, foodID: $0.foodID, grams: $0.grams)
            })
            let entries = try journal.entries(profileID: profile.id, in: DateRange(from: first, to: last))
            let report = Report(profile: demo.profile, targets: try data.targets.targets(for: demo.profile),
                                range: DateRange(from: first, to: last), entries: entries, scorer: data.scorer)
            review = data.review(report)
        }
        XCTAssertEqual(review.report.loggedDays, 14)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func run(_ arguments: [String]) throws -> String {
        let result = try absorb.run(arguments)
        XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)")
        return result.stdout
    }

    private var range: [String] { ["--from", first.description, "--to", last.description] }

    func testEveryPresenterShowsTheModelsFiguresStatusesAndCautions() throws {
        let scores = review.report.scores
        // JSON: every figure as the model has it, to the decimals JSON writes.
        let json = try absorb.json(["report", "--format", "json"] + range)
        let nutrients = try XCTUnwrap(json["nutrients"] as? [[String: Any]])
        XCTAssertEqual(nutrients.count, scores.count)
        for (row, score) in zip(nutrients, scores) {
            let id = score.nutrient.rawValue
            XCTAssertEqual(row["id"] as? String, id)
            XCTAssertEqual(row["status"] as? String, score.status.rawValue, id)
            XCTAssertEqual(row["amount"] as? Double ?? .nan, score.amount ?? .nan, accuracy: 1e-4, id)
            if let percent = score.percent { XCTAssertEqual(row["percent"] as? Double ?? .nan, percent, accuracy: 0.01, id) }
            if let ul = score.upperLimitAmount { XCTAssertEqual(row["ul_amount"] as? Double ?? .nan, ul, accuracy: 1e-4, id) }
            XCTAssertEqual(row["ul_estimated"] as? Bool, score.upperLimitEstimated, id)
            XCTAssertEqual(row["ul_complete"] as? Bool, score.upperLimitComplete, id)
            XCTAssertEqual(row["judgement"] as? String, score.judgement(lowCoverageBelowPercent: data.absorption.lowCoverageBelowPercent), id)
            XCTAssertEqual(row["missing_data_foods"] as? [String], score.missingDataFoods, id)
            XCTAssertEqual(row["fat_paired_share"] as? Double, review.fatPairing.pairedShare[score.nutrient].map { ($0 * 10_000).rounded() / 10_000 }, id)
        }
        let cautionSentences = review.cautions.map(\.sentence)
        XCTAssertEqual((json["cautions"] as? [[String: Any]])?.map { $0["sentence"] as? String }, cautionSentences)
        let balance = try XCTUnwrap(json["balance"] as? [String: Any])
        XCTAssertEqual(balance["fermented_servings_per_day"] as? Double ?? .nan, review.balance.fermentedServingsPerDay, accuracy: 1e-3)
        XCTAssertEqual(balance["fibre_g"] as? Double ?? .nan, review.balance.fibreGrams, accuracy: 1e-3)
        let flags = try XCTUnwrap((json["fat_pairing"] as? [String: Any])?["flags"] as? [[String: Any]])
        XCTAssertEqual(flags.map { $0["nutrient"] as? String }, review.fatPairing.flags.map(\.nutrient.rawValue))
        XCTAssertFalse(flags.isEmpty, "the demo's fat-free spinach salads are flagged")

        // Text: each nutrient's row has the model's amount, percent and status words.
        let text = try run(["report"] + range)
        for score in scores {
            let line = try XCTUnwrap(text.components(separatedBy: "\n").first { $0.hasPrefix(score.nutrient.name + " ") },
                                     score.nutrient.name)
            if let amount = score.amount { XCTAssertTrue(line.contains(Format.amount(amount) + " " + score.nutrient.unit), line) }
            if let percent = score.percent { XCTAssertTrue(line.contains(" " + Format.percent(percent) + " "), line) }
            XCTAssertTrue(line.contains(score.status == .aboveUL ? "ABOVE UL" : score.status.words), line)
        }
        for sentence in cautionSentences { XCTAssertTrue(text.contains("! " + sentence), sentence) }
        XCTAssertTrue(text.contains("Fermented foods: \(Format.number(review.balance.fermentedServingsPerDay, decimals: 1)) servings a day"), text)

        // CSV: each day's rows are the model's day-by-day reports.
        let csv = try run(["report", "--format", "csv"] + range).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let days = review.report.dayReports(scorer: data.scorer)
        XCTAssertEqual(csv.count, 1 + days.count * scores.count)
        for (d, day) in days.enumerated() {
            for (n, score) in day.scores.enumerated() {
                let fields = try CSVReaderTestSupport.fields(csv[1 + d * scores.count + n])
                XCTAssertEqual(fields[0], day.range.from.description)
                XCTAssertEqual(fields[2], score.nutrient.rawValue)
                XCTAssertEqual(fields[5], score.amount.map { Format.number($0, decimals: 4) } ?? "", "\(day.range.from) \(score.nutrient)")
                XCTAssertEqual(fields[12], day.entries.isEmpty ? "not_logged" : score.status.rawValue)
            }
        }

        // The summary, markdown and HTML: the same amounts, judgements and cautions.
        let markdown = try run(["summary", "--format", "markdown"] + range)
        let html = try run(["summary", "--format", "html"] + range)
        for score in scores {
            let judgement = score.judgement(lowCoverageBelowPercent: data.absorption.lowCoverageBelowPercent)
            let amount = score.amount.map { "\(Format.amount($0)) \(score.nutrient.unit)" } ?? "—"
            let row = try XCTUnwrap(markdown.components(separatedBy: "\n").first { $0.hasPrefix("| \(score.nutrient.name) |") })
            XCTAssertTrue(row.contains("| \(amount) |"), row)
            XCTAssertTrue(row.contains(judgement), row)
            XCTAssertTrue(html.contains(amount.replacingOccurrences(of: "&", with: "&amp;")), score.nutrient.name)
            XCTAssertTrue(html.contains(judgement.replacingOccurrences(of: "&", with: "&amp;")), judgement)
        }
        for sentence in cautionSentences { XCTAssertTrue(markdown.contains(sentence), sentence) }
        for gap in review.gaps { XCTAssertTrue(markdown.contains(gap.nutrient.name), gap.nutrient.name) }
    }

    func testGapsShowsTheDaysReviewAndPlan() throws {
        let day = review.report.dayReports(scorer: data.scorer).last!
        let dayReview = data.review(day)
        let plan = data.makePlanner().plan(for: day, diets: day.profile.diets)
        let text = try run(["gaps", "--date", last.description])
        XCTAssertEqual(text, plan.lines(review: dayReview).joined(separator: "\n") + "\n")
        let json = try absorb.json(["gaps", "--date", last.description, "--format", "json"])
        XCTAssertEqual(json["gaps"] as? [String], dayReview.gaps.map(\.nutrient.rawValue))
        XCTAssertEqual(json["above_upper_limit"] as? [String], Nutrient.allCases.filter(dayReview.aboveUpperLimit.contains).map(\.rawValue))
    }
}

/// Splits one CSV record as RFC 4180 has it (quotes doubled inside quoted fields).
enum CSVReaderTestSupport {
    static func fields(_ line: String) throws -> [String] {
        var fields: [String] = [], field = "", quoted = false, previousQuote = false
        for character in line {
            if quoted {
                if character == "\"" { quoted = false; previousQuote = true } else { field.append(character) }
            } else if character == "\"" {
                if previousQuote { field.append("\"") }
                quoted = true
                previousQuote = false
            } else if character == "," {
                fields.append(field); field = ""; previousQuote = false
            } else {
                field.append(character); previousQuote = false
            }
        }
        fields.append(field)
        return fields
    }
}
