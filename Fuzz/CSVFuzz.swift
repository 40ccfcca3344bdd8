// libFuzzer target: the CSV reader and the foods loader on any bytes. They must return
// rows or a located error, never crash, hang or read out of bounds.
@_cdecl("LLVMFuzzerTestOneInput")
public func csvFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = try? CSVReader(bytes: bytes, fileName: "fuzz.csv").allRows()
    var table = FoodTable()
    _ = try? FoodTableLoader.loadFoods(bytes, fileName: "fuzz.csv", into: &table)
    _ = try? FoodTableLoader.loadPortions(bytes, fileName: "fuzz.csv", into: &table)
    return 0
}
