/// Where one component version landed in the watched folder.
public struct WrittenComponent: Sendable, Hashable {
    /// Absolute path of the file written.
    public var path: String
    /// The component's name in the folder ("PayButton", or "PayButton2" when another component
    /// already had that name).
    public var name: String
    /// True when the user had edited the component's file, so this version went beside it
    /// (`PayButton.v3.jsx`) instead of over it.
    public var besideEditedFile: Bool
    /// What `src/components/index.js` exports this file as ("PayButton", "PayButtonV3").
    public var exportName: String

    public init(path: String, name: String, besideEditedFile: Bool, exportName: String) {
        self.path = path
        self.name = name
        self.besideEditedFile = besideEditedFile
        self.exportName = exportName
    }
}
