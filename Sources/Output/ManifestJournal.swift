import Foundation

/// `mockpilot.manifest.jsonl`, the manifest's append-only journal. Rewriting and syncing the whole
/// manifest (2 MB at 2,500 components) on every write made writing slower the longer a meeting
/// ran; a write now appends two short lines here instead, and the manifest is rewritten from
/// the union only when the journal has grown as large as it (and at the end of a meeting).
///
/// A write appends `begin` (the records it is about to make, synced) before its file is renamed
/// into place, and `commit` after. A `begin` without its `commit` is what `kill -9` between the
/// two leaves: when the file on disk holds the recorded bytes it is adopted, otherwise the write
/// never happened and the line is ignored.
struct ManifestJournal {
    static let fileName = "mockpilot.manifest.jsonl"

    /// One line of the journal.
    struct Line: Codable, Equatable {
        enum Operation: String, Codable { case begin, commit }

        var op: Operation
        var specID: String
        var entry: Manifest.Entry?
        var file: Manifest.FileRecord?
        var write: Manifest.Write?

        enum CodingKeys: String, CodingKey {
            case op, entry, file, write
            case specID = "spec_id"
        }

        func encoded() -> [UInt8] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            // Plain strings and numbers always encode; an empty line is skipped on reading.
            guard let data = try? encoder.encode(self) else { return [0x0A] }
            return [UInt8](data) + [0x0A]
        }
    }

    /// The complete lines of `bytes` (a line a crash cut short has no newline yet, and one that
    /// does not decode is skipped), with how many bytes they span.
    static func lines(in bytes: ArraySlice<UInt8>) -> (lines: [Line], consumed: Int) {
        var lines: [Line] = []
        var start = bytes.startIndex
        let decoder = JSONDecoder()
        while let end = bytes[start...].firstIndex(of: 0x0A) {
            if end > start, let line = try? decoder.decode(Line.self, from: Data(bytes[start..<end])) {
                lines.append(line)
            }
            start = end + 1
        }
        return (lines, start - bytes.startIndex)
    }

    /// Applies `lines` to `manifest` in order. Writers hold the folder lock from `begin` to
    /// `commit`, so a `begin` not followed by its own `commit` is a write a crash interrupted:
    /// it is adopted when its file in `root` holds exactly the bytes recorded, else dropped.
    /// Returns the spec ids adopted.
    @discardableResult
    static func replay(_ lines: [Line], onto manifest: inout Manifest, root: String) -> [String] {
        var adopted: [String] = []
        var pending: Line?
        func settleCrashed() {
            guard let begun = pending else { return }
            pending = nil
            guard let record = begun.file, let bytes = AtomicFile.read(root + "/" + record.path),
                  SHA256.hex(bytes) == record.sha256 else { return }
            apply(begun, to: &manifest)
            adopted.append(begun.specID)
        }
        for line in lines {
            switch line.op {
            case .begin:
                settleCrashed()
                pending = line
            case .commit:
                if let begun = pending, begun.specID == line.specID {
                    apply(begun, to: &manifest)
                    pending = nil
                }
            }
        }
        settleCrashed()
        return adopted
    }

    private static func apply(_ line: Line, to manifest: inout Manifest) {
        if let file = line.file { manifest.upsert(file) }
        if let entry = line.entry { manifest.upsert(entry) }
        if let write = line.write { manifest.append(write) }
    }
}
