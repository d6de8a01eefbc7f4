import Core

/// What the `on_insight` hook reads on stdin: the insight and the component it is about.
struct InsightHookPayload: Encodable {
    var specID: String
    var component: ComponentKind
    var insight: InsightSummary

    enum CodingKeys: String, CodingKey {
        case specID = "spec_id", component, insight
    }
}
