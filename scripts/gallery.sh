#!/usr/bin/env bash
# Renders every component in DIR on one page (a card each, like the preview kit) and screenshots
# it, offline: Debian esbuild + React 18 + chromium, and the Tailwind CLI from scripts/tools.sh.
# usage: scripts/gallery.sh [DIR_OF_JSX] [OUT_PNG]   (defaults: mockpilot-out/src/components docs/gallery.png)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
src=$(cd "${1:-$here/mockpilot-out/src/components}" && pwd)
png=${2:-$here/docs/gallery.png}
mkdir -p "$(dirname "$png")"
png="$(cd "$(dirname "$png")" && pwd)/$(basename "$png")"
tailwind=$("$here/scripts/tools.sh")
export NODE_PATH=/usr/share/nodejs
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

shopt -s nullglob
files=("$src"/*.jsx)
[ ${#files[@]} -gt 0 ] || { echo "gallery: no .jsx files in $src" >&2; exit 1; }
{
  echo 'import React from "react";'
  echo 'import { createRoot } from "react-dom/client";'
  i=0
  for f in "${files[@]}"; do echo "import C$i from \"$f\";"; i=$((i + 1)); done
  echo 'const entries = ['
  i=0
  for f in "${files[@]}"; do echo "  [\"$(basename "$f" .jsx)\", C$i],"; i=$((i + 1)); done
  echo '];'
  cat <<'JSX'
class Boundary extends React.Component {
  constructor(props) { super(props); this.state = { error: null }; }
  static getDerivedStateFromError(error) { return { error }; }
  render() { return this.state.error ? <pre className="text-sm text-red-700">{String(this.state.error.message)}</pre> : this.props.children; }
}
function Gallery() {
  return (
    <main className="mx-auto max-w-6xl p-6">
      <h1 className="mb-6 text-2xl font-bold text-slate-800">MockPilot gallery</h1>
      <div className="grid grid-cols-2 gap-6">
        {entries.map(([name, Component]) => (
          <section key={name} className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <h2 className="mb-3 font-mono text-xs text-slate-500">{name}</h2>
            <div className="flex min-h-24 items-center justify-center"><Boundary><Component /></Boundary></div>
          </section>
        ))}
      </div>
    </main>
  );
}
createRoot(document.getElementById("root")).render(<Gallery />);
JSX
} > "$work/main.jsx"
{
  echo '@import "tailwindcss" source(none);'
  echo '@source "./main.jsx";'
  for f in "${files[@]}"; do echo "@source \"$f\";"; done
} > "$work/input.css"
esbuild "$work/main.jsx" --bundle --format=iife --jsx=automatic --loader:.js=jsx \
  --define:process.env.NODE_ENV='"production"' --log-level=error --outfile="$work/app.js"
"$tailwind" -i "$work/input.css" -o "$work/app.css" 2> "$work/tailwind.log"
rows=$(( (${#files[@]} + 1) / 2 ))
height=$(( 140 + rows * 330 ))
{ printf '<!doctype html><html><head><meta charset="utf-8"><style>\n'; cat "$work/app.css"
  printf '</style></head><body class="bg-slate-100"><div id="root"></div><script src="app.js"></script></body></html>\n'
} > "$work/index.html"
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$work/profile" --virtual-time-budget=3000 \
  --window-size=1200,"$height" --screenshot="$png" "file://$work/index.html" > /dev/null 2>&1
echo "gallery: ${#files[@]} components -> $png"
