import Core
import Foundation

/// Writes a finished session into a folder the preview app can open: the latest version of each
/// component under `src/components/` (with `index.js`), earlier versions under `versions/`,
/// `transcript.md`, and the manifest.
public enum SessionExport {
    static let versionsDirectory = "versions"

    /// Every file is planned before any is written, so an export that would replace a file
    /// MockPilot did not write stops with nothing changed. Exporting again into the same folder
    /// replaces the files of the earlier export. `session` is recorded in the manifest.
    public static func write(components: [StoredComponent], utterances: [Utterance], to directory: String,
                             session: String? = nil) throws {
        let root = URL(fileURLWithPath: directory).standardizedFileURL.path
        try AtomicFile.makeDirectory(root)
        let previous = try Manifest.load(folder: root)

        var manifest = Manifest()
        var plan: [(file: String, bytes: [UInt8])] = []
        func add(_ file: String, _ bytes: [UInt8], exportName: String? = nil, componentID: String? = nil,
                 version: Int? = nil) {
            plan.append((file, bytes))
            manifest.upsert(Manifest.FileRecord(path: file, exportName: exportName, componentID: componentID,
                                                version: version, sha256: SHA256.hex(bytes)))
        }

        var taken: Set<String> = []
        for versions in grouped(components) {
            guard let latest = versions.last else { continue }
            let name = ComponentName.unique(ComponentName.sanitise(latest.name)) { taken.contains($0.lowercased()) }
            taken.insert(name.lowercased())
            for component in versions {
                let isLatest = component.specID == latest.specID
                let file = isLatest
                    ? ComponentFolder.componentsDirectory + "/\(name).jsx"
                    : versionsDirectory + "/\(name).v\(component.version).jsx"
                // The folder may have declared it under another name; the file's name wins.
                let code = ComponentName.renamingDefaultExport(in: component.jsx, to: name)
                add(file, Array(code.utf8), exportName: isLatest ? name : nil,
                    componentID: component.componentID, version: component.version)
                manifest.append(Manifest.Write(specID: component.specID, componentID: component.componentID,
                                               version: component.version, name: name, exportName: name, file: file,
                                               besideEditedFile: false))
            }
            manifest.upsert(Manifest.Entry(componentID: latest.componentID, session: session, specID: latest.specID,
                                           kind: latest.kind.rawValue, version: latest.version, name: name,
                                           file: ComponentFolder.componentsDirectory + "/\(name).jsx",
                                           timestamp: Manifest.timestamp(latest.writtenAt),
                                           utteranceIDs: latest.utteranceIDs))
        }
        let exports = manifest.files.compactMap { record in
            record.exportName.map { ($0, (record.path as NSString).lastPathComponent) }
        }
        add(ComponentFolder.componentsDirectory + "/" + ComponentIndex.fileName, Array(ComponentIndex.render(exports).utf8))
        add(TranscriptMarkdown.fileName, Array(TranscriptMarkdown.render(utterances).utf8))

        for (file, bytes) in plan {
            try checkReplaceable(root + "/" + file, with: bytes, recorded: previous.file(file)?.sha256)
        }
        for (file, bytes) in plan {
            let path = root + "/" + file
            try AtomicFile.makeDirectory((path as NSString).deletingLastPathComponent)
            try AtomicFile.write(bytes, to: path)
        }
        // Last, so a folder with a manifest always holds every file the manifest lists.
        try AtomicFile.write(manifest.encoded(), to: root + "/" + Manifest.fileName)
        // A journal left by a meeting that wrote here would otherwise be replayed over it.
        try? FileManager.default.removeItem(atPath: root + "/" + ManifestJournal.fileName)
    }

    /// Versions per component (ordered by version, one per version number), components in the
    /// order they first appeared.
    static func grouped(_ components: [StoredComponent]) -> [[StoredComponent]] {
        var byID: [String: [Int: StoredComponent]] = [:]
        for component in components {
            let current = byID[component.componentID]?[component.version]
            if current == nil || (current?.writtenAt ?? .distantPast) < component.writtenAt {
                byID[component.componentID, default: [:]][component.version] = component
            }
        }
        let groups = byID.values.map { versions in versions.values.sorted { $0.version < $1.version } }
        return groups.sorted { a, b in
            let first = (a.first?.writtenAt ?? .distantPast, a.first?.componentID ?? "")
            let second = (b.first?.writtenAt ?? .distantPast, b.first?.componentID ?? "")
            return first < second
        }
    }

    /// A file may be replaced when it is absent, identical, or unchanged since an earlier export.
    private static func checkReplaceable(_ path: String, with bytes: [UInt8], recorded: String?) throws(OutputError) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        guard let onDisk = AtomicFile.read(path) else { throw OutputError.wouldOverwrite(path: path) }
        if onDisk == bytes { return }
        if let recorded, SHA256.hex(onDisk) == recorded { return }
        throw OutputError.wouldOverwrite(path: path)
    }
}
