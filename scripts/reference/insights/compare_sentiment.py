#!/usr/bin/env python3
"""Prints how many compounds of two sentiment JSON Lines files agree within 0.01."""
import json
import sys

ref = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
got = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8")]
assert len(ref) == len(got), f"{len(ref)} reference lines, {len(got)} scored"
agree = sum(1 for a, b in zip(ref, got) if a["text"] == b["text"] and abs(a["compound"] - b["compound"]) <= 0.01)
exact = sum(1 for a, b in zip(ref, got) if all(a[k] == b[k] for k in ("compound", "pos", "neu", "neg")))
print(f"vader: {agree}/{len(ref)} = {100 * agree / len(ref):.2f}% within 0.01; {exact} identical in all four scores")
