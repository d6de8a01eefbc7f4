import Foundation
import Tensor

/// `model.f32`: the tensors of a `model.bin` already converted to what the model computes with
/// (float32, little-endian, dequantised), written once beside it and memory-mapped at every
/// later load instead of converting 37 M float16 values again; beside the decoder's weights,
/// their float16 values as the model file holds them, which a decoder step reads.
///
///     "MPWF32\r\n" · u32 version · u32 tensor count · u64 model.bin size · i64 model.bin
///     mtime (ns) · u64 payload checksum · u64 payload offset · u64 payload bytes
///     per tensor: u16 name length · name · u8 element type (0 float32, 1 float16) · u8 rank ·
///     u64 × rank shape · u64 payload offset
///     payload (page-aligned; each tensor on a 64-byte boundary)
///
/// Version 1 had no element type; such a file is made again at the next load.
///
/// A file that does not match its `model.bin` (size or modification time), or whose payload
/// checksum is wrong, is not used: the model loads from `model.bin` and writes a fresh one.
final class MappedWeights: WeightSource, @unchecked Sendable {
    // @unchecked: the mapping is read-only and never changes until deinit unmaps it.
    let path: String
    private let base: UnsafeRawPointer
    private let size: Int
    private let payload: Int
    private let entries: [String: Entry]
    private let halfEntries: [String: Entry]

    private struct Entry {
        let shape: [Int]
        let count: Int
        let offset: Int
    }

    /// The element types a tensor may have, by their code in the file.
    enum ElementType: UInt8 {
        case float32 = 0, float16 = 1

        var size: Int { self == .float32 ? 4 : 2 }
    }

    static let magic = Array("MPWF32\r\n".utf8)
    static let version: UInt32 = 2
    static let headerSize = 48

