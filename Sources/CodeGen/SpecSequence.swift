import Core

/// Turns intents, in the order they were heard, into the specs of the components they ask for,
/// the way a meeting does: a new component gets the next id ("c3") at version 1; a refinement
/// ("make it bigger") is the next version of the component it refers to, else of the latest one.
/// `mockpilot extract | mockpilot generate -` goes through it.
public struct SpecSequence: Sendable {
    private struct Lineage: Sendable {
        var id: String
        var kind: ComponentKind
        var version: Int
        var spec: DesignSpec?
    }

    private let resolver: SpecResolver
    private var lineages: [Lineage] = []
    private var current: Int?

    public init(resolver: SpecResolver) {
        self.resolver = resolver
    }

    /// The next spec, or nil for a refinement when no component exists yet (or a non-refinement
    /// without a component kind), which nothing can be built from.
    public mutating func spec(for intent: IntentMsg) -> DesignSpec? {
        guard let (index, kind) = lineage(for: intent) else { return nil }
        let previous = lineages[index]
        let spec = resolver.spec(for: intent, kind: kind, previous: previous.spec, componentID: previous.id,
                                 version: previous.version + 1)
        lineages[index].version = spec.version
        lineages[index].spec = spec
        current = index
        return spec
    }

    private mutating func lineage(for intent: IntentMsg) -> (Int, ComponentKind)? {
        if intent.refine || intent.component == nil {
            if let wanted = intent.refersTo, let i = lineages.lastIndex(where: { $0.kind == wanted }) { return (i, wanted) }
            if let current { return (current, lineages[current].kind) }
            guard let kind = intent.component ?? intent.refersTo else { return nil }
            return (newLineage(kind), kind)
        }
        guard let kind = intent.component else { return nil }
        return (newLineage(kind), kind)
    }

    private mutating func newLineage(_ kind: ComponentKind) -> Int {
        lineages.append(Lineage(id: "c\(lineages.count + 1)", kind: kind, version: 0, spec: nil))
        return lineages.count - 1
    }
}
