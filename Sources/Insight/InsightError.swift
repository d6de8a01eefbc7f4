import Foundation

/// A problem gathering what people say about a design.
public enum InsightError: Error, LocalizedError, Equatable {
    /// A model or lexicon file is absent or unreadable.
    case missingFile(path: String, hint: String)
    /// A lexicon line that is not `token<TAB>valence...`.
    case badLexicon(path: String, line: Int)
    /// An input line that could not be read.
    case badInput(source: String, line: Int, reason: String)
    /// The post database could not be opened or written.
    case database(path: String, reason: String)
    /// A remote source answered in a way we cannot use.
    case source(name: String, reason: String)
    /// The source refused our credentials (HTTP 401/403).
    case credentialsRejected(source: String, status: Int, hint: String)
    /// Still failing (429, 5xx, timeouts) after every retry.
    case unavailable(source: String, reason: String, attempts: Int)
    /// The body was not the JSON the API documents.
    case malformedResponse(source: String, url: String, reason: String)
    /// Instagram allows 30 distinct hashtags per rolling 7 days per account.
    case hashtagBudgetExhausted(used: Int, nextFree: Date)
    /// A fetch failed part way; the posts fetched before it were stored.
    case incomplete(stored: Int, reason: String)
    /// Credentials for a source are not configured (neither variables nor settings).
    case missingCredentials(source: String, variables: [String], settings: [String])
    /// An address credentials would go to over plain http on another machine; refused before
    /// any connection, as the model backends refuse one (`variable` is where it was set).
    case plainHTTP(source: String, url: String, variable: String)

    /// The model or lexicon folder a `missingFile` is about ("all-MiniLM-L6-v2", "vader"), for
    /// telling the user which one `make models` has not fetched.
    public var missingModel: String? {
        guard case .missingFile(let path, _) = self else { return nil }
        let parts = path.split(separator: "/")
        return parts.last { $0 == "all-MiniLM-L6-v2" || $0 == "vader" }.map(String.init) ?? parts.last.map(String.init)
    }

    public var errorDescription: String? {
        switch self {
        case .missingFile(let path, let hint): "\(path): not found or unreadable; \(hint)"
        case .badLexicon(let path, let line): "\(path):\(line): expected 'token<TAB>valence'"
        case .badInput(let source, let line, let reason): "\(source):\(line): \(reason)"
        case .database(let path, let reason): "\(path): \(reason)"
        case .source(let name, let reason): "\(name): \(reason)"
        case .credentialsRejected(let source, let status, let hint):
            "\(source) rejected the credentials (HTTP \(status)); \(hint)"
        case .unavailable(let source, let reason, let attempts): "\(source) still failing after \(attempts) attempts: \(reason)"
        case .malformedResponse(let source, let url, let reason): "\(source) sent a response we cannot read from \(url): \(reason)"
        case .hashtagBudgetExhausted(let used, let nextFree):
            "Instagram hashtag budget used up (\(used) of 30 distinct hashtags in 7 days); the next one frees up at \(ISO8601DateFormatter().string(from: nextFree))"
        case .incomplete(let stored, let reason):
            "\(reason) (the \(stored) post\(stored == 1 ? "" : "s") fetched before it \(stored == 1 ? "is" : "are") stored)"
        case .plainHTTP(let source, let url, let variable):
            "\(source) needs an https:// address so its credentials are not sent unencrypted (http:// is only accepted for localhost), got \(url) (\(variable))"
        case .missingCredentials(let source, let variables, let settings):
            "\(source) needs credentials: set \(variables.joined(separator: " and ")), or \(settings.joined(separator: " and ")) in the config"
        }
    }
}
