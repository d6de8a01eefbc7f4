import CPulse
import Foundation

/// The sources a PulseAudio (or PipeWire) server offers, for `mockpilot devices`: microphones and
/// the monitors of output devices, with which of them are the defaults.
public enum PulseDevices {
    /// One source, as `pulse:NAME` takes it.
    public struct Source: Sendable, Equatable {
        public var name: String
        public var description: String
        /// A sink's monitor: what that output device plays.
        public var isMonitor: Bool
        /// The server's default source, or the default sink's monitor (`--input monitor`).
        public var isDefault: Bool
    }

    /// The server's sources, or a `CaptureError` naming why there are none (no server).
    /// Waits at most `timeout` seconds for an answer.
    public static func list(server: String? = nil, timeout: Double = 3) throws -> [Source] {
        guard let loop = pa_mainloop_new() else { throw failure("out of memory", server: server) }
        defer { pa_mainloop_free(loop) }
        guard let context = pa_context_new(pa_mainloop_get_api(loop), "MockPilot") else {
            throw failure("out of memory", server: server)
        }
        defer { pa_context_unref(context) }
        guard pa_context_connect(context, server, PA_CONTEXT_NOAUTOSPAWN, nil) >= 0 else {
            throw failure(PulseSource.reason(pa_context_errno(context), server: server), server: server)
        }
        defer { pa_context_disconnect(context) }
        let deadline = Date().addingTimeInterval(timeout)
        func iterate(until done: () -> Bool) throws {
            while !done() {
                if Date() > deadline { throw failure("the server did not answer within \(Int(timeout)) s", server: server) }
                let state = pa_context_get_state(context)
                if state == PA_CONTEXT_FAILED || state == PA_CONTEXT_TERMINATED {
                    throw failure(PulseSource.reason(pa_context_errno(context), server: server), server: server)
                }
                // Non-blocking, with a short nap: a blocking iterate could wait past the deadline.
                if pa_mainloop_iterate(loop, 0, nil) == 0 { usleep(5_000) }
            }
        }
        try iterate { pa_context_get_state(context) == PA_CONTEXT_READY }

        let found = Found()
        let box = Unmanaged.passRetained(found)
        defer { box.release() }
        let serverInfo = pa_context_get_server_info(context, { _, info, user in
            guard let info, let user else { return }
            let found = Unmanaged<Found>.fromOpaque(user).takeUnretainedValue()
            found.defaultSink = info.pointee.default_sink_name.map { String(cString: $0) }
            found.defaultSource = info.pointee.default_source_name.map { String(cString: $0) }
        }, box.toOpaque())
        let sources = pa_context_get_source_info_list(context, { _, info, last, user in
            guard last == 0, let info, let user else { return }
            let found = Unmanaged<Found>.fromOpaque(user).takeUnretainedValue()
            let name = info.pointee.name.map { String(cString: $0) } ?? ""
            let description = info.pointee.description.map { String(cString: $0) } ?? ""
            found.sources.append(Source(name: name, description: description,
                                        isMonitor: info.pointee.monitor_of_sink != UInt32.max, isDefault: false))
        }, box.toOpaque())
        defer {
            if let serverInfo { pa_operation_unref(serverInfo) }
            if let sources { pa_operation_unref(sources) }
        }
        guard let serverInfo, let sources else {
            throw failure(PulseSource.reason(pa_context_errno(context), server: server), server: server)
        }
        try iterate { pa_operation_get_state(serverInfo) != PA_OPERATION_RUNNING && pa_operation_get_state(sources) != PA_OPERATION_RUNNING }
        let monitor = found.defaultSink.map { $0 + ".monitor" }
        return found.sources.map { source in
            var source = source
            source.isDefault = source.name == found.defaultSource || source.name == monitor
            return source
        }
    }

    private static func failure(_ reason: String, server: String?) -> CaptureError {
        .deviceUnavailable(device: server.map { "pulse server \($0)" } ?? "pulse", reason: reason)
    }

    /// What the callbacks collect; touched only on this thread, inside `pa_mainloop_iterate`.
    private final class Found {
        var defaultSink: String?
        var defaultSource: String?
        var sources: [Source] = []
    }
}
