/// Many short texts (food descriptions, measure names) kept as UTF-8 in one array, each an
/// offset range: loading the table makes no `String` per food, and each text becomes one
/// only when it is read.
public struct TextColumn: RandomAccessCollection, Sendable {
    private var utf8: [UInt8] = []
    private var ends: [Int] = []  // text i is utf8[ends[i - 1] ..< ends[i]]

    /// An empty column.
    public init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { ends.count }

    /// The text at a position.
    public subscript(position: Int) -> String {
        withUTF8(at: position) { String(decoding: $0, as: UTF8.self) }
    }

    /// The number of UTF-8 bytes of the text at a position.
    public func utf8Count(at position: Int) -> Int {
        ends[position] - (position == 0 ? 0 : ends[position - 1])
    }

    /// Calls `body` with the UTF-8 of the text at a position, without making a `String`.
    public func withUTF8<Result>(at position: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        let start = position == 0 ? 0 : ends[position - 1]
        let end = ends[position]
        return try utf8.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[start..<end]))
        }
    }

    /// Adds a text given as valid UTF-8.
    mutating func append(utf8 text: UnsafeBufferPointer<UInt8>) {
        utf8.append(contentsOf: text)
        ends.append(utf8.count)
    }

    /// Adds a text.
    mutating func append(_ text: String) {
        utf8.append(contentsOf: text.utf8)
        ends.append(utf8.count)
    }

    /// Adds a copy of the text at a position of this column.
    mutating func appendCopy(of position: Int) {
        let start = position == 0 ? 0 : ends[position - 1]
        let end = ends[position]
        let copy = Array(utf8[start..<end])  // a slice of itself would force a copy of all
        utf8.append(contentsOf: copy)
        ends.append(utf8.count)
    }

    /// The column's storage: every text's UTF-8, one after another, and where each ends.
    package var storage: (utf8: [UInt8], ends: [Int]) { (utf8, ends) }

    /// A column over stored UTF-8 and ends, or `nil` if the ends do not rise within the
    /// bytes (the bytes are not checked as UTF-8: a text is decoded, with repair, when read).
    package init?(utf8: [UInt8], ends: [Int]) {
        var previous = 0
        for end in ends {
            guard end >= previous else { return nil }
            previous = end
        }
        guard previous == utf8.count else { return nil }
        self.utf8 = utf8
        self.ends = ends
    }

    /// Makes room for `texts` more texts of `bytes` bytes in all.
    mutating func reserveCapacity(moreTexts texts: Int, moreBytes bytes: Int) {
        ends.reserveCapacity(ends.count + texts)
        utf8.reserveCapacity(utf8.count + bytes)
    }
}
