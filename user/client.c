/*
 * client ip port: the course's chat client. It connects to the server at
 * ip:port, prompts "you say: ", sends the line, prints the answer as
 * "<ip> say: <answer>", and loops until you type q.
 *
 * A message on the wire is one line with its '\n' (see server.c).
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

static void die(const char *what)
{
	const char *name = strerrorname_np(errno);

	fprintf(stderr, "client: %s: %s\n", what,
		name ? name : "unknown error");
	exit(1);
}

static void strip_newline(char *s)
{
	size_t len = strlen(s);

	while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == '\r'))
		s[--len] = '\0';
}

int main(int argc, char **argv)
{
	char line[MAX_MSG], reply[MAX_MSG + 1];
	struct sockaddr_in addr;
	int fd, port;
	ssize_t n;

	if (argc != 3) {
		fprintf(stderr, "usage: client ip port\n");
		return 2;
	}
	port = atoi(argv[2]);
	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_port = htons(port);
	if (inet_pton(AF_INET, argv[1], &addr.sin_addr) != 1 || port <= 0 ||
	    port > 65535) {
		fprintf(stderr, "client: bad address %s:%s\n", argv[1],
			argv[2]);
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);

	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0)
		die("socket");
	if (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0)
		die("connect");

	for (;;) {
		printf("you say: ");
		fflush(stdout);
		if (!fgets(line, sizeof(line) - 1, stdin))
			break; /* Ctrl-D: like q */
		strip_newline(line);
		if (strcmp(line, "q") == 0)
			break;
		strcat(line, "\n");
		/* MSG_NOSIGNAL: a server that went away is an error, not SIGPIPE */
		if (send(fd, line, strlen(line), MSG_NOSIGNAL) < 0)
			die("send");
		n = recv(fd, reply, MAX_MSG, 0);
		if (n < 0)
			die("recv");
		if (n == 0) {
			printf("client: the server closed the connection\n");
			break;
		}
		reply[n] = '\0';
		strip_newline(reply);
		printf("%s say: %s\n", argv[1], reply);
	}
	close(fd);
	return 0;
}
