import Classroom
import Labs
import Trainer

/// The labs as this learner sees them on the command line, the same view the interactive
/// session has: in a joined class (`kcsa class join`), the class's labs in class order, each
/// as the learner's own variant; outside a class, the course. Every `kcsa lab` command that
/// names a lab goes through here, so `start`, `watch`, `hint` and `solution` show and check
/// the variant that `check` grades and `class submit` hands in.
struct LearnerLabs {
    /// The whole course, as written.
    var course: LabCatalog
    /// The learner's labs: the class's in a joined class, else the course.
    var catalog: LabCatalog
    var joined: JoinedClass?

    init(root: String, home: HomeOption) throws(CLIError) {
        course = try LabLoading.catalog(root: root)
        joined = try LabClassroom.joined(home: home)
        catalog = course
        if let joined { catalog.labs = joined.labs(from: course) }
    }

    /// A lab by id or by its number in `kcsa lab list`: a class lab as the learner's variant,
    /// any other course lab as written (it can still be practised outside the class).
    func lab(_ word: String) throws(CLIError) -> Lab {
        if let n = Int(word), n >= 1, n <= catalog.labs.count { return catalog.labs[n - 1] }
        if let lab = catalog.lab(word) { return lab }
        return try LabLoading.lab(word, in: course)
    }

    /// The catalog a run starting at `lab` moves through: the class's when the lab is one of
    /// its labs (or none is named), else the course's.
    func catalog(startingAt lab: String?) -> LabCatalog {
        guard let lab else { return catalog }
        return catalog.lab(lab) != nil ? catalog : course
    }

    /// The line above `kcsa lab list` in a class, nil outside one.
    var classHeading: String? {
        guard let joined else { return nil }
        let n = catalog.labs.count
        return "Class \(joined.classInfo.title) (\(joined.classInfo.id)), as \(joined.learnerID): \(n) lab\(n == 1 ? "" : "s") "
            + "in class order (`kcsa lab check ID` still takes any of the course's \(course.labs.count))."
    }
}
