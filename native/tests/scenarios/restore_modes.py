"""Restore modes: --json events, --pid-ns."""
from harness import cycle
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
