#!/usr/bin/env python3
"""More real talk than ../shared/eval/real-talk, from the same three public sources, for measuring
false components on meetings the intent head and the rules were never shaped on.

usage: fresh-talk.py ELITR_GITDIR QMSUM_GITDIR CHANGELOG_GITDIR OUTDIR

Builds OUTDIR/{dev,test,train}/NAME.vtt (with an empty NAME.asks.jsonl: nobody labelled these, so
every component written from them counts as false) for the meetings of scripts/fresh-talk.txt,
with the conversion tools of ../shared/eval/real-talk/tools. The gitdirs are bare snapshots of
ELITR/minuting-experimentation, Yale-LILY/QMSum and thechangelog/transcripts. The meetings were
drawn at random from those not in the shared corpus, then the ones with most UI words kept for
dev and test (the shared corpus was picked the same way). Then:

  REAL_TALK=OUTDIR/test scripts/eval-real-talk.sh BIN          false components an hour, unseen
  EXTRA_TALK=OUTDIR/train scripts/train-intents.sh              a head that learned more talk
"""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "..", "shared", "eval", "real-talk", "tools"))
import ami2vtt, icsi2vtt, synth2vtt  # noqa: E402

HOUR = 3600.0
QMSUM_MAX_WORDS = 9000


def build(name, elitr, qmsum, changelog, path, file=None):
    source, rest = name.split("-", 1)
    if source == "ami":
        ami2vtt.main(rest, elitr, qmsum, path, HOUR)
    elif source == "icsi":
        icsi2vtt.main(rest, elitr, path, HOUR)
    elif source == "qmsum":
        synth2vtt.qmsum(qmsum, f"data/Committee/all/{rest}.json", path, QMSUM_MAX_WORDS)
    elif source == "changelog":
        show, number = rest.split("-")
        if file is None:
            file = f"jsparty/js-party-{number}.md" if show == "jsparty" else f"podcast/the-changelog-{number}.md"
        synth2vtt.changelog(changelog, file, path, HOUR)
    else:
        sys.exit(f"fresh-talk.py: unknown source in {name}")


def main(elitr, qmsum, changelog, outdir):
    listing = os.path.join(ROOT, "scripts", "fresh-talk.txt")
    for line in open(listing, encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        folder, name, *file = line.split()
        os.makedirs(f"{outdir}/{folder}", exist_ok=True)
        build(name, elitr, qmsum, changelog, f"{outdir}/{folder}/{name}.vtt", *file)
        open(f"{outdir}/{folder}/{name}.asks.jsonl", "w").close()


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
