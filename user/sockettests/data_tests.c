/*
 * data: what goes in comes out. 1 MiB through one connection with a
 * checksum; sendmsg and recvmsg gathering and scattering 3 iovecs; writev
 * and readv; MSG_WAITALL waits for the whole buffer; sendmmsg and recvmmsg
 * move several UDP messages in one call; and a send larger than the buffers
 * sleeps until the reader drains them. Ports 6400-6499.
 */
#include "sockettests.h"

#include <errno.h>
#include <linux/net.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "../testlib/sys.h"

#define TRANSFER_BYTES (1024 * 1024)
#define CHUNK	       8192

/* The byte at offset i of every transfer: not periodic in a chunk. */
static unsigned char pattern(long i)
{
	return (unsigned char)((i * 7) ^ (i >> 9) ^ (i >> 17));
}

/* Fletcher-style sum: catches lost, doubled and swapped bytes. */
struct checksum {
	unsigned long a, b;
};

static void checksum_add(struct checksum *sum, const unsigned char *p, long len)
{
	long i;

	for (i = 0; i < len; i++) {
		sum->a = (sum->a + p[i]) % 65521;
		sum->b = (sum->b + sum->a) % 65521;
	}
}

static unsigned long checksum_value(const struct checksum *sum)
{
	return sum->b << 16 | sum->a;
}

/* The client: sends the pattern, then reads back the server's sum. */
static void transfer_client(void *arg)
{
	static unsigned char buf[CHUNK];
	struct checksum sum = { 1, 0 };
	unsigned long theirs;
	long sent, i, n;
	int fd;

	(void)arg;
	EXPECT_OK(fd = tcp_connect(6400));
	for (sent = 0; sent < TRANSFER_BYTES; sent += n) {
		for (i = 0; i < CHUNK; i++)
			buf[i] = pattern(sent + i);
		checksum_add(&sum, buf, CHUNK);
		n = write_full(fd, buf, CHUNK);
		EXPECT_RET(CHUNK, n);
	}
	EXPECT_RET(0, LIBC(shutdown(fd, SHUT_WR)));
	EXPECT_RET(sizeof(theirs), read_full(fd, &theirs, sizeof(theirs)));
	EXPECT(ntohl(theirs) == checksum_value(&sum),
	       "expected the server's sum 0x%lx, got 0x%lx",
	       checksum_value(&sum), (unsigned long)ntohl(theirs));
}

static void transfer_1mib(void)
{
	static unsigned char buf[CHUNK];
	struct checksum sum = { 1, 0 };
	long got = 0, n, i, bad = -1;
	unsigned long reply;
	int listener, conn;
	pid_t pid;

	EXPECT_OK(listener = tcp_listener(6400));
	EXPECT_OK(pid = spawn_check(transfer_client, NULL));
	EXPECT_OK(conn = LIBC(accept(listener, NULL, NULL)));
	for (;;) {
		n = LIBC(recv(conn, buf, sizeof(buf), 0));
		EXPECT(n >= 0, "expected data or EOF after %ld bytes, got %s",
		       got, result_str(n));
		if (n == 0)
			break;
		for (i = 0; i < n && bad < 0; i++)
			if (buf[i] != pattern(got + i))
				bad = got + i;
		checksum_add(&sum, buf, n);
		got += n;
	}
	EXPECT_EQ(TRANSFER_BYTES, got);
	EXPECT(bad < 0, "expected byte %ld to be 0x%02x, got something else",
	       bad, pattern(bad));
	reply = htonl(checksum_value(&sum));
	EXPECT_RET(sizeof(reply), LIBC(send(conn, &reply, sizeof(reply), 0)));
	EXPECT_CHILD_OK(wait_status(pid));
}

static void sendmsg_recvmsg_iovecs(void)
{
	char a[3] = "abc", b[4] = "defg", c[2] = "hi";
	char x[2], y[3], z[4];
	struct iovec out[3] = { { a, 3 }, { b, 4 }, { c, 2 } };
	struct iovec in[3] = { { x, 2 }, { y, 3 }, { z, 4 } };
	struct sockaddr_in name;
	struct msghdr msg;
	int client, server;

	EXPECT_OK(tcp_pair(6401, &client, &server));
	memset(&msg, 0, sizeof(msg));
	msg.msg_iov = out;
	msg.msg_iovlen = 3;
	EXPECT_RET(9, LIBC(sendmsg(client, &msg, 0)));
	memset(&msg, 0, sizeof(msg));
	msg.msg_iov = in;
	msg.msg_iovlen = 3;
	msg.msg_name = &name; /* a connected TCP socket gives no address */
	msg.msg_namelen = sizeof(name);
	msg.msg_flags = -1;
	EXPECT_RET(9, LIBC(recvmsg(server, &msg, MSG_WAITALL)));
	EXPECT(memcmp(x, "ab", 2) == 0 && memcmp(y, "cde", 3) == 0 &&
		       memcmp(z, "fghi", 4) == 0,
	       "expected \"ab\" \"cde\" \"fghi\", got \"%.2s\" \"%.3s\" "
	       "\"%.4s\"",
	       x, y, z);
	EXPECT_EQ(0, msg.msg_flags);
	EXPECT_EQ(0, msg.msg_namelen);
}

