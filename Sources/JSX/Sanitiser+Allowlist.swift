/// The allowlist half of the check: an intrinsic element, each of its attributes, every URL and
/// every style value must be one the allowlist names, written so the checker can read it. These
/// rules do not try to spot an attack; they refuse whatever they cannot show is safe.
extension Sanitiser {
    /// A lower-case tag (or one with a namespace or a dot) is an element React hands to the DOM.
    static func isIntrinsic(_ tag: String) -> Bool {
        guard let first = tag.first else { return false }
        return first.isLowercase || tag.contains(":") || tag.contains("-")
    }

    mutating func checkListedElement(_ n: Node) {
        guard let name = n.children.first else { return }
        let attributes = n.children.dropFirst().prefix { $0.kind == .jsxAttribute || $0.kind == .jsxSpreadAttribute }
        var tag = n.text
        switch name.kind {
        case .jsxName where !Self.isIntrinsic(name.text):
            // A component: a name the file declares or imports, or a constant holding a listed tag.
            guard let binding = resolve(name.text) else {
                report(n, "unlisted-element", "<\(name.text)> is not declared in the component: only listed HTML/SVG elements and components the file defines or imports may be rendered")
                return
            }
            if binding.kind == .parameter || binding.kind == .catchParameter {
                // `({ as: Tag = "div" }) => <Tag />`: whoever renders the component picks the tag.
                report(n, "unlisted-element", "<\(name.text)> takes its tag from a prop, so the caller picks the element: render a fixed element, or pass an element (icon={<Star />}) and render {icon}")
                return
            }
            guard binding.kind == .constant || binding.kind == .variable, let value = binding.value,
                  !isFunctionValue(value), value.kind != .classExpr else { return }
            guard binding.kind == .constant, let bound = staticString(value) else {
                report(n, "unlisted-element", "<\(name.text)> takes its tag from a value computed at run time: write the element itself, so the checker sees which one it is")
                return
            }
            tag = bound
        case .jsxMemberName:
            // <motion.div>: the object must come from an allowed import or the file itself.
            let root = String(name.text.prefix { $0 != "." })
            if resolve(root) == nil {
                report(n, "unlisted-element", "<\(name.text)> is not declared in the component: only listed HTML/SVG elements and components the file defines or imports may be rendered")
            }
            return
        default:
            break
        }
        guard allowlist.elements.contains(tag) else {
            report(n, "unlisted-element", "<\(tag)> is not on the allowlist of elements a component may render (see README, 'What the check guarantees')")
            return
        }
        for attribute in attributes {
            if attribute.kind == .jsxSpreadAttribute {
                checkSpreadProps(attribute, on: tag)
            } else if let value = attribute[safe: 0] {
                checkListedAttribute(attribute.text, value: value.kind == .jsxExpression ? value.children.first : value,
                                     quoted: value.kind == .string, on: tag, at: attribute)
            } else {
                checkListedAttribute(attribute.text, value: nil, quoted: false, on: tag, at: attribute)
            }
        }
    }

    /// One attribute (or one key of a spread object) of a listed element.
    mutating func checkListedAttribute(_ name: String, value: Node?, quoted: Bool, on tag: String, at n: Node) {
        guard allowlist.allowsAttribute(name) || allowlist.resourceAttributes.contains(name) else {
            report(n, "unlisted-attribute", "\(name) is not on the allowlist of attributes a component may set")
            return
        }
        guard let value else { return }
        if allowlist.events.contains(name) {
            checkHandler(name, value, at: n)
        } else if allowlist.navigationAttributes.contains(name) && allowlist.navigationElements.contains(tag) {
            checkURL(name, value, quoted: quoted, navigation: true, at: n)
        } else if allowlist.resourceAttributes.contains(name) {
            checkURL(name, value, quoted: quoted, navigation: false, at: n)
        } else if name == "style" {
            checkStyle(value, at: n)
        } else if name == "attributeName" {
            // <animate attributeName="href"> turns `to`/`values` into a link.
            let target = fixedString(value).map { $0.lowercased() }
            if target.map({ $0.contains("href") || $0 == "src" || $0.hasPrefix("on") }) ?? true {
                report(n, "unlisted-attribute", "attributeName must be a fixed presentation attribute (opacity, fill, transform, ...), never a link, source or handler")
            }
        }
    }

