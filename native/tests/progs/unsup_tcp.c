/* Unsupported in engine v1: a TCP socket listening on 127.0.0.1. The dump
 * must be refused; afterwards the socket still accepts connections. */
#include "testlib.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

int main(void)
{
	int s = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof a;
	tl_try(s);
	tl_try(bind(s, (struct sockaddr *)&a, sizeof a));
	tl_try(listen(s, 4));
	tl_try(getsockname(s, (struct sockaddr *)&a, &len));
	char info[64];
	snprintf(info, sizeof info, "port=%d\n", ntohs(a.sin_port));
	tl_ready(info);
	tl_wait_go_counting();
	int c = socket(AF_INET, SOCK_STREAM, 0);
	tl_check(connect(c, (struct sockaddr *)&a, sizeof a) == 0, "connect to the listener: %s", strerror(errno));
	int peer = accept(s, NULL, NULL);
	tl_check(peer >= 0, "accept: %s", strerror(errno));
	tl_finish();
}
