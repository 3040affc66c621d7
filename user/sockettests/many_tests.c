/*
 * many: several connections at once. Eight forked clients talk to one
 * server that polls them all; a server that forks a process per client;
 * and the listen backlog: with nobody accepting, listen(fd, 2) still lets
 * at least 2 connections complete (Linux lets backlog + 1). Ports
 * 6500-6599.
 */
#include "sockettests.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define CLIENTS	 8
#define MESSAGES 10
#define MSG_SIZE 16

/* A client: MESSAGES fixed-size messages, each echoed back. */
static void echo_client(void *arg)
{
	int port = ((int *)arg)[0], id = ((int *)arg)[1], fd, j;
	char msg[MSG_SIZE], back[MSG_SIZE];

	EXPECT_OK(fd = tcp_connect(port));
	for (j = 0; j < MESSAGES; j++) {
		memset(msg, '.', sizeof(msg));
		snprintf(msg, sizeof(msg), "client %d msg %d", id, j);
		EXPECT_RET(MSG_SIZE, write_full(fd, msg, MSG_SIZE));
		EXPECT_RET(MSG_SIZE, read_full(fd, back, MSG_SIZE));
		EXPECT(memcmp(msg, back, MSG_SIZE) == 0,
		       "expected \"%.16s\" back, got \"%.16s\"", msg, back);
	}
	EXPECT_RET(0, LIBC(close(fd)));
}

/* One process serves every client: poll on the listener and all
 * connections, echo what comes, until all CLIENTS have come and gone. */
static void poll_server_8_clients(void)
{
	struct pollfd pfd[CLIENTS + 1];
	int args[CLIENTS][2], nfds = 1, done = 0, i, n;
	pid_t pids[CLIENTS];
	char buf[256];

	EXPECT_OK(pfd[0].fd = tcp_listener(6500));
	pfd[0].events = POLLIN;
	for (i = 0; i < CLIENTS; i++) {
		args[i][0] = 6500;
		args[i][1] = i;
		EXPECT_OK(pids[i] = spawn_check(echo_client, args[i]));
	}
	while (done < CLIENTS) {
		n = LIBC(poll(pfd, nfds, 5000));
		EXPECT(n > 0, "expected poll to report an event, got %s",
		       result_str(n));
		if (pfd[0].revents & POLLIN) {
			EXPECT(nfds <= CLIENTS, "expected at most %d clients",
			       CLIENTS);
			EXPECT_OK(pfd[nfds].fd =
					  LIBC(accept(pfd[0].fd, NULL, NULL)));
			pfd[nfds++].events = POLLIN;
		}
		for (i = 1; i < nfds; i++) {
			if (pfd[i].fd < 0 || !pfd[i].revents)
				continue;
			n = LIBC(read(pfd[i].fd, buf, sizeof(buf)));
			EXPECT(n >= 0, "expected data or EOF, got %s",
			       result_str(n));
			if (n == 0) {
				close(pfd[i].fd);
				pfd[i].fd = -1; /* poll skips it */
				done++;
				continue;
			}
			EXPECT_RET(n, write_full(pfd[i].fd, buf, n));
		}
	}
	for (i = 0; i < CLIENTS; i++)
		EXPECT_CHILD_OK(wait_status(pids[i]));
}

/* The server's helper for one connection: echo until EOF. */
static int echo_until_eof(void *arg)
{
	int fd = *(int *)arg;
	char buf[256];
	long n;

	while ((n = read(fd, buf, sizeof(buf))) > 0)
		if (write_full(fd, buf, n) != n)
			return 1;
	return n == 0 ? 0 : 2;
}

/* The classic forking server: accept, fork, the child serves. */
static void fork_server_4_clients(void)
{
	int args[4][2], listener, conn, i;
	pid_t clients[4], handlers[4];

	EXPECT_OK(listener = tcp_listener(6501));
	for (i = 0; i < 4; i++) {
		args[i][0] = 6501;
		args[i][1] = i;
		EXPECT_OK(clients[i] = spawn_check(echo_client, args[i]));
	}
	for (i = 0; i < 4; i++) {
		EXPECT_OK(conn = LIBC(accept(listener, NULL, NULL)));
		EXPECT_OK(handlers[i] = spawn(echo_until_eof, &conn));
		EXPECT_RET(0, LIBC(close(conn))); /* the handler has it */
	}
	for (i = 0; i < 4; i++) {
		EXPECT_CHILD_OK(wait_status(clients[i]));
		EXPECT_EXITED(wait_status(handlers[i]), 0);
	}
}

#define TRIES 6

/* listen(fd, 2) and no accept: start TRIES non-blocking connects and
 * count how many complete. */
static void listen_backlog(void)
{
	struct sockaddr_in addr = loopback(6502);
	struct pollfd pfd[TRIES];
	int listener, connected = 0, accepted = 0, i, fd, one = 1;
	char note[80];

	EXPECT_OK(listener = LIBC(socket(AF_INET, SOCK_STREAM, 0)));
	EXPECT_RET(0, LIBC(setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one,
				      sizeof(one))));
	EXPECT_RET(0, LIBC(bind(listener, (struct sockaddr *)&addr,
				sizeof(addr))));
	EXPECT_RET(0, LIBC(listen(listener, 2)));
	for (i = 0; i < TRIES; i++) {
		EXPECT_OK(fd = LIBC(socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK,
					   0)));
		EXPECT_RET(-EINPROGRESS,
			   LIBC(connect(fd, (struct sockaddr *)&addr,
					sizeof(addr))));
		pfd[i].fd = fd;
		pfd[i].events = POLLOUT;
		sleep_ms(20); /* one after the other, in order */
	}
	sleep_ms(200);
	EXPECT_OK(LIBC(poll(pfd, TRIES, 0)));
	for (i = 0; i < TRIES; i++)
		if (pfd[i].revents == POLLOUT)
			connected++;
	EXPECT(connected >= 2 && connected < TRIES,
	       "expected 2 to %d of %d connects to complete, got %d", TRIES - 1,
	       TRIES, connected);
	EXPECT_RET(0, LIBC(fcntl(listener, F_SETFL, O_NONBLOCK)));
	while (accepted < TRIES && accept(listener, NULL, NULL) >= 0)
		accepted++;
	EXPECT(accepted >= 2, "expected at least 2 queued connections, got %d",
	       accepted);
	snprintf(note, sizeof(note), "%d of %d connected, %d accepted",
		 connected, TRIES, accepted);
	skip(note);
}

const struct test_case many_tests[] = {
	{ "poll_server_8_clients", poll_server_8_clients },
	{ "fork_server_4_clients", fork_server_4_clients },
	{ "listen_backlog", listen_backlog },
	{ 0, 0 },
};
