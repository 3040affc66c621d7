/*
 * names: where AF_UNIX sockets are found. A socket bound to a path is a
 * file: stat says S_ISSOCK, it is listed in /tmp, it outlives the socket
 * (a second bind is EADDRINUSE until unlink removes it) and connect finds
 * the listener through it (ENOENT without the file, ECONNREFUSED without a
 * listener). An abstract name (leading NUL) works the same with no file,
 * is told apart by its length, and is free again once its socket closes.
 * getsockname/getpeername and accept report addresses with Linux's sizes:
 * offsetof(sun_path) + strlen + 1 for a path, + 1 + the name's length for
 * an abstract name, sizeof(sa_family_t) for an unnamed socket.
 * Paths /tmp/ut-names-*, abstract names "\0ut-names-*".
 */
#include "unixtests.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SOCK_PATH "/tmp/ut-names-sock"

/* getsockname(fd) must be want (want_len bytes). */
#define EXPECT_SOCKNAME(call, fd, want, want_len)                         \
	do {                                                              \
		struct sockaddr_un got_;                                  \
		socklen_t got_len_ = sizeof(got_);                        \
		const char *why_;                                         \
		memset(&got_, 0x55, sizeof(got_));                        \
		EXPECT_RET(0, LIBC(call(fd, (struct sockaddr *)&got_,     \
					&got_len_)));                     \
		why_ = addr_problem(&got_, got_len_, (want), (want_len)); \
		EXPECT(!why_, "%s: %s", #call, why_);                     \
	} while (0)

static void bind_path_is_socket(void)
{
	socklen_t len;
	struct sockaddr_un addr = path_addr(SOCK_PATH, &len);
	struct stat st;
	int fd;

	EXPECT_OK(fd = unix_bound(SOCK_STREAM, &addr, len));
	EXPECT_RET(0, LIBC(stat(SOCK_PATH, &st)));
	EXPECT(S_ISSOCK(st.st_mode), "expected S_ISSOCK, got mode 0%o",
	       (unsigned)st.st_mode);
	EXPECT_EQ(1, dir_has("/tmp", "ut-names-sock"));
	EXPECT_SOCKNAME(getsockname, fd, &addr, len);
	/* the file stays after the socket is gone, until unlink */
	EXPECT_RET(0, LIBC(close(fd)));
	EXPECT_RET(0, LIBC(stat(SOCK_PATH, &st)));
	EXPECT(S_ISSOCK(st.st_mode),
	       "expected S_ISSOCK after close, got "
	       "mode 0%o",
	       (unsigned)st.st_mode);
	EXPECT_RET(0, LIBC(unlink(SOCK_PATH)));
	EXPECT_RET(-ENOENT, LIBC(stat(SOCK_PATH, &st)));
	EXPECT_EQ(0, dir_has("/tmp", "ut-names-sock"));
}

/* The path is taken while the file exists, socket or no socket. */
static void bind_path_in_use(void)
{
	socklen_t len;
	struct sockaddr_un addr = path_addr(SOCK_PATH "2", &len);
	int first, second;

	EXPECT_OK(first = unix_bound(SOCK_STREAM, &addr, len));
	EXPECT_OK(second = LIBC(socket(AF_UNIX, SOCK_STREAM, 0)));
	EXPECT_RET(-EADDRINUSE,
		   LIBC(bind(second, (struct sockaddr *)&addr, len)));
	EXPECT_RET(0, LIBC(close(first)));
	EXPECT_RET(-EADDRINUSE,
		   LIBC(bind(second, (struct sockaddr *)&addr, len)));
	EXPECT_RET(0, LIBC(unlink(SOCK_PATH "2")));
	EXPECT_RET(0, LIBC(bind(second, (struct sockaddr *)&addr, len)));
	EXPECT_RET(0, LIBC(unlink(SOCK_PATH "2")));
}

static void connect_missing_path(void)
{
	socklen_t len;
	struct sockaddr_un addr = path_addr("/tmp/ut-names-nothing", &len);

	unlink("/tmp/ut-names-nothing");
	EXPECT_RET(-ENOENT, unix_connected(SOCK_STREAM, &addr, len));
	EXPECT_RET(-ENOENT, unix_connected(SOCK_DGRAM, &addr, len));
	addr = path_addr("/tmp/ut-names-no-dir/sock", &len);
	EXPECT_RET(-ENOENT, unix_connected(SOCK_STREAM, &addr, len));
}

/* A socket file with no listener behind it: bound but not listening, or
 * its socket closed. */
static void connect_not_listening(void)
{
	socklen_t len;
	struct sockaddr_un addr = path_addr(SOCK_PATH "3", &len);
	int fd;

	EXPECT_OK(fd = unix_bound(SOCK_STREAM, &addr, len));
	EXPECT_RET(-ECONNREFUSED, unix_connected(SOCK_STREAM, &addr, len));
	EXPECT_RET(0, LIBC(listen(fd, 1)));
	EXPECT_OK(unix_connected(SOCK_STREAM, &addr, len));
	EXPECT_RET(0, LIBC(close(fd)));
	EXPECT_RET(-ECONNREFUSED, unix_connected(SOCK_STREAM, &addr, len));
	EXPECT_RET(-ECONNREFUSED, unix_connected(SOCK_DGRAM, &addr, len));
	EXPECT_RET(0, LIBC(unlink(SOCK_PATH "3")));
}

/* After unlink the name is gone (connect: ENOENT), though the listener
 * lives on and still serves a client that connected before. */
static void unlink_removes_name(void)
{
	socklen_t len;
	struct sockaddr_un addr = path_addr(SOCK_PATH "4", &len);
	struct stat st;
	int listener, early, conn;
	char c;

	EXPECT_OK(listener = unix_listener(&addr, len));
	EXPECT_OK(early = unix_connected(SOCK_STREAM, &addr, len));
	EXPECT_RET(0, LIBC(unlink(SOCK_PATH "4")));
	EXPECT_RET(-ENOENT, LIBC(stat(SOCK_PATH "4", &st)));
	EXPECT_EQ(0, dir_has("/tmp", "ut-names-sock4"));
	EXPECT_RET(-ENOENT, unix_connected(SOCK_STREAM, &addr, len));
	EXPECT_OK(conn = LIBC(accept(listener, NULL, NULL)));
	EXPECT_RET(1, LIBC(write(early, "!", 1)));
	EXPECT_RET(1, LIBC(read(conn, &c, 1)));
	EXPECT_RET(-ENOENT, LIBC(unlink(SOCK_PATH "4")));
}

/* Server on a path, client unbound: what each end and accept report. */
static void names_of_a_connection(void)
{
	socklen_t len, peer_len;
	struct sockaddr_un addr = path_addr(SOCK_PATH "5", &len);
	struct sockaddr_un unnamed = { AF_UNIX, "" }, peer;
	int listener, client, conn;
	const char *why;

	EXPECT_OK(listener = unix_listener(&addr, len));
	EXPECT_OK(client = unix_connected(SOCK_STREAM, &addr, len));
	peer_len = sizeof(peer);
	memset(&peer, 0x55, sizeof(peer));
	EXPECT_OK(conn = LIBC(accept(listener, (struct sockaddr *)&peer,
				     &peer_len)));
	why = addr_problem(&peer, peer_len, &unnamed, UNNAMED_ADDR_LEN);
	EXPECT(!why, "accept: %s", why);
	EXPECT_SOCKNAME(getsockname, client, &unnamed, UNNAMED_ADDR_LEN);
	EXPECT_SOCKNAME(getpeername, client, &addr, len);
	/* the accepted socket carries the listener's name */
	EXPECT_SOCKNAME(getsockname, conn, &addr, len);
	EXPECT_SOCKNAME(getpeername, conn, &unnamed, UNNAMED_ADDR_LEN);
	unlink(SOCK_PATH "5");
}

/* A client bound to a path of its own before connecting: the server
 * learns it from accept and getpeername. */
static void bound_client_named(void)
{
	socklen_t len, client_len, peer_len;
	struct sockaddr_un addr = path_addr(SOCK_PATH "6", &len);
	struct sockaddr_un client_addr = path_addr(SOCK_PATH "6c", &client_len);
	struct sockaddr_un peer;
	int listener, client, conn;
	const char *why;

	EXPECT_OK(listener = unix_listener(&addr, len));
	EXPECT_OK(client = unix_bound(SOCK_STREAM, &client_addr, client_len));
	EXPECT_RET(0, LIBC(connect(client, (struct sockaddr *)&addr, len)));
	peer_len = sizeof(peer);
	EXPECT_OK(conn = LIBC(accept(listener, (struct sockaddr *)&peer,
				     &peer_len)));
	why = addr_problem(&peer, peer_len, &client_addr, client_len);
	EXPECT(!why, "accept: %s", why);
	EXPECT_SOCKNAME(getpeername, conn, &client_addr, client_len);
	EXPECT_SOCKNAME(getsockname, client, &client_addr, client_len);
	unlink(SOCK_PATH "6");
	unlink(SOCK_PATH "6c");
}

/* Both ends of a socketpair are unnamed, and each is the other's peer. */
static void socketpair_unnamed(void)
{
	struct sockaddr_un unnamed = { AF_UNIX, "" };
	int sv[2];

	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, sv)));
	EXPECT_SOCKNAME(getsockname, sv[0], &unnamed, UNNAMED_ADDR_LEN);
	EXPECT_SOCKNAME(getpeername, sv[1], &unnamed, UNNAMED_ADDR_LEN);
	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv)));
	EXPECT_SOCKNAME(getpeername, sv[0], &unnamed, UNNAMED_ADDR_LEN);
}

