import Foundation
import Tensor

extension MappedWeights {
    /// Writes `tensors` (the first of each name) as a `model.f32` for the `model.bin` `source`
    /// identifies, with the float16 copies `halves` (by the name of the tensor each copies);
    /// a tensor named in `replacedByHalf` is written as its float16 copy alone.
    /// The file appears whole or not at all (written beside it, then renamed), so two
    /// processes loading the same model at once cannot map half a file.
    static func write(_ tensors: [(name: String, tensor: Tensor)], halves: [(name: String, bits: [UInt16])] = [],
                      replacedByHalf: Set<String> = [], to path: String, source: FileIdentity) throws {
        var seen = Set<String>()
        let all = tensors.filter { seen.insert($0.name).inserted }
        let shapes = Dictionary(all.map { ($0.name, $0.tensor.shape) }, uniquingKeysWith: { first, _ in first })
        var seenHalf = Set<String>()
        let uniqueHalves = halves.filter {
            shapes[$0.name].flatMap(CTranslate2File.product) == $0.bits.count && seenHalf.insert($0.name).inserted
        }
        let unique = all.filter { !(replacedByHalf.contains($0.name) && seenHalf.contains($0.name)) }
        var table: [UInt8] = []
        var offset = 0
        func entry(_ name: String, _ type: ElementType, _ shape: [Int], count: Int) -> Int {
            let utf8 = Array(name.utf8)
            append(UInt16(truncatingIfNeeded: utf8.count), to: &table)
            table += utf8
            table.append(type.rawValue)
            table.append(UInt8(truncatingIfNeeded: shape.count))
            for d in shape { append(UInt64(truncatingIfNeeded: d), to: &table) }
            append(UInt64(truncatingIfNeeded: offset), to: &table)
            defer { offset += (type.size * count + 63) / 64 * 64 }
            return offset
        }
        let offsets = unique.map { entry($0.name, .float32, $0.tensor.shape, count: $0.tensor.count) }
        let halfOffsets = uniqueHalves.map { entry($0.name, .float16, shapes[$0.name] ?? [], count: $0.bits.count) }
        let payloadOffset = (headerSize + table.count + 4095) / 4096 * 4096
        var payload = [UInt8](repeating: 0, count: offset)
        payload.withUnsafeMutableBytes { out in
            guard let base = out.baseAddress else { return }
            for ((_, tensor), at) in zip(unique, offsets) {
                tensor.withPointer { values in
                    for i in 0..<tensor.count {
                        (base + at + 4 * i).storeBytes(of: values[i].bitPattern.littleEndian, as: UInt32.self)
                    }
                }
            }
            for ((_, bits), at) in zip(uniqueHalves, halfOffsets) {
                for (i, b) in bits.enumerated() { (base + at + 2 * i).storeBytes(of: b.littleEndian, as: UInt16.self) }
            }
        }
        let checksum = payload.withUnsafeBytes { raw in
            raw.baseAddress.map { Self.checksum($0, bytes: raw.count) } ?? 0
        }
        var header = magic
        append(version, to: &header)
        append(UInt32(truncatingIfNeeded: unique.count + uniqueHalves.count), to: &header)
        append(source.size, to: &header)
        append(UInt64(bitPattern: source.mtime), to: &header)
        append(checksum, to: &header)
        append(UInt64(truncatingIfNeeded: payloadOffset), to: &header)
        append(UInt64(truncatingIfNeeded: payload.count), to: &header)
        var head = header + table
        head += [UInt8](repeating: 0, count: payloadOffset - head.count)
        let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        do {
            guard FileManager.default.createFile(atPath: temporary, contents: Data(head)),
                  let handle = FileHandle(forWritingAtPath: temporary) else { throw CocoaError(.fileWriteNoPermission) }
            defer { try? handle.close() }
            try handle.seekToEnd()
            try payload.withUnsafeBytes { try handle.write(contentsOf: $0) }
            guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }
}
