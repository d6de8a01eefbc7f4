#!/usr/bin/env python3
"""Real talk (../shared/eval/real-talk): our scorer of MockPilot's runs, and its lines for training.

  real-talk.py score CORPUS WORKDIR   tables of false components per hour, versions from unlabelled
                                      lines and clear asks found, from WORKDIR/NAME/ (the manifest and
                                      events of `mockpilot run --transcript CORPUS/NAME.vtt`)
  real-talk.py lines CORPUS OUTDIR [NAME...]
                                      each meeting's cues as labelled lines (intents.dev.jsonl format)
                                      for the intent head: every cue more than 2 cues from any labelled
                                      cue, as talk (design false). Labelled cues and their neighbours are
                                      left out: the few real asks are for scoring, never for training.

A cue is named as MockPilot names it: u<N>, N = the 1-based line number of its timing line.
A component is false when the cues of its first version all lie more than WINDOW cues from every
labelled cue (clear or ambiguous); a version is from an unlabelled line when the cues it added do.
"""
import json
import os
import re
import sys

WINDOW = 2
VOICE = re.compile(r"^<v [^>]*>")
GROUPS = [("AMI design meetings", "ami-"), ("ICSI research meetings", "icsi-"),
          ("committees", "qmsum-"), ("podcasts", "changelog-")]


def read_vtt(path):
    """[(cue number, utterance id, start seconds, end seconds, text)] in file order."""
    lines = open(path, encoding="utf-8").read().split("\n")
    cues = []
    for i, line in enumerate(lines):
        if "-->" not in line or i == 0 or not lines[i - 1].strip().isdigit():
            continue
        start, end = (seconds(t.strip().split(" ")[0]) for t in line.split("-->"))
        text = []
        for more in lines[i + 1:]:
            if not more.strip():
                break
            text.append(VOICE.sub("", more.strip()).replace("</v>", ""))
        cues.append((int(lines[i - 1]), f"u{i + 1}", start, end, " ".join(text)))
    return cues


def seconds(stamp):
    h, m, s = stamp.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def read_asks(path):
    """{ask id: (clear, [cue numbers])}"""
    asks = {}
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            if line.strip():
                r = json.loads(line)
                clear, cues = asks.get(r["ask_id"], (not r["ambiguous"], []))
                asks[r["ask_id"]] = (clear, cues + [r["cue"]])
    return asks


def meetings(corpus):
    return sorted(f[:-4] for f in os.listdir(corpus) if f.endswith(".vtt"))


class Meeting:
    def __init__(self, corpus, name):
        self.name = name
        self.cues = read_vtt(f"{corpus}/{name}.vtt")
        self.cue_of = {u: n for n, u, _, _, _ in self.cues}
        self.minutes = (self.cues[-1][3] if self.cues else 0) / 60
        self.asks = read_asks(f"{corpus}/{name}.asks.jsonl")
        self.labelled = sorted({c for _, cues in self.asks.values() for c in cues})

    def near_label(self, cue):
        return any(abs(cue - k) <= WINDOW for k in self.labelled)

    def clear_asks_near(self, cues):
        return {a for a, (clear, labelled) in self.asks.items() if clear
                and any(abs(c - k) <= WINDOW for c in cues for k in labelled)}


