/* Unsupported in engine v1: a process with 2 threads. The dump must be
 * refused; the process keeps counting (STATEDIR/count) and its second
 * thread keeps running. */
#include "testlib.h"
#include <pthread.h>

static volatile unsigned long spins;

static void *spin(void *arg)
{
	(void)arg;
	for (;;) {
		spins++;
		tl_sleep_ms(5);
	}
	return NULL;
}

int main(void)
{
	pthread_t t;
	if (pthread_create(&t, NULL, spin, NULL))
		tl_die("pthread_create");
	tl_ready(NULL);
	tl_wait_go_counting();
	unsigned long at_go = spins;
	tl_sleep_ms(100);
	tl_check(spins > at_go, "second thread stopped running");
	tl_finish();
}
