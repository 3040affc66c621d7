/*
 * linux-udpserver ip port [count]: a UDP echo service for Linux (glibc,
 * static). It answers each datagram with the same text in upper case, prints
 * what it received and from whom, and exits after count datagrams (default
 * 3), so it can run in the background of a test.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct sockaddr_in addr, peer;
	char msg[1500], ip[INET_ADDRSTRLEN];
	int count = argc > 3 ? atoi(argv[3]) : 3;
	socklen_t len;
	ssize_t n;
	int fd;

	if (argc < 3) {
		fprintf(stderr, "usage: linux-udpserver ip port [count]\n");
		return 2;
	}
	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_port = htons(atoi(argv[2]));
	if (inet_pton(AF_INET, argv[1], &addr.sin_addr) != 1) {
		fprintf(stderr, "linux-udpserver: bad address %s\n", argv[1]);
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (fd < 0 || bind(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
		perror("linux-udpserver");
		return 1;
	}
	printf("linux-udpserver: waiting on %s:%s for %d datagrams\n", argv[1],
	       argv[2], count);
	for (int i = 0; i < count; i++) {
		len = sizeof(peer);
		n = recvfrom(fd, msg, sizeof(msg) - 1, 0,
			     (struct sockaddr *)&peer, &len);
		if (n < 0) {
			perror("recvfrom");
			return 1;
		}
		msg[n] = '\0';
		inet_ntop(AF_INET, &peer.sin_addr, ip, sizeof(ip));
		printf("linux-udpserver: recv \"%s\" (%zd bytes) from %s:%d\n",
		       msg, n, ip, ntohs(peer.sin_port));
		for (ssize_t j = 0; j < n; j++)
			msg[j] = toupper((unsigned char)msg[j]);
		if (sendto(fd, msg, n, 0, (struct sockaddr *)&peer, len) != n) {
			perror("sendto");
			return 1;
		}
	}
	printf("linux-udpserver: done\n");
	close(fd);
	return 0;
}
