import Diagnostics
import JSONValue

/// Request attributes from JSON, as in `shared/conformance/audit` (`user`, `groups`, `verb`,
/// `namespace`, `apiGroup`, `apiVersion`, `resource`, `subresource`, `name`, `path`,
/// `resourceRequest`), or an HTTP request (`method` and `url`, with `user` and `groups`)
/// that is turned into attributes as kube-apiserver does.
public enum RequestDecoding {
    public struct Failure: Error, Sendable {
        public var message: String
        /// The key the problem is about, to find its column in the line.
        public var key: String?
    }

    public static let attributeKeys = ["user", "groups", "verb", "namespace", "apiGroup", "apiVersion", "resource",
                                "subresource", "name", "path", "resourceRequest", "method", "url", "uid"]

    public static func decode(_ value: JSON) throws(Failure) -> RequestAttributes {
        guard case .object(let o) = value else {
            throw Failure(message: "a request must be a JSON object, not \(value.typeName)")
        }
        for key in o.keys where !attributeKeys.contains(key) {
            let hint = DidYouMean.suggest(key, among: attributeKeys).map { " (did you mean \"\($0)\"?)" } ?? ""
            throw Failure(message: "unknown request field \"\(key)\"\(hint)", key: key)
        }
        func string(_ key: String) throws(Failure) -> String {
            switch o[key] {
            case nil, .null?: return ""
            case .string(let s)?: return s
            case let v?: throw Failure(message: "\"\(key)\" must be a string, not \(v.typeName)", key: key)
            }
        }
        var user: UserInfo?
        switch o["user"] {
        case nil, .null?: user = nil
        case .string(let name)?: user = UserInfo(username: name, uid: try string("uid"))
        case let v?: throw Failure(message: "\"user\" must be a string or null, not \(v.typeName)", key: "user")
        }
        switch o["groups"] {
        case nil, .null?: break
        case .array(let items)?:
            var groups: [String] = []
            for item in items {
                guard case .string(let g) = item else {
                    throw Failure(message: "\"groups\" must be a list of strings; found \(item.typeName)", key: "groups")
                }
                groups.append(g)
            }
            if user == nil {
                if !groups.isEmpty {
                    throw Failure(message: "\"groups\" given without \"user\": a request with no user has no groups", key: "groups")
                }
            } else {
                user?.groups = groups
            }
        case let v?: throw Failure(message: "\"groups\" must be a list of strings, not \(v.typeName)", key: "groups")
        }
        if o["url"] != nil || o["method"] != nil {
            let url = try string("url")
            let method = try string("method")
            guard !url.isEmpty else { throw Failure(message: "\"method\" needs a \"url\"", key: "method") }
            do {
                return try RequestInfo.parse(method: method.isEmpty ? "GET" : method, url: url, user: user).attributes
            } catch {
                throw Failure(message: error.description, key: "url")
            }
        }
        let resourceRequest: Bool
        switch o["resourceRequest"] {
        case nil, .null?: resourceRequest = !(try string("resource")).isEmpty
        case .bool(let b)?: resourceRequest = b
        case let v?: throw Failure(message: "\"resourceRequest\" must be true or false, not \(v.typeName)", key: "resourceRequest")
        }
        return RequestAttributes(
            user: user, verb: try string("verb"), namespace: try string("namespace"), apiGroup: try string("apiGroup"),
            apiVersion: try string("apiVersion"), resource: try string("resource"), subresource: try string("subresource"),
            name: try string("name"), path: try string("path"), resourceRequest: resourceRequest)
    }

    /// Where a key is written in one line of JSON (for the caret), or the line start.
    public static func offset(ofKey key: String?, inLine bytes: ArraySlice<UInt8>) -> Int {
        guard let key else { return bytes.startIndex }
        let needle = Array("\"\(key)\"".utf8)
        var i = bytes.startIndex
        while i + needle.count <= bytes.endIndex {
            if bytes[i..<i + needle.count].elementsEqual(needle) { return i }
            i += 1
        }
        return bytes.startIndex
    }

    /// Attributes as JSON, in the vectors' field order.
    public static func encode(_ a: RequestAttributes) -> JSON {
        var o = JSONObject()
        o["user"] = a.user.map { .string($0.username) } ?? .null
        o["groups"] = a.user.map { .array($0.groups.map(JSON.string)) } ?? .null
        o["verb"] = .string(a.verb)
        o["namespace"] = .string(a.namespace)
        o["apiGroup"] = .string(a.apiGroup)
        o["apiVersion"] = .string(a.apiVersion)
        o["resource"] = .string(a.resource)
        o["subresource"] = .string(a.subresource)
        o["name"] = .string(a.name)
        o["path"] = .string(a.path)
        o["resourceRequest"] = .bool(a.resourceRequest)
        return .object(o)
    }
}

extension PolicyDecision {
    /// `{"level":..,"omitStages":[..],"omitManagedFields":..,"rule":N|null}`.
    public var json: JSON {
        var o = JSONObject()
        o["level"] = .string(level.rawValue)
        o["omitStages"] = .array(omitStages.names.map(JSON.string))
        o["omitManagedFields"] = .bool(omitManagedFields)
        o["rule"] = rule.map { .number($0) } ?? .null
        return .object(o)
    }
}
