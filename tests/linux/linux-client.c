/*
 * linux-client ip port: the course's chat client for Linux (glibc, static),
 * run unmodified on MenuOS. It connects to ip:port, prompts "you say: ",
 * sends the line, prints the answer as "<ip> say: <answer>", and loops until
 * q (or end of input).
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

int main(int argc, char **argv)
{
	char line[MAX_MSG], reply[MAX_MSG + 1];
	struct sockaddr_in addr;
	ssize_t n;
	int fd;

	if (argc != 3) {
		fprintf(stderr, "usage: linux-client ip port\n");
		return 2;
	}
	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_port = htons(atoi(argv[2]));
	if (inet_pton(AF_INET, argv[1], &addr.sin_addr) != 1) {
		fprintf(stderr, "linux-client: bad address %s\n", argv[1]);
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
			break;
		line[strcspn(line, "\r\n")] = '\0';
		if (strcmp(line, "q") == 0)
			break;
		strcat(line, "\n");
		if (send(fd, line, strlen(line), MSG_NOSIGNAL) < 0)
			die("send");
		n = recv(fd, reply, MAX_MSG, 0);
		if (n < 0)
			die("recv");
		if (n == 0) {
			printf("linux-client: the server closed the connection\n");
			break;
		}
		reply[n] = '\0';
		reply[strcspn(reply, "\r\n")] = '\0';
		printf("%s say: %s\n", argv[1], reply);
	}
	close(fd);
	return 0;
}
