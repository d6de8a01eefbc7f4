import Core
import Foundation
import Testing
@testable import Pipeline

/// The insight side of a meeting (Meeting+Insights.swift).
@Suite struct MeetingInsightsTests {
    @Test func theSearchMatrixLoadsAtTheStartNotOnTheFirstQuery() async throws {
        let f = try MeetingTests.Fixture()
        let meeting = try await f.open()
        let service = try #require(await meeting.insights, "the models are needed for this test (make models)")
        let store = await service.store
        #expect(await store.isIndexLoaded == false)
        await meeting.start()
        // Loaded in the background: poll with a deadline rather than time it.
        let deadline = Date().addingTimeInterval(30)
        while await !store.isIndexLoaded, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(await store.isIndexLoaded)
    }
}
