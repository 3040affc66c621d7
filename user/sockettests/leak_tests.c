/*
 * leak: nothing is lost over many sockets. 1000 connect/accept/close cycles
 * and 200 socket/close cycles all succeed, and on MenuOS leave free memory
 * (sysinfo's freeram) where it was after a warm-up; Linux's free memory
 * moves on its own, so there only the cycles are checked. Opening sockets
 * until EMFILE (64 fds, as MenuOS allows) and closing them all leaves the
 * process able to open one again. On MenuOS, /proc/net/sockstat's counters
 * come back after 100 connections, and more sockets than lwIP has pcbs give
 * ENOBUFS without breaking anything. Ports 6800-6899.
 */
#include "sockettests.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/sysinfo.h>
#include <unistd.h>

#include "../testlib/sys.h"

#define CYCLES	       1000
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

/* Free memory must come back to before; the kernel may free some of it a
 * little later (closing connections finish in the background), so look
 * again for up to a second. */
static void expect_memory_back(long before, const char *what)
{
	long after = free_kib();
	int i;

	if (on_linux) {
		skip("skipped on Linux");
		return;
	}
	for (i = 0; i < 10 && after < before; i++) {
		sleep_ms(100);
		after = free_kib();
	}
	EXPECT(after >= before, "expected %ld KiB free after %s, got %ld KiB",
	       before, what, after);
}

/* One connection opened and closed; 0 or -errno. */
static int connect_accept_close(int listener, int port)
{
	int client = tcp_connect(port), conn;

	if (client < 0)
		return client;
	conn = accept(listener, NULL, NULL);
	if (conn < 0) {
		conn = -errno;
		close(client);
		return conn;
	}
	if (close(client) < 0 || close(conn) < 0)
		return -errno;
	return 0;
}

static void connect_accept_1000(void)
{
	int listener, i;
	long before;

	EXPECT_OK(listener = tcp_listener(6800));
	for (i = 0; i < WARMUP; i++)
		EXPECT_RET(0, connect_accept_close(listener, 6800));
	before = free_kib();
	EXPECT(before > 0, "expected sysinfo to work, got %s",
	       result_str(before));
	for (i = 0; i < CYCLES; i++) {
		int ret = connect_accept_close(listener, 6800);

		EXPECT(ret == 0, "expected cycle %d to work, got %s", i,
		       result_str(ret));
	}
	EXPECT_RET(0, LIBC(close(listener)));
	expect_memory_back(before, "1000 connections");
}

static void socket_close_200(void)
{
	long before;
	int i, fd;

	for (i = 0; i < WARMUP; i++) {
		EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_STREAM, 0)));
		EXPECT_RET(0, LIBC(close(fd)));
	}
	before = free_kib();
	EXPECT(before > 0, "expected sysinfo to work, got %s",
	       result_str(before));
	for (i = 0; i < 200; i++) {
		fd = LIBC(socket(AF_INET, i % 2 ? SOCK_DGRAM : SOCK_STREAM, 0));
		EXPECT(fd >= 0, "expected socket %d to work, got %s", i,
		       result_str(fd));
		EXPECT_RET(0, LIBC(close(fd)));
	}
	expect_memory_back(before, "200 sockets");
}

/* Sockets until EMFILE. Linux allows more fds than MenuOS, so lower its
 * limit to MenuOS's 64 first (setrlimit(75); our libc has no setrlimit). */
static void fd_exhaustion(void)
{
	unsigned long limit[2] = { MAX_FDS, MAX_FDS };
	int fds[MAX_FDS + 1], n = 0, fd, i;
	long ret = 0;

	if (on_linux)
		EXPECT_RET(0,
			   sys2(__NR_setrlimit, RLIMIT_NOFILE_, (long)limit));
	while (n <= MAX_FDS) {
		ret = LIBC(socket(AF_INET, SOCK_STREAM, 0));
		if (ret < 0)
			break;
		fds[n++] = ret;
	}
	EXPECT_RET(-EMFILE, ret);
	EXPECT(n > MAX_FDS - 10, "expected about %d sockets, got only %d",
	       MAX_FDS - 3, n);
	EXPECT_RET(-EMFILE, LIBC(socket(AF_INET, SOCK_DGRAM, 0)));
	for (i = 0; i < n; i++)
		EXPECT_RET(0, LIBC(close(fds[i])));
	EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_STREAM, 0)));
	EXPECT_RET(0, LIBC(close(fd)));
}

