import Foundation

/// This test process's memory, for the tests that bound what streaming costs.
public enum ProcessMemory {
    /// Resident memory in bytes, from /proc/self/statm; 0 where it cannot be read.
    public static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
    }
}
