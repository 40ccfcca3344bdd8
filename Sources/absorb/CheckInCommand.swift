import ArgumentParser
import Foundation
import Journal
import NutrientModel

/// `absorb check-in`: today's (or a day's) skin and gut check-in.
struct CheckInCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-in",
        abstract: "Record how the skin and the gut were: itch, inflamed spots, POEM, stool form (Bristol), bloating, a note.",
        discussion: """
            One check-in a day: a second one on the same day updates the values it gives and \
            keeps the others. Scales (Data/checkin_scales.csv, with their sources): --itch, peak \
            itch over the last 24 hours, 0 (none) to 10 (worst imaginable); --spots, inflamed \
            spots counted today; --bristol, stool form type 1 (hard lumps) to 7 (liquid); \
            --bloating, 0 (none) to 10. POEM, the Patient-Oriented Eczema Measure, is weekly: \
            --poem asks its seven questions in turn (answer 0 no days, 1 1-2 days, 2 3-4 days, \
            3 5-6 days, 4 every day); scripts give the seven answers in question order with \
            --poem-answers 1,2,0,4,3,2,1. Values are whole numbers; one outside its scale, a \
            date that is not one, or POEM answers out of range are refused and nothing is saved.
            """)

    @Option(name: .long, help: ArgumentHelp("The day the check-in is about, YYYY-MM-DD, today or yesterday (default: today).", valueName: "date"))
    var date: String?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Peak itch over the last 24 hours, 0 (none) to 10 (worst imaginable).", valueName: "0-10"))
    var itch: String?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Inflamed spots (papules, pustules, nodules) counted on the face today.", valueName: "count"))
    var spots: String?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Stool form, Bristol type 1 (hard lumps) to 7 (entirely liquid).", valueName: "1-7"))
    var bristol: String?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Bloating today, 0 (none) to 10 (worst imaginable).", valueName: "0-10"))
    var bloating: String?

    @Option(name: .long, help: ArgumentHelp("A short note (at most 500 bytes).", valueName: "text"))
    var note: String?

    @Flag(name: .long, help: "Answer the seven POEM questions about the last week, one at a time.")
    var poem = false

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("The seven POEM answers for scripts, each 0 to 4, in question order.", valueName: "a,b,c,d,e,f,g"))
    var poemAnswers: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        guard !(poem && poemAnswers != nil) else { throw CLIError("give either --poem (to be asked) or --poem-answers, not both") }
        guard itch != nil || spots != nil || bristol != nil || bloating != nil || note != nil || poem || poemAnswers != nil else {
            throw CLIError("say what to record: --itch N, --spots N, --bristol N, --bloating N, --note TEXT, --poem or --poem-answers A,B,C,D,E,F,G (absorb check-in --help says what each means)")
        }
        let day: LocalDate
        do { day = try parseDate(date, option: "--date") ?? LocalDate.today() } catch { throw CLIError("\(error). Nothing was saved.") }
        guard day <= LocalDate.today() else {
            throw CLIError("--date \(day): a check-in is about a day that has come (today is \(LocalDate.today())). Nothing was saved.")
        }
        // The tables are needed to read the values: every value is read before anything is saved.
        let session = try common.open()
        let scales = session.data.checkInScales
        func read(_ text: String?, _ scale: CheckInScale) throws -> Int? {
            guard let text else { return nil }
            do { return try scales.parse(text, for: scale) } catch {
                throw CLIError("--\(scale.rawValue): \(error.description). Nothing was saved.")
            }
        }
        var checkIn = CheckIn(date: day, itch: try read(itch, .itch), spots: try read(spots, .spots),
                              bristol: try read(bristol, .bristol), bloating: try read(bloating, .bloating))
        if let note {
            do {
                let checked = try TextRules.checked(note, "the note")
                guard checked.utf8.count <= CheckInScales.maxNoteBytes else {
                    throw CLIError("--note: a note is at most \(CheckInScales.maxNoteBytes) bytes, this one is \(checked.utf8.count). Nothing was saved.")
                }
                checkIn.note = checked
            } catch let error as TextError { throw CLIError("--note: \(error.description). Nothing was saved.") }
        }
        if let poemAnswers {
            do { checkIn.poemAnswers = try scales.parsePoemAnswers(poemAnswers) } catch {
                throw CLIError("--poem-answers: \(error.description). Nothing was saved.")
            }
        }
        if poem { checkIn.poemAnswers = try Self.askPoem(scales) }
        let saved: (checkIn: CheckIn, updated: Bool)
        do { saved = try session.journal.saveCheckIn(checkIn, profileID: session.profile.id, scales: scales) } catch {
            throw CLIError(error.description)
        }
        let name = TextRules.escaped(session.profile.profile.name)
        print("\(saved.updated ? "Updated the check-in" : "Checked in") for \(day.longDescription) (\(name)): \(Self.describe(saved.checkIn, scales))")
        let untracked = CheckInScale.allCases.filter { checkIn.value(of: $0) != nil && !session.profile.profile.trackedScales.contains($0) }
        if !untracked.isEmpty {
            print("  (\(untracked.map(\.rawValue).joined(separator: ", ")) \(untracked.count == 1 ? "is" : "are") not among \(name)'s scales: saved, and shown once chosen with absorb profile set --scales)")
        }
    }

    /// "itch 7/10 · Bristol 4 (usual) · POEM 13/28 (moderate eczema) · note "…"".
    static func describe(_ checkIn: CheckIn, _ scales: CheckInScales) -> String {
        var parts: [String] = []
        for scale in CheckInScale.allCases {
            guard let value = checkIn.value(of: scale) else { continue }
            let definition = scales.definition(scale)
            var text = "\(definition.shortName) \(value)"
            if scale != .spots { text += "/\(definition.range.upperBound)" }
            if let band = scales.band(of: value, on: scale) { text += " (\(band.name))" }
            parts.append(text)
        }
        if let note = checkIn.note { parts.append("note \(TextRules.quoted(TextRules.escaped(note)))") }
        return parts.joined(separator: " · ")
    }

    /// Asks the seven POEM questions on standard input, one at a time. On a terminal an
    /// answer that is not 0–4 is asked again; from a pipe it stops the check-in.
    static func askPoem(_ scales: CheckInScales) throws -> [Int] {
        let interactive = isatty(0) == 1
        let choices = scales.poemAnswers.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: " · ")
        print("POEM (Patient-Oriented Eczema Measure): \(scales.poemQuestions.count) questions about the last week.")
        print("Answer each with \(choices).")
        var answers: [Int] = []
        for question in scales.poemQuestions {
            while true {
                print("\(question.number)/\(scales.poemQuestions.count) \(question.text) ", terminator: "")
                fflush(nil)  // every stream: the prompt shows before the answer is read
                let read = readLine()
                if !interactive { print("") }  // what a pipe gave is not echoed: end the question's line
                guard let line = read else {
                    throw CLIError("POEM stopped at question \(question.number): no answer was given. Nothing was saved.")
                }
                // The seven answers on the first line at once ("1 2 0 4 3 2 1" or "1,2,0,4,3,2,1").
                let parts = line.split { $0 == " " || $0 == "," }
                if question.number == 1, parts.count == scales.poemQuestions.count,
                   let all = try? scales.parsePoemAnswers(parts.joined(separator: ",")) {
                    return all
                }
                if let answer = scales.poemAnswer(line) {
                    answers.append(answer)
                    break
                }
                let shown = TextRules.quoted(TextRules.escaped(line.trimmingCharacters(in: .whitespaces)))
                guard interactive else {
                    throw CLIError("POEM question \(question.number): \(shown) is not an answer (0 to \(scales.poemHighestAnswer)). Nothing was saved.")
                }
                print("  \(shown) is not an answer: type a number from 0 to \(scales.poemHighestAnswer) (\(choices))")
            }
        }
        return answers
    }
}

