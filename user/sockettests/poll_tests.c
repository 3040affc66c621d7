/*
 * poll: waiting on sockets. poll and select wake a sleeper as soon as a
 * connection arrives on a listener (POLLIN), data arrives (POLLIN), the peer
 * closes (POLLIN, and read returns 0) or resets (POLLERR); a connected
 * socket is writable (POLLOUT); one never connected reports POLLHUP, so a
 * poll on it does not sleep. Ports 6300-6399.
 */
#include "sockettests.h"

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#define HELPER_DELAY_MS 100

/* poll one fd; the revents, 0 on a timeout, or -errno */
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

/* The helpers: after a pause, act on the other end. */
static int connect_later(void *arg)
{
	int port = *(int *)arg, fd;

	sleep_ms(HELPER_DELAY_MS);
	fd = tcp_connect(port);
	sleep_ms(500); /* keep it open while the parent accepts */
	return fd < 0 ? 1 : 0;
}

static int send_later(void *arg)
{
	int fd = *(int *)arg;

	sleep_ms(HELPER_DELAY_MS);
	return send(fd, "x", 1, 0) == 1 ? 0 : 1;
}

static int close_later(void *arg)
{
	sleep_ms(HELPER_DELAY_MS);
	return close(*(int *)arg) == 0 ? 0 : 1;
}

/* The wait took at least the helper's pause, and not the whole timeout. */
#define EXPECT_WOKEN(start)                                               \
	do {                                                              \
		long waited_ = now_ms() - (start);                        \
		EXPECT(waited_ >= HELPER_DELAY_MS - 10 && waited_ < 2500, \
		       "expected to wake after about %d ms, got %ld ms",  \
		       HELPER_DELAY_MS, waited_);                         \
	} while (0)

static void poll_listener_wakes(void)
{
	int listener, port = 6300;
	long start;
	pid_t pid;

	EXPECT_OK(listener = tcp_listener(port));
	EXPECT_EQ(0, poll_one(listener, POLLIN | POLLOUT, 0));
	EXPECT_OK(pid = spawn(connect_later, &port));
	start = now_ms();
	EXPECT_EQ(POLLIN, poll_one(listener, POLLIN, 5000));
	EXPECT_WOKEN(start);
	EXPECT_OK(LIBC(accept(listener, NULL, NULL)));
	EXPECT_EXITED(wait_status(pid), 0);
}

static void select_listener_wakes(void)
{
	int listener, port = 6301;
	long start;
	pid_t pid;

	EXPECT_OK(listener = tcp_listener(port));
	EXPECT_EQ(0, select_read(listener, 0));
	EXPECT_OK(pid = spawn(connect_later, &port));
	start = now_ms();
	EXPECT_EQ(1, select_read(listener, 5000));
	EXPECT_WOKEN(start);
	EXPECT_OK(LIBC(accept(listener, NULL, NULL)));
	EXPECT_EXITED(wait_status(pid), 0);
}

static void poll_data_wakes(void)
{
	int client, server;
	long start;
	pid_t pid;
	char c;

	EXPECT_OK(tcp_pair(6302, &client, &server));
	EXPECT_EQ(0, poll_one(server, POLLIN, 0));
	EXPECT_OK(pid = spawn(send_later, &client));
	start = now_ms();
	EXPECT_EQ(POLLIN, poll_one(server, POLLIN, 5000));
	EXPECT_WOKEN(start);
	EXPECT_RET(1, LIBC(read(server, &c, 1)));
	EXPECT_EQ(0, poll_one(server, POLLIN, 0)); /* drained */
	EXPECT_EXITED(wait_status(pid), 0);
}

static void select_data_wakes(void)
{
	int client, server;
	long start;
	pid_t pid;

	EXPECT_OK(tcp_pair(6303, &client, &server));
	EXPECT_EQ(0, select_read(server, 0));
	EXPECT_OK(pid = spawn(send_later, &client));
	start = now_ms();
	EXPECT_EQ(1, select_read(server, 5000));
	EXPECT_WOKEN(start);
	EXPECT_EXITED(wait_status(pid), 0);
}

/* The peer's FIN: readable, read returns 0. Only when our side has shut
 * down too does poll add POLLHUP (Linux's tcp_poll). */
