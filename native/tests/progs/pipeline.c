/*
 * A real program: a producer and a consumer child joined by a pipe,
 * counting messages, running right through the checkpoint. The consumer
 * checks every message is the previous one plus one (nothing lost or
 * doubled in the pipe). After go the root lets 100 more messages flow,
 * then stops the producer; both children report through their exit status.
 */
#include "testlib.h"
#include <stdint.h>

struct shared { volatile uint64_t received; volatile int stop; };
#define END UINT64_MAX

int main(void)
{
	struct shared *sh = tl_mmap(4096, PROT_READ | PROT_WRITE, MAP_SHARED);
	int p[2];
	tl_try(pipe(p));
	pid_t producer = fork();
	tl_try(producer);
	if (producer == 0) {
		close(p[0]);
		for (uint64_t n = 1; !sh->stop; n++) {
			if (write(p[1], &n, sizeof n) != sizeof n)
				_exit(2);
			tl_sleep_ms(1);
		}
		uint64_t end = END;
		_exit(write(p[1], &end, sizeof end) == sizeof end ? 0 : 2);
	}
	pid_t consumer = fork();
	tl_try(consumer);
	if (consumer == 0) {
		close(p[1]);
		uint64_t n, last = 0;
		while (read(p[0], &n, sizeof n) == sizeof n && n != END) {
			if (n != last + 1) {
				tl_fail("consumer: got message %lu after %lu", (unsigned long)n, (unsigned long)last);
				_exit(1);
			}
			sh->received = last = n;
		}
		_exit(n == END ? 0 : 1);
	}
	close(p[0]);
	close(p[1]);
	while (sh->received < 50)
		tl_sleep_ms(5);
	char info[64];
	snprintf(info, sizeof info, "producer=%d\nconsumer=%d\n", producer, consumer);
	tl_ready(info);
	tl_wait_go();

	uint64_t at_go = sh->received;
	for (int i = 0; i < 500 && sh->received < at_go + 100; i++)
		tl_sleep_ms(10);
	tl_check(sh->received >= at_go + 100, "messages stopped flowing: %lu at go, %lu 5 s later",
		 (unsigned long)at_go, (unsigned long)sh->received);
	sh->stop = 1;
	tl_check_child(producer, 0, "producer");
	tl_check_child(consumer, 0, "consumer");
	tl_finish();
}
