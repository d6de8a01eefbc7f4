import Foundation
import JWTKit

/// Signs and checks the server's access tokens: JWT, HS256 with `JWT_SECRET`, short-lived.
public struct TokenAuthority: Sendable {
    /// What a token says: who it is for, when it was made, when it stops working.
    struct Claims: JWTPayload {
        var sub: SubjectClaim
        var iat: IssuedAtClaim
        var exp: ExpirationClaim

        func verify(using algorithm: some JWTAlgorithm) throws {
            try exp.verifyNotExpired()
        }
    }

    /// Why a token was refused, in words for the 401 body.
    enum Refusal: Error, Equatable {
        case malformed
        case badSignature
        case expired
    }

    private let keys: JWTKeyCollection
    /// The longest lifetime `token` grants: these are for local use, not sessions.
    public static let longestLifetime: TimeInterval = 24 * 3600

    /// HS256 wants a key at least as long as its hash.
    public static let shortestSecret = 32

    /// Refuses a secret shorter than `shortestSecret` bytes.
    public init(secret: String) async throws(ServerError) {
        guard secret.utf8.count >= Self.shortestSecret else { throw .shortSecret }
        keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
    }

    /// A token for `subject` valid from `now` for `lifetime` seconds (clamped to 1 s ... 24 h).
    public func token(subject: String = "mockpilot", lifetime: TimeInterval, now: Date = Date()) async throws -> String {
        let seconds = lifetime.isFinite ? min(max(lifetime, 1), Self.longestLifetime) : Self.longestLifetime
        let claims = Claims(sub: SubjectClaim(value: subject), iat: IssuedAtClaim(value: now),
                            exp: ExpirationClaim(value: now.addingTimeInterval(seconds)))
        return try await keys.sign(claims)
    }

    /// The token's subject, or why it is refused.
    func verify(_ token: String) async throws(Refusal) -> String {
        do {
            return try await keys.verify(token, as: Claims.self).sub.value
        } catch let error as JWTError {
            switch error.errorType {
            case .claimVerificationFailure: throw .expired
            case .signatureVerificationFailed: throw .badSignature
            default: throw .malformed
            }
        } catch {
            throw .malformed
        }
    }
}
