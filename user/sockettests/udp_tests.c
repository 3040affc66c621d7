/*
 * udp: datagrams on 127.0.0.1. sendto and recvfrom with addresses (the
 * receiver learns the sender's port); connect fixes the peer, so send and
 * recv need no address and datagrams from others are not delivered; every
 * send is one message (boundaries kept, a short buffer truncates it); an
 * empty queue gives EAGAIN with MSG_DONTWAIT. Ports 6600-6699.
 */
#include "sockettests.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define SA(addr) ((struct sockaddr *)&(addr))

static void udp_sendto_recvfrom(void)
{
	struct sockaddr_in to = loopback(6601), from;
	socklen_t len = sizeof(from);
	int a, b;
	char buf[16];

	EXPECT_OK(a = udp_bound(6600));
	EXPECT_OK(b = udp_bound(6601));
	EXPECT_RET(5, LIBC(sendto(a, "hello", 5, 0, SA(to), sizeof(to))));
	memset(&from, 0, sizeof(from));
	EXPECT_RET(5, LIBC(recvfrom(b, buf, sizeof(buf), 0, SA(from), &len)));
	EXPECT(memcmp(buf, "hello", 5) == 0, "expected \"hello\", got \"%.5s\"",
	       buf);
	EXPECT_EQ(sizeof(from), len);
	EXPECT_EQ(AF_INET, from.sin_family);
	EXPECT_EQ(htonl(INADDR_LOOPBACK), from.sin_addr.s_addr);
	EXPECT_EQ(6600, ntohs(from.sin_port));
	/* answer to where it came from */
	EXPECT_RET(2, LIBC(sendto(b, "hi", 2, 0, SA(from), len)));
	EXPECT_RET(2, LIBC(recvfrom(a, buf, sizeof(buf), 0, NULL, NULL)));
}

static void udp_connect_send_recv(void)
{
	struct sockaddr_in peer = loopback(6603), addr;
	socklen_t len = sizeof(addr);
	int a, b, c;
	char buf[16];

	EXPECT_OK(a = udp_bound(6602));
	EXPECT_OK(b = udp_bound(6603));
	EXPECT_OK(c = udp_bound(6604));
	EXPECT_RET(0, LIBC(connect(a, SA(peer), sizeof(peer))));
	EXPECT_RET(0, LIBC(getpeername(a, SA(addr), &len)));
	EXPECT_EQ(6603, ntohs(addr.sin_port));
	EXPECT_RET(3, LIBC(send(a, "one", 3, 0)));
	EXPECT_RET(3, LIBC(recv(b, buf, sizeof(buf), 0)));
	EXPECT_RET(3, LIBC(write(a, "two", 3)));
	EXPECT_RET(3, LIBC(read(b, buf, sizeof(buf))));
	/* a takes datagrams from b only */
	peer = loopback(6602);
	EXPECT_RET(5, LIBC(sendto(c, "other", 5, 0, SA(peer), sizeof(peer))));
	EXPECT_RET(4, LIBC(sendto(b, "back", 4, 0, SA(peer), sizeof(peer))));
	EXPECT_RET(4, LIBC(recv(a, buf, sizeof(buf), 0)));
	EXPECT(memcmp(buf, "back", 4) == 0, "expected \"back\", got \"%.4s\"",
	       buf);
	EXPECT_RET(-EAGAIN, LIBC(recv(a, buf, sizeof(buf), MSG_DONTWAIT)));
}

static void udp_dontwait_empty(void)
{
	char buf[16];
	int fd;

	EXPECT_OK(fd = udp_bound(6605));
	EXPECT_RET(-EAGAIN, LIBC(recv(fd, buf, sizeof(buf), MSG_DONTWAIT)));
	EXPECT_RET(-EAGAIN, LIBC(recvfrom(fd, buf, sizeof(buf), MSG_DONTWAIT,
					  NULL, NULL)));
}

