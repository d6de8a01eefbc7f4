#!/usr/bin/env python3
"""Fills a migrated MockPilot database with N synthetic posts with random unit embeddings,
for timing search (the time depends on the count, not on the words).

usage: fill_posts_db.py DATABASE N [SEED]"""
import array
import json
import math
import random
import sqlite3
import sys

path, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
db = sqlite3.connect(path)
rows = []
for i in range(n):
    v = array.array("f", (rng.random() - 0.5 for _ in range(384)))
    norm = math.sqrt(sum(x * x for x in v))
    v = array.array("f", (x / norm for x in v))
    rows.append((f"bench:{i}", "reddit" if i % 3 else "instagram", "bench", "r/bench", f"synthetic post {i}",
                 "", 1.7e9 + i, i % 100, (i % 200) / 100 - 1, json.dumps([]), v.tobytes(), 1.7e9))
    if len(rows) == 5000:
        db.executemany("INSERT INTO insight_post VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        rows = []
db.executemany("INSERT INTO insight_post VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
db.commit()
