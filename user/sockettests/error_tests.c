/*
 * errors: every way a socket call can be refused, with Linux's errno.
 * socketcall's own checks (call number, argument pointer); fds that are not
 * sockets or not open; families, types and protocols that do not exist;
 * addresses that are taken, unreachable, badly sized or not readable; calls
 * made in the wrong state (accept before listen, connect twice, send before
 * connect); and the end of a stream: read 0, EPIPE with SIGPIPE, half-close
 * with shutdown. Ports 6100-6199.
 */
#include "sockettests.h"

#include <errno.h>
#include <linux/net.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../testlib/sys.h"

#define BAD_PTR ((void *)1)

static void socketcall_bad_call(void)
{
	unsigned long args[6] = { AF_INET, SOCK_STREAM, 0, 0, 0, 0 };

	EXPECT_RET(-EINVAL, raw_socketcall(0, args));
	EXPECT_RET(-EINVAL, raw_socketcall(SYS_SENDMMSG + 1, args));
	EXPECT_RET(-EINVAL, raw_socketcall(-1, args));
}

static void socketcall_bad_args(void)
{
	EXPECT_RET(-EFAULT, raw_socketcall(SYS_SOCKET, NULL));
	EXPECT_RET(-EFAULT, raw_socketcall(SYS_SOCKET, BAD_PTR));
	EXPECT_RET(-EFAULT, raw_socketcall(SYS_BIND, (void *)0xC0000000UL));
}

static void not_a_socket(void)
{
	struct sockaddr_in addr = loopback(6100);
	int fds[2];

	EXPECT_OK(LIBC(pipe(fds)));
	EXPECT_RET(-ENOTSOCK,
		   LIBC(bind(fds[0], (struct sockaddr *)&addr, sizeof(addr))));
	EXPECT_RET(-ENOTSOCK, LIBC(listen(fds[1], 1)));
	EXPECT_RET(-ENOTSOCK, LIBC(accept(fds[0], NULL, NULL)));
	EXPECT_RET(-ENOTSOCK, LIBC(connect(fds[1], (struct sockaddr *)&addr,
					   sizeof(addr))));
	EXPECT_RET(-ENOTSOCK, LIBC(send(fds[1], "x", 1, 0)));
	EXPECT_RET(-ENOTSOCK, LIBC(recv(fds[0], NULL, 0, 0)));
	EXPECT_RET(-ENOTSOCK, LIBC(shutdown(fds[0], SHUT_RD)));
	if (isatty(0)) /* the console, when run from the shell */
		EXPECT_RET(-ENOTSOCK, LIBC(bind(0, (struct sockaddr *)&addr,
						sizeof(addr))));
}

static void bad_fd(void)
{
	struct sockaddr_in addr = loopback(6100);
	int fd;

	EXPECT_RET(-EBADF,
		   LIBC(bind(-1, (struct sockaddr *)&addr, sizeof(addr))));
	EXPECT_RET(-EBADF,
		   LIBC(bind(999, (struct sockaddr *)&addr, sizeof(addr))));
	EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_STREAM, 0)));
	EXPECT_RET(0, LIBC(close(fd)));
	EXPECT_RET(-EBADF, LIBC(listen(fd, 1)));
	EXPECT_RET(-EBADF, LIBC(accept(fd, NULL, NULL)));
	EXPECT_RET(-EBADF,
		   LIBC(connect(fd, (struct sockaddr *)&addr, sizeof(addr))));
	EXPECT_RET(-EBADF, LIBC(send(fd, "x", 1, 0)));
	EXPECT_RET(-EBADF,
		   LIBC(getsockopt(fd, SOL_SOCKET, SO_ERROR, NULL, NULL)));
}

