"""Open files and pipes."""
from harness.registry import standard_scenario

standard_scenario("files/open-files", "files", kill=False)
standard_scenario("files/pipes-fifo", "pipes", kill=False)
