/*
 * poll: waiting on AF_UNIX sockets. An idle connected socket is writable
 * and not readable; data makes it POLLIN, and wakes a poll or select that
 * sleeps; a connection waiting on a listener makes it POLLIN; the peer's
 * close is POLLIN|POLLHUP (read returns 0) and wakes a sleeper, while a
 * shutdown(SHUT_WR) is POLLIN alone (half of the connection is still up);
 * a full stream is not writable until the reader makes room; a datagram
 * makes a datagram socket readable. Paths /tmp/ut-poll-*.
 */
#include "unixtests.h"

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/select.h>
#include <sys/time.h>
#include <unistd.h>

#define DELAY_MS 100

/* poll one fd: the revents, 0 on a timeout, or -errno */
static int poll_one(int fd, int events, int timeout_ms)
{
	struct pollfd pfd = { fd, events, 0 };
	int n = poll(&pfd, 1, timeout_ms);

	if (n < 0)
		return -errno;
	return n ? pfd.revents : 0;
}

/* select for reading on one fd: 1 if readable, 0 on a timeout, or -errno */
static int select_read(int fd, int timeout_ms)
{
	struct timeval tv = { timeout_ms / 1000, (timeout_ms % 1000) * 1000 };
	fd_set set;
	int n;

	FD_ZERO(&set);
	FD_SET(fd, &set);
	n = select(fd + 1, &set, NULL, NULL, &tv);
	if (n < 0)
		return -errno;
	return n && FD_ISSET(fd, &set);
}

/* The wait took at least the helper's pause, and not the whole timeout. */
#define EXPECT_WOKEN(start)                                              \
	do {                                                             \
		long waited_ = now_ms() - (start);                       \
		EXPECT(waited_ >= DELAY_MS - 10 && waited_ < 2500,       \
		       "expected to wake after about %d ms, got %ld ms", \
		       DELAY_MS, waited_);                               \
	} while (0)

/* The helpers: after a pause, act on the other end. */
static int write_later(void *arg)
{
	sleep_ms(DELAY_MS);
	return write(*(int *)arg, "x", 1) == 1 ? 0 : 1;
}

static int close_later(void *arg)
{
	sleep_ms(DELAY_MS);
	return close(*(int *)arg) == 0 ? 0 : 1;
}

static int connect_later(void *arg)
{
	const char *path = arg;
	socklen_t len;
	struct sockaddr_un addr = path_addr(path, &len);
	int fd;

	sleep_ms(DELAY_MS);
	fd = unix_connected(SOCK_STREAM, &addr, len);
	sleep_ms(500); /* keep it open while the parent accepts */
	return fd < 0 ? 1 : 0;
}

static void poll_idle_and_data(void)
{
	int sv[2];
	char c;

	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, sv)));
	EXPECT_EQ(POLLOUT, poll_one(sv[0], POLLIN | POLLOUT, 0));
	EXPECT_EQ(0, poll_one(sv[0], POLLIN, 0));
	EXPECT_EQ(0, select_read(sv[0], 0));
	EXPECT_RET(1, LIBC(write(sv[1], "x", 1)));
	EXPECT_EQ(POLLIN | POLLOUT, poll_one(sv[0], POLLIN | POLLOUT, 0));
	EXPECT_EQ(1, select_read(sv[0], 0));
	EXPECT_RET(1, LIBC(read(sv[0], &c, 1)));
	EXPECT_EQ(0, poll_one(sv[0], POLLIN, 0));
}

static void poll_wakes_on_data(void)
{
	int sv[2];
	long start;
	pid_t pid;

	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, sv)));
	EXPECT_OK(pid = spawn(write_later, &sv[1]));
	start = now_ms();
	EXPECT_EQ(POLLIN, poll_one(sv[0], POLLIN, 5000));
	EXPECT_WOKEN(start);
	EXPECT_EXITED(wait_status(pid), 0);
}

static void select_wakes_on_data(void)
{
	int sv[2];
	long start;
	pid_t pid;

	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, sv)));
	EXPECT_OK(pid = spawn(write_later, &sv[1]));
	start = now_ms();
	EXPECT_EQ(1, select_read(sv[0], 5000));
	EXPECT_WOKEN(start);
	EXPECT_EXITED(wait_status(pid), 0);
}

