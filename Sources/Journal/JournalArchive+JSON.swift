import Foundation

// The archive as JSON, written and read. No SQLite here: the archive fuzz target builds it.
extension JournalArchive {
    /// The JSON text: keys sorted and indented, so two exports of the same journal are
    /// the same bytes and a diff between two is readable.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Every number in an archive is finite (the journal's checks refuse the rest).
        let data = (try? encoder.encode(self)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Reads a JSON archive; a malformed one is reported with the path of the bad value.
    public static func read(json bytes: [UInt8], fileName: String) throws(ArchiveError) -> JournalArchive {
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
