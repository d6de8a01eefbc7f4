import Foundation

/// Decides whether generated JSX may be written out: it must parse, and pass every sanitiser rule.
public struct JSXChecker: Sendable {
    public var allowedImports: Set<String>
    /// Hosts a component's images and other resources may load from; by default none, so rendering
    /// a component contacts nobody but the preview's own origin.
    public var allowedHosts: Set<String>

    public init(allowedImports: Set<String> = ["react"], allowedHosts: Set<String> = []) {
        self.allowedImports = allowedImports
        self.allowedHosts = allowedHosts
    }

    /// Every problem in `source`, in source order; empty means the component is fine.
    public func check(_ source: String) -> [Diagnostic] {
        let allowed = allowedImports, hosts = allowedHosts
        return Self.onLargeStack {
            switch Self.parse(source) {
            case .failure(let error):
                return [Diagnostic(line: error.line, column: error.column, message: error.reason)]
            case .success(let program):
                var sanitiser = Sanitiser(allowedImports: allowed, allowedHosts: hosts, source: source)
                return sanitiser.findings(in: program)
            }
        }
    }

    /// The syntax tree of `source`, or the first syntax error, as Babel would report it.
    public func parse(_ source: String) -> Result<Node, JSXError> {
        Self.onLargeStack {
            Self.parse(source).mapError { JSXError.syntax(line: $0.line, column: $0.column, reason: $0.reason) }
        }
    }

    static func parse(_ source: String) -> Result<Node, SyntaxError> {
        var parser = Parser(source)
        do {
            return .success(try parser.parseProgram())
        } catch {
            return .failure(error)
        }
    }

    /// The parser recurses once per nesting level (capped at `Parser.maxDepth`); a dedicated thread
    /// with a generous stack makes that cap, not the caller's thread, the limit.
    static func onLargeStack<T: Sendable>(_ work: @escaping @Sendable () -> T) -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = work()
            done.signal()
        }
        thread.stackSize = 256 << 20
        thread.start()
        done.wait()
        guard let value = box.value else { preconditionFailure("worker thread finished without a result") }
        return value
    }
}

/// Carries the worker thread's result back; the semaphore orders the write before the read.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
