"""Word error rate with the normaliser the eval README describes: lower-case, strip
punctuation and fillers, spell numbers, British -> US spelling, expand contractions.

  python3 wer.py REFS.json HYPS.json   (both {id: text}) -> prints per-group WER as JSON
Also importable: normalise(text), wer(refs, hyps) -> (errors, words).
"""
import json
import re
import sys

FILLERS = {"um", "uh", "erm", "er", "ah", "hmm", "mm", "mhm", "uhm", "hm"}
CONTRACTIONS = {
    "won't": "will not", "can't": "can not", "cannot": "can not", "shan't": "shall not",
    "let's": "let us", "it's": "it is", "that's": "that is", "what's": "what is",
    "there's": "there is", "here's": "here is", "he's": "he is", "she's": "she is",
    "who's": "who is", "where's": "where is", "how's": "how is", "i'm": "i am",
    "y'all": "you all", "gonna": "going to", "wanna": "want to", "gotta": "got to",
}
SUFFIXES = [("n't", " not"), ("'re", " are"), ("'ve", " have"), ("'ll", " will"), ("'d", " would"), ("'m", " am")]
BRITISH = {
    "colour": "color", "colours": "colors", "coloured": "colored", "grey": "gray", "centre": "center",
    "centred": "centered", "centres": "centers", "favourite": "favorite", "favourites": "favorites",
    "organise": "organize", "organised": "organized", "optimise": "optimize", "customise": "customize",
    "customised": "customized", "behaviour": "behavior", "realise": "realize", "licence": "license",
    "analyse": "analyze", "catalogue": "catalog", "dialogue": "dialog", "programme": "program",
    "minimise": "minimize", "maximise": "maximize", "prioritise": "prioritize", "summarise": "summarize",
}
ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def spell(n):
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else " " + ONES[n % 10])
    if n < 1000:
        return ONES[n // 100] + " hundred" + ("" if n % 100 == 0 else " " + spell(n % 100))
    if n < 1_000_000:
        return spell(n // 1000) + " thousand" + ("" if n % 1000 == 0 else " " + spell(n % 1000))
    return " ".join(ONES[int(d)] for d in str(n))


def normalise(text):
    t = text.lower().replace("’", "'").replace("‘", "'")
    t = re.sub(r"(\d+)%", r"\1 percent", t)
    t = re.sub(r"\$(\d+)", r"\1 dollars", t)
    t = re.sub(r"(\d),(\d{3})", r"\1\2", t)
    t = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", t)   # "follow-up" -> "follow up"
    words = []
    for w in re.findall(r"[a-z0-9']+", t):
        w = w.strip("'")
        if not w:
            continue
        if w in CONTRACTIONS:
            words.extend(CONTRACTIONS[w].split()); continue
        for suffix, full in SUFFIXES:
            if w.endswith(suffix) and len(w) > len(suffix):
                stem = w[: -len(suffix)]
                stem = {"wo": "will", "ca": "can", "sha": "shall"}.get(stem, stem) if suffix == "n't" else stem
                w = stem + full
                break
        else:
            if w.endswith("'s"):
                w = w[:-2] + "s"   # possessive: "stripe's" -> "stripes"
        for part in w.split():
            part = part.replace("'", "")
            if part in FILLERS:
                continue
            if part.isdigit():
                words.extend(spell(int(part)).split())
            elif re.fullmatch(r"(\d+)(st|nd|rd|th)", part):
                words.extend(spell(int(re.match(r"\d+", part).group())).split())
            else:
                words.append(BRITISH.get(part, part))
    return words


def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        prev = cur
    return prev[-1]


def wer(refs, hyps):
    errors = words = 0
    for key, ref in refs.items():
        r = normalise(ref)
        errors += edit_distance(r, normalise(hyps.get(key, "")))
        words += len(r)
    return errors, words


if __name__ == "__main__":
    refs = json.load(open(sys.argv[1]))
    hyps = json.load(open(sys.argv[2]))
    e, n = wer(refs, hyps)
    print(json.dumps({"errors": e, "words": n, "wer": e / max(n, 1)}))
