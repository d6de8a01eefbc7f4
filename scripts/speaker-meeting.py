"""Builds a multi-speaker test meeting from real recordings of different people in Debian
packages, with the ground truth of who speaks when, for the speaker diarization eval
(scripts/eval-speakers.sh) and test (Tests/SpeakerTests).

Usage: speaker-meeting.py NAME OUT_WAV OUT_JSON

The voices (one speaker per folder as far as Resemblyzer tells: cosine similarity 0.66-0.94
between recordings of one voice, 0.33-0.74 across voices):
  allison   asterisk-core-sounds-en-wav: Allison Smith's telephone prompts (8 kHz, resampled)
  reader    pocketsphinx-testdata librivox/: a LibriVox reader of Sense and Sensibility
  cards     pocketsphinx-testdata cards/: the speaker of the playing-card test
  digits    pocketsphinx-testdata *.raw, tidigits/: the speaker of goforward, numbers, something and one TIDIGITS file
Turns follow each other with PAUSE seconds of silence, as in clean turn-taking. NAME picks the
meeting: "four" (4 voices, 20 turns, about 75 s), "three" (3 voices, 9 turns, about 40 s) or "two"
(2 voices, 6 turns, about 34 s: a short live run, Tests/EndToEndTests/RunSpeakersTests).
OUT_JSON has the shape of the espeak meetings' truth: {"speakers": [...], "lines": [{"start",
"end", "speaker", "source"}]}.
"""
import json
import os
import subprocess
import sys
import tempfile
import wave

PAUSE = 1.0
RATE = 16000
SPHINX = "/usr/share/pocketsphinx/test/data"
ALLISON = "/usr/share/asterisk/sounds/en_US_f_Allison"

SOURCES = {
    "allison": [f"{ALLISON}/{n}.wav" for n in ("vm-intro", "agent-newlocation", "conf-getpin", "conf-onlyperson",
                                                "auth-incorrect", "conf-invalid", "agent-user", "at-tone-time-exactly")],
    "reader": [f"{SPHINX}/librivox/sense_and_sensibility_01_austen_64kb-{n}.wav" for n in ("0870", "0880", "0890", "0920", "0930")],
    "cards": [f"{SPHINX}/cards/00{n}.wav" for n in range(1, 6)],
    "digits": [f"{SPHINX}/{n}.raw" for n in ("goforward", "numbers", "something", "tidigits/dhd.2934z")],
}
PACKAGES = {"allison": "asterisk-core-sounds-en-wav", "reader": "pocketsphinx-testdata",
            "cards": "pocketsphinx-testdata", "digits": "pocketsphinx-testdata"}

MEETINGS = {
    "four": ["allison", "reader", "cards", "digits", "allison", "reader", "digits", "cards", "allison", "reader",
             "cards", "digits", "allison", "reader", "cards", "digits", "allison", "reader", "cards", "allison"],
    "three": ["allison", "reader", "digits", "allison", "reader", "digits", "allison", "reader", "digits"],
    "two": ["allison", "reader", "allison", "reader", "allison", "reader"],
}


def pcm16k(path, scratch):
    """The recording as 16 kHz mono 16-bit little-endian PCM bytes, through sox."""
    out = os.path.join(scratch, "turn.raw")
    source = ["-t", "raw", "-r", "16000", "-e", "signed", "-b", "16", "-c", "1", path] if path.endswith(".raw") else [path]
    subprocess.run(["sox", *source, "-t", "raw", "-r", str(RATE), "-e", "signed", "-b", "16", "-c", "1", out],
                   check=True)
    with open(out, "rb") as f:
        return f.read()


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in MEETINGS:
        sys.exit(f"usage: speaker-meeting.py {{{','.join(MEETINGS)}}} OUT_WAV OUT_JSON")
    name, out_wav, out_json = sys.argv[1:]
    for voice, paths in SOURCES.items():
        for path in paths:
            if not os.path.exists(path):
                sys.exit(f"speaker-meeting: {path} is missing: apt-get install {PACKAGES[voice]} (scripts/deps.sh)")
    used = {voice: 0 for voice in SOURCES}
    silence = b"\0\0" * int(PAUSE * RATE)
    audio, lines, t = bytearray(silence), [], PAUSE
    with tempfile.TemporaryDirectory() as scratch:
        for voice in MEETINGS[name]:
            path = SOURCES[voice][used[voice] % len(SOURCES[voice])]
            used[voice] += 1
            turn = pcm16k(path, scratch)
            duration = len(turn) / 2 / RATE
            lines.append({"start": round(t, 3), "end": round(t + duration, 3), "speaker": voice, "source": path})
            audio += turn + silence
            t += duration + PAUSE
    with wave.open(out_wav, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(bytes(audio))
    with open(out_json, "w") as f:
        json.dump({"name": name, "speakers": sorted(set(MEETINGS[name])), "duration": round(t, 3), "lines": lines}, f,
                  indent=1)


if __name__ == "__main__":
    main()
