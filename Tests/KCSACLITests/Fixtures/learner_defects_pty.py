#!/usr/bin/env python3
"""Issue 14, defects 2 and 5-10, typed on a real 80-column colour pty (used by LearnerPTYTests).

Usage: learner_defects_pty.py KCSA_BINARY COURSE_DIR STATE_DIR
- 2: the REPL exam prints a question's YAML with its indentation (seed 1's first question);
- 6: in a quiz, an empty Enter and a typo are asked again, not graded; Ctrl-C skips;
- 5: a policy with a duplicate key is checked as kube-apiserver loads it: a warning at the
  duplicate (line and column), the last value kept;
- 10: the near-solution hint first needs a yes;
- 7: `reset all` asks first and `reset undo` puts a reset back;
- 8: `explain` without a user asks who sends the request;
- 11: `open 2` opens the second lab `labs` lists, and `help check` has a paragraph and an example;
- 9: TAB completes jq builtins after `try`, and `jq . missing-file` is jq's own error;
- 3: `kcsa lab check` findings and `kcsa lab show` wrap to a 60-column terminal.
Exits 0 when every step saw what it expected, else prints the step and the screen, exits 1.
"""
import os
import re
import sys

import pexpect

binary, course, state = sys.argv[1:4]
env = {k: v for k, v in os.environ.items() if k not in ("VISUAL", "EDITOR", "NO_COLOR", "KCSA_NOW")}
env.update({"KCSA_CONTENT": course, "KCSA_HOME": state, "XDG_STATE_HOME": state, "HOME": state,
            "TERM": "xterm-256color", "LANG": "C.UTF-8"})
PROMPT = "kcsa>"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")

child = pexpect.spawn(binary, [], env=env, encoding="utf-8", timeout=20, dimensions=(30, 80))
if os.environ.get("KCSA_PTY_LOG"):
    child.logfile_read = open(os.environ["KCSA_PTY_LOG"], "a")


def fail(name, detail=""):
    print(f"step failed: {name} {detail}\n--- screen ---\n{ANSI.sub('', child.before or '')}")
    sys.exit(1)


def expect(name, *texts):
    """Waits for each text in turn; returns what was printed up to the last one."""
    seen = ""
    try:
        for t in texts:
            child.expect_exact(t)
            seen += child.before + child.after
    except (pexpect.TIMEOUT, pexpect.EOF):
        fail(name, f"expected {texts!r}")
    return ANSI.sub("", seen).replace("\r", "")


def step(name, send, *texts):
    child.sendline(send)
    return expect(name, *texts, PROMPT)


expect("the session starts", PROMPT)

# 2. The REPL exam keeps a question's code as written.
child.sendline("exam --seed 1 --count 3 --minutes 10")
screen = expect("the exam shows question 1", "Question 1 of 3", "exam 1/3")
lines = screen.split("\n")
if "securityContext:" not in lines or "  runAsUser: 0" not in lines:
    fail("the exam keeps the YAML's indentation", repr([l for l in lines if "runAsUser" in l]))
child.sendline("submit")
expect("submit asks first", "submit anyway?")
step("the exam is submitted", "y", "Exam submitted.", "(pass mark 75%)")

# 6. Quiz: empty Enter and a typo are asked again; Ctrl-C skips; nothing is graded.
child.sendline("quiz")
expect("the quiz asks", "answer (")
child.sendline("")
expect("an empty Enter is asked again", "Ctrl-C skips", "answer (")
child.sendline("zz")
expect("a typo is asked again", "is not an answer: the options are", "answer (")
child.sendintr()
screen = expect("Ctrl-C skips the question", "(question skipped)", PROMPT)
if "Not quite." in screen or "Correct." in screen:
    fail("nothing was graded", repr(screen))

