/*
 * errors: what AF_UNIX refuses, with Linux's errno. Writing to a stream
 * whose peer is gone is EPIPE with SIGPIPE (none with MSG_NOSIGNAL or
 * SIG_IGN); a datagram to a closed peer is ECONNREFUSED, then ENOTCONN;
 * types and protocols that do not exist; calls in the wrong state (send or
 * recv unconnected, listen unbound or on a datagram socket, accept without
 * listen, connect twice, bind twice); a stream connecting to a datagram
 * socket and the reverse (EPROTOTYPE); bad addresses (family, length, a
 * missing directory, a path that is a file).
 * Paths /tmp/ut-errors-*.
 */
#include "unixtests.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* In a child: write to a stream whose peer is closed. */
static int write_to_closed_peer(void *arg)
{
	int sv[2];

	(void)arg;
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0 || close(sv[1]) < 0)
		return 2;
	if (write(sv[0], "x", 1) >= 0)
		return 3;
	return errno == EPIPE ? 0 : 4;
}

static void write_closed_peer_sigpipe(void)
{
	pid_t pid;

	EXPECT_OK(pid = spawn(write_to_closed_peer, NULL));
	EXPECT_SIGNALED(wait_status(pid), SIGPIPE);
}

static void write_closed_peer_ignored(void)
{
	pid_t pid;

	signal(SIGPIPE, SIG_IGN);
	EXPECT_OK(pid = spawn(write_to_closed_peer, NULL));
	EXPECT_EXITED(wait_status(pid), 0);
}

/* MSG_NOSIGNAL: EPIPE and no signal (we would die of it here). */
static void send_closed_peer_nosignal(void)
{
	int sv[2];

	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, sv)));
	EXPECT_RET(0, LIBC(close(sv[1])));
	EXPECT_RET(-EPIPE, LIBC(send(sv[0], "x", 1, MSG_NOSIGNAL)));
	EXPECT_RET(-EPIPE, LIBC(send(sv[0], "x", 1, MSG_NOSIGNAL)));
}

/* A connected datagram socket whose peer closed: ECONNREFUSED once (the
 * socket is disconnected by it), then ENOTCONN; no SIGPIPE. */
static void dgram_closed_peer(void)
{
	int sv[2];
	char c;

	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv)));
	EXPECT_RET(0, LIBC(close(sv[1])));
	EXPECT_RET(-ECONNREFUSED, LIBC(send(sv[0], "x", 1, 0)));
	EXPECT_RET(-ENOTCONN, LIBC(send(sv[0], "x", 1, 0)));
	EXPECT_RET(-EAGAIN, LIBC(recv(sv[0], &c, 1, MSG_DONTWAIT)));
}

/* SOCK_RAW is taken as SOCK_DGRAM (Linux's unix_create); other types are
 * refused, and protocols but 0 and PF_UNIX (1). */
static void socket_types(void)
{
	int fd, type = 0;
	socklen_t len = sizeof(type);

	EXPECT_OK(fd = LIBC(socket(AF_UNIX, SOCK_RAW, 0)));
	EXPECT_RET(0, LIBC(getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len)));
	EXPECT_EQ(SOCK_DGRAM, type);
	EXPECT_RET(-ESOCKTNOSUPPORT, LIBC(socket(AF_UNIX, 4, 0)));
	EXPECT_RET(-EPROTONOSUPPORT, LIBC(socket(AF_UNIX, SOCK_STREAM, 2)));
	EXPECT_RET(-EPROTONOSUPPORT, LIBC(socket(AF_UNIX, SOCK_DGRAM, 17)));
	EXPECT_OK(fd = LIBC(socket(AF_UNIX, SOCK_STREAM, PF_UNIX)));
	EXPECT_OK(fd = LIBC(socket(PF_LOCAL, SOCK_STREAM, 0)));
	EXPECT_RET(0, LIBC(getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &type, &len)));
	EXPECT_EQ(AF_UNIX, type);
}

