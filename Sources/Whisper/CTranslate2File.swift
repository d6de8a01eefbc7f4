import Foundation
import Tensor

/// A CTranslate2 `model.bin`, as written by `ctranslate2/specs/model_spec.py`:
///
///     u32 binary version (≤ 6) · string spec name · u32 spec revision
///     u32 variable count, then per variable:
///         string name · u8 rank · u32 × rank shape · u8 dtype · u32 byte count · data
///     u32 alias count, then per alias: string alias · string target
///
/// Strings are a u16 length (including a trailing NUL) and the UTF-8 bytes; all
/// integers little-endian. The file is memory-mapped; variables are views into it
/// until `tensor(_:)` converts one to float32.
struct CTranslate2File {
    /// CTranslate2's `DataType` enum.
    enum DType: UInt8 {
        case float32 = 0, int8 = 1, int16 = 2, int32 = 3, float16 = 4, bfloat16 = 5

        var size: Int {
            switch self {
            case .int8: 1
            case .int16, .float16, .bfloat16: 2
            case .float32, .int32: 4
            }
        }
    }

    struct Variable {
        let shape: [Int]
        /// Elements, the product of `shape` (checked for overflow when the file was read).
        let count: Int
        let dtype: DType
        /// Byte offset of the data in the file.
        let offset: Int
    }

    let path: String
    let specName: String
    let revision: Int
    private let bytes: Data
    private var variables: [String: Variable] = [:]
    /// Alias -> the variable it names (the tied output projection, for one).
    private var aliases: [String: String] = [:]

    static let supportedVersion: UInt32 = 6

    init(path: String) throws {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else { throw WhisperError.modelMissing(path: path) }
        do {
            bytes = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw WhisperError.modelMissing(path: path)
        }
        var reader = Reader(data: bytes, path: path)
        let version = try reader.u32()
        guard version >= 1, version <= Self.supportedVersion else {
            throw WhisperError.modelCorrupt(path: path, reason: "not a CTranslate2 model.bin (binary version \(version), expected 1...\(Self.supportedVersion))")
        }
        specName = version >= 2 ? try reader.string() : ""
        revision = version >= 2 ? Int(try reader.u32()) : 1
        let count = try reader.u32()
        for _ in 0..<count {
            let name = try reader.string()
            let rank = Int(try reader.u8())
            var shape: [Int] = []
            for _ in 0..<rank { shape.append(Int(try reader.u32())) }
            let code = try reader.u8()
            guard let dtype = DType(rawValue: code) else {
                throw WhisperError.modelCorrupt(path: path, reason: "variable \(name) has unknown dtype \(code)")
            }
            let byteCount = Int(try reader.u32())
            // A damaged shape must be an error, not an arithmetic overflow trap.
            guard let elements = Self.product(shape),
                  case let (needed, overflow) = elements.multipliedReportingOverflow(by: dtype.size), !overflow else {
                throw WhisperError.modelCorrupt(path: path, reason: "variable \(name) has an impossible shape \(shape)")
            }
            guard byteCount == needed else {
                throw WhisperError.modelCorrupt(path: path, reason: "variable \(name) holds \(byteCount) bytes, shape \(shape) needs \(needed)")
            }
            let offset = reader.offset
            try reader.skip(byteCount, what: name)
            variables[name] = Variable(shape: shape, count: elements, dtype: dtype, offset: offset)
        }
        if version >= 3, reader.offset < bytes.count {
            let aliasCount = try reader.u32()
            for _ in 0..<aliasCount {
                let alias = try reader.string()
                let target = try reader.string()
                if let v = variables[target] {
                    variables[alias] = v
                    aliases[alias] = target
                }
            }
        }
    }

    func variable(_ name: String) -> Variable? { variables[name] }

    /// The number of elements of `shape`, or nil if it overflows.
    static func product(_ shape: [Int]) -> Int? {
        var n = 1
        for d in shape {
            let (p, overflow) = n.multipliedReportingOverflow(by: d)
            guard !overflow, d >= 0 else { return nil }
            n = p
        }
        return n
    }

    var names: [String] { Array(variables.keys) }

