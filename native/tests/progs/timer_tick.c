/* A 100 ms interval timer keeps firing after restore: count SIGALRMs
 * during 600 ms after go (at least 4), with the interval unchanged. */
#include "testlib.h"
#include <sys/time.h>

static volatile sig_atomic_t ticks;
static void on_alarm(int sig) { (void)sig; ticks++; }

int main(void)
{
	struct sigaction sa = { .sa_handler = on_alarm, .sa_flags = SA_RESTART };
	tl_try(sigaction(SIGALRM, &sa, NULL));
	struct itimerval tick = { { 0, 100000 }, { 0, 100000 } }, before, now;
	tl_try(setitimer(ITIMER_REAL, &tick, NULL));
	while (ticks < 3)
		tl_sleep_ms(10);
	getitimer(ITIMER_REAL, &before);
	tl_ready(NULL);
	tl_wait_go();

	getitimer(ITIMER_REAL, &now);
	tl_check(now.it_interval.tv_sec == before.it_interval.tv_sec && now.it_interval.tv_usec == before.it_interval.tv_usec,
		 "interval: expected %ld us got %ld us", (long)before.it_interval.tv_usec, (long)now.it_interval.tv_usec);
	int start = ticks;
	tl_sleep_ms(600);
	tl_check(ticks - start >= 4, "%d SIGALRMs in 600 ms after restore, expected at least 4", ticks - start);
	tl_finish();
}
