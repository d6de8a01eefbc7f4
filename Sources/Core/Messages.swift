/// The message shapes of the original design. Field names on the wire are the contract;
/// extra optional fields are additions that older readers simply ignore.

/// One stretch of speech, final or partial.
public struct TranscriptMsg: Codable, Sendable, Hashable {
    public var text: String
    public var tsStart: Double
    public var tsEnd: Double
    public var speaker: String?
    /// An id carried over from the source line, when it had one.
    public var id: String?

    public init(text: String, tsStart: Double, tsEnd: Double, speaker: String? = nil, id: String? = nil) {
        self.text = text
        self.tsStart = tsStart
        self.tsEnd = tsEnd
        self.speaker = speaker
        self.id = id
    }

    enum CodingKeys: String, CodingKey {
        case text, speaker, id
        case tsStart = "ts_start"
        case tsEnd = "ts_end"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        text = try c.decode(String.self, forKey: .text)
        tsStart = try c.decodeIfPresent(Double.self, forKey: .tsStart) ?? 0
        tsEnd = try c.decodeIfPresent(Double.self, forKey: .tsEnd) ?? tsStart
        speaker = try c.decodeIfPresent(String.self, forKey: .speaker)
        // Ids in the wild are strings or numbers.
        if let s = try? c.decodeIfPresent(String.self, forKey: .id) {
            id = s
        } else if let n = try? c.decodeIfPresent(Int.self, forKey: .id) {
            id = String(n)
        } else {
            id = nil
        }
    }
}

/// A design intent found in what someone said.
public struct IntentMsg: Codable, Sendable, Hashable {
    public var utteranceID: String
    /// nil for a refinement that names no component ("make it bigger").
    public var component: ComponentKind?
    public var styles: [String]
    public var brandRefs: [String]
    public var confidence: Double
    public var speaker: String?
    public var colors: [String]
    /// An explicit request to create ("let's build", "mock up").
    public var cue: Bool
    /// Changes the previous component instead of asking for a new one.
    public var refine: Bool
    /// The component a refinement changes.
    public var refersTo: ComponentKind?
    /// Free words worth showing on the component ("Pay", "Sign in").
    public var label: String?
    public var text: String?

    public init(utteranceID: String, component: ComponentKind?, styles: [String] = [], brandRefs: [String] = [],
                confidence: Double, speaker: String? = nil, colors: [String] = [], cue: Bool = false,
                refine: Bool = false, refersTo: ComponentKind? = nil, label: String? = nil, text: String? = nil) {
        self.utteranceID = utteranceID
        self.component = component
        self.styles = styles
        self.brandRefs = brandRefs
        self.confidence = confidence
        self.speaker = speaker
        self.colors = colors
        self.cue = cue
        self.refine = refine
        self.refersTo = refersTo
        self.label = label
        self.text = text
    }

    enum CodingKeys: String, CodingKey {
        case component, styles, confidence, speaker, colors, cue, refine, label, text
        case utteranceID = "utterance_id"
        case brandRefs = "brand_refs"
        case refersTo = "refers_to"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        utteranceID = try c.decode(String.self, forKey: .utteranceID)
        component = try c.decodeIfPresent(ComponentKind.self, forKey: .component)
        styles = try c.decodeIfPresent([String].self, forKey: .styles) ?? []
        brandRefs = try c.decodeIfPresent([String].self, forKey: .brandRefs) ?? []
        confidence = try c.decodeIfPresent(Double.self, forKey: .confidence) ?? 1
        speaker = try c.decodeIfPresent(String.self, forKey: .speaker)
        colors = try c.decodeIfPresent([String].self, forKey: .colors) ?? []
        cue = try c.decodeIfPresent(Bool.self, forKey: .cue) ?? false
        refine = try c.decodeIfPresent(Bool.self, forKey: .refine) ?? false
        refersTo = try c.decodeIfPresent(ComponentKind.self, forKey: .refersTo)
        label = try c.decodeIfPresent(String.self, forKey: .label)
        text = try c.decodeIfPresent(String.self, forKey: .text)
    }
}

/// What to generate: one version of one component.
public struct DesignSpec: Codable, Sendable, Hashable {
    /// Unique per version ("c3.v2"); stages are idempotent by it.
    public var specID: String
    public var component: ComponentKind
    /// Design tokens resolved from brands, colours and styles: "primary", "radius", "font", ...
    public var themeTokens: [String: String]
    /// Interaction effects: "hover-scale", "hover-glow", "animated", "sticky", ...
    public var interaction: [String]
    public var styles: [String]
    public var brandRefs: [String]
    public var colors: [String]
    /// The React component name ("PayButton"); derived when absent.
    public var name: String?
    public var label: String?
    public var version: Int
    public var utteranceIDs: [String]

