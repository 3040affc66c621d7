/*
 * server ip port: the course's chat server. It waits for one client at a
 * time on ip:port; for every message it prints "<ip> say: <message>",
 * prompts "you say: " and sends the line you type back. When the client
 * leaves (it typed q) the server waits for the next one; Ctrl-C stops it.
 *
 * A message on the wire is one line with its '\n'; the '\n' makes an empty
 * line a message too (send of 0 bytes would send nothing at all).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_MSG 1024

static const char *err_name(int err)
{
	const char *name = strerrorname_np(err);

	return name ? name : "unknown error";
}

static void die(const char *what)
{
	fprintf(stderr, "server: %s: %s\n", what, err_name(errno));
	exit(1);
}

static void strip_newline(char *s)
{
	size_t len = strlen(s);

	while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == '\r'))
		s[--len] = '\0';
}

/* Talks with one client until it closes; returns 0 on EOF of our stdin. */
static int chat(int conn, const char *ip)
{
	char msg[MAX_MSG + 1], line[MAX_MSG];
	ssize_t n;

	for (;;) {
		n = recv(conn, msg, MAX_MSG, 0);
		if (n < 0) {
			printf("server: recv: %s\n", err_name(errno));
			return 1;
		}
		if (n == 0)
			return 1; /* the client closed */
		msg[n] = '\0';
		strip_newline(msg);
		printf("%s say: %s\n", ip, msg);
		printf("you say: ");
		fflush(stdout);
		if (!fgets(line, sizeof(line) - 1, stdin))
			return 0;
		strip_newline(line);
		strcat(line, "\n");
		if (send(conn, line, strlen(line), MSG_NOSIGNAL) < 0) {
			printf("server: send: %s\n", err_name(errno));
			return 1;
		}
	}
}

int main(int argc, char **argv)
{
	struct sockaddr_in addr, peer;
	char ip[INET_ADDRSTRLEN];
	socklen_t len;
	int listener, conn, one = 1, port;

	if (argc != 3) {
		fprintf(stderr, "usage: server ip port\n");
		return 2;
	}
	port = atoi(argv[2]);
	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_port = htons(port);
	if (inet_pton(AF_INET, argv[1], &addr.sin_addr) != 1 || port <= 0 ||
	    port > 65535) {
		fprintf(stderr, "server: bad address %s:%s\n", argv[1],
			argv[2]);
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);

	listener = socket(AF_INET, SOCK_STREAM, 0);
	if (listener < 0)
		die("socket");
	/* restart at once on the same port, past old TIME_WAIT connections */
	if (setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) <
	    0)
		die("setsockopt");
	if (bind(listener, (struct sockaddr *)&addr, sizeof(addr)) < 0)
		die("bind");
	if (listen(listener, 1) < 0)
		die("listen");
	printf("server: waiting on %s:%d\n", argv[1], port);

	for (;;) {
		len = sizeof(peer);
		conn = accept(listener, (struct sockaddr *)&peer, &len);
		if (conn < 0)
			die("accept");
		inet_ntop(AF_INET, &peer.sin_addr, ip, sizeof(ip));
		printf("server: %s:%d connected\n", ip, ntohs(peer.sin_port));
		if (!chat(conn, ip)) {
			close(conn);
			return 0;
		}
		close(conn);
		printf("server: %s:%d left\n", ip, ntohs(peer.sin_port));
	}
}