static void poll_listener_wakes(void)
{
	static char path[] = "/tmp/ut-poll-listener";
	socklen_t len;
	struct sockaddr_un addr = path_addr(path, &len);
	int listener;
	long start;
	pid_t pid;

	EXPECT_OK(listener = unix_listener(&addr, len));
	EXPECT_EQ(0, poll_one(listener, POLLIN | POLLOUT, 0));
	EXPECT_OK(pid = spawn(connect_later, path));
	start = now_ms();
	EXPECT_EQ(POLLIN, poll_one(listener, POLLIN, 5000));
	EXPECT_WOKEN(start);
	EXPECT_OK(LIBC(accept(listener, NULL, NULL)));
	EXPECT_EQ(0, poll_one(listener, POLLIN, 0));
	EXPECT_EXITED(wait_status(pid), 0);
	unlink(path);
}

/* The peer is gone: POLLIN (read returns 0) and POLLHUP. */
static void poll_hup_after_close(void)
{
	int sv[2];
	char c;

	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, sv)));
	EXPECT_RET(0, LIBC(close(sv[1])));
	EXPECT_EQ(POLLIN | POLLHUP, poll_one(sv[0], POLLIN, 0));
	EXPECT_EQ(1, select_read(sv[0], 0));
	EXPECT_RET(0, LIBC(read(sv[0], &c, 1)));
}

static void poll_wakes_on_close(void)
{
	int sv[2];
	long start;
	pid_t pid;

	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, sv)));
	EXPECT_OK(pid = spawn(close_later, &sv[1]));
	EXPECT_RET(0, LIBC(close(sv[1]))); /* the child's copy is the last */
	start = now_ms();
	EXPECT_EQ(POLLIN | POLLHUP, poll_one(sv[0], POLLIN, 5000));
	EXPECT_WOKEN(start);
	EXPECT_EXITED(wait_status(pid), 0);
}

/* Half closed: readable (EOF) but no POLLHUP; still writable. */
static void poll_after_shutdown_wr(void)
{
	int sv[2];
	char c;

	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, sv)));
	EXPECT_RET(0, LIBC(shutdown(sv[1], SHUT_WR)));
	EXPECT_EQ(POLLIN | POLLOUT, poll_one(sv[0], POLLIN | POLLOUT, 0));
	EXPECT_RET(0, LIBC(read(sv[0], &c, 1)));
	EXPECT_RET(1, LIBC(write(sv[0], "x", 1)));
}

/* Fill a stream until a non-blocking write is EAGAIN: no POLLOUT then;
 * once the reader drains it, POLLOUT again. */
static void poll_pollout_after_drain(void)
{
	static char buf[4096];
	int sv[2], rounds = 0;
	long ret;

	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, sv)));
	do
		ret = LIBC(send(sv[0], buf, sizeof(buf), MSG_DONTWAIT));
	while (ret > 0 && ++rounds < 100000);
	EXPECT_RET(-EAGAIN, ret);
	EXPECT_EQ(0, poll_one(sv[0], POLLOUT, 0));
	do
		ret = LIBC(recv(sv[1], buf, sizeof(buf), MSG_DONTWAIT));
	while (ret > 0);
	EXPECT_RET(-EAGAIN, ret);
	EXPECT_EQ(POLLOUT, poll_one(sv[0], POLLOUT, 1000));
}

static void poll_dgram(void)
{
	int sv[2];
	char c;

	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv)));
	EXPECT_EQ(POLLOUT, poll_one(sv[0], POLLIN | POLLOUT, 0));
	EXPECT_RET(1, LIBC(send(sv[1], "d", 1, 0)));
	EXPECT_EQ(POLLIN | POLLOUT, poll_one(sv[0], POLLIN | POLLOUT, 0));
	EXPECT_RET(1, LIBC(recv(sv[0], &c, 1, 0)));
	EXPECT_EQ(0, poll_one(sv[0], POLLIN, 0));
}

const struct test_case unix_poll_tests[] = {
	{ "poll_idle_and_data", poll_idle_and_data },
	{ "poll_wakes_on_data", poll_wakes_on_data },
	{ "select_wakes_on_data", select_wakes_on_data },
	{ "poll_listener_wakes", poll_listener_wakes },
	{ "poll_hup_after_close", poll_hup_after_close },
	{ "poll_wakes_on_close", poll_wakes_on_close },
	{ "poll_after_shutdown_wr", poll_after_shutdown_wr },
	{ "poll_pollout_after_drain", poll_pollout_after_drain },
	{ "poll_dgram", poll_dgram },
	{ 0, 0 },
};
