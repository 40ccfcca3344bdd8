/// A 64-bit hash of bytes that is the same in every process and on every run (the
/// standard library's `Hasher` is seeded anew in each process), for naming and checking
/// files a later run reads back. Not for adversaries: it finds accidental change (a file
/// edited, a byte damaged on disk), and any one changed word always changes the hash.
struct StableHash {
    // Four lanes take words in turn, so four multiplications run at once: the hash of the
    // bundled CSVs and of the cache of them is on the start-up path.
    private var lanes: (UInt64, UInt64, UInt64, UInt64)
    private var length: UInt64 = 0
    private var pending: [UInt64] = []  // words not yet a whole round of four

    /// A hash with nothing in it yet.
    init(seed: UInt64 = 0x9E37_79B9_7F4A_7C15) {
        lanes = (seed, seed ^ 0x1, seed ^ 0x2, seed ^ 0x3)
    }

    /// Adds bytes, eight at a time.
    mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var i = 0
        func word(_ offset: Int) -> UInt64 {
            UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }
        while !pending.isEmpty, i + 8 <= count {
            add(word(i))
            i += 8
        }
        var (a, b, c, d) = lanes
        while i + 32 <= count {
            a = Self.mix(a, word(i))
            b = Self.mix(b, word(i + 8))
            c = Self.mix(c, word(i + 16))
            d = Self.mix(d, word(i + 24))
            i += 32
        }
        lanes = (a, b, c, d)
        while i + 8 <= count {
            add(word(i))
            i += 8
        }
        if i < count {
            var tail: UInt64 = 0
            for j in i..<count { tail |= UInt64(base.load(fromByteOffset: j, as: UInt8.self)) << (8 * UInt64(j - i)) }
            add(tail)
        }
        length &+= UInt64(count)
    }

    /// Adds the bytes of an array.
    mutating func combine(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine($0) }
    }

    /// Adds a number.
    mutating func combine(_ value: UInt64) {
        add(value)
        length &+= 8
    }

    /// Adds one word to the round being made.
    private mutating func add(_ word: UInt64) {
        pending.append(word)
        if pending.count == 4 {
            lanes = (Self.mix(lanes.0, pending[0]), Self.mix(lanes.1, pending[1]),
                     Self.mix(lanes.2, pending[2]), Self.mix(lanes.3, pending[3]))
            pending.removeAll(keepingCapacity: true)
        }
    }

    /// Xor, then multiply by odd constants and xor-shift twice (MurmurHash3's finaliser):
    /// a bijection of the state for a given word, so two inputs that differ in one word
    /// never meet, and every bit of the word reaches every bit of the state before the
    /// next (one multiply alone carries only upward, and two-bit changes in different
    /// words then cancel now and then).
    @inline(__always)
    private static func mix(_ state: UInt64, _ word: UInt64) -> UInt64 {
        var h = state ^ word
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }

    /// The hash: the words of an unfinished round, the four lanes and the length, each
    /// mixed into the last (still one bijection per part).
    func finalize() -> UInt64 {
        var h = Self.mix(lanes.0, length)
        for word in pending { h = Self.mix(h, word) }
        h = Self.mix(h, UInt64(pending.count))
        h = Self.mix(h, lanes.1)
        h = Self.mix(h, lanes.2)
        h = Self.mix(h, lanes.3)
        return h
    }
}
