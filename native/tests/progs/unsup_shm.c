/* Unsupported in engine v1: a SysV shared memory segment (attached). The
 * dump must be refused; the segment keeps its data. The runner removes it
 * (its id is in the ready file) when the test ends. */
#include "testlib.h"
#include <sys/shm.h>

#define SIZE (1 << 20)

int main(void)
{
	int id = shmget(IPC_PRIVATE, SIZE, IPC_CREAT | 0600);
	tl_try(id);
	char *p = shmat(id, NULL, 0);
	if (p == (void *)-1)
		tl_die("shmat: %s", strerror(errno));
	tl_fill(p, 0, SIZE, 30);
	char info[64];
	snprintf(info, sizeof info, "shmid=%d\n", id);
	tl_ready(info);
	tl_wait_go_counting();
	long bad = tl_verify(p, 0, SIZE, 30);
	tl_check(bad < 0, "SysV segment: byte %ld differs", bad);
	shmctl(id, IPC_RMID, NULL);
	tl_finish();
}