static void writev_readv(void)
{
	char a[] = "one ", b[] = "two", x[5], y[10];
	struct iovec out[2] = { { a, 4 }, { b, 3 } };
	struct iovec in[2] = { { x, 5 }, { y, 10 } };
	int client, server;

	EXPECT_OK(tcp_pair(6402, &client, &server));
	EXPECT_RET(7, LIBC(writev(client, out, 2)));
	EXPECT_RET(0, LIBC(shutdown(client, SHUT_WR)));
	EXPECT_RET(7, LIBC(readv(server, in, 2)));
	EXPECT_RET(0, LIBC(readv(server, in, 2)));
	EXPECT(memcmp(x, "one t", 5) == 0 && memcmp(y, "wo", 2) == 0,
	       "expected \"one t\" \"wo\", got \"%.5s\" \"%.2s\"", x, y);
}

static int send_in_pieces(void *arg)
{
	int fd = *(int *)arg, i;

	for (i = 0; i < 3; i++) {
		sleep_ms(20);
		if (send(fd, "abc", 3, 0) != 3)
			return 1;
	}
	return 0;
}

/* recv(MSG_WAITALL) sleeps through the first pieces until all 9 bytes are
 * there. */
static void recv_waitall(void)
{
	int client, server;
	char buf[9];
	pid_t pid;

	EXPECT_OK(tcp_pair(6403, &client, &server));
	EXPECT_OK(pid = spawn(send_in_pieces, &client));
	EXPECT_RET(9, LIBC(recv(server, buf, sizeof(buf), MSG_WAITALL)));
	EXPECT(memcmp(buf, "abcabcabc", 9) == 0,
	       "expected \"abcabcabc\", got \"%.9s\"", buf);
	EXPECT_EXITED(wait_status(pid), 0);
}

/* Two UDP messages out with one sendmmsg, in with one recvmmsg. Our libc
 * has neither function, so both go through socketcall(102) directly. */
static void udp_sendmmsg_recvmmsg(void)
{
	struct sockaddr_in to = loopback(6405), from;
	char one[] = "first", two[] = "second!", in1[16], in2[16];
	struct iovec out_iov[2] = { { one, 5 }, { two, 7 } };
	struct iovec in_iov[2] = { { in1, sizeof(in1) }, { in2, sizeof(in2) } };
	struct mmsghdr out[2], in[2];
	unsigned long args[5];
	int sender, receiver, i;

	EXPECT_OK(sender = udp_bound(6404));
	EXPECT_OK(receiver = udp_bound(6405));
	memset(out, 0, sizeof(out));
	memset(in, 0, sizeof(in));
	for (i = 0; i < 2; i++) {
		out[i].msg_hdr.msg_name = &to;
		out[i].msg_hdr.msg_namelen = sizeof(to);
		out[i].msg_hdr.msg_iov = &out_iov[i];
		out[i].msg_hdr.msg_iovlen = 1;
		in[i].msg_hdr.msg_iov = &in_iov[i];
		in[i].msg_hdr.msg_iovlen = 1;
	}
	in[0].msg_hdr.msg_name = &from;
	in[0].msg_hdr.msg_namelen = sizeof(from);

	args[0] = sender;
	args[1] = (unsigned long)out;
	args[2] = 2;
	args[3] = 0;
	EXPECT_RET(2, raw_socketcall(SYS_SENDMMSG, args));
	EXPECT_EQ(5, out[0].msg_len);
	EXPECT_EQ(7, out[1].msg_len);

	args[0] = receiver;
	args[1] = (unsigned long)in;
	args[2] = 2;
	args[3] = MSG_WAITFORONE;
	args[4] = 0; /* no timeout */
	EXPECT_RET(2, raw_socketcall(SYS_RECVMMSG, args));
	EXPECT_EQ(5, in[0].msg_len);
	EXPECT_EQ(7, in[1].msg_len);
	EXPECT(memcmp(in1, "first", 5) == 0 && memcmp(in2, "second!", 7) == 0,
	       "expected \"first\" \"second!\", got \"%.5s\" \"%.7s\"", in1,
	       in2);
	EXPECT_EQ(sizeof(from), in[0].msg_hdr.msg_namelen);
	EXPECT_EQ(6404, ntohs(from.sin_port));

	/* nothing more: MSG_DONTWAIT gives EAGAIN, not 0 messages */
	args[3] = MSG_DONTWAIT;
	EXPECT_RET(-EAGAIN, raw_socketcall(SYS_RECVMMSG, args));
}

