import Diagnostics

/// Turns an HTTP method and URL into request attributes the way kube-apiserver's
/// `RequestInfoFactory` does (API prefixes `api`, groupless, and `apis`).
public struct RequestInfo: Sendable, Equatable {
    public var attributes: RequestAttributes
    /// The query string, without `?` (empty when none).
    public var query: String
    /// `URL.RequestURI()`: path plus `?query`.
    public var requestURI: String

    /// Parse `url` (a path with optional query, or a full `https://host/...` URL) for
    /// `method` (any case) and `user`.
    public static func parse(method: String, url: String, user: UserInfo?) throws(RequestInfoError) -> RequestInfo {
        var target = Substring(url)
        if !target.hasPrefix("/"), let scheme = Self.schemeEnd(target) {
            let rest = target[scheme...]
            target = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
        }
        if let hash = target.firstIndex(of: "#") { target = target[..<hash] }
        let rawPath: Substring
        let query: Substring
        if let q = target.firstIndex(of: "?") {
            rawPath = target[..<q]
            query = target[target.index(after: q)...]
        } else {
            rawPath = target
            query = ""
        }
        guard let path = URLCoding.percentDecode(rawPath) else {
            throw .badEscape(String(rawPath))
        }
        let upper = method.uppercased()
        guard !upper.isEmpty, upper.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) else { throw .badMethod(method) }

        var a = RequestAttributes(user: user, verb: upper.lowercased(), path: path, resourceRequest: false)
        let requestURI = rawPath.isEmpty && query.isEmpty ? "/" : String(rawPath) + (query.isEmpty ? "" : "?" + query)
        let info = { RequestInfo(attributes: a, query: String(query), requestURI: requestURI) }

        var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        // strings.Split(strings.Trim(path, "/"), "/")
        while parts.first == "" { parts.removeFirst() }
        while parts.last == "" { parts.removeLast() }
        if parts.isEmpty { parts = [""] }
        if parts.count < 3 { return info() }
        let prefix = parts[0]
        guard prefix == "api" || prefix == "apis" else { return info() }
        parts.removeFirst()
        if prefix == "apis" {
            if parts.count < 3 { return info() }
            a.apiGroup = parts.removeFirst()
        }
        a.resourceRequest = true
        a.apiVersion = parts.removeFirst()

        var verbViaPath = false
        if parts[0] == "proxy" || parts[0] == "watch" {
            if parts.count < 2 {
                throw .noKind(requestURI)
            }
            a.verb = parts.removeFirst()
            verbViaPath = true
        } else {
            switch upper {
            case "POST": a.verb = "create"
            case "GET", "HEAD": a.verb = "get"
            case "PUT": a.verb = "update"
            case "PATCH": a.verb = "patch"
            case "DELETE": a.verb = "delete"
            default: a.verb = ""
            }
        }
        _ = verbViaPath

        if parts[0] == "namespaces" {
            if parts.count > 1 {
                a.namespace = parts[1]
                if parts.count > 2 && parts[2] != "status" && parts[2] != "finalize" {
                    parts.removeFirst(2)
                }
            }
        }
        if parts.count >= 3 && a.verb != "proxy" { a.subresource = parts[2] }
        if parts.count >= 2 { a.name = parts[1] }
        if parts.count >= 1 { a.resource = parts[0] }

        if a.name.isEmpty && a.verb == "get" {
            let q = QueryString(String(query))
            let options = ListOptionsDecoder.decode(q)
            a.verb = options.watch ? "watch" : "list"
            if let name = options.exactName { a.name = name }
        }
        if a.name.isEmpty && a.verb == "delete" {
            a.verb = "deletecollection"
        }
        return info()
    }

    /// The index just past `://` in an absolute URL.
    private static func schemeEnd(_ s: Substring) -> Substring.Index? {
        var i = s.startIndex
        while let colon = s[i...].firstIndex(of: ":") {
            let rest = s[colon...]
            if rest.hasPrefix("://") { return s.index(colon, offsetBy: 3) }
            i = s.index(after: colon)
        }
        return nil
    }

    /// kube-apiserver's `BasicLongRunningRequestCheck` as configured by the control
    /// plane: watch and proxy verbs, the attach/exec/proxy/log/portforward subresources,
    /// and non-resource paths under `/debug/pprof/`.
    public static func isLongRunning(_ a: RequestAttributes) -> Bool {
        if a.resourceRequest {
            if a.verb == "watch" || a.verb == "proxy" { return true }
            switch a.subresource {
            case "attach", "exec", "proxy", "log", "portforward": return true
            default: return false
            }
        }
        return a.path.hasPrefix("/debug/pprof/")
    }

    /// Connect subresources: their requests carry no request or response object.
    public static func isConnect(_ a: RequestAttributes) -> Bool {
        guard a.resourceRequest else { return false }
        if a.verb == "proxy" { return true }
        switch a.subresource {
        case "attach", "exec", "proxy", "portforward": return true
        default: return false
        }
    }
}

/// Why a method and URL could not be turned into attributes.
public enum RequestInfoError: Error, Equatable, Sendable, CustomStringConvertible {
    case badEscape(String)
    case badMethod(String)
    case noKind(String)

    public var description: String {
        switch self {
        case .badEscape(let p): "invalid percent-escape in URL path \(GoQuote.quote(p))"
        case .badMethod(let m): "not an HTTP method: \(GoQuote.quote(m))"
        case .noKind(let u): "unable to determine kind and namespace from url, \(u)"
        }
    }
}
