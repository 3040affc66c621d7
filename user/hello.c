/*
 * hello [ip [port [message]]]: the client of replyhi. It connects to
 * 127.0.0.1:5001 (or ip:port), sends "hello" (or message), prints the reply
 * and exits. Every failure is printed with its errno name, e.g.
 * "connect: ECONNREFUSED" when no server listens, and exits with status 1.
 *
 * hello -u [path [message]]: the same over an AF_UNIX stream socket, to
 * replyhi -u at /tmp/replyhi.sock (or path; "@name" is the abstract name
 * "\0name"). "connect: ENOENT" means there is no such socket file,
 * "connect: ECONNREFUSED" that nobody listens behind it.
 */
#define _GNU_SOURCE /* strerrorname_np, when built with glibc */

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define DEFAULT_IP   "127.0.0.1"
#define DEFAULT_PORT 5001
#define DEFAULT_PATH "/tmp/replyhi.sock"
#define MAX_MSG	     1024

static void die(const char *what)
{
	const char *name = strerrorname_np(errno);

	fprintf(stderr, "%s: %s\n", what, name ? name : "unknown error");
	exit(1);
}

/* Send msg on the connected fd, print the reply; where names the server. */
static int exchange(int fd, const char *msg, const char *where)
{
	char reply[MAX_MSG + 1];
	ssize_t n;

	if (send(fd, msg, strlen(msg), 0) < 0)
		die("send");
	printf("send \"%s\" to %s\n", msg, where);
	fflush(stdout);
	n = recv(fd, reply, MAX_MSG, 0);
	if (n < 0)
		die("recv");
	reply[n] = '\0';
	printf("recv \"%s\" from %s\n", reply, where);
	close(fd);
	return 0;
}

static int main_unix(int argc, char **argv)
{
	const char *name = argc > 1 ? argv[1] : DEFAULT_PATH;
	const char *msg = argc > 2 ? argv[2] : "hello";
	struct sockaddr_un addr;
	size_t n = strlen(name);
	socklen_t len;
	int fd;

	if (argc > 3) {
		fprintf(stderr, "usage: hello -u [path [message]]\n");
		return 2;
	}
	if (n == 0 || n >= sizeof(addr.sun_path)) {
		fprintf(stderr, "hello: bad address %s\n", name);
		return 2;
	}
	memset(&addr, 0, sizeof(addr));
	addr.sun_family = AF_UNIX;
	memcpy(addr.sun_path, name, n);
	/* a path counts its NUL; "@name" is "\0name", exactly its bytes */
	len = offsetof(struct sockaddr_un, sun_path) + n + 1;
	if (name[0] == '@') {
		addr.sun_path[0] = '\0';
		len--;
	}
	fd = socket(AF_UNIX, SOCK_STREAM, 0);
	if (fd < 0)
		die("socket");
	if (connect(fd, (struct sockaddr *)&addr, len) < 0)
		die("connect");
	return exchange(fd, msg, name);
}

int main(int argc, char **argv)
{
	const char *ip, *msg;
	struct sockaddr_in addr;
	char where[64];
	int port, fd;

	if (argc > 1 && strcmp(argv[1], "-u") == 0)
		return main_unix(argc - 1, argv + 1);
	ip = argc > 1 ? argv[1] : DEFAULT_IP;
	port = argc > 2 ? atoi(argv[2]) : DEFAULT_PORT;
	msg = argc > 3 ? argv[3] : "hello";
	if (argc > 4) {
		fprintf(stderr, "usage: hello [ip [port [message]]] | "
				"hello -u [path [message]]\n");
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
	snprintf(where, sizeof(where), "%s:%d", ip, port);
	return exchange(fd, msg, where);
}
