/*
 * The descriptors a batch plays with, made the same way for the same batch:
 * TCP sockets (fresh, listening on 127.0.0.1, and both ends of a loopback
 * connection), UDP (bound, connected), AF_UNIX pairs and a listener, a ping
 * socket, a pipe, /dev/null, /dev/zero, a /proc file, and the number of a
 * descriptor that was just closed. Any call that takes an fd gets one of
 * these, or 0-2 (/dev/null in a batch), or a closed, negative or huge one.
 */
#include "fuzz.h"

#include <fcntl.h>
#include <signal.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define POOL_MAX 24

static int pool[POOL_MAX], npool;
static int sockets[POOL_MAX], nsockets;
static int closed_fd = 40, my_pid, partner;
int pool_sock_port = 30000;

static void add(int fd, int is_socket)
{
	if (fd < 0 || fd >= VERBOSE_FD || npool >= POOL_MAX)
		return;
	pool[npool++] = fd;
	if (is_socket)
		sockets[nsockets++] = fd;
}

static struct sockaddr_in inet_addr_port(int port)
{
	struct sockaddr_in a;

	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons(port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return a;
}

static void tcp_sockets(int nonblock)
{
	struct sockaddr_in a = inet_addr_port(pool_sock_port);
	int one = 1, listener, client, conn;

	add(socket(AF_INET, SOCK_STREAM | nonblock, 0), 1);
	listener = socket(AF_INET, SOCK_STREAM, 0);
	if (listener < 0)
		return;
	setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(listener, (struct sockaddr *)&a, sizeof(a)) < 0 ||
	    listen(listener, 4) < 0) {
		close(listener);
		return;
	}
	client = socket(AF_INET, SOCK_STREAM, 0);
	if (client >= 0 &&
	    connect(client, (struct sockaddr *)&a, sizeof(a)) == 0) {
		conn = accept(listener, NULL, NULL);
		add(conn, 1);
	}
	add(client, 1);
	add(listener, 1);
	if (nonblock) {
		for (int i = 0; i < nsockets; i++)
			fcntl(sockets[i], F_SETFL, O_NONBLOCK);
	}
}

static void udp_sockets(int nonblock)
{
	struct sockaddr_in a = inet_addr_port(pool_sock_port + 1);
	int bound = socket(AF_INET, SOCK_DGRAM | nonblock, 0);
	int connected = socket(AF_INET, SOCK_DGRAM | nonblock, 0);

	if (bound >= 0)
		bind(bound, (struct sockaddr *)&a, sizeof(a));
	if (connected >= 0)
		connect(connected, (struct sockaddr *)&a, sizeof(a));
	add(bound, 1);
	add(connected, 1);
	add(socket(AF_INET, SOCK_DGRAM | nonblock, IPPROTO_ICMP), 1);
}

static void unix_sockets(int nonblock)
{
	struct sockaddr_un a;
	int sv[2], listener;

	if (socketpair(AF_UNIX, SOCK_STREAM | nonblock, 0, sv) == 0)
		add(sv[0], 1), add(sv[1], 1);
	if (socketpair(AF_UNIX, SOCK_DGRAM | nonblock, 0, sv) == 0)
		add(sv[0], 1), add(sv[1], 1);
	/* an abstract name: nothing to clean up after the batch */
	memset(&a, 0, sizeof(a));
	a.sun_family = AF_UNIX;
	memcpy(a.sun_path + 1, "fuzz-abstract0", 14);
	listener = socket(AF_UNIX, SOCK_STREAM | nonblock, 0);
	if (listener >= 0 && (bind(listener, (struct sockaddr *)&a,
				   sizeof(a.sun_family) + 15) < 0 ||
			      listen(listener, 2) < 0)) {
		close(listener);
		listener = -1;
	}
	add(listener, 1);
}

/* A child that asks to be traced by the batch and stops: ptrace's
 * requests then have a real tracee (it dies with the batch's group). */
static void start_partner(void)
{
	partner = fork();
	if (partner == 0) {
		close(REPORT_FD);
		close(VERBOSE_FD);
		__asm__ volatile("int $0x80" ::"a"(26 /* ptrace */),
				 "b"(0 /* TRACEME */), "c"(0), "d"(0), "S"(0));
		for (;;)
			kill(getpid(), SIGSTOP), pause();
	}
	if (partner < 0)
		partner = 0;
}

int partner_pid(void)
{
	return partner;
}

void pool_setup(int batch)
{
	int nonblock = (batch % 10) < 7 ? SOCK_NONBLOCK : 0, fds[2];

	npool = nsockets = 0;
	my_pid = getpid();
	start_partner();
	/* ports 30000-49999, a pair per batch; a recent batch's may linger */
	pool_sock_port = 30000 + (batch * 2) % 20000;
	tcp_sockets(nonblock);
	udp_sockets(nonblock);
	unix_sockets(nonblock);
	if (pipe2(fds, nonblock ? O_NONBLOCK : 0) == 0)
		add(fds[0], 0), add(fds[1], 0);
	add(open("/dev/null", O_RDWR), 0);
	add(open("/dev/zero", O_RDONLY), 0);
	add(open("/proc/meminfo", O_RDONLY), 0);
	add(open("/tmp/fuzz-0", O_RDWR | O_CREAT, 0644), 0);
	closed_fd = open("/dev/null", O_RDONLY);
	if (closed_fd >= 0)
		close(closed_fd);
	else
		closed_fd = 50;
}

int pool_fd(void)
{
	return npool ? pool[below(npool)] : 0;
}

int pool_socket(void)
{
	return nsockets ? sockets[below(nsockets)] : pool_fd();
}

int any_fd(void)
{
	static const int odd[] = {
		-1,   -100 /* AT_FDCWD */, -2147483647 - 1, 64, 65,
		1000, 0x7fffffff
	};
	int fd;

	switch (below(20)) {
	case 0:
	case 1:
		return closed_fd;
	case 2:
	case 3:
		return below(3);
	case 4:
	case 5:
		return odd[below(sizeof(odd) / sizeof(odd[0]))];
	case 6:
		fd = below(VERBOSE_FD); /* whatever is there, or nothing */
		return fd;
	case 7:
	case 8:
		return pool_socket();
	default:
		return pool_fd();
	}
}

int self_pid(void)
{
	return my_pid;
}

/* Nobody has these pids (MenuOS counts up from 1). */
int other_pid(void)
{
	return 0x3ff00000 + (int)below(0x1000);
}

void pool_cleanup_files(void)
{
	static const char *const names[] = {
		"/tmp/fuzz-0",	    "/tmp/fuzz-1",	"/tmp/fuzz-2",
		"/tmp/fuzz-3",	    "/tmp/fuzz-sock-0", "/tmp/fuzz-sock-1",
		"/tmp/fuzz-sock-2", "/tmp/fuzz-sock-3", "/tmp/fuzz-dir/fuzz",
	};

	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		unlink(names[i]);
	rmdir("/tmp/fuzz-dir/fuzz");
	rmdir("/tmp/fuzz-dir");
}
