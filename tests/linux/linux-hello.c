/*
 * linux-hello [ip [port [message]]]: the client of replyhi, written for
 * Linux (glibc, static). It connects to 127.0.0.1:5001 (or ip:port), sends
 * "hello" (or message), prints what it sent and the reply, and exits.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static void die(const char *what)
{
	perror(what);
	exit(1);
}

int main(int argc, char **argv)
{
	const char *ip = argc > 1 ? argv[1] : "127.0.0.1";
	int port = argc > 2 ? atoi(argv[2]) : 5001;
	const char *msg = argc > 3 ? argv[3] : "hello";
	struct sockaddr_in addr;
	char reply[1025];
	ssize_t n;
	int fd;

	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_port = htons(port);
	if (inet_pton(AF_INET, ip, &addr.sin_addr) != 1) {
		fprintf(stderr, "linux-hello: bad address %s\n", ip);
		return 2;
	}
	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0)
		die("socket");
	if (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0)
		die("connect");
	if (send(fd, msg, strlen(msg), 0) < 0)
		die("send");
	printf("send \"%s\" to %s:%d\n", msg, ip, port);
	fflush(stdout);
	n = recv(fd, reply, sizeof(reply) - 1, 0);
	if (n < 0)
		die("recv");
	reply[n] = '\0';
	printf("recv \"%s\" from %s:%d\n", reply, ip, port);
	close(fd);
	return 0;
}
