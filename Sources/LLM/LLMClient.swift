import Foundation
import Net

/// Asks a model for one JSON object over HTTPS (through Net): builds the provider's request,
/// retries 429/5xx with backoff (honouring Retry-After, bounded in count and total wait),
/// streams when asked, and turns every failure into an `LLMError` with no key in it.
public struct LLMClient: Sendable {
    public let configuration: LLMConfiguration
    private let http: HTTPClient
    private let memory = FormatMemory()
    private let redactor: Redactor

    public init(configuration: LLMConfiguration, http: HTTPClient = HTTPClient()) {
        self.configuration = configuration
        self.http = http
        redactor = Redactor([configuration.apiKey])
    }

    private var provider: String { configuration.provider.displayName }

    /// The model's JSON text and its usage. `progress` is called as streamed pieces arrive.
    public func complete(_ request: LLMRequest, progress: (@Sendable (LLMProgress) -> Void)? = nil) async throws -> LLMAnswer {
        let started = Date()
        if configuration.provider == .anthropic {
            let body = AnthropicMessages.body(request, model: configuration.model, maxTokens: configuration.maxTokens)
            let (answer, attempts) = try await exchange(path: "/v1/messages", body: body,
                                                        headers: AnthropicMessages.headers(apiKey: configuration.apiKey),
                                                        stream: request.stream, progress: progress,
                                                        extract: AnthropicMessages.streamPiece, parse: AnthropicMessages.answer,
                                                        errorMessage: AnthropicMessages.errorMessage)
            return finish(answer, attempts: attempts, since: started)
        }
        var format: OpenAIChat.Format = memory.jsonSchemaRejected ? .jsonObject : .jsonSchema
        var attemptsSoFar = 0
        while true {
            let body = OpenAIChat.body(request, model: configuration.model, maxTokens: configuration.maxTokens, format: format)
            do {
                let (answer, attempts) = try await exchange(path: "/chat/completions", body: body,
                                                            headers: OpenAIChat.headers(apiKey: configuration.apiKey),
                                                            stream: request.stream, progress: progress,
                                                            extract: OpenAIChat.streamPiece, parse: OpenAIChat.answer,
                                                            errorMessage: OpenAIChat.errorMessage)
                return finish(answer, attempts: attempts + attemptsSoFar, since: started)
            } catch SchemaRejected.rejected where format == .jsonSchema {
                // The server cannot do strict schemas: ask for plain JSON from now on.
                memory.jsonSchemaRejected = true
                format = .jsonObject
                attemptsSoFar += 1
            }
        }
    }

    private func finish(_ raw: (text: String, prompt: Int, completion: Int, truncated: Bool), attempts: Int, since: Date) -> LLMAnswer {
        LLMAnswer(text: raw.text,
                  usage: LLMUsage(promptTokens: raw.prompt, completionTokens: raw.completion,
                                  latency: Date().timeIntervalSince(since), attempts: attempts),
                  truncated: raw.truncated)
    }

