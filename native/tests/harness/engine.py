"""Running the stasis command and reading what it says."""
import json
import os
import signal
import time

from . import procs


def _read(path):
    with open(path, errors="replace") as f:
        return f.read()


class Run:
    """One finished stasis command: exit code, output and JSON events."""

    def __init__(self, argv, rc, out, err, secs):
        self.argv, self.rc, self.out, self.err, self.secs = argv, rc, out, err, secs

    def events(self):
        """stdout parsed as JSON lines; a line that is not JSON is an error."""
        events = []
        for line in self.out.splitlines():
            try:
                events.append(json.loads(line))
            except ValueError:
                raise ValueError(f"stdout line is not JSON: {line!r}")
        return events

    def describe(self):
        return f"`{' '.join(self.argv)}` exited {self.rc}"


class Stasis:
    def __init__(self, binary, workdir, on_run):
        self.binary, self.workdir, self.on_run = binary, workdir, on_run
        self.count = 0

    def run(self, args, timeout, prefix=()):
        """Run `[prefix] stasis args`; a hang is killed after timeout s."""
        if not os.access(self.binary, os.X_OK):
            run = Run([self.binary] + list(args), 127, "",
                      f"runner: stasis binary {self.binary} is missing (not built)", 0.0)
            self.on_run(run)
            return run
        self.count += 1
        out = os.path.join(self.workdir, f"stasis-{self.count}.out")
        err = os.path.join(self.workdir, f"stasis-{self.count}.err")
        argv = list(prefix) + [self.binary] + list(args)
        start = time.monotonic()
        pid = procs.spawn(argv, self.workdir, out, err, want_status=True)
        hung = False
        while (status := procs.exit_status(pid)) is None:
            if time.monotonic() - start > timeout and not hung:
                hung = True  # kill it, then still wait for its status
                procs.kill([pid], signal.SIGKILL)
            time.sleep(0.002)
        procs.forget(pid)
        text_err = _read(err)
        if hung:
            text_err += f"\nrunner: killed after {timeout:.0f} s: it hung\n"
        run = Run(argv, os.waitstatus_to_exitcode(status), _read(out), text_err,
                  time.monotonic() - start)
        self.on_run(run)
        return run

    def dump(self, pid, image, timeout, kill=False, json=False, prefix=()):
        args = ["dump", str(pid), "-o", image] + ["--kill"] * kill + ["--json"] * json
        return self.run(args, timeout, prefix)

    def restore(self, image, timeout, pid_ns=False, json=False):
        return self.run(["restore", image] + ["--pid-ns"] * pid_ns + ["--json"] * json, timeout)

    def info(self, image, timeout, json=False):
        return self.run(["info", image] + ["--json"] * json, timeout)
