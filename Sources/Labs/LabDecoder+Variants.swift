import ContentFormat
import Diagnostics

/// `variants:` in a predict lab: a list of alternatives, each replacing the policy or the
/// requests (and the texts that show them), so learners of a class get different answers.
extension LabDecoder {
    /// The keys one variant may set.
    static let variantKeys = ["task", "lesson", "hints", "policy_text", "requests", "reference"]

    static func predictVariants(_ m: inout YAMLFields, _ r: inout FieldReader, base: PredictSpec) -> [LabVariantContent] {
        guard m.has("variants") else { return [] }
        var out: [LabVariantContent] = []
        for item in r.sequence(&m, "variants") ?? [] {
            guard var f = r.mapping(item.node, path: item.path) else { continue }
            var spec = base
            if let text = r.string(&f, "policy_text") {
                spec.policyText = text
                spec.policy = nil
            }
            if f.has("requests") {
                let items = predictItems(&f, &r)
                for id in items.map(\.id) where !base.requests.contains(where: { $0.id == id }) {
                    r.error("variant request \"\(id)\" is not one of the lab's requests (a variant changes requests, "
                            + "it keeps their ids)", at: f.span)
                }
                var requests = base.requests
                for i in items { if let k = requests.firstIndex(where: { $0.id == i.id }) { requests[k] = i } }
                spec.requests = requests
            }
            if !f.has("policy_text") && !f.has("requests") {
                r.error("a variant changes `policy_text:` or `requests:`", at: f.span)
            }
            let task = r.string(&f, "task")
            let lesson = r.string(&f, "lesson")
            let hints = r.strings(&f, "hints", single: true)
            let reference = r.string(&f, "reference", required: true) ?? ""
            r.finish(f, context: " for a lab variant")
            out.append(LabVariantContent(task: task, lesson: lesson, hints: hints, reference: reference, spec: .predict(spec)))
        }
        if out.isEmpty { r.error("`variants:` needs at least one variant", at: m.keySpan("variants") ?? m.span) }
        return out
    }
}
