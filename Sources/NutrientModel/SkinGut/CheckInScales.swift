/// The check-in scales as `Data/` defines them: each scale's range, cadence and meaning
/// (checkin_scales.csv), the bands of POEM and Bristol (scale_bands.csv), and POEM's seven
/// questions and five answers (poem_questions.csv, poem_answers.csv). Every check on a
/// check-in's values is made here, against these tables.
public struct CheckInScales: Sendable {
    /// One scale.
    public struct Definition: Sendable, Equatable {
        public let scale: CheckInScale
        public let name: String
        public let shortName: String
        public let range: ClosedRange<Int>
        public let meaning: String
        public let source: String
    }

    /// A named band of a scale's values (POEM 8–16 "moderate eczema").
    public struct Band: Sendable, Equatable {
        public let range: ClosedRange<Int>
        public let name: String
        public let source: String
    }

    /// A POEM question.
    public struct Question: Sendable, Equatable {
        public let number: Int
        public let text: String
    }

    public let definitions: [CheckInScale: Definition]
    public let bands: [CheckInScale: [Band]]
    public let poemQuestions: [Question]
    /// The answers of each POEM question, by score ("no days" is 0).
    public let poemAnswers: [Int: String]

    /// Reads the four tables.
    public init(scales: [UInt8], scalesFile: String, bands bandBytes: [UInt8], bandsFile: String,
                questions: [UInt8], questionsFile: String, answers: [UInt8], answersFile: String) throws(CSVError) {
        let scaleTable = try NamedCSVTable(bytes: scales, fileName: scalesFile,
                                           columns: ["scale", "name", "short", "min", "max", "cadence", "meaning", "source"])
        var definitions: [CheckInScale: Definition] = [:]
        for row in scaleTable.rows {
            guard let scale = CheckInScale(rawValue: row["scale"]) else {
                throw row.error("scale", "unknown scale \"\(row["scale"].prefix(40))\" (known: \(CheckInScale.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard definitions[scale] == nil else { throw row.error("scale", "the scale \(scale.rawValue) appears twice") }
            let low = try row.number("min"), high = try row.number("max")
            guard low == low.rounded(), high == high.rounded(), low >= 0, high > low, high <= 10_000 else {
                throw row.error("max", "a scale's min and max must be whole numbers, 0 ≤ min < max ≤ 10000")
            }
            let cadence = row["cadence"]
            guard cadence == (scale.isWeekly ? "weekly" : "daily") else {
                throw row.error("cadence", "\(scale.rawValue) is \(scale.isWeekly ? "weekly" : "daily"), found \"\(cadence.prefix(40))\"")
            }
            guard !row["name"].isEmpty, !row["short"].isEmpty else { throw row.error("name", "a scale needs a name and a short name") }
            definitions[scale] = Definition(scale: scale, name: row["name"], shortName: row["short"],
                                            range: Int(low)...Int(high), meaning: row["meaning"], source: row["source"])
        }
        for scale in CheckInScale.allCases where definitions[scale] == nil {
            throw CSVError(file: scalesFile, line: scaleTable.rows.count + 2, column: 1, message: "the scale \(scale.rawValue) is missing")
        }
        let bandTable = try NamedCSVTable(bytes: bandBytes, fileName: bandsFile, columns: ["scale", "from", "to", "band", "source"])
        var bands: [CheckInScale: [Band]] = [:]
        for row in bandTable.rows {
            guard let scale = CheckInScale(rawValue: row["scale"]), let definition = definitions[scale] else {
                throw row.error("scale", "unknown scale \"\(row["scale"].prefix(40))\"")
            }
            let from = try row.number("from"), to = try row.number("to")
            guard from == from.rounded(), to == to.rounded(), from <= to,
                  definition.range.contains(Int(from)), definition.range.contains(Int(to)) else {
                throw row.error("to", "a band must be whole numbers from ≤ to within \(scale.rawValue)'s \(definition.range.lowerBound)–\(definition.range.upperBound)")
            }
            let previous = bands[scale]?.last?.range.upperBound
            guard previous == nil || Int(from) == previous! + 1 else {
                throw row.error("from", "\(scale.rawValue)'s bands must follow one another without a gap or an overlap (the last ended at \(previous!))")
            }
            bands[scale, default: []].append(Band(range: Int(from)...Int(to), name: row["band"], source: row["source"]))
        }
        for (scale, list) in bands where list.first?.range.lowerBound != definitions[scale]?.range.lowerBound
            || list.last?.range.upperBound != definitions[scale]?.range.upperBound {
            throw CSVError(file: bandsFile, line: 2, column: 1, message: "\(scale.rawValue)'s bands must cover its whole range")
        }
        let questionTable = try NamedCSVTable(bytes: questions, fileName: questionsFile, columns: ["number", "question", "source"])
        var poemQuestions: [Question] = []
        for row in questionTable.rows {
            let number = try row.number("number")
            guard number == Double(poemQuestions.count + 1) else {
                throw row.error("number", "questions are numbered 1, 2, 3… in order")
            }
            poemQuestions.append(Question(number: Int(number), text: row["question"]))
        }
        let answerTable = try NamedCSVTable(bytes: answers, fileName: answersFile, columns: ["score", "answer", "source"])
        var poemAnswers: [Int: String] = [:]
        for row in answerTable.rows {
            let score = try row.number("score")
            guard score == Double(poemAnswers.count) else { throw row.error("score", "answers are scored 0, 1, 2… in order") }
            poemAnswers[Int(score)] = row["answer"]
        }
        guard let poem = definitions[.poem], !poemQuestions.isEmpty, poemAnswers.count >= 2,
              poemQuestions.count * (poemAnswers.count - 1) == poem.range.upperBound, poem.range.lowerBound == 0 else {
            throw CSVError(file: questionsFile, line: 1, column: 1,
                           message: "POEM's questions times its highest answer must be its maximum total in checkin_scales.csv")
        }
        self.definitions = definitions
        self.bands = bands
        self.poemQuestions = poemQuestions
        self.poemAnswers = poemAnswers
    }

    /// A scale's definition.
    public func definition(_ scale: CheckInScale) -> Definition { definitions[scale]! }

    /// The highest score of one POEM answer (4: every day).
    public var poemHighestAnswer: Int { poemAnswers.keys.max() ?? 0 }

    /// The band a value of a scale falls in, if the scale has bands.
    public func band(of value: Int, on scale: CheckInScale) -> Band? {
        bands[scale]?.first { $0.range.contains(value) }
    }

    /// The band of an average (a week's POEM): the average rounded to the nearest whole
    /// number, a half upwards, since bands are of whole totals.
    public func band(ofAverage value: Double, on scale: CheckInScale) -> Band? {
        band(of: Int((value + 0.5).rounded(.down)), on: scale)
    }

    /// "itch must be a whole number from 0 (…) to 10 (…)": the rule of a scale.
    public func rule(_ scale: CheckInScale) -> String {
        let definition = definition(scale)
        return "\(scale.rawValue) must be a whole number from \(definition.range.lowerBound) to \(definition.range.upperBound) (\(definition.meaning))"
    }

    /// Reads a value typed for a scale (`--itch 7`), or says the scale's rule. Digits only,
    /// as every number absorb reads (no `0x10`, `1e1`, `7,5`).
    public func parse(_ text: String, for scale: CheckInScale) throws(CheckInError) -> Int {
        let trimmed = text.trimmingSpaces()
        var digits = trimmed[...]
        let negative = digits.hasPrefix("-")
        if negative { digits = digits.dropFirst() }
        if let reason = NumberInput.ambiguity(in: digits) { throw CheckInError("\(rule(scale)); \"\(trimmed.prefix(40))\": \(reason)") }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }), digits.utf8.count <= 9,
              let magnitude = Int(digits) else {
            throw CheckInError("\(rule(scale)), found \"\(trimmed.prefix(40))\"")
        }
        let value = negative ? -magnitude : magnitude
        try check(value, for: scale)
        return value
    }

