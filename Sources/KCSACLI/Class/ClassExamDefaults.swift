import Classroom
import Trainer

/// The joined class's exam for `kcsa exam`: the learner's paper seed and the class's
/// number of questions, used when no `--seed` is given.
struct ClassExamDefaults {
    var seed: UInt64?
    var questions: Int?

    init(home: HomeOption, explicitSeed: UInt64?) throws(CLIError) {
        guard explicitSeed == nil else { return }
        let joined: JoinedClass?
        do { joined = try home.locations.joinedClass() } catch { throw CLIError(error.description) }
        guard let joined, let exam = joined.classInfo.exam else { return }
        seed = joined.keys.examSeed
        questions = exam.questions
    }
}
