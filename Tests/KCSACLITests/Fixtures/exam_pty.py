#!/usr/bin/env python3
"""Takes a short `kcsa exam` on a pseudo-terminal, as a learner would.

Usage: exam_pty.py KCSA_BINARY PACKAGE_ROOT
Run by InteractiveExamPTYTests. Prints one line per check and exits 1 if any fails.
The binary runs with TERM=xterm and NO_COLOR unset (colour on), in a private KCSA_HOME.
"""
import os
import re
import shutil
import sys
import tempfile
import time

import pexpect

BINARY, ROOT = sys.argv[1], sys.argv[2]
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]|\x1b[()][A-Z0-9]|[\x01\r]")
failures = []
passed = 0


def env_for(home):
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env.update(TERM="xterm", KCSA_HOME=home, XDG_STATE_HOME=home, HOME=home, LANG="C.UTF-8")
    env.pop("KCSA_NOW", None)
    return env


class Screen:
    """All output in one buffer; expect() searches the ANSI-stripped text after the last match."""

    def __init__(self, child):
        self.child, self.raw, self.pos = child, "", 0

    def pump(self, timeout):
        try:
            self.raw += self.child.read_nonblocking(65536, timeout=timeout)
            return True
        except pexpect.TIMEOUT:
            return False
        except pexpect.EOF:
            return None

    def expect(self, pattern, what, timeout=10):
        global passed
        rx = re.compile(pattern)
        deadline = time.time() + timeout
        eof = False
        while True:
            m = rx.search(ANSI.sub("", self.raw), self.pos)
            if m:
                self.pos = m.end()
                passed += 1
                print("ok  ", what)
                return m
            if eof or time.time() >= deadline:
                failures.append(what)
                print("FAIL", what, "- wanted", repr(pattern), "(end of output)" if eof else "(timed out)")
                print("---- output after the last match ----")
                print(ANSI.sub("", self.raw)[self.pos:][-3000:])
                self.child.close(force=True)
                raise SystemExit(finish())
            eof = self.pump(max(0.01, min(0.5, deadline - time.time()))) is None

    def send(self, line):
        time.sleep(0.1)  # control keys and lines right after a prompt can race libedit's setup
        self.child.sendline(line)


def check(cond, what):
    global passed
    if cond:
        passed += 1
        print("ok  ", what)
    else:
        failures.append(what)
        print("FAIL", what)


def finish():
    print(f"{passed} passed, {len(failures)} failed")
    return 1 if failures else 0


def take_exam(home):
    child = pexpect.spawn(BINARY, ["exam", "--seed", "7", "--count", "5", "--minutes", "10"], cwd=ROOT,
                          env=env_for(home), encoding="utf-8", dimensions=(40, 120), timeout=10)
    s = Screen(child)
    s.expect(r"KCSA practice exam: 5 questions, 10 minutes", "the exam starts with its rules")
    s.expect(r"Question 1 of 5  -  (10:00|09:5\d) left", "question 1 shows the time left")
    s.expect(r"exam 1/5 \d\d:\d\d> ", "the prompt shows the question number and the timer")
    s.send("a")
    s.expect(r"Question 2 of 5", "answering moves to question 2")
    s.expect(r"exam 2/5 \d\d:\d\d> ", "prompt for question 2")
    s.send("f")
    s.expect(r"Question 2 flagged for review\.", "f flags the question")
    s.send("b")
    s.expect(r"Question 3 of 5", "answering moves to question 3")
    s.send("p")
    s.expect(r"Question 2 of 5  -  \d\d:\d\d left  -  flagged", "p goes back; the flag shows")
    s.expect(r"Your answer: b", "the given answer shows")
    s.send("r")
    s.expect(r"Review: 2 answered, 3 unanswered, 1 flagged", "the review screen counts answers and flags")
    s.expect(r"\n\s+2  answered    b\s+flagged", "the review screen lists question 2 as answered and flagged")
    s.expect(r"\n\s+5  unanswered", "the review screen lists question 5 as unanswered")
    s.send("submit")
    s.expect(r"You have 3 unanswered and 1 flagged questions", "submit warns about open questions")
    s.expect(r"submit anyway\? \[y/N\] ", "and asks for confirmation")
    check("Sources: https://" not in ANSI.sub("", s.raw), "no explanation is shown before submitting")
    s.send("y")
    s.expect(r"Exam submitted\.", "the exam is submitted")
    m = s.expect(r"Score: (\d)/5 \((\d+\.\d)%\)  (PASS|NOT PASSED) \(pass mark 75%\)", "the score and verdict in words")
    check(m.group(3) == "NOT PASSED", "two answers out of five do not pass")
    s.expect(r"By domain \(each against the 75% line\)", "the per-domain report")
    s.expect(r"Platform Security\s+\d/\d\s+\d+\.\d%\s+(PASS|NOT PASSED)", "a domain line with its verdict")
    s.expect(r"Missed questions \(\d\)", "the missed questions follow")
    s.expect(r"Correct: [a-d]\) ", "with the correct answer")
    s.expect(r"Sources: https://", "and the sources")
    check("\x1b[31mNOT PASSED\x1b[0m" in s.raw, "colour on a terminal without NO_COLOR (NOT PASSED in red)")
    s.expect(r"missed questions are now in your review deck", "missed questions go to the review deck")
    child.expect(pexpect.EOF)
    child.close()
    check(child.exitstatus == 1, f"exit status 1 for not passed (got {child.exitstatus})")


