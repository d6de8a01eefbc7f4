import Foundation

/// Frame timings for `scripts/bench-tui.sh`, one line per frame, when MOCKPILOT_TUI_FRAME_LOG names a file.
final class FrameLog {
    private let handle: FileHandle?

    init(path: String?) {
        guard let path, !path.isEmpty, FileManager.default.createFile(atPath: path, contents: nil) else {
            handle = nil
            return
        }
        handle = FileHandle(forWritingAtPath: path)
        handle?.write(Data("render_ms present_ms painted_cells width height events\n".utf8))
    }

    func record(render: Double, present: Double, painted: Int, size: Size, events: Int) {
        guard let handle else { return }
        let line = String(format: "%.3f %.3f %d %d %d %d\n", render * 1000, present * 1000, painted, size.width, size.height,
                          events)
        handle.write(Data(line.utf8))
    }
}
