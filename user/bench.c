/* bench [rounds-scale]: measures the paths a student waits on. The same static
 * executable (our libc, Linux's i386 ABI) runs on MenuOS and on the Linux
 * peer (make linux-peer), so `make bench` compares the two kernels with one
 * program: a null syscall (getpid through int $0x80, as the course shows it),
 * socket+close, fork+exit+wait, a pipe round trip between two processes, pipe
 * throughput, and over 127.0.0.1: a TCP request/response the way hello and
 * replyhi do it (connect, "hello", "hi", close), a 1-byte TCP round trip on
 * one connection, and TCP stream throughput.
 * Prints one `bench <name> <value> <unit>` line each; tests/bench.py makes the
 * table. Integers only: our libc's printf has no floating point. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* getpid as the course's inline assembly does it: eax = 20, int $0x80 (the
 * same entry on both kernels; glibc on Linux would take the vDSO's sysenter) */
static inline long getpid_int80(void)
{
	long ret;

	asm volatile("int $0x80" : "=a"(ret) : "a"(20) : "memory");
	return ret;
}

static void bench_getpid(void)
{
	const int n = 100000;
	long long t0 = now_ns();

	for (int i = 0; i < n; i++)
		getpid_int80();
	printf("bench getpid %lld ns/call\n", (now_ns() - t0) / n);
}

static void bench_socket_close(void)
{
	const int n = 2000;
	long long t0 = now_ns();

	for (int i = 0; i < n; i++)
		close(socket(AF_INET, SOCK_STREAM, 0));
	printf("bench socket+close %lld ns/pair\n", (now_ns() - t0) / n);
}

static void bench_fork(void)
{
	const int n = 100;
	long long t0 = now_ns();

	for (int i = 0; i < n; i++) {
		pid_t pid = fork();
		if (pid == 0)
			_exit(0);
		waitpid(pid, NULL, 0);
	}
	printf("bench fork+exit+wait %lld us/round\n",
	       (now_ns() - t0) / n / 1000);
}

static void bench_pipe_roundtrip(void)
{
	const int n = 2000;
	int ping[2], pong[2];
	char c = 'x';

	pipe(ping);
	pipe(pong);
	pid_t pid = fork();
	if (pid == 0) {
		for (int i = 0; i < n; i++) {
			read(ping[0], &c, 1);
			write(pong[1], &c, 1);
		}
		_exit(0);
	}
	long long t0 = now_ns();
	for (int i = 0; i < n; i++) {
		write(ping[1], &c, 1);
		read(pong[0], &c, 1);
	}
	printf("bench pipe-roundtrip %lld ns/round\n", (now_ns() - t0) / n);
	waitpid(pid, NULL, 0);
	close(ping[0]);
	close(ping[1]);
	close(pong[0]);
	close(pong[1]);
}

/* KiB/s from bytes and nanoseconds, without overflowing 64 bits */
static long long kib_per_s(long long bytes, long long ns)
{
	return bytes / 1024 * 1000 / (ns / 1000000 + 1);
}

static void bench_pipe_throughput(void)
{
	const int total = 8 << 20;
	static char buf[4096];
	int p[2];

	pipe(p);
	pid_t pid = fork();
	if (pid == 0) {
		close(p[1]);
		while (read(p[0], buf, sizeof(buf)) > 0)
			;
		_exit(0);
	}
	close(p[0]);
	long long t0 = now_ns();
	for (int sent = 0; sent < total; sent += sizeof(buf))
		write(p[1], buf, sizeof(buf));
	close(p[1]);
	waitpid(pid, NULL, 0);
	printf("bench pipe-throughput %lld KiB/s\n",
	       kib_per_s(total, now_ns() - t0));
}

static struct sockaddr_in loopback(int port)
{
	struct sockaddr_in a;

	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons(port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return a;
}

static int listen_on(int port)
{
	struct sockaddr_in a = loopback(port);
	int one = 1, l = socket(AF_INET, SOCK_STREAM, 0);

	setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(l, (struct sockaddr *)&a, sizeof(a)) < 0 || listen(l, 16) < 0)
		perror("bench: bind/listen");
	return l;
}

/* hello against replyhi, n times: a new connection per request */
static void bench_tcp_request(void)
{
	const int n = 200;
	struct sockaddr_in a = loopback(7102);
	int l = listen_on(7102), failures = 0;
	char buf[16];

	pid_t pid = fork();
	if (pid == 0) {
		for (int i = 0; i < n; i++) {
			int c = accept(l, NULL, NULL);
			if (read(c, buf, sizeof(buf)) > 0)
				write(c, "hi", 2);
			close(c);
		}
		_exit(0);
	}
	long long t0 = now_ns();
	for (int i = 0; i < n; i++) {
		int fd = socket(AF_INET, SOCK_STREAM, 0);
		if (connect(fd, (struct sockaddr *)&a, sizeof(a)) < 0 ||
		    write(fd, "hello", 5) != 5 || read(fd, buf, 2) != 2)
			failures++;
		close(fd);
	}
	long long ns = now_ns() - t0;
	waitpid(pid, NULL, 0);
	close(l);
	if (failures)
		printf("bench: tcp-request: %d of %d failed\n", failures, n);
	printf("bench tcp-request %lld us/round\n", ns / n / 1000);
}

/* A connected TCP pair over 127.0.0.1 (the listener is closed again). */
static void tcp_pair(int port, int *client, int *server)
{
	struct sockaddr_in a = loopback(port);
	int one = 1, l = listen_on(port);

	*client = socket(AF_INET, SOCK_STREAM, 0);
	connect(*client, (struct sockaddr *)&a, sizeof(a));
	*server = accept(l, NULL, NULL);
	close(l);
	setsockopt(*client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	setsockopt(*server, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
}

static void bench_tcp_roundtrip(void)
{
	const int n = 1000;
	int client, server;
	char c = 'x';

	tcp_pair(7100, &client, &server);
	pid_t pid = fork();
	if (pid == 0) {
		for (int i = 0; i < n; i++) {
			read(server, &c, 1);
			write(server, &c, 1);
		}
		_exit(0);
	}
	long long t0 = now_ns();
	for (int i = 0; i < n; i++) {
		write(client, &c, 1);
		read(client, &c, 1);
	}
	printf("bench tcp-roundtrip %lld us/round\n",
	       (now_ns() - t0) / n / 1000);
	waitpid(pid, NULL, 0);
	close(client);
	close(server);
}

static void bench_tcp_throughput(void)
{
	const int total = 8 << 20;
	static char buf[8192];
	int client, server;

	tcp_pair(7101, &client, &server);
	pid_t pid = fork();
	if (pid == 0) {
		close(client);
		while (read(server, buf, sizeof(buf)) > 0)
			;
		_exit(0);
	}
	close(server);
	long long t0 = now_ns();
	for (int sent = 0; sent < total; sent += sizeof(buf))
		write(client, buf, sizeof(buf));
	close(client);
	waitpid(pid, NULL, 0);
	printf("bench tcp-throughput %lld KiB/s\n",
	       kib_per_s(total, now_ns() - t0));
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	bench_getpid();
	bench_socket_close();
	bench_fork();
	bench_pipe_roundtrip();
	bench_pipe_throughput();
	bench_tcp_request();
	bench_tcp_roundtrip();
	bench_tcp_throughput();
	return 0;
}
