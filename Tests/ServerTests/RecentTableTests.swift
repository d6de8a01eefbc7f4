import Testing
@testable import Server

/// The bounded table behind the preview's builds and published components.
@Suite struct RecentTableTests {
    @Test func theOldestKeyGoesPastCapacityAndAReplacedValueKeepsItsPlace() {
        var table = RecentTable<String, Int>(capacity: 2)
        table.set(1, for: "a")
        table.set(2, for: "b")
        table.set(10, for: "a")  // replaced: "a" is still the oldest
        #expect(table["a"] == 10 && table["b"] == 2)
        table.set(3, for: "c")
        #expect(table["a"] == nil, "the oldest key is dropped")
        #expect(table["b"] == 2 && table["c"] == 3)
    }
}
