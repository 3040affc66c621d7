/*
 * nonblock: calls that must not sleep. SOCK_NONBLOCK and O_NONBLOCK (fcntl)
 * make accept, recv and a full send return EAGAIN; MSG_DONTWAIT does it for
 * one call; connect returns EINPROGRESS and finishes in the background
 * (poll says POLLOUT, SO_ERROR says how it went); SOCK_CLOEXEC sets
 * FD_CLOEXEC; MSG_PEEK reads without taking. Ports 6200-6299.
 */
#include "sockettests.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

/* poll one fd for events; the revents, 0 on a timeout, or -errno */
static int poll_one(int fd, int events, int timeout_ms)
{
	struct pollfd pfd = { fd, events, 0 };
	int n = poll(&pfd, 1, timeout_ms);

	if (n < 0)
		return -errno;
	return n ? pfd.revents : 0;
}

static int so_error(int fd)
{
	int err = -1;
	socklen_t len = sizeof(err);

	if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0)
		return -errno;
	return err;
}

static void accept_nonblock(void)
{
	struct sockaddr_in addr = loopback(6200);
	int listener, client, conn, one = 1;

	EXPECT_OK(listener = LIBC(
			  socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0)));
	EXPECT_RET(0, LIBC(setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one,
				      sizeof(one))));
	EXPECT_RET(0, LIBC(bind(listener, (struct sockaddr *)&addr,
				sizeof(addr))));
	EXPECT_RET(0, LIBC(listen(listener, 4)));
	EXPECT_RET(-EAGAIN, LIBC(accept(listener, NULL, NULL)));
	EXPECT_OK(client = tcp_connect(6200));
	EXPECT_EQ(POLLIN, poll_one(listener, POLLIN, 2000));
	EXPECT_OK(conn = LIBC(accept(listener, NULL, NULL)));
	/* Linux: the new socket does not inherit O_NONBLOCK */
	EXPECT_EQ(O_RDWR, LIBC(fcntl(conn, F_GETFL)));
	EXPECT_RET(-EAGAIN, LIBC(accept(listener, NULL, NULL)));
}

static void fcntl_nonblock(void)
{
	int client, server, flags;
	char buf[4];

	EXPECT_OK(tcp_pair(6201, &client, &server));
	EXPECT_EQ(O_RDWR, flags = LIBC(fcntl(server, F_GETFL)));
	EXPECT_RET(0, LIBC(fcntl(server, F_SETFL, flags | O_NONBLOCK)));
	EXPECT_EQ(O_RDWR | O_NONBLOCK, LIBC(fcntl(server, F_GETFL)));
	EXPECT_RET(-EAGAIN, LIBC(recv(server, buf, sizeof(buf), 0)));
	EXPECT_RET(-EAGAIN, LIBC(read(server, buf, sizeof(buf))));
	EXPECT_RET(1, LIBC(send(client, "x", 1, 0)));
	EXPECT_EQ(POLLIN, poll_one(server, POLLIN, 2000));
	EXPECT_RET(1, LIBC(read(server, buf, sizeof(buf))));
	EXPECT_RET(-EAGAIN, LIBC(read(server, buf, sizeof(buf))));
}

static void sock_nonblock_flag(void)
{
	int fd;

	EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_STREAM, 0)));
	EXPECT_EQ(O_RDWR, LIBC(fcntl(fd, F_GETFL)));
	EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0)));
	EXPECT_EQ(O_RDWR | O_NONBLOCK, LIBC(fcntl(fd, F_GETFL)));
	EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0)));
	EXPECT_EQ(O_RDWR | O_NONBLOCK, LIBC(fcntl(fd, F_GETFL)));
}

static void recv_dontwait(void)
{
	int client, server;
	char buf[4];

	EXPECT_OK(tcp_pair(6202, &client, &server));
	EXPECT_RET(-EAGAIN, LIBC(recv(server, buf, sizeof(buf), MSG_DONTWAIT)));
	EXPECT_EQ(O_RDWR, LIBC(fcntl(server, F_GETFL))); /* still blocking */
	EXPECT_RET(2, LIBC(send(client, "ab", 2, MSG_DONTWAIT)));
	EXPECT_EQ(POLLIN, poll_one(server, POLLIN, 2000));
	EXPECT_RET(2, LIBC(recv(server, buf, sizeof(buf), MSG_DONTWAIT)));
}

static void connect_nonblock(void)
{
	struct sockaddr_in addr = loopback(6203);
	int listener, fd, revents;

	EXPECT_OK(listener = tcp_listener(6203));
	EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0)));
	EXPECT_RET(-EINPROGRESS,
		   LIBC(connect(fd, (struct sockaddr *)&addr, sizeof(addr))));
	revents = poll_one(fd, POLLOUT, 2000);
	EXPECT(revents == POLLOUT, "expected POLLOUT (0x%x), got revents 0x%x",
	       POLLOUT, revents);
	EXPECT_RET(0, so_error(fd));
	/* Linux: the first connect after completion says 0 (it moves the
	 * socket to connected; programs use it to learn the outcome), the
	 * next one EISCONN */
	EXPECT_RET(0,
		   LIBC(connect(fd, (struct sockaddr *)&addr, sizeof(addr))));
	EXPECT_RET(-EISCONN,
		   LIBC(connect(fd, (struct sockaddr *)&addr, sizeof(addr))));
	EXPECT_OK(LIBC(accept(listener, NULL, NULL)));
}