static void socket_families_types(void)
{
	int fd;

	EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_STREAM, 0)));
	EXPECT_RET(0, LIBC(close(fd)));
	EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)));
	EXPECT_RET(0, LIBC(close(fd)));
	EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP)));
	EXPECT_RET(0, LIBC(close(fd)));
	EXPECT_RET(-EAFNOSUPPORT, LIBC(socket(99, SOCK_STREAM, 0)));
	EXPECT_RET(-EAFNOSUPPORT, LIBC(socket(-1, SOCK_STREAM, 0)));
	/* 99 = 0x63: type 3 with flag bits that are neither NONBLOCK nor
	 * CLOEXEC, refused before the type is looked at */
	EXPECT_RET(-EINVAL, LIBC(socket(AF_INET, 99, 0)));
	EXPECT_RET(-ESOCKTNOSUPPORT, LIBC(socket(AF_INET, 7, 0)));
	EXPECT_RET(-EPROTONOSUPPORT,
		   LIBC(socket(AF_INET, SOCK_STREAM, IPPROTO_UDP)));
	EXPECT_RET(-EPROTONOSUPPORT,
		   LIBC(socket(AF_INET, SOCK_DGRAM, IPPROTO_TCP)));
}

static void socketpair_inet(void)
{
	int sv[2];

	EXPECT_RET(-EOPNOTSUPP, LIBC(socketpair(AF_INET, SOCK_STREAM, 0, sv)));
	EXPECT_RET(-EOPNOTSUPP, LIBC(socketpair(AF_INET, SOCK_DGRAM, 0, sv)));
	EXPECT_RET(-EOPNOTSUPP,
		   sys4(__NR_socketpair, AF_INET, SOCK_STREAM, 0, (long)sv));
}

static void connect_refused(void)
{
	struct sockaddr_in addr = loopback(6101); /* nobody listens */
	int fd;

	EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_STREAM, 0)));
	EXPECT_RET(-ECONNREFUSED,
		   LIBC(connect(fd, (struct sockaddr *)&addr, sizeof(addr))));
	EXPECT_RET(-ECONNREFUSED, tcp_connect(6101));
}

static void bind_twice(void)
{
	struct sockaddr_in a = loopback(6102), b = loopback(6103);
	int fd;

	EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_STREAM, 0)));
	EXPECT_RET(0, LIBC(bind(fd, (struct sockaddr *)&a, sizeof(a))));
	EXPECT_RET(-EINVAL, LIBC(bind(fd, (struct sockaddr *)&b, sizeof(b))));
	EXPECT_RET(-EINVAL, LIBC(bind(fd, (struct sockaddr *)&a, sizeof(a))));
}

/* No connection ever uses port 6104, so no TIME_WAIT of an earlier run can
 * be in the way of the first bind. */
static void bind_in_use(void)
{
	struct sockaddr_in addr = loopback(6104);
	int first, second, one = 1;

	EXPECT_OK(first = LIBC(socket(AF_INET, SOCK_STREAM, 0)));
	EXPECT_RET(0,
		   LIBC(bind(first, (struct sockaddr *)&addr, sizeof(addr))));
	EXPECT_RET(0, LIBC(listen(first, 1)));
	EXPECT_OK(second = LIBC(socket(AF_INET, SOCK_STREAM, 0)));
	EXPECT_RET(-EADDRINUSE,
		   LIBC(bind(second, (struct sockaddr *)&addr, sizeof(addr))));
	/* SO_REUSEADDR does not share a port with a listener */
	EXPECT_RET(0, LIBC(setsockopt(second, SOL_SOCKET, SO_REUSEADDR, &one,
				      sizeof(one))));
	EXPECT_RET(-EADDRINUSE,
		   LIBC(bind(second, (struct sockaddr *)&addr, sizeof(addr))));
	EXPECT_RET(0, LIBC(close(first)));
	EXPECT_RET(0,
		   LIBC(bind(second, (struct sockaddr *)&addr, sizeof(addr))));
}

/* The server closes first, so its end of the connection stays in
 * TIME_WAIT on port 6105 after the listener is gone: a new bind needs
 * SO_REUSEADDR (which the listener had too). */
static void bind_reuse_time_wait(void)
{
	struct sockaddr_in addr = loopback(6105);
	int client, server, fd, one = 1;
	char c;

	EXPECT_OK(tcp_pair(6105, &client, &server));
	EXPECT_RET(0, LIBC(close(server)));
	EXPECT_RET(0, LIBC(read(client, &c, 1))); /* the server's FIN */
	EXPECT_RET(0,
		   LIBC(close(client))); /* server: FIN_WAIT_2 -> TIME_WAIT */
	sleep_ms(50);
	EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_STREAM, 0)));
	EXPECT_RET(-EADDRINUSE,
		   LIBC(bind(fd, (struct sockaddr *)&addr, sizeof(addr))));
	EXPECT_RET(0, LIBC(setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one,
				      sizeof(one))));
	EXPECT_RET(0, LIBC(bind(fd, (struct sockaddr *)&addr, sizeof(addr))));
	EXPECT_RET(0, LIBC(listen(fd, 1)));
}

