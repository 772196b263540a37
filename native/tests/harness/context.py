"""One scenario's world: its temp dir, deadline, programs, stasis runs, and
the cleanup that must leave nothing behind (no process, and above all no
stopped process)."""
import os
import shutil
import tempfile
import time

from . import procs
from .engine import Stasis


class TestFailure(Exception):
    pass


class Ctx:
    def __init__(self, name, build, timeout, keep=False):
        self.name, self.build, self.keep = name, build, keep
        self.dir = tempfile.mkdtemp(prefix=f"stasis-{name.replace('/', '-')}-")
        os.chmod(self.dir, 0o755)  # programs that drop to uid 65534 work below it
        self.deadline = time.monotonic() + timeout
        self.programs = []
        self.runs = []
        self.cleanups = []
        self.stasis = Stasis(os.path.join(build, "stasis"), self.dir, self.runs.append)

    # ---- assertions -----------------------------------------------------
    def fail(self, msg):
        raise TestFailure(msg)

    def check(self, cond, msg):
        if not cond:
            self.fail(msg)

    def remaining(self):
        return max(0.0, self.deadline - time.monotonic())

    def poll(self, cond, what, timeout=None):
        """Wait (reaping) until cond() is true; fail naming what on timeout."""
        end = time.monotonic() + min(timeout or 1e9, self.remaining())
        while True:
            value = cond()
            if value:
                return value
            if time.monotonic() >= end:
                self.fail(f"timed out waiting for {what}")
            procs.sleep_reaping(0.005)

    def path(self, *parts):
        return os.path.join(self.dir, *parts)

    def cmd_timeout(self):
        """How long one stasis command may take: what is left, at most 60 s."""
        return min(60.0, self.remaining() + 1)

    # ---- the end --------------------------------------------------------
    def finish(self):
        """Check for stopped processes, kill and reap everything the scenario
        left; return the problems found (empty: clean)."""
        problems = []
        procs.reap()
        for pid in procs.descendants():
            if procs.state(pid) in ("T", "t"):
                problems.append(f"pid {pid} left stopped (state {procs.state(pid)})")
        end = time.monotonic() + 5
        while (left := procs.descendants()) and time.monotonic() < end:
            procs.kill(left)
            procs.sleep_reaping(0.01)
        if left:
            problems.append(f"processes {left} survive SIGKILL")
        for cleanup in self.cleanups:
            try:
                cleanup()
            except Exception as e:  # a cleanup problem must not hide others
                problems.append(f"cleanup: {e}")
        if not self.keep:
            shutil.rmtree(self.dir, ignore_errors=True)
        return problems

    def details(self):
        """What to show under a FAIL line: the last stasis stderr, logs."""
        lines = []
        if self.runs:
            run = self.runs[-1]
            lines.append(f"last command: {run.describe()}")
            lines += ["stasis stderr: " + l for l in run.err.strip().splitlines()[-8:]]
        for prog in self.programs:
            lines += [f"{prog.name} log: " + l for l in prog.log_tail(8)]
        if self.keep:
            lines.append(f"kept: {self.dir}")
        return lines
