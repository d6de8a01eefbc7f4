import Foundation

/// What a generated component may use, read once from `Resources/allowlist.json`: the elements and
/// attributes it may render, the URL schemes its links and resources may have, the calls it may make
/// and what its event handlers may read. The checker refuses anything not listed (DOMPurify's
/// model): a string built at run time cannot talk its way past a list of what is allowed.
struct Allowlist: Decodable, Sendable {
    var elements: Set<String>
    var attributes: Set<String>
    var attributePrefixes: [String]
    var events: Set<String>
    /// Member paths a handler may read from its event (`target.value`, `key`).
    var eventReads: Set<String>
    /// Methods a handler may call on its event (`preventDefault`).
    var eventCalls: Set<String>
    /// `href` on these elements follows a link when clicked; anywhere else it loads a resource.
    var navigationAttributes: Set<String>
    var navigationElements: Set<String>
    var resourceAttributes: Set<String>
    /// Absolute schemes a link may have, besides relative paths and `#`.
    var navigationSchemes: [String]
    /// Absolute prefixes a resource may have, besides relative paths; `data:` images load nothing.
    var resourceSchemes: [String]
    /// Style properties whose value can make the browser fetch an image.
    var styleImageProperties: Set<String>
    /// Text that must not appear in any style value: what CSS fetches or evaluates with.
    var styleForbiddenText: [String]
    var hooks: Set<String>
    var globalFunctions: Set<String>
    var constructors: Set<String>
    /// Calls on the page's globals by canonical name (`Math.max`, `document.addEventListener`).
    var namespaceCalls: Set<String>
    /// Methods that only compute (Array, String, Number, Map, Date, Intl) or only move focus and scroll.
    var methods: Set<String>
    /// Members that lead from a value back to the window or the page, or to a function's constructor.
    var escapeMembers: Set<String>

    /// The built-in list; it is part of the binary, so a decoding failure is a build mistake.
    static let standard: Allowlist = {
        do {
            return try JSONDecoder().decode(Allowlist.self, from: Data(PackageResources.allowlist_json))
        } catch {
            preconditionFailure("Resources/allowlist.json does not decode: \(error)")
        }
    }()

    func allowsAttribute(_ name: String) -> Bool {
        attributes.contains(name) || events.contains(name) || attributePrefixes.contains { name.hasPrefix($0) && name.count > $0.count }
    }

    /// Whether `url`, written out in full, may be the value of a link (`navigation`) or a resource
    /// attribute. Relative paths stay on the preview's origin; `//host` does not.
    func allowsURL(_ url: String, navigation: Bool, hosts: Set<String>) -> Bool {
        let squeezed = String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 }))
        let lower = squeezed.lowercased()
        if lower.isEmpty || lower.hasPrefix("#") || lower.hasPrefix("?") { return true }
        if lower.hasPrefix("/") { return !lower.hasPrefix("//") && !lower.hasPrefix("/\\") }
        if lower.hasPrefix("\\") { return false }
        if let colon = lower.firstIndex(of: ":") {
            let slash = lower.firstIndex(of: "/") ?? lower.endIndex
            let question = lower.firstIndex(of: "?") ?? lower.endIndex
            let hash = lower.firstIndex(of: "#") ?? lower.endIndex
            if colon < slash, colon < question, colon < hash {
                // An absolute URL: a listed scheme, or a host the settings allow.
                if let host = Self.host(of: lower), lower.hasPrefix("https://"), hosts.contains(host) { return true }
                let schemes = navigation ? navigationSchemes : resourceSchemes
                return schemes.contains { lower.hasPrefix($0) }
            }
        }
        return true   // "images/a.png", "docs/intro": relative
    }

    /// The host of an `https://host/...` URL, lowercased, without user info or port.
    static func host(of url: String) -> String? {
        guard url.hasPrefix("https://") else { return nil }
        let rest = url.dropFirst("https://".count)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != "\\" }
        if authority.contains("@") { return nil }
        return String(authority.prefix { $0 != ":" })
    }

    /// Whether a URL whose start is known but whose end is computed stays where its start puts it:
    /// `/items/${id}` stays on this origin, `https://x/?q=${v}` would carry `v` to a host.
    func allowsURLPrefix(_ prefix: String) -> Bool {
        let lower = prefix.lowercased()
        if lower.hasPrefix("#") || lower.hasPrefix("?") { return true }
        guard lower.hasPrefix("/"), lower.count >= 2 else { return false }
        let second = lower[lower.index(after: lower.startIndex)]
        return second != "/" && second != "\\" && second.unicodeScalars.allSatisfy { $0.value > 0x20 }
    }
}
