import ClusterSim
import Trainer

/// `--duration` for the events commands: a positive duration no longer than
/// `Duration.maximumMicroseconds`, each refusal with its own message.
enum DurationArgument {
    static func microseconds(_ text: String, example: String = "30s, 5m, 1h") throws(CLIError) -> Int64 {
        switch ClusterSim.Duration.parse(text) {
        case .success(let span) where span > 0:
            return span
        case .success:
            throw CLIError("--duration \"\(text)\" is zero; give a positive duration (like \(example))")
        case .failure(.tooLong):
            throw CLIError("--duration \"\(text)\" is longer than the longest simulated time, "
                           + "\(ClusterSim.Duration.maximumText) (about 114,000 years)")
        case .failure(.notADuration):
            throw CLIError("--duration \"\(text)\" is not a duration (like \(example))")
        }
    }
}