def score_one(corpus, work, name):
    m = Meeting(corpus, name)
    out = f"{work}/{name}"
    manifest = json.load(open(f"{out}/out/mockpilot.manifest.json"))
    # Each component's versions in order, with the cues each one added.
    versions = {}
    for line in open(f"{out}/events.jsonl", encoding="utf-8"):
        e = json.loads(line)
        if e.get("type") != "spec":
            continue
        spec = e["spec"]
        component, _, number = spec["spec_id"].rpartition(".v")
        cues = {m.cue_of.get(u, -1) for u in spec.get("utterance_ids", [])}
        versions.setdefault(component, []).append((int(number), cues))
    row = {"name": name, "minutes": m.minutes, "cues": len(m.cues), "components": 0, "versions": 0,
           "false": 0, "unlabelled_versions": 0, "clear": len([a for a in m.asks.values() if a[0]]),
           "found_first": set(), "found_any": set(), "false_kinds": {}, "false_lines": []}
    for c in manifest.get("components", []):
        seen = sorted(versions.get(c["component_id"], []))
        if not seen:
            seen = [(1, {m.cue_of.get(u, -1) for u in c.get("utterance_ids", [])})]
        row["components"] += 1
        row["versions"] += len(seen)
        before = set()
        for i, (_, cues) in enumerate(seen):
            added = cues - before or cues
            before |= cues
            far = not any(m.near_label(k) for k in added)
            if i == 0:
                row["found_first"] |= m.clear_asks_near(added)
                if far:
                    row["false"] += 1
                    row["false_kinds"][c["kind"]] = row["false_kinds"].get(c["kind"], 0) + 1
                    text = {n: t for n, _, _, _, t in m.cues}
                    row["false_lines"].append(f"{c['kind']} {c['name']} <- " + " | ".join(
                        f"{k}: {text.get(k, '?')[:100]}" for k in sorted(added)))
            elif far:
                row["unlabelled_versions"] += 1
            row["found_any"] |= m.clear_asks_near(added)
    return row


def score(corpus, work, verbose):
    rows = [score_one(corpus, work, n) for n in meetings(corpus)]
    head = f"{'meeting':<24}{'min':>6}{'components':>11}{'versions':>9}{'false':>6}{'/h':>6}{'unlab.v':>8}  clear asks found (first version / any)"
    print(head)
    for r in rows:
        print(f"{r['name']:<24}{r['minutes']:6.1f}{r['components']:11}{r['versions']:9}{r['false']:6}"
              f"{r['false'] / (r['minutes'] / 60):6.1f}{r['unlabelled_versions']:8}  "
              f"{len(r['found_first'])} / {len(r['found_any'])} of {r['clear']}")
    print("-" * len(head))
    for label, prefix in [("all", "")] + GROUPS:
        rs = [r for r in rows if r["name"].startswith(prefix)]
        minutes = sum(r["minutes"] for r in rs)
        false = sum(r["false"] for r in rs)
        kinds = {}
        for r in rs:
            for k, n in r["false_kinds"].items():
                kinds[k] = kinds.get(k, 0) + n
        print(f"{label:<24}{minutes:6.1f}{sum(r['components'] for r in rs):11}{sum(r['versions'] for r in rs):9}{false:6}"
              f"{false / (minutes / 60):6.1f}{sum(r['unlabelled_versions'] for r in rs):8}  "
              f"{sum(len(r['found_first']) for r in rs)} / {sum(len(r['found_any']) for r in rs)} of {sum(r['clear'] for r in rs)}"
              + (f"   false by kind: {', '.join(f'{k} {n}' for k, n in sorted(kinds.items(), key=lambda x: -x[1]))}" if label == "all" and kinds else ""))
    if verbose:
        for r in rows:
            for line in r["false_lines"]:
                print(f"  {r['name']}: {line}")


def lines(corpus, outdir, names):
    os.makedirs(outdir, exist_ok=True)
    for name in names or meetings(corpus):
        m = Meeting(corpus, name)
        with open(f"{outdir}/{name}.jsonl", "w", encoding="utf-8") as f:
            for n, u, _, _, text in m.cues:
                if text.strip() and not m.near_label(n):
                    f.write(json.dumps({"id": f"{name}-{u}", "text": text, "design": False, "component": None,
                                        "styles": [], "brand_refs": [], "colors": [], "cue": False,
                                        "refine": False, "refers_to": None}) + "\n")


if __name__ == "__main__":
    args = sys.argv[1:]
    if len(args) >= 3 and args[0] == "score":
        score(args[1], args[2], "--verbose" in args)
    elif len(args) >= 3 and args[0] == "lines":
        lines(args[1], args[2], args[3:])
    else:
        sys.exit(__doc__)
