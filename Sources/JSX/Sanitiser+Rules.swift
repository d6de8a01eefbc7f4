/// The rules themselves: what is forbidden, and the reason the user is shown.
extension Sanitiser {
    static let forbiddenElements: Set<String> = ["script", "iframe", "object", "embed", "frame", "frameset", "applet", "base"]
    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "xlinkhref", "xlink:href", "poster", "data"]
    /// SVG animation values, which `<animate attributeName="href">` turns into a link.
    static let animationValues: Set<String> = ["to", "from", "values", "by"]
    /// Globals by their canonical name (after `window.`/`self.`/... are dropped).
    static let network: Set<String> = ["fetch", "XMLHttpRequest", "WebSocket", "EventSource", "WebTransport",
                                       "RTCPeerConnection", "navigator.sendBeacon", "navigator.serviceWorker"]
    static let storage: Set<String> = ["document.cookie", "localStorage", "sessionStorage", "indexedDB", "caches", "cookieStore"]
    static let dynamicCode: Set<String> = ["eval", "Function", "Worker", "SharedWorker", "importScripts", "execScript"]
    static let timers: Set<String> = ["setTimeout", "setInterval", "setImmediate"]
    static let navigationCalls: Set<String> = ["location.assign", "location.replace", "open", "navigation.navigate"]
    /// Globals that must be used directly, never handed on, and whose computed members are refused.
    static let globalObjects: Set<String> = ["window", "document"]
    static let computedOff: Set<String> = ["window", "document", "navigator", "location"]
    /// Functions that build an element from a tag name: React's, the JSX runtime's and the DOM's.
    static let elementFactories: Set<String> = ["createElement", "jsx", "jsxs", "jsxDEV", "createElementNS"]
    static let htmlSinks: Set<String> = ["innerHTML", "outerHTML", "srcdoc"]
    static let htmlSinkCalls: Set<String> = ["insertAdjacentHTML", "createContextualFragment"]

    static let dangerousHTML = "dangerouslySetInnerHTML is not allowed: it injects raw HTML and enables XSS"

    var importMessage: String { "components may only import \(allowedImports.sorted().joined(separator: ", "))" }

    mutating func checkImport(_ n: Node) {
        if !isAllowed(n.text) { report(n, "import", "import of '\(n.text)' is not allowed: \(importMessage)") }
    }

    /// A global read, call or hand-over, judged by its canonical name.
    mutating func checkAccess(_ n: Node, _ role: Role) {
        guard let access = access(n), access.global else { return }
        if access.dynamic {
            if Self.computedOff.contains(access.name) {
                report(n, "global-object", "\(access.display)[...] with a computed key is not allowed: it can reach fetch, cookies or storage without naming them")
            }
            return
        }
        let name = access.name, shown = access.display
        if Self.network.contains(name) {
            report(n, "network", "\(shown) is not allowed: components must not talk to the network")
        } else if Self.storage.contains(name) {
            report(n, "storage", "\(shown) is not allowed: components must not read or write cookies or browser storage")
        } else if Self.dynamicCode.contains(name) {
            report(n, "dynamic-code", "\(shown) is not allowed: it runs code built from strings")
        } else if name == "require" {
            report(n, "import", "require() is not allowed: \(importMessage)")
        } else if Self.timers.contains(name), role != .callee {
            report(n, "dynamic-code", "\(shown) used as a value is not allowed: whatever calls it later may hand it a string of code")
        } else if Self.globalObjects.contains(name), role != .memberObject, role != .presenceTest {
            report(n, "global-alias", "\(shown) is handed on (assigned, destructured or passed) here, which is not allowed: use it directly, as in \(name).addEventListener(...), so the checker sees what is used")
        }
    }

    mutating func checkCall(_ n: Node) {
        guard let callee = n.children.first else { return }
        if let access = access(callee), access.global, !access.dynamic {
            let name = access.name
            if Self.timers.contains(name), let first = n[safe: 1], !isFunctionValue(first) {
                if staticString(first) != nil || [.string, .template, .binary].contains(first.kind) {
                    report(n, "dynamic-code", "\(access.display) with a string is not allowed: it runs code built from strings")
                } else {
                    report(n, "dynamic-code", "\(access.display) needs a function written in the component, like () => ...: given anything else it may run a string as code")
                }
            }
            if Self.navigationCalls.contains(name) {
                report(n, "navigation", "\(access.display) is not allowed: a component must not navigate the page away")
            }
            if name == "document.write" || name == "document.writeln" {
                report(n, "dangerous-html", "\(access.display) is not allowed: it injects raw HTML and enables XSS")
            }
        }
        let method = lastName(callee)
        if n.kind != .newExpr, let method, Self.htmlSinkCalls.contains(method) {
            report(n, "dangerous-html", "\(method) is not allowed: it injects raw HTML and enables XSS")
        }
        if method == "constructor" {
            report(n, "dynamic-code", ".constructor(...) is not allowed: called on a function it builds another from a string")
        }
        if let method, Self.elementFactories.contains(method) {
            let tagArgument = method == "createElementNS" ? n[safe: 2] : n[safe: 1]
            if let tag = tagArgument.flatMap({ staticString($0) }), Self.forbiddenElements.contains(tag.lowercased()) {
                report(n, "forbidden-element", "<\(tag)> is not allowed: it can run or embed code from outside the component")
            }
        }
    }

    /// setTimeout`code` hands the timer an array that becomes the string "code".
    mutating func checkTaggedTemplate(_ n: Node) {
        guard let tag = n.children.first, let access = access(tag), access.global, !access.dynamic else { return }
        if Self.timers.contains(access.name) || Self.dynamicCode.contains(access.name) {
            report(n, "dynamic-code", "\(access.display) with a template string is not allowed: it runs code built from strings")
        }
    }

    mutating func checkAssignment(_ n: Node) {
        guard let target = n.children.first else { return }
        if let access = access(target), access.global,
           access.name == "location" || access.name.hasPrefix("location.") {
            // location.href, .pathname, .hash, ... and location itself all navigate when assigned.
            report(n, "navigation", "assigning \(access.display) is not allowed: a component must not navigate the page away")
        }
        if let property = lastName(target), Self.htmlSinks.contains(property) {
            report(n, "dangerous-html", "assigning \(property) is not allowed: it injects raw HTML and enables XSS")
        }
    }

    mutating func checkElement(_ n: Node) {
        var tags = [n.text]
        if let name = n.children.first {
            // <svg:script> is still a script.
            if name.kind == .jsxNamespacedName, let local = name.text.split(separator: ":").last { tags.append(String(local)) }
            // const Tag = "script"; <Tag /> renders a script element.
            if name.kind == .jsxName, let bound = resolve(name.text)?.value, let tag = staticString(bound) { tags.append(tag) }
        }
        if let tag = tags.first(where: { Self.forbiddenElements.contains($0.lowercased()) }) {
            report(n, "forbidden-element", "<\(tag)> is not allowed: it can run or embed code from outside the component")
        }
    }

    mutating func checkAttribute(_ n: Node) {
        let name = n.text
        if name == "dangerouslySetInnerHTML" {
            report(n, "dangerous-html", Self.dangerousHTML)
            return
        }
        guard let value = n[safe: 0] else { return }
        let expression = value.kind == .jsxExpression ? value.children.first : value
        if Self.isHandlerName(name), value.kind == .string || expression.flatMap({ staticString($0) }) != nil {
            report(n, "string-handler", "\(name) is a string: event handlers must be functions, a string would be run as code")
        }
        if Self.urlAttributes.contains(name.lowercased()) {
            let url = value.kind == .string ? HTMLEntities.decode(value.text) : expression.flatMap { staticPrefix($0) }
            if let url, isDangerousURL(url) {
                report(n, "unsafe-url", "\(name) is a javascript: or data:text/html URL, which runs code when followed")
            }
        }
    }

    /// `{...{ onClick: "..." }}` and `{...props}` with such a `const props` set a string handler too.
    mutating func checkSpread(_ n: Node) {
        guard var object = n.children.first else { return }
        if object.kind == .identifier, let bound = resolve(object.text)?.value { object = bound }
        guard object.kind == .object else { return }
        for property in object.children where property.kind == .property {
            guard let key = Self.propertyName(property), Self.isHandlerName(key), let value = property[safe: 1],
                  staticString(value) != nil else { continue }
            report(property, "string-handler", "\(key) is a string: event handlers must be functions, a string would be run as code")
        }
    }

    mutating func checkProperty(_ n: Node) {
        // `{ ["dangerously" + "SetInnerHTML"]: ... }` names the same prop.
        let computed = n.children.first.flatMap { $0.kind == .computedMember ? $0.children.first : nil }
        guard let key = Self.propertyName(n) ?? computed.flatMap({ staticString($0) }), let value = n[safe: 1] else { return }
        if key == "dangerouslySetInnerHTML" {
            report(n, "dangerous-html", Self.dangerousHTML)
        } else if Self.urlAttributes.contains(key.lowercased()), let url = staticPrefix(value), isDangerousURL(url) {
            report(value, "unsafe-url", "'\(key)' holds a javascript: or data:text/html URL, which runs code when followed")
        }
    }

    /// A string anywhere that is a script URL: wherever it ends up (an attribute set at run time, an
    /// SVG `<animate to>`, a link built from an array) it runs code when followed.
    mutating func checkString(_ value: String, at n: Node) {
        if isDangerousURL(value) {
            report(n, "unsafe-url", "this string is a javascript: or data:text/html URL, which runs code wherever it is used as a link")
        }
    }

    static func isHandlerName(_ name: String) -> Bool {
        name.count > 2 && name.hasPrefix("on") && name.dropFirst(2).first?.isUppercase == true
    }

    /// Browsers ignore case, whitespace and control characters inside a scheme.
    func isDangerousURL(_ url: String) -> Bool {
        let squeezed = String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 })).lowercased()
        return squeezed.hasPrefix("javascript:") || squeezed.hasPrefix("vbscript:") || squeezed.hasPrefix("data:text/html")
    }
}
