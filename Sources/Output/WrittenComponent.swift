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
    /// The code as written: what was asked for, its declared name changed to `name`.
    public var jsx: String

    public init(path: String, name: String, besideEditedFile: Bool, exportName: String, jsx: String = "") {
        self.path = path
        self.name = name
        self.besideEditedFile = besideEditedFile
        self.exportName = exportName
        self.jsx = jsx
    }
}
