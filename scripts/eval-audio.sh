#!/usr/bin/env bash
# Intent figures from speech: the spoken dev lines through Whisper (with and without the design
# prompt), then the intent stage, next to design-word recall. Usage: scripts/eval-audio.sh BIN
set -euo pipefail
BIN=${1:-.build/release/mockpilot}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
AUDIO="$ROOT/../shared/eval/audio"
TEXT_SET="$ROOT/../shared/eval/intents.dev.jsonl"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mapfile -t wavs < <(python3 -c "
import json,sys
for l in open('$AUDIO/manifest.jsonl'):
    r=json.loads(l)
    if r['kind']=='line': print('$AUDIO/'+r['wav'])")
"$BIN" transcribe "${wavs[@]}" > "$work/plain.jsonl"
"$BIN" transcribe --design-prompt "${wavs[@]}" > "$work/prompted.jsonl"

python3 - "$AUDIO/manifest.jsonl" "$work" "$ROOT/Themes/design_mapper.yaml" <<'PY'
import json, re, sys
manifest, work, brands_file = sys.argv[1:4]
rows = [json.loads(l) for l in open(manifest) if json.loads(l)["kind"] == "line"]
brands = [m.group(1) for m in re.finditer(r"- name: (\S+)", open(brands_file).read())]
component_words = ["button", "navbar", "nav bar", "modal", "card", "hero", "pricing", "footer", "avatar", "badge",
                   "tabs", "toggle", "dropdown", "alert", "sidebar", "list", "search", "login", "checkout",
                   "progress", "tooltip", "carousel", "table", "form", "input", "pill", "mock up", "prototype"]
for name in ("plain", "prompted"):
    heard = {}
    for l in open(f"{work}/{name}.jsonl"):
        seg = json.loads(l)
        heard[seg["id"]] = heard.get(seg["id"], "") + " " + seg["text"]
    labelled = []
    hit = want = 0
    for r in rows:
        key = r["wav"].split("/")[-1].rsplit(".", 1)[0]
        text = heard.get(key, "").strip()
        said, got = r["text"].lower(), text.lower()
        for w in [b.lower() for b in brands] + component_words:
            if re.search(r"\b" + re.escape(w) + r"\b", said):
                want += 1
                hit += bool(re.search(r"\b" + re.escape(w) + r"\b", got))
        row = {k: r[k] for k in ("id", "design", "component", "styles", "brand_refs", "colors", "cue", "refine", "refers_to")}
        row["text"] = text
        labelled.append(row)
    with open(f"{work}/{name}-labelled.jsonl", "w") as f:
        for row in labelled: f.write(json.dumps(row) + "\n")
    print(f"design-word recall ({name:8}) {hit}/{want} = {hit / max(want, 1):.1%}")
PY
echo
echo "== intents from speech, no prompt (40 spoken lines, Whisper tiny.en)"
"$BIN" eval intents "$work/plain-labelled.jsonl"
echo
echo "== intents from speech, design prompt"
"$BIN" eval intents "$work/prompted-labelled.jsonl"
