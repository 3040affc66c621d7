/*
 * hello [ip [port [message]]]: the client of replyhi. It connects to
 * 127.0.0.1:5001 (or ip:port), sends "hello" (or message), prints the reply
 * and exits. Every failure is printed with its errno name, e.g.
 * "connect: ECONNREFUSED" when no server listens, and exits with status 1.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define DEFAULT_IP   "127.0.0.1"
#define DEFAULT_PORT 5001
#define MAX_MSG	     1024

static void die(const char *what)
{
	const char *name = strerrorname_np(errno);

	fprintf(stderr, "%s: %s\n", what, name ? name : "unknown error");
	exit(1);
}

int main(int argc, char **argv)
{
	const char *ip = argc > 1 ? argv[1] : DEFAULT_IP;
	int port = argc > 2 ? atoi(argv[2]) : DEFAULT_PORT;
	const char *msg = argc > 3 ? argv[3] : "hello";
	char reply[MAX_MSG + 1];
	struct sockaddr_in addr;
	ssize_t n;
	int fd;

	if (argc > 4) {
		fprintf(stderr, "usage: hello [ip [port [message]]]\n");
		return 2;
	}
	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_port = htons(port);
	if (inet_pton(AF_INET, ip, &addr.sin_addr) != 1 || port <= 0 ||
	    port > 65535) {
		fprintf(stderr, "hello: bad address %s:%s\n", ip,
			argc > 2 ? argv[2] : "5001");
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
	n = recv(fd, reply, MAX_MSG, 0);
	if (n < 0)
		die("recv");
	reply[n] = '\0';
	printf("recv \"%s\" from %s:%d\n", reply, ip, port);
	close(fd);
	return 0;
}
