/// Float16 bit patterns as float32, every one of the 65,536 looked up: without F16C in the
/// baseline x86-64 target, Swift converts halves in software, which made loading twice as slow.
enum HalfFloat {
    static let table: [Float] = (0...UInt16.max).map { Float(Float16(bitPattern: $0)) }
}
