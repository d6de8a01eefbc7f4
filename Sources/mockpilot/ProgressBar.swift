import Foundation
import Insight

/// A one-line progress bar for a dump import on stderr, by bytes read, redrawn at most every
/// 1%. Shown only on a terminal (or when asked for), so a redirected stderr stays plain lines.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let enabled: Bool
    private var lastPercent = -1
    private var drawn = false

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ progress: ImportProgress) {
        guard enabled, progress.totalBytes > 0 else { return }
        let percent = min(100, progress.bytesRead * 100 / progress.totalBytes)
        lock.withLock {
            guard percent != lastPercent else { return }
            lastPercent = percent
            drawn = true
            let filled = percent * 30 / 100
            let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: 30 - filled)
            let size = "\(Self.size(progress.bytesRead))/\(Self.size(progress.totalBytes))"
            FileHandle.standardError.write(Data("\r[\(bar)] \(size), \(progress.posts) posts".utf8))
        }
    }

    static func size(_ bytes: Int) -> String {
        bytes < 1_000_000 ? "\(bytes / 1000) kB" : String(format: "%.1f MB", Double(bytes) / 1e6)
    }

    func finish() {
        lock.withLock {
            if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
            drawn = false
        }
    }
}
