import Core

/// The words MockPilot listens for: component names, styles, colours and request phrases.
///
/// Phrases are lower-case word sequences; a trailing plural "s" is accepted on the last word.
enum Lexicon {
    /// How each component is named in a meeting. `weak` names ("header", "banner") count
    /// only in a new request, because in a refinement they are usually a part of the
    /// current component ("make the header sticky" on a table).
    struct ComponentName: Sendable {
        var words: [String]
        var kind: ComponentKind
        var weak = false
        /// A recogniser's known mis-hearing: counted as a guess, like a near-miss spelling.
        var misheard = false
    }

    static let components: [ComponentName] = {
        var names: [ComponentName] = []
        func add(_ kind: ComponentKind, _ phrases: [String], weak: Bool = false, misheard: Bool = false) {
            for p in phrases {
                names.append(ComponentName(words: p.split(separator: " ").map(String.init), kind: kind, weak: weak, misheard: misheard))
            }
        }
        add(.button, ["button", "cta", "call to action", "btn"])
        add(.input, ["input", "input field", "text field", "text input", "text box", "textbox", "textfield"])
        add(.card, ["card", "tile", "widget"])
        add(.navbar, ["navbar", "nav", "navigation", "navigation bar", "nav bar", "top bar", "menu bar", "app bar", "top nav"])
        add(.navbar, ["header"], weak: true)
        add(.modal, ["modal", "dialog", "dialogue", "popup", "lightbox", "confirmation dialog"])
        add(.form, ["form", "signup form", "sign up form", "registration form", "contact form", "survey form"])
        add(.table, ["table", "data table", "datagrid", "data grid", "spreadsheet view"])
        add(.hero, ["hero", "hero section", "hero banner", "jumbotron", "splash section"])
        add(.hero, ["banner", "landing section"], weak: true)
        add(.pricing, ["pricing", "pricing section", "pricing page", "pricing table", "pricing card", "price table", "plans section"])
        add(.footer, ["footer"])
        add(.avatar, ["avatar", "profile picture", "profile pic", "user photo"])
        add(.badge, ["badge", "chip", "pill badge", "status badge", "tag chip"])
        add(.tabs, ["tabs", "tab bar", "tab", "segmented control", "tabbed"])
        add(.toggle, ["toggle", "switch", "toggle switch"])
        add(.dropdown, ["dropdown", "drop down", "select menu", "picker", "combo box", "combobox"])
        add(.alert, ["alert", "toast", "notification", "snackbar", "banner alert", "error message", "warning banner"])
        add(.sidebar, ["sidebar", "side bar", "side nav", "sidenav", "side panel", "drawer", "rail", "nav rail", "navigation rail"])
        add(.list, ["list", "feed", "list view"])
        add(.search, ["search bar", "search box", "search field", "search input", "searchbar", "search"])
        add(.login, ["login", "login screen", "login page", "login form", "log in screen", "log in page", "sign in",
                     "sign in screen", "sign in page", "sign in form", "signin"])
        add(.checkout, ["checkout", "checkout page", "checkout form", "checkout flow", "payment form", "check out page"])
        add(.progress, ["progress bar", "progress", "progress indicator", "stepper", "progress stepper", "loading bar"])
        add(.tooltip, ["tooltip", "tool tip", "popover", "hover card"])
        // What speech recognisers are known to make of these names (Whisper tiny.en). They are
        // ordinary words too ("a network of partners"), so they count only beside other design words.
        add(.navbar, ["network"], misheard: true)
        add(.badge, ["batch"], misheard: true)
        add(.carousel, ["carousel", "slider", "slideshow", "image slider", "gallery slider"])
        return names
    }()

