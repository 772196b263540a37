"""Processes seen from the runner: spawning, reaping, /proc queries, killing.

The runner is a child subreaper, so orphans and restored trees are
reparented to it. It reaps with waitpid(-1) from every wait loop (reap());
the exit status of a pid is kept only for pids spawned with
want_status=True (the stasis commands and unit tests), everything else is
just reaped so that its pid becomes free at once (this machine's init reaps
only every ~2 s, which would keep restored PIDs busy).
"""
import ctypes
import os
import shutil
import signal
import time

PR_SET_CHILD_SUBREAPER = 36
_statuses = {}  # pid -> wait status, or None while still running


def become_subreaper():
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_CHILD_SUBREAPER)")


def keep_fds_private():
    """Mark every inherited fd above 2 close-on-exec: whatever opened the
    runner (a CI job, a shell) must not leak pipes into the trees under test,
    where the engine would see them and warn or refuse."""
    for name in os.listdir("/proc/self/fd"):
        fd = int(name)
        if fd > 2:
            try:
                os.set_inheritable(fd, False)
            except OSError:
                pass  # the listing's own fd, already closed


def spawn(argv, cwd, out, err, env=None, setsid=False, want_status=False):
    """Start argv with stdin /dev/null and stdout/stderr appended to files."""
    path = argv[0] if "/" in argv[0] else shutil.which(argv[0]) or argv[0]
    flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND
    actions = [(os.POSIX_SPAWN_OPEN, 0, "/dev/null", os.O_RDONLY, 0),
               (os.POSIX_SPAWN_OPEN, 1, out, flags, 0o644),
               (os.POSIX_SPAWN_OPEN, 2, err, flags, 0o644)]
    old = os.getcwd()
    os.chdir(cwd)  # posix_spawn has no chdir action before Python 3.13
    try:
        pid = os.posix_spawn(path, list(argv), env if env is not None else dict(os.environ),
                             file_actions=actions, setsid=setsid)
    finally:
        os.chdir(old)
    if want_status:
        _statuses[pid] = None
    return pid


def reap():
    """Reap every exited child; remember the statuses that are wanted."""
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        if pid in _statuses:
            _statuses[pid] = status


def exit_status(pid):
    """The wait status of a want_status child once it has exited, else None."""
    reap()
    return _statuses.get(pid)


def forget(pid):
    _statuses.pop(pid, None)


def stat(pid):
    """(state, ppid, pgid, sid) from /proc/PID/stat, or None if pid is free."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            text = f.read()
    except (FileNotFoundError, ProcessLookupError):
        return None
    fields = text[text.rindex(")") + 2:].split()
    return fields[0], int(fields[1]), int(fields[2]), int(fields[3])


def state(pid):
    s = stat(pid)
    return s[0] if s else None


def exists(pid):
    """True while the pid is taken (a zombie still takes it)."""
    return os.path.exists(f"/proc/{pid}")


def children(pid):
    kids = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                kids += [int(k) for k in f.read().split()]
    except (FileNotFoundError, ProcessLookupError):
        pass
    return kids


def tree(root):
    """root and all its descendants, parents first."""
    out, todo = [], [root]
    while todo:
        pid = todo.pop(0)
        out.append(pid)
        todo += children(pid)
    return out


def descendants():
    """Every process below the runner (what a scenario left behind)."""
    return tree(os.getpid())[1:]


def kill(pids, sig=signal.SIGKILL):
    for pid in pids:
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            pass


def sleep_reaping(seconds):
    end = time.monotonic() + seconds
    while True:
        reap()
        left = end - time.monotonic()
        if left <= 0:
            return
        time.sleep(min(left, 0.005))
