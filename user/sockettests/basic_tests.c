/*
 * basic: the round trip every socket program makes. socket, bind, listen,
 * accept, connect, send and recv between a forked client and a server; the
 * addresses getsockname, getpeername and accept report; a socket fd is a
 * file like any other (read, write, close, dup, fstat says S_ISSOCK); and
 * the two ways into the kernel agree: socketcall(102) with an argument
 * array, and the direct syscalls 359-373. Ports 6000-6099.
 */
#include "sockettests.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <linux/net.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../testlib/sys.h"

#define LOOPBACK_NET htonl(INADDR_LOOPBACK)

static void round_trip_client(void *arg)
{
	char buf[8];
	int fd;

	(void)arg;
	EXPECT_OK(fd = tcp_connect(6000));
	EXPECT_RET(4, LIBC(send(fd, "ping", 4, 0)));
	EXPECT_RET(4, read_full(fd, buf, 4));
	EXPECT(memcmp(buf, "pong", 4) == 0, "expected \"pong\", got \"%.4s\"",
	       buf);
	EXPECT_RET(0, LIBC(close(fd)));
}

/* The server here, the client in a child process. */
static void tcp_round_trip(void)
{
	int listener, conn;
	char buf[8];
	pid_t pid;

	EXPECT_OK(listener = tcp_listener(6000));
	EXPECT_OK(pid = spawn_check(round_trip_client, NULL));
	EXPECT_OK(conn = LIBC(accept(listener, NULL, NULL)));
	EXPECT_RET(4, read_full(conn, buf, 4));
	EXPECT(memcmp(buf, "ping", 4) == 0, "expected \"ping\", got \"%.4s\"",
	       buf);
	EXPECT_RET(4, LIBC(send(conn, "pong", 4, 0)));
	EXPECT_RET(0,
		   LIBC(recv(conn, buf, sizeof(buf), 0))); /* client closed */
	EXPECT_CHILD_OK(wait_status(pid));
	EXPECT_RET(0, LIBC(close(conn)));
	EXPECT_RET(0, LIBC(close(listener)));
}

/* What is wrong with an address that should be 127.0.0.1:port (any port if
 * port is 0), or NULL if nothing is. */
static const char *addr_problem(const struct sockaddr_in *addr, socklen_t len,
				int port)
{
	static char why[100];

	if (len != sizeof(*addr))
		snprintf(why, sizeof(why),
			 "expected an address of %d bytes, got %d",
			 (int)sizeof(*addr), (int)len);
	else if (addr->sin_family != AF_INET ||
		 addr->sin_addr.s_addr != LOOPBACK_NET)
		snprintf(why, sizeof(why),
			 "expected family %d address 127.0.0.1, got family %d "
			 "address %s",
			 AF_INET, addr->sin_family, inet_ntoa(addr->sin_addr));
	else if (port > 0 && ntohs(addr->sin_port) != port)
		snprintf(why, sizeof(why), "expected port %d, got %d", port,
			 ntohs(addr->sin_port));
	else
		return NULL;
	return why;
}

#define EXPECT_ADDR(addr, len, port)                                 \
	do {                                                         \
		const char *why_ = addr_problem(&(addr), len, port); \
		EXPECT(!why_, "%s", why_);                           \
	} while (0)

static void getsockname_getpeername(void)
{
	struct sockaddr_in addr;
	socklen_t len;
	int client, server, client_port;

	EXPECT_OK(tcp_pair(6001, &client, &server));
	len = sizeof(addr);
	EXPECT_RET(0,
		   LIBC(getsockname(client, (struct sockaddr *)&addr, &len)));
	EXPECT_ADDR(addr, len, 0);
	client_port = ntohs(addr.sin_port);
	EXPECT(client_port != 0 && client_port != 6001,
	       "expected an ephemeral client port, got %d", client_port);
	len = sizeof(addr);
	EXPECT_RET(0,
		   LIBC(getpeername(client, (struct sockaddr *)&addr, &len)));
	EXPECT_ADDR(addr, len, 6001);
	len = sizeof(addr);
	EXPECT_RET(0,
		   LIBC(getsockname(server, (struct sockaddr *)&addr, &len)));
	EXPECT_ADDR(addr, len, 6001);
	len = sizeof(addr);
	EXPECT_RET(0,
		   LIBC(getpeername(server, (struct sockaddr *)&addr, &len)));
	EXPECT_ADDR(addr, len, client_port);
}