/* A peer that closed is still the peer: getpeername names it (Linux
 * keeps the pointer until this socket goes too). */
static void getpeername_after_peer_closed(void)
{
	socklen_t len, client_len;
	struct sockaddr_un addr = path_addr(SOCK_PATH "8", &len);
	struct sockaddr_un client_addr = path_addr(SOCK_PATH "8c", &client_len);
	struct sockaddr_un unnamed = { AF_UNIX, "" };
	int listener, client, conn, sv[2];

	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, sv)));
	EXPECT_RET(0, LIBC(close(sv[1])));
	EXPECT_SOCKNAME(getpeername, sv[0], &unnamed, UNNAMED_ADDR_LEN);
	EXPECT_OK(listener = unix_listener(&addr, len));
	EXPECT_OK(client = unix_bound(SOCK_STREAM, &client_addr, client_len));
	EXPECT_RET(0, LIBC(connect(client, (struct sockaddr *)&addr, len)));
	EXPECT_OK(conn = LIBC(accept(listener, NULL, NULL)));
	EXPECT_RET(0, LIBC(close(client)));
	EXPECT_SOCKNAME(getpeername, conn, &client_addr, client_len);
	unlink(SOCK_PATH "8");
	unlink(SOCK_PATH "8c");
}

/* The length given to bind may or may not count the final NUL, or be the
 * whole structure: the name is the path, and getsockname counts one NUL.
 * A buffer too small for the name is filled as far as it goes, and the
 * length returned is the whole name's. */
