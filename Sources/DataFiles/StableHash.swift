/// A 64-bit hash of bytes that is the same in every process and on every run (the
/// standard library's `Hasher` is seeded anew in each process), for naming and checking
/// files a later run reads back. Not for adversaries: it finds accidental change (a file
/// edited, a byte damaged on disk), with a chance of missing one of about 2⁻⁶⁴.
///
/// The construction is wyhash's (public domain, Wang Yi): each 16 bytes are xored with
/// the state and a constant and multiplied into a 128-bit product whose halves are folded.
/// Three lanes take 48-byte blocks in turn so that three multiplications run at once: the
/// hash of the bundled CSVs and of the cache made from them is on the start-up path, and
/// this takes about half an instruction a byte.
struct StableHash {
    private static let secret: (UInt64, UInt64, UInt64, UInt64) =
        (0xA076_1D64_78BD_642F, 0xE703_7ED1_A0B4_28DB, 0x8EBC_6AF0_9C88_C6E3, 0x5899_65CC_7537_4CC3)
    private var lanes: (UInt64, UInt64, UInt64)
    private var length: UInt64 = 0
    private var pending: [UInt8] = []  // bytes not yet a whole block

    /// A hash with nothing in it yet.
    init(seed: UInt64 = 0x9E37_79B9_7F4A_7C15) {
        let start = seed ^ Self.secret.0
        lanes = (start, start, start)
    }

    @inline(__always)
    private static func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    /// Adds bytes.
    mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        length &+= UInt64(bytes.count)
        var i = 0
        let count = bytes.count
        if !pending.isEmpty {
            let take = min(48 - pending.count, count)
            pending.append(contentsOf: UnsafeRawBufferPointer(start: base, count: take))
            i = take
            if pending.count < 48 { return }
            pending.withUnsafeBytes { block in absorb(block.baseAddress!) }
            pending.removeAll(keepingCapacity: true)
        }
        while i + 48 <= count {
            absorb(base + i)
            i += 48
        }
        if i < count { pending.append(contentsOf: UnsafeRawBufferPointer(start: base + i, count: count - i)) }
    }

    /// One 48-byte block, 16 bytes to each lane.
    @inline(__always)
    private mutating func absorb(_ block: UnsafeRawPointer) {
        func word(_ offset: Int) -> UInt64 {
            UInt64(littleEndian: block.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }
        lanes.0 = Self.fold(word(0) ^ Self.secret.1, word(8) ^ lanes.0)
        lanes.1 = Self.fold(word(16) ^ Self.secret.2, word(24) ^ lanes.1)
        lanes.2 = Self.fold(word(32) ^ Self.secret.3, word(40) ^ lanes.2)
    }

    /// Adds the bytes of an array.
    mutating func combine(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine($0) }
    }

    /// Adds a number.
    mutating func combine(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { combine($0) }
    }

    /// The hash: the lanes, then what is left of the last block (16 bytes at a time, the
    /// last zero-padded), then the length.
    func finalize() -> UInt64 {
        var state = lanes.0 ^ lanes.1 ^ lanes.2
        state = Self.fold(state ^ Self.secret.1, lanes.1 ^ Self.secret.2)
        state = Self.fold(state ^ Self.secret.3, lanes.2 ^ Self.secret.1)
        var tail = pending
        tail.append(contentsOf: repeatElement(0, count: (16 - tail.count % 16) % 16))
        tail.withUnsafeBytes { rest in
            var offset = 0
            while offset < rest.count {
                let a = UInt64(littleEndian: rest.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                let b = UInt64(littleEndian: rest.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
                state = Self.fold(a ^ Self.secret.1, b ^ state)
                offset += 16
            }
        }
        return Self.fold(Self.secret.0 ^ length, Self.fold(state ^ Self.secret.1, Self.secret.3 ^ length))
    }
}
