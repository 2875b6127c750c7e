import Seeded

/// The requests of `TrafficGenerator.requests()` one at a time, in the same order and with
/// the same contents, holding one cursor per template stream rather than the whole window:
/// a long run or a large cluster needs memory for its templates, not its requests.
///
/// The generator draws from one random sequence, template after template, so a first pass
/// runs each template's stream to the end only to learn the generator state each one
/// starts from (building and dropping its requests). The second pass merges the streams
/// by (time, generation order): the stable sort `requests()` does, without the array.
public struct RequestStream: Sendable, IteratorProtocol {
    /// One template's stream (per node for a per-node actor): its next arrival and the state after it.
    struct Cursor: Sendable, Comparable {
        var time: Int64
        var order: Int
        var actor: Int
        var node: Int
        var template: Int
        var every: Int64
        var rng: SeededGenerator

        static func < (a: Cursor, b: Cursor) -> Bool { (a.time, a.order) < (b.time, b.order) }
        static func == (a: Cursor, b: Cursor) -> Bool { a.time == b.time && a.order == b.order }
    }

    private let generator: TrafficGenerator
    private var cursors = MinHeap<Cursor>()
    private var incidents: [SimRequest]
    private var nextIncident = 0
    private let end: Int64

    /// Prepares the stream; `progress` hears the first pass's share done (0...1), now and then.
    public init(_ generator: TrafficGenerator, progress: ((Double) -> Void)? = nil) throws(TrafficGenerator.Problem) {
        self.generator = generator
        let end = generator.start + generator.duration
        self.end = end
        var rng = SeededGenerator(seed: generator.seed)
        let scenario = generator.scenario
        var order = 0
        let streams = scenario.actors.reduce(0) { $0 + ($1.per_node == true ? max(1, scenario.nodes) : 1) * $1.requests.count }
        for (a, actor) in scenario.actors.enumerated() {
            let copies = actor.per_node == true ? max(1, scenario.nodes) : 1
            for n in 0..<copies {
                for (t, template) in actor.requests.enumerated() {
                    guard let every = template.every.flatMap(Duration.microseconds), every > 0 else {
                        throw .badDuration(template.every ?? "", where: "actor \(actor.name), \(template.method) \(template.url)")
                    }
                    var cursor = Cursor(time: generator.start + Int64(rng.next() % UInt64(every)), order: order, actor: a,
                                        node: n, template: t, every: every, rng: rng)
                    order += 1
                    if cursor.time < end { cursors.push(cursor) }
                    // Run the stream to its end only to leave `rng` where the next stream starts.
                    while cursor.time < end { _ = Self.advance(&cursor, generator) }
                    rng = cursor.rng
                }
                if n % 256 == 255 { progress?(Double(order) / Double(max(1, streams))) }
            }
        }
        // Incidents come after every template in generation order, so a stable sort of their own suffices.
        incidents = try generator.incidentRequests(rng: &rng).enumerated()
            .sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
    }

    /// The request at `cursor` (with its generator state), moving the cursor to the next arrival.
    private static func advance(_ cursor: inout Cursor, _ generator: TrafficGenerator) -> SimRequest {
        let actor = generator.scenario.actors[cursor.actor]
        let request = generator.request(actor.requests[cursor.template], actor: actor, node: "node-\(cursor.node)",
                                        n: cursor.node, at: cursor.time, rng: &cursor.rng)
        let every = cursor.every
        // Periods wobble by up to 10 %, as real clients do (as in `requests()`).
        cursor.time += every - every / 20 + Int64(cursor.rng.next() % UInt64(max(1, every / 10)))
        return request
    }

    /// The next request in time order, nil after the last.
    public mutating func next() -> SimRequest? {
        let incident = nextIncident < incidents.count ? incidents[nextIncident] : nil
        if let top = cursors.first, incident.map({ top.time <= $0.time }) ?? true {
            var cursor = cursors.pop()!
            let request = Self.advance(&cursor, generator)
            if cursor.time < end { cursors.push(cursor) }
            return request
        }
        guard let incident else { return nil }
        nextIncident += 1
        return incident
    }

    /// How far through the simulated window a request at `time` is (0...1).
    public func fraction(at time: Int64) -> Double {
        generator.duration > 0 ? min(1, max(0, Double(time - generator.start) / Double(generator.duration))) : 1
    }
}
