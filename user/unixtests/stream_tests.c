/*
 * stream: SOCK_STREAM between two ends. A socketpair carries bytes both
 * ways, joins writes into one read (a stream keeps no boundaries) and gives
 * EOF once the other end is closed and read dry; a listener on a path
 * accepts a client from another process, and connect returns before accept;
 * shutdown(SHUT_WR) is EOF for the peer while the other direction still
 * works; a client gone before accept is still accepted, its data and
 * EOF read; a read sleeps until data comes; a connect to a full backlog
 * waits for an accept (EAGAIN without blocking); 1 MiB arrives intact
 * (Adler-32).
 * Paths /tmp/ut-stream-*.
 */
#include "unixtests.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BIG	 (1024 * 1024)
#define DELAY_MS 100

static void pair_stream_round_trip(void)
{
	int sv[2];
	char buf[8];

	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, sv)));
	EXPECT_RET(4, LIBC(write(sv[0], "ping", 4)));
	EXPECT_RET(4, read_full(sv[1], buf, 4));
	EXPECT(memcmp(buf, "ping", 4) == 0, "expected \"ping\", got \"%.4s\"",
	       buf);
	EXPECT_RET(4, LIBC(send(sv[1], "pong", 4, 0)));
	EXPECT_RET(4, LIBC(recv(sv[0], buf, sizeof(buf), 0)));
	EXPECT(memcmp(buf, "pong", 4) == 0, "expected \"pong\", got \"%.4s\"",
	       buf);
}

/* What was written before the close is still read, then 0 (EOF), again. */
static void pair_stream_eof(void)
{
	int sv[2];
	char buf[8];

	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, sv)));
	EXPECT_RET(3, LIBC(write(sv[0], "bye", 3)));
	EXPECT_RET(0, LIBC(close(sv[0])));
	EXPECT_RET(3, LIBC(read(sv[1], buf, sizeof(buf))));
	EXPECT_RET(0, LIBC(read(sv[1], buf, sizeof(buf))));
	EXPECT_RET(0, LIBC(recv(sv[1], buf, sizeof(buf), 0)));
}

static void stream_no_boundaries(void)
{
	int sv[2];
	char buf[16];

	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, sv)));
	EXPECT_RET(2, LIBC(write(sv[0], "ab", 2)));
	EXPECT_RET(3, LIBC(write(sv[0], "cde", 3)));
	EXPECT_RET(5, LIBC(read(sv[1], buf, sizeof(buf))));
	EXPECT(memcmp(buf, "abcde", 5) == 0, "expected \"abcde\", got \"%.5s\"",
	       buf);
	/* a short read leaves the rest for the next one */
	EXPECT_RET(3, LIBC(write(sv[0], "xyz", 3)));
	EXPECT_RET(2, LIBC(read(sv[1], buf, 2)));
	EXPECT_RET(1, LIBC(read(sv[1], buf + 2, 8)));
	EXPECT(memcmp(buf, "xyz", 3) == 0, "expected \"xyz\", got \"%.3s\"",
	       buf);
}

/* MSG_PEEK reads without taking. */
static void stream_peek(void)
{
	int sv[2];
	char buf[8];

	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, sv)));
	EXPECT_RET(4, LIBC(write(sv[0], "peek", 4)));
	EXPECT_RET(4, LIBC(recv(sv[1], buf, sizeof(buf), MSG_PEEK)));
	EXPECT_RET(4, LIBC(recv(sv[1], buf, sizeof(buf), 0)));
	EXPECT(memcmp(buf, "peek", 4) == 0, "expected \"peek\", got \"%.4s\"",
	       buf);
	EXPECT_RET(-EAGAIN, LIBC(recv(sv[1], buf, sizeof(buf), MSG_DONTWAIT)));
}

#define ROUND_TRIP_PATH "/tmp/ut-stream-rt"

static void path_client(void *arg)
{
	socklen_t len;
	struct sockaddr_un addr = path_addr(ROUND_TRIP_PATH, &len);
	char buf[8];
	int fd;

	(void)arg;
	EXPECT_OK(fd = unix_connected(SOCK_STREAM, &addr, len));
	EXPECT_RET(4, LIBC(send(fd, "ping", 4, 0)));
	EXPECT_RET(4, read_full(fd, buf, 4));
	EXPECT(memcmp(buf, "pong", 4) == 0, "expected \"pong\", got \"%.4s\"",
	       buf);
	EXPECT_RET(0, LIBC(close(fd)));
}

