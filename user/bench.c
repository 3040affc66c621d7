/* bench: measures the paths a student waits on, inside MenuOS: a null syscall, fork+exit+
 * wait, a pipe round trip between two processes (two context switches), pipe throughput.
 * Prints one `bench <name> <value> <unit>` line each; tests/bench.py makes the table. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

/* Integer nanoseconds: our libc's printf has no floating point. */
static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void bench_getpid(void)
{
	const int n = 200000;
	long long t0 = now_ns();

	for (int i = 0; i < n; i++)
		getpid();
	printf("bench getpid %lld ns/call\n", (now_ns() - t0) / n);
}

static void bench_fork(void)
{
	const int n = 200;
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
	const int n = 5000;
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
	printf("bench pipe-roundtrip %lld us/round\n",
	       (now_ns() - t0) / n / 1000);
	waitpid(pid, NULL, 0);
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
	printf("bench pipe-throughput %lld MiB/s\n",
	       (long long)(total >> 20) * 1000000000LL / (now_ns() - t0));
}

/* A connected TCP pair over 127.0.0.1 (the listener is closed again). */
static void tcp_pair(int port, int *client, int *server)
{
	struct sockaddr_in a = {
		AF_INET, htons(port), { htonl(INADDR_LOOPBACK) }, { 0 }
	};
	int one = 1, l = socket(AF_INET, SOCK_STREAM, 0);

	setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	bind(l, (struct sockaddr *)&a, sizeof(a));
	listen(l, 1);
	*client = socket(AF_INET, SOCK_STREAM, 0);
	connect(*client, (struct sockaddr *)&a, sizeof(a));
	*server = accept(l, NULL, NULL);
	close(l);
	setsockopt(*client, IPPROTO_TCP, 1 /* TCP_NODELAY */, &one,
		   sizeof(one));
	setsockopt(*server, IPPROTO_TCP, 1, &one, sizeof(one));
}

static void bench_tcp_roundtrip(void)
{
	const int n = 2000;
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
	printf("bench tcp-throughput %lld MiB/s\n",
	       (long long)(total >> 20) * 1000000000LL / (now_ns() - t0));
}

int main(void)
{
	bench_getpid();
	bench_fork();
	bench_pipe_roundtrip();
	bench_pipe_throughput();
	bench_tcp_roundtrip();
	bench_tcp_throughput();
	return 0;
}
