/*
 * sink [port]: accepts one TCP connection on 0.0.0.0:port (default 5001),
 * reads until the client shuts its side down, and answers with the byte
 * count and the Adler-32 checksum of everything it read ("1048576 1a2b3c4d\n",
 * zlib's adler32, so a host test checks a transfer end to end). It prints the
 * same line and the throughput on the console, then exits.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#define ADLER_MOD 65521

static void die(const char *what)
{
	const char *name = strerrorname_np(errno);

	fprintf(stderr, "sink: %s: %s\n", what, name ? name : "unknown error");
	exit(1);
}

int main(int argc, char **argv)
{
	int port = argc > 1 ? atoi(argv[1]) : 5001, one = 1, lfd, fd;
	static unsigned char buf[16384];
	unsigned long a = 1, b = 0, total = 0;
	struct sockaddr_in addr;
	struct timeval t0, t1;
	char reply[64];
	ssize_t n;

	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_port = htons(port);
	lfd = socket(AF_INET, SOCK_STREAM, 0);
	if (lfd < 0)
		die("socket");
	setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(lfd, (struct sockaddr *)&addr, sizeof(addr)) < 0)
		die("bind");
	if (listen(lfd, 1) < 0)
		die("listen");
	printf("sink: waiting on 0.0.0.0:%d\n", port);
	fflush(stdout);
	fd = accept(lfd, NULL, NULL);
	if (fd < 0)
		die("accept");
	gettimeofday(&t0, NULL);
	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		for (ssize_t i = 0; i < n; i++) {
			a = (a + buf[i]) % ADLER_MOD;
			b = (b + a) % ADLER_MOD;
		}
		total += n;
	}
	if (n < 0)
		die("read");
	gettimeofday(&t1, NULL);
	long ms = (t1.tv_sec - t0.tv_sec) * 1000 +
		  (t1.tv_usec - t0.tv_usec) / 1000;
	snprintf(reply, sizeof(reply), "%lu %08lx\n", total, b << 16 | a);
	if (write(fd, reply, strlen(reply)) < 0)
		die("write");
	close(fd);
	close(lfd);
	printf("sink: %s", reply);
	printf("sink: %lu bytes in %ld ms (%lu KiB/s)\n", total, ms,
	       ms ? total * 1000 / 1024 / ms : 0);
	return 0;
}
