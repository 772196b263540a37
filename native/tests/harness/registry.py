"""The scenario registry. A scenario is a function of a Ctx; one that has a
test program declares it, so `run-tests --no-checkpoint` can run that
program undisturbed (start, ready, go, result) to prove its own checks
pass without the engine."""
from dataclasses import dataclass, field

from .testprog import Program

SCENARIOS = []


@dataclass
class Scenario:
    name: str
    fn: object
    prog: str = None
    args: tuple = ()
    env: dict = field(default_factory=dict)
    prefix: tuple = ()
    open_dir: bool = False
    timeout: float = 30
    terminal: bool = False  # stdio on a pty that is its controlling terminal

    def program(self, ctx):
        return Program(ctx, self.prog, self.args, self.env, self.prefix, self.open_dir,
                       self.terminal)


def scenario(name, prog=None, **kw):
    """Decorator: @scenario("mem/anon", "mem_anon") def _(ctx, prog): ..."""
    def register(fn):
        SCENARIOS.append(Scenario(name, fn, prog, **kw))
        return fn
    return register


def standard_scenario(name, prog, kill=True, **kw):
    """A scenario that is just the standard cycle (cycle.standard)."""
    from .cycle import standard
    scenario(name, prog, **kw)(lambda ctx, p: standard(ctx, p, kill))