    /// `{...{ title: "x" }}` or `{...props}` with `const props = { ... }`: every key is then an
    /// attribute the checker can see. Anything built at run time could name any prop.
    mutating func checkSpreadProps(_ n: Node, on tag: String) {
        guard let object = n.children.first.flatMap({ literalObject($0) }) else {
            report(n, "spread-props", "spread props must be an object literal written in the component (or a constant holding one): props built at run time could set any attribute, dangerouslySetInnerHTML included")
            return
        }
        for property in object.children {
            guard property.kind == .property, let key = Self.propertyName(property) else {
                report(property, "spread-props", "spread props must list each prop by a fixed name: a computed key or a nested spread could set any attribute")
                continue
            }
            let value = property[safe: 1]
            checkListedAttribute(key, value: value, quoted: false, on: tag, at: property)
        }
    }

    /// The object literal `n` is, directly or through a constant.
    func literalObject(_ n: Node, depth: Int = 0) -> Node? {
        guard depth < 12 else { return nil }
        switch n.kind {
        case .object: return n
        case .paren where n.children.count == 1: return literalObject(n.children[0], depth: depth + 1)
        case .identifier:
            guard let binding = resolve(n.text), binding.kind == .constant, let value = binding.value else { return nil }
            return literalObject(value, depth: depth + 1)
        default: return nil
        }
    }

    /// The whole value of a string expression when it cannot change: literals, `+` and templates of
    /// them, and `const` names. Unlike `staticString`, a `let` or a parameter default is not fixed.
    func fixedString(_ n: Node, depth: Int = 0) -> String? {
        guard depth < 12 else { return nil }
        switch n.kind {
        case .string, .number: return n.text
        case .paren, .jsxExpression: return n.children.count == 1 ? fixedString(n.children[0], depth: depth + 1) : nil
        case .template:
            var text = ""
            for part in n.children {
                if part.kind == .templateElement { text += part.text; continue }
                guard let hole = fixedString(part, depth: depth + 1) else { return nil }
                text += hole
            }
            return text
        case .binary where n.text == "+":
            guard n.children.count == 2, let left = fixedString(n.children[0], depth: depth + 1),
                  let right = fixedString(n.children[1], depth: depth + 1) else { return nil }
            return left + right
        case .identifier:
            guard let binding = resolve(n.text), binding.kind == .constant, let value = binding.value else { return nil }
            return fixedString(value, depth: depth + 1)
        default:
            return nil
        }
    }

    /// The fixed start of a string built at run time: `/items/` of `` `/items/${id}` ``.
    func fixedPrefix(_ n: Node, depth: Int = 0) -> String? {
        guard depth < 12 else { return nil }
        if let whole = fixedString(n, depth: depth) { return whole }
        switch n.kind {
        case .paren where n.children.count == 1: return fixedPrefix(n.children[0], depth: depth + 1)
        case .template:
            var text = ""
            for part in n.children {
                if part.kind == .templateElement { text += part.text; continue }
                guard let hole = fixedString(part, depth: depth + 1) else { return text }
                text += hole
            }
            return text
        case .binary where n.text == "+":
            guard let left = n.children.first else { return nil }
            if let whole = fixedString(left, depth: depth + 1), let right = n[safe: 1] {
                return whole + (fixedPrefix(right, depth: depth + 1) ?? "")
            }
            return fixedPrefix(left, depth: depth + 1)
        case .identifier:
            guard let binding = resolve(n.text), binding.kind == .constant, let value = binding.value else { return nil }
            return fixedPrefix(value, depth: depth + 1)
        default:
            return nil
        }
    }

