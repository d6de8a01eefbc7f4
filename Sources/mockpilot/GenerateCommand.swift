import ArgumentParser
import Brands
import CodeGen
import Core
import Config
import Foundation
import JSX
import LLM

/// `mockpilot generate`: DesignSpec JSON Lines in, GenerateResponse JSON Lines out; offline
/// templates by default, a model when `--backend` or `[llm] backend` names one.
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate React + Tailwind components from DesignSpec JSON Lines.",
        discussion: """
        Each input line is a DesignSpec ({"spec_id": "c1.v1", "component": "button", "styles": ["pill"], ...}); \
        each output line is {"spec_id", "jsx", "tailwind", "named_exports"}. A bad line is reported on \
        stderr as FILE:LINE and skipped; the command then exits non-zero. With a model backend every \
        answer is checked like a template's; a rejected answer gets one repair round, then the template is \
        used. Notes (who wrote each component, what was rejected, tokens used) go to stderr.
        """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A JSON Lines file of DesignSpecs, or - for standard input.")
    var input: String = "-"

    @Option(help: "The Themes folder holding design_mapper.yaml (default: found next to the binary).")
    var themes: String?

    @Option(help: ArgumentHelp("Who writes the code: template (offline), openai, anthropic or compatible (default: [llm] backend).",
                               valueName: "backend"))
    var backend: String?

    @Option(help: "The model name (default: [llm] model, else the backend's default).")
    var model: String?

    @Option(name: .customLong("base-url"), help: "The API's base URL, e.g. http://localhost:11434/v1 for Ollama (default: [llm] base_url).")
    var baseURL: String?

    func run() async throws {
        let settings = try global.settings()
        let brands = try loadBrands()
        let generator = TemplateGenerator(brands: brands)
        let modelGenerator = try makeModelGenerator(settings: settings, templates: generator)
        let (name, text) = try readInput()
        var failures = 0
        for (number, line) in JSONLines.numberedLines(text) {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            do {
                let spec = try SpecLines.decode(line, file: name, line: number)
                do {
                    if let modelGenerator {
                        try await generateWithModel(spec, modelGenerator, brands: brands, settings: settings)
                    } else {
                        let response = try generator.generate(spec)
                        print(try JSONLines.encode(response))
                        await runHook(settings.postGenerateHook, response)
                    }
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

    /// nil for the offline path; throws one clear line for a backend that cannot be set up.
    private func makeModelGenerator(settings: Settings, templates: TemplateGenerator) throws -> LLMComponentGenerator? {
        do {
            guard let configuration = try LLMConfiguration.configured(
                backend: backend ?? settings.llmBackend, model: model ?? settings.llmModel, baseURL: baseURL ?? settings.llmBaseURL,
                openAIKey: settings.openAIKey, anthropicKey: settings.anthropicKey, timeoutSeconds: settings.llmTimeoutSeconds)
            else { return nil }
            return LLMComponentGenerator(client: LLMClient(configuration: configuration),
                                         checker: JSXChecker(allowedImports: Set(settings.allowedImports)), templates: templates)
        } catch {
            throw GenerateFailure(description: error.localizedDescription)
        }
    }

    private func generateWithModel(_ spec: DesignSpec, _ generator: LLMComponentGenerator, brands: BrandTable,
                                   settings: Settings) async throws {
        // Brand tokens first, the spec's own resolved tokens over them.
        var tokens: [String: String] = [:]
        for ref in spec.brandRefs { tokens.merge(brands.brand(named: ref)?.tokens ?? [:]) { _, new in new } }
        tokens.merge(spec.themeTokens) { _, new in new }
        let result = await generator.generate(spec: spec, tokens: tokens, current: nil)
        for note in result.notes { FileHandle.standardError.write(Data("\(spec.specID): \(note)\n".utf8)) }
        guard let response = result.response else {
            throw GenerateFailure(description: "\(spec.specID): no component could be generated")
        }
        print(try JSONLines.encode(response))
        await runHook(settings.postGenerateHook, response)
    }

    /// The configured post_generate hook (e.g. a linter) on the component; its verdict goes to stderr.
    private func runHook(_ command: String, _ response: GenerateResponse) async {
        guard !command.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        let result = await Hooks.postGenerate(command: command, jsx: response.jsx)
        let mark = result.failed ? "marked: " : ""
        FileHandle.standardError.write(Data("\(response.specID): \(mark)\(result.summary)\n".utf8))
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
