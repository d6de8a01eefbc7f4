#!/usr/bin/env bash
# Renders every component in DIR (the red-team corpus) WITHOUT the JSX check, each in its own page
# under the preview's Content-Security-Policy (preview/content-security-policy.txt), in headless
# Chromium, and reports which payloads ran. Pages come from a loopback server; "https://attacker.test"
# in a component is pointed at a second loopback server that stands in for another host. A payload
# ran if the other host got any request, or if the page server got a request for /pwned (what the
# injected code in the probes fetches). Each page sits in an iframe of one index page, so a form
# submission or a javascript: link navigates only its own frame.
#
# usage: scripts/redteam-render.sh DIR OUTDIR [--no-csp]
# prints "redteam: NAME rendered N" for every page that rendered, "redteam: NAME fired: REQUEST" for
# every request a payload made, then "redteam: P probes, R rendered, F fired".
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
src=$(cd "${1:?usage: redteam-render.sh DIR OUTDIR [--no-csp]}" && pwd)
mkdir -p "${2:?usage: redteam-render.sh DIR OUTDIR [--no-csp]}"
out=$(cd "$2" && pwd)
csp=$(cat "$here/preview/content-security-policy.txt")
[ "${3:-}" = "--no-csp" ] && csp=""
export NODE_PATH=/usr/share/nodejs

rm -rf "$out/site" "$out/attacker" "$out/site.port" "$out/attacker.port"; mkdir -p "$out/site" "$out/attacker" "$out/entries"
: > "$out/site.log"; : > "$out/attacker.log"
# The servers report their own pid (python3 may be a wrapper that forks), and hold none of our output.
python3 "$here/scripts/loopback-server.py" "$out/site" "$out/site.log" "$out/site.port" > /dev/null 2>&1 &
python3 "$here/scripts/loopback-server.py" "$out/attacker" "$out/attacker.log" "$out/attacker.port" > /dev/null 2>&1 &
stop_servers() {
  for f in "$out/site.port" "$out/attacker.port"; do [ -s "$f" ] && kill "$(cut -d' ' -f2 "$f")" 2> /dev/null; done
  return 0
}
trap stop_servers EXIT
for _ in $(seq 100); do [ -s "$out/site.port" ] && [ -s "$out/attacker.port" ] && break; sleep 0.1; done
[ -s "$out/site.port" ] && [ -s "$out/attacker.port" ] || { echo "redteam-render: the loopback servers did not start" >&2; exit 1; }
attacker="http://127.0.0.1:$(cut -d' ' -f1 "$out/attacker.port")"
site="http://127.0.0.1:$(cut -d' ' -f1 "$out/site.port")"

shopt -s nullglob
names=()
for file in "$src"/*.jsx; do
  name=$(basename "$file" .jsx)
  case $name in benign-*) continue ;; esac
  names+=("$name")
  sed -e "s#https://attacker\.test#$attacker/$name#g" -e "s#//attacker\.test#//${attacker#http://}/$name#g" \
      -e "s#/pwned#/pwned/$name#g" "$file" > "$out/entries/$name.probe.jsx"
  cat > "$out/entries/$name.jsx" <<JSX
import React from "react";
import { createRoot } from "react-dom/client";
import Component from "./$name.probe.jsx";
class Boundary extends React.Component {
  constructor(props) { super(props); this.state = { error: null }; }
  static getDerivedStateFromError(error) { return { error }; }
  render() { return this.state.error ? null : this.props.children; }
}
createRoot(document.getElementById("root")).render(<Boundary><Component /></Boundary>);
JSX
done
[ ${#names[@]} -gt 0 ] || { echo "redteam-render: no probes in $src" >&2; exit 1; }
entries=(); for name in "${names[@]}"; do entries+=("$out/entries/$name.jsx"); done
esbuild "${entries[@]}" --bundle --format=iife --jsx=automatic --log-level=error \
  --define:process.env.NODE_ENV='"production"' --outdir="$out/site/bundles"
cp "$here/preview/harness/redteam-drive.js" "$out/site/drive.js"
meta=""
[ -n "$csp" ] && meta="<meta http-equiv=\"Content-Security-Policy\" content=\"$csp\">"
frames=""
for name in "${names[@]}"; do
  mkdir -p "$out/site/$name"
  printf '<!doctype html>\n<html><head><meta charset="utf-8">%s<title>%s</title></head>\n<body data-probe="%s"><div id="root"></div>\n<script src="/bundles/%s.js"></script>\n<script src="/drive.js"></script>\n</body></html>\n' \
    "$meta" "$name" "$name" "$name" > "$out/site/$name/index.html"
  frames+="<iframe src=\"/$name/\" width=\"300\" height=\"150\"></iframe>"$'\n'
done
printf '<!doctype html>\n<html><head><meta charset="utf-8"><title>red team</title></head><body>\n%s</body></html>\n' "$frames" > "$out/site/index.html"

timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --user-data-dir="$(mktemp -d)" --virtual-time-budget=8000 --window-size=1280,2000 \
  --dump-dom "$site/" > "$out/dom.html" 2> "$out/chromium.log" || true
sleep 1   # let the servers write the last requests

rendered=0 fired=0
for name in "${names[@]}"; do
  line=$(grep -m1 "^GET /rendered/$name?" "$out/site.log" || true)
  if [ -n "$line" ]; then rendered=$((rendered + 1)); echo "redteam: $name rendered ${line##*elements=}"; fi
  hits=$( { grep -E "^[A-Z]+ /$name([/?]|$)" "$out/attacker.log" || true; grep -E "^[A-Z]+ /pwned/$name([/?']|$)" "$out/site.log" || true; } )
  if [ -n "$hits" ]; then
    fired=$((fired + 1))
    while IFS= read -r hit; do echo "redteam: $name fired: $hit"; done <<< "$hits"
  fi
done
# Payloads whose URL was encoded (atob, fromCharCode) fetch /pwned without a name.
while IFS= read -r hit; do echo "redteam: unnamed fired: $hit"; fired=$((fired + 1)); done < <(grep -E "^[A-Z]+ /pwned([?']|$)" "$out/site.log" || true)
echo "redteam: ${#names[@]} probes, $rendered rendered, $fired fired"