/* The server here, the client in a child process. */
static void path_round_trip(void)
{
	socklen_t len;
	struct sockaddr_un addr = path_addr(ROUND_TRIP_PATH, &len);
	int listener, conn;
	char buf[8];
	pid_t pid;

	EXPECT_OK(listener = unix_listener(&addr, len));
	EXPECT_OK(pid = spawn_check(path_client, NULL));
	EXPECT_OK(conn = LIBC(accept(listener, NULL, NULL)));
	EXPECT_RET(4, read_full(conn, buf, 4));
	EXPECT(memcmp(buf, "ping", 4) == 0, "expected \"ping\", got \"%.4s\"",
	       buf);
	EXPECT_RET(4, LIBC(send(conn, "pong", 4, 0)));
	EXPECT_RET(0, LIBC(recv(conn, buf, sizeof(buf), 0))); /* it closed */
	EXPECT_CHILD_OK(wait_status(pid));
	EXPECT_RET(0, LIBC(close(conn)));
	EXPECT_RET(0, LIBC(close(listener)));
	EXPECT_RET(0, LIBC(unlink(ROUND_TRIP_PATH)));
}

/* connect completes as soon as the listener queues it, and data sent
 * before accept waits for the accepted socket. */
static void connect_before_accept(void)
{
	socklen_t len;
	struct sockaddr_un addr = path_addr("/tmp/ut-stream-early", &len);
	int listener, client, conn;
	char buf[8];

	EXPECT_OK(listener = unix_listener(&addr, len));
	EXPECT_OK(client = unix_connected(SOCK_STREAM, &addr, len));
	EXPECT_RET(5, LIBC(send(client, "early", 5, 0)));
	EXPECT_OK(conn = LIBC(accept(listener, NULL, NULL)));
	EXPECT_RET(5, read_full(conn, buf, 5));
	EXPECT(memcmp(buf, "early", 5) == 0, "expected \"early\", got \"%.5s\"",
	       buf);
	unlink("/tmp/ut-stream-early");
}

/* A client that connects, sends and closes before the server accepts:
 * accept still gives the connection, with the data, then EOF, and the
 * client's address (Linux keeps the peer of a closed socket's peer). */
static void accept_after_client_closed(void)
{
	socklen_t len, client_len, peer_len;
	struct sockaddr_un addr = path_addr("/tmp/ut-stream-gone", &len);
	struct sockaddr_un client_addr =
		path_addr("/tmp/ut-stream-gone-c", &client_len);
	struct sockaddr_un peer;
	int listener, client, conn;
	const char *why;
	char buf[8];

	EXPECT_OK(listener = unix_listener(&addr, len));
	EXPECT_OK(client = unix_bound(SOCK_STREAM, &client_addr, client_len));
	EXPECT_RET(0, LIBC(connect(client, (struct sockaddr *)&addr, len)));
	EXPECT_RET(3, LIBC(send(client, "bye", 3, 0)));
	EXPECT_RET(0, LIBC(close(client)));
	EXPECT_OK(client = unix_connected(SOCK_STREAM, &addr, len));
	EXPECT_RET(0, LIBC(close(client))); /* and one that sent nothing */
	peer_len = sizeof(peer);
	EXPECT_OK(conn = LIBC(accept(listener, (struct sockaddr *)&peer,
				     &peer_len)));
	why = addr_problem(&peer, peer_len, &client_addr, client_len);
	EXPECT(!why, "accept: %s", why);
	EXPECT_RET(3, LIBC(read(conn, buf, sizeof(buf))));
	EXPECT(memcmp(buf, "bye", 3) == 0, "expected \"bye\", got \"%.3s\"",
	       buf);
	EXPECT_RET(0, LIBC(read(conn, buf, sizeof(buf))));
	peer_len = sizeof(peer);
	EXPECT_RET(0, LIBC(getpeername(conn, (struct sockaddr *)&peer,
				       &peer_len)));
	why = addr_problem(&peer, peer_len, &client_addr, client_len);
	EXPECT(!why, "getpeername: %s", why);
	peer_len = sizeof(peer);
	EXPECT_OK(conn = LIBC(accept(listener, (struct sockaddr *)&peer,
				     &peer_len)));
	EXPECT_EQ(UNNAMED_ADDR_LEN, peer_len);
	EXPECT_RET(0, LIBC(read(conn, buf, sizeof(buf))));
	unlink("/tmp/ut-stream-gone");
	unlink("/tmp/ut-stream-gone-c");
}

#define GONE_PATH "/tmp/ut-stream-gone2"

