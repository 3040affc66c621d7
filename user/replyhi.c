/*
 * replyhi [ip [port]]: the course's "hi" service. It binds a TCP socket to
 * 0.0.0.0:5001 (every interface: lo, and eth0, which QEMU's host port forward
 * reaches; or ip:port), forks, and the parent returns to the shell at
 * once while the child serves in the background: for every connection it
 * reads one message, prints it, replies "hi" and closes.
 *
 * replyhi -u [path]: the same service on an AF_UNIX stream socket bound to
 * path (/tmp/replyhi.sock by default; "@name" is the abstract name "\0name",
 * with no file). A client is named by its own path, or "(unnamed)".
 *
 * bind and listen happen in the parent, before the fork, so a second
 * replyhi finds the port taken (EADDRINUSE) and says the service is already
 * running instead of leaving a second server behind. A socket file outlives
 * its server, so with -u EADDRINUSE may be a leftover: connect tells (a live
 * server accepts; a dead one's file refuses, and is removed and bound again).
 */
#define _GNU_SOURCE /* strerrorname_np, when built with glibc */

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define DEFAULT_IP   "0.0.0.0" /* INADDR_ANY */
#define DEFAULT_PORT 5001
#define DEFAULT_PATH "/tmp/replyhi.sock"
#define MAX_MSG	     1024
#define MAX_NAME     120 /* "ip:port", a path or "@name" */

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

/* A peer's address as printed: "ip:port", a path, "@name" for an abstract
 * AF_UNIX name, or "(unnamed)" for an AF_UNIX socket without a name. */
static void addr_name(const struct sockaddr_storage *ss, socklen_t len,
		      char *name, size_t size)
{
	const struct sockaddr_in *in = (const struct sockaddr_in *)ss;
	const struct sockaddr_un *un = (const struct sockaddr_un *)ss;
	int n = (int)len - (int)offsetof(struct sockaddr_un, sun_path);
	char ip[INET_ADDRSTRLEN];

	if (ss->ss_family == AF_INET) {
		inet_ntop(AF_INET, &in->sin_addr, ip, sizeof(ip));
		snprintf(name, size, "%s:%d", ip, ntohs(in->sin_port));
	} else if (n <= 0) {
		snprintf(name, size, "(unnamed)");
	} else if (un->sun_path[0]) {
		snprintf(name, size, "%.*s", n, un->sun_path);
	} else {
		snprintf(name, size, "@%.*s", n - 1, un->sun_path + 1);
	}
}

/* One connection: read a message, answer "hi", close. A client that sends
 * nothing (a second replyhi -u checking for us) gets no answer. */
static void serve_one(int conn, const char *peer)
{
	char msg[MAX_MSG + 1];
	ssize_t n;

	n = recv(conn, msg, MAX_MSG, 0);
	if (n < 0) {
		printf("replyhi: recv: %s\n", err_name(errno));
		return;
	}
	if (n == 0)
		return;
	msg[n] = '\0';
	printf("recv \"%s\" from %s\n", msg, peer);
	if (send(conn, "hi", 2, 0) < 0) {
		printf("replyhi: send: %s\n", err_name(errno));
		return;
	}
	printf("send \"hi\" to %s\n", peer);
}

/* The background child: accept forever. */
static void serve(int listener)
{
	struct sockaddr_storage peer;
	char name[MAX_NAME];
	socklen_t len;
	int conn;

	/* a client that leaves before our reply must not kill the service */
	signal(SIGPIPE, SIG_IGN);
	for (;;) {
		len = sizeof(peer);
		memset(&peer, 0, sizeof(peer));
		conn = accept(listener, (struct sockaddr *)&peer, &len);
		if (conn < 0) {
			printf("replyhi: accept: %s\n", err_name(errno));
			if (errno == EBADF || errno == ENOTSOCK ||
			    errno == EINVAL)
				exit(1);
			continue;
		}
		addr_name(&peer, len, name, sizeof(name));
		serve_one(conn, name);
		close(conn);
	}
}

/* Fork the server into the background; the parent says where it serves. */
static int start_service(int listener, const char *where)
{
	pid_t pid;

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
	printf("replyhi: serving on %s (pid %d)\n", where, (int)pid);
	return 0;
}

/* name -> an AF_UNIX address: a path, or "@name" for "\0name". Returns its
 * length, or 0 if the name does not fit. */
static socklen_t unix_addr(const char *name, struct sockaddr_un *addr)
{
	int abstract = name[0] == '@';
	size_t n = strlen(name);

	memset(addr, 0, sizeof(*addr));
	addr->sun_family = AF_UNIX;
	if (n == 0 || n >= sizeof(addr->sun_path))
		return 0;
	memcpy(addr->sun_path, name, n);
	if (abstract)
		addr->sun_path[0] = '\0';
	/* a path counts its NUL; an abstract name is exactly its bytes */
	return offsetof(struct sockaddr_un, sun_path) + n + !abstract;
}

/* Is a server answering on addr? */
static int unix_alive(const struct sockaddr_un *addr, socklen_t len)
{
	int fd = socket(AF_UNIX, SOCK_STREAM, 0), alive;

	if (fd < 0)
		return 0;
	alive = connect(fd, (const struct sockaddr *)addr, len) == 0;
	close(fd);
	return alive;
}

static int main_unix(int argc, char **argv)
{
	const char *name = argc > 1 ? argv[1] : DEFAULT_PATH;
	struct sockaddr_un addr;
	socklen_t len = unix_addr(name, &addr);
	int listener;

	if (argc > 2) {
		fprintf(stderr, "usage: replyhi -u [path | @name]\n");
		return 2;
	}
	if (len == 0) {
		fprintf(stderr, "replyhi: bad address %s\n", name);
		return 2;
	}
	listener = socket(AF_UNIX, SOCK_STREAM, 0);
	if (listener < 0)
		die("socket");
	if (bind(listener, (struct sockaddr *)&addr, len) < 0) {
		if (errno != EADDRINUSE)
			die("bind");
		if (unix_alive(&addr, len) || name[0] == '@') {
			printf("replyhi: the service is already running on "
			       "%s\n",
			       name);
			return 1;
		}
		/* the file a dead server left behind */
		if (unlink(name) < 0 ||
		    bind(listener, (struct sockaddr *)&addr, len) < 0)
			die("bind");
	}
	return start_service(listener, name);
}

int main(int argc, char **argv)
{
	const char *ip, *port_arg;
	struct sockaddr_in addr;
	char where[MAX_NAME];
	int listener, port, one = 1;

	if (argc > 1 && strcmp(argv[1], "-u") == 0)
		return main_unix(argc - 1, argv + 1);
	ip = argc > 1 ? argv[1] : DEFAULT_IP;
	port_arg = argc > 2 ? argv[2] : "5001";
	port = argc > 2 ? atoi(argv[2]) : DEFAULT_PORT;
	if (argc > 3) {
		fprintf(stderr,
			"usage: replyhi [ip [port]] | replyhi -u [path]\n");
		return 2;
	}
	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_port = htons(port);
	if (inet_pton(AF_INET, ip, &addr.sin_addr) != 1 || port <= 0 ||
	    port > 65535) {
		fprintf(stderr, "replyhi: bad address %s:%s\n", ip, port_arg);
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
	snprintf(where, sizeof(where), "%s:%d", ip, port);
	return start_service(listener, where);
}
