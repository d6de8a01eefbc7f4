import Metrics
import CoreMetrics
import Prometheus

/// The server's Prometheus metrics, through swift-metrics with a factory of its own (no global
/// bootstrap, so several servers in one test process keep separate counts).
final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory
    let componentsWritten: CoreMetrics.Counter
    let checkerRejections: CoreMetrics.Counter
    let streamsOpened: CoreMetrics.Counter

    init() {
        factory = PrometheusMetricsFactory(registry: registry)
        componentsWritten = CoreMetrics.Counter(label: "mockpilot_components_generated_total", factory: factory)
        checkerRejections = CoreMetrics.Counter(label: "mockpilot_checker_rejections_total", factory: factory)
        streamsOpened = CoreMetrics.Counter(label: "mockpilot_streams_opened_total", factory: factory)
    }

    /// One finished request: counted by route and status, timed by route. `route` is the route's
    /// pattern, never the raw path, so a scan of random paths cannot grow the label set.
    func request(method: String, route: String, status: Int, duration: Duration) {
        let labels = [("method", method), ("route", route)]
        CoreMetrics.Counter(label: "mockpilot_http_requests_total", dimensions: labels + [("status", String(status))], factory: factory).increment()
        CoreMetrics.Timer(label: "mockpilot_http_request_duration_seconds", dimensions: labels, factory: factory).record(duration: duration)
    }

    /// The Prometheus text exposition format.
    func text() -> String {
        registry.emitToString()
    }
}
