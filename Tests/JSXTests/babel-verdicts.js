// Babel's verdict on many files in one node process (start-up dominates otherwise).
// usage: NODE_PATH=/usr/share/nodejs node babel-verdicts.js < list-of-paths
// prints one JSON object: { "path": {"ok": true} | {"ok": false, "line": L, "column": C, "message": M} }
const fs = require("fs");
const { parse } = require("@babel/parser");
const paths = fs.readFileSync(0, "utf8").split("\n").filter(Boolean);
const out = {};
for (const p of paths) {
  try {
    parse(fs.readFileSync(p, "utf8"), { sourceType: "module", plugins: ["jsx"], errorRecovery: false });
    out[p] = { ok: true };
  } catch (e) {
    const loc = e.loc || { line: 0, column: 0 };
    out[p] = { ok: false, line: loc.line, column: loc.column + 1, message: String(e.message) };
  }
}
process.stdout.write(JSON.stringify(out));
