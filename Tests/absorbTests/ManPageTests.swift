import Foundation
import XCTest

/// `man/absorb.1`, written by `scripts/generate-man-page.sh` from absorb's own help: it
/// must be current (every command, option and help line of this build is in it) and a
/// real page (`man` and `groff` read it without a warning, µ and — kept).
final class ManPageTests: XCTestCase {
    static let page = AbsorbProcess.packageRoot.appendingPathComponent("man/absorb.1")

    /// The page's text with its escapes read back: `\[u00B5]` → µ, `\(dq` → ", `\e` → \.
    private func pageText() throws -> String {
        var text = try String(contentsOf: Self.page, encoding: .utf8)
        while let range = text.range(of: #"\\\[u[0-9A-F]{4}\]"#, options: .regularExpression) {
            let hex = text[range].dropFirst(3).dropLast()
            text.replaceSubrange(range, with: String(Character(Unicode.Scalar(UInt32(hex, radix: 16)!)!)))
        }
        return text.replacingOccurrences(of: #"\(dq"#, with: "\"").replacingOccurrences(of: #"\&"#, with: "")
            .replacingOccurrences(of: #"\e"#, with: "\\")
    }

    func testThePageHasEveryCommandOptionAndHelpLineOfThisBuild() throws {
        let result = try AbsorbProcess(journal: "/nonexistent/unused.sqlite").run(["--experimental-dump-help"], useJournalOption: false)
        XCTAssertEqual(result.status, 0, result.stderr)
        let dump = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let page = try pageText()
        var missing: [String] = []
        func visit(_ command: [String: Any], path: String) {
            let name = command["commandName"] as? String ?? ""
            if !path.isEmpty, !page.contains("Em \(name)") { missing.append("the command \(path)") }
            if let abstract = command["abstract"] as? String, !abstract.isEmpty, !page.contains(abstract) {
                missing.append("\(path.isEmpty ? "absorb" : path)'s abstract: \(abstract)")
            }
            for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["shouldDisplay"] as? Bool ?? true {
                let names = (argument["names"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "long" }
                for long in names.compactMap({ $0["name"] as? String }) where !page.contains("Fl -\(long)") && !page.contains(", -\(long)") {
                    missing.append("\(path) --\(long)")
                }
                if let abstract = argument["abstract"] as? String, !abstract.isEmpty, !page.contains(abstract) {
                    missing.append("\(path) \(names.first?["name"] as? String ?? "argument"): \(abstract)")
                }
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] where (sub["commandName"] as? String) != "help" {
                visit(sub, path: (path.isEmpty ? "" : path + " ") + (sub["commandName"] as? String ?? ""))
            }
        }
        visit(try XCTUnwrap(dump["command"] as? [String: Any]), path: "")
        XCTAssertEqual(missing, [], "man/absorb.1 is not current: run scripts/generate-man-page.sh")
        XCTAssertTrue(page.contains("µg RAE"), "the page lost its µ (the generator drops what is not ASCII)")
        XCTAssertTrue(page.contains("depends on — vitamins"))
    }

    func testManAndGroffReadThePageWithoutAWarning() throws {
        for tool in ["/usr/bin/groff", "/usr/bin/man"] where !FileManager.default.isExecutableFile(atPath: tool) {
            throw XCTSkip("\(tool) is not installed")
        }
        let groff = try AbsorbProcess.runProgram("/usr/bin/groff", ["-mdoc", "-Tutf8", "-ww", "-z", Self.page.path])
        XCTAssertEqual(groff.status, 0, groff.stderr)
        XCTAssertEqual(groff.stderr, "", "groff warned")
        var environment = ProcessInfo.processInfo.environment
        environment["MANWIDTH"] = "80"
        environment["LANG"] = "C.UTF-8"
        environment["MANPAGER"] = "cat"
        let man = try AbsorbProcess.runProgram("/usr/bin/man", ["-l", Self.page.path], environment: environment)
        XCTAssertEqual(man.status, 0, man.stderr)
        XCTAssertTrue(man.stdout.contains("SYNOPSIS"), man.stdout)
        XCTAssertTrue(man.stdout.contains("--from cronometer"), "the page documents the Cronometer import")
        XCTAssertTrue(man.stdout.contains("µg RAE"))
    }
}
