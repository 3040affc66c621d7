/*
 * exhaust: take all there is of one resource, check that the kernel says so
 * with the right errno (never a crash or a hang), give it all back, and
 * check that the same operation works again. The runner then checks that
 * nothing stayed behind. Ports 7000-7199.
 */
#include "robusttests.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <asm/unistd.h>

#define MAX_FDS	  64 /* NR_OPEN */
#define MAX_TASKS 64 /* NR_TASKS */

/* A connection through listener on port, with a few bytes each way:
 * the check that sockets work again. 0, or -errno. */
static int one_exchange(int port)
{
	int listener = tcp_listener(port, 4), client, conn;
	char buf[8];
	long ret = -EIO;

	if (listener < 0)
		return listener;
	client = tcp_connect(port);
	if (client < 0) {
		close(listener);
		return client;
	}
	conn = accept(listener, NULL, NULL);
	if (conn >= 0 && write_full(client, "ping", 4) == 4 &&
	    read_full(conn, buf, 4) == 4 && write_full(conn, "pong", 4) == 4 &&
	    read_full(client, buf, 4) == 4 && memcmp(buf, "pong", 4) == 0)
		ret = 0;
	else if (conn < 0)
		ret = -errno;
	if (conn >= 0)
		close(conn);
	close(client);
	close(listener);
	return (int)ret;
}

/* Sockets of every kind until EMFILE; at EMFILE every call that makes a
 * descriptor says EMFILE too; after closing them, everything works. */
static void sockets_until_emfile(void)
{
	static const int types[] = { SOCK_STREAM, SOCK_DGRAM, SOCK_STREAM };
	int fds[MAX_FDS + 1], n = 0, sv[2], p[2];
	long ret = 0;

	while (n <= MAX_FDS) {
		ret = LIBC(socket(n % 5 == 4 ? AF_UNIX : AF_INET, types[n % 3],
				  0));
		if (ret < 0)
			break;
		fds[n++] = (int)ret;
	}
	say("%s: %d sockets, then %s", test_name, n, result_str(ret));
	EXPECT_RET(-EMFILE, ret);
	EXPECT(n > MAX_FDS - 8, "expected about %d sockets, got only %d",
	       MAX_FDS - 3, n);
	EXPECT_RET(-EMFILE, LIBC(socket(AF_INET, SOCK_DGRAM, 0)));
	EXPECT_RET(-EMFILE, LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, sv)));
	EXPECT_RET(-EMFILE, LIBC(pipe(p)));
	EXPECT_RET(-EMFILE, LIBC(dup(0)));
	EXPECT_RET(-EMFILE, LIBC(open("/dev/null", O_RDONLY)));
	for (int i = 0; i < n; i++)
		EXPECT_RET(0, LIBC(close(fds[i])));
	EXPECT_RET(0, one_exchange(7000));
	/* and all of them again */
	for (int i = 0; i < n; i++) {
		ret = LIBC(socket(AF_INET, types[i % 3], 0));
		EXPECT(ret >= 0,
		       "expected socket %d of %d to work again, got %s", i, n,
		       result_str(ret));
		fds[i] = (int)ret;
	}
	for (int i = 0; i < n; i++)
		close(fds[i]);
}

/* ---- connections until lwIP runs out of pcbs ---- */

#define PER_HOLDER 28 /* connections (two descriptors each) per process */

struct holder_report {
	int connections;
	int err; /* what stopped it: 0 (its quota), or an errno */
	char where[8];
};

static int allowed_exhaustion(int err)
{
	return err == ENOBUFS || err == ENOMEM || err == EAGAIN ||
	       err == ETIMEDOUT;
}

/* A process with a listener of its own that connects to itself until
 * PER_HOLDER connections or an error, reports, and holds on to them. */
static int holder(void *arg)
{
	int *a = arg, port = a[0], report_fd = a[1];
	struct holder_report r = { 0, 0, "" };
	int listener = tcp_listener(port, 64);

	if (listener < 0) {
		r.err = -listener;
		strcpy(r.where, "listen");
		goto out;
	}
	while (r.connections < PER_HOLDER) {
		int c = socket(AF_INET, SOCK_STREAM, 0), err, conn;
		struct pollfd p = { listener, POLLIN, 0 };

		if (c < 0) {
			r.err = errno;
			strcpy(r.where, "socket");
			break;
		}
		err = connect_within(c, port, 1500);
		if (err < 0) {
			r.err = -err;
			strcpy(r.where, "connect");
			close(c);
			break;
		}
		if (poll(&p, 1, 1500) != 1) {
			r.err = ETIMEDOUT;
			strcpy(r.where, "accept");
			close(c);
			break;
		}
		conn = accept(listener, NULL, NULL);
		if (conn < 0) {
			r.err = errno;
			strcpy(r.where, "accept");
			close(c);
			break;
		}
		r.connections++;
	}
out:
	if (write(report_fd, &r, sizeof(r)) != sizeof(r))
		return 1;
	pause();
	return 0;
}

