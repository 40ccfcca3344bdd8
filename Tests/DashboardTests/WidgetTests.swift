@testable import Dashboard
import XCTest

/// The shared widgets drawn into a small canvas and read cell by cell: the column chart,
/// the progress bar and the list window.
final class WidgetTests: XCTestCase {
    let red = CellStyle(color: .red)
    let dim = CellStyle(dim: true)

    /// The characters of a canvas, row by row, trailing spaces kept.
    func rows(_ canvas: Canvas) -> [String] { (0..<canvas.height).map(canvas.row) }

    // MARK: Column chart

    func testAOneRowChartShowsEachValueAsItsLevel() {
        // 1/8, 4/8, 8/8 of a row; 0 eighths draws nothing; 12 eighths is cut at the top.
        var canvas = Canvas(width: 7, height: 1)
        let chart = ColumnChart(columns: [.eighths(1, red), .eighths(4, red), .eighths(8, red), .eighths(0, red), .noData, .eighths(12, red)],
                                levels: Glyphs.unicode.levels, noData: Glyphs.unicode.noData)
        chart.draw(into: &canvas, in: Area(x: 1, y: 0, width: 6, height: 1))
        XCTAssertEqual(rows(canvas), [" ▁▄█ ·█"])
        XCTAssertEqual(canvas[1, 0].style, red)
        XCTAssertEqual(canvas[4, 0].style, .plain, "an empty column leaves its cell as it was")
        XCTAssertEqual(canvas[5, 0].style, dim, "the no-data mark is dim")
    }

    func testAFourRowChartStacksFullCellsUnderThePartOne() {
        // 0.5 of 4 rows = 16 eighths: two full rows. 0.3 = 9.6 → 10 eighths: a full row and
        // 2/8. Above 1 is cut at the top: four full rows. No data: a mark on the top row.
        var canvas = Canvas(width: 5, height: 4)
        let chart = ColumnChart(columns: [.fraction(0.5, rows: 4, red), .fraction(0.3, rows: 4, red), .fraction(1.7, rows: 4, red), .noData,
                                          .fraction(0, rows: 4, red)],
                                levels: Glyphs.unicode.levels, noData: Glyphs.unicode.noData)
        chart.draw(into: &canvas, in: Area(x: 0, y: 0, width: 5, height: 4))
        XCTAssertEqual(rows(canvas), [
            "  █· ",
            "  █  ",
            "█▂█  ",
            "███  ",
        ])
        XCTAssertEqual(canvas[3, 0].style, dim)
        XCTAssertEqual(canvas[3, 3].style, .plain, "nothing is drawn under the no-data mark")
    }

    func testWideColumnsWithABlankFillAndATargetLine() {
        // Two cells a column and a gap; the line at level 1 shows where a column stops below
        // it, the blank fills the other cells a column does not reach.
        var canvas = Canvas(width: 9, height: 3)
        let chart = ColumnChart(columns: [.eighths(4, red), .eighths(20, red), .eighths(0, red)], levels: Glyphs.unicode.levels,
                                noData: Glyphs.unicode.noData, columnWidth: 2, gap: 1, blank: (".", dim),
                                line: .init(level: 1, character: "─", style: dim))
        chart.draw(into: &canvas, in: Area(x: 0, y: 0, width: 9, height: 3))
        XCTAssertEqual(rows(canvas), [
            ".. ▄▄ .. ",
            "── ██ ── ",
            "▄▄ ██ .. ",
        ])
        XCTAssertEqual(canvas[0, 1].style, dim)
        XCTAssertEqual(canvas[3, 1].style, red)
        XCTAssertEqual(canvas[2, 0].style, .plain, "the gap is left as it was")
        XCTAssertEqual(ColumnChart.level(of: 100 / 150, rows: 8), 5)
        XCTAssertEqual(ColumnChart.level(of: 100 / 150, rows: 5), 3)
    }

    func testColumnsPastTheAreaAreNotDrawnAndNothingLeavesIt() {
        var canvas = Canvas(width: 6, height: 3)
        let chart = ColumnChart(columns: Array(repeating: .eighths(24, red), count: 10), levels: Glyphs.unicode.levels,
                                noData: Glyphs.unicode.noData)
        chart.draw(into: &canvas, in: Area(x: 1, y: 1, width: 3, height: 1))
        XCTAssertEqual(rows(canvas), ["      ", " ███  ", "      "])
    }

