import Core
import Foundation

/// A transcript read as it is replayed: a block of the file at a time, one item per call,
/// so a long meeting's first line is heard at once and memory does not grow with the file.
/// Lines that cannot be used come out as warnings in their place; the rest goes through.
public struct TranscriptStream: Sendable {
    /// How the file names itself in warnings ("<stdin>" for standard input).
    public let file: String
    public private(set) var format: TranscriptFile.Format = .plainText

    private enum Parser: Sendable {
        case cues(CueParser)
        case jsonLines(JSONLinesParser)
        case plainText(PlainTextParser)
    }

    private var reader: LineReader
    private var parser: Parser?
    /// Lines read to tell the format, not yet parsed.
    private var lookahead: [RawLine] = []
    /// Items parsed and not yet handed out.
    private var ready: [TranscriptItem] = []
    private var readyStart = 0
    private var finished = false
    private var utterancesSeen = 0
    private var firstWarning: TranscriptWarning?

    /// Opens `path` ("-" for standard input); reading starts with the first `next()`.
    public static func open(path: String) throws -> TranscriptStream {
        if path == "-" { return TranscriptStream(reader: LineReader(handle: .standardInput), file: "<stdin>") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw TranscriptError.unreadable(file: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw TranscriptError.unreadable(file: path, reason: "is a folder, not a transcript") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw TranscriptError.unreadable(file: path, reason: "cannot be read (permissions?)")
        }
        return TranscriptStream(reader: LineReader(handle: handle), file: path)
    }

    /// A transcript already in memory.
    public init(text: String, file: String) {
        self.init(reader: LineReader(bytes: Array(text.utf8)), file: file)
    }

    private init(reader: LineReader, file: String) {
        self.reader = reader
        self.file = file
    }

    /// The next utterance or warning in file order; nil at the end.
    public mutating func next() throws -> TranscriptItem? {
        while readyStart == ready.count {
            if finished { return nil }
            try parseMore()
        }
        let item = ready[readyStart]
        readyStart += 1
        if readyStart == ready.count {
            ready.removeAll(keepingCapacity: true)
            readyStart = 0
        }
        return item
    }

    /// Reads ahead to the first utterance, so a file with nothing usable in it is one clear
    /// error before a meeting starts (the first bad line, or "no transcript lines").
    public mutating func requireUtterance() throws {
        while utterancesSeen == 0 && !finished { try parseMore() }
        guard utterancesSeen == 0 else { return }
        if let firstWarning {
            throw TranscriptError.unreadable(file: file, reason: "line \(firstWarning.line): \(firstWarning.reason)")
        }
        throw TranscriptError.empty(file: file)
    }

    /// Parses at least one more line (or finishes), appending to `ready`.
    private mutating func parseMore() throws {
        if parser == nil { try detectFormat() }
        let line: RawLine?
        if !lookahead.isEmpty {
            line = lookahead.removeFirst()
        } else {
            line = try readLine()
        }
        guard let line else {
            if case .cues(var cues) = parser { collect(cues.finish()); parser = .cues(cues) }
            finished = true
            return
        }
        switch parser {
        case .cues(var cues):
            collect(cues.feed(line))
            parser = .cues(cues)
        case .jsonLines(var json):
            collect(json.parse(line))
            parser = .jsonLines(json)
        case .plainText(var plain):
            collect(plain.parse(line))
            parser = .plainText(plain)
        case nil:
            break
        }
    }

    private mutating func collect(_ items: [TranscriptItem]) {
        for item in items {
            switch item {
            case .utterance: utterancesSeen += 1
            case .warning(let w), .notice(let w): if firstWarning == nil { firstWarning = w }
            }
        }
        ready.append(contentsOf: items)
    }

    private mutating func readLine() throws -> RawLine? {
        do {
            return try reader.next()
        } catch {
            throw TranscriptError.unreadable(file: file, reason: "cannot be read: \(error.localizedDescription)")
        }
    }

    /// Reads up to three lines with text (within the first thousand) and tells the format from them.
    private mutating func detectFormat() throws {
        var content: [String] = []
        while content.count < 3, lookahead.count < 1000, let line = try readLine() {
            lookahead.append(line)
            if let text = line.text?.trimmingSpaces, !text.isEmpty { content.append(text) }
        }
        format = Self.detect(content)
        switch format {
        case .webVTT, .srt: parser = .cues(CueParser(file: file, format: format))
        case .jsonLines: parser = .jsonLines(JSONLinesParser(file: file))
        case .plainText: parser = .plainText(PlainTextParser(file: file))
        }
    }

    /// `content`: the first lines with text, trimmed.
    static func detect(_ content: [String]) -> TranscriptFile.Format {
        guard let first = content.first else { return .plainText }
        if first.hasPrefix("WEBVTT") || first.hasPrefix("\u{FEFF}WEBVTT") { return .webVTT }
        if first.hasPrefix("{") { return .jsonLines }
        if content.prefix(3).contains(where: { $0.contains("-->") }) { return .srt }
        return .plainText
    }
}