    /// Checks a value of a scale is in its range.
    public func check(_ value: Int, for scale: CheckInScale) throws(CheckInError) {
        guard definition(scale).range.contains(value) else { throw CheckInError("\(rule(scale)), found \(value)") }
    }

    /// Reads the seven POEM answers typed for a script ("1,2,0,4,3,2,1"), or says why not.
    public func parsePoemAnswers(_ text: String) throws(CheckInError) -> [Int] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
        let count = poemQuestions.count, high = poemHighestAnswer
        guard parts.count == count else {
            throw CheckInError("POEM needs \(count) answers, one per question, comma-separated, each 0 to \(high) (as in 1,2,0,4,3,2,1); found \(parts.count)")
        }
        var answers: [Int] = []
        for (index, part) in parts.enumerated() {
            guard !part.isEmpty, part.utf8.count <= 3, part.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let value = Int(part),
                  (0...high).contains(value) else {
                throw CheckInError("POEM answer \(index + 1) must be a whole number from 0 (\(poemAnswers[0] ?? "")) to \(high) (\(poemAnswers[high] ?? "")), found \"\(part.prefix(40))\"")
            }
            answers.append(value)
        }
        return answers
    }

    /// Reads one answer typed at the POEM prompt: the score (0–4), or `nil` if it is not one.
    public func poemAnswer(_ text: String) -> Int? {
        let trimmed = text.trimmingSpaces()
        guard trimmed.utf8.count == 1, let value = Int(trimmed), poemAnswers[value] != nil else { return nil }
        return value
    }

    /// The longest note a check-in keeps, in bytes.
    public static let maxNoteBytes = 500

    /// Checks every value of a check-in (a note is checked by `TextRules` where it is typed).
    public func validate(_ checkIn: CheckIn) throws(CheckInError) {
        for scale in CheckInScale.allCases where scale != .poem {
            if let value = checkIn.value(of: scale) { try check(value, for: scale) }
        }
        if let answers = checkIn.poemAnswers {
            guard answers.count == poemQuestions.count else {
                throw CheckInError("POEM needs \(poemQuestions.count) answers, found \(answers.count)")
            }
            for (index, answer) in answers.enumerated() where !(0...poemHighestAnswer).contains(answer) {
                throw CheckInError("POEM answer \(index + 1) must be a whole number from 0 to \(poemHighestAnswer), found \(answer)")
            }
        }
        if let note = checkIn.note, note.utf8.count > Self.maxNoteBytes {
            throw CheckInError("a note is at most \(Self.maxNoteBytes) bytes, found \(note.utf8.count)")
        }
    }
}