/* recvmmsg as Linux: MSG_WAITFORONE takes what is there after the first
 * message; a timeout is looked at after each message (a zero one: only the
 * first) and the time left written back, in the 32-bit layout (337, and
 * socketcall) and the 64-bit one (recvmmsg_time64, 417). */
static void udp_recvmmsg_waitforone_and_timeout(void)
{
	struct sockaddr_in to = loopback(6407);
	char buf[4][16];
	struct iovec iov[4];
	struct mmsghdr in[4];
	struct timespec zero = { 0, 0 }, five = { 5, 0 };
	long long five64[2] = { 5, 0 };
	int sender, receiver, i;

	EXPECT_OK(sender = udp_bound(6406));
	EXPECT_OK(receiver = udp_bound(6407));
	memset(in, 0, sizeof(in));
	for (i = 0; i < 4; i++) {
		iov[i].iov_base = buf[i];
		iov[i].iov_len = sizeof(buf[i]);
		in[i].msg_hdr.msg_iov = &iov[i];
		in[i].msg_hdr.msg_iovlen = 1;
	}
	for (i = 0; i < 5; i++)
		EXPECT_RET(1, LIBC(sendto(sender, "x", 1, 0,
					  (struct sockaddr *)&to, sizeof(to))));
	/* 5 queued: 4 asked for, one waits for */
	EXPECT_RET(1, sys6(337, receiver, (long)in, 4, 0, (long)&zero, 0));
	EXPECT_RET(2, sys6(337, receiver, (long)in, 2, 0, (long)&five, 0));
	EXPECT(five.tv_sec >= 3 && five.tv_sec <= 5,
	       "expected most of the 5 s written back, got %ld s",
	       (long)five.tv_sec);
	EXPECT_RET(2, sys6(417, receiver, (long)in, 4, MSG_WAITFORONE,
			   (long)five64, 0));
	EXPECT(five64[0] >= 3 && five64[0] <= 5,
	       "expected most of the 5 s written back (64-bit), got %lld s",
	       five64[0]);
	/* all 5 taken */
	EXPECT_RET(-EAGAIN,
		   sys6(337, receiver, (long)in, 4, MSG_DONTWAIT, 0, 0));
	close(sender);
	close(receiver);
}

#define BIG_SEND   (256 * 1024)
#define READER_NAP 100
#define SMALL_BUF  16384

/* The writer: one blocking send of BIG_SEND bytes. It cannot return before
 * the reader wakes up and drains the buffers, and then returns them all. */
static void big_writer(void *arg)
{
	static unsigned char buf[BIG_SEND];
	int fd = *(int *)arg;
	long start, i, took;

	for (i = 0; i < BIG_SEND; i++)
		buf[i] = pattern(i);
	start = now_ms();
	EXPECT_RET(BIG_SEND, LIBC(send(fd, buf, BIG_SEND, 0)));
	took = now_ms() - start;
	EXPECT(took >= READER_NAP - 20,
	       "expected send to block until the reader woke (%d ms), it "
	       "took %ld ms",
	       READER_NAP, took);
}

static void large_send_blocks(void)
{
	static unsigned char buf[BIG_SEND];
	int client, server, small = SMALL_BUF;
	long i;
	pid_t pid;

	EXPECT_OK(tcp_pair(6406, &client, &server));
	/* small buffers, so that Linux cannot take 256 KiB at once either */
	EXPECT_RET(0, LIBC(setsockopt(client, SOL_SOCKET, SO_SNDBUF, &small,
				      sizeof(small))));
	EXPECT_RET(0, LIBC(setsockopt(server, SOL_SOCKET, SO_RCVBUF, &small,
				      sizeof(small))));
	EXPECT_OK(pid = spawn_check(big_writer, &client));
	sleep_ms(READER_NAP);
	EXPECT_RET(BIG_SEND, read_full(server, buf, BIG_SEND));
	for (i = 0; i < BIG_SEND; i++)
		EXPECT(buf[i] == pattern(i),
		       "expected byte %ld to be 0x%02x, "
		       "got 0x%02x",
		       i, pattern(i), buf[i]);
	EXPECT_CHILD_OK(wait_status(pid));
}

const struct test_case data_tests[] = {
	{ "transfer_1mib", transfer_1mib },
	{ "sendmsg_recvmsg_iovecs", sendmsg_recvmsg_iovecs },
	{ "writev_readv", writev_readv },
	{ "recv_waitall", recv_waitall },
	{ "udp_sendmmsg_recvmmsg", udp_sendmmsg_recvmmsg },
	{ "udp_recvmmsg_waitforone_and_timeout",
	  udp_recvmmsg_waitforone_and_timeout },
	{ "large_send_blocks", large_send_blocks },
	{ 0, 0 },
};
