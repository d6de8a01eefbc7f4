import Brands
import Config
import Core
import Embedding
import Foundation
import Insight
import Intent
import LLM
import Output
import Store

/// Opens what a meeting needs, in order, failing early with one clear line: the brand table,
/// the watched folder, the session database (purged of anything older than the retention).
public struct MeetingSetup: Sendable {
    public var settings: Settings

    public init(settings: Settings) {
        self.settings = settings
    }

    public func brands() throws -> BrandTable {
        guard let themes = ThemesLocator.locate(configured: settings.themesDirectory) else { throw PipelineError.themesNotFound }
        return try BrandTable.load(themesDirectory: themes, userFile: Self.userBrandFile())
    }

    /// `$XDG_CONFIG_HOME/mockpilot/design_mapper.yaml`: the user's own brands.
    static func userBrandFile() -> String {
        URL(fileURLWithPath: Paths.userConfig()).deletingLastPathComponent().appendingPathComponent("design_mapper.yaml").path
    }

    /// The configured model backend, or nil for the offline templates. A missing key or an
    /// unknown backend is an error before the meeting starts.
    public func llmClient() throws -> LLMClient? {
        try LLMConfiguration.configured(backend: settings.llmBackend, model: settings.llmModel, baseURL: settings.llmBaseURL,
                                        openAIKey: settings.openAIKey, anthropicKey: settings.anthropicKey, compatibleKey: settings.compatibleKey,
                                        timeoutSeconds: settings.llmTimeoutSeconds)
            .map { LLMClient(configuration: $0) }
    }

    public func open(source: String, model: String, useStore: Bool = true) async throws -> Meeting {
        let brands = try brands()
        // A folder that cannot be written stops the meeting before a session is recorded.
        _ = try ComponentFolder(root: settings.outputFolder)
        var store: Store?
        var session = "offline-" + String(UUID().uuidString.prefix(8)).lowercased()
        if useStore {
            let opened = try Store(path: settings.databasePath)   // makes the database's folder
            let cutoff = Date().addingTimeInterval(-Double(settings.retentionDays) * 86_400)
            _ = try await opened.purge(olderThan: cutoff)
            // Cached search responses name the queries a meeting searched for: they expire with it.
            _ = try await PostStore(pool: opened.pool).purgeResponses(fetchedBefore: cutoff)
            session = try await opened.startSession(source: source, title: nil)
            store = opened
        }
        // After the session starts: the folder records which meeting each component came from.
        let folder = try ComponentFolder(root: settings.outputFolder, session: session)
        // One MiniLM for the intent head and the insights: its weights are about 90 MB.
        let minilm = Result { try MiniLM(modelsDirectory: Paths.models()) }
        var insights = MeetingParts.InsightParts(sources: sources())
        if useStore {
            do {
                insights.service = try InsightService(databasePath: settings.databasePath, modelsDirectory: Paths.models(),
                                                      model: minilm, pool: store?.pool)
            } catch {
                insights.unavailable = error.localizedDescription
                insights.missing = (error as? InsightError)?.missingModel
            }
        }
        let meeting = MeetingSession(id: session, source: source, model: model)
        let parts = MeetingParts(settings: settings, brands: brands, folder: folder, store: store, session: meeting,
                                 llm: try llmClient(), intents: Self.intentScorer(model: minilm), insights: insights)
        return Meeting(settings: settings, session: meeting, parts: parts)
    }
}
