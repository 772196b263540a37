/*
 * What stasis v1 cannot checkpoint among open fds, said in words: the pid,
 * the fd, what it is, and what the user can do. Sockets are described with
 * their type and addresses, read from a copy of the fd taken with
 * pidfd_getfd (the process is frozen; the copy is closed at once and the
 * process never notices).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

#include "log.h"
#include "res/files_priv.h"

static void addr_text(const struct sockaddr_storage *ss, socklen_t len, char *out, size_t cap)
{
	char ip[INET6_ADDRSTRLEN];

	if (ss->ss_family == AF_INET) {
		const struct sockaddr_in *a = (const void *)ss;

		inet_ntop(AF_INET, &a->sin_addr, ip, sizeof(ip));
		snprintf(out, cap, "%s:%u", ip, ntohs(a->sin_port));
	} else if (ss->ss_family == AF_INET6) {
		const struct sockaddr_in6 *a = (const void *)ss;

		inet_ntop(AF_INET6, &a->sin6_addr, ip, sizeof(ip));
		snprintf(out, cap, "[%s]:%u", ip, ntohs(a->sin6_port));
	} else if (ss->ss_family == AF_UNIX) {
		const struct sockaddr_un *a = (const void *)ss;
		size_t plen = len > offsetof(struct sockaddr_un, sun_path) ?
			len - offsetof(struct sockaddr_un, sun_path) : 0;

		if (plen == 0)
			snprintf(out, cap, "(unnamed)");
		else if (a->sun_path[0] == '\0')
			snprintf(out, cap, "@%.*s", (int)(plen - 1), a->sun_path + 1);
		else
			snprintf(out, cap, "%.*s", (int)strnlen(a->sun_path, plen), a->sun_path);
	} else {
		snprintf(out, cap, "(family %d)", ss->ss_family);
	}
}

/* "a TCP socket from 10.0.0.1:4000 to 10.0.0.2:22" and the like. */
static void socket_text(pid_t pid, int fd, char *out, size_t cap)
{
	int pidfd, s, type = 0, domain = 0, listening = 0;
	socklen_t ol = sizeof(int);
	struct sockaddr_storage local, peer;
	socklen_t llen = sizeof(local), plen = sizeof(peer);
	char l[160], p[160];
	const char *tname, *dname;

	snprintf(out, cap, "a socket");
	pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
	if (pidfd < 0)
		return;
	s = (int)syscall(SYS_pidfd_getfd, pidfd, fd, 0);
	close(pidfd);
	if (s < 0)
		return;
	getsockopt(s, SOL_SOCKET, SO_TYPE, &type, &ol);
	ol = sizeof(int);
	getsockopt(s, SOL_SOCKET, SO_DOMAIN, &domain, &ol);
	ol = sizeof(int);
	getsockopt(s, SOL_SOCKET, SO_ACCEPTCONN, &listening, &ol);
	memset(&local, 0, sizeof(local));
	memset(&peer, 0, sizeof(peer));
	if (getsockname(s, (struct sockaddr *)&local, &llen) < 0)
		llen = 0;
	if (getpeername(s, (struct sockaddr *)&peer, &plen) < 0)
		plen = 0;
	close(s);

	switch (domain) {
	case AF_UNIX: dname = "unix"; break;
	case AF_INET: dname = "IPv4"; break;
	case AF_INET6: dname = "IPv6"; break;
	case AF_NETLINK: dname = "netlink"; break;
	case AF_PACKET: dname = "packet"; break;
	default: dname = "other-family"; break;
	}
	switch (type) {
	case SOCK_STREAM: tname = (domain == AF_INET || domain == AF_INET6) ? "TCP" : "stream"; break;
	case SOCK_DGRAM: tname = (domain == AF_INET || domain == AF_INET6) ? "UDP" : "datagram"; break;
	case SOCK_SEQPACKET: tname = "seqpacket"; break;
	case SOCK_RAW: tname = "raw"; break;
	default: tname = "other-type"; break;
	}
	if (domain != AF_UNIX && domain != AF_INET && domain != AF_INET6) {
		snprintf(out, cap, "a %s socket (%s)", dname, tname);
		return;
	}
	/* "a unix stream socket", "a TCP (IPv4) socket" */
	char name[48];
	if (domain == AF_UNIX)
		snprintf(name, sizeof(name), "unix %s", tname);
	else
		snprintf(name, sizeof(name), "%s (%s)", tname, dname);
	local.ss_family = (sa_family_t)domain;
	peer.ss_family = (sa_family_t)domain;
	addr_text(&local, llen, l, sizeof(l));
	if (listening) {
		snprintf(out, cap, "a %s socket listening on %s", name, l);
	} else if (plen > 0 && !(domain == AF_UNIX && plen <= offsetof(struct sockaddr_un, sun_path) && llen == 0)) {
		addr_text(&peer, plen, p, sizeof(p));
		snprintf(out, cap, "a %s socket from %s to %s", name, l, p);
	} else if (strcmp(l, "(unnamed)") == 0) {
		snprintf(out, cap, "an unnamed, unconnected %s socket", name);
	} else {
		snprintf(out, cap, "a %s socket bound to %s, not connected", name, l);
	}
}

int fd_refuse(pid_t pid, const struct fd_entry *e)
{
	char what[400], kind[64];

	switch (e->cls) {
	case FDC_REGULAR:
	case FDC_DIRECTORY:
	case FDC_TTY:
	case FDC_PIPE:
	case FDC_FIFO:
		return 0;
	case FDC_CHARDEV:
		if (chardev_supported(e->st.st_rdev))
			return 0;
		pr_err("pid %d: fd %d is the character device %s (%u:%u); stasis can only reopen /dev/null, /dev/zero, /dev/random, /dev/urandom and terminals: close it before checkpointing",
		       pid, e->fd, e->link, major(e->st.st_rdev), minor(e->st.st_rdev));
		return -1;
	case FDC_BLOCKDEV:
		pr_err("pid %d: fd %d is the block device %s; not supported: close it before checkpointing",
		       pid, e->fd, e->link);
		return -1;
	case FDC_SOCKET:
		socket_text(pid, e->fd, what, sizeof(what));
		pr_err("pid %d: fd %d is %s; sockets are not supported yet: close it before checkpointing (or checkpoint a tree that does not use it)",
		       pid, e->fd, what);
		return -1;
	case FDC_ANON:
		fd_anon_kind(e->link, kind, sizeof(kind));
		pr_err("pid %d: fd %d is %s (%s); not supported yet: close it before checkpointing, or run the program without it",
		       pid, e->fd, fd_anon_describe(kind), e->link);
		return -1;
	case FDC_MEMFD:
		pr_err("pid %d: fd %d is a memfd (%s); memfd files are not supported yet: close it before checkpointing",
		       pid, e->fd, e->link);
		return -1;
	case FDC_DELETED:
		pr_err("pid %d: fd %d is %s, a file that was deleted while open; stasis cannot reopen it after restore: close it, or keep the file on disk, before checkpointing",
		       pid, e->fd, e->link);
		return -1;
	case FDC_OTHER:
	default:
		pr_err("pid %d: fd %d is %s (file type %o), a kind of file stasis does not support: close it before checkpointing",
		       pid, e->fd, e->link, (unsigned)(e->st.st_mode & S_IFMT));
		return -1;
	}
}
