import Foundation

/// `mockpilot.manifest.json`: what MockPilot wrote into a folder. It is how the folder remembers,
/// across restarts, which component owns which file, which spec ids were already written, and the
/// SHA-256 of every file as MockPilot last wrote it (so a user's edit is never overwritten).
struct Manifest: Codable, Equatable {
    static let fileName = "mockpilot.manifest.json"
    static let currentFormat = 1

    /// The latest version of one component.
    struct Entry: Codable, Equatable {
        var componentID: String
        /// The meeting (session id) it came from; nil in manifests from before sessions were kept.
        var session: String?
        var specID: String
        var kind: String
        var version: Int
        /// The component's name; its main file is `src/components/<name>.jsx`.
        var name: String
        /// Where the latest version went (relative to the folder): the main file, or a file
        /// beside it when the user had edited the main one.
        var file: String
        /// ISO 8601, UTC.
        var timestamp: String
        var utteranceIDs: [String]

        enum CodingKeys: String, CodingKey {
            case kind, version, name, file, timestamp, session
            case componentID = "component_id"
            case specID = "spec_id"
            case utteranceIDs = "utterance_ids"
        }
    }

    /// One file MockPilot wrote, with the hash of its content at that moment.
    struct FileRecord: Codable, Equatable {
        var path: String
        /// The name `src/components/index.js` exports it under (nil for files outside it).
        var exportName: String?
        /// nil for files that belong to no component (index.js, transcript.md in an export).
        var componentID: String?
        var version: Int?
        var sha256: String

        enum CodingKeys: String, CodingKey {
            case path, version, sha256
            case exportName = "export_name"
            case componentID = "component_id"
        }
    }

    /// One accepted spec, so writing the same spec id again returns the same result.
    struct Write: Codable, Equatable {
        var specID: String
        var componentID: String
        var version: Int
        var name: String
        var exportName: String
        var file: String
        var besideEditedFile: Bool

        enum CodingKeys: String, CodingKey {
            case version, name, file
            case specID = "spec_id"
            case componentID = "component_id"
            case exportName = "export_name"
            case besideEditedFile = "beside_edited_file"
        }
    }

    var format: Int = currentFormat
    var components: [Entry] = []
    var files: [FileRecord] = []
    var writes: [Write] = []

    func entry(componentID: String) -> Entry? { components.first { $0.componentID == componentID } }
    func file(_ path: String) -> FileRecord? { files.first { $0.path == path } }
    func write(specID: String) -> Write? { writes.first { $0.specID == specID } }

    mutating func upsert(_ entry: Entry) {
        components.removeAll { $0.componentID == entry.componentID }
        components.append(entry)
    }

    mutating func upsert(_ record: FileRecord) {
        files.removeAll { $0.path == record.path }
        files.append(record)
    }

    mutating func append(_ write: Write) {
        writes.removeAll { $0.specID == write.specID }
        writes.append(write)
    }

    /// Arrays in a fixed order, so the same state is the same bytes (upserts only append).
    func sorted() -> Manifest {
        var copy = self
        copy.components.sort { $0.componentID < $1.componentID }
        copy.files.sort { $0.path < $1.path }
        copy.writes.sort { ($0.componentID, $0.version, $0.specID) < ($1.componentID, $1.version, $1.specID) }
        return copy
    }

    /// Pretty-printed with sorted keys and sorted arrays, so the same state is the same bytes.
    func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and numbers cannot fail; an empty manifest is the safe fallback.
        guard let data = try? encoder.encode(sorted()), let text = String(data: data, encoding: .utf8) else {
            return "{}\n"
        }
        // Foundation prints an empty array over three lines; a newline cannot occur inside a
        // JSON string, so this only touches structure.
        return text.replacingOccurrences(of: "\\[\\s*\n\\s*\\]", with: "[]", options: .regularExpression) + "\n"
    }

    /// What `folder` holds: its manifest with its journal replayed on top (writes a crash cut
    /// short adopted when their file is whole); an empty manifest when there is none yet.
    static func load(folder: String) throws(OutputError) -> Manifest {
        var manifest = try loadCompacted(folder: folder)
        let journal = AtomicFile.read(folder + "/" + ManifestJournal.fileName) ?? []
        ManifestJournal.replay(ManifestJournal.lines(in: journal[...]).lines, onto: &manifest, root: folder)
        if let problem = manifest.unsafeValue() {
            throw OutputError.badManifest(path: folder + "/" + ManifestJournal.fileName, reason: problem)
        }
        return manifest
    }

    /// `mockpilot.manifest.json` alone, without its journal.
    static func loadCompacted(folder: String) throws(OutputError) -> Manifest {
        let path = folder + "/" + fileName
        guard let bytes = AtomicFile.read(path) else { return Manifest() }
        do {
            let manifest = try JSONDecoder().decode(Manifest.self, from: Data(bytes))
            if manifest.format > currentFormat {
                throw OutputError.badManifest(path: path, reason: "format \(manifest.format) is newer than this MockPilot")
            }
            if let problem = manifest.unsafeValue() {
                throw OutputError.badManifest(path: path, reason: problem)
            }
            return manifest
        } catch let error as OutputError {
            throw error
        } catch {
            throw OutputError.badManifest(path: path, reason: "not valid manifest JSON")
        }
    }

    /// Names and paths are reused to write files, so a hand-edited manifest must not be able to
    /// point outside the folder or smuggle in a name the sanitiser would not have produced.
    func unsafeValue() -> String? {
        for name in components.map(\.name) + writes.map(\.name) where ComponentName.sanitise(name) != name {
            return "unsafe component name \(name)"
        }
        for name in files.compactMap(\.exportName) + writes.map(\.exportName) where !Self.isIdentifier(name) {
            return "unsafe export name \(name)"
        }
        for path in files.map(\.path) + writes.map(\.file) + components.map(\.file) where !Self.isInside(path) {
            return "unsafe path \(path)"
        }
        return nil
    }

    private static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    /// A relative path of plain names: no "..", ".", empty parts, NUL or leading slash.
    private static func isInside(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return !path.contains("\0") && parts.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
