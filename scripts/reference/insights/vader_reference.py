#!/usr/bin/env python3
"""Scores JSON Lines ({"text": ...}) on stdin with the reference vaderSentiment and prints
{"text", "compound", "pos", "neu", "neg"} per line. Run with the venv from scripts/venv.sh (reference vaderSentiment)."""
import json
import sys

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

analyzer = SentimentIntensityAnalyzer()
for line in sys.stdin:
    if not line.strip():
        continue
    t = json.loads(line)["text"]
    s = analyzer.polarity_scores(t)
    print(json.dumps({"text": t, "compound": s["compound"], "pos": s["pos"], "neu": s["neu"], "neg": s["neg"]},
                     ensure_ascii=False))
