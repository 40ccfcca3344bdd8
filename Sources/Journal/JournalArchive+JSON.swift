import Foundation
import NutrientModel

// The archive as JSON, written and read. No SQLite here: the archive fuzz target builds it.
extension JournalArchive {
    /// The JSON text: keys sorted and indented, so two exports of the same journal are
    /// the same bytes and a diff between two is readable.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Every number in an archive is finite (the journal's checks refuse the rest).
        let data = (try? encoder.encode(self)) ?? Data()
        // The encoder's text ends "\n}"; the end member goes last, after a comma, and its
        // checksum is of every byte before its line.
        var covered = String(decoding: data, as: UTF8.self)
        guard covered.hasSuffix("\n}") else { return covered + "\n" }
        covered.removeLast(2)
        covered += ",\n"
        return covered + Self.jsonEnd(counts: counts, sha256: SHA256.hex(Array(covered.utf8)))
    }

    /// Reads a JSON archive; a malformed one is reported with the path of the bad value.
    public static func read(json bytes: [UInt8], fileName: String) throws(ArchiveError) -> JournalArchive {
        let archive = try decode(json: bytes, fileName: fileName)
        let content = withoutByteOrderMark(bytes)
        let end = try jsonEndMember(content, fileName: fileName, version: archive.version)
        try archive.checkEnd(end?.0, bytes: content, fileName: fileName, rendered: jsonEnd)
        return archive
    }

    private static func decode(json bytes: [UInt8], fileName: String) throws(ArchiveError) -> JournalArchive {
        do {
            return try JSONDecoder().decode(JournalArchive.self, from: Data(bytes))
        } catch let error as DecodingError {
            func path(_ context: DecodingError.Context) -> String {
                var text = ""
                for key in context.codingPath {
                    if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
                }
                return text.isEmpty ? fileName : "\(fileName): \(text)"
            }
            switch error {
            case .typeMismatch(let type, let context):
                throw ArchiveError("\(path(context)): expected \(describe(type)). Nothing was imported.")
            case .valueNotFound(let type, let context):
                throw ArchiveError("\(path(context)): expected \(describe(type)), found null. Nothing was imported.")
            case .keyNotFound(let key, let context):
                throw ArchiveError("\(path(context)): the key \"\(key.stringValue)\" is missing. Nothing was imported.")
            case .dataCorrupted(let context):
                let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
                throw ArchiveError("\(path(context)): not valid JSON (\(underlying ?? context.debugDescription)). Nothing was imported.")
            @unknown default:
                throw ArchiveError("\(fileName): \(error). Nothing was imported.")
            }
        } catch {
            throw ArchiveError("\(fileName): \(error). Nothing was imported.")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Int.Type: return "a number"
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        default: return "\(type)".contains("Array") ? "a list" : "an object"
        }
    }
}
