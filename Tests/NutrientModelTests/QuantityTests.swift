import XCTest
@testable import NutrientModel

final class QuantityTests: XCTestCase {
    func testParsingNumbersAndFractions() throws {
        let cases: [(String, Double, String)] = [
            ("2 tbsp", 2, "tbsp"), ("1.5 cup", 1.5, "cup"), ("150g", 150, "g"), ("1/2 cup", 0.5, "cup"),
            ("1 1/2 cups", 1.5, "cups"), ("½ cup", 0.5, "cup"), ("1½ cup", 1.5, "cup"), (".5 oz", 0.5, "oz"),
            ("  3   oz ", 3, "oz"), ("2", 2, ""),
        ]
        for (text, amount, unit) in cases {
            let quantity = try Quantity(parsing: text)
            XCTAssertEqual(quantity.amount, amount, accuracy: 1e-12, text)
            XCTAssertEqual(quantity.unit, unit, text)
        }
    }

    func testAmountsThatAreNotAmounts() {
        for text in ["two-ish cups", "cup", "", "-2 g", "0 g", "0/1 cup", "1/0 cup"] {
            XCTAssertThrowsError(try Quantity(parsing: text), text) { error in
                let message = (error as! QuantityError).description
                XCTAssertTrue(message.contains("not an amount") || message.contains("more than zero"), message)
            }
        }
        XCTAssertThrowsError(try Quantity(parsing: String(repeating: "9", count: 400) + " g")) { error in
            XCTAssertTrue((error as! QuantityError).description.contains("too large"))
        }
    }

    private func grams(_ text: String, _ id: String) throws -> Double {
        let food = try XCTUnwrap(TestData.data.foods.food(id: id))
        return try TestData.data.quantities.resolve(text, for: food).grams
    }

    func testMassUnits() throws {
        XCTAssertEqual(try grams("150 g", "15237"), 150)
        XCTAssertEqual(try grams("3 oz", "15237"), 3 * 28.349523125, accuracy: 1e-9)
        XCTAssertEqual(try grams("1 lb", "15237"), 453.59237, accuracy: 1e-9)
        XCTAssertEqual(try grams("0.2 kg", "15237"), 200, accuracy: 1e-9)
        XCTAssertEqual(try grams("2 ounces", "15237"), 2 * 28.349523125, accuracy: 1e-9)
    }

    func testHouseholdMeasuresFromWEIGHT() throws {
        XCTAssertEqual(try grams("2 large", "01129"), 100)          // 1 large = 50 g
        XCTAssertEqual(try grams("1 cup", "11457"), 30)             // spinach, raw: 1 cup = 30 g
        XCTAssertEqual(try grams("2 cups", "11457"), 60)
        XCTAssertEqual(try grams("1 fillet", "15237"), 356)         // .5 fillet = 178 g
        XCTAssertEqual(try grams("2 tablespoons", "01129"), 17)     // 1 tbsp = 8.5 g
        XCTAssertEqual(try grams("1 cup chopped", "01129"), 136)
        XCTAssertEqual(try grams("1 softgel", "S0003"), 1.4)
        XCTAssertEqual(try grams("2 softgels", "S0003"), 2.8, accuracy: 1e-12)
    }

    func testTheMatchedMeasureIsTheClosestOne() throws {
        // "large" is the egg's "large", not "extra large" nor "cup (4.86 large eggs)".
        let egg = try XCTUnwrap(TestData.data.foods.food(id: "01123"))
        XCTAssertEqual(TestData.data.quantities.bestPortion(for: "large", in: egg.portions)?.grams, 50)
        XCTAssertEqual(TestData.data.quantities.bestPortion(for: "cup", in: egg.portions)?.grams, 243)
    }

    func testUnknownUnitNamesTheFoodsMeasures() throws {
        let spinach = try XCTUnwrap(TestData.data.foods.food(id: "11457"))
        XCTAssertThrowsError(try TestData.data.quantities.resolve("2 bowls", for: spinach)) { error in
            XCTAssertEqual(
                (error as! QuantityError).description,
                "\"bowls\" is not a measure of Spinach, raw: give a weight in g, kg, mg, oz, lb, or one of its measures: \"cup\" (30 g), \"bunch\" (340 g), \"leaf\" (10 g), \"package (10 oz)\" (284 g)")
        }
        XCTAssertThrowsError(try TestData.data.quantities.resolve("2", for: spinach)) { error in
            XCTAssertTrue((error as! QuantityError).description.hasPrefix("\"2\" has no unit: give a weight in g"))
        }
        XCTAssertThrowsError(try TestData.data.quantities.resolve("20 kg", for: spinach)) { error in
            XCTAssertTrue((error as! QuantityError).description.contains("more than the 10,000 g one entry may hold"))
        }
    }
}