static void poll_peer_close(void)
{
	int client, server, revents;
	long start;
	pid_t pid;
	char c;

	EXPECT_OK(tcp_pair(6304, &client, &server));
	EXPECT_OK(pid = spawn(close_later, &client));
	EXPECT_RET(0, LIBC(close(client))); /* the helper holds the last ref */
	start = now_ms();
	revents = poll_one(server, POLLIN, 5000);
	EXPECT_WOKEN(start);
	EXPECT_EQ(POLLIN, revents);
	EXPECT_RET(0, LIBC(read(server, &c, 1)));
	EXPECT_EQ(POLLIN | POLLOUT, poll_one(server, POLLIN | POLLOUT, 0));
	EXPECT_RET(0, LIBC(shutdown(server, SHUT_WR)));
	EXPECT_EQ(POLLIN | POLLOUT | POLLHUP,
		  poll_one(server, POLLIN | POLLOUT, 0));
	EXPECT_EXITED(wait_status(pid), 0);
}

/* The peer resets (SO_LINGER 0 then close): POLLERR, recv ECONNRESET. */
static void poll_peer_reset(void)
{
	struct linger linger = { 1, 0 };
	int client, server, revents;
	char c;

	EXPECT_OK(tcp_pair(6305, &client, &server));
	EXPECT_RET(0, LIBC(setsockopt(client, SOL_SOCKET, SO_LINGER, &linger,
				      sizeof(linger))));
	EXPECT_RET(0, LIBC(close(client)));
	revents = poll_one(server, POLLIN, 2000);
	EXPECT(revents & POLLERR, "expected POLLERR, got revents 0x%x",
	       revents);
	EXPECT(revents & POLLHUP, "expected POLLHUP, got revents 0x%x",
	       revents);
	EXPECT_RET(-ECONNRESET, LIBC(recv(server, &c, 1, 0)));
	EXPECT_RET(0, LIBC(recv(server, &c, 1, 0))); /* the error is gone */
}

static void poll_pollout_connected(void)
{
	struct pollfd pfd[2];
	int client, server;

	EXPECT_OK(tcp_pair(6306, &client, &server));
	pfd[0].fd = client;
	pfd[1].fd = server;
	pfd[0].events = pfd[1].events = POLLIN | POLLOUT;
	pfd[0].revents = pfd[1].revents = -1;
	EXPECT_RET(2, LIBC(poll(pfd, 2, 1000)));
	EXPECT_EQ(POLLOUT, pfd[0].revents);
	EXPECT_EQ(POLLOUT, pfd[1].revents);
}

/* A socket that never connected: Linux says POLLOUT | POLLHUP at once. */
static void poll_fresh_socket(void)
{
	int fd, revents;

	EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_STREAM, 0)));
	revents = poll_one(fd, POLLIN, 1000);
	EXPECT_EQ(POLLHUP, revents);
	revents = poll_one(fd, POLLIN | POLLOUT, 1000);
	EXPECT_EQ(POLLOUT | POLLHUP, revents);
}

/* Many fds in one poll: only the one with data is reported. */
static void poll_many_sockets(void)
{
	struct pollfd pfd[4];
	int client[4], server[4], i;

	for (i = 0; i < 4; i++) {
		EXPECT_OK(tcp_pair(6307 + i, &client[i], &server[i]));
		pfd[i].fd = server[i];
		pfd[i].events = POLLIN;
		pfd[i].revents = -1;
	}
	EXPECT_RET(1, LIBC(send(client[2], "x", 1, 0)));
	EXPECT_RET(1, LIBC(poll(pfd, 4, 2000)));
	for (i = 0; i < 4; i++)
		EXPECT_EQ(i == 2 ? POLLIN : 0, pfd[i].revents);
}

const struct test_case poll_tests[] = {
	{ "poll_listener_wakes", poll_listener_wakes },
	{ "select_listener_wakes", select_listener_wakes },
	{ "poll_data_wakes", poll_data_wakes },
	{ "select_data_wakes", select_data_wakes },
	{ "poll_peer_close", poll_peer_close },
	{ "poll_peer_reset", poll_peer_reset },
	{ "poll_pollout_connected", poll_pollout_connected },
	{ "poll_fresh_socket", poll_fresh_socket },
	{ "poll_many_sockets", poll_many_sockets },
	{ 0, 0 },
};
