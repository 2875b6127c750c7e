#!/usr/bin/env python3
"""Runs a command until its process tree has used a given amount of CPU time.

Usage: cpu_budget.py SECONDS LOGFILE -- COMMAND...

libFuzzer's -max_total_time counts wall-clock seconds; on a shared machine (run.sh
fuzzes at nice 19) that says little about how much fuzzing was done. This wrapper
starts COMMAND in its own process group, adds up the CPU time of every process in
the group (user + system, including children already reaped), and sends SIGINT
(libFuzzer's graceful stop) once the total reaches SECONDS. At the end it appends
"cpu-seconds: N wall-seconds: M" to LOGFILE, which run.sh reports.
"""
import os
import signal
import subprocess
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")


def group_cpu_seconds(pgid: int) -> float:
    """CPU seconds of the live processes in `pgid`, with their reaped children."""
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                text = f.read().decode("ascii", "replace")
        except OSError:
            continue
        # Fields after the command name, which is in parentheses and may hold spaces.
        fields = text[text.rfind(")") + 2:].split()
        # fields[2] is pgrp; utime, stime, cutime, cstime are fields 14-17 of stat (1-based).
        if int(fields[2]) != pgid:
            continue
        total += sum(int(x) for x in fields[11:15])
    return total / TICKS


def main() -> int:
    if len(sys.argv) < 5 or sys.argv[3] != "--":
        print(__doc__.split("\n\n")[0], file=sys.stderr)
        return 2
    budget = float(sys.argv[1])
    log = sys.argv[2]
    started = time.monotonic()
    child = subprocess.Popen(sys.argv[4:], start_new_session=True)
    used = 0.0
    stopping_since = None
    while child.poll() is None:
        time.sleep(2)
        used = max(used, group_cpu_seconds(child.pid))
        if used >= budget and stopping_since is None:
            stopping_since = time.monotonic()
            os.killpg(child.pid, signal.SIGINT)
        elif stopping_since is not None and time.monotonic() - stopping_since > 30:
            os.killpg(child.pid, signal.SIGKILL)
    # What the top process accounts for once every child is reaped.
    times = os.times()
    used = max(used, times.children_user + times.children_system)
    wall = time.monotonic() - started
    with open(log, "a") as f:
        f.write(f"cpu-seconds: {used:.0f} wall-seconds: {wall:.0f}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
