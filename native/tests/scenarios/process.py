"""Process tree, command line and environment, credentials."""
from harness.registry import standard_scenario

# root, A (own group), B (session leader) -> C, zombie Z (status 7); the
# cycle also compares ppid/pgid/sid of every pid from outside.
standard_scenario("process/tree", "tree", kill=False)
# The cycle compares /proc/PID/cmdline and environ from outside as well.
standard_scenario("process/cmdline-environ", "cmdline",
                  args=("arg with spaces", "", "tab\there", "--x=y z"),
                  env={"STASIS_TEST": "value with spaces = and \u00e9"})
standard_scenario("process/credentials", "creds", open_dir=True)
