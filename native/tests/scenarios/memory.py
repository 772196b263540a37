"""Memory: one program per kind of mapping (tests/progs/mem_*.c)."""
import os

from harness.cycle import standard
from harness.registry import scenario, standard_scenario

standard_scenario("memory/anon-private", "mem_anon")
standard_scenario("memory/anon-shared", "mem_shared", kill=False)
standard_scenario("memory/file-private", "mem_filemap")
standard_scenario("memory/heap", "mem_heap", kill=False)
standard_scenario("memory/stack", "mem_stack")
standard_scenario("memory/guard-pages", "mem_guard")
standard_scenario("memory/protections", "mem_prot")
standard_scenario("memory/madvise", "mem_madvise")


@scenario("memory/sparse-8g", "mem_sparse")
def _(ctx, prog):
    """8 GiB reserved, 10 MiB touched: the image holds only touched pages."""
    image = standard(ctx, prog)
    size = os.path.getsize(image)
    ctx.check(size < 30 << 20, f"image is {size / 2**20:.1f} MiB for 10 MiB touched (limit 30 MiB)")