static void connections_until_pools_run_out(void)
{
	struct holder_report r = { 0, 0, "" };
	int fds[2], total = 0, holders = 0, err = 0, args[2];
	const char *where = "";
	long ret;

	EXPECT_OK(LIBC(pipe(fds)));
	args[1] = fds[1];
	/* 256 pcbs (MEMP_NUM_TCP_PCB), two per connection: 5 holders fill them */
	while (holders < 12 && err == 0) {
		args[0] = 7010 + holders;
		EXPECT_OK(spawn(holder, args));
		holders++;
		EXPECT(read_full(fds[0], &r, sizeof(r)) == sizeof(r),
		       "expected holder %d to report", holders);
		total += r.connections;
		err = r.err;
		where = r.where;
	}
	say("%s: %d connections in %d processes, then %s in %s", test_name,
	    total, holders, err ? errno_name(err) : "no error", where);
	EXPECT(err != 0,
	       "expected lwIP's pools to run out, got %d connections "
	       "with %d processes",
	       total, holders);
	EXPECT(allowed_exhaustion(err),
	       "expected ENOBUFS, ENOMEM, EAGAIN or a SYN never answered "
	       "(ETIMEDOUT) at the end, got %s in %s after %d connections",
	       errno_name(err), where, total);
	EXPECT(total >= 60,
	       "expected at least 60 connections before the pools "
	       "ran out, got %d",
	       total);
	/* while full: TCP says so again, UDP (another pool) still works */
	ret = LIBC(socket(AF_INET, SOCK_STREAM, 0));
	if (ret >= 0) {
		int e = connect_within((int)ret, 7010, 1000);
		close((int)ret);
		EXPECT(e < 0 && allowed_exhaustion(-e),
		       "expected a connection to fail while the pools are "
		       "empty, got %s",
		       result_str(e));
	} else {
		EXPECT(allowed_exhaustion((int)-ret),
		       "expected socket to fail with ENOBUFS or ENOMEM, got %s",
		       result_str(ret));
	}
	ret = LIBC(socket(AF_INET, SOCK_DGRAM, 0));
	EXPECT(ret >= 0, "expected a UDP socket while TCP is full, got %s",
	       result_str(ret));
	close((int)ret);
	kill_children();
	close(fds[0]);
	close(fds[1]);
	/* closing 100+ connections takes lwIP a moment */
	for (int i = 0; i < 50 && (ret = one_exchange(7001)) < 0; i++)
		sleep_ms(100);
	EXPECT_RET(0, ret);
}

/* ---- the process table ---- */

static void fork_until_table_full(void)
{
	pid_t pids[MAX_TASKS + 1];
	int p[2], n = 0, err = 0, status;
	char c;

	EXPECT_OK(LIBC(pipe(p)));
	while (n <= MAX_TASKS) {
		pid_t pid = fork();

		if (pid == 0) { /* wait for the write end to close */
			close(p[1]);
			_exit(read(p[0], &c, 1) == 0 ? 0 : 1);
		}
		if (pid < 0) {
			err = errno;
			break;
		}
		pids[n++] = pid;
	}
	if (err != EAGAIN) {
		close(p[1]);
		for (int i = 0; i < n; i++)
			waitpid(pids[i], &status, 0);
	}
	say("%s: %d children, then %s", test_name, n,
	    err ? errno_name(err) : "no error");
	EXPECT(err == EAGAIN,
	       "expected fork to fail with EAGAIN, got %s after "
	       "%d children",
	       err ? errno_name(err) : "no failure", n);
	EXPECT(n > MAX_TASKS / 2,
	       "expected room for more than %d children, got "
	       "%d",
	       MAX_TASKS / 2, n);
	/* still full: fork says so again */
	pid_t extra = fork();
	if (extra == 0)
		_exit(0);
	err = extra < 0 ? errno : 0;
	if (extra > 0)
		wait_status(extra);
	close(p[1]);
	for (int i = 0; i < n; i++) {
		status = wait_status(pids[i]);
		EXPECT(status >= 0 && WIFEXITED(status) &&
			       WEXITSTATUS(status) == 0,
		       "expected child %d to exit 0, got %s", i,
		       status_str(status));
	}
	EXPECT(err == EAGAIN,
	       "expected fork to keep failing with EAGAIN "
	       "while the table is full, got %s",
	       err ? errno_name(err) : "a new process");
	/* all of them again */
	for (int i = 0; i < n; i++) {
		pid_t pid = fork();
		if (pid == 0)
			_exit(0);
		EXPECT(pid > 0, "expected fork %d of %d to work again, got %s",
		       i, n, errno_name(errno));
		pids[i] = pid;
	}
	for (int i = 0; i < n; i++)
		wait_status(pids[i]);
}