static void accept_not_listening(void)
{
	struct sockaddr_in addr = loopback(6106);
	int fd;

	EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_STREAM, 0)));
	EXPECT_RET(-EINVAL, LIBC(accept(fd, NULL, NULL)));
	EXPECT_RET(0, LIBC(bind(fd, (struct sockaddr *)&addr, sizeof(addr))));
	EXPECT_RET(-EINVAL, LIBC(accept(fd, NULL, NULL)));
}

/* listen and accept are for streams */
static void listen_accept_udp(void)
{
	int fd;

	EXPECT_OK(fd = udp_bound(6114));
	EXPECT_RET(-EOPNOTSUPP, LIBC(listen(fd, 1)));
	EXPECT_RET(-EOPNOTSUPP, LIBC(accept(fd, NULL, NULL)));
}

/* Linux binds an unbound socket to an ephemeral port at listen(). */
static void listen_unbound(void)
{
	int fd, port;

	EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_STREAM, 0)));
	EXPECT_RET(0, LIBC(listen(fd, 1)));
	port = local_port(fd);
	EXPECT(port >= 1024, "expected an ephemeral port, got %d", port);
}

static void connect_twice(void)
{
	struct sockaddr_in addr = loopback(6107);
	int listener, fd;

	EXPECT_OK(listener = tcp_listener(6107));
	EXPECT_OK(fd = tcp_connect(6107));
	EXPECT_RET(-EISCONN,
		   LIBC(connect(fd, (struct sockaddr *)&addr, sizeof(addr))));
	EXPECT_RET(-EINVAL, LIBC(listen(fd, 1)));
}

/* A TCP socket that never connected: send is EPIPE (with SIGPIPE unless
 * MSG_NOSIGNAL), recv, getpeername and shutdown are ENOTCONN. */
static void unconnected_calls(void)
{
	struct sockaddr_in addr;
	socklen_t len = sizeof(addr);
	char buf[4];
	int fd;

	EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_STREAM, 0)));
	EXPECT_RET(-EPIPE, LIBC(send(fd, "x", 1, MSG_NOSIGNAL)));
	EXPECT_RET(-ENOTCONN, LIBC(recv(fd, buf, sizeof(buf), MSG_DONTWAIT)));
	EXPECT_RET(-ENOTCONN, LIBC(read(fd, buf, sizeof(buf))));
	EXPECT_RET(-ENOTCONN,
		   LIBC(getpeername(fd, (struct sockaddr *)&addr, &len)));
	EXPECT_RET(-ENOTCONN, LIBC(shutdown(fd, SHUT_RDWR)));
}

static int send_unconnected(void *arg)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	(void)arg;
	send(fd, "x", 1, 0);
	return 3; /* SIGPIPE should have ended us */
}

static void unconnected_send_sigpipe(void)
{
	pid_t pid;

	signal(SIGPIPE, SIG_DFL); /* whoever started us may have ignored it */
	EXPECT_OK(pid = spawn(send_unconnected, NULL));
	EXPECT_SIGNALED(wait_status(pid), SIGPIPE);
}

struct write_after_close {
	int port;
	int flags; /* of send: 0 or MSG_NOSIGNAL */
};

/* Writes to a socket whose peer closed. The first write still goes out
 * (Linux returns 1: the peer answers with a reset); the second one fails
 * with EPIPE. Exit 0 for EPIPE, 10 + n for other surprises. */
static int write_until_error(void *arg)
{
	struct write_after_close *how = arg;
	int client, server;
	char c;

	if (tcp_pair(how->port, &client, &server) < 0)
		return 10;
	close(server);
	if (read(client, &c, 1) != 0) /* the FIN arrived */
		return 11;
	if (send(client, "data", 4, how->flags) != 4)
		return 12;
	sleep_ms(20); /* the reset comes back */
	if (send(client, "data", 4, how->flags) != -1)
		return 13;
	return errno == EPIPE ? 0 : 14;
}

