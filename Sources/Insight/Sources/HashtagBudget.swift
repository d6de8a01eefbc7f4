import Core
import Foundation

/// Instagram's limit of 30 distinct hashtags searched per rolling 7 days per account, kept
/// locally in a small JSON file because the API only says so by refusing.
public struct HashtagBudget: Sendable {
    public static let limit = 30
    public static let window: TimeInterval = 7 * 24 * 3600
    public let path: String
    /// Lower-cased hashtag -> when it was first searched in the current window.
    public private(set) var firstUse: [String: Date]

    public init(path: String) throws {
        self.path = path
        if let data = FileManager.default.contents(atPath: path) {
            guard let stored = try? JSONDecoder().decode([String: Double].self, from: data) else {
                throw InsightError.badInput(source: path, line: 1, reason: "not a hashtag budget file; delete it to start over")
            }
            firstUse = stored.mapValues { Date(timeIntervalSince1970: $0) }
        } else {
            firstUse = [:]
        }
    }

    /// Records a search for `hashtag` at `now`; re-searching a hashtag already in the window is free.
    public mutating func spend(_ hashtag: String, now: Date = Date()) throws {
        firstUse = firstUse.filter { now.timeIntervalSince($0.value) < Self.window }
        let key = hashtag.lowercased()
        guard firstUse[key] == nil else { return }
        guard firstUse.count < Self.limit else {
            let oldest = firstUse.values.min() ?? now
            throw InsightError.hashtagBudgetExhausted(used: firstUse.count, nextFree: oldest.addingTimeInterval(Self.window))
        }
        firstUse[key] = now
        try save()
    }

    /// Already searched in the current window, so searching it again costs nothing.
    public func isSpent(_ hashtag: String, now: Date = Date()) -> Bool {
        let tag = hashtag.hasPrefix("#") ? String(hashtag.dropFirst()) : hashtag
        return firstUse[tag.lowercased()].map { now.timeIntervalSince($0) < Self.window } ?? false
    }

    public func remaining(now: Date = Date()) -> Int {
        Self.limit - firstUse.values.filter { now.timeIntervalSince($0) < Self.window }.count
    }

    private func save() throws {
        let data = try JSONEncoder().encode(firstUse.mapValues(\.timeIntervalSince1970))
        try Paths.createFolder(holding: path)
        guard FileManager.default.createFile(atPath: path, contents: data) else {
            throw InsightError.database(path: path, reason: "could not write the hashtag budget")
        }
    }
}
