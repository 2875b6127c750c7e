import Diagnostics

/// The checks every content file shares: it is one YAML mapping, its `format_version`
/// is one this kcsa reads, and its ids follow the one kebab-case rule.
extension FieldReader {
    /// The file's single YAML document as a mapping, or nil after reporting a syntax
    /// error, an empty file or a document of another shape. `what` names the content
    /// ("a question file") and `keys` its main keys, for the message.
    public mutating func document(_ what: String, keys: String) -> YAMLFields? {
        let root: YAMLNode?
        do {
            root = try YAMLReader.read(source)
        } catch {
            // The reader's advice on duplicate keys speaks of policies; a content file keeps one of each.
            let help = error.message.hasPrefix("duplicate key") ? "remove one: each key appears once in a mapping" : error.help
            report(.error(error.message, at: error.span, help: help, code: "yaml"))
            return nil
        }
        guard let root else {
            self.error("the file is empty; \(what) is a YAML mapping (\(keys))", at: .at(0), code: "yaml")
            return nil
        }
        guard let fields = YAMLFields(root, path: "") else {
            self.error("\(what) must be a YAML mapping (\(keys)), not \(root.kindPhrase)", at: root.span, code: "yaml")
            return nil
        }
        return fields
    }

    /// The required `format_version`, reported when it is not in `supported`.
    @discardableResult
    public mutating func formatVersion(_ f: inout YAMLFields, supported: ClosedRange<Int> = 1...1) -> Int? {
        guard let version = int(&f, "format_version", required: true) else { return nil }
        if !supported.contains(version) {
            let known = supported.count == 1 ? "format_version \(supported.lowerBound)"
                : "format_version \(supported.lowerBound) to \(supported.upperBound)"
            error("format_version \(version) is not supported (this kcsa reads \(known))",
                  at: f.valueSpan("format_version"), code: "format-version")
        }
        return version
    }

    /// An id under `key`, checked against `ContentID`; with `matchingFileName`, a file
    /// named `*.yaml` must be named after it. The id is returned even when it breaks the
    /// rule, so later checks can name it.
    public mutating func id(_ f: inout YAMLFields, _ key: String = "id", required: Bool = true,
                            matchingFileName: Bool = false) -> String? {
        guard let id = string(&f, key, required: required) else { return nil }
        checkID(id, at: f.valueSpan(key), what: key == "id" ? "id" : "`\(f.fieldPath(key))`")
        if matchingFileName, ContentID.isValid(id), let fileID = Self.fileID(source.name), fileID != id {
            error("id \"\(id)\" does not match the file name \(fileID).yaml", at: f.valueSpan(key),
                  help: "name the file \(id).yaml, or change the id", code: "id")
        }
        return id
    }

    /// Reports `id` when it is not kebab-case.
    public mutating func checkID(_ id: String, at span: Span?, what: String = "id") {
        guard !ContentID.isValid(id) else { return }
        error("\(what) \"\(id)\" must be kebab-case (lower-case letters and digits, in words joined by single hyphens)",
              at: span, help: ContentID.suggestion(for: id).map { "did you mean \"\($0)\"?" }, code: "id")
    }

    /// The file name without `.yaml`, when the source is a `.yaml` file.
    static func fileID(_ path: String) -> String? {
        guard path.hasSuffix(".yaml") else { return nil }
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        return String(name.dropLast(".yaml".count))
    }
}