/* An unconnected stream: send is ENOTCONN (no SIGPIPE), recv EINVAL,
 * getpeername ENOTCONN, sendto with an address EOPNOTSUPP. shutdown is
 * allowed (Linux only records it). */
static void unconnected_stream_calls(void)
{
	socklen_t len;
	struct sockaddr_un addr = path_addr("/tmp/ut-errors-x", &len);
	int fd;
	char c;

	EXPECT_OK(fd = LIBC(socket(AF_UNIX, SOCK_STREAM, 0)));
	EXPECT_RET(-ENOTCONN, LIBC(send(fd, "x", 1, 0)));
	EXPECT_RET(-ENOTCONN, LIBC(write(fd, "x", 1)));
	EXPECT_RET(-EINVAL, LIBC(recv(fd, &c, 1, 0)));
	EXPECT_RET(-EINVAL, LIBC(read(fd, &c, 1)));
	EXPECT_RET(-ENOTCONN,
		   LIBC(getpeername(fd, (struct sockaddr *)&addr, &len)));
	len = PATH_ADDR_LEN("/tmp/ut-errors-x");
	EXPECT_RET(-EOPNOTSUPP,
		   LIBC(sendto(fd, "x", 1, 0, (struct sockaddr *)&addr, len)));
	EXPECT_RET(0, LIBC(shutdown(fd, SHUT_RDWR)));
	EXPECT_RET(-EINVAL, LIBC(shutdown(fd, 3)));
}

/* An unconnected, unbound datagram socket: send without an address is
 * ENOTCONN; recv would wait (EAGAIN with MSG_DONTWAIT). */
static void unconnected_dgram_calls(void)
{
	int fd;
	char c;

	EXPECT_OK(fd = LIBC(socket(AF_UNIX, SOCK_DGRAM, 0)));
	EXPECT_RET(-ENOTCONN, LIBC(send(fd, "x", 1, 0)));
	EXPECT_RET(-EAGAIN, LIBC(recv(fd, &c, 1, MSG_DONTWAIT)));
}

static void listen_accept_wrong_state(void)
{
	socklen_t len;
	struct sockaddr_un addr = path_addr("/tmp/ut-errors-listen", &len);
	int fd, dgram, sv[2];

	EXPECT_OK(fd = LIBC(socket(AF_UNIX, SOCK_STREAM, 0)));
	EXPECT_RET(-EINVAL, LIBC(listen(fd, 1))); /* unbound */
	EXPECT_RET(-EINVAL, LIBC(accept(fd, NULL, NULL)));
	EXPECT_OK(dgram = unix_bound(SOCK_DGRAM, &addr, len));
	EXPECT_RET(-EOPNOTSUPP, LIBC(listen(dgram, 1)));
	EXPECT_RET(-EOPNOTSUPP, LIBC(accept(dgram, NULL, NULL)));
	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, sv)));
	EXPECT_RET(-EINVAL, LIBC(listen(sv[0], 1))); /* connected */
	EXPECT_RET(-EINVAL, LIBC(accept(sv[0], NULL, NULL)));
	unlink("/tmp/ut-errors-listen");
}

/* connect on a connected stream is EISCONN; on a listener EINVAL. */
static void connect_twice(void)
{
	socklen_t len;
	struct sockaddr_un addr = path_addr("/tmp/ut-errors-twice", &len);
	int listener, fd;

	EXPECT_OK(listener = unix_listener(&addr, len));
	EXPECT_OK(fd = unix_connected(SOCK_STREAM, &addr, len));
	EXPECT_RET(-EISCONN, LIBC(connect(fd, (struct sockaddr *)&addr, len)));
	EXPECT_RET(-EINVAL,
		   LIBC(connect(listener, (struct sockaddr *)&addr, len)));
	unlink("/tmp/ut-errors-twice");
}

