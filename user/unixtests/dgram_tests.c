/*
 * dgram: SOCK_DGRAM keeps each message whole. A socketpair delivers
 * datagrams one per read, cuts a datagram to the reader's buffer (the rest
 * is gone, MSG_TRUNC says so) and carries empty ones; sockets bound to
 * paths exchange datagrams with sendto/recvfrom, which names the sender
 * (nobody for an unbound one); a connected socket sends without an address
 * and refuses strangers (EPERM); a datagram larger than the send buffer
 * (1 MiB) is EMSGSIZE while 16 KiB goes through whole; a full receive queue
 * is EAGAIN for a non-blocking sender until the reader takes one, and a
 * blocking sender waits for that read (or for SO_SNDTIMEO: EAGAIN).
 * Paths /tmp/ut-dgram-*.
 */
#include "unixtests.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

static void pair_dgram_boundaries(void)
{
	int sv[2];
	char buf[16];

	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv)));
	EXPECT_RET(1, LIBC(send(sv[0], "a", 1, 0)));
	EXPECT_RET(2, LIBC(send(sv[0], "bc", 2, 0)));
	EXPECT_RET(3, LIBC(write(sv[0], "def", 3)));
	EXPECT_RET(1, LIBC(recv(sv[1], buf, sizeof(buf), 0)));
	EXPECT_RET(2, LIBC(read(sv[1], buf, sizeof(buf))));
	EXPECT(memcmp(buf, "bc", 2) == 0, "expected \"bc\", got \"%.2s\"", buf);
	EXPECT_RET(3, LIBC(recv(sv[1], buf, sizeof(buf), 0)));
	EXPECT(memcmp(buf, "def", 3) == 0, "expected \"def\", got \"%.3s\"",
	       buf);
	/* and the other way */
	EXPECT_RET(2, LIBC(send(sv[1], "up", 2, 0)));
	EXPECT_RET(2, LIBC(recv(sv[0], buf, sizeof(buf), 0)));
}

/* A short read takes the whole datagram; recvmsg flags it MSG_TRUNC, and
 * recv(MSG_TRUNC) returns its real length. */
static void dgram_truncated(void)
{
	struct iovec iov;
	struct msghdr msg;
	int sv[2];
	char buf[16];

	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv)));
	EXPECT_RET(6, LIBC(send(sv[0], "abcdef", 6, 0)));
	EXPECT_RET(6, LIBC(send(sv[0], "ghijkl", 6, 0)));
	EXPECT_RET(7, LIBC(send(sv[0], "mnopqrs", 7, 0)));
	EXPECT_RET(3, LIBC(recv(sv[1], buf, 3, 0)));
	EXPECT(memcmp(buf, "abc", 3) == 0, "expected \"abc\", got \"%.3s\"",
	       buf);
	iov.iov_base = buf;
	iov.iov_len = 2;
	memset(&msg, 0, sizeof(msg));
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	EXPECT_RET(2, LIBC(recvmsg(sv[1], &msg, 0)));
	EXPECT(memcmp(buf, "gh", 2) == 0,
	       "expected \"gh\" (the next "
	       "datagram), got \"%.2s\"",
	       buf);
	EXPECT(msg.msg_flags & MSG_TRUNC,
	       "expected MSG_TRUNC in msg_flags, "
	       "got 0x%x",
	       msg.msg_flags);
	EXPECT_RET(7, LIBC(recv(sv[1], buf, 1, MSG_TRUNC)));
	EXPECT_RET(-EAGAIN, LIBC(recv(sv[1], buf, sizeof(buf), MSG_DONTWAIT)));
}

/* A datagram of no bytes is a datagram: read returns 0 and takes it. */
static void dgram_empty(void)
{
	int sv[2];
	char buf[8];

	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv)));
	EXPECT_RET(0, LIBC(send(sv[0], "", 0, 0)));
	EXPECT_RET(1, LIBC(send(sv[0], "x", 1, 0)));
	EXPECT_RET(0, LIBC(recv(sv[1], buf, sizeof(buf), 0)));
	EXPECT_RET(1, LIBC(recv(sv[1], buf, sizeof(buf), 0)));
	EXPECT_RET(-EAGAIN, LIBC(recv(sv[1], buf, sizeof(buf), MSG_DONTWAIT)));
}

static void dgram_peek(void)
{
	int sv[2];
	char buf[8];

	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv)));
	EXPECT_RET(3, LIBC(send(sv[0], "one", 3, 0)));
	EXPECT_RET(3, LIBC(send(sv[0], "two", 3, 0)));
	EXPECT_RET(3, LIBC(recv(sv[1], buf, sizeof(buf), MSG_PEEK)));
	EXPECT_RET(3, LIBC(recv(sv[1], buf, sizeof(buf), MSG_PEEK)));
	EXPECT_RET(3, LIBC(recv(sv[1], buf, sizeof(buf), 0)));
	EXPECT(memcmp(buf, "one", 3) == 0, "expected \"one\", got \"%.3s\"",
	       buf);
	EXPECT_RET(3, LIBC(recv(sv[1], buf, sizeof(buf), 0)));
}

