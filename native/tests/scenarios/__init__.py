"""Every scenario module; importing this package registers them all."""
from . import memory, cpu, process, files, misc, real, failures, restore_modes  # noqa: F401
