"""Restore modes: --json events, --pid-ns, --shell-job."""
import os

from harness import cycle, procs, terminal
from harness.registry import scenario


@scenario("restore/json", "mem_anon")
def _(ctx, prog):
    """dump and restore with --json: JSON lines, a result event last."""
    prog.start().wait_ready()
    image = ctx.path("img.stasis")
    view = cycle.dump(ctx, prog.pid, image, kill=True, json=True)
    cycle.restore(ctx, image, prog.pid, view, json=True)
    prog.release()


@scenario("restore/pid-namespace", "mem_anon")
def _(ctx, prog):
    """--pid-ns: the root keeps its pid inside a new namespace; the printed
    pid is the host pid, whose NSpid ends with the original pid."""
    prog.start().wait_ready()
    image = ctx.path("img.stasis")
    view = cycle.dump(ctx, prog.pid, image, kill=True)
    host = cycle.restore(ctx, image, prog.pid, view, pid_ns=True)
    with open(f"/proc/{host}/status") as f:
        nspid = [l.split()[1:] for l in f if l.startswith("NSpid:")][0]
    ctx.check(len(nspid) >= 2 and nspid[-1] == str(prog.pid),
              f"restored pid {host}: NSpid {nspid}, expected a namespace pid {prog.pid}")
    prog.release()


@scenario("restore/shell-job", "tty_job", terminal=True)
def _(ctx, prog):
    """A job whose stdio is its controlling terminal: restored with
    --shell-job from a shell on another terminal, it is attached to that
    one (stdio, foreground group, output), and stasis waits for it like a
    foreground job and returns its exit status."""
    _shell_job(ctx, prog)


@scenario("restore/shell-job-pid-namespace", "tty_job", terminal=True)
def _(ctx, prog):
    """--shell-job with --pid-ns (the workbench's terminal restore when a
    pid is taken): the same, though the root is not the restorer's child
    but the namespace init's, which must stay in the terminal's session."""
    _shell_job(ctx, prog, "--pid-ns")


def _shell_job(ctx, prog, *flags):
    new = terminal.Terminal()
    try:
        prog.start().wait_ready()
        image = ctx.path("img.stasis")
        cycle.dump(ctx, prog.pid, image, kill=True)
        restorer = new.spawn([ctx.stasis.binary, "restore", image, "--shell-job", *flags], ctx.path())

        def printed_root():
            """The host pid stasis printed, once that process runs."""
            pids = [int(l) for l in new.read().splitlines() if l.strip().isdigit()]
            return pids[0] if pids and procs.exists(pids[0]) else None
        try:
            ctx.poll(lambda: printed_root() is not None, "the restored job", timeout=10)
        except Exception:
            ctx.fail(f"no restored job; the restoring terminal shows: {new.read()!r}, "
                     f"stasis exit status {procs.exit_status(restorer)}")
        root = printed_root()
        ctx.check((root == prog.pid) == (not flags), f"restored root pid {root}, checkpointed {prog.pid}")
        ctx.check(os.readlink(f"/proc/{root}/fd/0") == new.name,
                  f"restored stdin is {os.readlink(f'/proc/{root}/fd/0')}, expected {new.name}")
        ctx.check(procs.exit_status(restorer) is None, "stasis restore --shell-job did not wait for the job")
        prog.release()
        ctx.poll(lambda: procs.exit_status(restorer) is not None, "stasis restore to end with the job", 10)
        status = procs.exit_status(restorer)
        ctx.check(os.waitstatus_to_exitcode(status) == 0,
                  f"stasis restore --shell-job exited {os.waitstatus_to_exitcode(status)}")
        ctx.check("restored-on-terminal" in new.read(), f"the job's output is not on the new terminal: {new.read()!r}")
    finally:
        new.close()


def _restore_terminal_to(ctx, image, target):
    """stasis restore IMAGE --terminal-to target; returns the root's pid."""
    run = ctx.stasis.run(["restore", image, "--terminal-to", target], ctx.cmd_timeout())
    cycle.expect_ok(ctx, run, "restore --terminal-to")
    words = run.out.split()
    ctx.check(words and words[-1].isdigit(), f"restore printed no pid: {run.out!r}")
    return int(words[-1])


@scenario("restore/terminal-to-file", "tty_output", terminal=True)
def _(ctx, prog):
    """A job on a terminal restored where there is none (a GUI): without an
    option the restore is refused naming --shell-job and --terminal-to;
    with --terminal-to FILE (relative, not there yet) it runs detached and
    its terminal fds append to the file, created."""
    prog.start().wait_ready()
    image = ctx.path("img.stasis")
    cycle.dump(ctx, prog.pid, image, kill=True)
    refused = ctx.stasis.restore(image, ctx.cmd_timeout())
    cycle.expect_refused(ctx, refused, "restore of a terminal job without a terminal",
                         f"pid {prog.pid}", "terminal", "--shell-job", "--terminal-to")
    cycle.wait_free(ctx, [prog.pid])
    log = ctx.path("job.log")
    ctx.check(not os.path.exists(log), "job.log exists before the restore")
    host = _restore_terminal_to(ctx, image, "job.log")
    ctx.check(host == prog.pid, f"restored pid {host}, expected {prog.pid}")
    for fd in (0, 1, 2):
        target = os.readlink(f"/proc/{host}/fd/{fd}")
        ctx.check(target == log, f"restored fd {fd} is {target}, expected {log}")
    ctx.check(procs.stat(host)[3] == host, "the restored job does not lead a session of its own")
    prog.release()
    with open(log) as f:
        text = f.read()
    ctx.check(text == "stdout-after-restore\nstderr-after-restore\n",
              f"the job's output in {log}: {text!r}")


@scenario("restore/terminal-to-devnull", "tty_output", terminal=True)
def _(ctx, prog):
    """--terminal-to /dev/null drops the output; --shell-job with it is a
    usage error (exit 2)."""
    prog.start().wait_ready()
    image = ctx.path("img.stasis")
    cycle.dump(ctx, prog.pid, image, kill=True)
    both = ctx.stasis.run(["restore", image, "--shell-job", "--terminal-to", "/dev/null"], ctx.cmd_timeout())
    ctx.check(both.rc == 2 and "exclude each other" in both.err,
              f"--shell-job with --terminal-to: {both.describe()}, stderr {both.err!r}")
    host = _restore_terminal_to(ctx, image, "/dev/null")
    for fd in (1, 2):
        target = os.readlink(f"/proc/{host}/fd/{fd}")
        ctx.check(target == "/dev/null", f"restored fd {fd} is {target}, expected /dev/null")
    prog.release()
