import Diagnostics

/// `kubectl auth can-i --list`: the SelfSubjectRulesReview the API server answers with,
/// and the table kubectl prints from it.
public enum AccessList {
    /// A `SubjectRulesReviewStatus`: the resource rules and non-resource rules that apply.
    public struct Status: Sendable, Equatable {
        public var resourceRules: [PolicyRule]
        public var nonResourceRules: [PolicyRule]
        /// Resolution errors (`evaluationError`), lister text.
        public var evaluationError: String

        public init(resourceRules: [PolicyRule], nonResourceRules: [PolicyRule], evaluationError: String = "") {
            self.resourceRules = resourceRules
            self.nonResourceRules = nonResourceRules
            self.evaluationError = evaluationError
        }
    }

    /// The RBAC authorizer's `RulesFor`, split as the rules review splits it: a rule that
    /// names resources is a resource rule, one that names URLs a non-resource rule
    /// (a rule naming both is both).
    public static func status(_ authorizer: RBACAuthorizer, user: UserInfo, namespace: String) -> Status {
        let (rules, errors) = authorizer.rulesFor(user, namespace: namespace)
        var resource: [PolicyRule] = []
        var nonResource: [PolicyRule] = []
        for r in rules {
            if !r.resources.isEmpty {
                resource.append(PolicyRule(verbs: r.verbs, apiGroups: r.apiGroups, resources: r.resources,
                                           resourceNames: r.resourceNames))
            }
            if !r.nonResourceURLs.isEmpty {
                nonResource.append(PolicyRule(verbs: r.verbs, nonResourceURLs: r.nonResourceURLs))
            }
        }
        return Status(resourceRules: resource, nonResourceRules: nonResource,
                      evaluationError: errors.isEmpty ? "" : ErrorAggregate.message(errors))
    }

    /// kubectl's `printStatus`: rules broken down, compacted (verbs merged per resource
    /// and name), stable-sorted by `(*PolicyRule).String()`, through `text/tabwriter`.
    public static func render(_ status: Status, noHeaders: Bool = false) -> String {
        var broken: [PolicyRule] = []
        for r in status.resourceRules + status.nonResourceRules { broken += RuleCoverage.breakdown(r) }
        let compact = RuleCoverage.compactForList(broken)
        let sorted = compact.enumerated().map { ($0.offset, $0.element, $0.element.goString) }
            .sorted { a, b in a.2 == b.2 ? a.0 < b.0 : GoQuote.less(a.2, b.2) }
            .map(\.1)
        var text = noHeaders ? "" : "Resources\tNon-Resource URLs\tResource Names\tVerbs\n"
        for r in sorted {
            text += combineResourceGroup(r.resources, r.apiGroups) + "\t" + GoFormat.valueList(r.nonResourceURLs)
                + "\t" + GoFormat.valueList(r.resourceNames) + "\t" + GoFormat.valueList(r.verbs) + "\n"
        }
        return TabWriter.kubectl.format(text)
    }

    /// `describe.CombineResourceGroup`: `deployments.apps/scale`, `pods` for the core group.
    public static func combineResourceGroup(_ resources: [String], _ groups: [String]) -> String {
        guard let first = resources.first else { return "" }
        let parts = first.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        var combined = String(parts[0])
        if let g = groups.first, !g.isEmpty { combined += "." + g }
        if parts.count == 2 { combined += "/" + parts[1] }
        return combined
    }
}

/// Go's `text/tabwriter` with space padding and no flags: tab-terminated cells are
/// aligned in columns per block of consecutive lines; the last cell of a line is not.
public struct TabWriter: Sendable {
    public var minWidth: Int
    public var padding: Int

    public init(minWidth: Int, padding: Int) {
        self.minWidth = minWidth
        self.padding = padding
    }

    /// `printers.GetNewTabWriter`: minwidth 6, tabwidth 4, padding 3, padchar ' '.
    public static let kubectl = TabWriter(minWidth: 6, padding: 3)

    public func format(_ text: String) -> String {
        var out = ""
        var block: [[Substring]] = []
        var rawLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let endsWithNewline = rawLines.last == ""
        if endsWithNewline { rawLines.removeLast() }
        for (i, raw) in rawLines.enumerated() {
            let cells = raw.split(separator: "\t", omittingEmptySubsequences: false)
            block.append(cells)
            let terminated = i < rawLines.count - 1 || endsWithNewline
            // A line of one cell cannot affect later columns: Go flushes there.
            if cells.count == 1 || !terminated {
                var widths: [Int] = []
                formatBlock(block, 0, block.count, &widths, &out, lastTerminated: terminated)
                block = []
            }
        }
        if !block.isEmpty {
            var widths: [Int] = []
            formatBlock(block, 0, block.count, &widths, &out, lastTerminated: true)
        }
        return out
    }

    private func formatBlock(_ lines: [[Substring]], _ from: Int, _ to: Int, _ widths: inout [Int],
                             _ out: inout String, lastTerminated: Bool) {
        var line0 = from
        let column = widths.count
        var this = from
        while this < to {
            if column >= lines[this].count - 1 { this += 1; continue }
            writeLines(lines, line0, this, widths, &out, lastTerminated: lastTerminated)
            line0 = this
            var width = minWidth
            while this < to, column < lines[this].count - 1 {
                width = max(width, lines[this][column].unicodeScalars.count + padding)
                this += 1
            }
            widths.append(width)
            formatBlock(lines, line0, this, &widths, &out, lastTerminated: lastTerminated)
            widths.removeLast()
            line0 = this
        }
        writeLines(lines, line0, to, widths, &out, lastTerminated: lastTerminated)
    }

    private func writeLines(_ lines: [[Substring]], _ from: Int, _ to: Int, _ widths: [Int], _ out: inout String,
                            lastTerminated: Bool) {
        for i in from..<to {
            for (j, cell) in lines[i].enumerated() {
                out += cell
                if j < widths.count {
                    out += String(repeating: " ", count: max(0, widths[j] - cell.unicodeScalars.count))
                }
            }
            if i < lines.count - 1 || lastTerminated { out += "\n" }
        }
    }
}
