/// Small widgets the screens share: each draws into an area of a canvas that its caller
/// gives, as ratatui's widgets do, so no screen places a chart's or a bar's cells by hand.

/// Columns of eighth-block levels, one column per value, rising from the area's bottom row:
/// the trends' 30 days, the detail's 14 days, the skin-and-gut scales. A column may be
/// several cells wide; a column with no data shows a mark on the area's top row.
struct ColumnChart {
    /// One column: how high it stands, in eighths of a row, and its style; or no data.
    enum Column: Equatable {
        case eighths(Int, CellStyle)
        case noData

        /// A column standing `fraction` of the chart's height (1 fills it; more is cut at
        /// the top), rounded to the nearest eighth of a row.
        static func fraction(_ fraction: Double, rows: Int, _ style: CellStyle) -> Column {
            .eighths(Int((min(fraction, 1) * Double(rows * 8)).rounded()), style)
        }
    }

    /// A horizontal line across the chart (a target) shown in the cells no column reaches.
    struct Line {
        /// The row of the line, counted from the chart's bottom row (0).
        var level: Int
        var character: Character
        var style: CellStyle
    }

    /// The columns, left to right; those that do not fit in the area are not drawn.
    var columns: [Column]
    /// The levels, lowest to highest (`Glyphs.levels`: eight, an eighth of a row each).
    var levels: [Character]
    /// The mark of a column with no data, and its style.
    var noData: Character
    var noDataStyle = CellStyle(dim: true)
    /// Cells each column fills across, and the blank cells after it.
    var columnWidth = 1
    var gap = 0
    /// What the cells a column does not reach show: nil leaves them as they are.
    var blank: (character: Character, style: CellStyle)?
    /// A line (the target) across the cells no column reaches.
    var line: Line?

    /// The row of a chart `rows` high, counted from its bottom row (0), in which `fraction`
    /// of its height falls: where a target line goes.
    static func level(of fraction: Double, rows: Int) -> Int {
        Int((fraction * Double(rows)).rounded(.down))
    }

    /// Draws the columns into the area, from its left edge and its bottom row up.
    func draw(into canvas: inout Canvas, in area: Area) {
        let rows = area.height
        guard rows > 0, !levels.isEmpty else { return }
        let bottom = area.bottom - 1
        for (index, column) in columns.enumerated() {
            let x = area.x + index * (columnWidth + gap)
            guard x + columnWidth <= area.x + area.width else { break }
            switch column {
            case .noData:
                canvas.fill(noData, x: x, y: area.y, width: columnWidth, style: noDataStyle)
            case .eighths(let eighths, let style):
                for row in 0..<rows {
                    let filled = eighths - row * 8
                    let y = bottom - row
                    if filled > 0 {
                        canvas.fill(levels[min(filled, levels.count) - 1], x: x, y: y, width: columnWidth, style: style)
                    } else if let line, line.level == row {
                        canvas.fill(line.character, x: x, y: y, width: columnWidth, style: line.style)
                    } else if let blank {
                        canvas.fill(blank.character, x: x, y: y, width: columnWidth, style: blank.style)
                    } else {
                        break
                    }
                }
            }
        }
    }
}

/// A horizontal bar of full cells and a last part-filled one (eighths), on each row of its
/// area: a nutrient's intake on the day screen. Past the whole area (a fraction above 1)
/// its last cell can show an overflow mark.
struct ProgressBar {
    /// How much of the area's width is filled: 0 none, 1 all of it (more is cut to 1).
    var fraction: Double
    /// Whether the value runs past the bar's scale: the last cell then shows the overflow mark.
    var overflows: Bool
    /// The full cell and the part-filled ones, 1...7 eighths (`Glyphs.full`, `Glyphs.eighths`).
    var full: Character
    var eighths: [Character]
    /// The overflow mark (`Glyphs.overflow`).
    var overflow: Character
    var style: CellStyle

    /// A bar filled `fraction` of its width, marked as overflowing above 1.
    init(fraction: Double, glyphs: Glyphs, style: CellStyle) {
        self.fraction = fraction
        overflows = fraction > 1
        full = glyphs.full
        eighths = glyphs.eighths
        overflow = glyphs.overflow
        self.style = style
    }

    /// A bar of `value` on a scale from 0 to `scale` (above 0), marked as overflowing past it.
    init(value: Double, scale: Double, glyphs: Glyphs, style: CellStyle) {
        self.init(fraction: min(value, scale) / scale, glyphs: glyphs, style: style)
        overflows = value > scale
    }

    /// The eighths of a cell the bar fills when `width` cells long, rounded to the nearest.
    func filledEighths(width: Int) -> Int {
        Int((min(fraction, 1) * Double(width * 8)).rounded())
    }

    /// Draws the bar from the area's left edge, on each of its rows; the cells it does not
    /// reach are left as they are.
    func draw(into canvas: inout Canvas, in area: Area) {
        let filledEighths = filledEighths(width: area.width)
        for y in area.y..<max(area.y, area.bottom) {
            for column in 0..<max(0, area.width) {
                let filled = filledEighths - column * 8
                if filled >= 8 {
                    canvas.write(String(full), x: area.x + column, y: y, style: style)
                } else if filled > 0 {
                    canvas.write(String(eighths[min(filled, eighths.count) - 1]), x: area.x + column, y: y, style: style)
                }
            }
            if overflows, area.width > 0 {
                canvas.write(String(overflow), x: area.x + area.width - 1, y: y, style: style)
            }
        }
    }
}

/// The window of a list longer than its rows: which items are shown, keeping a selection
/// in view, and the words that say so ("entries 1-9 of 15").
struct ListWindow: Equatable {
    /// The items, the rows that show them, and the first shown.
    let count: Int
    let rows: Int
    let start: Int

    /// The window that starts at the top, or (where `following`) scrolls just enough to
    /// keep the selected item on its last row.
    init(count: Int, rows: Int, selected: Int, following: Bool) {
        let rows = max(0, rows)
        self.count = count
        self.rows = rows
        start = following ? max(0, min(selected - rows + 1, count - rows)) : 0
    }

    /// The indices of the items shown.
    var shown: Range<Int> { start..<max(start, min(count, start + rows)) }

    /// Whether some items are not shown.
    var scrolls: Bool { rows > 0 && count > rows }

    /// Which items are shown, where not all are: "entries 1-9 of 15"; else nil.
    func label(_ noun: String) -> String? {
        guard scrolls else { return nil }
        return "\(noun) \(start + 1)-\(min(count, start + rows)) of \(count)"
    }
}