    /// The converted file for `model.bin` at `sourcePath`, or nil when there is none that
    /// matches it.
    static func open(path: String, sourcePath: String) -> MappedWeights? {
        guard let source = FileIdentity(path: sourcePath) else { return nil }
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, let size = Int(exactly: info.st_size), size >= headerSize else { return nil }
        // MAP_POPULATE: the pages come from the page cache in one call, not one fault each.
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0), mapped != MAP_FAILED else {
            return nil
        }
        let base = UnsafeRawPointer(mapped)
        guard let file = try? MappedWeights(path: path, base: base, size: size, source: source) else {
            munmap(mapped, size)
            return nil
        }
        return file
    }

    private init(path: String, base: UnsafeRawPointer, size: Int, source: FileIdentity) throws {
        self.path = path
        self.base = base
        self.size = size
        var r = RawReader(base: base, size: size)
        guard try r.bytes(8) == Self.magic, try r.u32() == Self.version else { throw MappedError() }
        let count = Int(try r.u32())
        guard try r.u64() == source.size, Int64(bitPattern: try r.u64()) == source.mtime else { throw MappedError() }
        let checksum = try r.u64()
        guard let payload = Int(exactly: try r.u64()), let payloadBytes = Int(exactly: try r.u64()),
              payload % 4096 == 0, payload <= size, payloadBytes <= size - payload else { throw MappedError() }
        self.payload = payload
        var entries: [String: Entry] = [:], halfEntries: [String: Entry] = [:]
        for _ in 0..<count {
            let name = String(decoding: try r.bytes(Int(try r.u16())), as: UTF8.self)
            guard let type = ElementType(rawValue: try r.u8()) else { throw MappedError() }
            var shape: [Int] = []
            for _ in 0..<Int(try r.u8()) {
                guard let d = Int(exactly: try r.u64()) else { throw MappedError() }
                shape.append(d)
            }
            guard let elements = CTranslate2File.product(shape), let offset = Int(exactly: try r.u64()),
                  offset % type.size == 0, offset <= payloadBytes, elements <= (payloadBytes - offset) / type.size else {
                throw MappedError()
            }
            let entry = Entry(shape: shape, count: elements, offset: offset)
            switch type {
            case .float32: entries[name] = entry
            case .float16: halfEntries[name] = entry
            }
        }
        self.entries = entries
        self.halfEntries = halfEntries
        guard Self.checksum(base + payload, bytes: payloadBytes) == checksum else { throw MappedError() }
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: base), size) }

    /// The floats at byte `offset` of the payload.
    func floats(at offset: Int) -> UnsafePointer<Float> {
        (base + payload + offset).assumingMemoryBound(to: Float.self)
    }

    /// The float16 bit patterns at byte `offset` of the payload.
    func halves(at offset: Int) -> UnsafePointer<UInt16> {
        (base + payload + offset).assumingMemoryBound(to: UInt16.self)
    }

    func shape(of name: String) -> [Int]? { entries[name]?.shape ?? halfEntries[name]?.shape }

    func scalar(_ name: String) -> Int? {
        guard let e = entries[name], e.count == 1 else { return nil }
        return Int(exactly: floats(at: e.offset).pointee)
    }

    func tensor(named name: String, shape: [Int]) throws -> Tensor {
        let e = try entry(name, shape: shape)
        return try Tensor(shape: e.shape, data: Array(UnsafeBufferPointer(start: floats(at: e.offset), count: e.count)))
    }

    func weights(_ name: String, shape: [Int], half copy: HalfCopy) throws -> Weights {
        let half = copy == .none ? nil : halfEntries[name].flatMap { $0.shape == shape ? $0 : nil }
        if entries[name] == nil, let half {
            // Only float16 was kept: read in place where the CPU can, else converted once here.
            if HalfMatrix.isAvailable { return Weights(shape: shape, count: half.count, mapped: self, halfOnlyAt: half.offset) }
            let h = halves(at: half.offset)
            return Weights(try Tensor(shape: shape, data: (0..<half.count).map { HalfFloat.table[Int(h[$0])] }))
        }
        let e = try entry(name, shape: shape)
        return Weights(shape: e.shape, count: e.count, mapped: self, offset: e.offset, halfOffset: half?.offset)
    }

    private func entry(_ name: String, shape: [Int]) throws -> Entry {
        guard let e = entries[name] else { throw WhisperError.modelCorrupt(path: path, reason: "missing tensor \(name)") }
        guard e.shape == shape else {
            throw WhisperError.modelCorrupt(path: path, reason: "tensor \(name) has shape \(e.shape), expected \(shape)")
        }
        return e
    }

    /// Two running sums over the payload's 32-bit words in eight lanes (Fletcher-like: the
    /// second sum weighs each word by its position), fast enough to check at every load.
    static func checksum(_ p: UnsafeRawPointer, bytes: Int) -> UInt64 {
        var a = SIMD8<UInt64>(repeating: 0), b = SIMD8<UInt64>(repeating: 0)
        let blocks = bytes / 32
        for i in 0..<blocks {
            let words = p.loadUnaligned(fromByteOffset: 32 * i, as: SIMD8<UInt32>.self)
            a &+= SIMD8<UInt64>(truncatingIfNeeded: words)
            b &+= a
        }
        var tail: UInt64 = 0
        for i in (32 * blocks)..<bytes { tail = tail &* 31 &+ UInt64(p.load(fromByteOffset: i, as: UInt8.self)) }
        return a.wrappedSum() &* 0x9E37_79B9_7F4A_7C15 &+ b.wrappedSum() &+ tail
    }

    private struct MappedError: Error {}
}

/// What identifies a `model.bin` for the converted file made from it.
struct FileIdentity {
    let size: UInt64
    let mtime: Int64

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, let size = UInt64(exactly: info.st_size) else { return nil }
        self.size = size
        mtime = Int64(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int64(info.st_mtim.tv_nsec)
    }
}

/// Little-endian reads from the mapping that throw past its end instead of reading beyond it.
private struct RawReader {
    let base: UnsafeRawPointer
    let size: Int
    var offset = 0

    mutating func bytes(_ n: Int) throws -> [UInt8] {
        guard n >= 0, n <= size - offset else { throw ReadPastEnd() }
        defer { offset += n }
        return Array(UnsafeRawBufferPointer(start: base + offset, count: n))
    }

    mutating func u8() throws -> UInt8 { try bytes(1)[0] }

    mutating func u16() throws -> UInt16 { UInt16(littleEndian: try load(UInt16.self)) }

    mutating func u32() throws -> UInt32 { UInt32(littleEndian: try load(UInt32.self)) }

    mutating func u64() throws -> UInt64 { UInt64(littleEndian: try load(UInt64.self)) }

    private mutating func load<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let n = MemoryLayout<T>.size
        guard n <= size - offset else { throw ReadPastEnd() }
        defer { offset += n }
        return base.loadUnaligned(fromByteOffset: offset, as: T.self)
    }

    struct ReadPastEnd: Error {}
}