    /// A link (`<a href>`) may go to a fixed https:, mailto: or tel: address, or anywhere on the
    /// preview's own origin; a resource (`src`, `srcSet`, `poster`, `action`, `ping`, ...) only to the
    /// preview's origin, a `data:` image or a host the settings allow, so rendering contacts no one.
    mutating func checkURL(_ name: String, _ value: Node, quoted: Bool, navigation: Bool, at n: Node, depth: Int = 0) {
        guard depth < 12 else { return }
        let kind = navigation ? "a link" : "a resource the browser loads as the page renders"
        switch value.kind {
        case .null, .boolean:
            return
        case .identifier where value.text == "undefined" && resolve("undefined") == nil:
            return
        case .conditional:
            for branch in value.children.dropFirst() { checkURL(name, branch, quoted: quoted, navigation: navigation, at: n, depth: depth + 1) }
            return
        case .logical:
            for operand in value.children.dropFirst(value.text == "&&" ? 1 : 0) {
                checkURL(name, operand, quoted: quoted, navigation: navigation, at: n, depth: depth + 1)
            }
            return
        case .paren where value.children.count == 1:
            checkURL(name, value.children[0], quoted: quoted, navigation: navigation, at: n, depth: depth + 1)
            return
        default:
            break
        }
        if let whole = fixedString(value) {
            let url = quoted ? HTMLEntities.decode(whole) : whole
            // A script URL has its own rule and reason.
            if isDangerousURL(url) { return }
            // srcSet lists several URLs, each followed by a size.
            let urls = name == "srcSet" ? url.split(separator: ",").map { String($0.trimmingPrefix(" ").prefix { $0 != " " }) } : [url]
            if let bad = urls.first(where: { !allowlist.allowsURL($0, navigation: navigation, hosts: allowedHosts) }) {
                let allowed = navigation ? "#, a path on this site, or a fixed https:, mailto: or tel: address"
                    : "#, a path on this site, a data: image" + (allowedHosts.isEmpty ? "" : " or a host in the settings (\(allowedHosts.sorted().joined(separator: ", ")))")
                report(n, "unsafe-url", "\(name) \"\(bad.prefix(60))\" is not an allowed URL for \(kind): use \(allowed)")
            }
        } else if let prefix = fixedPrefix(value), allowlist.allowsURLPrefix(prefix) {
            return
        } else {
            report(n, "unsafe-url", "\(name) is computed at run time, so the checker cannot see where \(kind) goes: write a fixed URL, or one that starts with a path on this site (\"/items/\" + id)")
        }
    }

    /// `style={{ color, padding: 8 }}`: an object the component wrote, with no value that could make
    /// CSS fetch something (`url(`, `image-set(`), and image-bearing properties fixed.
    mutating func checkStyle(_ value: Node, at n: Node) {
        if value.kind == .null { return }
        guard let object = literalObject(value) else {
            report(n, "style-url", "style must be an object literal written in the component (or a constant holding one), so the checker can see that no value loads an image from elsewhere")
            return
        }
        for property in object.children {
            guard property.kind == .property, let key = Self.propertyName(property), let v = property[safe: 1] else {
                report(property, "style-url", "style must list each property by a fixed name: a spread or computed key could set a background image")
                continue
            }
            if let text = fixedString(v) {
                let folded = text.lowercased().filter { !$0.isWhitespace }
                if let bad = allowlist.styleForbiddenText.first(where: { folded.contains($0) }) {
                    report(property, "style-url", "style \(key) contains \(bad), which can load from another host: use Tailwind classes or a plain colour")
                }
            } else if v.kind == .number || (v.kind == .unary && v[safe: 0]?.kind == .number) {
                continue
            } else if allowlist.styleImageProperties.contains(key) || key.hasPrefix("--") {
                report(property, "style-url", "style \(key) is computed at run time and can hold url(...), which loads from another host: give it a fixed value")
            } else if let prefix = fixedPrefix(v), allowlist.styleForbiddenText.contains(where: { prefix.lowercased().contains($0) }) {
                report(property, "style-url", "style \(key) builds a url(...) at run time, which can load from another host")
            }
        }
    }
}
