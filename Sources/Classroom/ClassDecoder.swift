import ContentFormat
import Diagnostics
import Foundation

/// Reads `class.yaml` with the content field reader, so every problem (an unknown lab id,
/// a bad date, a missing salt) is a diagnostic at its line and column.
public enum ClassDecoder {
    static let rootKeys = ["format_version", "id", "title", "salt", "due", "labs", "exam"]

    /// The class, or nil when there are errors; `knownLabs` are the course's lab ids.
    public static func decode(_ source: SourceFile, knownLabs: [String]) -> (ClassSpec?, [Diagnostic]) {
        var r = FieldReader(source: source)
        let spec = spec(&r, knownLabs: knownLabs)
        return (r.hasErrors ? nil : spec, r.diagnostics)
    }

    private static func spec(_ r: inout FieldReader, knownLabs: [String]) -> ClassSpec? {
        guard var m = r.document("a class file", keys: "format_version, id, title, salt, labs") else { return nil }
        r.formatVersion(&m)
        let id = r.id(&m) ?? ""
        let title = r.string(&m, "title", required: true) ?? ""
        let salt = r.string(&m, "salt", required: true) ?? ""
        if m.has("salt"), salt.count < 32 || !salt.allSatisfy(\.isHexDigit) {
            r.error("the salt must be at least 32 hexadecimal digits (`kcsa class init` writes 64)", at: m.valueSpan("salt"))
        }
        let classDue = date(&m, "due", &r)
        var labs: [ClassSpec.LabItem] = []
        for item in r.sequence(&m, "labs", required: true) ?? [] {
            if let lab = labItem(item, classDue: classDue, knownLabs: knownLabs, &r) {
                if labs.contains(where: { $0.id == lab.id }) {
                    r.error("lab \(lab.id) is listed twice", at: item.node.span)
                }
                labs.append(lab)
            }
        }
        if m.has("labs"), labs.isEmpty, !r.hasErrors { r.error("a class needs at least one lab", at: m.valueSpan("labs")) }
        if labs.count > ClassSpec.maxLabs {
            r.error("a class has at most \(ClassSpec.maxLabs) labs, not \(labs.count)", at: m.valueSpan("labs"))
        }
        var exam: ClassSpec.ExamItem?
        if var e = r.mapping(&m, "exam") {
            let questions = r.int(&e, "questions", required: true) ?? 1
            if !(1...ClassSpec.maxExamQuestions).contains(questions) {
                r.error("exam questions must be 1 to \(ClassSpec.maxExamQuestions)", at: e.valueSpan("questions"))
            }
            let points = points(&e, default: ClassSpec.defaultExamPoints, &r)
            exam = .init(questions: questions, points: points, due: date(&e, "due", &r) ?? classDue)
            r.finish(e, context: " in a class's exam")
        }
        m.allow(rootKeys)
        r.finish(m, context: " in a class file")
        return ClassSpec(id: id, title: title, labs: labs, exam: exam, salt: salt.lowercased())
    }

    /// `- lab-id` or `- {id: lab-id, due: ..., points: ...}`.
    private static func labItem(_ item: YAMLItem, classDue: Date?, knownLabs: [String],
                                _ r: inout FieldReader) -> ClassSpec.LabItem? {
        var id: String?
        var idSpan = item.node.span
        var points = ClassSpec.defaultLabPoints
        var due = classDue
        if case .scalar = item.node {
            id = r.string(item.node, path: item.path)
        } else if var f = r.mapping(item.node, path: item.path) {
            id = r.string(&f, "id", required: true)
            idSpan = f.valueSpan("id") ?? f.span
            points = self.points(&f, default: ClassSpec.defaultLabPoints, &r)
            due = date(&f, "due", &r) ?? classDue
            r.finish(f, context: " in a class's lab")
        }
        guard let id else { return nil }
        guard knownLabs.contains(id) else {
            let guess = DidYouMean.suggest(id, among: knownLabs)
            r.error("there is no lab \"\(id)\" in the course", at: idSpan,
                    help: guess.map { "did you mean \($0)?" } ?? "`kcsa lab list` lists the labs")
            return nil
        }
        return .init(id: id, points: points, due: due)
    }

    private static func points(_ f: inout YAMLFields, default value: Int, _ r: inout FieldReader) -> Int {
        guard let p = r.int(&f, "points") else { return value }
        if !(0...ClassSpec.maxPoints).contains(p) {
            r.error("points must be 0 to \(ClassSpec.maxPoints)", at: f.valueSpan("points"))
            return value
        }
        return p
    }

    private static func date(_ f: inout YAMLFields, _ key: String, _ r: inout FieldReader) -> Date? {
        guard let text = r.string(&f, key) else { return nil }
        guard let d = ClassDate.parse(text) else {
            r.error("\"\(text)\" is not an ISO 8601 date (like 2026-12-20T18:00:00Z or 2026-12-20)", at: f.valueSpan(key))
            return nil
        }
        return d
    }

    /// `class.yaml` for a spec, as `kcsa class init` writes it.
    public static func encode(_ spec: ClassSpec) -> String {
        var out = "# A kcsa class (docs/CLASSES.md). Keep the salt secret: learners' seeds derive from it.\n"
        out += "format_version: 1\nid: \(spec.id)\ntitle: \(quoted(spec.title))\nsalt: \(spec.salt)\nlabs:\n"
        for lab in spec.labs {
            out += "  - id: \(lab.id)\n    points: \(lab.points)\n"
            if let due = lab.due { out += "    due: \(ClassDate.format(due))\n" }
        }
        if let e = spec.exam {
            out += "exam:\n  questions: \(e.questions)\n  points: \(e.points)\n"
            if let due = e.due { out += "  due: \(ClassDate.format(due))\n" }
        }
        return out
    }

    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}