/* A buffer shorter than the address gets the first bytes; the length says
 * how long the whole address is. */
static void getsockname_short_buffer(void)
{
	struct sockaddr_in addr;
	socklen_t len = 4;
	int fd;

	EXPECT_OK(fd = tcp_listener(6002));
	memset(&addr, 0xee, sizeof(addr));
	EXPECT_RET(0, LIBC(getsockname(fd, (struct sockaddr *)&addr, &len)));
	EXPECT_EQ(sizeof(addr), len);
	EXPECT_EQ(AF_INET, addr.sin_family);
	EXPECT_EQ(6002, ntohs(addr.sin_port));
	EXPECT_EQ(0xeeeeeeee, addr.sin_addr.s_addr); /* not written */
}

/* Port 0: the kernel picks a free ephemeral port at bind time. */
static void bind_port_zero(void)
{
	struct sockaddr_in addr = loopback(0);
	int fd, port;

	EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_STREAM, 0)));
	EXPECT_EQ(0, local_port(fd)); /* unbound: 0.0.0.0:0 */
	EXPECT_RET(0, LIBC(bind(fd, (struct sockaddr *)&addr, sizeof(addr))));
	port = local_port(fd);
	EXPECT(port >= 1024, "expected an ephemeral port, got %d", port);
	EXPECT_RET(0, LIBC(listen(fd, 1)));
	EXPECT_EQ(port, local_port(fd));
}

static void accept_peer_address(void)
{
	struct sockaddr_in peer;
	socklen_t len = sizeof(peer) + 10; /* more room than needed */
	int listener, client, conn;

	EXPECT_OK(listener = tcp_listener(6003));
	EXPECT_OK(client = tcp_connect(6003));
	memset(&peer, 0, sizeof(peer));
	EXPECT_OK(
		conn = LIBC(accept(listener, (struct sockaddr *)&peer, &len)));
	EXPECT_ADDR(peer, len, local_port(client));
	EXPECT(conn != listener && conn != client,
	       "expected a new fd from accept, got %d", conn);
}

static void read_write_close(void)
{
	int client, server;
	char buf[16];

	EXPECT_OK(tcp_pair(6004, &client, &server));
	EXPECT_RET(5, LIBC(write(client, "hello", 5)));
	EXPECT_RET(5, read_full(server, buf, 5));
	EXPECT(memcmp(buf, "hello", 5) == 0, "expected \"hello\", got \"%.5s\"",
	       buf);
	EXPECT_RET(3, LIBC(write(server, "bye", 3)));
	EXPECT_RET(3, LIBC(read(client, buf, sizeof(buf))));
	EXPECT_RET(0, LIBC(close(client)));
	EXPECT_RET(0, LIBC(read(server, buf, sizeof(buf)))); /* end of stream */
	EXPECT_RET(0, LIBC(close(server)));
	EXPECT_RET(-EBADF, LIBC(close(server)));
}

static void fstat_is_socket(void)
{
	struct stat st;
	int client, server;

	EXPECT_OK(tcp_pair(6005, &client, &server));
	EXPECT_RET(0, LIBC(fstat(client, &st)));
	EXPECT(S_ISSOCK(st.st_mode), "expected S_ISSOCK, got mode 0%o",
	       (unsigned)st.st_mode);
	EXPECT_RET(0, LIBC(fstat(server, &st)));
	EXPECT(S_ISSOCK(st.st_mode), "expected S_ISSOCK, got mode 0%o",
	       (unsigned)st.st_mode);
	EXPECT_RET(-ESPIPE, LIBC(lseek(client, 0, SEEK_SET)));
}

