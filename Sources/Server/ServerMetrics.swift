import Core
import Metrics
import CoreMetrics
import Prometheus

/// The server's Prometheus metrics, through swift-metrics with a factory of its own (no global
/// bootstrap, so several servers in one test process keep separate counts).
final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory
    let componentsWritten: CoreMetrics.Counter
    let streamsOpened: CoreMetrics.Counter
    /// Answers a model backend did not give: an error, a timeout, or answers that were not a component.
    let modelFailures: CoreMetrics.Counter
    /// Code the JSX checker refused: a template's, or a model's answer refused again after its repair round.
    let checkerRejections: CoreMetrics.Counter
    /// Wall time from a `/stream` client's audio reaching the end of a line to that line's final.
    let endOfSpeechToFinal: CoreMetrics.Timer
    /// From the trigger firing to the component file on disk (generate, check, write).
    let triggerToFile: CoreMetrics.Timer
    /// One model backend generation, retries and repair included.
    let modelLatency: CoreMetrics.Timer

    static let endOfSpeechLabel = "mockpilot_end_of_speech_to_final_seconds"
    static let triggerToFileLabel = "mockpilot_trigger_to_file_seconds"
    static let modelLatencyLabel = "mockpilot_model_latency_seconds"

    init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        // The pipeline's times are ones a person waits on: buckets from 50 ms to 2 minutes.
        let waits: [Duration] = [50, 100, 250, 500, 1_000, 2_000, 4_000, 8_000, 15_000, 30_000, 60_000, 120_000].map { .milliseconds($0) }
        for label in [Self.endOfSpeechLabel, Self.triggerToFileLabel, Self.modelLatencyLabel] {
            factory.durationHistogramBuckets[label] = waits
        }
        self.factory = factory
        componentsWritten = CoreMetrics.Counter(label: "mockpilot_components_generated_total", factory: factory)
        checkerRejections = CoreMetrics.Counter(label: "mockpilot_checker_rejections_total", factory: factory)
        streamsOpened = CoreMetrics.Counter(label: "mockpilot_streams_opened_total", factory: factory)
        modelFailures = CoreMetrics.Counter(label: "mockpilot_model_failures_total", factory: factory)
        endOfSpeechToFinal = CoreMetrics.Timer(label: Self.endOfSpeechLabel, factory: factory)
        triggerToFile = CoreMetrics.Timer(label: Self.triggerToFileLabel, factory: factory)
        modelLatency = CoreMetrics.Timer(label: Self.modelLatencyLabel, factory: factory)
    }

    /// The template's version was kept because of `failure`: a model's code the checker refused
    /// twice is a checker rejection; anything else (or no reason given) is the model's failure.
    func countKeptTemplate(_ failure: ComponentFailure?) {
        if case .checkerRejected = failure {
            checkerRejections.increment()
        } else {
            modelFailures.increment()
        }
    }

    /// Records `seconds` (from an event, so checked: a negative or non-finite time is dropped).
    static func record(seconds: Double, on timer: CoreMetrics.Timer) {
        guard seconds.isFinite, seconds >= 0, let nanoseconds = Int64(exactly: (min(seconds, 86_400) * 1e9).rounded()) else { return }
        timer.recordNanoseconds(nanoseconds)
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
