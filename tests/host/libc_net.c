/* Host test of libc's socket calls (all through socketcall) and address
 * conversions, against the host's TCP/IP on 127.0.0.1. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

static void test_byteorder(void)
{
	const char *n = "htons/htonl/ntohs/ntohl";
	uint32_t v = htonl(0x01020304);
	const unsigned char *b = (const unsigned char *)&v;

	EXPECT_TRUE(n, b[0] == 1 && b[1] == 2 && b[2] == 3 && b[3] == 4);
	EXPECT_INT(n, 0x3412, htons(0x1234));
	EXPECT_INT(n, 0x1234, ntohs(htons(0x1234)));
	EXPECT_INT(n, 0x01020304, ntohl(v));
	EXPECT_INT(n, 5001, ntohs(htons(5001)));
	PASS(n);
}

static void test_pton_ntop(void)
{
	static const char *const bad[] = {
		"",	    "1.2.3",	"1.2.3.4.5", "256.1.1.1",
		"1.2.3.-4", "01.2.3.4", "1..2.3",    "1.2.3.4 ",
		" 1.2.3.4", "a.b.c.d",	"1.2.3.4x",  "1.2.3.",
	};
	const char *n = "inet_pton/inet_ntop";
	unsigned char a[4];
	char text[INET_ADDRSTRLEN];
	unsigned i;

	EXPECT_INT(n, 1, inet_pton(AF_INET, "127.0.0.1", a));
	EXPECT_TRUE(n, a[0] == 127 && a[1] == 0 && a[2] == 0 && a[3] == 1);
	EXPECT_INT(n, 1, inet_pton(AF_INET, "255.255.255.255", a));
	EXPECT_INT(n, 1, inet_pton(AF_INET, "0.0.0.0", a));
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (inet_pton(AF_INET, bad[i], a) != 0)
			FAIL(n,
			     "inet_pton(\"%s\"): expected 0 (invalid), got 1",
			     bad[i]);
	EXPECT_INT(n, -1, inet_pton(AF_INET6, "::1", a));
	EXPECT_INT(n, EAFNOSUPPORT, errno);

	a[0] = 10, a[1] = 0, a[2] = 2, a[3] = 15;
	EXPECT_STR(n, "10.0.2.15", inet_ntop(AF_INET, a, text, sizeof(text)));
	a[0] = a[1] = a[2] = a[3] = 255;
	EXPECT_STR(n, "255.255.255.255",
		   inet_ntop(AF_INET, a, text, sizeof(text)));
	EXPECT_TRUE(n, inet_ntop(AF_INET, a, text, 15) ==
			       NULL); /* no room for NUL */
	EXPECT_INT(n, ENOSPC, errno);
	EXPECT_TRUE(n, inet_ntop(AF_INET6, a, text, sizeof(text)) == NULL);
	EXPECT_INT(n, EAFNOSUPPORT, errno);
	PASS(n);
}

static void test_aton(void)
{
	const char *n = "inet_aton/inet_addr/inet_ntoa";
	struct in_addr in;

	EXPECT_INT(n, 1, inet_aton("192.168.1.2", &in));
	EXPECT_INT(n, htonl(0xc0a80102), in.s_addr);
	EXPECT_STR(n, "192.168.1.2", inet_ntoa(in));
	EXPECT_INT(n, 1, inet_aton("127.1", &in)); /* a.b: b fills 24 bits */
	EXPECT_STR(n, "127.0.0.1", inet_ntoa(in));
	EXPECT_INT(n, 1,
		   inet_aton("10.1.258", &in)); /* a.b.c: c fills 16 bits */
	EXPECT_STR(n, "10.1.1.2", inet_ntoa(in));
	EXPECT_INT(n, 1, inet_aton("0x7f000001", &in));
	EXPECT_STR(n, "127.0.0.1", inet_ntoa(in));
	EXPECT_INT(n, 1, inet_aton("010.0.0.1", &in)); /* octal */
	EXPECT_STR(n, "8.0.0.1", inet_ntoa(in));
	EXPECT_INT(n, 0, inet_aton("1.2.3.256", &in));
	EXPECT_INT(n, 0, inet_aton("1.2.3.4.5", &in));
	EXPECT_INT(n, 0, inet_aton("x", &in));
	EXPECT_INT(n, 0, inet_aton("", &in));
	EXPECT_INT(n, htonl(INADDR_LOOPBACK), inet_addr("127.0.0.1"));
	EXPECT_INT(n, INADDR_NONE, inet_addr("300.1.1.1"));
	PASS(n);
}

