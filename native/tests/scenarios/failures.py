"""Failure cases: each must exit 1 with a message naming the pid, file or
resource, leave no process behind and none stopped, and never harm an
existing image or a tree it refused to dump."""
import os
import shutil
import subprocess

from harness import cycle, procs
from harness.registry import scenario

NO_SUCH = ("no such process", "not found", "does not exist", "no such")
SETPRIV = ("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all")


def free_pid(ctx):
    """A pid that was just used and is free now."""
    pid = procs.spawn(["true"], ctx.dir, os.devnull, os.devnull, want_status=True)
    ctx.poll(lambda: procs.exit_status(pid) is not None, "true to exit")
    procs.forget(pid)
    return pid


def nothing_left(ctx, keep=()):
    """No process below the runner but those in keep (after a failure)."""
    keep = set(keep)
    extra = lambda: [p for p in procs.descendants() if p not in keep]
    ctx.poll(lambda: not extra(), "processes of the failed command to go", timeout=3)


def still_running(ctx, prog):
    """A refused dump leaves the tree running: not stopped, still counting."""
    cycle.check_running(ctx, procs.tree(prog.pid))
    count = lambda: open(prog.file("count")).read().strip()
    first = ctx.poll(lambda: os.path.exists(prog.file("count")) and count(), "the count file")
    ctx.poll(lambda: count() != first, f"pid {prog.pid} to keep counting after the refused dump", timeout=3)


def dump_killed(ctx, prog):
    prog.start().wait_ready()
    image = ctx.path("img.stasis")
    return image, cycle.dump(ctx, prog.pid, image, kill=True)


def restore_must_fail(ctx, image, what, *words):
    run = ctx.stasis.restore(image, ctx.cmd_timeout())
    cycle.expect_refused(ctx, run, what, *words)
    nothing_left(ctx)


@scenario("failure/dump-nonexistent-pid")
def _(ctx, prog):
    pid = free_pid(ctx)
    run = ctx.stasis.dump(pid, ctx.path("img.stasis"), ctx.cmd_timeout())
    cycle.expect_refused(ctx, run, f"dump of free pid {pid}", str(pid), NO_SUCH)
    ctx.check(not os.path.exists(ctx.path("img.stasis")), "a failed dump created the image")
    nothing_left(ctx)


@scenario("failure/dump-own-ancestors")
def _(ctx, prog):
    """stasis refuses to freeze a tree it is part of: its parent, and init."""
    for pid in (os.getpid(), 1):
        run = ctx.stasis.dump(pid, ctx.path("img.stasis"), ctx.cmd_timeout())
        cycle.expect_refused(ctx, run, f"dump of pid {pid}, an ancestor of stasis", f"pid {pid}", "itself")
        ctx.check(not os.path.exists(ctx.path("img.stasis")), f"a refused dump of pid {pid} created the image")
    nothing_left(ctx)


@scenario("failure/json-dump-error")
def _(ctx, prog):
    pid = free_pid(ctx)
    run = ctx.stasis.dump(pid, ctx.path("img.stasis"), ctx.cmd_timeout(), json=True)
    ctx.check(run.rc == 1, f"dump --json of a free pid: {run.describe()}")
    cycle.expect_result_event(ctx, run, False)


@scenario("failure/dump-into-missing-dir", "mem_anon")
def _(ctx, prog):
    prog.start().wait_ready()
    image = ctx.path("no-such-dir", "img.stasis")
    run = ctx.stasis.dump(prog.pid, image, ctx.cmd_timeout())
    cycle.expect_refused(ctx, run, "dump into a missing directory", "no-such-dir")
    cycle.check_running(ctx, procs.tree(prog.pid))
    prog.release()  # and the tree was not harmed


@scenario("failure/dump-over-existing-image", "mem_anon")
def _(ctx, prog):
    """A failing dump leaves the old image byte-identical; a good one
    replaces it atomically (no temp file left, a valid image after)."""
    os.mkdir(ctx.path("images"))
    image = ctx.path("images", "img.stasis")
    old = b"an older checkpoint\n" * 1000
    with open(image, "wb") as f:
        f.write(old)
    pid = free_pid(ctx)
    cycle.expect_refused(ctx, ctx.stasis.dump(pid, image, ctx.cmd_timeout()), "dump of a dead pid", str(pid))
    with open(image, "rb") as f:
        ctx.check(f.read() == old, "a failed dump changed the existing image")
    ctx.check(os.listdir(ctx.path("images")) == ["img.stasis"], f"left behind: {os.listdir(ctx.path('images'))}")
    prog.start().wait_ready()
    cycle.expect_ok(ctx, ctx.stasis.dump(prog.pid, image, ctx.cmd_timeout()), "dump over an existing image")
    ctx.check(os.listdir(ctx.path("images")) == ["img.stasis"], f"left behind: {os.listdir(ctx.path('images'))}")
    with open(image, "rb") as f:
        ctx.check(f.read(len(old)) != old, "the image was not replaced")
    cycle.expect_ok(ctx, ctx.stasis.info(image, ctx.cmd_timeout()), "info on the new image")
    cycle.check_running(ctx, procs.tree(prog.pid))
    prog.release()


