#!/usr/bin/env python3
"""Bad-input probe of a kcsa binary for the policy, YAML, duration, events and jq surfaces:
each case runs once with a time limit and is classified as a clean error or success
(an exit status with no signal), a crash (killed by a signal) or a hang: more than SECONDS
of CPU time (RLIMIT_CPU, so a loaded machine does not turn slow into hung), or blocked for
8 x SECONDS of wall time (20 s for the FIFO cases, which block without using CPU).
Usage: probe.py KCSA_BINARY [SECONDS]   (run from the package root; prints the table)."""
import os, resource, shutil, signal, subprocess, sys, tempfile

def write(directory, name, text):
    path = os.path.join(directory, name)
    with open(path, "w") as f:
        f.write(text)
    return path

def one_line_policy():
    rules, size = [], 0
    while size < 1_000_000:
        rule = '{"level":"Metadata","users":["user-%d"],"resources":[{"group":"","resources":["pods"]}]}' % len(rules)
        rules.append(rule)
        size += len(rule) + 1
    return '{"apiVersion":"audit.k8s.io/v1","kind":"Policy","rules":[' + ",".join(rules) + "]}"

def policy_cases(d):
    head = "apiVersion: audit.k8s.io/v1\nkind: Policy\n"
    big = one_line_policy()
    files = {
        "one-line-1mb.json": big,
        "flow-50k.yaml": head + "rules:\n- level: Metadata\n  users: [" + ", ".join("u%d" % i for i in range(50_000)) + "]\n",
        "alias-bomb.yaml": head + 'rules:\n- level: Metadata\n  users: [&a "' + "x" * 1_000_000 + '"]\n- level: None\n  users: ['
            + ", ".join(["*a"] * 3_000) + "]\n",
        "laughs.yaml": head + "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
            "%s: &%s [%s]\n" % (c, c, ", ".join(["*" + p] * 10)) for p, c in zip("abcdefgh", "bcdefghi")) + "rules:\n- level: None\n",
        "deep-flow.yaml": head + "rules: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "deep-block.yaml": head + "rules:\n" + "".join(" " * i + "- \n" for i in range(0, 2_000)),
        "nul.yaml": head + "rules:\n- level: \0None\n",
        "not-utf8.yaml": head + "rules:\n- level: \udcff\n",
        "huge-number.yaml": head + "rules:\n- level: Metadata\n  verbs: [1e999999]\n",
    }
    cases = []
    for name, text in files.items():
        with open(os.path.join(d, name), "w", errors="surrogateescape") as f:
            f.write(text)
        for cmd in (["policy", "validate"], ["policy", "explain", "--url", "GET /api/v1/pods", "--user", "a"]):
            cases.append(("policy", name + " " + cmd[1], cmd[:2] + [os.path.join(d, name)] + cmd[2:]))
        cases.append(("policy", name + " eval", ["policy", "eval", os.path.join(d, name), "--requests", "/dev/null"]))
    fifo = os.path.join(d, "fifo.yaml")
    os.mkfifo(fifo)
    for cmd in (["policy", "validate", fifo], ["policy", "eval", fifo, "--requests", "/dev/null"],
                ["policy", "explain", fifo, "--url", "GET /", "--user", "a"],
                ["events", "generate", "--policy", fifo, "--duration", "1m", "--content", "."],
                ["events", "generate", "--scenario", fifo, "--duration", "1m", "--content", "."]):
        cases.append(("input files", "FIFO " + " ".join(cmd[:2]), cmd, 20))
    return cases

def events_cases(d):
    cases = []
    for duration in ("9223372036854775807s", "2562047788016h", "106751991167300d", "0s", "-5m", "1e9h"):
        cases.append(("durations", "generate " + duration, ["events", "generate", "--duration", duration, "--content", "."]))
        cases.append(("durations", "volume " + duration, ["events", "volume", "--policy", "Labs/policies/seed-minimal.yaml",
                                                           "--duration", duration, "--content", "."]))
    src = open("Labs/scenarios/dev-small.yaml").read()
    every = src.split("every: ", 1)[1].split(",", 1)[0].split("}", 1)[0].split("\n", 1)[0]
    variants = {
        "every-overflow": src.replace("every: " + every, "every: 9223372036854775807s", 1),
        "at-overflow": src.replace("\n    at: ", "\n    at: 106751991167300d #", 1),
        "no-namespaces": src.replace(src.split("namespaces:", 1)[1].split("\n", 1)[0], " []", 1)
            if "namespaces: [" in src else src,
        "nodes-huge": src.replace(src.split("nodes:", 1)[1].split("\n", 1)[0], " 1000000000000", 1),
    }
    for name, text in variants.items():
        path = write(d, name + ".yaml", text.replace("id: dev-small", "id: " + name))
        cases.append(("scenarios", name + " generate", ["events", "generate", "--scenario", path, "--duration", "10m"]))
        cases.append(("scenarios", name + " volume", ["events", "volume", "--scenario", path, "--policy",
                                                       "Labs/policies/seed-minimal.yaml", "--duration", "10m"]))
    return cases

