import ContentFormat
import Diagnostics

extension LabCatalog {
    /// Decodes one lab file's text (as `loadOne` does after reading it), for callers that
    /// hold the bytes already: the fuzz targets and tools that check a single file.
    public static func decode(_ source: SourceFile) -> (lab: Lab?, problems: [Problem]) {
        let (lab, diagnostics) = LabDecoder.decode(source)
        return (lab, diagnostics.map { Problem(file: source, diagnostic: $0) })
    }
}