@scenario("failure/restore-truncated", "mem_anon")
def _(ctx, prog):
    image, view = dump_killed(ctx, prog)
    size = os.path.getsize(image)
    for cut in sorted({0, 16, 100, 4096, size // 2, size - 4096, size - 1}):
        part = ctx.path(f"cut-{cut}.stasis")
        with open(image, "rb") as src, open(part, "wb") as dst:
            dst.write(src.read(cut))
        restore_must_fail(ctx, part, f"restore of the image cut at {cut} of {size}", f"cut-{cut}.stasis")
    cycle.restore(ctx, image, prog.pid, view)  # the intact image still works
    prog.release()


def flipped(ctx, image, offset, name):
    copy = ctx.path(name)
    shutil.copy(image, copy)
    with open(copy, "r+b") as f:
        f.seek(offset)
        byte = f.read(1)
        f.seek(offset)
        f.write(bytes([byte[0] ^ 0x40]))
    return copy


@scenario("failure/restore-bit-flip", "mem_anon")
def _(ctx, prog):
    """One flipped byte in the page data (found by mem_anon's marker) and
    one in the metadata (the last copy of the program's path: metadata
    follows the pages) must each make restore fail."""
    image, view = dump_killed(ctx, prog)
    with open(image, "rb") as f:
        data = f.read()
    page = data.find(b"STASIS-PAGE-MARKER-")
    meta = data.rfind(b"/tests/progs/mem_anon")
    ctx.check(page > 0, "mem_anon's marker is not in the image: are pages stored raw?")
    ctx.check(meta > page, "the program path is not in the metadata after the pages")
    for offset, name in ((page + 5, "flip-pages.stasis"), (meta + 3, "flip-meta.stasis")):
        restore_must_fail(ctx, flipped(ctx, image, offset, name), f"restore of {name}", name)
    cycle.restore(ctx, image, prog.pid, view)
    prog.release()


@scenario("failure/restore-missing-file", "files")
def _(ctx, prog):
    image, view = dump_killed(ctx, prog)
    os.unlink(prog.file("ro.dat"))
    restore_must_fail(ctx, image, "restore without ro.dat", "ro.dat")


@scenario("failure/dump-unprivileged", "mem_anon", prefix=SETPRIV, open_dir=True)
def _(ctx, prog):
    prog.start().wait_ready()
    run = ctx.stasis.dump(prog.pid, prog.file("img.stasis"), ctx.cmd_timeout(), prefix=SETPRIV)
    cycle.expect_refused(ctx, run, "dump as uid 65534", "root", "CAP_CHECKPOINT_RESTORE", "CAP_SYS_PTRACE")
    cycle.check_running(ctx, procs.tree(prog.pid))
    prog.release()


def refused_resource(ctx, prog, *words):
    prog.start().wait_ready()
    run = ctx.stasis.dump(prog.pid, ctx.path("img.stasis"), ctx.cmd_timeout())
    cycle.expect_refused(ctx, run, "dump of an unsupported resource", str(prog.pid), *words)
    ctx.check(not os.path.exists(ctx.path("img.stasis")), "a refused dump left an image")
    still_running(ctx, prog)
    prog.release()


@scenario("failure/unsupported-threads", "unsup_threads")
def _(ctx, prog):
    refused_resource(ctx, prog, "thread")


@scenario("failure/unsupported-tcp-listener", "unsup_tcp")
def _(ctx, prog):
    refused_resource(ctx, prog, ("tcp", "socket"))


def remove_shm(prog):
    if "shmid" in prog.info:
        subprocess.run(["ipcrm", "-m", prog.info["shmid"]], stderr=subprocess.DEVNULL)


@scenario("failure/unsupported-sysv-shm", "unsup_shm")
def _(ctx, prog):
    ctx.cleanups.append(lambda: remove_shm(prog))
    refused_resource(ctx, prog, ("sysv", "shared memory", "shm"))
