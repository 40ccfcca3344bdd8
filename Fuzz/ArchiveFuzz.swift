import Foundation

// libFuzzer target: a journal import in CSV (`absorb import FILE.csv`): the archive reader
// and its validation. Any bytes either read as an archive or fail with a located error; an
// archive that reads is written back to CSV that reads as the same archive (export and
// import are lossless), and survives absorb's own JSON writer and reader the same way. Built with the model's sources and
// the Journal module's archive files (they do not use SQLite).
nonisolated(unsafe) private var context: ArchiveContext?

@_cdecl("LLVMFuzzerTestOneInput")
public func archiveFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    if context == nil {
        let tables = try! NutrientData(directory: ProcessInfo.processInfo.environment["ABSORB_DATA"] ?? "Data")
        context = ArchiveContext(foods: tables.foods, knownDiets: Set(tables.diets.diets.map(\.key)),
                                 maxEntryGrams: tables.quantities.maxEntryGrams)
    }
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard let (archive, places) = try? JournalArchive.read(csv: bytes, fileName: "fuzz.csv") else { return 0 }
    _ = try? archive.validate(context!, locate: places.locate)
    let written = archive.csv()
    guard let (again, _) = try? JournalArchive.read(csv: Array(written.utf8), fileName: "again.csv") else {
        preconditionFailure("an archive that was read wrote CSV that does not read back:\n\(written)")
    }
    precondition(again == archive, "the CSV round trip changed the archive:\n\(written)")
    // Through absorb's own JSON writer and reader (what `absorb export` and `absorb import`
    // use): the same archive, and written again, the same bytes.
    let json = archive.json()
    guard let fromJSON = try? JournalArchive.read(json: Array(json.utf8), fileName: "again.json") else {
        preconditionFailure("an archive that was read wrote JSON that does not read back:\n\(json)")
    }
    precondition(fromJSON == archive, "the JSON round trip changed the archive:\n\(json)")
    precondition(fromJSON.json() == json, "the JSON written again is not the same bytes:\n\(json)")
    return 0
}
