#!/usr/bin/env bash
# Renders every component in DIR (each *.jsx default-exports one) offline in headless Chromium and
# checks it: no console errors, the component renders with a non-zero size, and a Tailwind class
# has its computed style. Uses Debian's esbuild, React 18 and chromium, and the Tailwind v4
# standalone CLI that scripts/tools.sh fetches.
#
# usage: scripts/render-check.sh DIR_OF_JSX OUTDIR [CLASS]
#   CLASS: the Tailwind class whose computed style must apply (default: the first one that has a rule)
# prints one "render: NAME ok|FAIL ..." line per component, then "render: N passed, M failed";
# OUTDIR/NAME/ keeps the bundle, CSS, dom.html, check.json and shot.png. Exits 1 if any failed.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
src=$(cd "${1:?usage: render-check.sh DIR_OF_JSX OUTDIR [CLASS]}" && pwd)
mkdir -p "${2:?usage: render-check.sh DIR_OF_JSX OUTDIR [CLASS]}"
out=$(cd "$2" && pwd)
want_class=${3:-}
tailwind=$("$here/scripts/tools.sh")
export NODE_PATH=/usr/share/nodejs   # Debian's node and esbuild do not search this folder by themselves
chrome=(chromium --headless --no-sandbox --disable-gpu --disable-background-networking
        --disable-component-update --disable-sync --no-first-run --hide-scrollbars)

passed=0 failed=0
shopt -s nullglob
files=("$src"/*.jsx)
[ ${#files[@]} -gt 0 ] || { echo "render-check: no .jsx files in $src" >&2; exit 1; }
for file in "${files[@]}"; do
  name=$(basename "$file" .jsx)
  work="$out/$name"
  rm -rf "$work"; mkdir -p "$work"
  cat > "$work/main.jsx" <<JSX
import React from "react";
import { createRoot } from "react-dom/client";
import Component from "$file";

// Without a boundary a throwing component would leave the page blank with nothing said.
class Boundary extends React.Component {
  constructor(props) { super(props); this.state = { error: null }; }
  static getDerivedStateFromError(error) { return { error }; }
  render() { return this.state.error ? null : this.props.children; }
}
window.__reactVersion = React.version;
createRoot(document.getElementById("root")).render(<Boundary><Component /></Boundary>);
JSX
  printf '@import "tailwindcss" source(none);\n@source "%s";\n' "$file" > "$work/input.css"
  cat "$here/preview/harness/errors.js" "$here/preview/harness/probe.js" > "$work/probe.js"
  if ! esbuild "$work/main.jsx" --bundle --format=iife --jsx=automatic --loader:.js=jsx \
       --define:process.env.NODE_ENV='"development"' --log-level=error --outfile="$work/app.js" 2> "$work/esbuild.log"; then
    echo "render: $name FAIL: bundle: $(head -c 300 "$work/esbuild.log" | tr '\n' ' ')"
    failed=$((failed + 1)); continue
  fi
  if ! "$tailwind" -i "$work/input.css" -o "$work/app.css" 2> "$work/tailwind.log"; then
    echo "render: $name FAIL: tailwind: $(tail -c 300 "$work/tailwind.log" | tr '\n' ' ')"
    failed=$((failed + 1)); continue
  fi
  # The CSS is inlined: a file:// stylesheet is cross-origin, so the probe could not read its rules.
  { printf '<!doctype html>\n<html><head><meta charset="utf-8"><title>%s</title>\n<style>\n' "$name"
    cat "$work/app.css"
    printf '</style></head>\n<body data-check-class="%s">\n<div id="root"></div>\n' "$want_class"
    # Scripts are inlined too: errors from a file:// script reach window.onerror only as "Script error.".
    printf '<script>\n'; cat "$work/probe.js"; printf '\n</script>\n<script>\n'
    sed 's#</script#<\\/script#g' "$work/app.js"; printf '\n</script>\n</body></html>\n'
  } > "$work/index.html"
  timeout 60 "${chrome[@]}" --user-data-dir="$(mktemp -d)" --virtual-time-budget=3000 --window-size=1024,768 \
    --dump-dom "file://$work/index.html" > "$work/dom.html" 2> /dev/null || true
  timeout 60 "${chrome[@]}" --user-data-dir="$(mktemp -d)" --virtual-time-budget=3000 --window-size=1024,768 \
    --screenshot="$work/shot.png" "file://$work/index.html" > /dev/null 2>&1 || true
  verdict=$(node - "$work/dom.html" "$work/check.json" <<'NODE'
const fs = require("fs");
const [dom, jsonOut] = process.argv.slice(2);
const html = fs.existsSync(dom) ? fs.readFileSync(dom, "utf8") : "";
const m = html.match(/data-check="([^"]*)"/);
if (!m) { console.log("FAIL: the page never reported (no data-check in the DOM dump)"); process.exit(0); }
const text = m[1].replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&#39;/g, "'").replace(/&amp;/g, "&");
const c = JSON.parse(text);
fs.writeFileSync(jsonOut, JSON.stringify(c, null, 2));
const problems = [];
if (c.errors.length) problems.push(`${c.errors.length} console error(s): ${c.errors[0].slice(0, 200)}`);
if (!(c.width > 0 && c.height > 0)) problems.push(`rendered size ${c.width}x${c.height}`);
if (!c.checked) problems.push(c.wanted ? `class ${c.wanted} has no computed effect` : `no Tailwind class with a computed effect (${c.candidates} candidates)`);
const style = c.checked ? `${c.checked.class}: ${c.checked.property}=${c.checked.value}` : "";
console.log(problems.length ? `FAIL: ${problems.join("; ")}` : `ok ${c.width}x${c.height} ${style}`);
NODE
)
  echo "render: $name $verdict"
  case $verdict in ok*) passed=$((passed + 1)) ;; *) failed=$((failed + 1)) ;; esac
done
echo "render: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
