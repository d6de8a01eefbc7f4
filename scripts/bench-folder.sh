#!/usr/bin/env bash
# Components per second into one watched folder: N components (2,500 by default) written one
# after another as a long meeting would, with the Output target of a git revision, built in
# release mode in a scratch package (so two revisions compare on the same machine and disk).
#   scripts/bench-folder.sh [REV] [N]       e.g. scripts/bench-folder.sh main; scripts/bench-folder.sh HEAD
# Prints the overall rate, the rate of the first and of the last 10% of writes, and the
# manifest's size. The folder is made under the repository's .build (a real disk, not tmpfs,
# so fsync costs what it costs for a user).
set -euo pipefail
rev="${1:-HEAD}"
count="${2:-2500}"
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$here/.build/bench-folder-$$"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/Sources/bench"
git -C "$here" archive "$rev" Sources/Core Sources/Output | tar -x -C "$work"
cat > "$work/Package.swift" <<'SWIFT'
// swift-tools-version:6.1
import PackageDescription
let package = Package(name: "BenchFolder", platforms: [.macOS(.v14)], targets: [
    .target(name: "Core"), .target(name: "Output", dependencies: ["Core"]),
    .executableTarget(name: "bench", dependencies: ["Core", "Output"]),
], swiftLanguageModes: [.v6])
SWIFT
cat > "$work/Sources/bench/main.swift" <<'SWIFT'
import Core
import Foundation
import Output

let count = Int(CommandLine.arguments[1]) ?? 2500
let root = CommandLine.arguments[2]
let folder = try ComponentFolder(root: root)
let tenth = max(1, count / 10)
var marks: [Date] = [Date()]
for i in 1...count {
    let name = "Card\(i)"
    let jsx = """
        export function \(name)() {
          return (
            <div className="rounded-2xl bg-white p-6 shadow-md">
              <h3 className="text-lg font-semibold text-slate-900">Card number \(i)</h3>
              <p className="mt-2 text-sm text-slate-600">Generated while a long meeting went on.</p>
              <button className="mt-4 rounded-full bg-indigo-600 px-4 py-2 text-white">Open</button>
            </div>
          );
        }

        export default \(name);

        """
    let spec = DesignSpec(specID: "c\(i).v1", component: .card, version: 1, utteranceIDs: ["u\(i)"])
    try await folder.write(componentID: "c\(i)", name: name, kind: .card, version: 1, spec: spec, jsx: jsx)
    if i == tenth || i == count - tenth { marks.append(Date()) }
}
marks.append(Date())
func rate(_ n: Int, _ from: Date, _ to: Date) -> String { String(format: "%.1f", Double(n) / to.timeIntervalSince(from)) }
func size(_ file: String) -> Int { (try? FileManager.default.attributesOfItem(atPath: root + "/" + file)[.size] as? Int) ?? 0 }
let manifest = size("mockpilot.manifest.json") + size("mockpilot.manifest.jsonl")
print("components: \(count)  overall: \(rate(count, marks[0], marks[3]))/s  first 10%: \(rate(tenth, marks[0], marks[1]))/s  "
      + "last 10%: \(rate(tenth, marks[2], marks[3]))/s  manifest and journal: \(manifest / 1024) KB")
SWIFT
swift build -c release --package-path "$work" >/dev/null
"$work/.build/release/bench" "$count" "$work/folder"
