import CCurl
import Foundation

/// HTTP over libcurl. Each request runs `curl_easy_perform` on the client's own dispatch queue,
/// never on Swift's cooperative pool (a blocked transfer must not starve the pipeline's tasks);
/// cancelling the awaiting task aborts the transfer from curl's progress callback.
public final class HTTPClient: Sendable {
    private let queue = DispatchQueue(label: "mockpilot.net.http", attributes: .concurrent)

    private static let globalInit: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    public init() {}

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try await send(request, onData: nil)
    }

    /// Like `send(_:)`, and also hands every piece of the body to `onData` as it arrives (on the
    /// client's queue), for streamed answers such as server-sent events. Redirects are followed
    /// (at most 5) as `request.redirects` allows.
    public func send(_ request: HTTPRequest, onData: (@Sendable (Data) -> Void)?) async throws -> HTTPResponse {
        var current = request
        for _ in 0..<Self.maxRedirects {
            let response = try await perform(current, onData: onData)
            guard let next = Self.redirect(from: current, response: response, original: request) else { return response }
            current = next
        }
        return try await perform(current, onData: onData)
    }

    static let maxRedirects = 5

    /// The request a 3xx asks for, or nil when it is not a redirect or the policy does not allow it.
    static func redirect(from request: HTTPRequest, response: HTTPResponse, original: HTTPRequest) -> HTTPRequest? {
        guard [301, 302, 303, 307, 308].contains(response.status), let location = response.header("location"),
              let base = URL(string: request.url), let target = URL(string: location, relativeTo: base)?.absoluteURL,
              let scheme = target.scheme?.lowercased(), scheme == "http" || scheme == "https" else { return nil }
        let from = Origin(base), to = Origin(target)
        if from.scheme == "https" && to.scheme == "http" { return nil }
        let policy: RedirectPolicy = original.redirects == .automatic
            ? (original.carriesCredentials ? .sameOrigin : .any) : original.redirects
        switch policy {
        case .never: return nil
        case .sameOrigin: if from != to { return nil }
        case .any, .automatic: break
        }
        var next = request
        next.url = target.absoluteString
        // As browsers do: 303, and 301/302 after a POST, become a GET without a body.
        if response.status == 303 || ([301, 302].contains(response.status) && request.method.uppercased() == "POST") {
            next.method = "GET"
            next.body = nil
        }
        return next
    }

    /// Scheme, host and port, with the default ports filled in.
    struct Origin: Equatable {
        var scheme: String
        var host: String
        var port: Int

        init(_ url: URL) {
            scheme = url.scheme?.lowercased() ?? ""
            host = url.host?.lowercased() ?? ""
            port = url.port ?? (scheme == "https" ? 443 : 80)
        }
    }

    private func perform(_ request: HTTPRequest, onData: (@Sendable (Data) -> Void)?) async throws -> HTTPResponse {
        // The last line of defence behind each client's own check, on every hop: no curl handle
        // is made for a credential that would travel in the clear.
        if request.carriesCredentials || request.carriesCredentialsInQuery, !PlainHTTP.keepsCredentialsPrivate(request.url) {
            throw NetError.plainHTTP(url: request.url)
        }
        guard Self.globalInit else { throw NetError.transfer(url: request.url, code: 2, reason: "curl_global_init failed") }
        let transfer = Transfer(request: request, onData: onData)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, Error>) in
                queue.async {
                    continuation.resume(with: Result { try transfer.perform() })
                }
            }
        } onCancel: {
            transfer.cancel()
        }
    }
}

/// One request's curl handle and the buffers its callbacks fill. Callbacks reach it through
/// an `Unmanaged` pointer, so they can be plain C function pointers (no captures).
final class Transfer: @unchecked Sendable {
    let request: HTTPRequest
    let onData: (@Sendable (Data) -> Void)?
    private let lock = NSLock()
    private var cancelled = false
    /// The body passed `request.maxResponseBytes`; the transfer was aborted.
    private var tooLarge = false
    private var body = Data()
    private var headers: [String: String] = [:]

    init(request: HTTPRequest, onData: (@Sendable (Data) -> Void)? = nil) {
        self.request = request
        self.onData = onData
    }

    func cancel() { lock.withLock { cancelled = true } }
    var isCancelled: Bool { lock.withLock { cancelled } }

    func perform() throws -> HTTPResponse {
        if isCancelled { throw NetError.cancelled(url: request.url) }
        guard let handle = curl_easy_init() else { throw NetError.transfer(url: request.url, code: 2, reason: "curl_easy_init failed") }
        defer { curl_easy_cleanup(handle) }
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }
        for (name, value) in request.headers { headerList = curl_slist_append(headerList, "\(name): \(value)") }

