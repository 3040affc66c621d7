/*
 * replyhi [ip [port]]: the course's "hi" service. It binds a TCP socket to
 * 0.0.0.0:5001 (every interface: lo, and eth0, which QEMU's host port forward
 * reaches; or ip:port), forks, and the parent returns to the shell at
 * once while the child serves in the background: for every connection it
 * reads one message, prints it, replies "hi" and closes.
 *
 * bind and listen happen in the parent, before the fork, so a second
 * replyhi finds the port taken (EADDRINUSE) and says the service is already
 * running instead of leaving a second server behind.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define DEFAULT_IP   "0.0.0.0" /* INADDR_ANY */
#define DEFAULT_PORT 5001
#define MAX_MSG	     1024

static const char *err_name(int err)
{
	const char *name = strerrorname_np(err);

	return name ? name : "unknown error";
}

/* "what: ENAME" on stderr, and exit 1. */
static void die(const char *what)
{
	fprintf(stderr, "replyhi: %s: %s\n", what, err_name(errno));
	exit(1);
}

/* One connection: read a message, answer "hi", close. */
static void serve_one(int conn, const struct sockaddr_in *peer)
{
	char msg[MAX_MSG + 1];
	char ip[INET_ADDRSTRLEN];
	int port = ntohs(peer->sin_port);
	ssize_t n;

	inet_ntop(AF_INET, &peer->sin_addr, ip, sizeof(ip));
	n = recv(conn, msg, MAX_MSG, 0);
	if (n < 0) {
		printf("replyhi: recv: %s\n", err_name(errno));
		return;
	}
	msg[n] = '\0';
	printf("recv \"%s\" from %s:%d\n", msg, ip, port);
	if (send(conn, "hi", 2, 0) < 0) {
		printf("replyhi: send: %s\n", err_name(errno));
		return;
	}
	printf("send \"hi\" to %s:%d\n", ip, port);
}

/* The background child: accept forever. */
static void serve(int listener)
{
	struct sockaddr_in peer;
	socklen_t len;
	int conn;

	/* a client that leaves before our reply must not kill the service */
	signal(SIGPIPE, SIG_IGN);
	for (;;) {
		len = sizeof(peer);
		conn = accept(listener, (struct sockaddr *)&peer, &len);
		if (conn < 0) {
			printf("replyhi: accept: %s\n", err_name(errno));
			if (errno == EBADF || errno == ENOTSOCK ||
			    errno == EINVAL)
				exit(1);
			continue;
		}
		serve_one(conn, &peer);
		close(conn);
	}
}

int main(int argc, char **argv)
{
	const char *ip = argc > 1 ? argv[1] : DEFAULT_IP;
	int port = argc > 2 ? atoi(argv[2]) : DEFAULT_PORT;
	struct sockaddr_in addr;
	int listener, one = 1;
	pid_t pid;

	if (argc > 3) {
		fprintf(stderr, "usage: replyhi [ip [port]]\n");
		return 2;
	}
	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_port = htons(port);
	if (inet_pton(AF_INET, ip, &addr.sin_addr) != 1 || port <= 0 ||
	    port > 65535) {
		fprintf(stderr, "replyhi: bad address %s:%s\n", ip,
			argc > 2 ? argv[2] : "5001");
		return 2;
	}

	listener = socket(AF_INET, SOCK_STREAM, 0);
	if (listener < 0)
		die("socket");
	/* a restart right after a stop may find old connections in TIME_WAIT */
	if (setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) <
	    0)
		die("setsockopt");
	if (bind(listener, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
		if (errno == EADDRINUSE) {
			printf("replyhi: the service is already running on "
			       "%s:%d\n",
			       ip, port);
			return 1;
		}
		die("bind");
	}
	if (listen(listener, 16) < 0)
		die("listen");

	setvbuf(stdout, NULL, _IOLBF, 0);
	fflush(stdout); /* nothing buffered may be printed twice */
	pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		/* a session of its own: Ctrl-C at the shell does not stop it */
		setsid();
		serve(listener);
	}
	printf("replyhi: serving on %s:%d (pid %d)\n", ip, port, (int)pid);
	return 0;
}
