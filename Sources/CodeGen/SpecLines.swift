import Core
import Foundation

/// One line of `mockpilot generate` input.
public enum GenerateLine: Sendable, Hashable {
    case spec(DesignSpec)
    /// An IntentMsg, as `mockpilot extract` prints them; resolved to a spec by `SpecSequence`.
    case intent(IntentMsg)
}

/// Reads `mockpilot generate` input: one DesignSpec (or IntentMsg) per line, blank lines skipped,
/// with errors that name the file and line and say what is wrong.
public enum SpecLines {
    /// A line with an "utterance_id" and no "spec_id" is an intent; anything else must be a spec.
    public static func read(_ text: String, file: String, line: Int) throws -> GenerateLine {
        guard let fields = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any],
              fields["spec_id"] == nil, fields["utterance_id"] != nil else {
            return .spec(try decode(text, file: file, line: line))
        }
        for key in ["component", "refers_to"] {
            if let kind = fields[key] as? String, ComponentKind(rawValue: kind) == nil {
                throw CodeGenError.unknownComponent(file: file, line: line, kind: kind)
            }
        }
        do {
            return .intent(try JSONLines.decode(IntentMsg.self, from: text))
        } catch let DecodingError.typeMismatch(_, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw CodeGenError.badLine(file: file, line: line, reason: "\"\(field)\" has the wrong type")
        } catch {
            throw CodeGenError.badLine(file: file, line: line, reason: "not an IntentMsg")
        }
    }

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