    /// Style names with the phrases that ask for them.
    static let styles: [(words: [String], style: String)] = {
        var table: [([String], String)] = []
        func add(_ style: String, _ phrases: [String]) {
            for p in phrases { table.append((p.split(separator: " ").map(String.init), style)) }
        }
        add("pill", ["pill", "pill shaped", "pill shape", "capsule", "pills"])
        add("rounded", ["rounded", "round", "rounded corners", "round the corners", "corner radius", "radius", "circle",
                        "circular", "circles", "rounder"])
        add("square", ["square", "squared", "sharp corners", "boxy"])
        add("gradient", ["gradient", "gradients", "ombre"])
        add("shadow", ["shadow", "drop shadow", "elevation", "elevated", "shadows"])
        add("outline", ["outline", "outlined", "bordered", "stroke"])
        add("ghost", ["ghost", "text only", "only text", "just text", "no background", "transparent background"])
        add("dark", ["dark", "dark mode", "dark theme", "darker"])
        add("light", ["light", "light mode", "light theme", "lighter"])
        add("glass", ["glass", "glassy", "frosted", "blurred", "blur", "glassmorphism", "translucent"])
        add("minimal", ["minimal", "minimalist", "clean", "simple", "barebones", "stripped down", "understated", "sparse", "plain"])
        add("bold", ["bold", "bolder", "chunky", "punchy", "heavy"])
        add("large", ["large", "big", "bigger", "larger", "huge", "oversized", "giant", "biggest", "wider", "taller"])
        add("small", ["small", "smaller", "tiny", "compact", "narrow", "narrower", "slim", "slimmer", "thinner", "tight"])
        add("hover-scale", ["hover zoom", "zoom on hover", "grow on hover", "scale on hover", "hover scale", "lift on hover"])
        add("hover-glow", ["glow on hover", "hover glow", "glow", "glowing"])
        add("animated", ["animated", "animate", "animation", "animations", "transition", "transitions", "bounce", "bouncy",
                         "wiggle", "pulse", "pulsing", "spinner", "shake", "shakes", "wobble", "wobbles", "blink", "blinks"])
        add("sticky", ["sticky", "stick to the top", "stick", "sticks", "pinned", "pin", "fixed to the top", "stays at the top", "stuck to"])
        add("full-width", ["full width", "fullwidth", "edge to edge", "full bleed", "whole width", "entire width"])
        add("centered", ["centered", "center", "centre", "centred", "center aligned"])
        return table
    }()

    /// Colour words, including Tailwind's palette names, mapped to one spelling.
    static let colors: [String: String] = [
        "red": "red", "orange": "orange", "yellow": "yellow", "green": "green", "blue": "blue", "purple": "purple",
        "pink": "pink", "white": "white", "black": "black", "gray": "gray", "grey": "gray", "indigo": "indigo",
        "violet": "violet", "teal": "teal", "cyan": "cyan", "emerald": "emerald", "slate": "slate", "zinc": "zinc",
        "amber": "amber", "fuchsia": "fuchsia", "magenta": "magenta", "navy": "navy", "turquoise": "turquoise",
        "beige": "beige", "brown": "brown", "lavender": "lavender", "maroon": "maroon", "crimson": "crimson",
        "gold": "gold", "golden": "gold", "silver": "silver", "coral": "coral", "mint": "mint", "lime": "lime",
    ]
    /// Palette names that are ordinary words too: colours only beside a shade number or "colour".
    static let ambiguousColors: Set<String> = ["rose", "sky", "stone", "neutral"]