def lab_cases(d):
    content = os.path.join(d, "content")
    shutil.copytree("Labs", os.path.join(content, "Labs"))
    shutil.copytree("Questions", os.path.join(content, "Questions"))
    lab = os.path.join(content, "Labs/labs/investigate-breakout.yaml")
    text = open(lab).read()
    text = text.replace("duration: 1h", "duration: 1000h") if "duration: 1h" in text else text + "duration: 1000h\n"
    open(lab, "w").write(text)
    answer = write(d, "answer.jq", ".")
    return [("labs", "duration 1000h check", ["lab", "check", "investigate-breakout", answer, "--content", content, "--no-record"])]

def jq_cases(d):
    """Issue #17's jq programs: deep nesting and long chains (each through `kcsa jq -n`,
    the program in a file), the number conversions that trapped, and a backtracking regex."""
    n = 100_000
    programs = {
        "100k parentheses": "(" * n + "1" + ")" * n,
        "100k array literals": "[" * n + "1" + "]" * n,
        "100k object literals": "{a:" * n + "1" + "}" * n,
        "100k unary minus": "-" * n + "1",
        "100k not": "true" + " | not" * n,
        "20k if": "if true then " * 20_000 + "1" + " else 0 end" * 20_000,
        "50k try": "try " * 50_000 + "1",
        "5k reduce": "reduce (1,2) as $x (" * 5_000 + "0" + "; . + $x)" * 5_000,
        "20k def": "def f: " * 20_000 + "1" + ";" * 20_000 + " f",
        "20k interpolation": '"\\(' * 20_000 + "1" + ')"' * 20_000,
        "100k field chain": ".a" * n,
        "100k optional chain": ".a?" * n,
        "100k and": " and ".join(["true"] * n),
        "100k //": " // ".join(["null"] * n),
        "100k +": " + ".join(["1"] * n),
        "100k |": " | ".join(["."] * n),
        "has(1e19)": "[1] | has(1e19)",
        "halt_error(nan)": '"x" | halt_error(nan)',
        "ldexp(1; nan)": "ldexp(1; nan)",
        "backtracking regex": '"' + "a" * 40 + '!" | test("(a|a)*$")',
    }
    cases = []
    for name, program in programs.items():
        path = write(d, "jq-%d.jq" % len(cases), program)
        cases.append(("jq", name, ["jq", "-n", "-f", path]))
    return cases

def limited(seconds):
    def apply():
        os.setpgid(0, 0)
        resource.setrlimit(resource.RLIMIT_CPU, (int(seconds), int(seconds) + 5))
    return apply

def main():
    binary = os.path.abspath(sys.argv[1])
    limit = float(sys.argv[2]) if len(sys.argv) > 2 else 30
    d = tempfile.mkdtemp(prefix="kcsa-probe-")
    # The scenarios name their objects by a path beside them.
    os.symlink(os.path.abspath("Labs/scenarios/objects"), os.path.join(d, "objects"))
    cases = policy_cases(d) + events_cases(d) + lab_cases(d) + jq_cases(d)
    table = {}
    # No backtrace symbolication: a crash must show as a signal at once, not as a slow exit.
    env = dict(os.environ, KCSA_HOME=os.path.join(d, "home"), SWIFT_BACKTRACE="enable=no")
    for case in cases:
        surface, name, args = case[:3]
        wall = case[3] if len(case) > 3 else 8 * limit
        try:
            p = subprocess.run([binary] + args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               timeout=wall, env=env, preexec_fn=limited(limit))
            cpu_limit = p.returncode in (-signal.SIGXCPU, -signal.SIGKILL)
            outcome = "hang" if cpu_limit else "crash" if p.returncode < 0 else "clean"
            message = p.stderr.decode("utf-8", "replace").strip().splitlines()[:1]
            detail = ("signal %d" % -p.returncode) if p.returncode < 0 else ("exit %d" % p.returncode)
        except subprocess.TimeoutExpired:
            outcome, detail, message = "hang", "blocked %gs" % wall, []
        row = table.setdefault(surface, {"cases": 0, "clean": 0, "crash": 0, "hang": 0})
        row["cases"] += 1
        row[outcome] += 1
        print("%-12s %-40s %-6s %-10s %s" % (surface, name, outcome, detail, (message or [""])[0][:110]), flush=True)
    print()
    print("| surface | cases | clean errors | crashes | hangs |")
    print("|---|---|---|---|---|")
    for surface, row in table.items():
        print("| %s | %d | %d | %d | %d |" % (surface, row["cases"], row["clean"], row["crash"], row["hang"]))
    shutil.rmtree(d, ignore_errors=True)

main()
