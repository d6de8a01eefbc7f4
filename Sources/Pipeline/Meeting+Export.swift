import Foundation
import Output

extension Meeting {
    /// Writes the session's components, transcript and manifest to `directory`, and says where.
    func export(to directory: String) async {
        guard let store else {
            emit.yield(.warning("export needs the session database, which is not open"))
            return
        }
        do {
            let components = try await store.components(session: sessionID)
            let utterances = try await store.utterances(session: sessionID)
            try SessionExport.write(components: components, utterances: utterances, to: directory, session: sessionID)
            let path = URL(fileURLWithPath: directory).standardizedFileURL.path
            emit.yield(.notice("exported \(components.count) component versions to \(path)"))
        } catch {
            report(warning: "export to \(directory) failed: \(error.localizedDescription)")
        }
    }
}
