/*
 * sockettests' socket helpers (sockettests.h): a listener, a connected
 * pair, a bound UDP socket and a socket's local port, all on 127.0.0.1.
 */
#include "sockettests.h"

#include <arpa/inet.h>
#include <errno.h>
#include <sys/socket.h>
#include <unistd.h>

int tcp_listener(int port)
{
	struct sockaddr_in addr = loopback(port);
	int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1, err;

	if (fd < 0)
		return -errno;
	if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) < 0 ||
	    bind(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0 ||
	    listen(fd, 16) < 0) {
		err = errno;
		close(fd);
		return -err;
	}
	return fd;
}

int tcp_pair(int port, int *client, int *server)
{
	int listener = tcp_listener(port), err;

	if (listener < 0)
		return listener;
	*client = tcp_connect(port);
	if (*client < 0) {
		close(listener);
		return *client;
	}
	*server = accept(listener, NULL, NULL);
	err = errno;
	close(listener);
	if (*server < 0) {
		close(*client);
		return -err;
	}
	return 0;
}

int udp_bound(int port)
{
	struct sockaddr_in addr = loopback(port);
	int fd = socket(AF_INET, SOCK_DGRAM, 0), err;

	if (fd < 0)
		return -errno;
	if (bind(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
		err = errno;
		close(fd);
		return -err;
	}
	return fd;
}

int local_port(int fd)
{
	struct sockaddr_in addr;
	socklen_t len = sizeof(addr);

	if (getsockname(fd, (struct sockaddr *)&addr, &len) < 0)
		return -errno;
	return ntohs(addr.sin_port);
}