static void dup_socket(void)
{
	int client, server, copy;
	char buf[8];

	EXPECT_OK(tcp_pair(6006, &client, &server));
	EXPECT_OK(copy = LIBC(dup(client)));
	EXPECT_RET(0, LIBC(close(client)));
	EXPECT_RET(3, LIBC(send(copy, "abc", 3, 0)));
	EXPECT_RET(3, read_full(server, buf, 3));
	EXPECT_RET(10, LIBC(dup2(copy, 10)));
	EXPECT_RET(0, LIBC(close(copy)));
	EXPECT_RET(2, LIBC(write(10, "de", 2)));
	EXPECT_RET(2, read_full(server, buf, 2));
	EXPECT(memcmp(buf, "de", 2) == 0, "expected \"de\", got \"%.2s\"", buf);
	EXPECT_RET(0, LIBC(close(10))); /* the last reference: FIN */
	EXPECT_RET(0, LIBC(read(server, buf, sizeof(buf))));
}

/* ---- socketcall(102) against the direct syscalls ---- */

typedef long (*socket_call_fn)(int call, unsigned long *args);

static long via_socketcall(int call, unsigned long *args)
{
	return raw_socketcall(call, args);
}

/* The same call through its own syscall number. i386 has no accept, send
 * or recv syscall: they are accept4, sendto and recvfrom with zeros. */
static long via_direct(int call, unsigned long *a)
{
	switch (call) {
	case SYS_SOCKET:
		return sys3(__NR_socket, a[0], a[1], a[2]);
	case SYS_BIND:
		return sys3(__NR_bind, a[0], a[1], a[2]);
	case SYS_CONNECT:
		return sys3(__NR_connect, a[0], a[1], a[2]);
	case SYS_LISTEN:
		return sys2(__NR_listen, a[0], a[1]);
	case SYS_ACCEPT:
		return sys4(__NR_accept4, a[0], a[1], a[2], 0);
	case SYS_ACCEPT4:
		return sys4(__NR_accept4, a[0], a[1], a[2], a[3]);
	case SYS_GETSOCKNAME:
		return sys3(__NR_getsockname, a[0], a[1], a[2]);
	case SYS_GETPEERNAME:
		return sys3(__NR_getpeername, a[0], a[1], a[2]);
	case SYS_SEND:
		return sys6(__NR_sendto, a[0], a[1], a[2], a[3], 0, 0);
	case SYS_RECV:
		return sys6(__NR_recvfrom, a[0], a[1], a[2], a[3], 0, 0);
	case SYS_SENDTO:
		return sys6(__NR_sendto, a[0], a[1], a[2], a[3], a[4], a[5]);
	case SYS_RECVFROM:
		return sys6(__NR_recvfrom, a[0], a[1], a[2], a[3], a[4], a[5]);
	case SYS_SHUTDOWN:
		return sys2(__NR_shutdown, a[0], a[1]);
	case SYS_SETSOCKOPT:
		return sys5(__NR_setsockopt, a[0], a[1], a[2], a[3], a[4]);
	case SYS_GETSOCKOPT:
		return sys5(__NR_getsockopt, a[0], a[1], a[2], a[3], a[4]);
	case SYS_SENDMSG:
		return sys3(__NR_sendmsg, a[0], a[1], a[2]);
	case SYS_RECVMSG:
		return sys3(__NR_recvmsg, a[0], a[1], a[2]);
	}
	return -ENOSYS;
}

#define U(x) ((unsigned long)(x))
#define CALL(what, ...)                                  \
	({                                               \
		unsigned long args_[] = { __VA_ARGS__ }; \
		call(what, args_);                       \
	})