static int connect_close_later(void *arg)
{
	socklen_t len;
	struct sockaddr_un addr = path_addr(GONE_PATH, &len);
	int fd;

	(void)arg;
	sleep_ms(DELAY_MS);
	fd = unix_connected(SOCK_STREAM, &addr, len);
	if (fd < 0 || send(fd, "bye", 3, 0) != 3 || close(fd) < 0)
		return 1;
	fd = unix_connected(SOCK_STREAM, &addr, len);
	return fd < 0 || close(fd) < 0 ? 1 : 0;
}

/* The same while the server sleeps in accept: it wakes with the
 * connection, not an error. */
static void accept_wakes_for_closed_client(void)
{
	socklen_t len;
	struct sockaddr_un addr = path_addr(GONE_PATH, &len), peer;
	socklen_t peer_len;
	int listener, conn;
	char buf[8];
	pid_t pid;

	EXPECT_OK(listener = unix_listener(&addr, len));
	EXPECT_OK(pid = spawn(connect_close_later, NULL));
	peer_len = sizeof(peer);
	EXPECT_OK(conn = LIBC(accept(listener, (struct sockaddr *)&peer,
				     &peer_len)));
	EXPECT_RET(3, read_full(conn, buf, sizeof(buf))); /* to EOF */
	EXPECT_EXITED(wait_status(pid), 0);
	peer_len = sizeof(peer);
	EXPECT_OK(conn = LIBC(accept(listener, (struct sockaddr *)&peer,
				     &peer_len)));
	EXPECT_RET(0, LIBC(read(conn, buf, sizeof(buf))));
	unlink(GONE_PATH);
}

/* The peer reads EOF; this end can still read what the peer sends. */
static void shutdown_wr_gives_eof(void)
{
	int sv[2];
	char buf[8];

	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, sv)));
	EXPECT_RET(4, LIBC(write(sv[0], "last", 4)));
	EXPECT_RET(0, LIBC(shutdown(sv[0], SHUT_WR)));
	EXPECT_RET(4, LIBC(read(sv[1], buf, sizeof(buf))));
	EXPECT_RET(0, LIBC(read(sv[1], buf, sizeof(buf))));
	EXPECT_RET(5, LIBC(write(sv[1], "reply", 5)));
	EXPECT_RET(5, read_full(sv[0], buf, 5));
	EXPECT(memcmp(buf, "reply", 5) == 0, "expected \"reply\", got \"%.5s\"",
	       buf);
}

/* shutdown(SHUT_RD): this end reads EOF instead of sleeping, and the peer
 * may no longer write to it (Linux's AF_UNIX shuts the peer's sending side
 * too: EPIPE). */
static void shutdown_rd_gives_eof(void)
{
	int sv[2];
	char buf[8];

	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, sv)));
	EXPECT_RET(0, LIBC(shutdown(sv[1], SHUT_RD)));
	EXPECT_RET(0, LIBC(read(sv[1], buf, sizeof(buf))));
	EXPECT_RET(-EPIPE, LIBC(send(sv[0], "x", 1, MSG_NOSIGNAL)));
	EXPECT_RET(2, LIBC(write(sv[1], "ok", 2)));
	EXPECT_RET(2, read_full(sv[0], buf, 2));
}

static int write_later(void *arg)
{
	int fd = *(int *)arg;

	sleep_ms(DELAY_MS);
	return write(fd, "late", 4) == 4 ? 0 : 1;
}

static void read_waits_for_data(void)
{
	int sv[2];
	char buf[8];
	long start, waited;
	pid_t pid;

	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, sv)));
	EXPECT_OK(pid = spawn(write_later, &sv[0]));
	start = now_ms();
	EXPECT_RET(4, LIBC(read(sv[1], buf, sizeof(buf))));
	waited = now_ms() - start;
	EXPECT(waited >= DELAY_MS - 10 && waited < 2500,
	       "expected to wake after about %d ms, got %ld ms", DELAY_MS,
	       waited);
	EXPECT_EXITED(wait_status(pid), 0);
}

#define FULL_PATH "/tmp/ut-stream-full"

static int accept_one_later(void *arg)
{
	int fd;

	sleep_ms(DELAY_MS);
	fd = accept(*(int *)arg, NULL, NULL);
	return fd >= 0 ? 0 : 1;
}

/* A listener whose backlog is full: a non-blocking connect is EAGAIN, a
 * blocking one waits until the server accepts one. */
