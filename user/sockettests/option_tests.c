/*
 * options: setsockopt and getsockopt. Flags read back as set (SO_REUSEADDR,
 * SO_KEEPALIVE, TCP_NODELAY); read-only facts (SO_TYPE, SO_ERROR,
 * SO_ACCEPTCONN, buffer sizes); timeouts (SO_RCVTIMEO makes recv give up
 * with EAGAIN, SO_SNDTIMEO reads back); and the refusals: unknown option
 * ENOPROTOOPT, a wrong length EINVAL. Ports 6700-6799.
 */
#include "sockettests.h"

#include <errno.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

/* An int option's value, or -errno; the length must come back as 4. */
static int get_int(int fd, int level, int name)
{
	socklen_t len = sizeof(int);
	int value = -12345;

	if (getsockopt(fd, level, name, &value, &len) < 0)
		return -errno;
	if (len != sizeof(int))
		return -1000 - (int)len;
	return value;
}

static int set_int(int fd, int level, int name, int value)
{
	return setsockopt(fd, level, name, &value, sizeof(value)) < 0 ? -errno
								      : 0;
}

static void so_reuseaddr(void)
{
	int fd;

	EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_STREAM, 0)));
	EXPECT_EQ(0, get_int(fd, SOL_SOCKET, SO_REUSEADDR));
	EXPECT_RET(0, set_int(fd, SOL_SOCKET, SO_REUSEADDR, 1));
	EXPECT_EQ(1, get_int(fd, SOL_SOCKET, SO_REUSEADDR));
	EXPECT_RET(0, set_int(fd, SOL_SOCKET, SO_REUSEADDR, 0));
	EXPECT_EQ(0, get_int(fd, SOL_SOCKET, SO_REUSEADDR));
	EXPECT_RET(0, set_int(fd, SOL_SOCKET, SO_REUSEADDR, 7)); /* any != 0 */
	EXPECT_EQ(1, get_int(fd, SOL_SOCKET, SO_REUSEADDR));
}

static void so_type_and_friends(void)
{
	int tcp, udp;

	EXPECT_OK(tcp = LIBC(socket(AF_INET, SOCK_STREAM, 0)));
	EXPECT_OK(udp = LIBC(socket(AF_INET, SOCK_DGRAM, 0)));
	EXPECT_EQ(SOCK_STREAM, get_int(tcp, SOL_SOCKET, SO_TYPE));
	EXPECT_EQ(SOCK_DGRAM, get_int(udp, SOL_SOCKET, SO_TYPE));
	EXPECT_EQ(AF_INET, get_int(tcp, SOL_SOCKET, SO_DOMAIN));
	EXPECT_EQ(IPPROTO_TCP, get_int(tcp, SOL_SOCKET, SO_PROTOCOL));
	EXPECT_EQ(IPPROTO_UDP, get_int(udp, SOL_SOCKET, SO_PROTOCOL));
	EXPECT_EQ(0, get_int(tcp, SOL_SOCKET, SO_ACCEPTCONN));
	EXPECT_RET(0, LIBC(listen(tcp, 1)));
	EXPECT_EQ(1, get_int(tcp, SOL_SOCKET, SO_ACCEPTCONN));
	EXPECT_RET(-ENOPROTOOPT, set_int(tcp, SOL_SOCKET, SO_TYPE, 2));
}

static void so_error_fresh(void)
{
	int fd;

	EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_STREAM, 0)));
	EXPECT_EQ(0, get_int(fd, SOL_SOCKET, SO_ERROR));
	EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_DGRAM, 0)));
	EXPECT_EQ(0, get_int(fd, SOL_SOCKET, SO_ERROR));
}

static void so_buffer_sizes(void)
{
	int fd, size;

	EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_STREAM, 0)));
	size = get_int(fd, SOL_SOCKET, SO_RCVBUF);
	EXPECT(size > 0, "expected SO_RCVBUF > 0, got %s", result_str(size));
	size = get_int(fd, SOL_SOCKET, SO_SNDBUF);
	EXPECT(size > 0, "expected SO_SNDBUF > 0, got %s", result_str(size));
	EXPECT_RET(0, set_int(fd, SOL_SOCKET, SO_RCVBUF, 32768));
	EXPECT_RET(0, set_int(fd, SOL_SOCKET, SO_SNDBUF, 32768));
	size = get_int(fd, SOL_SOCKET, SO_RCVBUF);
	EXPECT(size > 0, "expected SO_RCVBUF > 0, got %s", result_str(size));
}

