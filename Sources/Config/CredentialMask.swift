/// Hides the credentials a URL-shaped setting carries ("redis://:hunter2@cache:6379",
/// "https://user:pass@weaviate.example/v1?api_key=..."), so `mockpilot config` can be pasted into
/// an issue. Only the secret parts change: the scheme, host and path stay readable.
public enum CredentialMask {
    static let mask = "********"
    /// Query parameters whose values are secrets, matched on the lowercased name.
    static let secretParameters = ["password", "passwd", "pass", "pwd", "token", "secret", "key", "auth", "signature"]

    /// `text` with every URL's user-info and secret query values masked; other text unchanged.
    public static func masked(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        let authorityStart = schemeEnd.upperBound
        let rest = text[authorityStart...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? text.endIndex
        var result = String(text[..<authorityStart])
        let authority = text[authorityStart..<authorityEnd]
        if let at = authority.lastIndex(of: "@") {
            result += mask + authority[at...]
        } else {
            result += authority
        }
        result += maskedQuery(text[authorityEnd...])
        return result
    }

    /// The path, query and fragment, with the values of secret-named parameters masked.
    private static func maskedQuery(_ tail: Substring) -> String {
        guard let question = tail.firstIndex(of: "?") else { return String(tail) }
        let fragmentStart = tail[question...].firstIndex(of: "#") ?? tail.endIndex
        let pairs = tail[tail.index(after: question)..<fragmentStart].split(separator: "&", omittingEmptySubsequences: false)
        let shown = pairs.map { pair -> String in
            guard let equals = pair.firstIndex(of: "=") else { return String(pair) }
            let name = pair[..<equals].lowercased()
            let secret = secretParameters.contains { name == $0 || name.hasSuffix("_" + $0) || name.hasSuffix("-" + $0) }
            return secret ? name + "=" + mask : String(pair)
        }
        return String(tail[...question]) + shown.joined(separator: "&") + tail[fragmentStart...]
    }
}
