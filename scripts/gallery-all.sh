#!/usr/bin/env bash
# `make gallery`: one generated component of every kind, in a few looks, on one PNG
# (docs/gallery.png), rendered offline like the render check.
set -euo pipefail
bin=${1:-.build/debug/mockpilot}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - <<'PY' > "$work/specs.jsonl"
import json
kinds = ["button", "input", "card", "navbar", "modal", "form", "table", "hero", "pricing", "footer", "avatar", "badge",
         "tabs", "toggle", "dropdown", "alert", "sidebar", "list", "search", "login", "checkout", "progress", "tooltip", "carousel"]
looks = [(["pill", "gradient"], ["Stripe"], ["purple", "blue"]), (["dark", "minimal"], ["Linear"], []),
         (["rounded", "shadow"], [], ["green"]), (["glass"], ["Apple"], [])]
for i, k in enumerate(kinds):
    s, b, c = looks[i % len(looks)]
    print(json.dumps({"spec_id": f"g{i}.v1", "component": k, "styles": s, "brand_refs": b, "colors": c}))
PY
mkdir -p "$work/components"
"$bin" generate "$work/specs.jsonl" | python3 -c "
import json, sys
for line in sys.stdin:
    r = json.loads(line)
    open('$work/components/' + r['named_exports'][0] + '.jsx', 'w').write(r['jsx'])"
"$here/scripts/gallery.sh" "$work/components" "$here/docs/gallery.png"
echo "gallery: $here/docs/gallery.png"