/* Every socket call once, through call(): a round trip on port. */
static void round_trip_with(socket_call_fn call, int port)
{
	struct sockaddr_in addr = loopback(port), peer, name;
	socklen_t len, peer_len = sizeof(peer), name_len = sizeof(name);
	int listener, client, conn, conn2, one = 1, value = 0;
	char buf[8] = "";
	struct iovec iov = { buf, 2 };
	struct msghdr msg;

	EXPECT_OK(listener = CALL(SYS_SOCKET, AF_INET, SOCK_STREAM, 0));
	EXPECT_RET(0, CALL(SYS_SETSOCKOPT, listener, SOL_SOCKET, SO_REUSEADDR,
			   U(&one), sizeof(one)));
	len = sizeof(value);
	EXPECT_RET(0, CALL(SYS_GETSOCKOPT, listener, SOL_SOCKET, SO_REUSEADDR,
			   U(&value), U(&len)));
	EXPECT_EQ(1, value);
	EXPECT_EQ(sizeof(value), len);
	EXPECT_RET(0, CALL(SYS_BIND, listener, U(&addr), sizeof(addr)));
	EXPECT_RET(0, CALL(SYS_LISTEN, listener, 4));

	EXPECT_OK(client = CALL(SYS_SOCKET, AF_INET, SOCK_STREAM, 0));
	EXPECT_RET(0, CALL(SYS_CONNECT, client, U(&addr), sizeof(addr)));
	EXPECT_OK(
		conn = CALL(SYS_ACCEPT4, listener, U(&peer), U(&peer_len), 0));
	EXPECT_RET(0, CALL(SYS_GETSOCKNAME, client, U(&name), U(&name_len)));
	EXPECT_EQ(sizeof(peer), peer_len);
	EXPECT_EQ(ntohs(name.sin_port), ntohs(peer.sin_port));
	EXPECT_RET(0, CALL(SYS_GETPEERNAME, conn, U(&name), U(&name_len)));
	EXPECT_EQ(ntohs(peer.sin_port), ntohs(name.sin_port));

	EXPECT_RET(3, CALL(SYS_SENDTO, client, U("abc"), 3, 0, 0, 0));
	EXPECT_RET(3, CALL(SYS_RECVFROM, conn, U(buf), 3, MSG_WAITALL, 0, 0));
	EXPECT(memcmp(buf, "abc", 3) == 0, "expected \"abc\", got \"%.3s\"",
	       buf);
	memset(&msg, 0, sizeof(msg));
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	memcpy(buf, "de", 2);
	EXPECT_RET(2, CALL(SYS_SENDMSG, conn, U(&msg), 0));
	memset(buf, 0, sizeof(buf));
	EXPECT_RET(2, CALL(SYS_RECVMSG, client, U(&msg), MSG_WAITALL));
	EXPECT(memcmp(buf, "de", 2) == 0, "expected \"de\", got \"%.2s\"", buf);

	/* the calls i386 only has inside socketcall */
	EXPECT_OK(conn2 = CALL(SYS_SOCKET, AF_INET, SOCK_STREAM, 0));
	EXPECT_RET(0, CALL(SYS_CONNECT, conn2, U(&addr), sizeof(addr)));
	EXPECT_RET(0, LIBC(close(conn2)));
	EXPECT_OK(conn2 = CALL(SYS_ACCEPT, listener, 0, 0));
	EXPECT_RET(1, CALL(SYS_SEND, client, U("f"), 1, 0));
	EXPECT_RET(1, CALL(SYS_RECV, conn, U(buf), 1, 0));
	EXPECT_EQ('f', buf[0]);

	EXPECT_RET(0, CALL(SYS_SHUTDOWN, client, SHUT_WR));
	EXPECT_RET(0, CALL(SYS_RECV, conn, U(buf), sizeof(buf), 0));
	EXPECT_RET(0, LIBC(close(conn2)));
	EXPECT_RET(0, LIBC(close(conn)));
	EXPECT_RET(0, LIBC(close(client)));
	EXPECT_RET(0, LIBC(close(listener)));
}

/* eax=102, ebx=SYS_*, ecx=&args, as glibc and our libc do it */
static void socketcall_raw(void)
{
	round_trip_with(via_socketcall, 6007);
}

/* eax=359..373: the same calls with the arguments in registers */
static void direct_syscalls(void)
{
	round_trip_with(via_direct, 6008);
}

const struct test_case basic_tests[] = {
	{ "tcp_round_trip", tcp_round_trip },
	{ "getsockname_getpeername", getsockname_getpeername },
	{ "getsockname_short_buffer", getsockname_short_buffer },
	{ "bind_port_zero", bind_port_zero },
	{ "accept_peer_address", accept_peer_address },
	{ "read_write_close", read_write_close },
	{ "fstat_is_socket", fstat_is_socket },
	{ "dup_socket", dup_socket },
	{ "socketcall_raw", socketcall_raw },
	{ "direct_syscalls", direct_syscalls },
	{ 0, 0 },
};
