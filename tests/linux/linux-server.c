/*
 * linux-server ip port: the course's chat server as a student writes it for
 * Linux, built with Debian's i686-linux-gnu-gcc -static against glibc and
 * run unmodified on MenuOS. It waits for one client at a time; for every
 * message it prints "<ip> say: <message>", prompts "you say: " and sends the
 * line typed back. When the client leaves it waits for the next one.
 *
 * It speaks the protocol of MenuOS's own server/client (user/server.c): one
 * line with its '\n' per message, so the two can be mixed.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_MSG 1024

static void die(const char *what)
{
	perror(what);
	exit(1);
}

static void strip_newline(char *s)
{
	s[strcspn(s, "\r\n")] = '\0';
}

/* Talks with one client until it closes; returns 0 on EOF of stdin. */
static int chat(int conn, const char *ip)
{
	char msg[MAX_MSG + 1], line[MAX_MSG];
	ssize_t n;

	for (;;) {
		n = recv(conn, msg, MAX_MSG, 0);
		if (n <= 0)
			return 1; /* the client closed, or an error */
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
			perror("send");
			return 1;
		}
	}
}

int main(int argc, char **argv)
{
	struct sockaddr_in addr, peer;
	char ip[INET_ADDRSTRLEN];
	socklen_t len;
	int listener, conn, one = 1;

	if (argc != 3) {
		fprintf(stderr, "usage: linux-server ip port\n");
		return 2;
	}
	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_port = htons(atoi(argv[2]));
	if (inet_pton(AF_INET, argv[1], &addr.sin_addr) != 1) {
		fprintf(stderr, "linux-server: bad address %s\n", argv[1]);
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);

	listener = socket(AF_INET, SOCK_STREAM, 0);
	if (listener < 0)
		die("socket");
	setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(listener, (struct sockaddr *)&addr, sizeof(addr)) < 0)
		die("bind");
	if (listen(listener, 1) < 0)
		die("listen");
	printf("linux-server: waiting on %s:%s\n", argv[1], argv[2]);

	for (;;) {
		len = sizeof(peer);
		conn = accept(listener, (struct sockaddr *)&peer, &len);
		if (conn < 0)
			die("accept");
		inet_ntop(AF_INET, &peer.sin_addr, ip, sizeof(ip));
		printf("linux-server: %s:%d connected\n", ip,
		       ntohs(peer.sin_port));
		if (!chat(conn, ip)) {
			close(conn);
			return 0;
		}
		close(conn);
		printf("linux-server: %s:%d left\n", ip, ntohs(peer.sin_port));
	}
}
