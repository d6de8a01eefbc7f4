import Foundation

/// One line of a transcript file as read: its number, and its text unless the bytes were not
/// UTF-8. A line longer than `LineReader.maxLineBytes` keeps its first part and says so.
struct RawLine: Sendable {
    var number: Int
    /// nil when the line is not valid UTF-8; the rest of the file still goes through.
    var text: String?
    /// The line ran past `LineReader.maxLineBytes` and was cut there.
    var cut: Bool
}

/// Reads a transcript a block at a time and hands out numbered lines, so memory stays at one
/// block plus one line however long the meeting is. Each line is decoded on its own: one bad
/// byte costs that line, not the file. "\r\n" and "\n" both end a line.
struct LineReader: Sendable {
    /// Longer lines are cut here; nothing a person says in one cue or line comes near it.
    static let maxLineBytes = 1 << 20
    static let blockBytes = 1 << 16

    private enum Input: Sendable {
        case file(FileHandle)
        case bytes
    }

    private let input: Input
    private var buffer: [UInt8] = []
    /// Where the unread part of `buffer` starts.
    private var start = 0
    private var atEnd = false
    private var number = 0

    /// Lines read from an open file (or standard input), a block at a time.
    init(handle: FileHandle) {
        input = .file(handle)
    }

    /// Lines of a text already in memory (tests, small inputs).
    init(bytes: [UInt8]) {
        input = .bytes
        buffer = bytes
        atEnd = true
    }

    /// The next line, or nil at the end of the input.
    mutating func next() throws -> RawLine? {
        var line: [UInt8] = []
        var cut = false
        while true {
            if let newline = nextNewline() {
                cut = append(buffer[start..<newline], to: &line) || cut
                start = newline + 1
                return finish(line, cut: cut)
            }
            // No line end in what is buffered: keep what fits, then read on.
            cut = append(buffer[start...], to: &line) || cut
            buffer.removeAll(keepingCapacity: true)
            start = 0
            let more = atEnd ? false : try fill()
            if !more {
                atEnd = true
                return line.isEmpty && !cut ? nil : finish(line, cut: cut)
            }
        }
    }

    /// The index of the next "\n" in the unread part of the buffer (memchr: this runs over every byte).
    private func nextNewline() -> Int? {
        guard start < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { bytes -> Int? in
            guard let base = bytes.baseAddress,
                  let found = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Appends up to the line limit; true when something had to be left out.
    private func append(_ bytes: ArraySlice<UInt8>, to line: inout [UInt8]) -> Bool {
        let room = Self.maxLineBytes - line.count
        guard bytes.count > room else {
            line.append(contentsOf: bytes)
            return false
        }
        line.append(contentsOf: bytes.prefix(max(0, room)))
        return true
    }

    private mutating func finish(_ bytes: [UInt8], cut: Bool) -> RawLine {
        number += 1
        var bytes = bytes
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        // A cut can split a character; its tail is dropped rather than failing the line.
        var text = String(validating: bytes, as: UTF8.self)
        if text == nil && cut {
            for drop in 1...3 where bytes.count >= drop {
                if let t = String(validating: bytes.dropLast(drop), as: UTF8.self) { text = t; break }
            }
        }
        return RawLine(number: number, text: text, cut: cut)
    }

    /// Reads one more block; false at the end of the file.
    private mutating func fill() throws -> Bool {
        guard case .file(let handle) = input else { return false }
        guard let data = try handle.read(upToCount: Self.blockBytes), !data.isEmpty else { return false }
        buffer.append(contentsOf: data)
        return true
    }
}
