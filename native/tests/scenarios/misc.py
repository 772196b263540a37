"""Filesystem and scheduling state, signals, timers."""
from harness.registry import standard_scenario

standard_scenario("misc/cwd-umask-nice-rlimits", "fsmisc")
standard_scenario("signals/handlers-mask-pending-altstack", "signals")
standard_scenario("timers/itimers-alarm", "timers")
standard_scenario("timers/interval-keeps-firing", "timer_tick")
