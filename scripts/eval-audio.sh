#!/usr/bin/env bash
# Intent figures from speech: the spoken dev lines through Whisper (with and without the design
# prompt), then the intent stage, next to design-word recall and word error rate on the lines and
# on the dev meetings (those through `run`'s speech stage, --vad), and design words heard that were
# not said (invented). Usage: scripts/eval-audio.sh BIN
# MOCKPILOT_DESIGN_BIAS=LAMBDA runs the prompted decodes with that decoder bias (0: off).
set -euo pipefail
BIN=${1:-.build/release/mockpilot}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
AUDIO="$ROOT/../shared/eval/audio"
TEXT_SET="$ROOT/../shared/eval/intents.dev.jsonl"
# MOCKPILOT_EVAL_KEEP=DIR keeps the transcripts there, to see what was misheard.
if [[ -n "${MOCKPILOT_EVAL_KEEP:-}" ]]; then work=$MOCKPILOT_EVAL_KEEP; mkdir -p "$work"
else work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; fi
bias=(); [[ -z "${MOCKPILOT_DESIGN_BIAS:-}" ]] || bias=(--design-bias "$MOCKPILOT_DESIGN_BIAS")

mapfile -t wavs < <(python3 -c "
import json,sys
for l in open('$AUDIO/manifest.jsonl'):
    r=json.loads(l)
    if r['kind']=='line': print('$AUDIO/'+r['wav'])")
"$BIN" transcribe "${wavs[@]}" > "$work/plain.jsonl"
"$BIN" transcribe --design-prompt "${bias[@]}" "${wavs[@]}" > "$work/prompted.jsonl"
"$BIN" transcribe --vad "$AUDIO"/meetings/meeting_0{1,2,3}.wav > "$work/meetings-plain.jsonl"
"$BIN" transcribe --vad --design-prompt "${bias[@]}" "$AUDIO"/meetings/meeting_0{1,2,3}.wav > "$work/meetings-prompted.jsonl"

python3 - "$AUDIO/manifest.jsonl" "$work" "$ROOT/Themes/design_mapper.yaml" "$ROOT/scripts/reference" <<'PY'
import json, re, sys
manifest, work, brands_file, reference = sys.argv[1:5]
sys.path.insert(0, reference)
from wer import wer
from design_words import invented
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
    extra = []
    for r in rows:
        key = r["wav"].split("/")[-1].rsplit(".", 1)[0]
        text = heard.get(key, "").strip()
        said, got = r["text"].lower(), text.lower()
        extra += invented(said, got, [b.lower() for b in brands] + component_words)
        for w in [b.lower() for b in brands] + component_words:
            if re.search(r"\b" + re.escape(w) + r"\b", said):
                want += 1
                hit += bool(re.search(r"\b" + re.escape(w) + r"\b", got))
        row = {k: r[k] for k in ("id", "design", "component", "styles", "brand_refs", "colors", "cue", "refine", "refers_to")}
        row["text"] = text
        labelled.append(row)
    errors, words = wer({r["id"]: r["text"] for r in rows}, {r["id"]: r["text"] for r in labelled})
    # The meetings: each design word counted as often as it was said, heard at most as often.
    m_hit = m_want = 0
    refs, hyps = {}, {}
    for n in (1, 2, 3):
        key = f"meeting_0{n}"
        refs[key] = " ".join(l["text"] for l in json.load(open(manifest.rsplit("/", 1)[0] + f"/meetings/{key}.json"))["lines"])
        hyps[key] = ""
    for l in open(f"{work}/meetings-{name}.jsonl"):
        seg = json.loads(l)
        hyps[seg["id"]] += " " + seg["text"]
    for key in refs:
        said, got = refs[key].lower(), hyps[key].lower()
        extra += invented(said, got, [b.lower() for b in brands] + component_words)
        for w in [b.lower() for b in brands] + component_words:
            pattern = r"\b" + re.escape(w) + r"\b"
            n_said = len(re.findall(pattern, said))
            m_want += n_said
            m_hit += min(n_said, len(re.findall(pattern, got)))
    m_errors, m_words = wer(refs, hyps)
    with open(f"{work}/{name}-labelled.jsonl", "w") as f:
        for row in labelled: f.write(json.dumps(row) + "\n")
    print(f"design-word recall ({name:8}) lines {hit}/{want} = {hit / max(want, 1):.1%}, "
          f"meetings {m_hit}/{m_want} = {m_hit / max(m_want, 1):.1%}, "
          f"both {hit + m_hit}/{want + m_want} = {(hit + m_hit) / max(want + m_want, 1):.1%}; "
          f"WER lines {errors / max(words, 1):.1%}, meetings {m_errors / max(m_words, 1):.1%}; "
          f"invented {len(extra)} {sorted(extra)}")
PY
echo
echo "== intents from speech, no prompt (40 spoken lines, Whisper tiny.en)"
"$BIN" eval intents "$work/plain-labelled.jsonl"
echo
echo "== intents from speech, design prompt"
"$BIN" eval intents "$work/prompted-labelled.jsonl"
