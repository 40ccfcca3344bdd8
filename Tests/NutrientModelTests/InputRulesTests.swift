import NutrientModel
import XCTest

/// Numbers as absorb reads them: a point is the decimal mark and there is no thousands
/// separator, so `1,5` and `1.000` are refused with that rule; hexadecimal, exponents and
/// less than a milligram are refused too.
final class InputRulesTests: XCTestCase {
    func testCommasAndThousandsPointsAreRefusedWithTheRule() {
        for text in ["1,5 cup", "1,000 g", "1.000 g", "1.500 g", "12.000 g", "100.000 g", "2,25 tbsp", "1.000.000 g", "1,5"] {
            XCTAssertThrowsError(try Quantity(parsing: text), text) { error in
                XCTAssertTrue("\(error)".contains("absorb reads a point as the decimal mark and takes no thousands separator"), "\(text): \(error)")
            }
            XCTAssertThrowsError(try NumberInput.decimal(text.components(separatedBy: " ")[0]), text)
        }
        do { _ = try Quantity(parsing: "1,5 cup") } catch { XCTAssertTrue(error.description.contains("write 1.5 or 15")) }
        do { _ = try Quantity(parsing: "1.000 g") } catch { XCTAssertTrue(error.description.contains("write 1000 or 1.0")) }
        // Read as written.
        for (text, amount) in [("1.5 cup", 1.5), ("0.125 cup", 0.125), ("1.2500 cups", 1.25), ("150 g", 150.0), ("1000 g", 1000.0),
                               ("1 1/2 cups", 1.5), ("½ cup", 0.5), ("10.5 g", 10.5), ("1234.5 g", 1234.5)] {
            XCTAssertEqual(try Quantity(parsing: text).amount, amount, text)
        }
    }

    func testHexadecimalExponentsAndLessThanAMilligramAreRefused() {
        for text in ["0x10", "0X1F", "1e-5", "1e3", "inf", "nan", "-1", "+5", "1.2.3", ".", "", " ", "5 g", "0", "0.0001", "0.0009"] {
            XCTAssertThrowsError(try NumberInput.grams(text), text)
        }
        XCTAssertThrowsError(try Quantity(parsing: "0x10 g"))
        XCTAssertEqual(try NumberInput.grams("0.001"), 0.001)
        XCTAssertEqual(try NumberInput.grams(".5"), 0.5)
        XCTAssertEqual(try NumberInput.grams("16"), 16)
    }
}
