import ContentFormat
import Diagnostics
import NetworkPolicy

/// Checks a `netpol-predict` answer cell by cell (a truth table: each row a string of `.`
/// allowed and `X` blocked, as upstream e2e writes them) or connection by connection, each
/// wrong verdict with the engine's explanation (and, after a deletion, the verdict before).
struct NetPolPredictGrader {
    let lab: Lab
    let spec: NetPolPredictSpec
    let resources: LabResources

    /// The model before the lab's deletions and after them.
    func models(_ world: NetPolWorld) throws(LabCheckError) -> (before: ClusterModel, after: ClusterModel) {
        let ids = Set(world.model.policies.map(\.id))
        for d in spec.deleted where !ids.contains(d) { throw .content("\(lab.id): deleted: no policy \(d) in the cluster") }
        do {
            return (world.model, try world.model.with(policies: world.model.policies.filter { !spec.deleted.contains($0.id) }))
        } catch {
            throw .content("\(lab.id): the cluster without \(spec.deleted.joined(separator: ", ")) does not load")
        }
    }

    func grade(_ answer: SourceFile) throws(LabCheckError) -> LabReport {
        let world = try NetPolWorld.load(spec.cluster, lab: lab, resources: resources)
        let (before, after) = try models(world)
        var diagnostics: [Diagnostic] = []
        let root: YAMLNode?
        do { root = try YAMLReader.read(answer) } catch {
            diagnostics.append(.error("not valid YAML: \(error.message)", at: error.span, help: error.help))
            return LabReport(labID: lab.id, checks: [.init(name: "the answer is YAML", passed: false)],
                             diagnostics: diagnostics, answer: answer)
        }
        guard case .mapping(let pairs, _)? = root else {
            diagnostics.append(.error(shapeHelp, at: root?.span))
            return LabReport(labID: lab.id, checks: [.init(name: "the answer is a mapping", passed: false)],
                             diagnostics: diagnostics, answer: answer)
        }
        var grading = Grading(world: world, before: before, after: after, answer: answer, deleted: !spec.deleted.isEmpty)
        let checks: [LabReport.Check]
        switch spec.question {
        case .table(let table): checks = try grading.table(table, pairs, lab: lab)
        case .connections(let items): checks = try grading.connections(items, pairs, lab: lab)
        }
        return LabReport(labID: lab.id, checks: checks, diagnostics: grading.diagnostics, answer: answer)
    }

    private var shapeHelp: String {
        switch spec.question {
        case .table: "the answer maps each row's pod (namespace/name) to its cells, like `shop/web: \"..X.\"`"
        case .connections(let items):
            "the answer maps each connection id (\(items.map(\.id).joined(separator: ", "))) to its verdict"
        }
    }
}

/// One answer being graded: its diagnostics so far and the models it is graded against.
private struct Grading {
    let world: NetPolWorld
    let before: ClusterModel
    let after: ClusterModel
    let answer: SourceFile
    let deleted: Bool
    var diagnostics: [Diagnostic] = []

    init(world: NetPolWorld, before: ClusterModel, after: ClusterModel, answer: SourceFile, deleted: Bool) {
        self.world = world
        self.before = before
        self.after = after
        self.answer = answer
        self.deleted = deleted
    }

    mutating func table(_ t: NetPolPredictSpec.Table, _ pairs: [YAMLPair], lab: Lab) throws(LabCheckError) -> [LabReport.Check] {
        let pods = t.pods.isEmpty ? after.order : t.pods
        var index: [Int] = []
        for p in pods {
            guard let i = after.podIndex(p) else { throw .content("\(lab.id): table pod \(p) is not in the cluster") }
            index.append(i)
        }
        let truth = after.truthTable(port: t.port, protocol: t.protocol)
        var rows: [String: [Bool]] = [:]
        for pair in pairs {
            guard pods.contains(pair.key) else {
                diagnostics.append(.error("there is no row \"\(pair.key)\" in this table (rows: \(pods.joined(separator: ", ")))",
                                          at: pair.keySpan))
                continue
            }
            if let cells = cells(pair, columns: pods) { rows[pair.key] = cells }
        }
        var checks: [LabReport.Check] = []
        for (r, from) in pods.enumerated() {
            let name = "from \(from) (row \(r + 1))"
            guard let said = rows[from] else {
                checks.append(.init(name: name, passed: false, findings: [Finding(.notAnswered, subject: .item("row " + from))]))
                continue
            }
            var findings: [Finding] = []
            for (c, to) in pods.enumerated() where said[c] != truth.allowed(from: index[r], to: index[c]) {
                let spec = ConnectionSpec(from: from, to: to, port: t.port, protocol: t.protocol)
                findings.append(try wrong(spec, said: NetPolGrader.verdict(said[c]), truth: NetPolGrader.verdict(!said[c]), lab: lab))
            }
            checks.append(.init(name: name, passed: findings.isEmpty, findings: findings))
        }
        return checks
    }