    /// An integer scalar such as `encoder/num_heads`; nil when missing, or a float that is
    /// not a whole number (NaN, infinity, 2.5) rather than a trap converting it.
    func scalar(_ name: String) -> Int? {
        guard let v = variables[name], v.count == 1 else { return nil }
        return bytes.withUnsafeBytes { raw -> Int? in
            switch v.dtype {
            case .int8: Int(raw.load(fromByteOffset: v.offset, as: Int8.self))
            case .int16: Int(Int16(littleEndian: raw.loadUnaligned(fromByteOffset: v.offset, as: Int16.self)))
            case .int32: Int(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: v.offset, as: Int32.self)))
            case .float32: Int(exactly: raw.loadUnaligned(fromByteOffset: v.offset, as: Float.self))
            case .float16: Int(exactly: Float(Float16(bitPattern: raw.loadUnaligned(fromByteOffset: v.offset, as: UInt16.self))))
            case .bfloat16: Int(exactly: Float(bitPattern: UInt32(raw.loadUnaligned(fromByteOffset: v.offset, as: UInt16.self)) << 16))
            }
        }
    }

    /// The variable as float32, checked against `shape` when given. Quantised weights
    /// (int8/int16 with a `<name>_scale` beside them, one scale per row or one for all)
    /// are divided by their scale, as CTranslate2 dequantises them.
    func tensor(_ alias: String, shape expected: [Int]? = nil) throws -> Tensor {
        let name = aliases[alias] ?? alias
        guard let v = variables[name] else {
            throw WhisperError.modelCorrupt(path: path, reason: "missing tensor \(name)")
        }
        if let expected, expected != v.shape {
            throw WhisperError.modelCorrupt(path: path, reason: "tensor \(name) has shape \(v.shape), expected \(expected)")
        }
        var values = floats(v)
        if v.dtype == .int8 || v.dtype == .int16 {
            guard let scaleVar = variables[name + "_scale"] else {
                throw WhisperError.modelCorrupt(path: path, reason: "quantised tensor \(name) has no \(name)_scale")
            }
            let scales = floats(scaleVar)
            let rows = v.shape.first ?? 1
            guard scales.count == 1 || scales.count == rows else {
                throw WhisperError.modelCorrupt(path: path, reason: "\(name)_scale has \(scales.count) values for \(rows) rows")
            }
            // values.count == rows * cols exactly: the shape's product was checked at load.
            let cols = rows > 0 ? values.count / rows : 0
            for r in 0..<rows {
                let inv = 1 / scales[scales.count == 1 ? 0 : r]
                for c in 0..<cols { values[r * cols + c] *= inv }
            }
        }
        return try Tensor(shape: v.shape, data: values)
    }

    /// The variable's float16 bit patterns as stored, or nil when it is stored in another type
    /// (then a float16 copy would not hold the values exactly).
    func halfBits(_ alias: String) -> [UInt16]? {
        guard let v = variables[aliases[alias] ?? alias], v.dtype == .float16 else { return nil }
        return bytes.withUnsafeBytes { raw -> [UInt16] in
            (0..<v.count).map { UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: v.offset + 2 * $0, as: UInt16.self)) }
        }
    }

    private func floats(_ v: Variable) -> [Float] {
        let n = v.count
        return bytes.withUnsafeBytes { raw -> [Float] in
            let base = raw.baseAddress.map { $0 + v.offset }
            guard let base else { return [] }
            return [Float](unsafeUninitializedCapacity: n) { out, initialized in
                switch v.dtype {
                case .float32:
                    for i in 0..<n { out[i] = base.loadUnaligned(fromByteOffset: 4 * i, as: Float.self) }
                case .float16:
                    HalfFloat.table.withUnsafeBufferPointer { table in
                        for i in 0..<n { out[i] = table[Int(base.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))] }
                    }
                case .bfloat16:
                    for i in 0..<n { out[i] = Float(bitPattern: UInt32(base.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)) << 16) }
                case .int8:
                    for i in 0..<n { out[i] = Float(base.load(fromByteOffset: i, as: Int8.self)) }
                case .int16:
                    for i in 0..<n { out[i] = Float(base.loadUnaligned(fromByteOffset: 2 * i, as: Int16.self)) }
                case .int32:
                    for i in 0..<n { out[i] = Float(base.loadUnaligned(fromByteOffset: 4 * i, as: Int32.self)) }
                }
                initialized = n
            }
        }
    }
}

/// Sequential little-endian reads that fail with a "truncated" error instead of trapping.
private struct Reader {
    let data: Data
    let path: String
    var offset = 0

    init(data: Data, path: String) {
        self.data = data
        self.path = path
    }

    private func need(_ n: Int, _ what: String) throws {
        guard n >= 0, offset + n <= data.count else {
            throw WhisperError.modelCorrupt(path: path, reason: "file truncated at byte \(offset) while reading \(what)")
        }
    }

    mutating func u8() throws -> UInt8 {
        try need(1, "a byte")
        defer { offset += 1 }
        return data[data.startIndex + offset]
    }

    mutating func u16() throws -> UInt16 {
        try need(2, "a length")
        defer { offset += 2 }
        return data.withUnsafeBytes { UInt16(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt16.self)) }
    }

    mutating func u32() throws -> UInt32 {
        try need(4, "an integer")
        defer { offset += 4 }
        return data.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
    }

    mutating func string() throws -> String {
        let length = Int(try u16())
        try need(length, "a name")
        let start = data.startIndex + offset
        offset += length
        // The stored length counts the trailing NUL.
        return String(decoding: data[start..<(start + max(0, length - 1))], as: UTF8.self)
    }

    mutating func skip(_ n: Int, what: String) throws {
        try need(n, "the data of \(what)")
        offset += n
    }
}
