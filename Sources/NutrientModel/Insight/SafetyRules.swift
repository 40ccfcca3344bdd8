/// The facts behind absorb's safety cautions, from `Data/safety.csv`: which foods carry
/// the retinol that pregnancy advice warns of, and the caution's source.
public struct SafetyRules: Sendable {
    /// Words of a description that mark liver, a liver product or cod liver oil.
    let pregnancyRetinolWords: Set<String>
    /// Words that mark a supplement (a softgel, "retinyl palmitate").
    let retinolSupplementWords: Set<String>
    /// The pregnancy caution's reason and source.
    public let pregnancyRetinolReason: String
    public let pregnancyRetinolSource: String

    /// Reads `safety.csv`.
    public init(bytes: [UInt8], fileName: String) throws(CSVError) {
        let table = try NamedCSVTable(bytes: bytes, fileName: fileName, columns: ["kind", "value", "reason", "source"])
        var pregnancy: Set<String> = [], supplements: Set<String> = []
        var reason: String?, source = ""
        for row in table.rows {
            let value = row["value"].lowercased()
            switch row["kind"] {
            case "pregnancy_retinol_word": pregnancy.insert(value)
            case "retinol_supplement_word": supplements.insert(value)
            case "caution_source":
                guard value == "pregnancy_retinol" else {
                    throw row.error("value", "unknown caution \"\(row["value"])\" (known: pregnancy_retinol)")
                }
                reason = row["reason"]
                source = row["source"]
            default:
                throw row.error("kind", "kind must be pregnancy_retinol_word, retinol_supplement_word or caution_source, found \"\(row["kind"])\"")
            }
        }
        guard let reason else {
            throw CSVError(file: fileName, line: 1, column: 1, message: "no caution_source row for pregnancy_retinol")
        }
        self.pregnancyRetinolWords = pregnancy
        self.retinolSupplementWords = supplements
        self.pregnancyRetinolReason = reason
        self.pregnancyRetinolSource = source
    }

    /// Whether a food is one that pregnancy advice says to avoid for its retinol: liver,
    /// a liver product or cod liver oil by its description; or a supplement (from the
    /// supplement table, or a food whose description names a supplement) that has
    /// retinol, or vitamin A whose retinol is not known.
    /// A food's measures count as its description does ("1 softgel").
    func isPregnancyRetinolSource(description: String, values: FoodValues, source: FoodSource,
                                  measures: [Portion] = []) -> Bool {
        let words = FoodWords.words(of: description)
        if words.contains(where: pregnancyRetinolWords.contains) { return true }
        let mayHaveRetinol = (values[.retinol] ?? values[.vitaminA] ?? 0) > 0
        guard mayHaveRetinol else { return false }
        if source == .supplement || words.contains(where: retinolSupplementWords.contains) { return true }
        return measures.contains { FoodWords.words(of: $0.description).contains(where: retinolSupplementWords.contains) }
    }
}