/* a TCP socket listening on 127.0.0.1 at a port the kernel picks */
static int listen_loopback(struct sockaddr_in *addr)
{
	socklen_t len = sizeof(*addr);
	int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1;

	if (fd < 0)
		return -1;
	memset(addr, 0, sizeof(*addr));
	addr->sin_family = AF_INET;
	addr->sin_port = 0;
	addr->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) < 0 ||
	    bind(fd, (struct sockaddr *)addr, sizeof(*addr)) < 0 ||
	    listen(fd, 5) < 0 ||
	    getsockname(fd, (struct sockaddr *)addr, &len) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

static void test_tcp(void)
{
	const char *n =
		"TCP on 127.0.0.1: socket/bind/listen/connect/accept/send/recv";
	struct sockaddr_in addr, peer, local;
	socklen_t len;
	int lfd, cfd, sfd, type, one = 1;
	char buf[64];

	lfd = listen_loopback(&addr);
	EXPECT_TRUE(n, lfd >= 0);
	EXPECT_TRUE(n, ntohs(addr.sin_port) != 0);
	cfd = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
	EXPECT_TRUE(n, cfd >= 0);
	EXPECT_OK(n, connect(cfd, (struct sockaddr *)&addr, sizeof(addr)));
	len = sizeof(peer);
	sfd = accept(lfd, (struct sockaddr *)&peer, &len);
	EXPECT_TRUE(n, sfd >= 0);
	EXPECT_INT(n, sizeof(peer), len);
	EXPECT_INT(n, AF_INET, peer.sin_family);
	EXPECT_INT(n, htonl(INADDR_LOOPBACK), peer.sin_addr.s_addr);

	len = sizeof(local);
	EXPECT_OK(n, getsockname(cfd, (struct sockaddr *)&local, &len));
	EXPECT_INT(n, local.sin_port, peer.sin_port); /* the two ends agree */
	len = sizeof(peer);
	EXPECT_OK(n, getpeername(cfd, (struct sockaddr *)&peer, &len));
	EXPECT_INT(n, addr.sin_port, peer.sin_port);

	EXPECT_INT(n, 6, send(cfd, "hello\n", 6, 0));
	EXPECT_INT(n, 6, recv(sfd, buf, 6, MSG_WAITALL));
	EXPECT_TRUE(n, !memcmp(buf, "hello\n", 6));
	EXPECT_INT(n, 3, write(sfd, "hi\n", 3)); /* a socket is a file too */
	EXPECT_INT(n, 3, read(cfd, buf, sizeof(buf)));
	EXPECT_TRUE(n, !memcmp(buf, "hi\n", 3));
	EXPECT_INT(n, 4, send(cfd, "peek", 4, 0));
	EXPECT_INT(n, 4, recv(sfd, buf, 4, MSG_PEEK | MSG_WAITALL));
	EXPECT_INT(n, 4, recv(sfd, buf, 4, 0));

	len = sizeof(type);
	EXPECT_OK(n, getsockopt(cfd, SOL_SOCKET, SO_TYPE, &type, &len));
	EXPECT_INT(n, SOCK_STREAM, type);
	EXPECT_OK(n,
		  setsockopt(cfd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one)));
	len = sizeof(type);
	EXPECT_OK(n, getsockopt(cfd, IPPROTO_TCP, TCP_NODELAY, &type, &len));
	EXPECT_INT(n, 1, type);

	EXPECT_INT(n, -1, recv(sfd, buf, sizeof(buf), MSG_DONTWAIT));
	EXPECT_INT(n, EAGAIN, errno);
	EXPECT_OK(n, shutdown(cfd, SHUT_WR));
	EXPECT_INT(n, 0, recv(sfd, buf, sizeof(buf), 0)); /* the peer's FIN */
	close(cfd);
	close(sfd);
	close(lfd);
	PASS(n);
}

