import Foundation
import NutrientModel

// The end of an export that proves it is whole: how many items of each kind it holds and
// the SHA-256 of every byte before it. Version 2 of the format writes it and `absorb
// import` checks it, so a file cut off (at a line, or in the middle of a number) or changed
// after export is refused instead of imported as something less. Version 1 exports have no
// end and still import. No SQLite here: the archive fuzz target builds it.
extension JournalArchive {
    /// The first version of the format whose exports carry an end with counts and a checksum.
    public static let firstVersionWithEnd = 2

    /// The kinds an end of version 2 counts, in the order it writes them.
    static let countedKinds = ["profiles", "targets", "favourites", "custom_foods", "portions", "recipes", "ingredients", "entries"]

    /// The first version whose exports hold check-ins and probiotics, and whose end counts them.
    public static let firstVersionWithCheckIns = 3

    /// The first version whose exports hold trials, and whose end counts them.
    public static let firstVersionWithTrials = 4

    /// The kinds an end of `version` counts, in the order it writes them.
    static func countedKinds(version: Int) -> [String] {
        if version >= firstVersionWithTrials { return countedKinds + ["check_ins", "probiotics", "trials"] }
        return version >= firstVersionWithCheckIns ? countedKinds + ["check_ins", "probiotics"] : countedKinds
    }

    /// The kinds an end that gives `count` counts names (8 for version 2, 10 for 3, 11 from 4).
    static func countedKinds(count: Int) -> [String] {
        if count > countedKinds.count + 2 { return countedKinds(version: firstVersionWithTrials) }
        return count > countedKinds.count ? countedKinds(version: firstVersionWithCheckIns) : countedKinds
    }

    /// How many items of each kind of `countedKinds(version:)` the archive holds.
    var counts: [Int] {
        let base = baseCounts
        guard version >= Self.firstVersionWithCheckIns else { return base }
        let withCheckIns = base + [profiles.reduce(0) { $0 + ($1.checkIns?.count ?? 0) },
                                   profiles.reduce(0) { $0 + ($1.probiotics?.count ?? 0) }]
        guard version >= Self.firstVersionWithTrials else { return withCheckIns }
        return withCheckIns + [profiles.reduce(0) { $0 + ($1.trials?.count ?? 0) }]
    }

    /// The counts of version 2's kinds.
    private var baseCounts: [Int] {
        [profiles.count,
         profiles.reduce(0) { $0 + $1.targets.count },
         profiles.reduce(0) { $0 + $1.favourites.count },
         customFoods.count,
         customFoods.reduce(0) { $0 + $1.portions.count },
         recipes.count,
         recipes.reduce(0) { $0 + $1.ingredients.count },
         profiles.reduce(0) { $0 + $1.entries.count }]
    }

    /// What an end says, as read from a file.
    struct End {
        var counts: [Int]
        var sha256: String
        /// Where it is, for messages ("file:line" or "file: end").
        var place: String
    }

    /// The CSV end section: its header row and its one row, with line endings.
    static func csvEnd(counts: [Int], sha256: String) -> String {
        CSVWriter.record(["record"] + countedKinds(count: counts.count) + ["sha256"]) + "\r\n"
            + CSVWriter.record(["end"] + counts.map(String.init) + [sha256]) + "\r\n"
    }

    /// The JSON end member, from the line that names it to the archive's closing brace.
    static func jsonEnd(counts: [Int], sha256: String) -> String {
        var text = "  \"end\" : {\n    \"counts\" : {\n"
        text += zip(countedKinds(count: counts.count), counts).map { "      \"\($0)\" : \($1)" }.joined(separator: ",\n")
        text += "\n    },\n    \"sha256\" : \"\(sha256)\"\n  }\n}\n"
        return text
    }

    /// Bytes without a leading UTF-8 byte-order mark (an editor may add one; the checksum
    /// is of what absorb wrote).
    static func withoutByteOrderMark(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
    }

    /// Checks that `bytes` are `covered` followed by exactly `suffix`, that the checksum of
    /// `covered` is the one the end gives and that the archive holds what the end counts.
    func checkEnd(_ end: End?, bytes: ArraySlice<UInt8>, fileName: String,
                  rendered: (_ counts: [Int], _ sha256: String) -> String) throws(ArchiveError) {
        guard version <= Self.currentVersion else { return }  // validate names a newer version
        guard let end else {
            guard version < Self.firstVersionWithEnd else {
                throw ArchiveError("\(fileName): the file is cut off: an export of version \(version) ends with counts and a checksum, and this one has none (it stops after \(describe(counts)))")
            }
            return
        }
        guard end.sha256.utf8.count == 64, end.sha256.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            throw ArchiveError("\(end.place): the checksum \"\(end.sha256.prefix(70))\" is not 64 hex digits: the file is cut off or damaged")
        }
        if end.counts != counts {
            let differences = zip(Self.countedKinds(version: version), zip(end.counts, counts)).filter { $1.0 != $1.1 }
                .map { "\($1.0) \($0.replacingOccurrences(of: "_", with: " ")) said, \($1.1) found" }
            throw ArchiveError("\(end.place): the file does not hold what its end counts (\(differences.joined(separator: "; "))): it was cut or changed after export")
        }
        let suffix = Array(rendered(end.counts, end.sha256).utf8)
        guard bytes.count >= suffix.count, bytes.suffix(suffix.count).elementsEqual(suffix) else {
            throw ArchiveError("\(end.place): the end is not as absorb writes it (cut off, or something added or changed after it)")
        }
        let covered = bytes.dropLast(suffix.count)
        guard SHA256.hex(covered) == end.sha256 else {
            throw ArchiveError("\(end.place): the checksum does not match the file's bytes: it was changed or damaged after export (an edited export is refused; every count still matches, so a value was changed)")
        }
    }

    /// "3 profiles, 120 entries" and the other kinds that are not zero.
    private func describe(_ counts: [Int]) -> String {
        let parts = zip(Self.countedKinds(version: version), counts).filter { $1 > 0 }.map { "\($1) \($0.replacingOccurrences(of: "_", with: " "))" }
        return parts.isEmpty ? "nothing" : parts.joined(separator: ", ")
    }

    /// Reads the JSON end member of `bytes`, if it has one: the text from the last line
    /// that opens `"end"` on.
    static func jsonEndMember(_ bytes: ArraySlice<UInt8>, fileName: String, version: Int) throws(ArchiveError) -> (End, coveredCount: Int)? {
        let marker = Array("\n  \"end\" : {".utf8)
        guard bytes.count > marker.count else { return nil }
        var start = bytes.endIndex - marker.count
        while start >= bytes.startIndex {
            if bytes[start] == marker[0], bytes[start..<start + marker.count].elementsEqual(marker) { break }
            start -= 1
        }
        guard start >= bytes.startIndex else { return nil }
        struct Wrapper: Decodable {
            struct Member: Decodable {
                var counts: [String: Int]
                var sha256: String
            }
            var end: Member
        }
        let remainder = bytes[(start + 1)...]
        guard let member = try? JSONDecoder().decode(Wrapper.self, from: Data([UInt8(ascii: "{")] + remainder)).end else {
            throw ArchiveError("\(fileName): end: the end member is cut off or damaged")
        }
        let counts = countedKinds(version: version).map { member.counts[$0] ?? -1 }
        return (End(counts: counts, sha256: member.sha256, place: "\(fileName): end"), start + 1 - bytes.startIndex)
    }
}