/* ---- memory ---- */

static unsigned long raw_brk(unsigned long addr)
{
	unsigned long ret;

	__asm__ volatile("int $0x80"
			 : "=a"(ret)
			 : "a"(__NR_brk), "b"(addr)
			 : "memory");
	return ret;
}

#define MIB (1024 * 1024)

/* In a child: brk up 1 MiB at a time until it fails (brk then returns
 * the old break); meanwhile other calls fail cleanly; then give it back.
 * Exits with the MiB it got (capped at 250), or 255 after a failure. */
static int brk_child(void *arg)
{
	unsigned long start = raw_brk(0), cur = start, next;
	int limit = *(int *)arg, mib = 0, fds[2];
	long ret;

	while (limit == 0 || mib < limit) {
		next = raw_brk(cur + MIB);
		if (next == cur)
			break;
		if (next != cur + MIB) {
			fail("expected brk to return the new break %#lx or "
			     "the old %#lx, got %#lx",
			     cur + MIB, cur, next);
			return 255;
		}
		cur = next;
		((volatile char *)cur)[-1] = 1; /* it is there */
		mib++;
	}
	if (limit)
		goto out;
	/* out of memory: these fail or work, but cleanly */
	ret = LIBC(fork());
	if (ret == 0)
		_exit(0);
	if (ret > 0)
		wait_status((pid_t)ret);
	else if (ret != -ENOMEM && ret != -EAGAIN) {
		fail("expected fork to work or say ENOMEM/EAGAIN, got %s",
		     result_str(ret));
		return 255;
	}
	ret = LIBC(socket(AF_INET, SOCK_STREAM, 0));
	if (ret >= 0)
		close((int)ret);
	ret = LIBC(pipe(fds));
	if (ret == 0)
		close(fds[0]), close(fds[1]);
	/* a few MiB back, and the kernel has room again */
	raw_brk(cur - 4 * MIB);
	ret = one_exchange(7002);
	if (ret < 0) {
		fail("expected sockets to work with 4 MiB free again, got %s",
		     result_str(ret));
		return 255;
	}
out:
	if (raw_brk(start) != start) {
		fail("expected brk back to the start to work");
		return 255;
	}
	return mib > 250 ? 250 : mib;
}

static void brk_until_enomem(void)
{
	struct counters c;
	int limit = 0, status, got;

	read_counters(&c);
	status = wait_status(spawn(brk_child, &limit));
	EXPECT(status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) != 255,
	       "expected the brk child to exit cleanly, got %s",
	       status_str(status));
	got = WEXITSTATUS(status);
	say("%s: brk grew by %d MiB of %ld KiB free", test_name, got,
	    c.mem_free_kb);
	EXPECT(got >= 32 && got * 1024 <= c.mem_free_kb,
	       "expected brk to get most of the %ld KiB free, got %d MiB",
	       c.mem_free_kb, got);
	/* all given back: a second process gets (nearly) as much */
	limit = got - 2;
	status = wait_status(spawn(brk_child, &limit));
	EXPECT(status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == limit,
	       "expected a second process to get %d MiB again, got %s", limit,
	       status_str(status));
}

/* ---- a listen backlog overflowed ---- */

#define CLIENTS 20

static void listen_backlog_overflow(void)
{
	int listener = tcp_listener(7003, 2), fds[CLIENTS], connected = 0;
	int accepted = 0, conn, err;

	EXPECT_OK(listener);
	for (int i = 0; i < CLIENTS; i++) {
		fds[i] = socket(AF_INET, SOCK_STREAM, 0);
		EXPECT(fds[i] >= 0, "expected socket %d, got %s", i,
		       errno_name(errno));
		err = connect_within(fds[i], 7003, i < 4 ? 1000 : 200);
		EXPECT(err == 0 || err == -ETIMEDOUT || err == -ECONNREFUSED,
		       "expected client %d to connect, time out or be refused, "
		       "got %s",
		       i, result_str(err));
		connected += err == 0;
	}
	say("%s: %d of %d clients got in with a backlog of 2", test_name,
	    connected, CLIENTS);
	EXPECT(connected >= 2 && connected < CLIENTS,
	       "expected the backlog (2) to let some but not all of %d clients "
	       "in, got %d",
	       CLIENTS, connected);
	fcntl(listener, F_SETFL, O_NONBLOCK);
	while ((conn = accept(listener, NULL, NULL)) >= 0) {
		accepted++;
		close(conn);
	}
	EXPECT(errno == EAGAIN, "expected accept to end with EAGAIN, got %s",
	       errno_name(errno));
	EXPECT(accepted <= connected && accepted >= 2,
	       "expected to accept the %d connected clients, got %d", connected,
	       accepted);
	for (int i = 0; i < CLIENTS; i++)
		close(fds[i]);
	/* room in the backlog again: a client gets in and is served */
	fcntl(listener, F_SETFL, 0);
	conn = tcp_connect(7003);
	EXPECT(conn >= 0, "expected a connection after the overflow, got %s",
	       result_str(conn));
	err = accept(listener, NULL, NULL);
	EXPECT(err >= 0, "expected to accept it, got %s", errno_name(errno));
	EXPECT(write_full(conn, "x", 1) == 1, "expected a write to work");
	close(err);
	close(conn);
	close(listener);
}