/* A socket has one name: a second bind is EINVAL. */
static void bind_twice(void)
{
	socklen_t len, len2;
	struct sockaddr_un addr = path_addr("/tmp/ut-errors-bind", &len);
	struct sockaddr_un addr2 = path_addr("/tmp/ut-errors-bind2", &len2);
	int fd;

	unlink("/tmp/ut-errors-bind2");
	EXPECT_OK(fd = unix_bound(SOCK_STREAM, &addr, len));
	EXPECT_RET(-EINVAL, LIBC(bind(fd, (struct sockaddr *)&addr2, len2)));
	EXPECT_RET(-ENOENT, LIBC(unlink("/tmp/ut-errors-bind2")));
	unlink("/tmp/ut-errors-bind");
}

/* Stream and datagram sockets do not connect to each other. */
static void wrong_type_eprototype(void)
{
	socklen_t len, dlen;
	struct sockaddr_un stream = path_addr("/tmp/ut-errors-st", &len);
	struct sockaddr_un dgram = path_addr("/tmp/ut-errors-dg", &dlen);
	int listener, bound, fd;

	EXPECT_OK(listener = unix_listener(&stream, len));
	EXPECT_OK(bound = unix_bound(SOCK_DGRAM, &dgram, dlen));
	EXPECT_RET(-EPROTOTYPE, unix_connected(SOCK_STREAM, &dgram, dlen));
	EXPECT_RET(-EPROTOTYPE, unix_connected(SOCK_DGRAM, &stream, len));
	EXPECT_OK(fd = LIBC(socket(AF_UNIX, SOCK_DGRAM, 0)));
	EXPECT_RET(-EPROTOTYPE, LIBC(sendto(fd, "x", 1, 0,
					    (struct sockaddr *)&stream, len)));
	unlink("/tmp/ut-errors-st");
	unlink("/tmp/ut-errors-dg");
}

/* Addresses bind refuses: another family, a length too short to hold the
 * family or longer than struct sockaddr_un, a directory that is missing,
 * a path that is already a file. */
static void bad_addresses(void)
{
	socklen_t len;
	struct sockaddr_un addr = path_addr("/tmp/ut-errors-addr", &len);
	char big[sizeof(addr) + 8];
	int fd;

	unlink("/tmp/ut-errors-addr");
	EXPECT_OK(fd = LIBC(socket(AF_UNIX, SOCK_STREAM, 0)));
	addr.sun_family = AF_INET;
	EXPECT_RET(-EINVAL, LIBC(bind(fd, (struct sockaddr *)&addr, len)));
	addr.sun_family = AF_UNIX;
	EXPECT_RET(-EINVAL, LIBC(bind(fd, (struct sockaddr *)&addr, 1)));
	memset(big, 0, sizeof(big));
	memcpy(big, &addr, sizeof(addr));
	EXPECT_RET(-EINVAL,
		   LIBC(bind(fd, (struct sockaddr *)big, sizeof(big))));
	EXPECT_RET(-EINVAL, LIBC(connect(fd, (struct sockaddr *)&addr, 1)));
	addr = path_addr("/tmp/ut-errors-no-dir/sock", &len);
	EXPECT_RET(-ENOENT, LIBC(bind(fd, (struct sockaddr *)&addr, len)));
	addr = path_addr("/bin/echo", &len);
	EXPECT_RET(-EADDRINUSE, LIBC(bind(fd, (struct sockaddr *)&addr, len)));
	EXPECT_RET(-ECONNREFUSED,
		   LIBC(connect(fd, (struct sockaddr *)&addr, len)));
}

const struct test_case unix_error_tests[] = {
	{ "write_closed_peer_sigpipe", write_closed_peer_sigpipe },
	{ "write_closed_peer_ignored", write_closed_peer_ignored },
	{ "send_closed_peer_nosignal", send_closed_peer_nosignal },
	{ "dgram_closed_peer", dgram_closed_peer },
	{ "socket_types", socket_types },
	{ "unconnected_stream_calls", unconnected_stream_calls },
	{ "unconnected_dgram_calls", unconnected_dgram_calls },
	{ "listen_accept_wrong_state", listen_accept_wrong_state },
	{ "connect_twice", connect_twice },
	{ "bind_twice", bind_twice },
	{ "wrong_type_eprototype", wrong_type_eprototype },
	{ "bad_addresses", bad_addresses },
	{ 0, 0 },
};
