import Foundation

/// What learners join with (`kcsa class handout`): the class without its salt, the
/// content digest, and each rostered learner's key. `JoinedClass` is what one learner
/// keeps after `kcsa class join FILE --as ID`.
public struct Handout: Sendable, Equatable, Codable {
    public static let format = "kcsa-class-handout"
    public static let formatVersion = 1
    public static let maxBytes = 16 << 20

    /// The class as a learner sees it: ids, order, due dates, points; no salt.
    public struct ClassInfo: Sendable, Equatable, Codable {
        public var id: String
        public var title: String
        public var labs: [ClassSpec.LabItem]
        public var exam: ClassSpec.ExamItem?
    }

    public var format: String
    public var formatVersion: Int
    public var classInfo: ClassInfo
    public var contentDigest: String
    /// Learner id -> learner key (hex), for the learners the handout was made for.
    public var learners: [String: String]

    enum CodingKeys: String, CodingKey {
        case format, formatVersion = "format_version", classInfo = "class", contentDigest = "content_digest", learners
    }

    /// The handout of `spec` for `learners` (the whole roster, or one learner's own).
    public init(spec: ClassSpec, contentDigest: String, learners: [Roster.Learner]) {
        format = Self.format
        formatVersion = Self.formatVersion
        classInfo = ClassInfo(id: spec.id, title: spec.title, labs: spec.labs, exam: spec.exam)
        self.contentDigest = contentDigest
        var keys: [String: String] = [:]
        for l in learners { keys[l.id] = VariantKeys(salt: spec.salt, classID: spec.id, learnerID: l.id).learnerKey }
        self.learners = keys
    }

    public func encoded() -> Data { ClassJSON.encode(self) }

    public static func decode(_ data: Data, name: String) throws(ClassFileError) -> Handout {
        guard data.count <= maxBytes else { throw ClassFileError(name, "is larger than \(maxBytes >> 20) MiB") }
        let h: Handout = try ClassJSON.decode(data, name: name, what: "a class handout")
        guard h.format == format else { throw ClassFileError(name, "is not a kcsa class handout (format \"\(h.format)\")") }
        guard h.formatVersion == formatVersion else {
            throw ClassFileError(name, "has handout format_version \(h.formatVersion); this kcsa reads \(formatVersion)")
        }
        return h
    }

    /// Joins as `learnerID`: nil when the handout has no key for that learner.
    public func join(as learnerID: String) -> JoinedClass? {
        guard let key = learners[learnerID] else { return nil }
        return JoinedClass(classInfo: classInfo, contentDigest: contentDigest, learnerID: learnerID, learnerKey: key)
    }
}

/// The class one learner has joined, kept in their state folder: the REPL, every `kcsa lab`
/// command and `kcsa exam` use its labs, order and seeds; `kcsa class submit` names it.
public struct JoinedClass: Sendable, Equatable, Codable {
    public var classInfo: Handout.ClassInfo
    public var contentDigest: String
    public var learnerID: String
    public var learnerKey: String

    enum CodingKeys: String, CodingKey {
        case classInfo = "class", contentDigest = "content_digest", learnerID = "learner", learnerKey = "learner_key"
    }

    public var keys: VariantKeys { VariantKeys(learnerKey: learnerKey) }

    /// The class as a spec without its salt (what the content digest is computed over).
    public var spec: ClassSpec {
        ClassSpec(id: classInfo.id, title: classInfo.title, labs: classInfo.labs, exam: classInfo.exam, salt: "")
    }

    public func encoded() -> Data { ClassJSON.encode(self) }

    public static func decode(_ data: Data, name: String) throws(ClassFileError) -> JoinedClass {
        try ClassJSON.decode(data, name: name, what: "a joined class")
    }

    /// The file name under the learner's state folder.
    public static let fileName = "joined-class.json"
}
