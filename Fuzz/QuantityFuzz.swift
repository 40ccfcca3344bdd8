// libFuzzer target: an amount as a person types it ("1 1/2 cups", "two-ish", "1e309 g").
@_cdecl("LLVMFuzzerTestOneInput")
public func quantityFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let text = String(decoding: bytes, as: UTF8.self)
    if let quantity = try? Quantity(parsing: text) {
        precondition(quantity.amount.isFinite && quantity.amount > 0, "parsed \(text) to \(quantity.amount)")
    }
    _ = try? LocalDate(parsing: text)
    return 0
}
