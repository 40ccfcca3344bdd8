/// Food ids to their positions in the table: an open-addressing hash table over the ids'
/// UTF-8, which live in a `TextColumn` beside it.
///
/// Its hash is the same in every process (the standard library's `Hasher` is seeded anew
/// in each), so the food-table cache stores the table's slots as they are and a start
/// checks them instead of hashing 8,800 `String`s into a `Dictionary` again.
struct IDIndex: Sendable, Equatable {
    /// Position + 1 of the id whose probe starts here or before; 0 is empty. The count is
    /// a power of two at least twice the number of ids, so a probe always ends.
    private(set) var slots: [Int32] = []
    private(set) var count = 0

    init() {}

    /// An index over stored slots, or `nil` if they do not index exactly `ids`: every id
    /// found at its own position (so none twice), and no other entry.
    init?(slots: [Int32], ids: TextColumn) {
        guard slots.count >= 2 * ids.count, slots.isEmpty || slots.count & (slots.count - 1) == 0,
              ids.count < Int(Int32.max) else { return nil }
        var used = 0
        for slot in slots {
            guard slot >= 0, Int(slot) <= ids.count else { return nil }
            if slot != 0 { used += 1 }
        }
        guard used == ids.count else { return nil }
        self.slots = slots
        self.count = used
        for position in 0..<ids.count {
            guard ids.withUTF8(at: position, { find($0, in: ids) }) == position else { return nil }
        }
    }

    /// FNV-1a over the bytes, then MurmurHash3's finaliser (FNV's low bits alone are weak).
    static func hash(_ id: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in id {
            h ^= UInt64(byte)
            h &*= 0x0000_0100_0000_01B3
        }
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        return h
    }

    /// The position of `id`, if it is there.
    func find(_ id: UnsafeBufferPointer<UInt8>, in ids: TextColumn) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: Self.hash(id)) & mask
        while slots[slot] != 0 {
            let position = Int(slots[slot]) - 1
            if ids.withUTF8(at: position, { Self.same($0, id) }) { return position }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Adds the id at `position` of `ids`, the next one after those indexed (the caller has
    /// checked it is not there yet).
    mutating func insert(position: Int, in ids: TextColumn) {
        precondition(position == count, "ids are indexed in order")
        if 2 * (count + 1) > slots.count { rebuild(capacityFor: 2 * (count + 1), ids: ids) }
        ids.withUTF8(at: position) { place(position, id: $0) }
        count += 1
    }

    /// Makes room for `total` ids in all, so that a loader's inserts never rebuild.
    mutating func reserveCapacity(_ total: Int, ids: TextColumn) {
        if 2 * total > slots.count { rebuild(capacityFor: total, ids: ids) }
    }

    @inline(__always)
    private static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for i in 0..<a.count where a[i] != b[i] { return false }
        return true
    }

    private mutating func place(_ position: Int, id: UnsafeBufferPointer<UInt8>) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: Self.hash(id)) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(position + 1)
    }

    /// New slots with room for `total` ids, holding again the ids indexed so far.
    private mutating func rebuild(capacityFor total: Int, ids: TextColumn) {
        var capacity = 16
        while capacity < 2 * total { capacity *= 2 }
        slots = [Int32](repeating: 0, count: capacity)
        for position in 0..<count { ids.withUTF8(at: position) { place(position, id: $0) } }
    }
}
