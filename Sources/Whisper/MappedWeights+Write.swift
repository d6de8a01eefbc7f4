import Foundation
import Tensor

extension MappedWeights {
    /// Writes `tensors` (the first of each name) as a `model.f32` for the `model.bin` `source`
    /// identifies. The file appears whole or not at all (written beside it, then renamed), so
    /// two processes loading the same model at once cannot map half a file.
    static func write(_ tensors: [(name: String, tensor: Tensor)], to path: String, source: FileIdentity) throws {
        var seen = Set<String>()
        let unique = tensors.filter { seen.insert($0.name).inserted }
        var table: [UInt8] = []
        var offset = 0
        var offsets: [Int] = []
        for (name, tensor) in unique {
            let utf8 = Array(name.utf8)
            append(UInt16(truncatingIfNeeded: utf8.count), to: &table)
            table += utf8
            table.append(UInt8(truncatingIfNeeded: tensor.shape.count))
            for d in tensor.shape { append(UInt64(truncatingIfNeeded: d), to: &table) }
            append(UInt64(truncatingIfNeeded: offset), to: &table)
            offsets.append(offset)
            offset += (4 * tensor.count + 63) / 64 * 64
        }
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
        }
        let checksum = payload.withUnsafeBytes { raw in
            raw.baseAddress.map { Self.checksum($0, bytes: raw.count) } ?? 0
        }
        var header = magic
        append(version, to: &header)
        append(UInt32(truncatingIfNeeded: unique.count), to: &header)
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
