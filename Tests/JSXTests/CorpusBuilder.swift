import Foundation
import TestSupport

/// Builds the differential-test corpus in a temporary folder: the hand-written components, any
/// extra folders of `.jsx` files, every template output (`TemplateCorpus`), generated variants,
/// and seeded broken copies of all of them.
struct CorpusBuilder {
    /// Folders of `.jsx` files, relative to the repository root. Add a folder here (one line) to add it to the corpus.
    static let directories = [
        "Tests/JSXTests/Corpus",
        "Tests/JSXTests/EdgeCases",
    ]

    var generated = 150
    /// MOCKPILOT_JSX_MUTATIONS / MOCKPILOT_JSX_SEED widen the corpus for a longer soak run.
    var mutationsPerFile = Int(ProcessInfo.processInfo.environment["MOCKPILOT_JSX_MUTATIONS"] ?? "") ?? 2
    var seed = UInt64(ProcessInfo.processInfo.environment["MOCKPILOT_JSX_SEED"] ?? "") ?? 5

    /// Writes the corpus under `root` and returns the file paths.
    func build(in root: URL) throws -> [URL] {
        let fm = FileManager.default
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        var valid: [(String, String)] = []
        var extra = Self.directories
        if let env = ProcessInfo.processInfo.environment["MOCKPILOT_JSX_CORPUS"] {
            extra += env.split(separator: ":").map(String.init)
        }
        for dir in extra {
            let url = dir.hasPrefix("/") ? URL(fileURLWithPath: dir) : Repository.root.appendingPathComponent(dir)
            let names = (try? fm.contentsOfDirectory(atPath: url.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".jsx") {
                let text = try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
                valid.append((url.lastPathComponent + "-" + name, text))
            }
        }
        valid += try TemplateCorpus.sources(repository: Repository.root)
        var generator = ComponentGenerator(random: SeededRandom(seed: seed))
        for i in 0..<generated {
            valid.append(("gen-\(i).jsx", generator.component(index: i)))
        }
        var mutator = Mutator(random: SeededRandom(seed: seed &+ 1))
        var files: [URL] = []
        for (name, text) in valid {
            let url = root.appendingPathComponent(name)
            try text.write(to: url, atomically: false, encoding: .utf8)
            files.append(url)
            for m in 0..<mutationsPerFile {
                let (broken, kind) = mutator.mutate(text)
                let murl = root.appendingPathComponent("mut-\(m)-\(kind.rawValue)-\(name)")
                try broken.write(to: murl, atomically: false, encoding: .utf8)
                files.append(murl)
            }
        }
        return files
    }
}
