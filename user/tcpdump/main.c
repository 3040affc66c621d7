/*
 * tcpdump [-i lo|eth0|any] [-c N] [-n] [-t] [command [args]]: prints every
 * packet that crosses an interface, one line each, in tcpdump's style:
 *
 *	06:12:01.123456 IP 127.0.0.1.49152 > 127.0.0.1.5001: Flags [S], ...
 *
 * It reads them from an AF_PACKET socket (socket(AF_PACKET, SOCK_DGRAM,
 * htons(ETH_P_ALL))): the kernel hands it a copy of each packet, IP header
 * first, with a struct sockaddr_ll saying which interface, which protocol
 * and which way. With a command, the capture starts before the command and
 * stops a moment after it exits; without one, at Ctrl-C (or after -c N
 * packets). Times are UTC; -t leaves them out. -n is accepted: names are
 * never looked up.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <netinet/in.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include "tcpdump.h"

#ifndef AF_PACKET
#define AF_PACKET 17
#endif
#define SIOCGIFINDEX_REQ 0x8933
#define DRAIN_IDLE_MS	 500 /* after the command: stop once this quiet */
#define DRAIN_MAX_MS	 3000

/* struct ifreq as SIOCGIFINDEX reads and fills it */
struct ifindex_req {
	char name[16];
	int index;
	char pad[12];
};

static volatile sig_atomic_t interrupted;

static void on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

static long now_ms(void)
{
	struct timeval tv;

	gettimeofday(&tv, NULL);
	return tv.tv_sec * 1000L + tv.tv_usec / 1000;
}

/* The interface's index: SIOCGIFINDEX, as libpcap asks it. */
static int interface_index(int fd, const char *name)
{
	struct ifindex_req req;

	if (!strcmp(name, "any"))
		return 0;
	memset(&req, 0, sizeof(req));
	snprintf(req.name, sizeof(req.name), "%s", name);
	if (ioctl(fd, SIOCGIFINDEX_REQ, &req) < 0) {
		fprintf(stderr, "tcpdump: %s: %s\n", name, strerror(errno));
		exit(1);
	}
	return req.index;
}

static int open_capture(const char *ifname)
{
	struct sockaddr_ll sll;
	int fd = socket(AF_PACKET, SOCK_DGRAM, htons(ETH_P_ALL));

	if (fd < 0) {
		fprintf(stderr, "tcpdump: socket(AF_PACKET): %s\n",
			strerror(errno));
		exit(1);
	}
	memset(&sll, 0, sizeof(sll));
	sll.sll_family = AF_PACKET;
	sll.sll_protocol = htons(ETH_P_ALL);
	sll.sll_ifindex = interface_index(fd, ifname);
	if (sll.sll_ifindex &&
	    bind(fd, (struct sockaddr *)&sll, sizeof(sll)) < 0) {
		fprintf(stderr, "tcpdump: bind %s: %s\n", ifname,
			strerror(errno));
		exit(1);
	}
	return fd;
}

static void print_time(void)
{
	struct timeval tv;
	time_t t;
	struct tm tm;

	gettimeofday(&tv, NULL);
	t = tv.tv_sec;
	gmtime_r(&t, &tm);
	printf("%02d:%02d:%02d.%06ld ", tm.tm_hour, tm.tm_min, tm.tm_sec,
	       (long)tv.tv_usec);
}

/* Reads and prints the packets waiting; returns how many it printed. */
static int read_packets(int fd, int print_times, int *left)
{
	static unsigned char buf[65536];
	struct sockaddr_ll from;
	socklen_t fromlen;
	int printed = 0;

	while (*left != 0) {
		ssize_t n;

		fromlen = sizeof(from);
		n = recvfrom(fd, buf, sizeof(buf), MSG_DONTWAIT,
			     (struct sockaddr *)&from, &fromlen);
		if (n < 0)
			break;
		/* on lo Linux shows each packet twice, going out and coming
		 * in: keep one, as libpcap does */
		if (from.sll_pkttype == PACKET_OUTGOING &&
		    from.sll_hatype == 772 /* ARPHRD_LOOPBACK */)
			continue;
		if (print_times)
			print_time();
		print_packet(ntohs(from.sll_protocol), buf, n);
		printed++;
		if (*left > 0)
			(*left)--;
	}
	fflush(stdout);
	return printed;
}

static pid_t start_command(char **argv)
{
	pid_t pid = fork();

	if (pid < 0) {
		perror("tcpdump: fork");
		exit(1);
	}
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		execvp(argv[0], argv);
		fprintf(stderr, "tcpdump: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	return pid;
}

static void usage(void)
{
	fprintf(stderr, "usage: tcpdump [-i lo|eth0|any] [-c count] [-n] [-t] "
			"[command [args]]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	const char *ifname = "lo";
	int i, fd, left = -1, print_times = 1, count = 0, status = 0;
	long quiet_since = 0, done_at = 0;
	pid_t child = 0;
	struct sigaction sa;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-i") && i + 1 < argc)
			ifname = argv[++i];
		else if (!strcmp(argv[i], "-c") && i + 1 < argc)
			left = atoi(argv[++i]);
		else if (!strcmp(argv[i], "-n") || !strcmp(argv[i], "-l"))
			continue;
		else if (!strcmp(argv[i], "-t"))
			print_times = 0;
		else
			usage();
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	fd = open_capture(ifname);
	fprintf(stderr,
		"tcpdump: listening on %s, link-type LINUX_SLL (Linux cooked "
		"v1), snapshot length 262144 bytes\n",
		ifname);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sigint;
	sigaction(SIGINT, &sa, NULL); /* no SA_RESTART: poll returns EINTR */
	if (i < argc)
		child = start_command(argv + i);

	while (!interrupted && left != 0) {
		struct pollfd p = { fd, POLLIN, 0 };
		int got;

		poll(&p, 1, 100);
		got = read_packets(fd, print_times, &left);
		count += got;
		if (child > 0 && waitpid(child, &status, WNOHANG) == child) {
			child = -1;
			done_at = quiet_since = now_ms();
		}
		if (child < 0) {
			long now = now_ms();

			if (got)
				quiet_since = now;
			if (now - quiet_since >= DRAIN_IDLE_MS ||
			    now - done_at >= DRAIN_MAX_MS)
				break;
		}
	}
	fprintf(stderr, "%d packet%s captured\n", count, count == 1 ? "" : "s");
	if (child > 0) { /* -c ended the capture first */
		waitpid(child, &status, 0);
		child = -1;
	}
	if (child < 0)
		return WIFEXITED(status) ? WEXITSTATUS(status)
					 : 128 + WTERMSIG(status);
	return 0;
}