static void so_keepalive(void)
{
	int fd;

	EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_STREAM, 0)));
	EXPECT_EQ(0, get_int(fd, SOL_SOCKET, SO_KEEPALIVE));
	EXPECT_RET(0, set_int(fd, SOL_SOCKET, SO_KEEPALIVE, 1));
	EXPECT_EQ(1, get_int(fd, SOL_SOCKET, SO_KEEPALIVE));
	EXPECT_RET(0, set_int(fd, SOL_SOCKET, SO_KEEPALIVE, 0));
	EXPECT_EQ(0, get_int(fd, SOL_SOCKET, SO_KEEPALIVE));
}

static void tcp_nodelay(void)
{
	int fd, client, server;

	EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_STREAM, 0)));
	EXPECT_EQ(0, get_int(fd, IPPROTO_TCP, TCP_NODELAY));
	EXPECT_RET(0, set_int(fd, IPPROTO_TCP, TCP_NODELAY, 1));
	EXPECT_EQ(1, get_int(fd, IPPROTO_TCP, TCP_NODELAY));
	/* on a connected socket too */
	EXPECT_OK(tcp_pair(6700, &client, &server));
	EXPECT_RET(0, set_int(client, IPPROTO_TCP, TCP_NODELAY, 1));
	EXPECT_EQ(1, get_int(client, IPPROTO_TCP, TCP_NODELAY));
	EXPECT_RET(1, LIBC(send(client, "x", 1, 0)));
	/* a TCP option means nothing to UDP */
	EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_DGRAM, 0)));
	EXPECT_RET(-ENOPROTOOPT, set_int(fd, IPPROTO_TCP, TCP_NODELAY, 1));
}

#define TIMEOUT_MS 100

static void so_rcvtimeo(void)
{
	struct timeval tv = { 0, TIMEOUT_MS * 1000 }, got;
	socklen_t len = sizeof(got);
	int client, server, listener;
	long start, waited;
	char c;

	EXPECT_EQ(8, sizeof(tv)); /* the i386 layout: two 32-bit longs */
	EXPECT_OK(tcp_pair(6701, &client, &server));
	EXPECT_RET(0, LIBC(setsockopt(server, SOL_SOCKET, SO_RCVTIMEO, &tv,
				      sizeof(tv))));
	memset(&got, 0, sizeof(got));
	EXPECT_RET(0, LIBC(getsockopt(server, SOL_SOCKET, SO_RCVTIMEO, &got,
				      &len)));
	EXPECT_EQ(sizeof(got), len);
	EXPECT(got.tv_sec == 0 && got.tv_usec == TIMEOUT_MS * 1000,
	       "expected { 0, %d }, got { %ld, %ld }", TIMEOUT_MS * 1000,
	       (long)got.tv_sec, (long)got.tv_usec);
	start = now_ms();
	EXPECT_RET(-EAGAIN, LIBC(recv(server, &c, 1, 0)));
	waited = now_ms() - start;
	EXPECT(waited >= TIMEOUT_MS - 5 && waited < 1000,
	       "expected recv to give up after %d ms, it took %ld ms",
	       TIMEOUT_MS, waited);
	/* data that is there comes at once */
	EXPECT_RET(1, LIBC(send(client, "x", 1, 0)));
	EXPECT_RET(1, LIBC(recv(server, &c, 1, 0)));

	/* accept honours it too */
	EXPECT_OK(listener = tcp_listener(6702));
	EXPECT_RET(0, LIBC(setsockopt(listener, SOL_SOCKET, SO_RCVTIMEO, &tv,
				      sizeof(tv))));
	start = now_ms();
	EXPECT_RET(-EAGAIN, LIBC(accept(listener, NULL, NULL)));
	waited = now_ms() - start;
	EXPECT(waited >= TIMEOUT_MS - 5 && waited < 1000,
	       "expected accept to give up after %d ms, it took %ld ms",
	       TIMEOUT_MS, waited);
}

