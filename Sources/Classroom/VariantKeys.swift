import Labs

/// Each learner's seeds: a keyed derivation in two steps, so the handout can carry
/// per-learner material without the instructor's salt.
///
///     learnerKey = HMAC-SHA-256(salt, "kcsa-class-learner\0" + class id + "\0" + learner id)
///     seed(item) = first 8 bytes of HMAC-SHA-256(learnerKey, "kcsa-class-seed\0" + item)
///
/// `item` is a lab id or `exam`. The instructor reproduces every variant from the salt and
/// the roster; a learner holds only learner keys, from which the salt (and so the key of
/// anyone not in the handout) cannot be computed. docs/CLASSES.md explains the choice.
public struct VariantKeys: Sendable, Equatable {
    /// The learner's key, as hex (what a handout carries).
    public var learnerKey: String

    public init(learnerKey: String) { self.learnerKey = learnerKey }

    /// The instructor's side: the key from the class salt.
    public init(salt: String, classID: String, learnerID: String) {
        let mac = HMACSHA256.mac(key: Self.bytes(hex: salt), message: Array("kcsa-class-learner\0\(classID)\0\(learnerID)".utf8))
        learnerKey = SHA256.hex(mac)
    }

    /// The seed for one lab or for the exam (`item == "exam"`).
    public func seed(_ item: String) -> UInt64 {
        let mac = HMACSHA256.mac(key: Self.bytes(hex: learnerKey), message: Array("kcsa-class-seed\0\(item)".utf8))
        return mac.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// The lab variant a learner is graded on.
    public func variant(lab id: String) -> LabVariant { LabVariant(seed: seed(id)) }

    /// The learner's exam paper seed, kept to nine digits so it can be typed (`--seed`).
    public var examSeed: UInt64 { seed("exam") % 1_000_000_000 }

    static func bytes(hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var high: UInt8?
        for c in hex.utf8 {
            let v: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): v = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): v = c - UInt8(ascii: "A") + 10
            default: continue
            }
            if let h = high { out.append(h << 4 | v); high = nil } else { high = v }
        }
        return out
    }
}
