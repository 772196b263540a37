"""A test program under the protocol of tests/progs/testlib.h: start it in
its STATEDIR, wait for `ready`, touch `go`, read `result`."""
import os

from . import procs
from .terminal import Terminal


class Program:
    def __init__(self, ctx, name, args=(), env=None, prefix=(), open_dir=False, terminal=False):
        self.ctx, self.name = ctx, name
        self.argv = list(prefix) + [os.path.join(ctx.build, "tests", "progs", name)]
        self.args, self.env = list(args), env
        self.state = ctx.path("state")
        self.open_dir = open_dir
        self.pid, self.info = None, {}
        self.tty = Terminal() if terminal else None
        ctx.programs.append(self)

    def file(self, name):
        return os.path.join(self.state, name)

    def start(self):
        if not os.access(self.argv[-1], os.X_OK):
            self.ctx.fail(f"test program {self.argv[-1]} is not built (make tests)")
        os.makedirs(self.state)
        if self.open_dir:  # the program drops root and must still write here
            os.chmod(self.state, 0o777)
        if self.tty:
            self.spawned = self.tty.spawn(self.argv + [self.state] + self.args, self.state)
            return self
        env = dict(os.environ, **(self.env or {}))
        self.spawned = procs.spawn(self.argv + [self.state] + self.args, self.state,
                                   self.file("log"), self.file("log"), env=env, setsid=True)
        return self

    def wait_ready(self, timeout=30):
        def ready():
            if os.path.exists(self.file("ready")):
                return True
            if os.path.exists(self.file("result")):
                self.ctx.fail(f"{self.name} gave up before ready: {self.result()}")
            if procs.state(self.spawned) in (None, "Z"):  # crashed: do not wait
                self.ctx.fail(f"{self.name} died before ready")
            return False
        self.ctx.poll(ready, f"{self.name} to be ready", timeout)
        with open(self.file("ready")) as f:
            self.info = dict(line.split("=", 1) for line in f.read().splitlines() if "=" in line)
        self.pid = int(self.info["pid"])
        return self

    def go(self):
        open(self.file("go"), "w").close()

    def result(self):
        with open(self.file("result")) as f:
            return f.read().strip()

    def expect_pass(self, timeout=30):
        self.ctx.poll(lambda: os.path.exists(self.file("result")), f"{self.name}'s result", timeout)
        verdict = self.result()
        self.ctx.check(verdict.startswith("PASS"), f"{self.name} says: {verdict}")
        return verdict

    def release(self):
        """Touch go and expect PASS: the program verifies itself."""
        self.go()
        return self.expect_pass()

    def run_undisturbed(self):
        """The --no-checkpoint mode: start, ready, go, result."""
        self.start().wait_ready()
        return self.release()

    def log_tail(self, n):
        try:
            with open(self.file("log"), errors="replace") as f:
                return f.read().splitlines()[-n:]
        except FileNotFoundError:
            return []
