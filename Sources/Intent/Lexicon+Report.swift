/// Word classes of talk about the world rather than about a design: what happened, what is
/// measured, what went wrong, when things are due. They are general English and general office
/// vocabulary, so they hold for meetings the rules were never tuned on.
extension Lexicon {
    /// Irregular past forms; regular ones are read from their "-ed". Forms that are also common
    /// words for places or looks ("left", "set", "cut", "read", "light") are left out.
    static let irregularPast: Set<String> = [
        "was", "were", "had", "did", "went", "came", "got", "made", "built", "broke", "grew", "fell", "rose", "ran", "saw",
        "said", "told", "took", "gave", "found", "kept", "began", "wrote", "spun", "laid", "lost", "won", "sent", "spent",
        "paid", "sold", "bought", "brought", "thought", "felt", "heard", "met", "led", "knew", "forgot", "chose", "drove",
        "flew", "threw", "caught", "taught", "fought", "held", "stood", "shook", "woke", "wore", "tore", "stole", "ate",
        "sat", "slept", "struck", "became", "overtook", "wasnt", "werent", "didnt", "hadnt",
    ]

    /// "-ed" words that describe a look or a state of the interface, not a past event:
    /// "striped rows", "a disabled state", "when it's focused".
    static let uiParticiples: Set<String> = [
        "striped", "filled", "nested", "stacked", "collapsed", "expanded", "disabled", "enabled", "selected", "focused",
        "checked", "unchecked", "shaded", "tinted", "layered", "padded", "labelled", "labeled", "numbered", "dotted",
        "dashed", "curved", "shaped", "styled", "themed", "colored", "coloured", "highlighted", "underlined", "italicized",
        "bolded", "muted", "saturated", "desaturated", "faded", "zoomed", "grouped", "tabbed", "docked", "anchored",
        "aligned", "justified", "spaced", "sized", "scaled", "hovered", "pressed", "clicked", "tapped", "logged", "signed",
        "named", "titled", "dismissed", "closed", "opened", "hidden", "needed", "wanted", "inspired", "based", "related",
        "detailed", "advanced", "animated", "recommended", "featured", "suggested", "embedded", "connected", "verified",
        "limited", "unlimited", "archived", "saved", "pinned", "fixed", "shared", "used", "sorted", "filtered",
        "condensed", "extended", "segmented", "customized", "customised", "personalized", "personalised", "localized",
        "tiled", "staggered", "tilted", "blended", "textured", "patterned", "mixed", "balanced", "unified", "simplified",
        "refined", "polished", "minimized", "maximized", "illustrated", "rated", "starred", "branded", "colorized", "spotted",
        "checkered", "gridded", "skewed", "wrapped", "truncated", "abbreviated", "localised", "curated", "sticked",
        "included", "required", "completed", "finished", "greyed", "grayed", "locked", "unlocked", "ticked", "crossed",
    ]
    /// Words that end in "ed" without being participles at all.
    static let notParticiples: Set<String> = ["speed", "embed", "breed", "freed", "shred", "steed", "unwed"]

    /// Defects and their paperwork.
    static let defectWords: Set<String> = [
        "bug", "bugs", "buggy", "glitch", "glitches", "error", "errors", "crash", "crashes", "crashing", "outage", "outages",
        "incident", "incidents", "regression", "regressions", "typo", "typos", "ticket", "tickets", "exception", "exceptions",
        "failure", "failures", "downtime", "hotfix", "rollback", "postmortem", "vulnerability", "leak", "leaks", "flaky",
        "broken", "jira", "production", "staging", "deploy", "deployment", "release", "migration",
    ]

    /// Business measures and units of measure (pixels and columns are design sizes, not here).
    static let measureWords: Set<String> = [
        "revenue", "churn", "conversion", "conversions", "retention", "signups", "latency", "uptime", "throughput",
        "traffic", "engagement", "metrics", "metric", "kpi", "kpis", "arr", "mrr", "nps", "growth", "sales", "profit",
        "margin", "margins", "budget", "budgets", "cost", "costs", "percent", "percentage", "average", "median", "p95",
        "p99", "milliseconds", "millisecond", "ms", "seconds", "minutes", "hours", "megabytes", "gigabytes", "kilobytes",
        "mb", "gb", "kb", "dollars", "euros", "bucks", "thousand", "million", "billion", "points", "users", "customers",
        "members", "subscribers", "visitors", "lag", "quarter", "numbers",
    ]

    /// The calendar and the meeting itself.
    static let scheduleWords: Set<String> = [
        "yesterday", "tomorrow", "today", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday", "weekend", "week", "month", "year", "morning", "afternoon", "january", "february", "march", "april",
        "june", "july", "august", "september", "october", "november", "december", "q1", "q2", "q3", "q4", "sprint",
        "deadline", "standup", "retro", "offsite", "roadmap", "agenda", "vacation", "holiday", "ago", "eod", "launch",
        "demo", "interview", "interviews", "hackathon", "conference",
    ]

    /// Adjectives that judge or report a thing as it is ("is slow", "so cluttered"), read only after a
    /// linking verb, so "a broken-image placeholder" is not a complaint.
    static let judgementWords: Set<String> = [
        "broken", "buggy", "slow", "laggy", "flaky", "wrong", "down", "late", "cluttered", "messy", "confusing", "ugly",
        "terrible", "awful", "bad", "horrible", "outdated", "dated", "clunky", "janky", "unusable", "missing", "off",
        "annoying", "painful", "useless", "expensive", "great", "amazing", "fine", "done", "live", "ready",
    ]

    static let subjectPronouns: Set<String> = [
        "i", "we", "they", "he", "she", "you", "someone", "everyone", "everybody", "nobody", "somebody", "who", "people",
        "anyone",
    ]
    /// Auxiliaries after which an "-ed" word is a finished event: "hasn't reviewed", "was declined".
    static let pastAuxiliaries: Set<String> = [
        "has", "have", "had", "hasnt", "havent", "hadnt", "ive", "weve", "youve", "theyve", "was", "were", "wasnt",
        "werent", "got", "been",
    ]
    static let linkingVerbs: Set<String> = ["is", "are", "was", "were", "isnt", "arent", "its", "thats", "looks", "feels", "seems", "got", "went"]
}
