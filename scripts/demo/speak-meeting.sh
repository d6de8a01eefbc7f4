#!/usr/bin/env bash
# Speaks the demo meeting's VTT into one 16 kHz mono WAV with espeak-ng, a voice per speaker and
# the recorded pauses, so `make demo` can run it through speech recognition like a real call.
set -euo pipefail
vtt=$1
wav=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$vtt" "$work" <<'PY'
import re, subprocess, sys
vtt, work = sys.argv[1], sys.argv[2]
voices = ["en-us", "en-gb", "en-us+f3", "en-gb-x-rp+m3", "en-us+m7"]
speakers, parts, t = {}, [], 0.0
def secs(s):
    h, m, rest = ([0] + s.split(":"))[-3:]
    return int(h) * 3600 + int(m) * 60 + float(rest)
cues = re.findall(r"(\d[\d:.]+) --> (\d[\d:.]+)\n<v ([^>]+)>(.*?)</v>", open(vtt).read())
for i, (start, end, who, text) in enumerate(cues):
    voice = speakers.setdefault(who, voices[len(speakers) % len(voices)])
    gap = max(0.6, secs(start) - t) if i else secs(start)
    if gap > 0:
        subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", "-b", "16", f"{work}/gap{i:03d}.wav", "trim", "0", f"{gap:.3f}"], check=True)
        parts.append(f"{work}/gap{i:03d}.wav")
    subprocess.run(["espeak-ng", "-v", voice, "-s", "155", "-w", f"{work}/raw{i:03d}.wav", text], check=True)
    subprocess.run(["sox", f"{work}/raw{i:03d}.wav", "-r", "16000", "-c", "1", "-b", "16", f"{work}/line{i:03d}.wav"], check=True)
    parts.append(f"{work}/line{i:03d}.wav")
    dur = float(subprocess.run(["soxi", "-D", f"{work}/line{i:03d}.wav"], capture_output=True, text=True).stdout)
    t = t + gap + dur
open(f"{work}/list", "w").write("\n".join(parts))
PY
sox $(cat "$work/list") "$wav"