static void connect_waits_for_backlog(void)
{
	socklen_t len;
	struct sockaddr_un a = path_addr(FULL_PATH, &len);
	int l, c, n = 0, fds[8];
	long start, waited;
	pid_t pid;

	unlink(FULL_PATH);
	EXPECT_OK(l = LIBC(socket(AF_UNIX, SOCK_STREAM, 0)));
	EXPECT_RET(0, LIBC(bind(l, (struct sockaddr *)&a, len)));
	EXPECT_RET(0, LIBC(listen(l, 1)));
	for (; n < 8; n++) {
		EXPECT_OK(fds[n] = LIBC(socket(AF_UNIX, SOCK_STREAM, 0)));
		fcntl(fds[n], F_SETFL, O_NONBLOCK);
		if (connect(fds[n], (struct sockaddr *)&a, len) < 0)
			break;
	}
	EXPECT(n < 8, "expected a backlog of 1 to fill, got 8 connections");
	EXPECT(errno == EAGAIN,
	       "expected a non-blocking connect to a full backlog to be "
	       "EAGAIN, got %s",
	       errno_name(errno));
	EXPECT_OK(c = LIBC(socket(AF_UNIX, SOCK_STREAM, 0)));
	EXPECT_OK(pid = spawn(accept_one_later, &l));
	start = now_ms();
	EXPECT_RET(0, LIBC(connect(c, (struct sockaddr *)&a, len)));
	waited = now_ms() - start;
	EXPECT(waited >= DELAY_MS - 10 && waited < 2500,
	       "expected the connect to wait about %d ms for an accept, got "
	       "%ld ms",
	       DELAY_MS, waited);
	EXPECT_EXITED(wait_status(pid), 0);
	unlink(FULL_PATH);
}

/* Byte i of the big transfer. */
static unsigned char pattern(long i)
{
	return (unsigned char)(i * 7 + (i >> 10));
}

#define BIG_PATH "/tmp/ut-stream-big"

/* Writes 1 MiB in pieces of changing size, then closes. */
static void big_writer(void *arg)
{
	socklen_t len;
	struct sockaddr_un addr = path_addr(BIG_PATH, &len);
	static unsigned char buf[BIG];
	long i, done = 0, piece = 1;
	int fd;

	(void)arg;
	for (i = 0; i < BIG; i++)
		buf[i] = pattern(i);
	EXPECT_OK(fd = unix_connected(SOCK_STREAM, &addr, len));
	while (done < BIG) {
		long n = piece < BIG - done ? piece : BIG - done;

		EXPECT_RET(n, write_full(fd, buf + done, n));
		done += n;
		piece = piece * 3 + 1; /* 1, 4, 13, ... 88573, then again */
		if (piece > 100000)
			piece = 1;
	}
	EXPECT_RET(0, LIBC(close(fd)));
}

static void stream_1mib_checksum(void)
{
	socklen_t len;
	struct sockaddr_un addr = path_addr(BIG_PATH, &len);
	static unsigned char buf[BIG + 1];
	unsigned long want = 1, got;
	int listener, conn;
	pid_t pid;
	long i, n;

	for (i = 0; i < BIG; i++) {
		unsigned char c = pattern(i);

		want = adler32(want, &c, 1);
	}
	EXPECT_OK(listener = unix_listener(&addr, len));
	EXPECT_OK(pid = spawn_check(big_writer, NULL));
	EXPECT_OK(conn = LIBC(accept(listener, NULL, NULL)));
	n = read_full(conn, buf, BIG + 1); /* to EOF */
	EXPECT_RET(BIG, n);
	got = adler32(1, buf, n);
	EXPECT(got == want, "expected Adler-32 %08lx, got %08lx", want, got);
	EXPECT_CHILD_OK(wait_status(pid));
	unlink(BIG_PATH);
}

const struct test_case unix_stream_tests[] = {
	{ "pair_stream_round_trip", pair_stream_round_trip },
	{ "pair_stream_eof", pair_stream_eof },
	{ "stream_no_boundaries", stream_no_boundaries },
	{ "stream_peek", stream_peek },
	{ "path_round_trip", path_round_trip },
	{ "connect_before_accept", connect_before_accept },
	{ "accept_after_client_closed", accept_after_client_closed },
	{ "accept_wakes_for_closed_client", accept_wakes_for_closed_client },
	{ "shutdown_wr_gives_eof", shutdown_wr_gives_eof },
	{ "shutdown_rd_gives_eof", shutdown_rd_gives_eof },
	{ "read_waits_for_data", read_waits_for_data },
	{ "connect_waits_for_backlog", connect_waits_for_backlog },
	{ "stream_1mib_checksum", stream_1mib_checksum },
	{ 0, 0 },
};