static void connect_nonblock_refused(void)
{
	struct sockaddr_in addr = loopback(6204); /* nobody listens */
	int fd, revents;

	EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0)));
	EXPECT_RET(-EINPROGRESS,
		   LIBC(connect(fd, (struct sockaddr *)&addr, sizeof(addr))));
	revents = poll_one(fd, POLLOUT, 2000);
	EXPECT(revents & (POLLERR | POLLHUP),
	       "expected POLLERR|POLLHUP, got revents 0x%x", revents);
	EXPECT_RET(ECONNREFUSED, so_error(fd));
	EXPECT_RET(0, so_error(fd)); /* reading SO_ERROR clears it */
}

static void sock_cloexec(void)
{
	int listener, fd, conn;

	EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_STREAM, 0)));
	EXPECT_EQ(0, LIBC(fcntl(fd, F_GETFD)));
	EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)));
	EXPECT_EQ(FD_CLOEXEC, LIBC(fcntl(fd, F_GETFD)));
	EXPECT_EQ(O_RDWR, LIBC(fcntl(fd, F_GETFL)));

	EXPECT_OK(listener = tcp_listener(6205));
	EXPECT_OK(tcp_connect(6205));
	EXPECT_OK(tcp_connect(6205));
	EXPECT_OK(tcp_connect(6205));
	EXPECT_RET(-EINVAL, LIBC(accept4(listener, NULL, NULL, 1)));
	EXPECT_OK(conn = LIBC(accept4(listener, NULL, NULL, SOCK_CLOEXEC)));
	EXPECT_EQ(FD_CLOEXEC, LIBC(fcntl(conn, F_GETFD)));
	EXPECT_EQ(O_RDWR, LIBC(fcntl(conn, F_GETFL)));
	EXPECT_OK(conn = LIBC(accept4(listener, NULL, NULL, SOCK_NONBLOCK)));
	EXPECT_EQ(0, LIBC(fcntl(conn, F_GETFD)));
	EXPECT_EQ(O_RDWR | O_NONBLOCK, LIBC(fcntl(conn, F_GETFL)));
	EXPECT_OK(conn = LIBC(accept4(listener, NULL, NULL, 0)));
	EXPECT_EQ(0, LIBC(fcntl(conn, F_GETFD)));
	EXPECT_EQ(O_RDWR, LIBC(fcntl(conn, F_GETFL)));
}

static void msg_peek(void)
{
	int client, server;
	char buf[8];

	EXPECT_OK(tcp_pair(6206, &client, &server));
	EXPECT_RET(3, LIBC(send(client, "abc", 3, 0)));
	EXPECT_EQ(POLLIN, poll_one(server, POLLIN, 2000));
	memset(buf, 0, sizeof(buf));
	EXPECT_RET(3, LIBC(recv(server, buf, sizeof(buf), MSG_PEEK)));
	EXPECT(memcmp(buf, "abc", 3) == 0, "expected \"abc\", got \"%.3s\"",
	       buf);
	memset(buf, 0, sizeof(buf));
	EXPECT_RET(2, LIBC(recv(server, buf, 2, MSG_PEEK)));
	EXPECT_RET(3, LIBC(recv(server, buf, sizeof(buf), 0))); /* still all */
	EXPECT(memcmp(buf, "abc", 3) == 0, "expected \"abc\", got \"%.3s\"",
	       buf);
	EXPECT_RET(-EAGAIN, LIBC(recv(server, buf, sizeof(buf), MSG_DONTWAIT)));
}

/* A non-blocking sender fills the buffers and gets EAGAIN; once the
 * reader takes some data, poll says POLLOUT again. */
static void send_nonblock_full(void)
{
	static char chunk[4096];
	int client, server, small = 8192, cap = 4 << 20;
	long total = 0, ret = 0, got;

	EXPECT_OK(tcp_pair(6207, &client, &server));
	/* keep Linux's buffers small: the test is about EAGAIN, not volume */
	EXPECT_RET(0, LIBC(setsockopt(client, SOL_SOCKET, SO_SNDBUF, &small,
				      sizeof(small))));
	EXPECT_RET(0, LIBC(setsockopt(server, SOL_SOCKET, SO_RCVBUF, &small,
				      sizeof(small))));
	EXPECT_RET(0, LIBC(fcntl(client, F_SETFL, O_NONBLOCK)));
	while (total < cap) {
		ret = LIBC(send(client, chunk, sizeof(chunk), 0));
		if (ret < 0)
			break;
		total += ret;
	}
	EXPECT_RET(-EAGAIN, ret);
	EXPECT(total > 0, "expected some bytes sent before EAGAIN, got %ld",
	       total);
	EXPECT_EQ(0, poll_one(client, POLLOUT, 0));
	for (got = 0; got < total;) {
		ret = LIBC(recv(server, chunk, sizeof(chunk), 0));
		EXPECT(ret > 0, "expected data, got %s", result_str(ret));
		got += ret;
		if (poll_one(client, POLLOUT, 0) == POLLOUT)
			break;
	}
	EXPECT_EQ(POLLOUT, poll_one(client, POLLOUT, 2000));
}

const struct test_case nonblock_tests[] = {
	{ "accept_nonblock", accept_nonblock },
	{ "fcntl_nonblock", fcntl_nonblock },
	{ "sock_nonblock_flag", sock_nonblock_flag },
	{ "recv_dontwait", recv_dontwait },
	{ "connect_nonblock", connect_nonblock },
	{ "connect_nonblock_refused", connect_nonblock_refused },
	{ "sock_cloexec", sock_cloexec },
	{ "msg_peek", msg_peek },
	{ "send_nonblock_full", send_nonblock_full },
	{ 0, 0 },
};
