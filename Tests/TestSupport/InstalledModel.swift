import Foundation
import Testing

/// A model `make models` installed, loaded once for all the tests that use it. A test that asks
/// for one that is not installed fails saying so and how to install it.
public final class InstalledModel<Model: Sendable>: Sendable {
    public let name: String
    public let directory: String
    private let loaded: Result<Model, any Error>

    public init(_ name: String, directory: String, load: (String) throws -> Model) {
        self.name = name
        self.directory = directory
        loaded = Result { try load(directory) }
    }

    public func get(sourceLocation: SourceLocation = #_sourceLocation) throws -> Model {
        do {
            return try loaded.get()
        } catch {
            Issue.record("\(name) is not installed at \(directory): run `make models` (\(error))", sourceLocation: sourceLocation)
            throw error
        }
    }
}
