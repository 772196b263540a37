/* rseq stays registered at the same area: re-registering with the same
 * arguments gives EBUSY (before and after; not registered would succeed, a
 * different area would give EINVAL), and the kernel keeps cpu_id current. */
#include "testlib.h"
#include <sched.h>
#include <stdint.h>
#include <sys/rseq.h>
#include <sys/syscall.h>

static struct rseq *area;
static unsigned len;

static int reregister_errno(void)
{
	long rc = syscall(SYS_rseq, area, len, 0, RSEQ_SIG);
	return rc == 0 ? 0 : errno;
}

int main(void)
{
	if (__rseq_size == 0)
		tl_die("glibc did not register rseq (glibc.pthread.rseq=0?)");
	area = (struct rseq *)((char *)__builtin_thread_pointer() + __rseq_offset);
	len = __rseq_size < 32 ? 32 : __rseq_size; /* the length glibc registered */
	int before = reregister_errno();
	if (before != EBUSY)
		tl_die("re-registering rseq gives %s before the checkpoint, expected EBUSY", strerror(before));
	char info[128];
	snprintf(info, sizeof info, "rseq_area=%p\nrseq_len=%u\n", (void *)area, len);
	tl_ready(info);
	tl_wait_go();

	int now = reregister_errno();
	tl_check(now == EBUSY, "re-registering rseq: expected EBUSY, got %s", now ? strerror(now) : "success (it was not registered)");
	int cpu = sched_getcpu();
	tl_check((int)area->cpu_id == cpu, "rseq cpu_id %d, sched_getcpu %d", (int)area->cpu_id, cpu);
	tl_finish();
}
