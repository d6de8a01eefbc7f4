import Core
import Foundation

/// Reads `mockpilot generate` input: one DesignSpec per line, blank lines skipped, with errors
/// that name the file and line and say what is wrong.
public enum SpecLines {
    /// Decodes one line; `file` and `line` are only for the error.
    public static func decode(_ text: String, file: String, line: Int) throws -> DesignSpec {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        } catch {
            throw CodeGenError.badLine(file: file, line: line, reason: "not valid JSON")
        }
        guard let fields = object as? [String: Any] else {
            throw CodeGenError.badLine(file: file, line: line, reason: "expected a JSON object (a DesignSpec)")
        }
        guard let kind = fields["component"] else {
            throw CodeGenError.badLine(file: file, line: line, reason: "missing \"component\"")
        }
        guard let kindName = kind as? String else {
            throw CodeGenError.badLine(file: file, line: line, reason: "\"component\" must be a string")
        }
        guard ComponentKind(rawValue: kindName) != nil else {
            throw CodeGenError.unknownComponent(file: file, line: line, kind: kindName)
        }
        do {
            return try JSONLines.decode(DesignSpec.self, from: text)
        } catch let DecodingError.keyNotFound(key, _) {
            throw CodeGenError.badLine(file: file, line: line, reason: "missing \"\(key.stringValue)\"")
        } catch let DecodingError.typeMismatch(_, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw CodeGenError.badLine(file: file, line: line, reason: "\"\(field)\" has the wrong type")
        } catch {
            throw CodeGenError.badLine(file: file, line: line, reason: "not a DesignSpec")
        }
    }
}