    public init(specID: String, component: ComponentKind, themeTokens: [String: String] = [:], interaction: [String] = [],
                styles: [String] = [], brandRefs: [String] = [], colors: [String] = [], name: String? = nil,
                label: String? = nil, version: Int = 1, utteranceIDs: [String] = []) {
        self.specID = specID
        self.component = component
        self.themeTokens = themeTokens
        self.interaction = interaction
        self.styles = styles
        self.brandRefs = brandRefs
        self.colors = colors
        self.name = name
        self.label = label
        self.version = version
        self.utteranceIDs = utteranceIDs
    }

    enum CodingKeys: String, CodingKey {
        case component, interaction, styles, colors, name, label, version
        case specID = "spec_id"
        case themeTokens = "theme_tokens"
        case brandRefs = "brand_refs"
        case utteranceIDs = "utterance_ids"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        specID = try c.decode(String.self, forKey: .specID)
        component = try c.decode(ComponentKind.self, forKey: .component)
        // The original design: `theme_tokens: dict` of any JSON values, `interaction: str | None`.
        themeTokens = try c.decodeIfPresent([String: TokenValue].self, forKey: .themeTokens)?.compactMapValues(\.text) ?? [:]
        interaction = try Self.stringOrList(c, .interaction)
        styles = try c.decodeIfPresent([String].self, forKey: .styles) ?? []
        brandRefs = try c.decodeIfPresent([String].self, forKey: .brandRefs) ?? []
        colors = try c.decodeIfPresent([String].self, forKey: .colors) ?? []
        name = try c.decodeIfPresent(String.self, forKey: .name)
        label = try c.decodeIfPresent(String.self, forKey: .label)
        version = try c.decodeIfPresent(Int.self, forKey: .version) ?? 1
        utteranceIDs = try c.decodeIfPresent([String].self, forKey: .utteranceIDs) ?? []
    }

    /// A string, a list of strings, or null/absent (an empty list).
    private static func stringOrList(_ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> [String] {
        guard c.contains(key), try !c.decodeNil(forKey: key) else { return [] }
        if let one = try? c.decode(String.self, forKey: key) { return [one] }
        return try c.decode([String].self, forKey: key)
    }

    /// One value of `theme_tokens` as written: strings stay, numbers and booleans become their
    /// text, a list of plain values is joined ("Inter, sans-serif"); null and nested objects
    /// carry no token and are dropped.
    private struct TokenValue: Decodable {
        let text: String?

        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() {
                text = nil
            } else if let s = try? c.decode(String.self) {
                text = s
            } else if let b = try? c.decode(Bool.self) {
                text = b ? "true" : "false"
            } else if let d = try? c.decode(Double.self) {
                text = Self.number(d)
            } else if let list = try? c.decode([TokenValue].self) {
                let items = list.compactMap(\.text)
                text = items.isEmpty ? nil : items.joined(separator: ", ")
            } else {
                text = nil
            }
        }

        /// 8 as "8", 0.5 as "0.5"; never a trapping conversion.
        static func number(_ d: Double) -> String? {
            guard d.isFinite else { return nil }
            if let whole = Int(exactly: d) { return String(whole) }
            return String(d)
        }
    }
}

/// What a code generator returns for a spec.
public struct GenerateResponse: Codable, Sendable, Hashable {
    public var specID: String
    public var jsx: String
    /// The Tailwind classes the component uses.
    public var tailwind: [String]
    public var namedExports: [String]

    public init(specID: String, jsx: String, tailwind: [String], namedExports: [String]) {
        self.specID = specID
        self.jsx = jsx
        self.tailwind = tailwind
        self.namedExports = namedExports
    }

    enum CodingKeys: String, CodingKey {
        case jsx, tailwind
        case specID = "spec_id"
        case namedExports = "named_exports"
    }
}

/// A component that was written to the watched folder.
public struct ComponentEvt: Codable, Sendable, Hashable {
    public var specID: String
    public var jsx: String
    /// Seconds since 1970.
    public var ts: Double

    public init(specID: String, jsx: String, ts: Double) {
        self.specID = specID
        self.jsx = jsx
        self.ts = ts
    }

    enum CodingKeys: String, CodingKey {
        case jsx, ts
        case specID = "spec_id"
    }
}
