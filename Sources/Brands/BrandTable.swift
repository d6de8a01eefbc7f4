import Foundation
import Yams

/// A well-known product whose look people cite ("like Stripe's").
public struct Brand: Sendable, Hashable, Codable {
    public var name: String
    /// Lower-case words or phrases that refer to the brand in speech.
    public var aliases: [String]
    /// primary, secondary, accent, background, text, radius, font, shadow.
    public var tokens: [String: String]

    public init(name: String, aliases: [String], tokens: [String: String]) {
        self.name = name
        self.aliases = aliases
        self.tokens = tokens
    }
}

/// The brand table from `Themes/design_mapper.yaml`, plus the user's additions.
public struct BrandTable: Sendable {
    public private(set) var brands: [Brand]

    public init(brands: [Brand]) {
        self.brands = brands
    }

    /// Parses one design_mapper.yaml text; `file` names it in errors.
    public init(yaml: String, file: String) throws {
        struct Document: Decodable { var brands: [Brand]? }
        do {
            let doc = try YAMLDecoder().decode(Document.self, from: yaml)
            brands = doc.brands ?? []
        } catch {
            throw BrandError.malformed(file: file, reason: Self.describe(error))
        }
        for (i, brand) in brands.enumerated() {
            if brand.name.trimmingCharacters(in: .whitespaces).isEmpty {
                throw BrandError.malformed(file: file, reason: "brand #\(i + 1) has an empty name")
            }
            brands[i].aliases = brand.aliases.map { $0.lowercased() }
        }
    }

    public func brand(named name: String) -> Brand? {
        brands.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// Adds or replaces brands by name; `other` wins.
    public func merging(_ other: BrandTable) -> BrandTable {
        var result = brands
        for brand in other.brands {
            if let i = result.firstIndex(where: { $0.name.caseInsensitiveCompare(brand.name) == .orderedSame }) {
                var merged = result[i]
                merged.aliases = Array(Set(merged.aliases + brand.aliases)).sorted()
                merged.tokens.merge(brand.tokens) { _, new in new }
                result[i] = merged
            } else {
                result.append(brand)
            }
        }
        return BrandTable(brands: result)
    }

    /// The installed table merged with the user's own file, if any.
    public static func load(themesDirectory: String, userFile: String?) throws -> BrandTable {
        let base = themesDirectory + "/design_mapper.yaml"
        guard let text = try? String(contentsOfFile: base, encoding: .utf8) else {
            throw BrandError.missing(file: base)
        }
        var table = try BrandTable(yaml: text, file: base)
        if let userFile, FileManager.default.fileExists(atPath: userFile) {
            guard let userText = try? String(contentsOfFile: userFile, encoding: .utf8) else {
                throw BrandError.missing(file: userFile)
            }
            table = table.merging(try BrandTable(yaml: userText, file: userFile))
        }
        return table
    }

    private static func describe(_ error: Error) -> String {
        if let yaml = error as? YamlError { return "\(yaml)".split(separator: "\n").first.map(String.init) ?? "invalid YAML" }
        if case DecodingError.typeMismatch(_, let ctx) = error { return ctx.debugDescription + " at " + path(ctx.codingPath) }
        if case DecodingError.keyNotFound(let key, let ctx) = error { return "missing '\(key.stringValue)' at " + path(ctx.codingPath) }
        if case DecodingError.dataCorrupted(let ctx) = error { return ctx.debugDescription }
        return "\(error)"
    }

    private static func path(_ keys: [CodingKey]) -> String {
        keys.map { $0.intValue.map { "#\($0 + 1)" } ?? $0.stringValue }.joined(separator: ".")
    }
}

/// A brand table that could not be read.
public enum BrandError: Error, LocalizedError, Equatable {
    case missing(file: String)
    case malformed(file: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .missing(let file): "brand table not found: \(file) (set themes_dir in mockpilot.conf or MOCKPILOT_THEMES)"
        case .malformed(let file, let reason): "\(file): \(reason)"
        }
    }
}