final class FormatTests: XCTestCase {
    func testWholeNumbersAreGroupedAndNeverTrap() {
        XCTAssertEqual(Format.grouped(1234.4), "1,234")
        XCTAssertEqual(Format.grouped(-250_000), "-250,000")
        XCTAssertEqual(Format.grouped(.nan), "—")
        // Found by the archive fuzzer: a finite value past Int64 trapped while the import
        // was explaining that it is too large. Now it is written with an exponent.
        XCTAssertEqual(Format.grouped(4.4444444444444447e95), "4.4e+95")
        XCTAssertEqual(Format.grouped(-1e300), "-1e+300")
        XCTAssertEqual(Format.percent(9.3e18), "9.3e+18")
        XCTAssertEqual(Format.percent(87.4), "87")
    }
}

final class LocalDateTests: XCTestCase {
    func testTheDayOfAnInstantAgreesWithFoundationsCalendar() throws {
        // The machine's zone comes from the C library; Foundation's Calendar reads the same
        // TZ / /etc/localtime: they must agree at every hour of two years, DST changes included.
        // The machines that run this are in UTC, which has no DST: the test sets a zone that
        // has it (TZ, as a person's machine would), and puts the old one back.
        let zone = "Europe/Berlin"
        let previous = ProcessInfo.processInfo.environment["TZ"]
        setenv("TZ", zone, 1)
        tzset()
        defer {
            if let previous { setenv("TZ", previous, 1) } else { unsetenv("TZ") }
            tzset()
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try XCTUnwrap(TimeZone(identifier: zone))
        // The C library sees the zone, with its summer and winter offsets (UTC+2, UTC+1).
        XCTAssertEqual(LocalClock.minuteOfDay(Date(timeIntervalSince1970: 1_751_371_200)), 14 * 60, "2025-07-01T12:00Z is 14:00 in Berlin")
        XCTAssertEqual(LocalClock.minuteOfDay(Date(timeIntervalSince1970: 1_767_268_800)), 13 * 60, "2026-01-01T12:00Z is 13:00 in Berlin")
        let start = Date(timeIntervalSince1970: 1_767_225_600 - 86_400 * 365)  // 2025-01-01T00:00Z
        for hour in stride(from: 0, to: 24 * 731, by: 1) {
            let instant = start.addingTimeInterval(Double(hour) * 3_600 + 1_799.5)
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
            XCTAssertEqual(LocalDate.from(instant), LocalDate(year: parts.year!, month: parts.month!, day: parts.day!), "\(instant)")
            XCTAssertEqual(LocalClock.minuteOfDay(instant), parts.hour! * 60 + parts.minute!, "\(instant)")
        }
        // Given zones, either side of midnight UTC, and before 1970.
        let noonish = Date(timeIntervalSince1970: 1_795_519_800)  // 2026-11-24T11:30:00Z
        XCTAssertEqual(LocalDate.from(noonish, timeZone: try XCTUnwrap(TimeZone(identifier: "Pacific/Auckland"))).description, "2026-11-25")
        let early = Date(timeIntervalSince1970: 1_795_496_400)  // 2026-11-24T05:00:00Z
        XCTAssertEqual(LocalDate.from(early, timeZone: try XCTUnwrap(TimeZone(identifier: "America/Los_Angeles"))).description, "2026-11-23")
        XCTAssertEqual(LocalDate.from(early, timeZone: try XCTUnwrap(TimeZone(identifier: "UTC"))).description, "2026-11-24")
        XCTAssertEqual(LocalDate.from(Date(timeIntervalSince1970: -0.5), timeZone: try XCTUnwrap(TimeZone(identifier: "UTC"))).description, "1969-12-31")
    }

    func testDatesAreWrittenAsISODaysAndReadBack() throws {
        XCTAssertEqual(LocalDate(year: 2026, month: 11, day: 24)?.description, "2026-11-24")
        XCTAssertEqual(LocalDate(year: 5, month: 3, day: 7)?.description, "0005-03-07")
        XCTAssertEqual(LocalDate(year: 9999, month: 12, day: 31)?.description, "9999-12-31")
        for text in ["2024-02-29", "0001-01-01", "1999-10-09"] {
            XCTAssertEqual(try LocalDate(parsing: text).description, text)
        }
        XCTAssertThrowsError(try LocalDate(parsing: "2026-02-30"))
    }
}
