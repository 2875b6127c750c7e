import Testing
@testable import KubeAudit

/// List options decoded as requestinfo.go does, beyond the shared vectors.
@Suite struct RequestInfoTests {
    func parse(_ method: String, _ url: String) throws -> RequestAttributes {
        try RequestInfo.parse(method: method, url: url, user: nil).attributes
    }

    @Test(arguments: [
        ("/api/v1/namespaces/a/configmaps?fieldSelector=metadata.name%3D%3Dfoo", "list", "foo"),
        ("/api/v1/namespaces/a/configmaps?fieldSelector=metadata.name%21%3Dfoo", "list", ""),
        ("/api/v1/namespaces/a/configmaps?fieldSelector=type%3Dx,metadata.name%3Dbar", "list", "bar"),
        // A selector that does not parse: the apiserver falls back and takes no name.
        ("/api/v1/namespaces/a/configmaps?fieldSelector=metadata.name", "list", ""),
        // limit that is not a number is a decoding error: same fallback, and watch is read loosely.
        ("/api/v1/namespaces/a/configmaps?limit=x&watch=&fieldSelector=metadata.name%3Dfoo", "watch", ""),
        ("/api/v1/namespaces/a/configmaps?watch=", "list", ""),
        ("/api/v1/namespaces/a/configmaps?watch=TRUE", "watch", ""),
        ("/api/v1/namespaces/a/configmaps?watch=False", "list", ""),
        // A name with a slash is not a path segment, so it is not taken.
        ("/api/v1/namespaces/a/configmaps?fieldSelector=metadata.name%3Da%2Fb", "list", ""),
    ])
    func listOptions(url: String, verb: String, name: String) throws {
        let a = try parse("GET", url)
        #expect(a.verb == verb)
        #expect(a.name == name)
    }

    @Test func absoluteURLsAndPercentEscapes() throws {
        let a = try parse("get", "https://10.0.0.1:6443/api/v1/namespaces/prod/pods/web%2D1?x=1#frag")
        #expect(a.namespace == "prod" && a.name == "web-1" && a.verb == "get")
        let info = try RequestInfo.parse(method: "GET", url: "/api/v1/pods?watch=1", user: nil)
        #expect(info.requestURI == "/api/v1/pods?watch=1")
    }

    @Test func badInputIsAnError() {
        #expect(throws: RequestInfoError.self) { try parse("GET", "/api/v1/%zz") }
        #expect(throws: RequestInfoError.self) { try parse("G E T", "/api/v1/pods") }
        #expect(throws: RequestInfoError.self) { try parse("GET", "/api/v1/watch") }
    }

    @Test(arguments: [
        ("GET", "/api/v1/pods?watch=true", true), ("POST", "/api/v1/namespaces/d/pods/p/exec", true),
        ("GET", "/api/v1/namespaces/d/pods/p/log", true), ("GET", "/api/v1/namespaces/d/pods/p", false),
        ("GET", "/debug/pprof/profile", true), ("GET", "/healthz", false),
        ("GET", "/api/v1/proxy/namespaces/d/services/s", true),
    ])
    func longRunning(method: String, url: String, expected: Bool) throws {
        #expect(RequestInfo.isLongRunning(try parse(method, url)) == expected)
    }
}