    func testAnASCIIChart() {
        var canvas = Canvas(width: 4, height: 2)
        let chart = ColumnChart(columns: [.eighths(3, red), .eighths(16, red), .noData, .eighths(9, red)], levels: Glyphs.ascii.levels,
                                noData: Glyphs.ascii.noData)
        chart.draw(into: &canvas, in: Area(x: 0, y: 0, width: 4, height: 2))
        // The lowest level is `_`, never the `.` of "no data": 9 eighths over two rows tops out at `_`.
        XCTAssertEqual(rows(canvas), [" #._", ":# #"])
    }

    // MARK: Progress bar

    func testABarAtZeroDrawsNothing() {
        var canvas = Canvas(width: 6, height: 1)
        ProgressBar(fraction: 0, glyphs: .unicode, style: red).draw(into: &canvas, in: Area(x: 1, y: 0, width: 4, height: 1))
        XCTAssertEqual(rows(canvas), ["      "])
        XCTAssertEqual(ProgressBar(fraction: 0, glyphs: .unicode, style: red).filledEighths(width: 4), 0)
    }

    func testABarEndsInAnEighthGlyph() {
        // 0.35 of 4 cells = 11.2 → 11 eighths: a full cell and 3/8.
        var canvas = Canvas(width: 6, height: 1)
        let bar = ProgressBar(fraction: 0.35, glyphs: .unicode, style: red)
        bar.draw(into: &canvas, in: Area(x: 1, y: 0, width: 4, height: 1))
        XCTAssertEqual(rows(canvas), [" █▍   "])
        XCTAssertEqual(bar.filledEighths(width: 4), 11)
        XCTAssertEqual(canvas[2, 0].style, red)
        XCTAssertEqual(canvas[3, 0].style, .plain)
    }

    func testAFullBarAndOneAboveItsScale() {
        var canvas = Canvas(width: 4, height: 2)
        ProgressBar(fraction: 1, glyphs: .unicode, style: red).draw(into: &canvas, in: Area(x: 0, y: 0, width: 4, height: 1))
        ProgressBar(fraction: 2.5, glyphs: .unicode, style: red).draw(into: &canvas, in: Area(x: 0, y: 1, width: 4, height: 1))
        XCTAssertEqual(rows(canvas), ["████", "███▶"])
        XCTAssertEqual(canvas[3, 1].style, red)
        // On a scale: the value past it overflows, the value at it does not.
        XCTAssertTrue(ProgressBar(value: 23, scale: 22.5, glyphs: .unicode, style: red).overflows)
        XCTAssertFalse(ProgressBar(value: 22.5, scale: 22.5, glyphs: .unicode, style: red).overflows)
        XCTAssertEqual(ProgressBar(value: 30, scale: 22.5, glyphs: .unicode, style: red).fraction, 1)
    }

    func testAnASCIIBar() {
        // 0.45 of 4 = 14.4 → 14 eighths: a full cell and 6/8 (":"); 2/8 is a blank in ASCII.
        var canvas = Canvas(width: 4, height: 3)
        ProgressBar(fraction: 0.45, glyphs: .ascii, style: red).draw(into: &canvas, in: Area(x: 0, y: 0, width: 4, height: 1))
        ProgressBar(fraction: 0.3, glyphs: .ascii, style: red).draw(into: &canvas, in: Area(x: 0, y: 1, width: 4, height: 1))
        ProgressBar(fraction: 1.2, glyphs: .ascii, style: red).draw(into: &canvas, in: Area(x: 0, y: 2, width: 4, height: 1))
        XCTAssertEqual(rows(canvas), ["#:  ", "#   ", "###>"])
    }

    // MARK: List window

    func testAListWindowKeepsTheSelectionOnItsLastRow() {
        XCTAssertNil(ListWindow(count: 5, rows: 9, selected: 0, following: true).label("entries"))
        XCTAssertEqual(ListWindow(count: 15, rows: 9, selected: 3, following: true).label("entries"), "entries 1-9 of 15")
        let scrolled = ListWindow(count: 15, rows: 9, selected: 11, following: true)
        XCTAssertEqual(scrolled.shown, 3..<12)
        XCTAssertEqual(scrolled.label("entries"), "entries 4-12 of 15")
        XCTAssertEqual(ListWindow(count: 15, rows: 9, selected: 14, following: true).shown, 6..<15)
        XCTAssertEqual(ListWindow(count: 15, rows: 9, selected: 11, following: false).shown, 0..<9, "without the focus it starts at the top")
        XCTAssertNil(ListWindow(count: 3, rows: 0, selected: 0, following: true).label("entries"))
    }
}
