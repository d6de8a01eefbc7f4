/// What a module exports, read from its syntax tree rather than by pattern-matching the text, so
/// a comment or a string that looks like an export does not count. The preview and
/// `src/components/index.js` import each file's default export, so a component needs one.
public struct ModuleExports: Sendable, Hashable {
    /// `export default ...` or `export { X as default }`.
    public var hasDefault: Bool
    /// Names exported by declaration (`export function X`, `export const X`) or by list (`export { X }`).
    public var names: Set<String>

    public init(program: Node) {
        var hasDefault = false
        var names: Set<String> = []
        for statement in program.children {
            switch statement.kind {
            case .exportDefault:
                hasDefault = true
            case .exportNamed:
                for child in statement.children {
                    switch child.kind {
                    case .exportSpecifier:
                        if child.text == "default" { hasDefault = true } else { names.insert(child.text) }
                    case .functionDecl, .classDecl:
                        if !child.text.isEmpty { names.insert(child.text) }
                    case .varDecl:
                        for declarator in child.children {
                            guard let target = declarator.children.first else { continue }
                            for id in ScopeChecker.boundIdentifiers(target) { names.insert(id.text) }
                        }
                    default:
                        break
                    }
                }
            default:
                break
            }
        }
        self.hasDefault = hasDefault
        self.names = names
    }
}

extension JSXChecker {
    /// The exports of `source`, or nil when it does not parse.
    public func exports(of source: String) -> ModuleExports? {
        guard case .success(let program) = parse(source) else { return nil }
        return ModuleExports(program: program)
    }
}