# 5. A duplicate key: a warning at the duplicate, the last value kept (the policy passes).
step("open the policy lab", "open fixture-secrets", "[fixture-secrets, policy lab]")
child.sendline("write")
for line in ["apiVersion: audit.k8s.io/v1", "kind: Policy", "rules:", "- level: Request",
             "  level: Metadata", "  resources:", "  - group: \"\"", "    resources: [\"secrets\"]",
             "- level: Request", "."]:
    child.sendline(line)
expect("the answer is written", "answer saved")
screen = step("check the policy with a duplicate key", "check", 'duplicate key "level" (first at line 4)',
              "answer:5:3", "kcsa does the same: it keeps this value", "PASSED")
if "would refuse to start" in screen:
    fail("one account of the duplicate", repr(screen))

# 10. The near-solution needs a yes before the earlier hints.
step("reset the lab", "reset", "reset")
child.sendline("hint 2")
expect("the near-solution asks first", "Hint 2 is the near-solution", "show it anyway? [y/N]")
screen = step("no shows nothing", "n", "")
if "Hint 2 of 2" in screen:
    fail("the near-solution was shown after no", repr(screen))

# 7. reset all asks; undo puts the last reset back.
child.sendline("reset all")
expect("reset all asks first", "This resets every lab", "reset every lab? [y/N]")
step("declined, nothing is reset", "n", "nothing was reset")
child.sendline("reset all")
expect("reset all asks again", "reset every lab? [y/N]")
step("confirmed", "y", "every lab reset")
step("undo", "reset undo", "reset undone")

# 11. `open N` takes the number `labs` shows; `help CMD` is a paragraph with an example.
step("labs numbers the labs", "labs", "  2 ", "fixture-query")
step("help check is a paragraph", "help check", "Example: ")

# 8. explain without a user asks who sends the request.
step("open the query lab by its number", "open 2", "[fixture-query, query lab]")
step("explain needs a user", "explain GET /api/v1/namespaces/prod/secrets/db", "who sends it? add `as USER [GROUP...]`")
step("explain --unauthenticated", "explain GET /api/v1/namespaces/prod/secrets/db --unauthenticated",
     "no user: authentication failed (401)", "no ResponseComplete")

# 9. TAB completes a jq builtin; a missing file is jq's own error.
child.send("try [buil\t")
# libedit writes only the completed tail after moving the cursor: `buil`, a move, `tins `.
echoed = ""
for _ in range(20):
    try:
        echoed += child.read_nonblocking(4096, timeout=0.5)
    except pexpect.TIMEOUT:
        pass
    if re.search(r"\[buil.*tins ", ANSI.sub("", echoed), re.S):
        break
else:
    fail("TAB completes builtins", repr(echoed))
child.send("\x15")  # Ctrl-U: drop the line
child.sendline("")
expect("the line is dropped", PROMPT)
screen = step("jq on a missing file", "jq . no-such-file.json", "Could not open")
if "usage" in screen:
    fail("a missing file is not a usage message", repr(screen))
child.sendline("quit")
child.expect(pexpect.EOF)

# 3. `kcsa lab check` and `kcsa lab show` wrap to a 60-column terminal (not without one).
wrong = os.path.join(state, "wrong.yaml")
with open(wrong, "w") as f:
    f.write("apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: RequestResponse\n")
for args, marker in [(["lab", "check", "fixture-secrets", wrong, "--no-record"], "NOT PASSED"),
                     (["lab", "show", "fixture-query"], "Your answer")]:
    child = pexpect.spawn(binary, args, env=env, encoding="utf-8", timeout=20, dimensions=(30, 60))
    text = expect(" ".join(args[:2]) + " on a 60-column terminal", marker)
    child.expect(pexpect.EOF)
    lines = [l for l in (text + ANSI.sub("", child.before)).replace("\r", "").split("\n")
             if not l.startswith("    ") and " " in l.strip() and '{"' not in l]
    if [l for l in lines if len(l) > 60]:
        fail(" ".join(args[:2]) + " wraps to 60 columns", repr(max(lines, key=len)))
print("ok")