static void write_after_close_sigpipe(void)
{
	struct write_after_close how = { 6108, 0 };
	pid_t pid;

	signal(SIGPIPE, SIG_DFL);
	EXPECT_OK(pid = spawn(write_until_error, &how));
	EXPECT_SIGNALED(wait_status(pid), SIGPIPE);
}

static void write_after_close_nosignal(void)
{
	struct write_after_close how = { 6109, MSG_NOSIGNAL };
	pid_t pid;

	EXPECT_OK(pid = spawn(write_until_error, &how));
	EXPECT_EXITED(wait_status(pid), 0);
}

/* SIG_IGN: no signal, just EPIPE */
static void write_after_close_sigpipe_ignored(void)
{
	struct write_after_close how = { 6115, 0 };
	pid_t pid;

	signal(SIGPIPE, SIG_IGN);
	EXPECT_OK(pid = spawn(write_until_error, &how));
	EXPECT_EXITED(wait_status(pid), 0);
}

static void read_eof(void)
{
	int client, server;
	char buf[8];

	EXPECT_OK(tcp_pair(6110, &client, &server));
	EXPECT_RET(2, LIBC(send(server, "ab", 2, 0)));
	EXPECT_RET(0, LIBC(close(server)));
	EXPECT_RET(2, read_full(client, buf, sizeof(buf))); /* data, then EOF */
	EXPECT_RET(0, LIBC(read(client, buf, sizeof(buf))));
	EXPECT_RET(0, LIBC(recv(client, buf, sizeof(buf), 0)));
}

static void shutdown_half_close(void)
{
	int client, server;
	char buf[8];

	EXPECT_OK(tcp_pair(6111, &client, &server));
	EXPECT_RET(3, LIBC(send(client, "req", 3, 0)));
	EXPECT_RET(0, LIBC(shutdown(client, SHUT_WR)));
	EXPECT_RET(3, read_full(server, buf, sizeof(buf))); /* then EOF */
	EXPECT_RET(0, LIBC(read(server, buf, sizeof(buf))));
	EXPECT_RET(4, LIBC(send(server, "back", 4, 0))); /* still open */
	EXPECT_RET(4, read_full(client, buf, 4));
	EXPECT(memcmp(buf, "back", 4) == 0, "expected \"back\", got \"%.4s\"",
	       buf);
	EXPECT_RET(-EPIPE, LIBC(send(client, "x", 1, MSG_NOSIGNAL)));
	EXPECT_RET(-EINVAL, LIBC(shutdown(client, 3)));
	EXPECT_RET(0, LIBC(close(server)));
	EXPECT_RET(0, LIBC(read(client, buf, sizeof(buf))));
}

static void bad_sockaddr_pointer(void)
{
	int fd;

	EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_STREAM, 0)));
	EXPECT_RET(-EFAULT,
		   LIBC(bind(fd, BAD_PTR, sizeof(struct sockaddr_in))));
	EXPECT_RET(-EFAULT, LIBC(bind(fd, NULL, sizeof(struct sockaddr_in))));
	EXPECT_RET(-EFAULT,
		   LIBC(connect(fd, BAD_PTR, sizeof(struct sockaddr_in))));
	EXPECT_RET(-EFAULT, LIBC(getsockname(fd, BAD_PTR, BAD_PTR)));
}

static void addrlen_wrong(void)
{
	struct sockaddr_storage big;
	struct sockaddr_in *addr = (struct sockaddr_in *)&big;
	int fd;

	memset(&big, 0, sizeof(big));
	*addr = loopback(6112);
	EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_STREAM, 0)));
	EXPECT_RET(-EINVAL, LIBC(bind(fd, (struct sockaddr *)addr, 4)));
	EXPECT_RET(-EINVAL, LIBC(connect(fd, (struct sockaddr *)addr, 4)));
	EXPECT_RET(-EINVAL, LIBC(bind(fd, (struct sockaddr *)addr, 200)));
	EXPECT_RET(-EINVAL, LIBC(bind(fd, (struct sockaddr *)addr, -1)));
	/* longer than a sockaddr_in but within sockaddr_storage is fine */
	EXPECT_RET(0, LIBC(bind(fd, (struct sockaddr *)addr, sizeof(big))));
}

