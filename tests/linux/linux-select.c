/*
 * linux-select [port]: select(2) as a Linux program uses it (glibc,
 * static): a timeout on an empty pipe, a pipe becoming readable, a TCP
 * listener becoming readable when a client connects (127.0.0.1:port,
 * default 5021), a connected socket writable at once and readable when data
 * arrives, end of stream, and one select over several kinds of fd. Prints
 * "linux-select: <case> ok" per case, then "linux-select: N passed, N failed".
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static int passed, failed;

static void check(int ok, const char *name, const char *detail)
{
	if (ok) {
		passed++;
		printf("linux-select: %s ok\n", name);
	} else {
		failed++;
		printf("linux-select: %s FAILED: %s\n", name, detail);
	}
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* select on one fd for reading (or writing) with a timeout in ms */
static int wait_one(int fd, int for_write, int ms)
{
	struct timeval tv = { ms / 1000, (ms % 1000) * 1000 };
	fd_set set;

	FD_ZERO(&set);
	FD_SET(fd, &set);
	if (for_write)
		return select(fd + 1, NULL, &set, NULL, &tv);
	return select(fd + 1, &set, NULL, NULL, &tv);
}

static void pipe_cases(void)
{
	char detail[96], c;
	int p[2], r;
	double t0, waited;

	pipe(p);
	t0 = now();
	r = wait_one(p[0], 0, 200);
	waited = now() - t0;
	snprintf(detail, sizeof(detail), "returned %d after %.3f s", r, waited);
	check(r == 0 && waited >= 0.15 && waited < 2.0, "pipe-timeout", detail);
	write(p[1], "x", 1);
	r = wait_one(p[0], 0, 1000);
	check(r == 1 && read(p[0], &c, 1) == 1 && c == 'x', "pipe-readable",
	      "select did not see the byte");
	check(wait_one(p[1], 1, 0) == 1, "pipe-writable", "write end");
	close(p[0]);
	close(p[1]);
}

static void tcp_cases(int port)
{
	struct sockaddr_in addr;
	char buf[16], detail[96];
	int listener, client, server, one = 1, p[2], r;
	fd_set rd, wr;
	struct timeval tv;

	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_port = htons(port);
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	listener = socket(AF_INET, SOCK_STREAM, 0);
	setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(listener, (struct sockaddr *)&addr, sizeof(addr)) < 0 ||
	    listen(listener, 4) < 0) {
		perror("linux-select: bind/listen");
		failed++;
		return;
	}
	check(wait_one(listener, 0, 0) == 0, "listener-idle",
	      "readable with nobody connecting");
	client = socket(AF_INET, SOCK_STREAM, 0);
	if (connect(client, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
		perror("linux-select: connect");
		failed++;
		return;
	}
	check(wait_one(listener, 0, 2000) == 1, "listener-readable",
	      "no connection to accept");
	server = accept(listener, NULL, NULL);
	check(wait_one(client, 1, 1000) == 1, "socket-writable",
	      "a fresh connection is not writable");
	check(wait_one(client, 0, 100) == 0, "socket-idle",
	      "readable before any data");
	write(server, "ping", 4);
	r = wait_one(client, 0, 2000);
	check(r == 1 && read(client, buf, sizeof(buf)) == 4 &&
		      memcmp(buf, "ping", 4) == 0,
	      "socket-readable", "the data did not arrive");

	/* several fds at once: only the socket is ready */
	pipe(p);
	write(client, "pong", 4);
	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_SET(p[0], &rd);
	FD_SET(server, &rd);
	FD_SET(listener, &rd);
	tv.tv_sec = 2;
	tv.tv_usec = 0;
	r = select(FD_SETSIZE, &rd, &wr, NULL, &tv);
	snprintf(detail, sizeof(detail), "r=%d pipe=%d server=%d listener=%d",
		 r, FD_ISSET(p[0], &rd), FD_ISSET(server, &rd),
		 FD_ISSET(listener, &rd));
	check(r == 1 && FD_ISSET(server, &rd) && !FD_ISSET(p[0], &rd) &&
		      !FD_ISSET(listener, &rd),
	      "many-fds", detail);
	read(server, buf, sizeof(buf));

	close(server);
	r = wait_one(client, 0, 2000);
	check(r == 1 && read(client, buf, sizeof(buf)) == 0, "socket-eof",
	      "no end of stream after the peer closed");
	close(client);
	close(listener);
	close(p[0]);
	close(p[1]);
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	pipe_cases();
	tcp_cases(argc > 1 ? atoi(argv[1]) : 5021);
	printf("linux-select: %d passed, %d failed\n", passed, failed);
	return failed != 0;
}