    /// Verbs that ask for something new to be made; "make" and "get" need a request frame.
    static let createVerbs: [[String]] = [
        ["build"], ["mock", "up"], ["mockup"], ["spin", "up"], ["prototype"], ["proto", "type"], ["create"], ["draft"],
        ["whip", "up"], ["sketch", "out"], ["sketch"], ["put", "together"], ["throw", "together"], ["design"], ["make"], ["get"], ["give"],
    ]
    /// Create verbs as Whisper tiny.en is known to mis-hear them ("stay up" for "spin up");
    /// like any create verb they count only with a component right after them.
    static let misheardCreateVerbs: [String: [[String]]] = ["spin up": [["stay", "up"]], "mock up": [["mark", "up"]]]
    /// Verbs that change what is already there.
    static let editVerbs: Set<String> = [
        "make", "add", "change", "put", "round", "center", "centre", "give", "animate", "turn", "move", "use", "swap",
        "switch", "set", "bump", "increase", "decrease", "drop", "remove", "lose", "hide", "darken", "lighten", "shrink",
        "enlarge", "align", "try", "stick", "highlight", "paint", "tint", "color", "colour", "style", "restyle", "replace", "tweak", "adjust", "recolor", "widen", "push", "keep",
    ]
    /// Words that open a clause without carrying meaning.
    static let fillers: Set<String> = [
        "oh", "and", "actually", "okay", "ok", "now", "so", "um", "uh", "wait", "also", "maybe", "yeah", "then", "just",
        "please", "alright", "hmm", "honestly", "right", "well", "like", "but", "hey", "cool", "great", "lets",
        "perhaps", "quickly", "can", "could", "we", "you",
    ]
    /// Parts of a component that a refinement may talk about.
    static let designParts: Set<String> = [
        "corner", "corners", "border", "borders", "background", "backdrop", "shadow", "text", "headline", "font", "label",
        "icon", "icons", "logo", "color", "colour", "padding", "spacing", "header", "hover",
        "size", "width", "height", "version", "mode", "theme", "title", "image", "photo", "heading", "copy", "plan",
        "highlight", "accent", "edges", "margin", "outline", "one", "ones", "type", "typography", "row", "rows",
        "column", "columns", "placeholder", "caption",
    ]
    /// Words that place a line in an interface: a mis-heard name beside one is probably a design word.
    static let uiContext: Set<String> = [
        "corner", "corners", "border", "borders", "background", "backdrop", "shadow", "headline", "font", "icon", "icons",
        "logo", "padding", "spacing", "hover", "placeholder", "typography", "margin", "outline", "page", "screen", "app",
        "site", "website", "layout", "scroll", "scrolls", "scrolling", "click", "clicks", "tap", "taps", "mobile", "desktop",
        "dashboard", "ui", "pixel", "pixels", "px", "homepage", "viewport", "menu", "links",
    ]
    /// Whole views a component is placed on.
    static let pageWords: Set<String> = ["page", "screen", "site", "app", "homepage", "dashboard", "website", "view"]
    /// Plurals that are parts of an interface: "the navbar links", "the dropdown options".
    static let uiPlurals: Set<String> = [
        "links", "items", "options", "labels", "entries", "fields", "columns", "rows", "cells", "steps", "sections",
        "groups", "actions", "controls", "elements", "components", "screens", "pages", "states", "variants", "styles",
        "colors", "colours", "corners", "edges", "borders", "buttons", "icons", "dots", "lines", "cards", "tiles",
    ]
    /// Spatial words: a component after them is where something goes, not what is asked.
    static let locators: Set<String> = [
        "above", "below", "under", "beneath", "in", "inside", "into", "on", "onto", "over", "within", "beside", "next",
        "behind", "atop", "to",
    ]
    /// Verbs of movement; "slide", "fade" and the like also take a path ("slide in").
    static let motionVerbs: Set<String> = [
        "fill", "fills", "filling", "scroll", "scrolls", "scrolling", "spin", "spins", "spinning", "rotate", "rotates",
        "rotating", "play", "plays", "playing", "advance", "advances", "advancing", "expand", "expands", "unfold", "unfolds", "appear",
        "appears", "move", "moves", "open", "opens", "transition", "transitions",
    ]
    static let pathVerbs: Set<String> = [
        "slide", "slides", "sliding", "fade", "fades", "fading", "glide", "glides", "float", "floats", "drift", "drifts",
        "sweep", "sweeps", "swing", "swings", "flip", "flips", "fly", "flies",
    ]
    /// Every word of the style and verb tables: never taken for a mis-heard component name.
    static let knownWords: Set<String> = {
        var known = editVerbs.union(designParts).union(colors.keys)
        for entry in styles { known.formUnion(entry.words) }
        for verb in createVerbs { known.formUnion(verb) }
        known.formUnion(motionVerbs.union(pathVerbs))
        known.remove("stay")
        return known
    }()
    static let articles: Set<String> = ["a", "an", "some", "another", "one"]
}