        let context = Unmanaged.passUnretained(self).toOpaque()
        _ = mp_curl_setopt_string(handle, CURLOPT_URL, request.url)
        _ = mp_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)  // threads and signals do not mix
        // Never follow redirects inside curl: HTTPClient decides where headers may go.
        _ = mp_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)
        _ = mp_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(request.connectTimeout))
        // A read timeout: fail when fewer than 1 byte/s arrive for readTimeout seconds.
        _ = mp_curl_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1)
        _ = mp_curl_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, max(1, (Self.milliseconds(request.readTimeout) + 999) / 1000))
        _ = mp_curl_setopt_pointer(handle, CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(headerList))
        _ = mp_curl_setopt_callback(handle, CURLOPT_WRITEFUNCTION) { data, size, count, user in
            guard let user, let data else { return 0 }
            let transfer = Unmanaged<Transfer>.fromOpaque(user).takeUnretainedValue()
            guard size * count <= max(0, transfer.request.maxResponseBytes) - transfer.body.count else {
                transfer.tooLarge = true
                return 0  // curl aborts with CURLE_WRITE_ERROR
            }
            let piece = Data(bytes: data, count: size * count)
            transfer.body.append(piece)
            transfer.onData?(piece)
            return size * count
        }
        _ = mp_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
        _ = mp_curl_setopt_callback(handle, CURLOPT_HEADERFUNCTION) { data, size, count, user in
            guard let user, let data else { return 0 }
            let transfer = Unmanaged<Transfer>.fromOpaque(user).takeUnretainedValue()
            let line = String(decoding: UnsafeRawBufferPointer(start: data, count: size * count), as: UTF8.self)
            transfer.addHeaderLine(line)
            return size * count
        }
        _ = mp_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, context)
        _ = mp_curl_setopt_long(handle, CURLOPT_NOPROGRESS, 0)
        _ = mp_curl_setopt_xferinfo(handle) { user, _, _, _, _ in
            guard let user else { return 0 }
            return Unmanaged<Transfer>.fromOpaque(user).takeUnretainedValue().isCancelled ? 1 : 0
        }
        _ = mp_curl_setopt_pointer(handle, CURLOPT_XFERINFODATA, context)

        switch request.method.uppercased() {
        case "GET": break
        case "POST": _ = mp_curl_setopt_long(handle, CURLOPT_POST, 1)
        case "HEAD": _ = mp_curl_setopt_long(handle, CURLOPT_NOBODY, 1)
        default: _ = mp_curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method.uppercased())
        }
        let payload = request.body ?? Data()
        let code: CURLcode = payload.withUnsafeBytes { bytes in
            if request.body != nil {
                _ = mp_curl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, bytes.count)
                _ = mp_curl_setopt_pointer(handle, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress))
            }
            return curl_easy_perform(handle)
        }
        guard code == CURLE_OK else { throw error(for: code) }
        var status = 0
        _ = mp_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return HTTPResponse(status: status, headers: headers, body: body)
    }

    /// The longest timeout curl is given: a day. A caller's timeout is a Double from settings or
    /// code; `Int(1e300 * 1000)` would trap, and curl's own fields are C longs.
    static let longestTimeout: Double = 86_400

    /// `seconds` as whole milliseconds for curl, held to 0.1 s...a day (NaN: the longest).
    static func milliseconds(_ seconds: Double) -> Int {
        let held = seconds.isNaN ? longestTimeout : min(longestTimeout, max(0.1, seconds))
        return Int((held * 1000).rounded(.up))
    }

    /// Header lines arrive one per call; a new status line (redirect, 100 Continue) starts over.
    private func addHeaderLine(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("HTTP/") { headers = [:]; return }
        guard let colon = trimmed.firstIndex(of: ":") else { return }
        let name = trimmed[..<colon].lowercased()
        headers[name] = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }

    private func error(for code: CURLcode) -> NetError {
        let reason = curl_easy_strerror(code).map { String(cString: $0) } ?? "unknown"
        if tooLarge {
            return .transfer(url: request.url, code: Int(code.rawValue),
                             reason: "the answer is larger than \(request.maxResponseBytes) bytes, the most MockPilot takes")
        }
        switch code {
        case CURLE_ABORTED_BY_CALLBACK: return .cancelled(url: request.url)
        case CURLE_OPERATION_TIMEDOUT: return .timedOut(url: request.url, seconds: request.readTimeout)
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .connectionFailed(url: request.url, reason: reason)
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL: return .invalidURL(request.url)
        default: return .transfer(url: request.url, code: Int(code.rawValue), reason: reason)
        }
    }
}
