/// A table that keeps the newest `capacity` keys, by when each was first put in: a value replaced
/// keeps its key's place, and past `capacity` the oldest key is dropped. The preview's built
/// scripts and the components it may build are kept this way, so a long-running server holds a
/// bounded number of each.
struct RecentTable<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    let capacity: Int
    private var values: [Key: Value] = [:]
    private var order: [Key] = []

    init(capacity: Int) {
        self.capacity = capacity
    }

    subscript(key: Key) -> Value? { values[key] }

    mutating func set(_ value: Value, for key: Key) {
        if values.updateValue(value, forKey: key) == nil { order.append(key) }
        if order.count > capacity { values[order.removeFirst()] = nil }
    }
}
