#!/usr/bin/env python3
"""Writes a long synthetic meeting as TranscriptMsg JSON Lines, for `make bench`.

Design requests, refinements and ordinary chatter in a fixed, seeded mix, with realistic
durations and pauses, so the trigger sees both silence and cue words."""
import json
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
rng = random.Random(7)
components = ["button", "card", "navbar", "modal", "pricing table", "login screen", "sidebar", "footer",
              "search bar", "toggle", "dropdown", "alert", "progress bar", "tooltip", "carousel", "hero section",
              "avatar", "badge", "tabs", "checkout form", "data table", "input field", "signup form", "list"]
styles = ["pill-shaped", "rounded", "dark", "minimal", "glassy", "bold", "large", "small", "sticky", "animated"]
brands = ["Stripe", "Linear", "Notion", "Apple", "Airbnb", "Spotify", "Vercel", "GitHub", "Figma", "Slack"]
colors = ["purple", "blue", "green", "red", "orange", "indigo", "black", "white"]
asks = ["Let's build a {s} {c} like {b}'s.", "Can we mock up a {s} {c} in {col}?", "Give me a {s} {c}, kind of like {b}.",
        "Let's make a {c} that feels like {b}, {s} and {col}.", "We need a {s} {c} for the settings page."]
refinements = ["Make it a bit bigger.", "Change that to {col}.", "Round the corners more.", "Give it a soft shadow.",
               "Make it dark mode.", "Can it be full width?"]
chatter = ["I think the numbers from last quarter look fine.", "Can everyone see my screen?",
           "Let's build consensus on the roadmap first.", "The button in the old app broke last week.",
           "Stripe's revenue grew a lot this year.", "We spun up a staging cluster yesterday.",
           "I'll send the notes after the call.", "Does Thursday work for the follow-up?",
           "Marketing wants the copy by Friday.", "Sorry, I was on mute."]
speakers = ["Maya", "Devon", "Priya", "Sam"]
t = 0.0
for i in range(n):
    r = rng.random()
    fill = dict(s=rng.choice(styles), c=rng.choice(components), b=rng.choice(brands), col=rng.choice(colors))
    if r < 0.15:
        text = rng.choice(asks).format(**fill)
    elif r < 0.25:
        text = rng.choice(refinements).format(**fill)
    else:
        text = rng.choice(chatter)
    dur = max(1.0, len(text.split()) / 2.6)
    print(json.dumps({"id": f"s{i + 1}", "text": text, "ts_start": round(t, 3), "ts_end": round(t + dur, 3),
                      "speaker": rng.choice(speakers)}))
    t += dur + rng.choice([0.3, 0.5, 0.8, 1.2, 1.8, 2.5])