/* ---- queues nobody reads ---- */

/* Sends (without blocking) into fd until EAGAIN or 20000 sends; the kernel
 * must keep what it holds for a reader that never reads within bounds:
 * returns the KiB of free memory that went, or -1 after printing why. */
static long fill_queue(const char *what, int fd, const struct sockaddr *to,
		       socklen_t tolen, long len)
{
	static char buf[4096];
	struct counters before, after;
	long sent = 0, ret = 0;
	int i;

	read_counters(&before);
	for (i = 0; i < 20000; i++) {
		ret = LIBC(sendto(fd, buf, len, MSG_DONTWAIT, to, tolen));
		if (ret < 0)
			break;
		sent += ret;
	}
	read_counters(&after);
	if (ret < 0 && ret != -EAGAIN && ret != -ENOBUFS && ret != -ENOMEM) {
		fail("%s: expected the sends to stop with EAGAIN, ENOBUFS or "
		     "ENOMEM, got %s",
		     what, result_str(ret));
		return -1;
	}
	say("%s: %s: %ld bytes in %d sends, then %s; %ld KiB of free memory "
	    "went",
	    test_name, what, sent, i, ret < 0 ? result_str(ret) : "no error",
	    before.mem_free_kb - after.mem_free_kb);
	return before.mem_free_kb - after.mem_free_kb;
}

/* UDP to a socket that never reads, AF_UNIX datagrams and streams to a
 * peer that never reads, a pipe nobody reads: each holds a bounded amount,
 * not whatever the sender sends. */
static void queues_are_bounded(void)
{
	struct sockaddr_in a = loopback(7004);
	int rx, tx, sv[2], p[2];
	long went;

	EXPECT_OK(rx = LIBC(socket(AF_INET, SOCK_DGRAM, 0)));
	EXPECT_OK(LIBC(bind(rx, (struct sockaddr *)&a, sizeof(a))));
	EXPECT_OK(tx = LIBC(socket(AF_INET, SOCK_DGRAM, 0)));
	went = fill_queue("udp", tx, (struct sockaddr *)&a, sizeof(a), 1400);
	EXPECT(went >= 0 && went < 4096,
	       "expected a UDP socket that never reads to hold less than "
	       "4 MiB, %ld KiB went",
	       went);
	close(rx);
	close(tx);
	EXPECT_OK(LIBC(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv)));
	went = fill_queue("unix dgram", sv[0], NULL, 0, 4096);
	EXPECT(went >= 0 && went < 4096,
	       "expected an AF_UNIX datagram peer that never reads to hold "
	       "less than 4 MiB, %ld KiB went",
	       went);
	close(sv[0]);
	close(sv[1]);
	EXPECT_OK(LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, sv)));
	went = fill_queue("unix stream", sv[0], NULL, 0, 4096);
	EXPECT(went >= 0 && went < 4096,
	       "expected an AF_UNIX stream peer that never reads to hold less "
	       "than 4 MiB, %ld KiB went",
	       went);
	close(sv[0]);
	close(sv[1]);
	EXPECT_OK(LIBC(pipe2(p, O_NONBLOCK)));
	{
		static char buf[4096];
		long n = 0, ret;
		while (n < (64L << 20) &&
		       (ret = write(p[1], buf, sizeof(buf))) > 0)
			n += ret;
		EXPECT(n < (8L << 20),
		       "expected a pipe to hold less than 8 MiB, "
		       "it took %ld bytes",
		       n);
	}
	close(p[0]);
	close(p[1]);
}

const struct test_case exhaust_tests[] = {
	{ "sockets_until_emfile", sockets_until_emfile, NULL },
	{ "connections_until_pools_run_out", connections_until_pools_run_out,
	  NULL },
	{ "fork_until_table_full", fork_until_table_full, NULL },
	{ "brk_until_enomem", brk_until_enomem, NULL },
	{ "listen_backlog_overflow", listen_backlog_overflow, NULL },
	{ "queues_are_bounded", queues_are_bounded, NULL },
	{ NULL, NULL, NULL },
};