static void so_sndtimeo(void)
{
	struct timeval tv = { 2, 500000 }, got;
	socklen_t len = sizeof(got);
	int fd;

	EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_STREAM, 0)));
	EXPECT_RET(0,
		   LIBC(getsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &got, &len)));
	EXPECT(got.tv_sec == 0 && got.tv_usec == 0,
	       "expected no timeout, got { %ld, %ld }", (long)got.tv_sec,
	       (long)got.tv_usec);
	EXPECT_RET(0, LIBC(setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv,
				      sizeof(tv))));
	EXPECT_RET(0,
		   LIBC(getsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &got, &len)));
	EXPECT(got.tv_sec == 2 && got.tv_usec == 500000,
	       "expected { 2, 500000 }, got { %ld, %ld }", (long)got.tv_sec,
	       (long)got.tv_usec);
	tv.tv_usec = 1000000; /* not a valid timeval */
	EXPECT_RET(-EDOM, LIBC(setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv,
					  sizeof(tv))));
}

static void unknown_option(void)
{
	int fd, value = 1;
	socklen_t len = sizeof(value);

	EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_STREAM, 0)));
	EXPECT_RET(-ENOPROTOOPT, set_int(fd, SOL_SOCKET, 9999, 1));
	EXPECT_RET(-ENOPROTOOPT,
		   LIBC(getsockopt(fd, SOL_SOCKET, 9999, &value, &len)));
	EXPECT_RET(-ENOPROTOOPT, set_int(fd, IPPROTO_TCP, 9999, 1));
	/* an unknown level: Linux's ip_setsockopt says ENOPROTOOPT, but
	 * ip_getsockopt says EOPNOTSUPP */
	EXPECT_RET(-ENOPROTOOPT, set_int(fd, 9999, SO_REUSEADDR, 1));
	EXPECT_RET(-EOPNOTSUPP,
		   LIBC(getsockopt(fd, 9999, SO_REUSEADDR, &value, &len)));
}

static void bad_optlen(void)
{
	struct timeval tv = { 1, 0 };
	int fd, value = 1;
	socklen_t len;

	EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_STREAM, 0)));
	EXPECT_RET(-EINVAL,
		   LIBC(setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &value, 2)));
	EXPECT_RET(-EINVAL,
		   LIBC(setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &value, 2)));
	EXPECT_RET(-EINVAL,
		   LIBC(setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, 4)));
	len = -1;
	EXPECT_RET(-EINVAL, LIBC(getsockopt(fd, SOL_SOCKET, SO_REUSEADDR,
					    &value, &len)));
	/* getsockopt with a short buffer is not an error: Linux copies as
	 * much as fits and says how much */
	EXPECT_RET(0, set_int(fd, SOL_SOCKET, SO_REUSEADDR, 1));
	value = 0x55555555;
	len = 2;
	EXPECT_RET(0, LIBC(getsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &value,
				      &len)));
	EXPECT_EQ(2, len);
	EXPECT_EQ(0x55550001, value);
	EXPECT_RET(-EFAULT, LIBC(setsockopt(fd, SOL_SOCKET, SO_REUSEADDR,
					    (void *)1, sizeof(int))));
	EXPECT_RET(-EFAULT, LIBC(getsockopt(fd, SOL_SOCKET, SO_REUSEADDR,
					    &value, NULL)));
}

const struct test_case option_tests[] = {
	{ "so_reuseaddr", so_reuseaddr },
	{ "so_type_and_friends", so_type_and_friends },
	{ "so_error_fresh", so_error_fresh },
	{ "so_buffer_sizes", so_buffer_sizes },
	{ "so_keepalive", so_keepalive },
	{ "tcp_nodelay", tcp_nodelay },
	{ "so_rcvtimeo", so_rcvtimeo },
	{ "so_sndtimeo", so_sndtimeo },
	{ "unknown_option", unknown_option },
	{ "bad_optlen", bad_optlen },
	{ 0, 0 },
};
