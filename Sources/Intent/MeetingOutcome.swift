import Core

/// What a labelled meeting got out of MockPilot, judged from the versions it wrote: for every
/// labelled ask, a component of the asked kind whose first version came from that line; for every
/// labelled change, a version of the component made from the ask it refers to that came from that
/// line. It scores what the user sees (detection, the trigger and the meeting's landing rules
/// together), so an ask only offered as a suggestion, or a change applied to another component,
/// is a miss.
public struct MeetingOutcome: Sendable, Hashable {
    /// One version as written (a `spec` event of `run --no-tui`).
    public struct Version: Sendable, Hashable {
        public var componentID: String
        public var kind: ComponentKind
        /// The lines this version was made from (with a component's earlier versions' lines, or not).
        public var utteranceIDs: [String]

        public init(componentID: String, kind: ComponentKind, utteranceIDs: [String]) {
            self.componentID = componentID
            self.kind = kind
            self.utteranceIDs = utteranceIDs
        }

        /// The version a spec describes: its id is "COMPONENT.vN".
        public init(spec: DesignSpec) {
            let id = spec.specID
            let component = id.range(of: ".v", options: .backwards).map { String(id[..<$0.lowerBound]) } ?? id
            self.init(componentID: component, kind: spec.component, utteranceIDs: spec.utteranceIDs)
        }
    }

    public var asks = 0
    public var asksMade = 0
    public var changes = 0
    public var changesLanded = 0
    /// Asks not made but offered as a suggestion of their kind: one key press away on the screen.
    public var asksOffered = 0
    /// Asks applied as a change to a component made before them: a new thing written into an
    /// older one, which restyles it with the new ask's looks (issue 14's worst way to miss).
    public var asksMerged = 0
    /// Asks labelled with no kind: nothing to check them against.
    public var unscored = 0
    /// Each component whose first version came from no labelled design line, with the line it
    /// came from: what a reader needs to see why.
    public var unasked: [String] = []
    /// How many components came from no labelled design line.
    public var falseComponents: Int { unasked.count }
    /// Each ask or change missed, with what happened instead.
    public var misses: [String] = []

    public init() {}

    /// Asks made and changes landed, over all asks and changes (1 when there were none).
    public var rate: Double {
        asks + changes == 0 ? 1 : Double(asksMade + changesLanded) / Double(asks + changes)
    }

    public mutating func absorb(_ other: MeetingOutcome) {
        asks += other.asks
        asksMade += other.asksMade
        asksOffered += other.asksOffered
        asksMerged += other.asksMerged
        changes += other.changes
        changesLanded += other.changesLanded
        unscored += other.unscored
        misses += other.misses
        unasked += other.unasked
    }

    /// Scores one meeting: `lines` in the order they were said, `versions` in the order written,
    /// `offered` the kind each line was offered as a suggestion (by utterance id).
    public static func score(_ lines: [LabelledLine], versions: [Version],
                             offered: [String: ComponentKind] = [:]) -> MeetingOutcome {
        // Where each line went: the first version (in writing order) that names it.
        var cameFrom: [String: (component: String, first: Bool)] = [:]
        var kindOf: [String: ComponentKind] = [:]
        var firstLines: [(component: String, lines: [String])] = []
        for version in versions {
            let first = kindOf[version.componentID] == nil
            if first {
                kindOf[version.componentID] = version.kind
                firstLines.append((version.componentID, version.utteranceIDs))
            }
            for id in version.utteranceIDs where cameFrom[id] == nil {
                cameFrom[id] = (version.componentID, first)
            }
        }
        func describe(_ id: String) -> String {
            guard let went = cameFrom[id] else {
                guard let kind = offered[id] else { return "wrote nothing" }
                return "offered as \(kind.spoken(article: true)), not made"
            }
            let kind = kindOf[went.component].map(\.rawValue) ?? "?"
            return went.first ? "made \(went.component) (\(kind))" : "changed \(went.component) (\(kind))"
        }
        var outcome = MeetingOutcome()
        /// The component made from each labelled ask, by the ask's kind: the newest one is what a change refers to.
        var madeFrom: [ComponentKind: (line: String, component: String?)] = [:]
        for line in lines where line.design {
            if !line.refine {
                guard let kind = line.component else { outcome.unscored += 1; continue }
                outcome.asks += 1
                let went = cameFrom[line.id]
                let made = went.map { $0.first && kindOf[$0.component] == kind } ?? false
                madeFrom[kind] = (line.id, made ? went?.component : nil)
                if made {
                    outcome.asksMade += 1
                } else {
                    if went == nil, offered[line.id] == kind { outcome.asksOffered += 1 }
                    if went?.first == false { outcome.asksMerged += 1 }
                    outcome.misses.append("\(line.id) ask (\(kind.rawValue)): \(describe(line.id))")
                }
            } else {
                outcome.changes += 1
                let target = line.refersTo ?? line.component
                let went = cameFrom[line.id]?.component
                if let target, let ask = madeFrom[target] {
                    if let component = ask.component, went == component {
                        outcome.changesLanded += 1
                    } else if let component = ask.component {
                        outcome.misses.append("\(line.id) change to \(component) (\(target.rawValue), from \(ask.line)): \(describe(line.id))")
                    } else {
                        outcome.misses.append("\(line.id) change to the \(target.rawValue) of \(ask.line), which was not made: \(describe(line.id))")
                    }
                } else if let target, let went, kindOf[went] == target {
                    // A change to something that was there before the meeting: its kind is all there is to check.
                    outcome.changesLanded += 1
                } else {
                    outcome.misses.append("\(line.id) change to a \(target?.rawValue ?? "component") asked for before the meeting: \(describe(line.id))")
                }
            }
        }
        let design = Set(lines.filter(\.design).map(\.id))
        let text = Dictionary(lines.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
        for (component, ids) in firstLines where !ids.contains(where: design.contains) {
            let from = ids.last ?? "?"
            let kind = kindOf[component]?.rawValue ?? "?"
            outcome.unasked.append("\(from) made \(component) (\(kind)) from a line that asked for nothing: \(text[from].map { "\"\($0)\"" } ?? "")")
        }
        return outcome
    }
}
