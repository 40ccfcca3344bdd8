/// A colour a cell may be drawn in. Colour never carries meaning alone: every coloured
/// figure also has a glyph or a number.
public enum CellColor: Int, Sendable, CaseIterable {
    case red = 1, yellow, green, magenta, cyan, blue
}

/// How a cell is drawn.
public struct CellStyle: Hashable, Sendable {
    /// The foreground colour, or the terminal's default.
    public var color: CellColor?
    /// Bold text.
    public var bold: Bool
    /// Reverse video (selection).
    public var reverse: Bool
    /// Dim text (secondary information).
    public var dim: Bool

    /// Makes a style.
    public init(color: CellColor? = nil, bold: Bool = false, reverse: Bool = false, dim: Bool = false) {
        self.color = color
        self.bold = bold
        self.reverse = reverse
        self.dim = dim
    }

    /// The terminal's default style.
    public static let plain = CellStyle()
}

/// One character cell of the screen.
public struct Cell: Hashable, Sendable {
    /// What is drawn (one column wide).
    public var character: Character
    /// How it is drawn.
    public var style: CellStyle
}

/// A grid of styled cells that a view draws into and a backend puts on the screen: the
/// dashboard is tested by reading this grid, without a terminal.
public struct Canvas: Sendable, Equatable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// The cells, row by row.
    public private(set) var cells: [Cell]

    /// A blank canvas.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(character: " ", style: .plain), count: self.width * self.height)
    }

    /// The cell at a column and row.
    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes text from column `x` of row `y`, clipped to `maxWidth` and the canvas;
    /// returns the column after the last character written.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: CellStyle = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let limit = min(width, maxWidth.map { x + $0 } ?? width)
        var column = x
        for character in text {
            if column >= limit { break }
            if column >= 0 { cells[y * width + column] = Cell(character: character, style: style) }
            column += 1
        }
        return column
    }

    /// Writes text so that it ends at column `right` (exclusive).
    public mutating func writeRight(_ text: String, right: Int, y: Int, style: CellStyle = .plain) {
        write(text, x: right - text.count, y: y, style: style)
    }

    /// Sets the style of a run of cells, keeping their characters.
    public mutating func style(x: Int, y: Int, width count: Int, _ style: CellStyle) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<min(width, x + count) { cells[y * width + column].style = style }
    }

    /// Fills a run of cells with a character.
    public mutating func fill(_ character: Character, x: Int, y: Int, width count: Int, style: CellStyle = .plain) {
        guard y >= 0, y < height, count > 0 else { return }
        for column in max(0, x)..<min(width, x + count) {
            cells[y * width + column] = Cell(character: character, style: style)
        }
    }

    /// Copies rows of another canvas of the same width (a screen drawn into its area).
    public mutating func copy(rows: Range<Int>, from other: Canvas) {
        guard other.width == width else { return }
        for y in rows where y >= 0 && y < height && y < other.height {
            cells.replaceSubrange((y * width)..<(y * width + width), with: other.cells[(y * width)..<(y * width + width)])
        }
    }

    /// The characters of one row, as text (trailing spaces kept).
    public func row(_ y: Int) -> String {
        String(cells[(y * width)..<(y * width + width)].map(\.character))
    }

    /// Every row as text, trailing spaces removed: what a person would read.
    public var text: [String] {
        (0..<height).map { y in
            var line = row(y)
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