/* A child connects and talks while the parent serves: the DESIGN's
 * replyhi/hello pair in miniature. */
static void test_tcp_fork(void)
{
	const char *n = "TCP client in a child process";
	struct sockaddr_in addr;
	int lfd, sfd, status;
	char buf[64];
	ssize_t r;
	pid_t pid;

	lfd = listen_loopback(&addr);
	EXPECT_TRUE(n, lfd >= 0);
	pid = fork();
	if (pid == 0) {
		int fd = socket(AF_INET, SOCK_STREAM, 0);

		if (fd < 0 ||
		    connect(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0)
			_exit(1);
		if (send(fd, "hello", 5, 0) != 5)
			_exit(2);
		if (recv(fd, buf, sizeof(buf), MSG_WAITALL) != 2 ||
		    memcmp(buf, "hi", 2))
			_exit(3);
		_exit(0);
	}
	sfd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
	EXPECT_TRUE(n, sfd >= 0);
	EXPECT_INT(n, FD_CLOEXEC, fcntl(sfd, F_GETFD));
	r = recv(sfd, buf, 5, MSG_WAITALL);
	EXPECT_INT(n, 5, r);
	EXPECT_TRUE(n, !memcmp(buf, "hello", 5));
	EXPECT_INT(n, 2, send(sfd, "hi", 2, 0));
	close(sfd);
	close(lfd);
	waitpid(pid, &status, 0);
	EXPECT_INT(n, 0, status);
	PASS(n);
}

static void test_errors(void)
{
	const char *n = "socket errors (ECONNREFUSED, ENOTSOCK, EPIPE)";
	struct sockaddr_in addr;
	int lfd, fd, fds[2], sv[2];

	/* a port nobody listens on: take one, then close it */
	lfd = listen_loopback(&addr);
	EXPECT_TRUE(n, lfd >= 0);
	close(lfd);
	fd = socket(AF_INET, SOCK_STREAM, 0);
	EXPECT_INT(n, -1, connect(fd, (struct sockaddr *)&addr, sizeof(addr)));
	EXPECT_STR(n, "ECONNREFUSED", strerrorname_np(errno));
	close(fd);

	EXPECT_OK(n, pipe(fds));
	EXPECT_INT(n, -1, bind(fds[0], (struct sockaddr *)&addr, sizeof(addr)));
	EXPECT_INT(n, ENOTSOCK, errno);
	close(fds[0]);
	close(fds[1]);
	EXPECT_INT(n, -1, socket(AF_INET, 99, 0));
	EXPECT_TRUE(n, errno == EINVAL || errno == ESOCKTNOSUPPORT);
	EXPECT_INT(n, -1, listen(-1, 1));
	EXPECT_INT(n, EBADF, errno);

	EXPECT_OK(n, socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	close(sv[1]);
	EXPECT_INT(n, -1, send(sv[0], "x", 1, MSG_NOSIGNAL));
	EXPECT_INT(n, EPIPE, errno);
	close(sv[0]);
	PASS(n);
}

static void test_udp(void)
{
	const char *n = "UDP sendto/recvfrom";
	struct sockaddr_in a, from;
	socklen_t len = sizeof(a);
	int s1, s2;
	char buf[32];

	s1 = socket(AF_INET, SOCK_DGRAM, 0);
	s2 = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
	EXPECT_TRUE(n, s1 >= 0 && s2 >= 0);
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = inet_addr("127.0.0.1");
	EXPECT_OK(n, bind(s1, (struct sockaddr *)&a, sizeof(a)));
	EXPECT_OK(n, getsockname(s1, (struct sockaddr *)&a, &len));
	EXPECT_INT(n, 5,
		   sendto(s2, "datag", 5, 0, (struct sockaddr *)&a, sizeof(a)));
	len = sizeof(from);
	EXPECT_INT(n, 5,
		   recvfrom(s1, buf, sizeof(buf), 0, (struct sockaddr *)&from,
			    &len));
	EXPECT_TRUE(n, !memcmp(buf, "datag", 5));
	EXPECT_INT(n, htonl(INADDR_LOOPBACK), from.sin_addr.s_addr);
	EXPECT_INT(n, 2, sendto(s1, "ok", 2, 0, (struct sockaddr *)&from, len));
	EXPECT_INT(n, 2, recv(s2, buf, sizeof(buf), 0));
	close(s1);
	close(s2);
	PASS(n);
}

static void test_msg(void)
{
	const char *n = "sendmsg/recvmsg with iovecs (socketpair)";
	struct iovec out[2] = { { "scatter", 7 }, { "-gather", 7 } };
	struct iovec in[2];
	struct msghdr msg;
	char a[5], b[20];
	int sv[2];

	EXPECT_OK(n, socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	memset(&msg, 0, sizeof(msg));
	msg.msg_iov = out;
	msg.msg_iovlen = 2;
	EXPECT_INT(n, 14, sendmsg(sv[0], &msg, 0));
	in[0].iov_base = a;
	in[0].iov_len = sizeof(a);
	in[1].iov_base = b;
	in[1].iov_len = sizeof(b);
	msg.msg_iov = in;
	EXPECT_INT(n, 14, recvmsg(sv[1], &msg, 0));
	EXPECT_TRUE(n, !memcmp(a, "scatt", 5) && !memcmp(b, "er-gather", 9));
	EXPECT_INT(n, 7, writev(sv[1], out, 1));
	EXPECT_INT(n, 7, readv(sv[0], in, 2));
	close(sv[0]);
	close(sv[1]);
	PASS(n);
}

static void test_poll_select(void)
{
	const char *n = "poll/select";
	struct pollfd p[2];
	struct timeval tv = { 0, 0 };
	fd_set rd, wr;
	int fds[2];
	char c;

	EXPECT_OK(n, pipe(fds));
	p[0].fd = fds[0];
	p[0].events = POLLIN;
	p[1].fd = fds[1];
	p[1].events = POLLOUT;
	EXPECT_INT(n, 1, poll(p, 2, 0)); /* only the write end is ready */
	EXPECT_INT(n, 0, p[0].revents);
	EXPECT_INT(n, POLLOUT, p[1].revents);
	write(fds[1], "x", 1);
	EXPECT_INT(n, 2, poll(p, 2, 100));
	EXPECT_INT(n, POLLIN, p[0].revents);

	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_SET(fds[0], &rd);
	FD_SET(fds[1], &wr);
	EXPECT_INT(n, 2, select(fds[1] + 1, &rd, &wr, NULL, &tv));
	EXPECT_TRUE(n, FD_ISSET(fds[0], &rd) && FD_ISSET(fds[1], &wr));
	close(fds[1]);
	EXPECT_INT(n, 1, read(fds[0], &c, 1));
	p[0].events = POLLIN;
	EXPECT_INT(n, 1, poll(p, 1, 100));
	EXPECT_TRUE(n, p[0].revents & POLLHUP); /* writer closed */
	FD_ZERO(&rd);
	FD_SET(fds[0], &rd);
	FD_CLR(fds[0], &rd);
	EXPECT_INT(n, 0, FD_ISSET(fds[0], &rd));
	close(fds[0]);
	p[0].fd = fds[0];
	EXPECT_INT(n, 1, poll(p, 1, 0));
	EXPECT_INT(n, POLLNVAL, p[0].revents);
	PASS(n);
}

int main(void)
{
	CHECK_START();
	signal(SIGPIPE, SIG_IGN);
	test_byteorder();
	test_pton_ntop();
	test_aton();
	test_tcp();
	test_tcp_fork();
	test_errors();
	test_udp();
	test_msg();
	test_poll_select();
	CHECK_END();
}