static void path_length_forms(void)
{
	socklen_t len, got_len;
	struct sockaddr_un addr = path_addr(SOCK_PATH "7", &len), got;
	int fd;

	unlink(SOCK_PATH "7");
	EXPECT_OK(fd = LIBC(socket(AF_UNIX, SOCK_STREAM, 0)));
	EXPECT_RET(0, LIBC(bind(fd, (struct sockaddr *)&addr, sizeof(addr))));
	EXPECT_SOCKNAME(getsockname, fd, &addr, len);
	EXPECT_RET(0, LIBC(close(fd)));
	EXPECT_RET(0, LIBC(unlink(SOCK_PATH "7")));
	EXPECT_OK(fd = LIBC(socket(AF_UNIX, SOCK_STREAM, 0)));
	EXPECT_RET(0, LIBC(bind(fd, (struct sockaddr *)&addr, len - 1)));
	EXPECT_SOCKNAME(getsockname, fd, &addr, len);
	got_len = 6;
	memset(&got, 0, sizeof(got));
	EXPECT_RET(0, LIBC(getsockname(fd, (struct sockaddr *)&got, &got_len)));
	EXPECT_EQ(len, got_len);
	EXPECT(memcmp(got.sun_path, "/tmp", 4) == 0 && got.sun_path[4] == 0,
	       "expected \"/tmp\" (6 bytes of the address), got \"%.8s\"",
	       got.sun_path);
	EXPECT_RET(0, LIBC(unlink(SOCK_PATH "7")));
}

/* An abstract name: connect finds it, getsockname shows it, no file
 * appears, a second bind is EADDRINUSE, and the name is free again as
 * soon as the socket is closed. */
