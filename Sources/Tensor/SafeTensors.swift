import Foundation

/// A `.safetensors` file: an 8-byte little-endian header length, a JSON header mapping each
/// tensor name to its dtype, shape and byte range, then the raw little-endian data. The file
/// is memory-mapped; a tensor is copied out (as float32) only when asked for.
public struct SafeTensors: Sendable {
    public struct Entry: Sendable, Hashable {
        public var dtype: String
        public var shape: [Int]
        public var start: Int
        public var end: Int
    }

    public let path: String
    public let entries: [String: Entry]
    private let data: Data
    private let dataStart: Int

    public init(path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { throw SafeTensorsError.missingFile(path: path) }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) } catch {
            throw SafeTensorsError.badFile(path: path, reason: "unreadable: \(error.localizedDescription)")
        }
        guard data.count >= 8 else { throw SafeTensorsError.badFile(path: path, reason: "shorter than its 8-byte header length") }
        let headerLength = data.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard headerLength <= UInt64(data.count - 8) else {
            throw SafeTensorsError.badFile(path: path, reason: "header length \(headerLength) past the end of the file")
        }
        let headerEnd = 8 + Int(headerLength)
        guard let header = try? JSONSerialization.jsonObject(with: data.subdata(in: 8..<headerEnd)) as? [String: Any] else {
            throw SafeTensorsError.badFile(path: path, reason: "header is not a JSON object")
        }
        var entries: [String: Entry] = [:]
        for (name, value) in header where name != "__metadata__" {
            guard let info = value as? [String: Any], let dtype = info["dtype"] as? String,
                  let shape = info["shape"] as? [Int], let offsets = info["data_offsets"] as? [Int], offsets.count == 2,
                  offsets[0] <= offsets[1], headerEnd + offsets[1] <= data.count else {
                throw SafeTensorsError.badFile(path: path, reason: "bad entry for \(name)")
            }
            entries[name] = Entry(dtype: dtype, shape: shape, start: offsets[0], end: offsets[1])
        }
        self.path = path
        self.entries = entries
        self.data = data
        self.dataStart = headerEnd
    }

    /// The tensor `name` as float32, checked against `shape` when given.
    public func tensor(_ name: String, shape expected: [Int]? = nil) throws -> Tensor {
        guard let e = entries[name] else { throw SafeTensorsError.badTensor(name: name, reason: "missing from \(path)") }
        if let expected, expected != e.shape {
            throw SafeTensorsError.badTensor(name: name, reason: "shape \(e.shape), expected \(expected)")
        }
        let count = e.shape.reduce(1, *)
        let bytes = data[(dataStart + e.start)..<(dataStart + e.end)]
        var values = [Float](repeating: 0, count: count)
        switch e.dtype {
        case "F32":
            guard bytes.count == count * 4 else { throw SafeTensorsError.badTensor(name: name, reason: "byte range does not match its shape") }
            _ = values.withUnsafeMutableBytes { bytes.copyBytes(to: $0) }
        case "F16":
            guard bytes.count == count * 2 else { throw SafeTensorsError.badTensor(name: name, reason: "byte range does not match its shape") }
            var halves = [UInt16](repeating: 0, count: count)
            _ = halves.withUnsafeMutableBytes { bytes.copyBytes(to: $0) }
            for i in 0..<count { values[i] = Float(Float16(bitPattern: UInt16(littleEndian: halves[i]))) }
        default:
            throw SafeTensorsError.badTensor(name: name, reason: "dtype \(e.dtype) is not supported (F32, F16)")
        }
        do { return try Tensor(shape: e.shape, data: values) } catch {
            throw SafeTensorsError.badTensor(name: name, reason: "\(error)")
        }
    }
}