#define PATH_A "/tmp/ut-dgram-a"
#define PATH_B "/tmp/ut-dgram-b"

/* recvfrom names the sender's path; the reply goes back to it. */
static void dgram_path_sendto_recvfrom(void)
{
	socklen_t len_a, len_b, from_len;
	struct sockaddr_un a = path_addr(PATH_A, &len_a);
	struct sockaddr_un b = path_addr(PATH_B, &len_b);
	struct sockaddr_un from;
	const char *why;
	int fa, fb;
	char buf[16];

	EXPECT_OK(fa = unix_bound(SOCK_DGRAM, &a, len_a));
	EXPECT_OK(fb = unix_bound(SOCK_DGRAM, &b, len_b));
	EXPECT_RET(5, LIBC(sendto(fa, "hello", 5, 0, (struct sockaddr *)&b,
				  len_b)));
	from_len = sizeof(from);
	memset(&from, 0x55, sizeof(from));
	EXPECT_RET(5, LIBC(recvfrom(fb, buf, sizeof(buf), 0,
				    (struct sockaddr *)&from, &from_len)));
	why = addr_problem(&from, from_len, &a, len_a);
	EXPECT(!why, "%s", why);
	EXPECT_RET(2, LIBC(sendto(fb, "hi", 2, 0, (struct sockaddr *)&from,
				  from_len)));
	EXPECT_RET(2, LIBC(recv(fa, buf, sizeof(buf), 0)));
	unlink(PATH_A);
	unlink(PATH_B);
}

/* From an unbound socket: no address at all (fromlen 0), as Linux. */
static void dgram_unnamed_sender(void)
{
	socklen_t len_b, from_len;
	struct sockaddr_un b = path_addr(PATH_B "2", &len_b);
	struct sockaddr_un from;
	int fa, fb;
	char buf[16];

	EXPECT_OK(fb = unix_bound(SOCK_DGRAM, &b, len_b));
	EXPECT_OK(fa = LIBC(socket(AF_UNIX, SOCK_DGRAM, 0)));
	EXPECT_RET(4, LIBC(sendto(fa, "anon", 4, 0, (struct sockaddr *)&b,
				  len_b)));
	from_len = sizeof(from);
	EXPECT_RET(4, LIBC(recvfrom(fb, buf, sizeof(buf), 0,
				    (struct sockaddr *)&from, &from_len)));
	EXPECT_EQ(0, from_len);
	unlink(PATH_B "2");
}

/* A connected datagram socket sends without an address, and takes
 * datagrams only from its peer: a stranger's sendto is EPERM. */
static void dgram_connected(void)
{
	socklen_t len_a, len_b;
	struct sockaddr_un a = path_addr(PATH_A "3", &len_a);
	struct sockaddr_un b = path_addr(PATH_B "3", &len_b);
	int fa, fb, stranger;
	char buf[16];

	EXPECT_OK(fa = unix_bound(SOCK_DGRAM, &a, len_a));
	EXPECT_OK(fb = unix_bound(SOCK_DGRAM, &b, len_b));
	EXPECT_RET(0, LIBC(connect(fa, (struct sockaddr *)&b, len_b)));
	EXPECT_RET(4, LIBC(send(fa, "conn", 4, 0)));
	EXPECT_RET(4, LIBC(recv(fb, buf, sizeof(buf), 0)));
	EXPECT_OK(stranger = LIBC(socket(AF_UNIX, SOCK_DGRAM, 0)));
	EXPECT_RET(-EPERM, LIBC(sendto(stranger, "x", 1, 0,
				       (struct sockaddr *)&a, len_a)));
	/* its peer may: b is a's peer */
	EXPECT_RET(1,
		   LIBC(sendto(fb, "y", 1, 0, (struct sockaddr *)&a, len_a)));
	EXPECT_RET(1, LIBC(recv(fa, buf, sizeof(buf), 0)));
	unlink(PATH_A "3");
	unlink(PATH_B "3");
}

/* Linux refuses a datagram larger than the socket's send buffer (about
 * 208 KiB by default) with EMSGSIZE, whether connected or not. */
static void dgram_1mib_emsgsize(void)
{
	socklen_t len_b;
	struct sockaddr_un b = path_addr(PATH_B "4", &len_b);
	long size = 1024 * 1024;
	char *big = calloc(1, size);
	int sv[2], fb, fa;
	char buf[8];

	EXPECT(big, "expected calloc of 1 MiB to work, got NULL");
	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv)));
	EXPECT_RET(-EMSGSIZE, LIBC(send(sv[0], big, size, 0)));
	EXPECT_RET(-EMSGSIZE, LIBC(send(sv[0], big, size, MSG_DONTWAIT)));
	EXPECT_RET(-EAGAIN, LIBC(recv(sv[1], buf, sizeof(buf), MSG_DONTWAIT)));
	EXPECT_OK(fb = unix_bound(SOCK_DGRAM, &b, len_b));
	EXPECT_OK(fa = LIBC(socket(AF_UNIX, SOCK_DGRAM, 0)));
	EXPECT_RET(-EMSGSIZE, LIBC(sendto(fa, big, size, 0,
					  (struct sockaddr *)&b, len_b)));
	unlink(PATH_B "4");
}

