// kcsa-bench: benchmarks that print figures. Build in release:
//   swift build -c release; .build/release/kcsa-bench policy [--requests N] [--iterations N] [--policy FILE]
//   .build/release/kcsa-bench events ... / jq ... / netpol (run from the package root)
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "policy":
    PolicyBench.main(Array(arguments.dropFirst()))
case "events":
    EventsBench.main(Array(arguments.dropFirst()))
case "jq":
    JQBench.main(Array(arguments.dropFirst()))
case "netpol":
    NetPolBench.main(Array(arguments.dropFirst()))
case "labs":
    LabBench.main(Array(arguments.dropFirst()))
case "pss":
    PSSBench.main(Array(arguments.dropFirst()))
case "rbac":
    RBACBench.main(Array(arguments.dropFirst()))
case "progress":
    ProgressBench.main(Array(arguments.dropFirst()))
case "robust":
    RobustnessBench.main(Array(arguments.dropFirst()))
case "class":
    ClassBench.main(Array(arguments.dropFirst()))
default:
    print("""
    usage: kcsa-bench policy [--requests N] [--iterations N] [--policy FILE]
           kcsa-bench events [--scenario S] [--policy FILE] [--duration D] [--verify]
           kcsa-bench labs [--kcsa PATH]
           kcsa-bench netpol [--iterations N] [--verify CELLS] [--write FILE]
           kcsa-bench pss [--workloads N] [--iterations N]
           kcsa-bench rbac [--requests N] [--iterations N] [--seed N]
           kcsa-bench progress [--scale N] [--iterations N]
           kcsa-bench robust [--scenario S] [--duration D]
           kcsa-bench class [--learners N]
           kcsa-bench jq [--size-mb 300] [--file F] [--kcsa PATH] [--tools kcsa,jq,gojq,jaq] [--queries Q1,..] [--runs N]
    """)
}
