"""The design words the speech figures count: the brands in Themes/design_mapper.yaml and the
component words, matched as whole words in lower-cased text.

  words(brands_file) -> [word];  counts(text, words) -> {word: times}
  invented(said, heard, words) -> [word, ...]: each design word heard more often than said
"""
import re

COMPONENT_WORDS = ["button", "navbar", "nav bar", "modal", "card", "hero", "pricing", "footer", "avatar", "badge",
                   "tabs", "toggle", "dropdown", "alert", "sidebar", "list", "search", "login", "checkout",
                   "progress", "tooltip", "carousel", "table", "form", "input", "pill", "mock up", "prototype"]


def words(brands_file):
    brands = [m.group(1) for m in re.finditer(r"- name: (\S+)", open(brands_file).read())]
    return [b.lower() for b in brands] + COMPONENT_WORDS


def counts(text, vocabulary, plurals=False):
    text, plural = text.lower(), "s?" if plurals else ""
    return {w: len(re.findall(r"\b" + re.escape(w) + plural + r"\b", text)) for w in vocabulary}


def invented(said, heard, vocabulary):
    """A plural said counts as the word said: "avatar" heard for "avatars" is misheard, not invented."""
    want, got = counts(said, vocabulary, plurals=True), counts(heard, vocabulary, plurals=True)
    return [w for w in vocabulary for _ in range(max(0, got[w] - want[w]))]