static void udp_message_boundaries(void)
{
	struct sockaddr_in to = loopback(6607);
	int a, b;
	char buf[64];

	EXPECT_OK(a = udp_bound(6606));
	EXPECT_OK(b = udp_bound(6607));
	EXPECT_RET(3, LIBC(sendto(a, "one", 3, 0, SA(to), sizeof(to))));
	EXPECT_RET(4, LIBC(sendto(a, "two!", 4, 0, SA(to), sizeof(to))));
	EXPECT_RET(0, LIBC(sendto(a, "", 0, 0, SA(to), sizeof(to))));
	EXPECT_RET(3, LIBC(recv(b, buf, sizeof(buf), 0)));
	EXPECT_RET(4, LIBC(recv(b, buf, sizeof(buf), 0)));
	EXPECT(memcmp(buf, "two!", 4) == 0, "expected \"two!\", got \"%.4s\"",
	       buf);
	EXPECT_RET(0, LIBC(recv(b, buf, sizeof(buf), 0))); /* empty message */
	EXPECT_RET(-EAGAIN, LIBC(recv(b, buf, sizeof(buf), MSG_DONTWAIT)));
}

/* A short buffer gets the start of a datagram; the rest is dropped.
 * MSG_TRUNC makes recv return the datagram's real length. */
static void udp_truncate(void)
{
	struct sockaddr_in to = loopback(6609);
	struct iovec iov;
	struct msghdr msg;
	char buf[16];
	int a, b;

	EXPECT_OK(a = udp_bound(6608));
	EXPECT_OK(b = udp_bound(6609));
	EXPECT_RET(10,
		   LIBC(sendto(a, "0123456789", 10, 0, SA(to), sizeof(to))));
	EXPECT_RET(10,
		   LIBC(sendto(a, "abcdefghij", 10, 0, SA(to), sizeof(to))));
	EXPECT_RET(10,
		   LIBC(sendto(a, "ABCDEFGHIJ", 10, 0, SA(to), sizeof(to))));
	EXPECT_RET(4, LIBC(recv(b, buf, 4, 0)));
	EXPECT(memcmp(buf, "0123", 4) == 0, "expected \"0123\", got \"%.4s\"",
	       buf);
	EXPECT_RET(10, LIBC(recv(b, buf, 4, MSG_TRUNC)));
	EXPECT(memcmp(buf, "abcd", 4) == 0, "expected \"abcd\", got \"%.4s\"",
	       buf);
	iov.iov_base = buf;
	iov.iov_len = 4;
	memset(&msg, 0, sizeof(msg));
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	EXPECT_RET(4, LIBC(recvmsg(b, &msg, 0)));
	EXPECT_EQ(MSG_TRUNC, msg.msg_flags);
	EXPECT_RET(-EAGAIN, LIBC(recv(b, buf, sizeof(buf), MSG_DONTWAIT)));
}

/* sendto from an unbound socket binds it to an ephemeral port. */
static void udp_unbound_sendto(void)
{
	struct sockaddr_in to = loopback(6610), from;
	socklen_t len = sizeof(from);
	int a, b;
	char buf[8];

	EXPECT_OK(a = LIBC(socket(AF_INET, SOCK_DGRAM, 0)));
	EXPECT_OK(b = udp_bound(6610));
	EXPECT_EQ(0, local_port(a));
	EXPECT_RET(-EDESTADDRREQ, LIBC(send(a, "x", 1, 0)));
	EXPECT_RET(1, LIBC(sendto(a, "x", 1, 0, SA(to), sizeof(to))));
	EXPECT_RET(1, LIBC(recvfrom(b, buf, sizeof(buf), 0, SA(from), &len)));
	EXPECT(ntohs(from.sin_port) != 0, "expected a sender port, got 0");
	EXPECT_EQ(ntohs(from.sin_port), local_port(a));
}

/* Two UDP sockets cannot share a port without SO_REUSEADDR. */
static void udp_bind_in_use(void)
{
	int a;

	EXPECT_OK(a = udp_bound(6611));
	EXPECT_RET(-EADDRINUSE, udp_bound(6611));
	EXPECT_RET(0, LIBC(close(a)));
	EXPECT_OK(udp_bound(6611)); /* no TIME_WAIT for UDP */
}

const struct test_case udp_tests[] = {
	{ "udp_sendto_recvfrom", udp_sendto_recvfrom },
	{ "udp_connect_send_recv", udp_connect_send_recv },
	{ "udp_dontwait_empty", udp_dontwait_empty },
	{ "udp_message_boundaries", udp_message_boundaries },
	{ "udp_truncate", udp_truncate },
	{ "udp_unbound_sendto", udp_unbound_sendto },
	{ "udp_bind_in_use", udp_bind_in_use },
	{ 0, 0 },
};
