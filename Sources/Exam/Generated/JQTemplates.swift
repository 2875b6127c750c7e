import JSONValue

/// The jq queries the jq-select family asks about. Each names the field it tests (`probe`),
/// which the options' explanations show for every event, and says what it teaches.
struct JQTemplate: Sendable {
    /// Values for the query's parameter drawn from the events, or `[""]` when it has none.
    var parameters: @Sendable ([JSON]) -> [String]
    var query: @Sendable (String) -> String
    var probe: String
    var teach: @Sendable (String) -> String

    static func field(_ path: [String]) -> @Sendable ([JSON]) -> [String] {
        { events in
            var seen = Set<String>()
            return events.compactMap { e in
                var v: JSON? = e
                for k in path { v = v?[k] }
                return v?.stringValue
            }.filter { seen.insert($0).inserted }
        }
    }

    static let none: @Sendable ([JSON]) -> [String] = { _ in [""] }

    static let all: [JQTemplate] = [
        JQTemplate(parameters: field(["verb"]), query: { "select(.verb == \"\($0)\")" }, probe: ".verb",
                   teach: { "select(f) passes its input through when f is true and drops it otherwise; only events whose verb is exactly \"\($0)\" pass." }),
        JQTemplate(parameters: field(["objectRef", "resource"]), query: { "select(.objectRef.resource == \"\($0)\")" },
                   probe: ".objectRef.resource",
                   teach: { _ in "Non-resource requests have no objectRef; .objectRef.resource is then null, which is not equal to any string, so the event is dropped without an error. A subresource such as exec is in .objectRef.subresource, not in .objectRef.resource." }),
        JQTemplate(parameters: none, query: { _ in "select(.responseStatus.code >= 400)" }, probe: ".responseStatus.code",
                   teach: { _ in "A RequestReceived event has no responseStatus yet; null >= 400 is false in jq (null sorts before every number), so such events are dropped." }),
        JQTemplate(parameters: none, query: { _ in "select((.user.username // \"\") | startswith(\"system:serviceaccount:\"))" },
                   probe: ".user.username",
                   teach: { _ in "ServiceAccount usernames start with system:serviceaccount:. An event for a failed authentication has user {}, and // \"\" turns its missing username into \"\" so startswith does not fail on null." }),
        JQTemplate(parameters: field(["objectRef", "namespace"]), query: { "select(.objectRef.namespace == \"\($0)\" and .verb != \"get\")" },
                   probe: "[.objectRef.namespace, .verb]",
                   teach: { "Both conditions must hold: the namespace is \"\($0)\" and the verb is anything but get (list and watch are not get)." }),
        JQTemplate(parameters: { events in
                       var seen = Set<String>()
                       return events.flatMap { $0["user"]?["groups"]?.arrayValue ?? [] }.compactMap(\.stringValue)
                           .filter { seen.insert($0).inserted }
                   }, query: { "select(.user.groups[]? == \"\($0)\")" }, probe: ".user.groups",
                   teach: { ".user.groups[]? yields each group (nothing when the user has none), and select passes the event once for every group equal to \"\($0)\"." }),
        JQTemplate(parameters: none, query: { _ in "select(.level != \"Metadata\")" }, probe: ".level",
                   teach: { _ in "Events at Request or RequestResponse may carry request or response bodies; this finds them by their level." }),
        JQTemplate(parameters: none, query: { _ in "select(.objectRef.subresource // \"\" | IN(\"exec\", \"attach\", \"portforward\"))" },
                   probe: ".objectRef.subresource",
                   teach: { _ in "// binds tighter than |, so a missing subresource becomes \"\" before IN tests it against exec, attach and portforward." }),
        JQTemplate(parameters: none, query: { _ in "select(.verb | test(\"^(create|update|patch|delete)\"))" }, probe: ".verb",
                   teach: { _ in "test matches a regular expression anywhere it can; anchored with ^, delete also matches deletecollection, while get, list and watch do not match." }),
        JQTemplate(parameters: none, query: { _ in "select(.responseStatus.code | tostring | startswith(\"2\"))" },
                   probe: ".responseStatus.code",
                   teach: { _ in "Without a responseStatus the code is null, and null | tostring is \"null\", which does not start with \"2\"; 101 (an upgraded exec or portforward stream) does not either." }),
        JQTemplate(parameters: none, query: { _ in "select(.objectRef == null)" }, probe: ".requestURI",
                   teach: { _ in "Only resource requests get an objectRef; requests for paths such as /healthz, /readyz, /metrics or /version have none." }),
    ]
}
