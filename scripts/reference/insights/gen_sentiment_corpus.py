#!/usr/bin/env python3
"""Writes a seeded, deterministic corpus of product-feedback-style texts as JSON Lines
({"text": ...}) that exercises every VADER rule: boosters, dampeners, negation, "but",
ALL CAPS, !!! and ??, emoji and emoticons, special idioms, "kind of", "least",
"without a doubt", "no", unicode punctuation and odd whitespace.

usage: gen_sentiment_corpus.py [COUNT] [SEED]  (defaults 600, 7)"""
import json
import random
import sys

SUBJECTS = ["the pay button", "this checkout flow", "Stripe's gradient", "the new navbar", "that hover state",
            "the pricing card", "their onboarding", "the dark mode", "the pill button", "Linear's sidebar",
            "the modal", "this font", "the dashboard", "Vercel's landing page", "the toast", "the form"]
ADJ_POS = ["good", "great", "clean", "beautiful", "nice", "awesome", "amazing", "lovely", "perfect", "fun",
           "elegant", "fantastic", "useful", "smart", "cool", "sweet", "happy", "wonderful", "excellent", "fine"]
ADJ_NEG = ["bad", "ugly", "clunky", "terrible", "awful", "confusing", "annoying", "horrible", "boring", "broken",
           "slow", "painful", "disappointing", "weird", "useless", "frustrating", "sad", "stupid", "poor", "meh"]
BOOST = ["very", "extremely", "really", "so", "totally", "incredibly", "absolutely", "super", "hella", "quite",
         "kinda", "sort of", "kind of", "barely", "slightly", "somewhat", "hardly", "almost", "utterly", "most"]
NEG = ["not", "isn't", "never", "don't think it's", "wasn't", "ain't", "not really", "hardly", "without",
       "nothing", "no", "cannot be", "won't be", "doesn't look", "nor"]
VERBS_POS = ["love", "like", "enjoy", "adore", "appreciate", "admire", "recommend"]
VERBS_NEG = ["hate", "dislike", "despise", "regret", "dread", "loathe", "miss"]
EMOJI = ["😍", "👍", "😡", "💩", "🔥", "❤️", "🙄", "😂", "😭", "✨", "👎", "🤮", "🥰", "😐", "💯", "🎉", "😬", "🤔"]
EMOTICONS = [":)", ":(", ":D", ";)", ":-(", ":/", "<3", ":P", "XD", "D:"]
PUNCT = [".", "!", "!!!", "!!!!!!", "?", "??", "???", "?!", "...", "", " !!", "?!?!"]
IDIOMS = ["the bomb", "the shit", "to die for", "yeah right", "kiss of death", "bad ass", "badass",
          "cut the mustard", "under the weather", "beating heart", "bus stop", "upper hand"]
FILLER = ["honestly", "tbh", "imo", "lol", "lmao", "ngl", "fwiw", "idk", "omg", "wow", "meh", "ok", "hmm", "yeah"]
UNICODE = ["café-style", "naïve", "“quoted”", "— really", "résumé", "über", "façade", "Zürich", "日本語", "ñandú"]


def caps(rng, s):
    r = rng.random()
    if r < 0.12:
        return s.upper()
    if r < 0.2:
        return s.title()
    return s


def clause(rng):
    subj = rng.choice(SUBJECTS)
    kind = rng.randrange(12)
    adj = caps(rng, rng.choice(ADJ_POS if rng.random() < 0.5 else ADJ_NEG))
    if kind == 0:
        return f"{subj} is {rng.choice(BOOST)} {adj}"
    if kind == 1:
        return f"{subj} is {rng.choice(NEG)} {adj}"
    if kind == 2:
        return f"{subj} is {rng.choice(NEG)} {rng.choice(BOOST)} {adj}"
    if kind == 3:
        verb = caps(rng, rng.choice(VERBS_POS if rng.random() < 0.5 else VERBS_NEG))
        adverb = rng.choice(["", "really ", "kinda ", "totally ", "do not ", "don't ", "never "])
        return f"I {adverb}{verb} {subj}"
    if kind == 4:
        return f"{subj} is {rng.choice(IDIOMS)}"
    if kind == 5:
        return f"{subj} is at least {adj}" if rng.random() < 0.5 else f"{subj} is the least {adj} one"
    if kind == 6:
        return f"without a doubt {subj} is {adj}" if rng.random() < 0.5 else f"without doubt, {adj}"
    if kind == 7:
        return f"{subj} has never been {rng.choice(['so', 'this'])} {adj}"
    if kind == 8:
        return f"no {adj} {rng.choice(['ideas', 'colors', 'spacing'])} or {rng.choice(ADJ_POS + ADJ_NEG)} shadows"
    if kind == 9:
        return f"{rng.choice(FILLER)} {subj} looks {adj}"
    if kind == 10:
        return f"{subj}, {rng.choice(UNICODE)}, is {rng.choice(BOOST)} {adj}"
    return f"{subj} {rng.choice(['looks', 'feels', 'seems'])} {adj}"


def text(rng):
    parts = [clause(rng)]
    r = rng.random()
    if r < 0.35:
        parts.append(rng.choice(["but", "But", "BUT", "but honestly", "and", "yet", "though"]) + " " + clause(rng))
    elif r < 0.5:
        parts.append(clause(rng))
    s = " ".join(parts) if len(parts) == 1 or rng.random() < 0.6 else ". ".join(parts)
    s = s[0].upper() + s[1:] if rng.random() < 0.6 else s
    s += rng.choice(PUNCT)
    if rng.random() < 0.3:
        e = rng.choice(EMOJI) * rng.choice([1, 1, 2, 3])
        s = s + (" " if rng.random() < 0.6 else "") + e
    if rng.random() < 0.15:
        s = rng.choice(EMOJI) + s
    if rng.random() < 0.2:
        s += " " + rng.choice(EMOTICONS)
    if rng.random() < 0.1:
        s += " #" + rng.choice(["ux", "design", "ui", "stripe", "fail", "love"])
    if rng.random() < 0.08:
        s = s.replace(" ", rng.choice(["  ", "\t", "\u00a0", " \u3000"]), 1)
    if rng.random() < 0.05:
        s = "   " + s + "  "
    return s


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 600
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    rng = random.Random(seed)
    for _ in range(count):
        print(json.dumps({"text": text(rng)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
