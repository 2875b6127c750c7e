import Diagnostics
import Foundation

/// `"GET /api/v1/..."` or `"list /api/v1/pods"`: an HTTP method or a Kubernetes verb, then a URL.
public enum HTTPRequestLine {
    public struct Failure: Error, Sendable {
        public var message: String
        public var span: Span
    }

    public static let methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "CONNECT", "TRACE"]
    /// Kubernetes verbs and the HTTP method that produces them.
    public static let verbs: [String: String] = [
        "get": "GET", "list": "GET", "watch": "GET", "create": "POST", "update": "PUT", "patch": "PATCH",
        "delete": "DELETE", "deletecollection": "DELETE",
    ]

    public static func parse(_ line: String, user: UserInfo?) throws(Failure) -> RequestAttributes {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        var method = "GET", url = trimmed, verb: String?
        if parts.count == 2 {
            let word = String(parts[0])
            url = String(parts[1]).trimmingCharacters(in: .whitespaces)
            if methods.contains(word) {
                method = word
            } else if let m = verbs[word] {
                method = m
                verb = word
            } else if let m = verbs[word.lowercased()], methods.contains(word.uppercased()) == false {
                method = m
                verb = word.lowercased()
            } else {
                let guess = DidYouMean.suggest(word, among: methods + verbs.keys.sorted())
                throw Failure(message: "\"\(word)\" is neither an HTTP method nor a Kubernetes verb"
                              + (guess.map { "; did you mean \($0)?" } ?? ""), span: Span(start: 0, end: word.utf8.count))
            }
        }
        guard url.hasPrefix("/") || url.contains("://") else {
            throw Failure(message: "the URL must start with / (e.g. /api/v1/namespaces/default/pods)",
                          span: .at(trimmed.utf8.count - url.utf8.count))
        }
        if verb == "watch" && !url.contains("watch=") {
            url += url.contains("?") ? "&watch=true" : "?watch=true"
        }
        let attrs: RequestAttributes
        do {
            attrs = try RequestInfo.parse(method: method, url: url, user: user).attributes
        } catch {
            throw Failure(message: error.description, span: .at(0))
        }
        if let verb, attrs.resourceRequest, attrs.verb != verb {
            throw Failure(message: "\(verb) \(url) is a \(attrs.verb) request to kube-apiserver"
                          + (attrs.name.isEmpty ? "" : " (the URL names an object)"), span: .at(0))
        }
        return attrs
    }
}