    /// A row's cells: `.` allowed, `X` blocked, spaces ignored; one per column.
    private mutating func cells(_ pair: YAMLPair, columns: [String]) -> [Bool]? {
        guard case .scalar(let s) = pair.value, s.kind == .string else {
            diagnostics.append(.error("row \(pair.key): write its cells as a string of . and X, like \"..X.\"", at: pair.value.span))
            return nil
        }
        var out: [Bool] = []
        for ch in s.text where ch != " " {
            switch ch {
            case ".": out.append(true)
            case "X", "x": out.append(false)
            default:
                diagnostics.append(.error("row \(pair.key): \"\(ch)\" is not a cell; use . (allowed) or X (blocked)", at: s.span))
                return nil
            }
        }
        guard out.count == columns.count else {
            diagnostics.append(.error("row \(pair.key) has \(out.count) cells; the table has \(columns.count) columns "
                                      + "(\(columns.joined(separator: ", ")))", at: s.span))
            return nil
        }
        return out
    }

    mutating func connections(_ items: [NetPolPredictSpec.Item], _ pairs: [YAMLPair], lab: Lab) throws(LabCheckError) -> [LabReport.Check] {
        let words = deleted ? ["opened", "closed", "unchanged"] : ["allowed", "blocked"]
        var said: [String: String] = [:]
        for pair in pairs {
            guard items.contains(where: { $0.id == pair.key }) else {
                diagnostics.append(.error("there is no connection \"\(pair.key)\" in this lab (ids: \(items.map(\.id).joined(separator: ", ")))",
                                          at: pair.keySpan))
                continue
            }
            guard case .scalar(let s) = pair.value, words.contains(s.text) else {
                diagnostics.append(.error("\(pair.key): the verdict is one of \(words.joined(separator: ", "))", at: pair.value.span))
                continue
            }
            said[pair.key] = s.text
        }
        var checks: [LabReport.Check] = []
        for item in items {
            let name = "\(item.id): \(item.connection.summary)"
            guard let verdict = said[item.id] else {
                checks.append(.init(name: name, passed: false, findings: [Finding(.notAnswered, subject: .item(item.id))]))
                continue
            }
            let now = try world.connection(item.connection, in: after, lab: lab).allowed
            let truth: String
            if deleted {
                let was = try world.connection(item.connection, in: before, lab: lab).allowed
                truth = was == now ? "unchanged" : now ? "opened" : "closed"
            } else {
                truth = NetPolGrader.verdict(now)
            }
            if verdict == truth {
                checks.append(.init(name: name, passed: true))
            } else {
                checks.append(.init(name: name, passed: false, findings: [try wrong(item.connection, said: verdict, truth: truth, lab: lab)]))
            }
        }
        return checks
    }

    /// A wrong verdict with why it is what it is (after the deletion, and before it).
    private func wrong(_ c: ConnectionSpec, said: String, truth: String, lab: Lab) throws(LabCheckError) -> Finding {
        var f = Finding(.verdictWrong, subject: .connection(c.summary), expected: said, actual: truth)
        var evidence = world.evidence(try world.connection(c, in: after, lab: lab), in: after, answer: nil)
        if deleted { evidence.before = [world.evidence(try world.connection(c, in: before, lab: lab), in: before, answer: nil)] }
        f.traffic = evidence
        return f
    }
}
