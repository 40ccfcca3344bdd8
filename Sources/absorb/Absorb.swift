import ArgumentParser
import Foundation
import Journal
import NutrientModel

/// The `absorb` command: the dashboard by default, and the scriptable commands.
@main
struct Absorb: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "absorb",
        abstract: "Track the nutrients your skin depends on — vitamins A, D, E, K and the essential fatty acids — against your own reference intakes.",
        discussion: """
            Food values come from the USDA SR28 database. Your journal is one SQLite file \
            ($XDG_DATA_HOME/absorb/journal.sqlite unless --journal or ABSORB_JOURNAL says otherwise). \
            The food table parsed from the data tables is kept in $XDG_CACHE_HOME/absorb (else \
            ~/.cache/absorb) for faster starts; it is used only for the same tables and the same \
            absorb, and ABSORB_NO_CACHE=1 turns it off.

            The gut–skin axis: `absorb check-in` records the day's skin and gut (itch 0-10, \
            inflamed spots, POEM weekly, Bristol stool form 1-7, bloating 0-10, a note; `--poem` \
            asks POEM's seven questions), `absorb check-ins` lists them, `absorb probiotic` logs \
            probiotics by strain and CFU, `absorb profile set --scales` chooses the scales a \
            person tracks, and `absorb summary` and the dashboard (c, s) show them beside the \
            nutrients, fibre, fermented and prebiotic foods.
            """,
        version: "0.4.0",
        subcommands: [DashboardCommand.self, Today.self, LogCommand.self, FoodsCommand.self, ProfileCommand.self, ReportCommand.self, GapsCommand.self, ExportCommand.self, ImportCommand.self, SummaryCommand.self, CheckInCommand.self, CheckInsCommand.self, ProbioticCommand.self, TrialCommand.self, DemoCommand.self],
        defaultSubcommand: DashboardCommand.self
    )

    /// Checks standard output's writes, then runs the command.
    static func main() {
        CrashNote.install()
        StandardOutput.prepare()
        var command: any ParsableCommand
        do { command = try parseAsRoot() } catch { exit(withError: error) }
        do {
            try command.run()
        } catch {
            // A message may quote a journal's text (a name, a food): escaped, as output is.
            let text = String(describing: error)
            let safe = TextRules.escaped(text, keepingLineBreaks: true)
            exit(withError: safe == text || error is ExitCode ? error : CLIError(safe))
        }
    }
}

/// Options every command takes: where the journal and the data tables are.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The journal file (default: $ABSORB_JOURNAL, else $XDG_DATA_HOME/absorb/journal.sqlite).", valueName: "path"))
    var journal: String?

    @Option(name: .long, help: ArgumentHelp("A Data/ folder to read the food and target tables from (default: $ABSORB_DATA, else the bundled tables).", valueName: "dir"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp("The profile to use, by name (default: the active one, as `absorb profile` last chose).", valueName: "name"))
    var profile: String?

    /// Opens the journal and loads the data, with the person's custom foods added.
    func open() throws -> Session {
        try Session(journalOption: journal, dataOption: data, profileName: profile)
    }
}

/// A failure the person can act on; printed to stderr with a non-zero exit.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