    /// One logical request with its retries. Returns the parsed answer and how many attempts it took.
    private func exchange(path: String, body: JSONValue, headers: [String: String], stream: Bool,
                          progress: (@Sendable (LLMProgress) -> Void)?,
                          extract: @escaping @Sendable (JSONValue) -> StreamPiece,
                          parse: (JSONValue, String) throws -> (text: String, prompt: Int, completion: Int, truncated: Bool),
                          errorMessage: (String) -> String) async throws -> ((text: String, prompt: Int, completion: Int, truncated: Bool), Int) {
        let url = configuration.baseURL + path
        let request = HTTPRequest(method: "POST", url: url, headers: headers, body: Data(body.serialized.utf8),
                                  connectTimeout: min(10, configuration.timeoutSeconds), readTimeout: configuration.timeoutSeconds,
                                  redirects: .sameOrigin)
        var waited = 0.0
        var attempt = 0
        while true {
            attempt += 1
            if Task.isCancelled { throw LLMError.cancelled(provider: provider) }
            let accumulator = stream ? StreamAccumulator(extract: extract, progress: progress) : nil
            let activity = ActivityClock()
            let onData: @Sendable (Data) -> Void = { bytes in
                activity.touch()
                accumulator?.feed(bytes)
            }
            let response: HTTPResponse
            do {
                response = try await withSilenceTimeout(configuration.timeoutSeconds, activity: activity) { [http] in
                    try await http.send(request, onData: onData)
                }
            } catch is SilenceTimeout {
                throw LLMError.timedOut(provider: provider, seconds: configuration.timeoutSeconds)
            } catch is CancellationError {
                throw LLMError.cancelled(provider: provider)
            } catch let error as NetError {
                switch error {
                case .cancelled: throw LLMError.cancelled(provider: provider)
                // A stall is not retried: in a meeting the template now beats the model later.
                case .timedOut: throw LLMError.timedOut(provider: provider, seconds: configuration.timeoutSeconds)
                case .connectionFailed, .transfer:
                    let reason = redactor.clean(error.localizedDescription)
                    guard error.isTransient, attempt < configuration.maxAttempts,
                          waited + backoff(attempt) <= configuration.maxRetryWait else {
                        throw LLMError.transport(provider: provider, reason: reason)
                    }
                    try await pause(backoff(attempt), &waited)
                    continue
                case .invalidURL, .plainHTTP: throw LLMError.badConfiguration(redactor.clean(error.localizedDescription))
                }
            }
            let status = response.status
            if (200...299).contains(status) {
                if let accumulator {
                    let result = accumulator.result
                    if let streamError = result.error {
                        throw LLMError.unavailable(provider: provider, status: nil, attempts: attempt, reason: redactor.clean(streamError))
                    }
                    return ((result.text, result.prompt, result.completion, false), attempt)
                }
                guard let json = JSONValue.parse(response.text) else {
                    throw LLMError.badAnswer(provider: provider, reason: "the response body is not JSON")
                }
                return (try parse(json, provider), attempt)
            }
            if (300...399).contains(status) {
                // Net did not follow it: the key must not go to another host, nor over plain http.
                let target = response.header("location").flatMap { URL(string: $0, relativeTo: URL(string: url)) }
                let shown = target.map { "\($0.scheme ?? "")://\($0.host ?? "")\($0.port.map { ":\($0)" } ?? "")" } ?? "another address"
                throw LLMError.redirected(provider: provider, status: status, to: redactor.clean(shown))
            }
            let message = redactor.clean(errorMessage(response.text))
            if status == 401 || status == 403 {
                throw LLMError.unauthorized(provider: provider, status: status, setting: configuration.provider.keySetting)
            }
            if OpenAIChat.rejectsJSONSchema(status: status, body: response.text), configuration.provider != .anthropic,
               (body["response_format"]?["type"]?.string == "json_schema") {
                throw SchemaRejected.rejected
            }
            guard status == 429 || (500...599).contains(status) else {
                throw LLMError.rejected(provider: provider, status: status, message: message)
            }
            let wait = retryAfter(response) ?? backoff(attempt)
            guard attempt < configuration.maxAttempts else {
                throw LLMError.unavailable(provider: provider, status: status, attempts: attempt, reason: message)
            }
            guard waited + wait <= configuration.maxRetryWait else {
                throw LLMError.unavailable(provider: provider, status: status, attempts: attempt,
                                           reason: "asked to wait \(SecondsText.whole(wait)) s, more than the \(SecondsText.short(configuration.maxRetryWait)) s retry budget")
            }
            try await pause(wait, &waited)
        }
    }

    /// 0.5 s, 1 s, 2 s, ...
    private func backoff(_ attempt: Int) -> Double { 0.5 * pow(2, Double(attempt - 1)) }

    /// Retry-After in seconds (OpenAI also sends retry-after-ms), read by Net's checked reader:
    /// "1e300" and "inf" are a year (over any budget, so refused with a clear error), "nan" is no
    /// word at all (the backoff applies).
    private func retryAfter(_ response: HTTPResponse) -> Double? {
        response.announcedWait("retry-after-ms", unit: 0.001) ?? response.announcedWait("retry-after")
    }

    private func pause(_ seconds: Double, _ waited: inout Double) async throws {
        let seconds = HTTPResponse.clampedWait(seconds)
        waited += seconds
        do {
            try await Task.sleep(for: .seconds(seconds))
        } catch {
            throw LLMError.cancelled(provider: provider)
        }
    }
}

/// A 400 meaning "no json_schema here": handled inside `complete` by falling back to json_object.
private enum SchemaRejected: Error { case rejected }

/// Remembers, across calls of one client, that the server rejected strict schemas.
private final class FormatMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var rejected = false
    var jsonSchemaRejected: Bool {
        get { lock.withLock { rejected } }
        set { lock.withLock { rejected = newValue } }
    }
}

/// Printing or dumping a client shows its configuration without the key.
extension LLMClient: CustomStringConvertible, CustomReflectable {
    public var description: String { "LLMClient(\(configuration))" }
    public var customMirror: Mirror { Mirror(self, children: ["configuration": configuration]) }
}
