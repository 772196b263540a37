"""Processes on a pseudo-terminal of their own, for jobs that live on a
terminal (--shell-job): a new session whose controlling terminal is the
pty, with stdin, stdout and stderr on it."""
import fcntl
import os
import pty
import termios

from . import procs


class Terminal:
    def __init__(self):
        self.master, slave = pty.openpty()
        self.name = os.ttyname(slave)
        os.close(slave)
        os.set_blocking(self.master, False)
        self.output = b""

    def spawn(self, argv, cwd):
        """Start argv as the session leader on this terminal; returns its
        pid, whose exit status procs.exit_status() reports."""
        pid = os.fork()
        if pid == 0:
            try:
                os.setsid()
                slave = os.open(self.name, os.O_RDWR)
                fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
                for fd in (0, 1, 2):
                    os.dup2(slave, fd)
                os.chdir(cwd)
                os.execv(argv[0], argv)
            finally:
                os._exit(127)
        procs._statuses[pid] = None
        return pid

    def read(self):
        """Everything written to the terminal so far (draining it keeps
        writers from blocking)."""
        try:
            while True:
                chunk = os.read(self.master, 65536)
                if not chunk:
                    break
                self.output += chunk
        except (BlockingIOError, OSError):
            pass
        return self.output.decode(errors="replace")

    def close(self):
        os.close(self.master)
