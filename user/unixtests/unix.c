/*
 * The AF_UNIX helpers of unixtests.h: addresses, bound and connected
 * sockets, SCM_RIGHTS messages, directory listings and a checksum.
 */
#include "unixtests.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct sockaddr_un path_addr(const char *path, socklen_t *len)
{
	struct sockaddr_un addr;

	memset(&addr, 0, sizeof(addr));
	addr.sun_family = AF_UNIX;
	strncpy(addr.sun_path, path, sizeof(addr.sun_path) - 1);
	*len = PATH_ADDR_LEN(path);
	return addr;
}

struct sockaddr_un abstract_addr(const char *name, socklen_t *len)
{
	struct sockaddr_un addr;

	memset(&addr, 0, sizeof(addr));
	addr.sun_family = AF_UNIX;
	strncpy(addr.sun_path + 1, name, sizeof(addr.sun_path) - 2);
	*len = ABSTRACT_ADDR_LEN(name);
	return addr;
}

int unix_bound(int type, const struct sockaddr_un *addr, socklen_t len)
{
	int fd, err;

	if (addr->sun_path[0])
		unlink(addr->sun_path);
	fd = socket(AF_UNIX, type, 0);
	if (fd < 0)
		return -errno;
	if (bind(fd, (const struct sockaddr *)addr, len) < 0) {
		err = errno;
		close(fd);
		return -err;
	}
	return fd;
}

int unix_listener(const struct sockaddr_un *addr, socklen_t len)
{
	int fd = unix_bound(SOCK_STREAM, addr, len), err;

	if (fd >= 0 && listen(fd, 16) < 0) {
		err = errno;
		close(fd);
		return -err;
	}
	return fd;
}

int unix_connected(int type, const struct sockaddr_un *addr, socklen_t len)
{
	int fd = socket(AF_UNIX, type, 0), err;

	if (fd < 0)
		return -errno;
	if (connect(fd, (const struct sockaddr *)addr, len) < 0) {
		err = errno;
		close(fd);
		return -err;
	}
	return fd;
}

const char *addr_str(const struct sockaddr_un *addr, socklen_t len)
{
	static char bufs[2][SUN_PATH_SIZE + 2];
	static int next;
	char *buf = bufs[next++ % 2];
	int n = (int)len - (int)offsetof(struct sockaddr_un, sun_path);

	if (n <= 0)
		return "(unnamed)";
	if (n > SUN_PATH_SIZE)
		n = SUN_PATH_SIZE;
	if (addr->sun_path[0])
		snprintf(buf, SUN_PATH_SIZE + 2, "%.*s", n, addr->sun_path);
	else
		snprintf(buf, SUN_PATH_SIZE + 2, "@%.*s", n - 1,
			 addr->sun_path + 1);
	return buf;
}

const char *addr_problem(const struct sockaddr_un *got, socklen_t got_len,
			 const struct sockaddr_un *want, socklen_t want_len)
{
	static char why[300];
	int n = (int)want_len - (int)offsetof(struct sockaddr_un, sun_path);

	if (got_len != want_len)
		snprintf(why, sizeof(why),
			 "expected an address of %d bytes (%s), got %d (%s)",
			 (int)want_len, addr_str(want, want_len), (int)got_len,
			 addr_str(got, got_len));
	else if (got->sun_family != AF_UNIX)
		snprintf(why, sizeof(why), "expected family AF_UNIX, got %d",
			 got->sun_family);
	else if (n > 0 && memcmp(got->sun_path, want->sun_path, n) != 0)
		snprintf(why, sizeof(why), "expected address %s, got %s",
			 addr_str(want, want_len), addr_str(got, got_len));
	else
		return NULL;
	return why;
}

#define MAX_FDS_PER_MSG 8

long send_fds(int sock, const int *fds, int nfds)
{
	union { /* aligned for struct cmsghdr */
		struct cmsghdr hdr;
		char buf[CMSG_SPACE(MAX_FDS_PER_MSG * sizeof(int))];
	} control;
	struct iovec iov = { (void *)"F", 1 };
	struct msghdr msg;
	struct cmsghdr *cmsg;

	memset(&msg, 0, sizeof(msg));
	memset(&control, 0, sizeof(control));
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = control.buf;
	msg.msg_controllen = CMSG_SPACE(nfds * sizeof(int));
	cmsg = CMSG_FIRSTHDR(&msg);
	cmsg->cmsg_level = SOL_SOCKET;
	cmsg->cmsg_type = SCM_RIGHTS;
	cmsg->cmsg_len = CMSG_LEN(nfds * sizeof(int));
	memcpy(CMSG_DATA(cmsg), fds, nfds * sizeof(int));
	return LIBC(sendmsg(sock, &msg, 0));
}

long recv_fds(int sock, int *fds, int max, int *flags)
{
	union {
		struct cmsghdr hdr;
		char buf[CMSG_SPACE(MAX_FDS_PER_MSG * sizeof(int))];
	} control;
	struct iovec iov;
	struct msghdr msg;
	struct cmsghdr *cmsg;
	char byte;
	long n;
	int i, got = 0;

	for (i = 0; i < max; i++)
		fds[i] = -1;
	iov.iov_base = &byte;
	iov.iov_len = 1;
	memset(&msg, 0, sizeof(msg));
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = control.buf;
	msg.msg_controllen = max ? CMSG_SPACE(max * sizeof(int)) : 0;
	n = LIBC(recvmsg(sock, &msg, 0));
	if (n < 0)
		return n;
	if (flags)
		*flags = msg.msg_flags;
	for (cmsg = CMSG_FIRSTHDR(&msg); cmsg; cmsg = CMSG_NXTHDR(&msg, cmsg)) {
		int count = (cmsg->cmsg_len - CMSG_LEN(0)) / sizeof(int);

		if (cmsg->cmsg_level != SOL_SOCKET ||
		    cmsg->cmsg_type != SCM_RIGHTS)
			continue;
		for (i = 0; i < count && got < max; i++)
			memcpy(&fds[got++], CMSG_DATA(cmsg) + i * sizeof(int),
			       sizeof(int));
	}
	return n;
}

int dir_has(const char *path, const char *name)
{
	DIR *dir = opendir(path);
	struct dirent *de;
	int found = 0;

	if (!dir)
		return -errno;
	while ((de = readdir(dir)) != NULL)
		if (strcmp(de->d_name, name) == 0)
			found = 1;
	closedir(dir);
	return found;
}

int dir_count(const char *path)
{
	DIR *dir = opendir(path);
	int n = 0;

	if (!dir)
		return -errno;
	while (readdir(dir) != NULL)
		n++;
	closedir(dir);
	return n;
}

unsigned long adler32(unsigned long sum, const unsigned char *buf, long len)
{
	unsigned long a = sum & 0xffff, b = (sum >> 16) & 0xffff;
	long i;

	for (i = 0; i < len; i++) {
		a = (a + buf[i]) % 65521;
		b = (b + a) % 65521;
	}
	return (b << 16) | a;
}
