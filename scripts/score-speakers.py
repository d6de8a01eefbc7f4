"""Scores `mockpilot transcribe --speakers` JSON Lines against a meeting's ground truth.

Usage: score-speakers.py TRUTH_JSON TRANSCRIPT_JSONL

Each transcribed utterance is matched to the true turn it overlaps most (utterances overlapping
no turn count as wrong). The labels are then mapped to true speakers one to one, choosing the
mapping that gets most utterances right (every mapping is tried; meetings have few speakers).
Prints one JSON object: utterances, right, share (right / utterances), speakers_found,
speakers_true.
"""
import itertools
import json
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: score-speakers.py TRUTH_JSON TRANSCRIPT_JSONL")
    truth = json.load(open(sys.argv[1]))["lines"]
    utterances = [json.loads(line) for line in open(sys.argv[2]) if line.strip()]
    pairs = []  # (label, true speaker or None)
    for u in utterances:
        overlaps = [(min(u["ts_end"], t["end"]) - max(u["ts_start"], t["start"]), t["speaker"]) for t in truth]
        best = max(overlaps, default=(0, None))
        pairs.append((u.get("speaker"), best[1] if best[0] > 0 else None))
    labels = sorted({label for label, _ in pairs if label is not None})
    speakers = sorted({t["speaker"] for t in truth})
    right = 0
    if len(labels) <= 8:
        # Pad the shorter side with None so every one-to-one mapping is tried.
        targets = speakers + [None] * max(0, len(labels) - len(speakers))
        for chosen in itertools.permutations(targets, len(labels)):
            mapping = dict(zip(labels, chosen))
            right = max(right, sum(1 for label, true in pairs if true is not None and mapping.get(label) == true))
    print(json.dumps({"utterances": len(pairs), "right": right, "share": round(right / len(pairs), 4) if pairs else 0,
                      "speakers_found": len(labels), "speakers_true": len(speakers)}))


if __name__ == "__main__":
    main()
