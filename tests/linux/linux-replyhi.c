/*
 * linux-replyhi [ip [port]]: the "hi" service written for Linux (glibc,
 * static). It listens on 0.0.0.0:5001 (or ip:port), forks, and the child
 * serves in the background: for every connection it reads one message,
 * prints it, replies "hi" and closes. The parent returns at once.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
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

static void serve(int listener)
{
	struct sockaddr_in peer;
	char msg[1025], ip[INET_ADDRSTRLEN];
	socklen_t len;
	ssize_t n;
	int conn;

	signal(SIGPIPE, SIG_IGN);
	for (;;) {
		len = sizeof(peer);
		conn = accept(listener, (struct sockaddr *)&peer, &len);
		if (conn < 0) {
			perror("linux-replyhi: accept");
			continue;
		}
		inet_ntop(AF_INET, &peer.sin_addr, ip, sizeof(ip));
		n = recv(conn, msg, sizeof(msg) - 1, 0);
		if (n >= 0) {
			msg[n] = '\0';
			printf("recv \"%s\" from %s:%d\n", msg, ip,
			       ntohs(peer.sin_port));
			if (send(conn, "hi", 2, 0) == 2)
				printf("send \"hi\" to %s:%d\n", ip,
				       ntohs(peer.sin_port));
		}
		close(conn);
	}
}

int main(int argc, char **argv)
{
	const char *ip = argc > 1 ? argv[1] : "0.0.0.0";
	int port = argc > 2 ? atoi(argv[2]) : 5001;
	struct sockaddr_in addr;
	int listener, one = 1;
	pid_t pid;

	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_port = htons(port);
	if (inet_pton(AF_INET, ip, &addr.sin_addr) != 1) {
		fprintf(stderr, "linux-replyhi: bad address %s\n", ip);
		return 2;
	}
	listener = socket(AF_INET, SOCK_STREAM, 0);
	if (listener < 0)
		die("socket");
	setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(listener, (struct sockaddr *)&addr, sizeof(addr)) < 0)
		die("bind");
	if (listen(listener, 16) < 0)
		die("listen");
	setvbuf(stdout, NULL, _IOLBF, 0);
	pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		setsid(); /* Ctrl-C at the shell does not stop the service */
		serve(listener);
	}
	printf("linux-replyhi: serving on %s:%d (pid %d)\n", ip, port,
	       (int)pid);
	return 0;
}
