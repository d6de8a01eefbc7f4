import Core
import Foundation

/// The watched folder a Vite + React + Tailwind preview app hot-reloads:
/// `src/components/<Name>.jsx`, `src/components/index.js` re-exporting them all, and
/// `mockpilot.manifest.json` at the root. Every file is replaced atomically, names are sanitised
/// and never clash, a file the user edited is never overwritten, and writing a spec id again
/// changes nothing.
public actor ComponentFolder {
    /// Where components go unless the configuration says otherwise.
    public static let defaultRoot = "./mockpilot-out"
    static let componentsDirectory = "src/components"

    /// Absolute path of the folder. Fixed at init, so readable without `await`.
    public nonisolated let root: String
    private var manifest: Manifest
    private let now: @Sendable () -> Date

    private nonisolated var manifestPath: String { root + "/" + Manifest.fileName }
    private nonisolated var indexPath: String { root + "/" + Self.componentsDirectory + "/" + ComponentIndex.fileName }

    /// Creates `root/src/components` when needed and checks that the folder can be written.
    /// - Throws: `OutputError` naming the path (a file in the way, no permission, a full disk,
    ///   a manifest that is not MockPilot's).
    public init(root: String, now: @escaping @Sendable () -> Date = Date.init) throws {
        let absolute = URL(fileURLWithPath: root).standardizedFileURL.path
        self.root = absolute
        self.now = now
        try AtomicFile.makeDirectory(absolute)
        try AtomicFile.makeDirectory(absolute + "/" + Self.componentsDirectory)
        let manifest = try Manifest.load(folder: absolute)
        self.manifest = manifest
        Self.sweepTemporaryFiles(in: [absolute, absolute + "/" + Self.componentsDirectory])
        // Writing the index doubles as the writability probe, and gives the preview app a module
        // to import before the first component arrives.
        try AtomicFile.write(ComponentIndex.render(manifest: manifest, root: absolute), to: indexPath)
        if !FileManager.default.fileExists(atPath: manifestPath) {
            try AtomicFile.write(manifest.encoded(), to: manifestPath)
        }
    }

    /// The name `componentID`'s file has or will have: its name so far, else `preferred` made
    /// unique (`Button2`). Generate the code with it, so file, exports and manifest agree.
    public func name(for componentID: String, preferred: String) -> String {
        manifest.entry(componentID: componentID)?.name ?? uniqueName(ComponentName.sanitise(preferred), for: componentID)
    }

    /// Writes one version of a component and regenerates the index and the manifest.
    /// A new version of a known `componentID` reuses its file; when the user edited that file
    /// since MockPilot wrote it, the version goes beside it (`PayButton.v3.jsx`) instead.
    @discardableResult
    public func write(componentID: String, name: String, kind: ComponentKind, version: Int, spec: DesignSpec,
                      jsx: String) throws -> WrittenComponent {
        if let earlier = manifest.write(specID: spec.specID) { return result(of: earlier) }

        var next = manifest
        let componentName = manifest.entry(componentID: componentID)?.name
            ?? uniqueName(ComponentName.sanitise(name), for: componentID)
        let bytes = Array(jsx.utf8)
        let hash = SHA256.hex(bytes)
        let mainFile = Self.componentsDirectory + "/" + componentName + ".jsx"

        var file = mainFile
        var exportName = componentName
        let beside = !isSafeToReplace(mainFile, with: hash)
        if beside {
            (file, exportName) = besideFile(name: componentName, version: version, hash: hash)
        }

        try AtomicFile.write(bytes, to: root + "/" + file)

        next.upsert(Manifest.FileRecord(path: file, exportName: exportName, componentID: componentID,
                                        version: version, sha256: hash))
        next.upsert(Manifest.Entry(componentID: componentID, specID: spec.specID, kind: kind.rawValue,
                                   version: version, name: componentName, file: file,
                                   timestamp: Manifest.timestamp(now()), utteranceIDs: spec.utteranceIDs))
        let write = Manifest.Write(specID: spec.specID, componentID: componentID, version: version,
                                   name: componentName, exportName: exportName, file: file,
                                   besideEditedFile: beside)
        next.append(write)
        try AtomicFile.write(next.encoded(), to: manifestPath)
        manifest = next
        try AtomicFile.write(ComponentIndex.render(manifest: next, root: root), to: indexPath)
        return result(of: write)
    }

    private func result(of write: Manifest.Write) -> WrittenComponent {
        WrittenComponent(path: root + "/" + write.file, name: write.name, besideEditedFile: write.besideEditedFile,
                         exportName: write.exportName)
    }

    /// True when `file` may be replaced: it is absent, still holds what MockPilot last wrote, or
    /// already holds exactly the new content (a retry after a failed manifest write).
    private func isSafeToReplace(_ file: String, with newHash: String) -> Bool {
        guard let bytes = AtomicFile.read(root + "/" + file) else {
            return !FileManager.default.fileExists(atPath: root + "/" + file)
        }
        let onDisk = SHA256.hex(bytes)
        return onDisk == newHash || onDisk == manifest.file(file)?.sha256
    }

    /// `Name.v3.jsx` exported as `NameV3`; `Name.v3.2.jsx` / `NameV3_2` if even that is taken.
    private func besideFile(name: String, version: Int, hash: String) -> (file: String, exportName: String) {
        var attempt = 1
        while true {
            let suffix = attempt == 1 ? "" : ".\(attempt)"
            let file = Self.componentsDirectory + "/\(name).v\(version)\(suffix).jsx"
            let exportName = "\(name)V\(version)" + (attempt == 1 ? "" : "_\(attempt)")
            let exportTaken = manifest.files.contains { $0.path != file && $0.exportName == exportName }
            if !exportTaken, isSafeToReplace(file, with: hash) { return (file, exportName) }
            attempt += 1
        }
    }

    /// `base`, or `base2`, `base3`, ... when another component, an export or a file on disk
    /// (compared case-insensitively, for case-insensitive file systems) already has it.
    private func uniqueName(_ base: String, for componentID: String) -> String {
        let onDisk = Set(((try? FileManager.default.contentsOfDirectory(atPath: root + "/" + Self.componentsDirectory))
            ?? []).map { $0.lowercased() })
        let names = Set(manifest.components.filter { $0.componentID != componentID }.map { $0.name.lowercased() })
        let exports = Set(manifest.files.compactMap { $0.exportName?.lowercased() })
        return ComponentName.unique(base) { candidate in
            let lower = candidate.lowercased()
            return names.contains(lower) || exports.contains(lower) || onDisk.contains(lower + ".jsx")
        }
    }

    /// Removes temporary files a crash left between write and rename; only MockPilot makes them.
    private static func sweepTemporaryFiles(in directories: [String]) {
        for directory in directories {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            where name.hasPrefix(AtomicFile.tempPrefix) {
                try? FileManager.default.removeItem(atPath: directory + "/" + name)
            }
        }
    }
}
