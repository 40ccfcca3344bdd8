import Foundation

// libFuzzer target: a search query on the bundled table (loaded once from ABSORB_DATA or
// the repository's Data/), and the spelling corrections made when nothing matches.
nonisolated(unsafe) private var loaded: NutrientData?

@_cdecl("LLVMFuzzerTestOneInput")
public func searchFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    if loaded == nil {
        let directory = ProcessInfo.processInfo.environment["ABSORB_DATA"] ?? "Data"
        loaded = try! NutrientData(directory: directory)
    }
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let query = String(decoding: bytes.prefix(200), as: UTF8.self)
    let results = loaded!.search.search(query, limit: 50)
    precondition(results.allSatisfy { $0 >= 0 && $0 < loaded!.foods.count })
    // The tiered path for one-word queries answers exactly as scoring every match does.
    precondition(loaded!.search.search(query, limit: 50, tieredAbove: 0) == loaded!.search.search(query, limit: 50, tieredAbove: .max),
                 "the tiered search differs for \(query.debugDescription)")
    _ = loaded!.search.corrections(for: query)
    return 0
}
