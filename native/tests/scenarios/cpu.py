"""CPU state: registers and vector state, rseq, the vDSO."""
from harness.registry import standard_scenario

standard_scenario("cpu/registers-fpu-avx", "regs_fpu")
standard_scenario("cpu/rseq", "rseq")
standard_scenario("cpu/vdso", "vdso", kill=False)
