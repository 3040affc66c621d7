/*
 * linux-udpclient ip port message...: sends each message as one datagram
 * to ip:port and prints the answer (glibc, static). The first message goes
 * with sendto/recvfrom on an unconnected socket, the others after connect()
 * with send/recv, as the two ways a student meets. A lost answer is reported
 * after two seconds (SO_RCVTIMEO) instead of hanging.
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

int main(int argc, char **argv)
{
	struct sockaddr_in addr, from;
	struct timeval timeout = { 2, 0 };
	char reply[1500], ip[INET_ADDRSTRLEN];
	socklen_t len;
	ssize_t n;
	int fd;

	if (argc < 4) {
		fprintf(stderr, "usage: linux-udpclient ip port message...\n");
		return 2;
	}
	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_port = htons(atoi(argv[2]));
	if (inet_pton(AF_INET, argv[1], &addr.sin_addr) != 1) {
		fprintf(stderr, "linux-udpclient: bad address %s\n", argv[1]);
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (fd < 0) {
		perror("socket");
		return 1;
	}
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
	for (int i = 3; i < argc; i++) {
		size_t size = strlen(argv[i]);

		if (i == 3) {
			n = sendto(fd, argv[i], size, 0,
				   (struct sockaddr *)&addr, sizeof(addr));
		} else {
			if (i == 4 && connect(fd, (struct sockaddr *)&addr,
					      sizeof(addr)) < 0) {
				perror("connect");
				return 1;
			}
			n = send(fd, argv[i], size, 0);
		}
		if (n != (ssize_t)size) {
			perror("send");
			return 1;
		}
		printf("linux-udpclient: send \"%s\"\n", argv[i]);
		len = sizeof(from);
		memset(&from, 0, sizeof(from));
		n = i == 3 ? recvfrom(fd, reply, sizeof(reply) - 1, 0,
				      (struct sockaddr *)&from, &len)
			   : recv(fd, reply, sizeof(reply) - 1, 0);
		if (n < 0) {
			printf("linux-udpclient: no answer: %s\n",
			       strerror(errno));
			return 1;
		}
		reply[n] = '\0';
		if (i == 3)
			inet_ntop(AF_INET, &from.sin_addr, ip, sizeof(ip));
		else
			strcpy(ip, argv[1]);
		printf("linux-udpclient: recv \"%s\" from %s\n", reply, ip);
	}
	close(fd);
	return 0;
}