/* 16 KiB in one datagram, read whole in one call. */
static void dgram_16k_whole(void)
{
	static char out[16384], in[16384 + 1];
	int sv[2], i;

	for (i = 0; i < (int)sizeof(out); i++)
		out[i] = (char)(i * 13);
	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv)));
	EXPECT_RET(sizeof(out), LIBC(send(sv[0], out, sizeof(out), 0)));
	EXPECT_RET(sizeof(out), LIBC(recv(sv[1], in, sizeof(in), 0)));
	EXPECT(memcmp(in, out, sizeof(out)) == 0,
	       "expected the 16 KiB sent, got other bytes");
}

/* Datagrams nobody reads fill the queue: the non-blocking sender gets
 * EAGAIN, and room again once one is read. */
static void dgram_queue_full_eagain(void)
{
	int sv[2], sent = 0;
	long ret;
	char buf[64];

	memset(buf, 'q', sizeof(buf));
	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv)));
	while (sent < 100000) {
		ret = LIBC(send(sv[0], buf, sizeof(buf), MSG_DONTWAIT));
		if (ret < 0)
			break;
		sent++;
	}
	EXPECT_RET(-EAGAIN, ret);
	EXPECT(sent > 0, "expected some datagrams to fit, got none");
	EXPECT_RET(sizeof(buf), LIBC(recv(sv[1], buf, sizeof(buf), 0)));
	EXPECT_RET(sizeof(buf),
		   LIBC(send(sv[0], buf, sizeof(buf), MSG_DONTWAIT)));
}

#define READ_DELAY_MS 150

/* Fills sv[0]'s peer without blocking; the number of datagrams sent. */
static int fill_dgram_queue(int fd)
{
	char buf[64];
	int sent = 0;

	memset(buf, 'q', sizeof(buf));
	while (sent < 100000 && send(fd, buf, sizeof(buf), MSG_DONTWAIT) >= 0)
		sent++;
	return sent;
}

static int read_one_later(void *arg)
{
	char buf[64];

	sleep_ms(READ_DELAY_MS);
	return recv(*(int *)arg, buf, sizeof(buf), 0) == sizeof(buf) ? 0 : 1;
}

/* A blocking sender to a full queue waits until the reader takes one. */
static void dgram_queue_full_blocks(void)
{
	int sv[2];
	char buf[64] = { 0 };
	long start, waited;
	pid_t pid;

	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv)));
	EXPECT(fill_dgram_queue(sv[0]) > 0, "expected some datagrams to fit");
	EXPECT_OK(pid = spawn(read_one_later, &sv[1]));
	start = now_ms();
	EXPECT_RET(sizeof(buf), LIBC(send(sv[0], buf, sizeof(buf), 0)));
	waited = now_ms() - start;
	EXPECT(waited >= READ_DELAY_MS - 10 && waited < 2500,
	       "expected the send to wait about %d ms for the read, got %ld ms",
	       READ_DELAY_MS, waited);
	EXPECT_EXITED(wait_status(pid), 0);
}

/* With SO_SNDTIMEO and nobody reading: EAGAIN once it runs out. */
static void dgram_queue_full_sndtimeo(void)
{
	struct timeval tv = { 0, 200000 };
	int sv[2];
	char buf[64] = { 0 };
	long start, waited;

	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv)));
	EXPECT_RET(0, LIBC(setsockopt(sv[0], SOL_SOCKET, SO_SNDTIMEO, &tv,
				      sizeof(tv))));
	EXPECT(fill_dgram_queue(sv[0]) > 0, "expected some datagrams to fit");
	start = now_ms();
	EXPECT_RET(-EAGAIN, LIBC(send(sv[0], buf, sizeof(buf), 0)));
	waited = now_ms() - start;
	EXPECT(waited >= 190 && waited < 2500,
	       "expected EAGAIN after about 200 ms, got it after %ld ms",
	       waited);
}

const struct test_case unix_dgram_tests[] = {
	{ "pair_dgram_boundaries", pair_dgram_boundaries },
	{ "dgram_truncated", dgram_truncated },
	{ "dgram_empty", dgram_empty },
	{ "dgram_peek", dgram_peek },
	{ "dgram_path_sendto_recvfrom", dgram_path_sendto_recvfrom },
	{ "dgram_unnamed_sender", dgram_unnamed_sender },
	{ "dgram_connected", dgram_connected },
	{ "dgram_1mib_emsgsize", dgram_1mib_emsgsize },
	{ "dgram_16k_whole", dgram_16k_whole },
	{ "dgram_queue_full_eagain", dgram_queue_full_eagain },
	{ "dgram_queue_full_blocks", dgram_queue_full_blocks },
	{ "dgram_queue_full_sndtimeo", dgram_queue_full_sndtimeo },
	{ 0, 0 },
};
