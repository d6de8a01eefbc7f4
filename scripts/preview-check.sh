#!/usr/bin/env bash
# Renders the real preview page (preview/src, unchanged) offline in headless Chromium over a folder
# of components, the way `npm run dev` would show it, and checks every card. Vite's
# import.meta.glob is stood in for by a generated module map (esbuild --define + --inject), and
# Tailwind runs through the standalone CLI from scripts/tools.sh on preview/src/index.css.
#
# usage: scripts/preview-check.sh COMPONENTS_DIR OUTDIR
# prints one "preview: NAME ok|FAIL reason" line per card, then "preview: N cards, M failed";
# OUTDIR keeps the bundle, CSS, index.html, dom.html, report.json and shot.png. Exits 1 if any failed.
#
# With MOCKPILOT_SERVE=URL (as `npm run dev` takes it), the page also follows that running
# `mockpilot serve`; then only OUTDIR/index.html is written and its path printed ("preview: page
# OUTDIR/index.html"): the page must be opened from an origin the server allows, with the token in
# its #token= fragment (Tests/ServerTests/PreviewKitTests.swift serves it so and drives Chromium).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
components=$(cd "${1:?usage: preview-check.sh COMPONENTS_DIR OUTDIR}" && pwd)
mkdir -p "${2:?usage: preview-check.sh COMPONENTS_DIR OUTDIR}"
out=$(cd "$2" && pwd)
tailwind=$("$here/scripts/tools.sh")
export NODE_PATH=/usr/share/nodejs

# As vite.config.js takes it: an origin, without a trailing slash.
serve=${MOCKPILOT_SERVE:-}
serve=${serve%/}
origin='^https?://[][A-Za-z0-9.:-]+$'
if [ -n "$serve" ] && ! [[ $serve =~ $origin ]]; then
  echo "preview-check: MOCKPILOT_SERVE must be an origin like http://127.0.0.1:8787, got $serve" >&2; exit 2
fi

shopt -s nullglob
files=("$components"/*.jsx)
grep -q 'import.meta.glob("@components/\*.jsx", { eager: true })' "$here/preview/src/Gallery.jsx" || {
  echo "preview-check: preview/src/Gallery.jsx no longer globs @components/*.jsx eagerly; update this script" >&2; exit 1; }

# The module map import.meta.glob("@components/*.jsx", { eager: true }) would give, keyed like Vite's.
{
  i=0
  for f in "${files[@]}"; do echo "import * as m$i from \"$f\";"; i=$((i + 1)); done
  echo "const modules = {"
  i=0
  for f in "${files[@]}"; do echo "  \"@components/$(basename "$f")\": m$i,"; i=$((i + 1)); done
  echo "};"
  echo "export function __mockpilotGlob(pattern, options) {"
  echo '  if (pattern !== "@components/*.jsx" || !(options && options.eager)) throw new Error("unexpected glob " + pattern);'
  echo "  return modules;"
  echo "}"
} > "$out/glob-shim.js"

if ! esbuild "$here/preview/src/main.jsx" --bundle --format=iife --jsx=automatic --loader:.js=jsx --loader:.css=empty \
     --define:import.meta.glob=__mockpilotGlob --inject:"$out/glob-shim.js" \
     --define:__MOCKPILOT_OUT__="\"$(dirname "$(dirname "$components")")\"" \
     --define:__MOCKPILOT_SERVE__="\"$serve\"" --define:__MOCKPILOT_TOKEN__='""' \
     --define:process.env.NODE_ENV='"development"' --log-level=error --outfile="$out/app.js" 2> "$out/esbuild.log"; then
  echo "preview: FAIL: bundle: $(head -c 600 "$out/esbuild.log" | tr '\n' ' ')"
  exit 1
fi
# preview/src/index.css with its @source pointed at the folder, as vite.config.js does.
sed "s#@source \"[^\"]*\";#@source \"$components\";\n@source \"$here/preview/src\";#" "$here/preview/src/index.css" > "$out/input.css"
"$tailwind" -i "$out/input.css" -o "$out/app.css" 2> "$out/tailwind.log"

{ printf '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>MockPilot preview</title>\n<style>\n'
  cat "$out/app.css"
  printf '</style></head>\n<body class="bg-slate-100">\n<div id="root"></div>\n<script>\n'
  cat "$here/preview/harness/errors.js" "$here/preview/harness/preview-probe.js"
  printf '\n</script>\n<script>\n'
  sed 's#</script#<\\/script#g' "$out/app.js"
  printf '\n</script>\n</body></html>\n'
} > "$out/index.html"
if [ -n "$serve" ]; then
  echo "preview: page $out/index.html"
  exit 0
fi
chrome=(chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update
        --disable-sync --no-first-run --hide-scrollbars)
timeout 90 "${chrome[@]}" --user-data-dir="$(mktemp -d)" --virtual-time-budget=4000 --window-size=1280,4000 \
  --dump-dom "file://$out/index.html" > "$out/dom.html" 2> /dev/null || true
timeout 90 "${chrome[@]}" --user-data-dir="$(mktemp -d)" --virtual-time-budget=4000 --window-size=1280,2400 \
  --screenshot="$out/shot.png" "file://$out/index.html" > /dev/null 2>&1 || true

node - "$out/dom.html" "$out/report.json" "${#files[@]}" <<'NODE'
const fs = require("fs");
const [dom, jsonOut, expected] = process.argv.slice(2);
const html = fs.existsSync(dom) ? fs.readFileSync(dom, "utf8") : "";
const m = html.match(/data-preview="([^"]*)"/);
if (!m) { console.log("preview: FAIL: the page never reported (no data-preview in the DOM dump)"); process.exit(1); }
const r = JSON.parse(m[1].replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&#39;/g, "'").replace(/&amp;/g, "&"));
fs.writeFileSync(jsonOut, JSON.stringify(r, null, 2));
let failed = 0;
for (const c of r.cards) {
  const problems = [];
  if (c.failure) problems.push(c.failure);
  else if (!(c.width > 0 && c.height > 0)) problems.push(`rendered size ${c.width}x${c.height}`);
  console.log(`preview: ${c.name} ${problems.length ? "FAIL: " + problems.join("; ") : `ok ${c.width}x${c.height}`}`);
  if (problems.length) failed++;
}
if (r.cards.length !== Number(expected)) { console.log(`preview: FAIL: ${r.cards.length} cards for ${expected} files`); failed++; }
if (r.errors.length) { console.log(`preview: FAIL: ${r.errors.length} console error(s): ${r.errors[0].slice(0, 300)}`); failed++; }
console.log(`preview: ${r.cards.length} cards, ${failed} failed; header: ${r.header}`);
process.exit(failed ? 1 : 0);
NODE
