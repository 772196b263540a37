/* Command line and environment: /proc/self/cmdline and environ are byte
 * for byte what they were (the runner passes argv with spaces and sets
 * STASIS_TEST; it also compares both from outside). */
#include "testlib.h"

int main(int argc, char **argv)
{
	size_t cmd_len, env_len, len;
	char *cmd = tl_read_file("/proc/self/cmdline", &cmd_len);
	char *env = tl_read_file("/proc/self/environ", &env_len);
	const char *test = getenv("STASIS_TEST");
	if (!cmd || !env || !test || argc < 3)
		tl_die("run me as cmdline STATEDIR ARGS... with STASIS_TEST set");
	char *test_before = strdup(test);
	tl_ready(NULL);
	tl_wait_go();

	char *now = tl_read_file("/proc/self/cmdline", &len);
	tl_check(now && len == cmd_len && memcmp(now, cmd, len) == 0, "/proc/self/cmdline differs (%zu bytes, was %zu)", len, cmd_len);
	now = tl_read_file("/proc/self/environ", &len);
	tl_check(now && len == env_len && memcmp(now, env, len) == 0, "/proc/self/environ differs (%zu bytes, was %zu)", len, env_len);
	test = getenv("STASIS_TEST");
	tl_check(test && strcmp(test, test_before) == 0, "STASIS_TEST: expected [%s] got [%s]", test_before, test ? test : "(unset)");
	size_t off = 0; /* argv[] strings are the ones /proc shows */
	for (int i = 0; i < argc; i++) {
		tl_check(off < cmd_len && strcmp(argv[i], cmd + off) == 0, "argv[%d] differs", i);
		off += strlen(argv[i]) + 1;
	}
	tl_finish();
}
