import ArgumentParser
import Brands
import CodeGen
import Core
import Foundation

/// `mockpilot generate`: DesignSpec JSON Lines in, GenerateResponse JSON Lines out.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate React + Tailwind components from DesignSpec JSON Lines.",
        discussion: """
        Each input line is a DesignSpec ({"spec_id": "c1.v1", "component": "button", "styles": ["pill"], ...}); \
        each output line is {"spec_id", "jsx", "tailwind", "named_exports"}. A bad line is reported on \
        stderr as FILE:LINE and skipped; the command then exits non-zero.
        """)

    @Argument(help: "A JSON Lines file of DesignSpecs, or - for standard input.")
    var input: String = "-"

    @Option(help: "The Themes folder holding design_mapper.yaml (default: found next to the binary).")
    var themes: String?

    func run() throws {
        let generator = TemplateGenerator(brands: try loadBrands())
        let (name, text) = try readInput()
        var failures = 0
        for (number, line) in JSONLines.numberedLines(text) {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            do {
                let spec = try SpecLines.decode(line, file: name, line: number)
                do {
                    print(try JSONLines.encode(try generator.generate(spec)))
                } catch let error as CodeGenError {
                    throw CodeGenError.badLine(file: name, line: number, reason: error.localizedDescription)
                }
            } catch {
                failures += 1
                FileHandle.standardError.write(Data(("error: " + error.localizedDescription + "\n").utf8))
            }
        }
        if failures > 0 {
            throw GenerateFailure(description: "\(failures) spec line\(failures == 1 ? "" : "s") in \(name) could not be generated")
        }
    }

    private func readInput() throws -> (String, String) {
        if input == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return ("<stdin>", String(decoding: data, as: UTF8.self))
        }
        guard let data = FileManager.default.contents(atPath: input) else {
            throw GenerateFailure(description: "cannot read \(input): no such file or not readable")
        }
        return (input, String(decoding: data, as: UTF8.self))
    }

    private func loadBrands() throws -> BrandTable {
        guard let dir = ThemesLocator.locate(configured: themes) else {
            throw GenerateFailure(description: "no Themes/design_mapper.yaml found; pass --themes DIR or set MOCKPILOT_THEMES")
        }
        // The user's own brands live next to mockpilot.conf.
        let userFile = URL(fileURLWithPath: Paths.userConfig()).deletingLastPathComponent()
            .appendingPathComponent("design_mapper.yaml").path
        do {
            return try BrandTable.load(themesDirectory: dir, userFile: userFile)
        } catch {
            throw GenerateFailure(description: error.localizedDescription)
        }
    }
}

/// A failure shown as one line ("Error: ..."), without the usage text a ValidationError adds.
struct GenerateFailure: Error, CustomStringConvertible {
    let description: String
}
