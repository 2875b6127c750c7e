import JSONValue

/// The resolved, executable form of a jq expression: variables are frame slots,
/// calls point at their definitions, so evaluation does no name lookups.
indirect enum Node {
    case identity
    case recurseDefault
    case literal(JSON)
    case index(Node, Node)
    case field(Node, String)
    case slice(Node, Node?, Node?)
    case iterate(Node)
    case tryOpt(Node)
    case pipe(Node, Node)
    case comma(Node, Node)
    case neg(Node)
    case binary(BinaryOp, Node, Node)
    case and(Node, Node)
    case or(Node, Node)
    case alternative(Node, Node)
    case update(UpdateOp, Node, Node)
    case array(Node?)
    case object([(key: Node, value: Node)])
    case string([NodeStringPart], format: String?)
    case format(String)
    case ifThen(Node, Node, Node?)
    case tryCatch(Node, Node?)
    case reduce(Node, RPattern, Node, Node)
    case foreach(Node, RPattern, Node, Node, Node?)
    /// `src as p1 ?// p2 | body`; `allSlots` are every variable of every alternative
    /// (set to null before each attempt, as jq does).
    case bind(Node, [RPattern], Node, allSlots: [Int])
    case variable(up: Int, slot: Int)
    case label(slot: Int, Node)
    case breakLabel(up: Int, slot: Int)
    case callFunc(FuncBody, up: Int, args: [ArgSpec])
    case callParam(up: Int, index: Int)
    case native(Native, [Lambda])
    /// `$__loc__`-free constant path used by `getpath` etc. is not needed; `..`:
    case builtinsList
}

enum NodeStringPart {
    case text(String)
    case interp(Node)
}

/// A resolved destructuring pattern.
indirect enum RPattern {
    case variable(slot: Int)
    case array([RPattern])
    case object([(key: RObjectKey, pattern: RPattern?)])
}

enum RObjectKey {
    case variable(slot: Int, name: String)
    case expr(Node)
}

/// How an argument is passed to a jq-defined function.
enum ArgSpec {
    /// A new closure over the caller's frame.
    case lambda(Lambda)
    /// The caller's own closure parameter, passed along unchanged.
    case forward(up: Int, index: Int)
}

/// A closure argument's body. `opaque` bodies bind variables, so each call gets its own frame.
final class Lambda {
    var body: Node
    let opaque: Bool
    let slotCount: Int
    init(body: Node, opaque: Bool, slotCount: Int) {
        self.body = body
        self.opaque = opaque
        self.slotCount = slotCount
    }
}

/// A `def`: its body is filled in after resolution (recursion refers to it before that).
final class FuncBody {
    let name: String
    let params: [String]
    var body: Node = .identity
    /// Needs its own frame (it has parameters or binds variables).
    var opaque = true
    var slotCount = 0
    /// Slot of each `$param`, by parameter index (nil for closure parameters).
    var valueParamSlots: [Int?] = []
    init(name: String, params: [String]) {
        self.name = name
        self.params = params
    }
}

/// A closure value at run time: a body plus the frame it was created in.
struct Closure {
    let lambda: Lambda
    let frame: Frame
}

/// The variables and closure parameters of one function invocation.
final class Frame {
    var slots: ContiguousArray<JSON>
    var closures: ContiguousArray<Closure>
    let parent: Frame?
    init(parent: Frame?, slotCount: Int, closures: ContiguousArray<Closure> = []) {
        self.parent = parent
        self.slots = ContiguousArray(repeating: .null, count: slotCount)
        self.closures = closures
    }

    @inline(__always)
    func ancestor(_ up: Int) -> Frame {
        var f = self
        var n = up
        while n > 0 { f = f.parent!; n -= 1 }
        return f
    }
}
