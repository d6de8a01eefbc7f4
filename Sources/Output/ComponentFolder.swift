import Core
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The watched folder a Vite + React + Tailwind preview app hot-reloads:
/// `src/components/<Name>.jsx`, `src/components/index.js` re-exporting them all, and
/// `mockpilot.manifest.json` at the root (with its journal, `mockpilot.manifest.jsonl`). Every
/// file is replaced atomically, names are sanitised and never clash, a file the user edited is
/// never overwritten, and writing a spec id again changes nothing. Several meetings may write into
/// one folder, one after another or at once: each write holds the folder's lock and first reads
/// what the others wrote, and the manifest says which meeting each component came from.
public actor ComponentFolder {
    /// Where components go unless the configuration says otherwise.
    public static let defaultRoot = "./mockpilot-out"
    static let componentsDirectory = "src/components"
    /// The journal is folded into the manifest once it is this large and as large as the manifest.
    static let minimumCompaction = 64 * 1024

    /// Absolute path of the folder. Fixed at init, so readable without `await`.
    public nonisolated let root: String
    /// The meeting whose components this folder writes (recorded in the manifest).
    public nonisolated let session: String?
    private var manifest: Manifest
    /// How many bytes of the journal `manifest` already holds.
    private var journalOffset = 0
    /// `mockpilot.manifest.json` as last read or written; a change means another process
    /// compacted the journal, so everything is read again.
    private var compacted: FileStamp?
    private let now: @Sendable () -> Date

    private nonisolated var manifestPath: String { root + "/" + Manifest.fileName }
    private nonisolated var journalPath: String { root + "/" + ManifestJournal.fileName }
    private nonisolated var indexPath: String { root + "/" + Self.componentsDirectory + "/" + ComponentIndex.fileName }

    /// Creates `root/src/components` when needed and checks that the folder can be written.
    /// Writes a crash cut short are adopted (their file is whole) or forgotten, and temporary
    /// files of processes that no longer run are removed.
    /// - Throws: `OutputError` naming the path (a file in the way, no permission, a full disk,
    ///   a manifest that is not MockPilot's).
    public init(root: String, session: String? = nil, now: @escaping @Sendable () -> Date = Date.init) throws {
        let absolute = URL(fileURLWithPath: root).standardizedFileURL.path
        self.root = absolute
        self.session = session
        self.now = now
        try AtomicFile.makeDirectory(absolute)
        try AtomicFile.makeDirectory(absolute + "/" + Self.componentsDirectory)
        let manifestPath = absolute + "/" + Manifest.fileName
        let journalPath = absolute + "/" + ManifestJournal.fileName
        let indexPath = absolute + "/" + Self.componentsDirectory + "/" + ComponentIndex.fileName
        (manifest, compacted) = try FolderLock.holding(absolute) { () throws(OutputError) -> (Manifest, FileStamp?) in
            Self.sweepTemporaryFiles(in: [absolute, absolute + "/" + Self.componentsDirectory])
            let manifest = try Manifest.load(folder: absolute)
            // Writing the index doubles as the writability probe, and gives the preview app a
            // module to import before the first component arrives.
            try AtomicFile.write(ComponentIndex.render(manifest: manifest, root: absolute), to: indexPath)
            if !FileManager.default.fileExists(atPath: manifestPath) || FileManager.default.fileExists(atPath: journalPath) {
                try Self.compact(manifest, manifestPath: manifestPath, journalPath: journalPath)
            }
            return (manifest, FileStamp(manifestPath))
        }
    }

    /// The name `componentID`'s file has or will have: its name so far, else `preferred` made
    /// unique (`Button2`). Generate the code with it, so file, exports and manifest agree.
    public func name(for componentID: String, preferred: String) -> String {
        manifest.entry(componentID: componentID)?.name ?? uniqueName(ComponentName.sanitise(preferred), for: componentID)
    }

    /// Writes one version of a component and updates the index and the manifest's journal.
    /// A new version of a known `componentID` reuses its file; when the user edited that file
    /// since MockPilot wrote it, the version goes beside it (`PayButton.v3.jsx`) instead. The
    /// code's declared name is changed to the file's when that differs (`PayButton2`).
    @discardableResult
    public func write(componentID: String, name: String, kind: ComponentKind, version: Int, spec: DesignSpec,
                      jsx: String) throws -> WrittenComponent {
        try FolderLock.holding(root) { () throws(OutputError) -> WrittenComponent in
            try catchUp()
            if let earlier = manifest.write(specID: spec.specID) { return result(of: earlier, asked: jsx) }
            let componentName = manifest.entry(componentID: componentID)?.name
                ?? uniqueName(ComponentName.sanitise(name), for: componentID)
            let code = ComponentName.renamingDefaultExport(in: jsx, to: componentName)
            let bytes = Array(code.utf8)
            let hash = SHA256.hex(bytes)
            let mainFile = Self.componentsDirectory + "/" + componentName + ".jsx"

            var file = mainFile
            var exportName = componentName
            let beside = !isSafeToReplace(mainFile, with: hash)
            if beside {
                (file, exportName) = besideFile(name: componentName, version: version, hash: hash)
            }

            let record = Manifest.FileRecord(path: file, exportName: exportName, componentID: componentID,
                                             version: version, sha256: hash)
            let entry = Manifest.Entry(componentID: componentID, session: session, specID: spec.specID,
                                       kind: kind.rawValue, version: version, name: componentName, file: file,
                                       timestamp: Manifest.timestamp(now()), utteranceIDs: spec.utteranceIDs)
            let write = Manifest.Write(specID: spec.specID, componentID: componentID, version: version,
                                       name: componentName, exportName: exportName, file: file,
                                       besideEditedFile: beside)
            // begin (synced) -> file -> commit: a crash anywhere leaves a state the next start adopts or forgets.
            let begin = ManifestJournal.Line(op: .begin, specID: spec.specID, entry: entry, file: record, write: write)
                .encoded()
            try AtomicFile.append(begin, to: journalPath, sync: true)
            try AtomicFile.write(bytes, to: root + "/" + file)
            let commit = ManifestJournal.Line(op: .commit, specID: spec.specID).encoded()
            try AtomicFile.append(commit, to: journalPath, sync: false)
            journalOffset += begin.count + commit.count

            manifest.upsert(record)
            manifest.upsert(entry)
            manifest.append(write)
            if journalOffset >= max(Self.minimumCompaction, compacted?.size ?? 0) {
                try compactNow()
            }
            // The index is rebuilt from the manifest at every start, so it needs no flush of its own.
            try AtomicFile.write(ComponentIndex.render(manifest: manifest, root: root), to: indexPath, durable: false)
            return result(of: write, jsx: code)
        }
    }

    /// Folds the journal into `mockpilot.manifest.json`, so the file alone says everything; the
    /// meeting calls it when it ends (the next start-up does it too).
    public func compact() throws {
        try FolderLock.holding(root) { () throws(OutputError) in
            try catchUp()
            if journalOffset > 0 || !FileManager.default.fileExists(atPath: manifestPath) { try compactNow() }
        }
    }

    /// Reads what other processes appended since this one last looked (everything, when one of
    /// them compacted). Called with the lock held.
    private func catchUp() throws(OutputError) {
        let stamp = FileStamp(manifestPath)
        let journalSize = FileStamp(journalPath)?.size ?? 0
        if stamp != compacted || journalSize < journalOffset {
            manifest = try Manifest.loadCompacted(folder: root)
            journalOffset = 0
            compacted = stamp
        }
        guard journalSize > journalOffset, let tail = AtomicFile.read(journalPath, from: journalOffset) else { return }
        let (lines, consumed) = ManifestJournal.lines(in: tail[...])
        ManifestJournal.replay(lines, onto: &manifest, root: root)
        journalOffset += consumed
    }

    /// Called with the lock held.
    private func compactNow() throws(OutputError) {
        try Self.compact(manifest, manifestPath: manifestPath, journalPath: journalPath)
        journalOffset = 0
        compacted = FileStamp(manifestPath)
    }

    /// The manifest first, then the journal goes: a crash between them only replays lines the
    /// manifest already holds, and replaying is idempotent.
    private static func compact(_ manifest: Manifest, manifestPath: String, journalPath: String) throws(OutputError) {
        try AtomicFile.write(manifest.encoded(), to: manifestPath)
        if unlink(journalPath) != 0, errno != ENOENT { throw OutputError.from(errno: errno, path: journalPath) }
    }

    /// A spec written before: the code is what its file still holds as MockPilot wrote it.
    private func result(of earlier: Manifest.Write, asked jsx: String) -> WrittenComponent {
        let recorded = manifest.file(earlier.file)?.sha256
        if let bytes = AtomicFile.read(root + "/" + earlier.file), SHA256.hex(bytes) == recorded,
           let code = String(validating: bytes, as: UTF8.self) {
            return result(of: earlier, jsx: code)
        }
        return result(of: earlier, jsx: ComponentName.renamingDefaultExport(in: jsx, to: earlier.name))
    }

    private func result(of write: Manifest.Write, jsx: String) -> WrittenComponent {
        WrittenComponent(path: root + "/" + write.file, name: write.name, besideEditedFile: write.besideEditedFile,
                         exportName: write.exportName, jsx: jsx)
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
    /// One whose process still runs is another meeting's write in progress and is left alone.
    private static func sweepTemporaryFiles(in directories: [String]) {
        for directory in directories {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            where name.hasPrefix(AtomicFile.tempPrefix) {
                if let owner = AtomicFile.owner(ofTemporary: name), FolderLock.isAlive(pid: owner) { continue }
                try? FileManager.default.removeItem(atPath: directory + "/" + name)
            }
        }
    }
}
