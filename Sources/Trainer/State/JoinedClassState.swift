import Classroom
import Foundation
import Labs

/// Where the learner's joined class is kept: beside the drafts (`$KCSA_HOME`, or the XDG
/// state folder), so each home has its own.
extension StateLocations {
    public var joinedClassFile: String {
        (draftsDirectory as NSString).deletingLastPathComponent + "/" + JoinedClass.fileName
    }

    /// The joined class, nil when none; an unreadable file is an error naming it.
    public func joinedClass() throws(ClassFileError) -> JoinedClass? {
        guard let data = FileManager.default.contents(atPath: joinedClassFile) else { return nil }
        return try JoinedClass.decode(data, name: joinedClassFile)
    }

    /// Keeps `joined` as the learner's class (owner-only), replacing any other.
    public func saveJoinedClass(_ joined: JoinedClass) throws(ClassFileError) {
        let path = joinedClassFile
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try joined.encoded().write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ClassFileError(path, "cannot be written: \(error.localizedDescription)")
        }
    }
}

extension JoinedClass {
    /// The class's labs in class order, each as this learner's variant. Labs the course
    /// lacks are left out (the learner's content differs; `class submit` says so).
    public func labs(from catalog: LabCatalog) -> [Lab] {
        classInfo.labs.compactMap { item in catalog.lab(item.id).map { $0.resolved(for: keys.variant(lab: item.id)) } }
    }

    /// The lab `id` as this learner's variant, when it is a class lab.
    public func lab(_ lab: Lab) -> Lab {
        classInfo.labs.contains { $0.id == lab.id } ? lab.resolved(for: keys.variant(lab: lab.id)) : lab
    }
}

extension TrainerContent {
    /// The session's course narrowed to a joined class: its labs, its order, the learner's variants.
    public mutating func useClass(_ joined: JoinedClass) {
        guard var catalog else { return }
        catalog.labs = joined.labs(from: catalog)
        self.catalog = catalog
    }
}
