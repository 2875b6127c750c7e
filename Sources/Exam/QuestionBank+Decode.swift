import ContentFormat
import Diagnostics

extension QuestionBank {
    /// Decodes one question file's text (as `load` does for each file of the bank), for
    /// callers that hold the bytes already: the fuzz targets. `domain` is the file's name
    /// without `.yaml`.
    public static func decodeFile(_ source: SourceFile, domain: String) -> (questions: [Question], diagnostics: [Diagnostic]) {
        let result = QuestionFileDecoder.decode(source, expectedDomain: domain)
        return (result.questions.map(\.question), result.diagnostics)
    }
}
