/*
 * Registers and FPU/SSE/AVX state. One asm block loads patterns into
 * ymm0-15 (xmm0-15 without AVX), the callee-saved rbx and r12-r15, MXCSR
 * and the x87 control word, then waits for STATEDIR/go with raw syscalls
 * (access, nanosleep: they preserve every register used here), then stores
 * everything back. No libc code runs in between, so any difference after
 * restore is the engine's. Patterns depend on the pid and time, so stale
 * values cannot match by accident.
 */
#include "testlib.h"
#include <cpuid.h>
#include <stdint.h>
#include <sys/syscall.h>

struct cpu {
	uint8_t vec[16][32];
	uint64_t gpr[5]; /* rbx r12 r13 r14 r15 */
	uint32_t mxcsr;
	uint16_t fcw;
};

static struct cpu want, got;
static const struct timespec tick = { 0, 5000000 };

#define EACH16(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8) X(9) X(10) X(11) X(12) X(13) X(14) X(15)
#define LOAD_Y(n) "vmovdqu " #n "*32(%%r8), %%ymm" #n "\n\t"
#define STORE_Y(n) "vmovdqu %%ymm" #n ", " #n "*32(%%r9)\n\t"
#define LOAD_X(n) "movdqu " #n "*32(%%r8), %%xmm" #n "\n\t"
#define STORE_X(n) "movdqu %%xmm" #n ", " #n "*32(%%r9)\n\t"

/* r8 = &want, r9 = &got: syscalls leave them alone. Offsets: struct cpu. */
#define SET_GPRS                                                          \
	"ldmxcsr 552(%%r8)\n\tfldcw 556(%%r8)\n\t"                        \
	"mov 512(%%r8), %%rbx\n\tmov 520(%%r8), %%r12\n\tmov 528(%%r8), %%r13\n\t" \
	"mov 536(%%r8), %%r14\n\tmov 544(%%r8), %%r15\n\t"
#define WAIT_GO                                                           \
	"1: mov %[nr_access], %%eax\n\tmov %[go], %%rdi\n\txor %%esi, %%esi\n\tsyscall\n\t" \
	"test %%rax, %%rax\n\tjz 2f\n\t"                                  \
	"mov %[nr_sleep], %%eax\n\tmov %[ts], %%rdi\n\txor %%esi, %%esi\n\tsyscall\n\t" \
	"jmp 1b\n2:\n\t"
#define GET_GPRS                                                          \
	"mov %%rbx, 512(%%r9)\n\tmov %%r12, 520(%%r9)\n\tmov %%r13, 528(%%r9)\n\t" \
	"mov %%r14, 536(%%r9)\n\tmov %%r15, 544(%%r9)\n\t"                \
	"stmxcsr 552(%%r9)\n\tfnstcw 556(%%r9)\n\t"
#define ARGS                                                              \
	: : "r"(in), "r"(out), [go] "m"(go_ptr), [ts] "m"(ts_ptr),        \
	    [nr_access] "i"(SYS_access), [nr_sleep] "i"(SYS_nanosleep)     \
	: "rax", "rcx", "rdx", "rsi", "rdi", "r11", "rbx", "r12", "r13", "r14", "r15", \
	  "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", \
	  "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15", "memory", "cc"

_Static_assert(__builtin_offsetof(struct cpu, gpr) == 512, "asm offsets");
_Static_assert(__builtin_offsetof(struct cpu, mxcsr) == 552, "asm offsets");
_Static_assert(__builtin_offsetof(struct cpu, fcw) == 556, "asm offsets");

static int have_avx(void)
{
	unsigned a, b, c, d;
	if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_AVX) || !(c & bit_OSXSAVE))
		return 0;
	unsigned lo, hi;
	__asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
	return (lo & 6) == 6; /* the OS saves xmm and ymm state */
}

/* Register variables hold only up to the next call: set them right here. */
static void load_wait_store(int avx)
{
	const char *go_ptr = tl_go;
	const struct timespec *ts_ptr = &tick;
	register struct cpu *in __asm__("r8") = &want;
	register struct cpu *out __asm__("r9") = &got;
	if (avx)
		__asm__ volatile(EACH16(LOAD_Y) SET_GPRS WAIT_GO EACH16(STORE_Y) GET_GPRS ARGS);
	else
		__asm__ volatile(EACH16(LOAD_X) SET_GPRS WAIT_GO EACH16(STORE_X) GET_GPRS ARGS);
}

int main(void)
{
	uint64_t seed = (uint64_t)getpid() << 32 ^ (uint64_t)time(NULL);
	tl_fill(want.vec, 0, sizeof want.vec, seed);
	memset(got.vec, 0, sizeof got.vec);
	for (int i = 0; i < 5; i++)
		want.gpr[i] = seed * 0x9e3779b97f4a7c15ULL + i;
	want.mxcsr = 0x1f80 | (3 << 13) | (1 << 15); /* round toward zero, FTZ */
	want.fcw = 0x0f7f; /* x87: default 0x037f with round toward zero */
	int avx = have_avx();
	tl_ready(avx ? "vector=ymm\n" : "vector=xmm\n");
	load_wait_store(avx);
	int width = avx ? 32 : 16;
	for (int r = 0; r < 16; r++)
		tl_check(memcmp(want.vec[r], got.vec[r], width) == 0, "%cmm%d differs", avx ? 'y' : 'x', r);
	static const char *names[5] = { "rbx", "r12", "r13", "r14", "r15" };
	for (int i = 0; i < 5; i++)
		tl_check(want.gpr[i] == got.gpr[i], "%s: expected %#lx got %#lx", names[i],
			 (unsigned long)want.gpr[i], (unsigned long)got.gpr[i]);
	tl_check(want.mxcsr == (got.mxcsr & ~0x3fu), "mxcsr: expected %#x got %#x", want.mxcsr, got.mxcsr);
	tl_check(want.fcw == got.fcw, "x87 control word: expected %#x got %#x", want.fcw, got.fcw);
	if (!avx)
		tl_note = "SSE only: this CPU or kernel has no AVX, ymm upper halves not tested";
	tl_finish();
}