def abandon_exam(home):
    child = pexpect.spawn(BINARY, ["exam", "--seed", "7", "--count", "5", "--minutes", "10"], cwd=ROOT,
                          env=env_for(home), encoding="utf-8", dimensions=(40, 120), timeout=10)
    s = Screen(child)
    s.expect(r"exam 1/5 \d\d:\d\d> ", "a second exam starts")
    time.sleep(0.2)
    child.sendcontrol("c")
    s.expect(r"abandon this exam\? nothing will be recorded \[y/N\] ", "Ctrl-C asks whether to abandon")
    s.send("n")
    s.expect(r"exam 1/5 \d\d:\d\d> ", "no: the exam carries on")
    time.sleep(0.2)
    child.sendcontrol("c")
    s.expect(r"abandon this exam\?", "Ctrl-C asks again")
    s.send("y")
    s.expect(r"Exam abandoned; nothing was recorded\.", "yes: the exam is abandoned")
    child.expect(pexpect.EOF)
    child.close()
    check(child.exitstatus == 1, f"exit status 1 after abandoning (got {child.exitstatus})")


def exam_in_the_repl(home):
    child = pexpect.spawn(BINARY, [], cwd=ROOT, env=env_for(home), encoding="utf-8", dimensions=(40, 120), timeout=10)
    s = Screen(child)
    s.expect(r"kcsa> ", "the REPL starts")
    time.sleep(0.2)
    child.send("exa")
    child.send("\t")
    time.sleep(0.2)
    child.sendline("--seed 7 --count 5 --minutes 10")
    s.expect(r"KCSA practice exam: 5 questions, 10 minutes", "TAB completes `exam` and the exam starts in the REPL")
    s.expect(r"exam 1/5 \d\d:\d\d> ", "the exam has its own prompt")
    s.send("c")
    s.expect(r"exam 2/5 \d\d:\d\d> ", "an answer moves on")
    time.sleep(0.2)
    child.sendcontrol("d")
    s.expect(r"You have 4 unanswered questions", "Ctrl-D means submit and warns about open questions")
    s.expect(r"submit anyway\? \[y/N\] ", "and asks for confirmation")
    s.send("y")
    s.expect(r"Score: \d/5", "the report follows")
    s.expect(r"kcsa> ", "back at the REPL prompt afterwards")
    s.send("quit")
    child.expect(pexpect.EOF)
    child.close()
    check(child.exitstatus == 0, f"the REPL exits 0 (got {child.exitstatus})")


def main():
    home = tempfile.mkdtemp(prefix="kcsa-pty-")
    try:
        take_exam(home)
        abandon_exam(home)
        progress = pexpect.run(BINARY + " progress --json", cwd=ROOT, env=env_for(home), encoding="utf-8")
        check(progress.count('"seed"') == 1, "only the submitted exam is recorded")
        exam_in_the_repl(home)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
