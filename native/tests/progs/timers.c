/*
 * Interval timers: ITIMER_REAL armed for 5 s then re-armed by alarm(7)
 * (which must report the 5 s), ITIMER_VIRTUAL and ITIMER_PROF with
 * intervals. After restore each remaining time is positive and not more
 * than before the checkpoint, and the intervals are exactly kept.
 */
#include "testlib.h"
#include <sys/time.h>

static volatile sig_atomic_t fired[3];
static void on_timer(int sig) { fired[sig == SIGALRM ? 0 : sig == SIGVTALRM ? 1 : 2]++; }

static double secs(struct timeval tv) { return tv.tv_sec + tv.tv_usec / 1e6; }

int main(void)
{
	static const int which[3] = { ITIMER_REAL, ITIMER_VIRTUAL, ITIMER_PROF };
	static const char *const names[3] = { "ITIMER_REAL", "ITIMER_VIRTUAL", "ITIMER_PROF" };
	signal(SIGALRM, on_timer);
	signal(SIGVTALRM, on_timer);
	signal(SIGPROF, on_timer);
	struct itimerval real = { { 0, 0 }, { 5, 0 } };
	struct itimerval virt = { { 2, 250000 }, { 50, 0 } }, prof = { { 3, 500000 }, { 60, 0 } };
	tl_try(setitimer(ITIMER_REAL, &real, NULL));
	tl_try(setitimer(ITIMER_VIRTUAL, &virt, NULL));
	tl_try(setitimer(ITIMER_PROF, &prof, NULL));
	unsigned left = alarm(7);
	tl_check(left == 5 || left == 4, "alarm(7) reported %u s left of the 5 s timer", left);
	struct itimerval before[3], now;
	for (int i = 0; i < 3; i++)
		getitimer(which[i], &before[i]);
	tl_ready(NULL);
	tl_wait_go();

	for (int i = 0; i < 3; i++) {
		getitimer(which[i], &now);
		tl_check(fired[i] == 0, "%s fired during the checkpoint", names[i]);
		tl_check(secs(now.it_value) > 0 && secs(now.it_value) <= secs(before[i].it_value),
			 "%s: %.6f s left, was %.6f s before", names[i], secs(now.it_value), secs(before[i].it_value));
		tl_check(secs(now.it_interval) == secs(before[i].it_interval),
			 "%s interval: expected %.6f got %.6f", names[i], secs(before[i].it_interval), secs(now.it_interval));
	}
	tl_finish();
}
