import ClusterSim
import JQ
import JSONValue
import KubeAudit
import Seeded

/// "Which of these events does this jq query print?": five short audit events written by
/// `AuditEventEncoder`, a query from `JQTemplate`, and the answer from running the query
/// with the jq engine on each event.
enum JQSelectFamily {
    /// The keys an event keeps in the question, so that five events fit on a screen.
    static let keptKeys = ["level", "stage", "requestURI", "verb", "user", "objectRef", "responseStatus"]

    static func make(_ rng: inout SeededGenerator) -> GeneratedItem {
        while true {
            // Five different requests, so no two events share a request (and must share its level).
            var requests = SampleCatalogue.requests
            rng.shuffle(&requests)
            let events = requests.prefix(5).map { event($0, &rng) }
            var templates = JQTemplate.all
            rng.shuffle(&templates)
            for t in templates {
                var params = t.parameters(events)
                rng.shuffle(&params)
                for p in params.prefix(2) {
                    let query = t.query(p)
                    guard let selected = try? select(query, events), (2...4).contains(selected.filter { $0 }.count),
                          let probes = try? events.map({ try probe(t.probe, $0) }) else { continue }
                    return item(query: query, template: t, parameter: p, events: events, selected: selected, probes: probes)
                }
            }
        }
    }

    static func item(query: String, template t: JQTemplate, parameter: String, events: [JSON], selected: [Bool],
                     probes: [String]) -> GeneratedItem {
        let options = events.indices.map { i in
            OptionDraft(text: JSONPrinter.compact(events[i]),
                        why: (selected[i] ? "Printed: " : "Not printed: ") + "\(t.probe) is \(probes[i]) here.",
                        correct: selected[i])
        }
        let stem = "audit.log holds the five events shown as the options (shortened to a few fields), one per line. You run:\n\n"
            + "```\njq -c '\(query)' audit.log\n```\n\nWhich events does it print?"
        let hit = events.indices.filter { selected[$0] }.map { probes[$0] }
        let miss = events.indices.filter { !selected[$0] }.map { probes[$0] }
        let explanation = t.teach(parameter) + " For the printed events \(t.probe) is "
            + hit.joined(separator: ", ") + "; for the others it is " + miss.joined(separator: ", ") + "."
        let q = Question.generated(stem: stem, options: options, explanation: explanation,
                                   sources: [GeneratedFamily.auditPage, "https://jqlang.org/manual/"])
        return GeneratedItem(question: q, material: .jq(query: query))
    }

    /// Whether the query prints anything for each event (a runtime error counts as an error, not "nothing").
    static func select(_ query: String, _ events: [JSON]) throws -> [Bool] {
        let program = try JQProgram.compile(query)
        return try events.map { try !program.outputs($0, environment: environment()).isEmpty }
    }

    static func probe(_ expression: String, _ event: JSON) throws -> String {
        let out = try JQProgram.compile(expression).outputs(event, environment: environment())
        return out.map(JSONPrinter.compact).joined(separator: " ")
    }

    /// No clock, inputs or environment variables: runs are pure.
    static func environment() -> JQEnvironment { JQEnvironment(now: { 0 }) }

    /// One event of a catalogue request, at a plausible stage, level and status.
    static func event(_ r: SampleRequest, _ rng: inout SeededGenerator) -> JSON {
        let a = r.attributes
        var stage = AuditStage.responseComplete
        var code = r.status
        if r.user == nil {
            stage = .responseStarted
        } else {
            switch rng.index(below: 10) {
            case 0, 1: stage = .requestReceived
            case 2 where RequestInfo.isLongRunning(a): stage = .responseStarted
            case 3: code = rng.pick([403, 404])
            default: break
            }
        }
        let level = r.user == nil ? AuditLevel.metadata : rng.pick([AuditLevel.metadata, .metadata, .request, .requestResponse])
        let e = AuditEvent(level: level, auditID: "", stage: stage, requestURI: r.requestURI, verb: a.verb, user: r.user,
                           objectRef: a.resourceRequest ? ObjectReference(a) : nil,
                           responseStatus: stage == .requestReceived ? nil : ResponseStatus(code: code),
                           requestReceivedTimestamp: 0, stageTimestamp: 0)
        let full = (try? JSONParser.parse(AuditEventEncoder.json(e))) ?? .null
        var o = JSONObject()
        for k in keptKeys {
            guard var v = full[k] else { continue }
            if k == "responseStatus" { v = .object(["code": v["code"] ?? .null]) }
            if k == "objectRef", var ref = v.objectValue {
                ref["apiVersion"] = nil
                v = .object(ref)
            }
            o[k] = v
        }
        return .object(o)
    }
}
