/*
 * timers: the three interval timers (ITIMER_REAL is also alarm()).
 *
 * Only the process can tell its itimers, so getitimer is injected at dump
 * and setitimer at restore; ITIMER_REAL resumes with the time that was left
 * when the tree was frozen. Disarmed timers are not stored.
 *
 * POSIX timers (timer_create) are not restored yet: check() refuses a
 * process that has any (/proc/PID/timers) rather than losing them quietly.
 */
#include "resource.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>

#include "log.h"
#include "util.h"

/* The kernel's struct itimerval on 64-bit: two timevals of two longs. */
struct kernel_itimerval {
	int64_t interval_sec, interval_usec;
	int64_t value_sec, value_usec;
};

static const struct {
	int which;
	const char *name;
} itimers[] = {
	{ ITIMER_REAL, "ITIMER_REAL" },
	{ ITIMER_VIRTUAL, "ITIMER_VIRTUAL" },
	{ ITIMER_PROF, "ITIMER_PROF" },
};

static int timers_check(struct dump_ctx *ctx, struct dump_task *t)
{
	char *text = NULL;
	int ret = 0;

	(void)ctx;
	if (t->zombie)
		return 0;
	if (read_filef(&text, "/proc/%d/timers", t->pid) < 0) {
		if (errno == ENOENT)
			return 0; /* kernel without CONFIG_CHECKPOINT_RESTORE: cannot tell */
		pr_perror("pid %d: timers: cannot read /proc/%d/timers", t->pid, t->pid);
		return -1;
	}
	if (strstr(text, "ID:")) {
		pr_err("pid %d: timers: the process has POSIX timers (timer_create); "
		       "they cannot be checkpointed yet: delete them or use setitimer/alarm",
		       t->pid);
		ret = -1;
	}
	free(text);
	return ret;
}

static uint64_t tv_us(int64_t sec, int64_t usec)
{
	return (uint64_t)sec * 1000000u + (uint64_t)usec;
}

static int timers_dump(struct dump_ctx *ctx, struct dump_task *t)
{
	struct kernel_itimerval v[ARRAY_SIZE(itimers)];
	uint64_t base;
	long ret;

	(void)ctx;
	if (t->zombie)
		return 0;
	tracee_scratch_reset(&t->tracee);
	base = tracee_scratch_put(&t->tracee, NULL, sizeof(v));
	if (!base)
		return -1; /* tracee_scratch_put said why */
	for (size_t i = 0; i < ARRAY_SIZE(itimers); i++)
		if (tracee_syscall_ok(&t->tracee, &ret, "timers: getitimer", SYS_getitimer,
				      (uint64_t)itimers[i].which, base + i * sizeof(v[0]),
				      0, 0, 0, 0) < 0)
			return -1;
	if (tracee_read(&t->tracee, base, v, sizeof(v)) < 0)
		return -1;

	t->pb->itimers = xzalloc(ARRAY_SIZE(itimers) * sizeof(*t->pb->itimers));
	for (size_t i = 0; i < ARRAY_SIZE(itimers); i++) {
		Stasis__ITimer *it;

		if (!v[i].value_sec && !v[i].value_usec)
			continue; /* disarmed */
		it = xzalloc(sizeof(*it));
		stasis__itimer__init(it);
		it->has_which = it->has_interval_us = it->has_value_us = 1;
		it->which = (uint32_t)itimers[i].which;
		it->interval_us = tv_us(v[i].interval_sec, v[i].interval_usec);
		it->value_us = tv_us(v[i].value_sec, v[i].value_usec);
		t->pb->itimers[t->pb->n_itimers++] = it;
	}
	return 0;
}

/* setitimer(which, value/interval) in the puppet; with got != NULL, the
 * value the kernel then reports (getitimer) is returned in *got. */
static int arm(struct restore_task *t, uint32_t which, uint64_t value_us, uint64_t interval_us,
	       uint64_t *got)
{
	struct kernel_itimerval v = {
		(int64_t)(interval_us / 1000000u), (int64_t)(interval_us % 1000000u),
		(int64_t)(value_us / 1000000u), (int64_t)(value_us % 1000000u),
	};
	uint64_t addr;
	long ret;

	tracee_scratch_reset(&t->tracee);
	addr = tracee_scratch_put(&t->tracee, &v, sizeof(v));
	if (!addr)
		return -1; /* tracee_scratch_put said why */
	if (tracee_syscall(&t->tracee, &ret, SYS_setitimer, which, addr, 0, 0, 0, 0) < 0)
		return -1;
	if (ret < 0) {
		pr_err("pid %d: timers: cannot arm %s (%llu us left, interval %llu us): %s",
		       t->vpid, itimers[which].name, (unsigned long long)value_us,
		       (unsigned long long)interval_us, strerror((int)-ret));
		return -1;
	}
	if (!got)
		return 0;
	if (tracee_syscall_ok(&t->tracee, &ret, "timers: getitimer", SYS_getitimer, which, addr,
			      0, 0, 0, 0) < 0 || tracee_read(&t->tracee, addr, &v, sizeof(v)) < 0)
		return -1;
	*got = tv_us(v.value_sec, v.value_usec);
	return 0;
}

/*
 * The kernel adds one tick (TICK_NSEC: 1, 3.33, 4 or 10 ms) to the value of
 * a CPU-time itimer (VIRTUAL, PROF) when it is armed, so arming it with
 * what getitimer said would give the process that much more time each
 * checkpoint. Measure the excess in the puppet, round it up to the tick it
 * comes from (the CPU time spent between the two calls makes it a little
 * less), and arm again with the value less one tick.
 */
static uint64_t tick_of(uint64_t excess_us)
{
	static const uint64_t ticks_us[] = { 1000, 3334, 4000, 10000 }; /* HZ 1000, 300, 250, 100 */

	for (size_t i = 0; i < ARRAY_SIZE(ticks_us); i++)
		if (excess_us <= ticks_us[i])
			return ticks_us[i];
	return excess_us;
}

static int timers_restore(struct restore_ctx *ctx, struct restore_task *t)
{
	(void)ctx;
	if (t->zombie)
		return 0;
	for (size_t i = 0; i < t->pb->n_itimers; i++) {
		const Stasis__ITimer *it = t->pb->itimers[i];
		uint64_t got, tick;

		if (!it->has_which || it->which > ITIMER_PROF) {
			pr_err("pid %d: timers: image has an invalid itimer (which=%u)",
			       t->vpid, it->which);
			return -1;
		}
		if (!it->value_us)
			continue; /* zero would disarm: nothing to do */
		if (it->which == ITIMER_REAL) {
			if (arm(t, it->which, it->value_us, it->interval_us, NULL) < 0)
				return -1;
			continue;
		}
		if (arm(t, it->which, it->value_us, it->interval_us, &got) < 0)
			return -1;
		if (got <= it->value_us)
			continue;
		tick = tick_of(got - it->value_us);
		if (it->value_us > tick &&
		    arm(t, it->which, it->value_us - tick, it->interval_us, NULL) < 0)
			return -1;
	}
	return 0;
}

const struct resource_ops res_timers = {
	.name = "timers",
	.check = timers_check,
	.dump = timers_dump,
	.restore = timers_restore,
};
