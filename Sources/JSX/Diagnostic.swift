/// One problem found in a component: a syntax error (`rule == nil`) or a sanitiser finding.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String
    /// The sanitiser rule that fired, e.g. `"no-eval"`; nil for syntax errors.
    public var rule: String?

    public init(line: Int, column: Int, message: String, rule: String? = nil) {
        self.line = line
        self.column = column
        self.message = message
        self.rule = rule
    }

    /// `LINE:COL: message`, the shape editors and `mockpilot check` print.
    public var description: String { "\(line):\(column): \(message)" }
}
