/*
 * leak: nothing is lost over many AF_UNIX sockets. 1000 socketpair/close
 * rounds and 1000 connect/accept/close rounds on a path all work and, on
 * MenuOS, leave /proc/net/sockstat's "sockets: used" and free memory
 * (sysinfo, after a warm-up) where they were; Linux's counters and free
 * memory move with the rest of the host, so there only the rounds are
 * checked. A file in flight (sent, never received) is released with the
 * socket holding it: the pipe it was the read end of has no reader left.
 * socketpair with one free fd is EMFILE and takes none.
 * Paths /tmp/ut-leak-*.
 */
#include "unixtests.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysinfo.h>
#include <unistd.h>

#include "../testlib/sys.h"

#define ROUNDS	       1000
#define WARMUP	       20
#define MAX_FDS	       64
#define RLIMIT_NOFILE_ 7 /* Linux's RLIMIT_NOFILE */

/* Free memory in KiB, or -errno. */
static long free_kib(void)
{
	struct sysinfo si;

	if (sysinfo(&si) < 0)
		return -errno;
	return (long)(((unsigned long long)si.freeram * si.mem_unit) >> 10);
}

/* A number after key in /proc/net/sockstat, or -errno. */
static int sockstat(const char *key)
{
	char buf[512], *p;
	int fd = open("/proc/net/sockstat", O_RDONLY), n;

	if (fd < 0)
		return -errno;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n < 0)
		return -errno;
	buf[n] = 0;
	p = strstr(buf, key);
	return p ? atoi(p + strlen(key)) : -ENOENT;
}

struct usage {
	long free_kib;
	int sockets;
};

/* Where memory and the socket count stand (MenuOS; nothing on Linux). */
static int usage_now(struct usage *u)
{
	if (on_linux)
		return 0;
	u->free_kib = free_kib();
	u->sockets = sockstat("sockets: used ");
	if (u->free_kib < 0)
		return u->free_kib;
	return u->sockets < 0 ? u->sockets : 0;
}

/* Back to before, after what. The kernel may free a little later, so look
 * again for up to a second. */
static void expect_usage_back(const struct usage *before, const char *what)
{
	struct usage after;
	int i;

	if (on_linux) {
		skip("counters skipped on Linux");
		return;
	}
	for (i = 0; i < 10; i++) {
		EXPECT_RET(0, usage_now(&after));
		if (after.free_kib >= before->free_kib &&
		    after.sockets <= before->sockets)
			break;
		sleep_ms(100);
	}
	EXPECT(after.sockets <= before->sockets,
	       "expected \"sockets: used %d\" after %s, got %d",
	       before->sockets, what, after.sockets);
	EXPECT(after.free_kib >= before->free_kib,
	       "expected %ld KiB free after %s, got %ld KiB", before->free_kib,
	       what, after.free_kib);
}

/* One pair made, used and closed: 0 or -errno. */
static int pair_round(int type)
{
	int sv[2];
	char c;

	if (socketpair(AF_UNIX, type, 0, sv) < 0)
		return -errno;
	if (write(sv[0], "r", 1) != 1 || read(sv[1], &c, 1) != 1)
		return -errno ? -errno : -EIO;
	if (close(sv[0]) < 0 || close(sv[1]) < 0)
		return -errno;
	return 0;
}

static void socketpair_close_1000(void)
{
	struct usage before;
	int i, ret;

	for (i = 0; i < WARMUP; i++)
		EXPECT_RET(0, pair_round(i % 2 ? SOCK_DGRAM : SOCK_STREAM));
	EXPECT_RET(0, usage_now(&before));
	for (i = 0; i < ROUNDS; i++) {
		ret = pair_round(i % 2 ? SOCK_DGRAM : SOCK_STREAM);
		EXPECT(ret == 0, "expected round %d to work, got %s", i,
		       result_str(ret));
	}
	expect_usage_back(&before, "1000 socketpairs");
}

#define LEAK_PATH "/tmp/ut-leak-listener"