/// `absorb check-ins`: the check-ins of a range, as text, JSON or CSV.
struct CheckInsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-ins",
        abstract: "List the check-ins of a range of days (default: the last 30), as text, JSON or CSV.",
        discussion: """
            Text lists each day's values with the POEM and Bristol bands, then POEM by week \
            (7-day blocks counted back from the last day). JSON gives profile, from, to, scales (the \
            profile's), check_ins (date, itch, spots, poem_answers, poem_total, poem_band, bristol, \
            bristol_band, bloating, note; a value not recorded is null) and poem_weeks (from, to, \
            average, band). CSV has one row per check-in: date, itch, spots, poem_total, \
            poem_answers (separated by ;), bristol, bloating, note.
            """)

    @Option(name: .long, help: ArgumentHelp("First day (default: 29 days before --to).", valueName: "date"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Last day (default: today).", valueName: "date"))
    var to: String?

    @Option(name: .long, help: "text, json or csv.")
    var format: ReportFormat = .text

    @OptionGroup var common: CommonOptions

    func run() throws {
        let end = try parseDate(to, option: "--to") ?? LocalDate.today()
        let start = try parseDate(from, option: "--from") ?? end.adding(days: -29)
        guard start <= end else { throw CLIError("--from \(start) is after --to \(end)") }
        guard start.days(to: end) < 3660 else { throw CLIError("a list covers at most ten years") }
        let range = DateRange(from: start, to: end)
        let session = try common.open()
        let scales = session.data.checkInScales
        let checkIns = try session.journal.checkIns(profileID: session.profile.id, in: range)
        let review = SkinGutReview.make(range: range, checkIns: checkIns, tracked: [.poem], definitions: scales,
                                        figure: .fibre, figureDaily: Array(repeating: nil, count: range.dayCount))
        let poemWeeks = zip(review.weeks, review.scales[0].weekly).filter { $0.1 != nil }
        let tracked = session.profile.profile.trackedScales
        switch format {
        case .text:
            print("Check-ins · \(TextRules.escaped(session.profile.profile.name)) · \(start.longDescription) – \(end.longDescription)")
            print("Scales: \(tracked.map { scales.definition($0).shortName }.joined(separator: ", "))\(session.profile.profile.scales.isEmpty ? " (none chosen: all shown)" : "")")
            if checkIns.isEmpty {
                print("  no check-ins: record one with absorb check-in --itch N (absorb check-in --help)")
                return
            }
            for checkIn in checkIns {
                print("  \(checkIn.date)  \(CheckInCommand.describe(checkIn, scales))")
            }
            if !poemWeeks.isEmpty {
                print("POEM by week:")
                for (week, average) in poemWeeks {
                    let band = scales.band(ofAverage: average!, on: .poem)?.name ?? ""
                    print("  \(week.from) – \(week.to)  \(Format.number(average!, decimals: 1))/28  \(band)")
                }
            }
        case .json:
            func int(_ value: Int?) -> JSONValue { value.map { .number(Double($0)) } ?? .null }
            let rows: [JSONValue] = checkIns.map { c in
                .object([
                    ("date", .string(c.date.description)), ("itch", int(c.itch)), ("spots", int(c.spots)),
                    ("poem_answers", c.poemAnswers.map { .array($0.map { .number(Double($0)) }) } ?? .null),
                    ("poem_total", int(c.poemTotal)),
                    ("poem_band", .string(c.poemTotal.flatMap { scales.band(of: $0, on: .poem)?.name })),
                    ("bristol", int(c.bristol)), ("bristol_band", .string(c.bristol.flatMap { scales.band(of: $0, on: .bristol)?.name })),
                    ("bloating", int(c.bloating)), ("note", .string(c.note)),
                ])
            }
            let weeks: [JSONValue] = poemWeeks.map { week, average in
                .object([("from", .string(week.from.description)), ("to", .string(week.to.description)),
                         ("average", .number(average, decimals: 2)),
                         ("band", .string(scales.band(ofAverage: average!, on: .poem)?.name))])
            }
            print(JSONValue.object([
                ("profile", .string(session.profile.profile.name)), ("from", .string(start.description)), ("to", .string(end.description)),
                ("scales", .array(tracked.map { .string($0.rawValue) })), ("check_ins", .array(rows)), ("poem_weeks", .array(weeks)),
            ]).text)
        case .csv:
            var out = CSVWriter.record(["date", "itch", "spots", "poem_total", "poem_answers", "bristol", "bloating", "note"]) + "\r\n"
            func int(_ value: Int?) -> String { value.map(String.init) ?? "" }
            for c in checkIns {
                out += CSVWriter.record([c.date.description, int(c.itch), int(c.spots), int(c.poemTotal),
                                         c.poemAnswers.map { $0.map(String.init).joined(separator: ";") } ?? "",
                                         int(c.bristol), int(c.bloating), CSVWriter.guarded(c.note ?? "")]) + "\r\n"
            }
            print(out, terminator: "")
        }
    }
}

/// `absorb probiotic`: probiotics taken, by strain and CFU.
struct ProbioticCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probiotic", abstract: "Log probiotics taken, by strain and CFU; list them and the strains absorb knows.",
        subcommands: [Add.self, List.self, Strains.self, Remove.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Log a probiotic: absorb probiotic add lgg (a strain of `absorb probiotic strains`), or --strain NAME --cfu \"10 billion\" as a label gives it.")

        @Argument(help: ArgumentHelp("A strain's id or full name from `absorb probiotic strains`.", valueName: "strain"))
        var strain: String?

        @Option(name: .customLong("strain"), help: ArgumentHelp("Another strain, named as its label names it (with --cfu).", valueName: "name"))
        var labelStrain: String?

        @Option(name: .long, help: ArgumentHelp("The CFU taken, as the label gives it: 10 billion, 500 million, or digits (a table strain's default: its label amount times --units).", valueName: "cfu"))
        var cfu: String?

        @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("How many units (capsules, drops as the table gives them) of a table strain (default 1).", valueName: "n"))
        var units: String?

        @Option(name: .long, help: ArgumentHelp("The day taken, YYYY-MM-DD (default: today).", valueName: "date"))
        var date: String?

        @OptionGroup var common: CommonOptions

        func run() throws {
            let day: LocalDate
            do { day = try parseDate(date, option: "--date") ?? LocalDate.today() } catch { throw CLIError("\(error). Nothing was saved.") }
            let session = try common.open()
            let table = session.data.probiotics
            var dose: ProbioticDose
            // A name the table does not know, given with its label's CFU, is a label's strain.
            var strain = self.strain, labelStrain = self.labelStrain
            if let name = strain, labelStrain == nil, cfu != nil, table.strain(name) == nil {
                labelStrain = name
                strain = nil
            }
            switch (strain, labelStrain) {
            case (let id?, nil):
                guard let known = table.strain(id) else {
                    throw CLIError("no strain \(TextRules.quoted(TextRules.escaped(id))) in absorb's table (absorb probiotic strains lists them); for another, give --strain \"NAME\" --cfu \"10 billion\" as its label says. Nothing was saved.")
                }
                var count = 1.0
                if let units {
                    do { count = try NumberInput.option(units, allowingZero: false) } catch {
                        throw CLIError("--units \(error.description). Nothing was saved.")
                    }
                }
                var total = known.cfuPerUnit * count
                if let cfu {
                    guard units == nil else { throw CLIError("give --units or --cfu, not both") }
                    do { total = try ProbioticDose.parseCFU(cfu) } catch { throw CLIError("--cfu: \(error.description). Nothing was saved.") }
                }
                guard total <= ProbioticDose.maxCFU else { throw CLIError("--units \(units ?? ""): more than 10 trillion CFU; check the amount. Nothing was saved.") }
                dose = ProbioticDose(date: day, strain: known.name, strainID: known.id, cfu: total)
            case (nil, let name?):
                let checked: String
                do { checked = try TextRules.checked(name, "the strain") } catch { throw CLIError("--strain: \(error.description). Nothing was saved.") }
                guard let cfu else { throw CLIError("--strain needs --cfu, the CFU its label gives (as in --cfu \"10 billion\"). Nothing was saved.") }
                guard units == nil else { throw CLIError("--units goes with a strain of absorb's table; give the label's CFU with --cfu") }
                let total: Double
                do { total = try ProbioticDose.parseCFU(cfu) } catch { throw CLIError("--cfu: \(error.description). Nothing was saved.") }
                dose = ProbioticDose(date: day, strain: checked, strainID: table.strain(checked)?.id, cfu: total)
            case (_?, _?):
                throw CLIError("give a strain of the table or --strain NAME, not both")
            case (nil, nil):
                throw CLIError("say which probiotic: absorb probiotic add lgg, or --strain NAME --cfu \"10 billion\" (absorb probiotic strains lists the table's)")
            }
            let stored: StoredProbiotic
            do { stored = try session.journal.addProbiotic(dose, profileID: session.profile.id) } catch { throw CLIError(error.description) }
            print("Logged \(ProbioticDose.cfuText(dose.cfu)) of \(TextRules.escaped(dose.strain)) on \(day.longDescription) · probiotic \(stored.id)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the probiotics of a range (default: the last 30 days).")
        @Option(name: .long, help: ArgumentHelp("First day.", valueName: "date")) var from: String?
        @Option(name: .long, help: ArgumentHelp("Last day (default: today).", valueName: "date")) var to: String?
        @OptionGroup var common: CommonOptions

        func run() throws {
            let end = try parseDate(to, option: "--to") ?? LocalDate.today()
            let start = try parseDate(from, option: "--from") ?? end.adding(days: -29)
            guard start <= end else { throw CLIError("--from \(start) is after --to \(end)") }
            let session = try common.open()
            let doses = try session.journal.probiotics(profileID: session.profile.id, in: DateRange(from: start, to: end))
            print("Probiotics · \(TextRules.escaped(session.profile.profile.name)) · \(start) – \(end): \(Set(doses.map(\.dose.date)).count) day\(Set(doses.map(\.dose.date)).count == 1 ? "" : "s")")
            for stored in doses {
                print("  \(String(stored.id).leftPadded(to: 4))  \(stored.dose.date)  \(ProbioticDose.cfuText(stored.dose.cfu).padded(to: 20)) \(TextRules.escaped(stored.dose.strain))")
            }
        }
    }

    struct Strains: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "strains", abstract: "The strains absorb knows (Data/probiotics.csv), with a label's usual CFU and the source.")
        @OptionGroup var common: CommonOptions

        func run() throws {
            // The table only: the journal is not opened.
            let directory = try DataLocator.locate(option: common.data)
            let table: NutrientData
            do { table = try NutrientData(directory: directory, cache: DataLocator.cache()) } catch { throw CLIError(error.description) }
            for strain in table.probiotics.strains {
                print("\(strain.id.padded(to: 9)) \(strain.name)")
                print("          \(ProbioticDose.cfuText(strain.cfuPerUnit)) a \(strain.unit) · \(strain.source)")
            }
            print("Any other: absorb probiotic add --strain \"NAME AS ON THE LABEL\" --cfu \"10 billion\". Information, not a promise: the evidence for skin is modest and strain-specific.")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a probiotic by its id (see `absorb probiotic list`).")
        @Argument(help: ArgumentHelp("The probiotic's id.", valueName: "id")) var id: Int64
        @OptionGroup var common: CommonOptions

        func run() throws {
            let session = try common.open()
            guard try session.journal.removeProbiotic(id: id, profileID: session.profile.id) else {
                throw CLIError("there is no probiotic \(id) for \(TextRules.escaped(session.profile.profile.name)): see absorb probiotic list")
            }
            print("Removed probiotic \(id).")
        }
    }
}
