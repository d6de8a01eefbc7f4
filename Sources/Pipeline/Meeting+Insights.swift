import Core
import Foundation
import Insight
import LLM

extension Meeting {
    /// How long the end of a meeting waits for posts still being gathered before giving up on them.
    static let insightGrace: Double = 20

    /// At the start: loads the search matrix, and says what the insights pane can before any
    /// component: off (and which model is missing), or no posts and no source to gather them
    /// from. Off the pipeline's path: nothing here is awaited by the meeting.
    func announceInsights() {
        guard let insights else {
            if let unavailable = parts.insights.unavailable {
                emit.yield(.insight(.empty(.off(missing: parts.insights.missing ?? "embedding", reason: unavailable))))
            }
            return
        }
        let emit = self.emit
        let noSource = parts.insights.sources?.configured.isEmpty ?? true
        work.start(priority: .utility) {
            // The search matrix loads now (0.4 s at 100k posts), not when the first component asks.
            do {
                try await insights.warmUp()
            } catch {
                emit.yield(.warning("insights: \(error.localizedDescription)"))
            }
            if noSource, let stored = try? await insights.store.count(), stored == 0 {
                emit.yield(.insight(.empty(.noSource(stored: 0))))
            }
        }
    }

    /// Why `summary` is empty: nothing found on the configured sources, or no source at all.
    static func explain(_ summary: InsightSummary, sources: SourceConfiguration?, store: PostStore) async -> InsightSummary {
        guard summary.count == 0 else { return summary }
        var explained = summary
        if let configured = sources?.configured, !configured.isEmpty {
            explained.empty = .nothingFound(sources: configured)
        } else {
            explained.empty = .noSource(stored: (try? await store.count()) ?? 0)
        }
        return explained
    }

    /// Asks what people say about `spec`'s design in the background: the latest question wins
    /// and the pipeline never waits for it. What is stored is summarised at once; with a source
    /// configured, posts are then gathered (throttled per query, within Instagram's budget) and
    /// summarised again.
    func refreshInsights(for spec: DesignSpec) {
        guard let insights else { return }
        outstanding.insight?.cancel()
        let query = InsightQuery(component: spec.component.rawValue, styles: spec.styles, brands: spec.brandRefs)
        let sources = parts.insights.sources
        let budget = sources.flatMap { $0.hasInstagram ? try? HashtagBudget(path: $0.hashtagBudgetPath) : nil }
        let action = autoMine.summaryWanted(for: query, now: Date(), budget: budget)
        let emit = self.emit
        let hook = settings.onInsightHook
        outstanding.insight = work.start(priority: .utility) {
            do {
                var summary = try await insights.summary(for: query, k: 50)
                guard !Task.isCancelled else { return }
                if case .mine(let chosen) = action, let sources {
                    // Shown while the sources answer, so the pane is never blank for a slow one.
                    if summary.count > 0 { emit.yield(.insight(summary)) }
                    var added = 0
                    for source in chosen {
                        do {
                            added += try await insights.mine(query.text, from: source, sources: sources, maxPosts: 50).report.new
                        } catch {
                            if Task.isCancelled { return }
                            emit.yield(.warning("insights: gathering posts for '\(query.text)': \(error.localizedDescription)"))
                        }
                    }
                    guard !Task.isCancelled else { return }
                    if added > 0 { summary = try await insights.summary(for: query, k: 50) }
                }
                summary = await Self.explain(summary, sources: sources, store: insights.store)
                emit.yield(.insight(summary))
                if !hook.isEmpty {
                    let payload = try JSONLines.encode(InsightHookPayload(specID: spec.specID, component: spec.component, insight: summary))
                    let result = await Hooks.onInsight(command: hook, json: payload)
                    emit.yield(result.failed ? .warning("on_insight: " + result.summary) : .notice("on_insight: " + result.summary))
                }
            } catch {
                if !Task.isCancelled { emit.yield(.warning("insights for '\(query.text)': \(error.localizedDescription)")) }
            }
        }
    }

    /// The meeting is over: the last insight gets `insightGrace` seconds to arrive, then a
    /// source that has not answered is given up on, so a stalled API never holds the exit.
    func settleInsights() async {
        guard let insight = outstanding.insight else { return }
        let done = await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await insight.value()
                return true
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(Self.insightGrace))
                return false
            }
            let first = await group.next() ?? true
            // Cancelling the insight query is what lets the waiting child above return.
            if !first { insight.cancel() }
            group.cancelAll()
            return first
        }
        if !done { emit.yield(.notice("insights: the sources had not answered when the meeting ended; stopped waiting")) }
    }
}