static void bind_wrong_family_or_address(void)
{
	struct sockaddr_in addr = loopback(6113);
	int fd;

	EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_STREAM, 0)));
	addr.sin_family = AF_UNIX;
	EXPECT_RET(-EAFNOSUPPORT,
		   LIBC(bind(fd, (struct sockaddr *)&addr, sizeof(addr))));
	addr = loopback(6113);
	addr.sin_addr.s_addr = htonl(0xc0000201); /* 192.0.2.1, TEST-NET */
	EXPECT_RET(-EADDRNOTAVAIL,
		   LIBC(bind(fd, (struct sockaddr *)&addr, sizeof(addr))));
}

/* A signal with a handler interrupts a blocked accept or recv: EINTR without
 * SA_RESTART; with SA_RESTART the call goes on and gets its connection. */
static void on_usr1(int sig)
{
	(void)sig;
}

static void catch_usr1(int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sa.sa_flags = flags;
	sigaction(SIGUSR1, &sa, NULL);
}

/* kill(pid, SIGUSR1) after 100 ms, then connect to port after 200 ms */
struct poke {
	pid_t pid;
	int port;
};

static int poke_then_connect(void *arg)
{
	struct poke *p = arg;
	int fd;

	sleep_ms(100);
	kill(p->pid, SIGUSR1);
	if (!p->port)
		return 0;
	sleep_ms(100);
	fd = tcp_connect(p->port);
	sleep_ms(200);
	return fd < 0;
}

static void accept_eintr(void)
{
	struct poke p = { getpid(), 0 };
	int listener;

	catch_usr1(0);
	EXPECT_OK(listener = tcp_listener(6190));
	spawn(poke_then_connect, &p);
	EXPECT_RET(-EINTR, LIBC(accept(listener, NULL, NULL)));
}

static void recv_eintr(void)
{
	struct poke p = { getpid(), 0 };
	int client, server;
	char c;

	catch_usr1(0);
	EXPECT_OK(tcp_pair(6191, &client, &server));
	spawn(poke_then_connect, &p);
	EXPECT_RET(-EINTR, LIBC(recv(server, &c, 1, 0)));
}

static void accept_sa_restart(void)
{
	struct poke p = { getpid(), 6192 };
	int listener;

	catch_usr1(SA_RESTART);
	EXPECT_OK(listener = tcp_listener(6192));
	spawn(poke_then_connect, &p);
	EXPECT_OK(LIBC(accept(listener, NULL, NULL)));
}

const struct test_case error_tests[] = {
	{ "accept_eintr", accept_eintr },
	{ "recv_eintr", recv_eintr },
	{ "accept_sa_restart", accept_sa_restart },
	{ "socketcall_bad_call", socketcall_bad_call },
	{ "socketcall_bad_args", socketcall_bad_args },
	{ "not_a_socket", not_a_socket },
	{ "bad_fd", bad_fd },
	{ "socket_families_types", socket_families_types },
	{ "socketpair_inet", socketpair_inet },
	{ "connect_refused", connect_refused },
	{ "bind_twice", bind_twice },
	{ "bind_in_use", bind_in_use },
	{ "bind_reuse_time_wait", bind_reuse_time_wait },
	{ "accept_not_listening", accept_not_listening },
	{ "listen_accept_udp", listen_accept_udp },
	{ "listen_unbound", listen_unbound },
	{ "connect_twice", connect_twice },
	{ "unconnected_calls", unconnected_calls },
	{ "unconnected_send_sigpipe", unconnected_send_sigpipe },
	{ "write_after_close_sigpipe", write_after_close_sigpipe },
	{ "write_after_close_nosignal", write_after_close_nosignal },
	{ "write_after_close_sigpipe_ignored",
	  write_after_close_sigpipe_ignored },
	{ "read_eof", read_eof },
	{ "shutdown_half_close", shutdown_half_close },
	{ "bad_sockaddr_pointer", bad_sockaddr_pointer },
	{ "addrlen_wrong", addrlen_wrong },
	{ "bind_wrong_family_or_address", bind_wrong_family_or_address },
	{ 0, 0 },
};
