import Testing
@testable import Server

/// The replay buffer `/events` resumes from: bounded, numbered without gaps, ended once.
struct EventLogTests {
    @Test func aFollowerGetsEverythingAfterItsLastIDThenTheEnd() async {
        let log = EventLog(capacity: 8)
        for n in 1...5 { await log.append("{\"n\":\(n)}") }
        await log.finish()
        let after = await log.read(after: 2)
        #expect(after?.map(\.id) == [3, 4, 5])
        #expect(after?.first?.line == "{\"n\":3}")
        #expect(await log.read(after: 5) == nil)
        await log.append("{\"late\":true}")   // nothing is added once the meeting has finished
        #expect(await log.read(after: 5) == nil)
    }

    @Test func onlyTheNewestCapacityEventsAreKept() async {
        let log = EventLog(capacity: 1024)
        for n in 1...3000 { await log.append("\(n)") }
        let kept = await log.read(after: 0) ?? []
        #expect(kept.count == 1024)
        #expect(kept.first?.id == 1977 && kept.last?.id == 3000)
        #expect(await log.oldestRetained == 1977)
    }

    @Test func aWaitingFollowerIsWokenByTheNextEvent() async {
        let log = EventLog(capacity: 4)
        async let next = log.read(after: 0)
        await log.append("first")
        #expect(await next?.map(\.line) == ["first"])
    }
}
