import Foundation

/// Raw signed 16-bit little-endian samples, the only format that has no header to detect.
enum RawPCM {
    static func decodeS16LE(_ data: Data) -> [Float] {
        let count = data.count / 2
        var out = [Float](repeating: 0, count: count)
        data.withUnsafeBytes { raw in
            for i in 0..<count {
                let v = UInt16(raw[2 * i]) | UInt16(raw[2 * i + 1]) << 8
                out[i] = Float(Int16(bitPattern: v)) / 32768
            }
        }
        return out
    }
}
