import Core
import Foundation
import Store

/// What the meeting tells its watchers besides the stages' events: warnings, notices, status
/// updates from the feed, and the problems counted for the exit status.
extension Meeting {
    /// Deletes stored transcripts older than the retention; long meetings call it hourly.
    public func purgeExpired(now: Date = Date()) async {
        let cutoff = now.addingTimeInterval(-Double(settings.retentionDays) * 86_400)
        await persist("purge") { _ = try await $0.purge(olderThan: cutoff) }
    }

    public func report(warning: String) {
        count(problem: warning)
        emit.yield(.warning(warning))
    }

    /// Something worth a line on the status bar that is not a problem (exit status stays 0).
    public func report(notice: String) {
        emit.yield(.notice(notice))
    }

    /// What went wrong, in one line: the screen shows problems only for a few seconds, so this is
    /// printed after it is restored.
    public var problemSummary: String? {
        guard let firstProblem else { return nil }
        return problems == 1 ? "a problem in this meeting: \(firstProblem)"
            : "\(problems) problems in this meeting; the first: \(firstProblem)"
    }

    private func count(problem: String) {
        problems += 1
        if firstProblem == nil {
            firstProblem = problem.split(whereSeparator: \.isNewline).joined(separator: " ")
        }
    }

    public func report(status update: @Sendable (inout PipelineStatus) -> Void) {
        update(&status)
        emit.yield(.status(status))
    }

    /// Recognition's queue depth, for the status line. While `slow` a `.slow` event comes first;
    /// a status with a lower depth and no `.slow` before it means recognition has caught up.
    public func report(queued: Int, slow: Bool) {
        status.queueDepth = queued
        if slow { emit.yield(.slow(queued: queued)) }
        emit.yield(.status(status))
    }

    func fail(_ spec: DesignSpec, _ reason: ComponentFailure) {
        count(problem: "\(spec.component.typeName) not written: \(reason)")
        emit.yield(.componentFailed(specID: spec.specID, component: spec.component, reason: reason))
    }

    func persist(_ what: String, _ body: (Store) async throws -> Void) async {
        guard let store else { return }
        do {
            try await body(store)
        } catch {
            report(warning: "could not store \(what): \(error.localizedDescription)")
        }
    }
}
