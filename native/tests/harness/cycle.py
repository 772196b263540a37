"""The checkpoint/restore cycle every scenario builds on, with the checks
made from outside the tree: exit codes, the tree running or gone after
the dump, PIDs free before restore, the printed pid, and /proc views
(cmdline, environ, ppid/pgid/sid) equal before and after."""
import json
import os

from . import procs

STOPPED = ("T", "t")


def read_bytes(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        return f"<{e.strerror}>".encode()


def outside_view(pid):
    """What can be compared of one process from outside, across a restore."""
    st = procs.stat(pid)
    return {"cmdline": read_bytes(f"/proc/{pid}/cmdline"),
            "environ": read_bytes(f"/proc/{pid}/environ"),
            "ids (state ppid pgid sid)": st and (st[0] == "Z",) + st[1:]}


def tree_view(root):
    return {pid: outside_view(pid) for pid in procs.tree(root)}


def expect_ok(ctx, run, what):
    ctx.check(run.rc == 0, f"{what} failed: {run.describe()}")


def expect_refused(ctx, run, what, *words):
    """Exit code 1 and a message on stderr with every word in it (any of
    the alternatives when a word is a tuple)."""
    ctx.check(run.rc == 1, f"{what}: expected exit 1, {run.describe()}")
    err = run.err.lower()
    for word in words:
        options = word if isinstance(word, tuple) else (word,)
        ctx.check(any(w.lower() in err for w in options),
                  f"{what}: stderr does not mention {' or '.join(map(repr, options))}")


def expect_result_event(ctx, run, ok):
    """--json: every stdout line is a JSON object, the last a result event
    with the given ok; an error also comes as a message event. Returns it."""
    try:
        events = run.events()
    except ValueError as e:
        ctx.fail(f"--json: {e}")
    ctx.check(events and events[-1].get("event") == "result",
              f"--json: last event is not a result: {events[-1:] or 'no output'}")
    ctx.check(events[-1].get("ok") is ok, f"--json: result ok is {events[-1].get('ok')!r}, expected {ok}")
    if not ok:
        ctx.check(any(e.get("event") == "message" and e.get("level") == "error" and e.get("text")
                      for e in events), "--json: no error message event")
    return events[-1]


def wait_free(ctx, pids):
    ctx.poll(lambda: not any(procs.exists(p) for p in pids),
             f"pids {pids} to be free", timeout=10)


def check_running(ctx, pids, zombies=()):
    """After a dump that leaves the tree alone: all there, none stopped."""
    procs.reap()
    for pid in pids:
        state = procs.state(pid)
        ctx.check(state is not None, f"pid {pid} vanished after the dump")
        ctx.check(state not in STOPPED, f"pid {pid} left stopped (state {state}) after the dump")
        ctx.check(pid in zombies or state != "Z", f"pid {pid} died during the dump")


def image_pids(ctx, image):
    """The pids the image holds, as `stasis info --json` lists them."""
    run = ctx.stasis.info(image, ctx.cmd_timeout(), json=True)
    expect_ok(ctx, run, "info")
    return [p["pid"] for p in json.loads(run.out)["processes"]]


def dump(ctx, root, image, kill, json=False, changing=False):
    """Dump root's tree; afterwards it must run on (no --kill) or be gone,
    and its pids free. Returns its outside view from before the dump.

    changing: the tree forks and execs while it is watched (a shell loop),
    so only the root's view is stable; the children are those the image
    holds, and their views are taken from /proc after the restore."""
    view = {root: outside_view(root)} if changing else tree_view(root)
    pids = list(view)
    zombies = [p for p in pids if view[p]["ids (state ppid pgid sid)"][0]]
    run = ctx.stasis.dump(root, image, ctx.cmd_timeout(), kill=kill, json=json)
    expect_ok(ctx, run, "dump")
    if json:
        expect_result_event(ctx, run, True)
    ctx.check(os.path.isfile(image), f"dump succeeded but {image} does not exist")
    if changing:
        pids = image_pids(ctx, image)
        ctx.check(root in pids, f"image of {root} does not hold it: {pids}")
        view.update({pid: None for pid in pids if pid != root})
    if kill:
        ctx.poll(lambda: all(procs.state(p) in (None, "Z") for p in pids),
                 "the tree to be dead after dump --kill", timeout=2)
    else:
        check_running(ctx, pids, zombies)
        procs.kill(pids)
    wait_free(ctx, pids)
    return view


def restore(ctx, image, root, view, pid_ns=False, json=False):
    """Restore; the printed pid is the root's (same pid unless --pid-ns);
    compare the outside view. Returns the host pid of the root."""
    run = ctx.stasis.restore(image, ctx.cmd_timeout(), pid_ns=pid_ns, json=json)
    expect_ok(ctx, run, "restore")
    if json:
        result = expect_result_event(ctx, run, True)
        host = result.get("host_pid", result.get("root_pid"))
        ctx.check(isinstance(host, int), f"restore result event has no root_pid: {result}")
    else:
        words = run.out.split()
        ctx.check(words and words[-1].isdigit(), f"restore printed no pid: {run.out!r}")
        host = int(words[-1])
    if pid_ns:
        ctx.check(outside_view(host)["cmdline"] == view[root]["cmdline"],
                  f"restored pid {host} has another command line")
        return host
    ctx.check(host == root, f"restore printed pid {host}, expected the original {root}")
    ctx.check(f"restored {len(view)} process(es)" in run.err + run.out,
              f"restore did not report {len(view)} processes: {run.err!r}")
    for pid, before in view.items():
        if before is None:
            continue  # a child of a changing tree, free to exit at once
        now = outside_view(pid)
        for key in before:
            ctx.check(now[key] == before[key],
                      f"pid {pid} {key} after restore: {now[key]!r}, before: {before[key]!r}")
    return host


def checkpoint_restore(ctx, root, kill=True, image=None):
    image = image or ctx.path("img.stasis")
    view = dump(ctx, root, image, kill)
    restore(ctx, image, root, view)
    return image


def standard(ctx, prog, kill=True):
    """The whole protocol: start, ready, dump, restore, go, PASS."""
    prog.start().wait_ready()
    image = checkpoint_restore(ctx, prog.pid, kill)
    prog.release()
    return image
