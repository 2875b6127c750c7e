/// Which parts of an input value a consumer (a jq filter) may read: a tree of
/// object keys and "every element" steps, with leaves that need the whole value.
///
/// Reading an input through a plan (`JSONStreamParser.next(pruning:)`) gives a
/// *pruned* value that a filter reading only the planned paths cannot tell from
/// the full one:
/// - at a node marked `whole`, the value is complete;
/// - scalars are always complete (their text is in error messages);
/// - an object keeps only the planned keys (all keys with `each`), in input
///   order, with jq's rule for a repeated key (first position, last value);
/// - an array keeps all its elements (pruned by `each`) when `each` is planned,
///   else it is empty: only its type is visible to such a filter.
///
/// ```swift
/// let plan = JSONPathPlan()
/// plan.field("objectRef").field("resource").whole = true
/// plan.prune(event)   // {"objectRef":{"resource":"pods"}}
/// ```
public final class JSONPathPlan: @unchecked Sendable, CustomStringConvertible {
    /// The whole value at this node is needed.
    public var whole = false
    /// Planned object keys, in the order they were added.
    public private(set) var fields: [(name: String, utf8: [UInt8], plan: JSONPathPlan)] = []
    /// The plan for every array element and every object member.
    public private(set) var each: JSONPathPlan?

    /// Deepest plan accepted (a filter's paths are short; deeper means unsure).
    public static let maxDepth = 64

    public init(whole: Bool = false) {
        self.whole = whole
    }

    /// The node for key `name`, added if missing.
    @discardableResult
    public func field(_ name: String) -> JSONPathPlan {
        if let i = fields.firstIndex(where: { $0.name == name }) { return fields[i].plan }
        let p = JSONPathPlan()
        fields.append((name, Array(name.utf8), p))
        return p
    }

    /// The node for every element or member, added if missing.
    @discardableResult
    public func elements() -> JSONPathPlan {
        if let each { return each }
        let p = JSONPathPlan()
        each = p
        return p
    }

    /// Merges `other` into this plan.
    public func formUnion(_ other: JSONPathPlan) {
        if other.whole { whole = true }
        for f in other.fields { field(f.name).formUnion(f.plan) }
        if let e = other.each { elements().formUnion(e) }
    }

    /// Makes the plan ready for reading: a whole node drops its children, and
    /// every planned key also gets what `each` plans (`.a` and `.[]` both read `a`).
    public func normalize() {
        if whole {
            fields = []
            each = nil
            return
        }
        each?.normalize()
        if let e = each {
            for f in fields { f.plan.formUnion(e) }
        }
        for f in fields { f.plan.normalize() }
    }

    /// Nesting depth of the plan (a leaf is 1).
    public var depth: Int {
        var d = 0
        for f in fields { d = max(d, f.plan.depth) }
        if let e = each { d = max(d, e.depth) }
        return d + 1
    }

    /// The index in `fields` of the key with these bytes, or -1.
    @inline(__always)
    func memberIndex(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        for (i, f) in fields.enumerated() where f.utf8.count == key.count {
            if key.isEmpty || f.utf8.withUnsafeBufferPointer({ memcmpBytes($0.baseAddress!, key.baseAddress!, key.count) }) {
                return i
            }
        }
        return -1
    }

    /// The pruned form of a complete value (what reading through the plan gives).
    public func prune(_ value: JSON) -> JSON {
        if whole { return value }
        switch value {
        case .object(let o):
            var out = JSONObject()
            for (k, v) in o {
                if let i = fields.firstIndex(where: { $0.name == k }) {
                    out[k] = fields[i].plan.prune(v)
                } else if let each {
                    out[k] = each.prune(v)
                }
            }
            return .object(out)
        case .array(let a):
            guard let each else { return .array([]) }
            return .array(a.map { each.prune($0) })
        default:
            return value
        }
    }

    public var description: String {
        if whole { return "*" }
        var parts = fields.map { "\($0.name):\($0.plan)" }
        if let each { parts.append("[]:\(each)") }
        return "{" + parts.joined(separator: ",") + "}"
    }
}