/* accept at EMFILE fails and leaves the connection queued for later. */
static void accept_at_emfile(void)
{
	unsigned long limit[2] = { MAX_FDS, MAX_FDS };
	int fds[MAX_FDS + 1], n = 0, listener, client, conn;
	long ret;

	if (on_linux)
		EXPECT_RET(0,
			   sys2(__NR_setrlimit, RLIMIT_NOFILE_, (long)limit));
	EXPECT_OK(listener = tcp_listener(6801));
	EXPECT_OK(client = tcp_connect(6801));
	while (n <= MAX_FDS && (ret = LIBC(dup(listener))) >= 0)
		fds[n++] = ret;
	EXPECT_RET(-EMFILE, LIBC(accept(listener, NULL, NULL)));
	EXPECT_RET(0, LIBC(close(fds[--n])));
	EXPECT_OK(conn = LIBC(accept(listener, NULL, NULL)));
	EXPECT_RET(1, LIBC(send(client, "x", 1, 0)));
	EXPECT_RET(1, read_full(conn, &ret, 1));
}

/* /proc/net/sockstat (Linux's format) shows the sockets in use; after 100
 * connections come and go its "sockets: used" and "TCP: inuse" are back.
 * (Linux counts every process's sockets: checked on MenuOS only.) */
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

static void sockstat_back(void)
{
	int listener, i, used, tcp, pcbs;

	if (on_linux) {
		skip("skipped on Linux");
		return;
	}
	used = sockstat("sockets: used ");
	tcp = sockstat("TCP: inuse ");
	pcbs = sockstat(" alloc ") - sockstat(" tw ");
	EXPECT(used >= 0 && tcp >= 0, "expected /proc/net/sockstat, got %d",
	       used);
	EXPECT_OK(listener = tcp_listener(6810));
	for (i = 0; i < 100; i++)
		EXPECT_RET(0, connect_accept_close(listener, 6810));
	EXPECT_RET(0, LIBC(close(listener)));
	EXPECT_EQ(used, sockstat("sockets: used "));
	EXPECT_EQ(tcp, sockstat("TCP: inuse "));
	/* lwIP's pcbs: all back but those in TIME_WAIT (they linger 2 MSL, as in
	 * Linux); the last FINs may take a moment */
	for (i = 0; i < 10 && sockstat(" alloc ") - sockstat(" tw ") != pcbs;
	     i++)
		sleep_ms(100);
	EXPECT_EQ(pcbs, sockstat(" alloc ") - sockstat(" tw "));
}

/* More sockets than lwIP has TCP pcbs (256), held by 7 processes at once:
 * on MenuOS some socket() fails with ENOBUFS (or ENOMEM), nothing breaks,
 * and once they are closed a connection works again. */
#define HOLDERS 7
#define HELD	50 /* well under the 64 fds a process has */

struct holder {
	int report[2], go[2];
};

static int hold_sockets(void *arg)
{
	struct holder *h = arg;
	int result[2] = { 0, 0 }, fd;
	char c;

	close(h->report[0]);
	close(h->go[1]);
	while (result[0] < HELD) {
		fd = socket(AF_INET, SOCK_STREAM, 0);
		if (fd < 0) {
			result[1] = errno;
			break;
		}
		result[0]++;
	}
	write(h->report[1], result, sizeof(result));
	read(h->go[0], &c, 1); /* returns 0 when the parent closes go */
	return 0;
}

static void pcb_exhaustion(void)
{
	struct holder h;
	int i, result[2], total = 0, nobufs = 0, client, server;

	EXPECT_RET(0, LIBC(pipe(h.report)));
	EXPECT_RET(0, LIBC(pipe(h.go)));
	for (i = 0; i < HOLDERS; i++)
		spawn(hold_sockets, &h);
	close(h.report[1]);
	close(h.go[0]);
	for (i = 0; i < HOLDERS; i++) {
		EXPECT_RET(sizeof(result),
			   read_full(h.report[0], result, sizeof(result)));
		total += result[0];
		if (result[1] == ENOBUFS || result[1] == ENOMEM)
			nobufs++;
		else if (result[1])
			fail("expected ENOBUFS or ENOMEM, got %s",
			     result_str(-result[1]));
	}
	close(h.go[1]); /* the holders close everything and exit */
	kill_children();
	if (!on_linux)
		EXPECT(nobufs > 0,
		       "expected lwIP to run out of pcbs, got %d "
		       "sockets without an error",
		       total);
	EXPECT_OK(tcp_pair(6811, &client, &server));
	EXPECT_RET(2, LIBC(send(client, "ok", 2, 0)));
	EXPECT_RET(2, read_full(server, result, 2));
}

const struct test_case leak_tests[] = {
	{ "sockstat_back", sockstat_back },
	{ "pcb_exhaustion", pcb_exhaustion },
	{ "connect_accept_1000", connect_accept_1000 },
	{ "socket_close_200", socket_close_200 },
	{ "fd_exhaustion", fd_exhaustion },
	{ "accept_at_emfile", accept_at_emfile },
	{ 0, 0 },
};
