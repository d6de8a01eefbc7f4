import ArgumentParser
import Brands
import CodeGen
import Core
import Config
import Foundation
import JSX
import LLM

/// `mockpilot generate`: DesignSpec (or IntentMsg) JSON Lines in, GenerateResponse JSON Lines out;
/// offline templates by default, a model when `--backend` or `[llm] backend` names one. Every
/// component passes the same JSX check as `run` and `check` (with `output.allowed_imports`) before
/// it is printed.
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate React + Tailwind components from DesignSpec or IntentMsg JSON Lines.",
        discussion: """
        Each input line is a DesignSpec ({"spec_id": "c1.v1", "component": "button", "styles": ["pill"], ...}) \
        or an IntentMsg as `mockpilot extract` prints it ({"utterance_id": "u1", "component": "button", ...}), \
        which is resolved to a spec as a meeting would: a refinement ("make it bigger") is the next version \
        of the component before it. Each output line is {"spec_id", "jsx", "tailwind", "named_exports"}. \
        Every component must pass the JSX check (as `mockpilot check`) before it is printed. A bad line, or \
        a component that fails the check, is reported on stderr as FILE:LINE and skipped; the command then \
        exits non-zero. With a model backend a rejected answer gets one repair round, then the template is \
        used; a model that fails or stalls also leaves the template. Notes (who wrote each component, what \
        was rejected, tokens used) go to stderr.
        """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A JSON Lines file of DesignSpecs or IntentMsgs, or - for standard input.")
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
        let templates = TemplateGenerator(brands: brands)
        // The rules `run` writes by and `check` reports by.
        let checker = JSXChecker(allowedImports: Set(settings.allowedImports))
        let modelGenerator = try makeModelGenerator(settings: settings, templates: templates, checker: checker)
        var sequence = SpecSequence(resolver: SpecResolver(brands: brands))
        // The latest code of each component, which a model rewrites for a refinement.
        var current: [String: String] = [:]
        let (name, text) = try readInput()
        var failures = 0
        for (number, line) in JSONLines.numberedLines(text) {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            do {
                let spec: DesignSpec
                switch try SpecLines.read(line, file: name, line: number) {
                case .spec(let given):
                    spec = given
                case .intent(let intent):
                    guard let resolved = sequence.spec(for: intent) else {
                        note("\(name):\(number): \(intent.utteranceID) asks for a change, but no component exists yet")
                        continue
                    }
                    spec = resolved
                }
                let component = String(spec.specID.prefix { $0 != "." })
                let response: GenerateResponse
                do {
                    if let modelGenerator {
                        response = try await generateWithModel(spec, modelGenerator, brands: brands, current: current[component])
                    } else {
                        response = try templates.generate(spec)
                    }
                } catch let error as CodeGenError {
                    throw CodeGenError.badLine(file: name, line: number, reason: error.localizedDescription)
                }
                let diagnostics = checker.check(response.jsx)
                guard diagnostics.isEmpty else {
                    throw GenerateFailure(description: "\(name):\(number): \(spec.specID) failed the JSX check, so it is not printed: "
                                          + diagnostics.map(\.description).joined(separator: "; "))
                }
                current[component] = response.jsx
                print(try JSONLines.encode(response))
                await runHook(settings.postGenerateHook, response)
            } catch {
                failures += 1
                FileHandle.standardError.write(Data(("error: " + error.localizedDescription + "\n").utf8))
            }
        }
        if failures > 0 {
            throw GenerateFailure(description: "\(failures) line\(failures == 1 ? "" : "s") in \(name) could not be generated")
        }
    }

    private func note(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// nil for the offline path; throws one clear line for a backend that cannot be set up.
    private func makeModelGenerator(settings: Settings, templates: TemplateGenerator, checker: JSXChecker) throws -> LLMComponentGenerator? {
        do {
            guard let configuration = try LLMConfiguration.configured(
                backend: backend ?? settings.llmBackend, model: model ?? settings.llmModel, baseURL: baseURL ?? settings.llmBaseURL,
                openAIKey: settings.openAIKey, anthropicKey: settings.anthropicKey, compatibleKey: settings.compatibleKey,
                timeoutSeconds: settings.llmTimeoutSeconds)
            else { return nil }
            for line in configuration.notes { note("note: " + line) }
            return LLMComponentGenerator(client: LLMClient(configuration: configuration), checker: checker, templates: templates)
        } catch {
            throw GenerateFailure(description: error.localizedDescription)
        }
    }

    private func generateWithModel(_ spec: DesignSpec, _ generator: LLMComponentGenerator, brands: BrandTable,
                                   current: String?) async throws -> GenerateResponse {
        // Brand tokens first, the spec's own resolved tokens over them.
        var tokens: [String: String] = [:]
        for ref in spec.brandRefs { tokens.merge(brands.brand(named: ref)?.tokens ?? [:]) { _, new in new } }
        tokens.merge(spec.themeTokens) { _, new in new }
        let result = await generator.generate(spec: spec, tokens: tokens, current: current)
        for line in result.notes { note("\(spec.specID): \(line)") }
        guard let response = result.response else {
            throw GenerateFailure(description: "\(spec.specID): no component could be generated")
        }
        return response
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
struct GenerateFailure: LocalizedError, CustomStringConvertible {
    let description: String
    var errorDescription: String? { description }
}
