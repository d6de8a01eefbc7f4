import Foundation
import Hummingbird

/// The routes a monitor or a client reads: health, metrics and the API's own description.
extension MockPilotServer {
    /// Each stage's last heartbeat; 503 while one is stuck, so a load balancer stops sending work.
    func health() -> Response {
        let report = board.report()
        var object: [String: Any] = ["status": report.status, "period_seconds": report.periodSeconds]
        object["services"] = report.services.map { service -> [String: Any] in
            ["name": service.name, "seconds_since_beat": service.secondsSinceBeat, "alive": service.alive]
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return Self.json(String(decoding: data, as: UTF8.self), status: report.healthy ? .ok : .serviceUnavailable)
    }

    func metricsText() -> Response {
        Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: metrics.text())))
    }

    func openAPI() -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(bytes: PackageResources.openapi_json)))
    }
}