/* One connection on the path, a byte each way, closed: 0 or -errno. */
static int connect_round(int listener, const struct sockaddr_un *addr,
			 socklen_t len)
{
	int client = unix_connected(SOCK_STREAM, addr, len), conn, err = 0;
	char c;

	if (client < 0)
		return client;
	conn = accept(listener, NULL, NULL);
	if (conn < 0) {
		err = -errno;
		close(client);
		return err;
	}
	if (write(client, "c", 1) != 1 || read(conn, &c, 1) != 1 ||
	    write(conn, "s", 1) != 1 || read(client, &c, 1) != 1)
		err = -EIO;
	if (close(client) < 0 || close(conn) < 0)
		err = -errno;
	return err;
}

static void connect_accept_1000(void)
{
	socklen_t len;
	struct sockaddr_un addr = path_addr(LEAK_PATH, &len);
	struct usage before;
	int listener, i, ret;

	EXPECT_OK(listener = unix_listener(&addr, len));
	for (i = 0; i < WARMUP; i++)
		EXPECT_RET(0, connect_round(listener, &addr, len));
	EXPECT_RET(0, usage_now(&before));
	for (i = 0; i < ROUNDS; i++) {
		ret = connect_round(listener, &addr, len);
		EXPECT(ret == 0, "expected round %d to work, got %s", i,
		       result_str(ret));
	}
	EXPECT_RET(0, LIBC(close(listener)));
	EXPECT_RET(0, LIBC(unlink(LEAK_PATH)));
	before.sockets++; /* the listener was counted in before */
	expect_usage_back(&before, "1000 connections");
}

/* The read end of a pipe sent and never received: closing the pair must
 * release it, so the pipe has no reader and a write is EPIPE. */
static int in_flight_round(void)
{
	int sv[2], fds[2], ret = 0;

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0 || pipe(fds) < 0)
		return -errno;
	if (send_fds(sv[0], &fds[0], 1) != 1)
		return -EIO;
	close(fds[0]);
	close(sv[0]);
	close(sv[1]);
	if (write(fds[1], "x", 1) >= 0)
		ret = 1; /* someone still reads */
	else if (errno != EPIPE)
		ret = -errno;
	close(fds[1]);
	return ret;
}

static void in_flight_fd_released(void)
{
	struct usage before;
	int i, ret;

	signal(SIGPIPE, SIG_IGN);
	for (i = 0; i < WARMUP; i++) {
		ret = in_flight_round();
		EXPECT(ret == 0,
		       "expected the pipe's write to be EPIPE, got "
		       "%s",
		       ret == 1 ? "a reader still there" : result_str(ret));
	}
	EXPECT_RET(0, usage_now(&before));
	for (i = 0; i < 200; i++)
		EXPECT_RET(0, in_flight_round());
	expect_usage_back(&before, "200 files in flight");
}

/* One fd free: socketpair needs two, so EMFILE, and the free one stays
 * free. Linux allows more fds than MenuOS: lower its limit first. */
static void socketpair_emfile(void)
{
	unsigned long limit[2] = { MAX_FDS, MAX_FDS };
	int fds[MAX_FDS + 1], n = 0, sv[2] = { -1, -1 }, i;
	long ret;

	if (on_linux)
		EXPECT_RET(0,
			   sys2(__NR_setrlimit, RLIMIT_NOFILE_, (long)limit));
	while (n <= MAX_FDS && (ret = LIBC(dup(0))) >= 0)
		fds[n++] = ret;
	EXPECT_RET(-EMFILE, ret);
	EXPECT_RET(0, LIBC(close(fds[--n])));
	EXPECT_RET(-EMFILE, LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, sv)));
	EXPECT_RET(fds[n], LIBC(dup(0)));
	EXPECT_RET(0, LIBC(close(fds[n])));
	EXPECT_RET(0, LIBC(close(fds[n - 1])));
	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv)));
	for (i = 0; i < n - 1; i++)
		close(fds[i]);
}

const struct test_case unix_leak_tests[] = {
	{ "socketpair_close_1000", socketpair_close_1000 },
	{ "connect_accept_1000", connect_accept_1000 },
	{ "in_flight_fd_released", in_flight_fd_released },
	{ "socketpair_emfile", socketpair_emfile },
	{ 0, 0 },
};
