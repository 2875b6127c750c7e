import Foundation

/// The reference material beside the checkout (`../shared`), found from a test file's
/// path. Tests that need it skip, naming the path, when it is missing; CI fails earlier
/// (`.ci/run` refuses to start without it), so it never skips there.
public enum SharedFolder {
    /// The package root: `Tests/<Target>/<File>.swift` up three levels.
    public static func packageRoot(_ file: String = #filePath) -> URL {
        URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    public static var url: URL { packageRoot().deletingLastPathComponent().appendingPathComponent("shared") }

    public static var exists: Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent("conformance").path)
    }

    /// Why a test that needs the folder is skipped.
    public static var missingComment: String { "skipped: the reference material is not at \(url.path)" }
}