static void abstract_name(void)
{
	socklen_t len;
	struct sockaddr_un addr = abstract_addr("ut-names-abstract", &len);
	int before = dir_count("/tmp"), listener, client, conn, other;
	char c;

	EXPECT(before >= 0, "expected to list /tmp, got %s",
	       result_str(before));
	EXPECT_OK(listener = unix_listener(&addr, len));
	EXPECT_SOCKNAME(getsockname, listener, &addr, len);
	EXPECT_OK(client = unix_connected(SOCK_STREAM, &addr, len));
	EXPECT_SOCKNAME(getpeername, client, &addr, len);
	EXPECT_OK(conn = LIBC(accept(listener, NULL, NULL)));
	EXPECT_RET(1, LIBC(write(client, "a", 1)));
	EXPECT_RET(1, LIBC(read(conn, &c, 1)));
	EXPECT_EQ(0, dir_has("/tmp", "ut-names-abstract"));
	if (!on_linux) /* other programs use the host's /tmp */
		EXPECT_EQ(before, dir_count("/tmp"));
	EXPECT_OK(other = LIBC(socket(AF_UNIX, SOCK_STREAM, 0)));
	EXPECT_RET(-EADDRINUSE,
		   LIBC(bind(other, (struct sockaddr *)&addr, len)));
	EXPECT_RET(0, LIBC(close(listener)));
	EXPECT_RET(-ECONNREFUSED, unix_connected(SOCK_STREAM, &addr, len));
	EXPECT_RET(0, LIBC(bind(other, (struct sockaddr *)&addr, len)));
}

/* Abstract names are compared by length: "\0ut-x" and "\0ut-x\0" differ,
 * and a name that is not there is ECONNREFUSED (there is no file to miss). */
static void abstract_length_matters(void)
{
	socklen_t len;
	struct sockaddr_un addr = abstract_addr("ut-names-len", &len);
	int a, b;

	EXPECT_OK(a = unix_listener(&addr, len));
	EXPECT_OK(b = unix_bound(SOCK_STREAM, &addr, len + 1));
	EXPECT_RET(0, LIBC(listen(b, 1)));
	EXPECT_SOCKNAME(getsockname, b, &addr, len + 1);
	EXPECT_RET(-ECONNREFUSED, unix_connected(SOCK_STREAM, &addr, len - 1));
}

/* Datagrams to an abstract name, with the sender's abstract name. */
static void abstract_dgram(void)
{
	socklen_t len_a, len_b, from_len;
	struct sockaddr_un a = abstract_addr("ut-names-dgram-a", &len_a);
	struct sockaddr_un b = abstract_addr("ut-names-dgram-b", &len_b);
	struct sockaddr_un from;
	const char *why;
	int fa, fb;
	char buf[8];

	EXPECT_OK(fa = unix_bound(SOCK_DGRAM, &a, len_a));
	EXPECT_OK(fb = unix_bound(SOCK_DGRAM, &b, len_b));
	EXPECT_RET(3,
		   LIBC(sendto(fa, "abs", 3, 0, (struct sockaddr *)&b, len_b)));
	from_len = sizeof(from);
	EXPECT_RET(3, LIBC(recvfrom(fb, buf, sizeof(buf), 0,
				    (struct sockaddr *)&from, &from_len)));
	why = addr_problem(&from, from_len, &a, len_a);
	EXPECT(!why, "recvfrom: %s", why);
}

const struct test_case unix_name_tests[] = {
	{ "bind_path_is_socket", bind_path_is_socket },
	{ "bind_path_in_use", bind_path_in_use },
	{ "connect_missing_path", connect_missing_path },
	{ "connect_not_listening", connect_not_listening },
	{ "unlink_removes_name", unlink_removes_name },
	{ "names_of_a_connection", names_of_a_connection },
	{ "bound_client_named", bound_client_named },
	{ "socketpair_unnamed", socketpair_unnamed },
	{ "getpeername_after_peer_closed", getpeername_after_peer_closed },
	{ "path_length_forms", path_length_forms },
	{ "abstract_name", abstract_name },
	{ "abstract_length_matters", abstract_length_matters },
	{ "abstract_dgram", abstract_dgram },
	{ 0, 0 },
};
