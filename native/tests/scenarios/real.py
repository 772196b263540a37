"""Real programs: a shell loop, python with 1 GiB, a producer/consumer
pipeline, and restoring one image twice."""
import os

from harness import cycle, procs
from harness.registry import scenario, standard_scenario

COUNTER = 'i=0; while :; do i=$((i+1)); echo $i >> "$1/count"; sleep 0.1; done'


def counted(path):
    """The numbers in a count file (a half-written last line is ignored)."""
    try:
        with open(path) as f:
            text = f.read()
    except FileNotFoundError:
        return []
    return [int(n) for n in text[:text.rfind("\n") + 1].split()]


@scenario("real/bash-counter")
def _(ctx, prog):
    """dump --kill a bash loop; after restore it counts on from the last
    number: no restart from 1, no gap larger than one."""
    count = ctx.path("count")
    root = procs.spawn(["bash", "-c", COUNTER, "bash", ctx.dir], ctx.dir, ctx.path("log"),
                       ctx.path("log"), setsid=True)
    ctx.poll(lambda: len(counted(count)) >= 5, "the loop to count to 5")
    view = cycle.dump(ctx, root, ctx.path("img.stasis"), kill=True, changing=True)
    before = counted(count)
    cycle.restore(ctx, ctx.path("img.stasis"), root, view)
    ctx.poll(lambda: len(counted(count)) >= len(before) + 3, "the restored loop to count on")
    new = counted(count)[len(before):]
    ctx.check(new[0] in (before[-1] + 1, before[-1] + 2),
              f"after {before[-1]} the restored loop wrote {new[0]}")
    ctx.check(all(b == a + 1 for a, b in zip(new, new[1:])), f"restored loop counts {new}")


@scenario("real/python-1g", "bigmem.py", timeout=180)
def _(ctx, prog):
    """python3 with 1 GiB of PRNG data, sha256 checked after restore."""
    image = cycle.standard(ctx, prog)
    size = os.path.getsize(image)
    ctx.check(1 << 30 <= size <= 1.2 * (1 << 30), f"image is {size / 2**30:.3f} GiB, expected 1.0-1.2 GiB")


standard_scenario("real/pipeline", "pipeline")


@scenario("real/restore-twice", "mem_anon")
def _(ctx, prog):
    """One image restored, killed, restored again."""
    prog.start().wait_ready()
    image = ctx.path("img.stasis")
    view = cycle.dump(ctx, prog.pid, image, kill=True)
    cycle.restore(ctx, image, prog.pid, view)
    procs.kill(procs.tree(prog.pid))
    cycle.wait_free(ctx, list(view))
    cycle.restore(ctx, image, prog.pid, view)
    prog.release()
