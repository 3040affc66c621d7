/*
 * ping [-c count] [-i interval] [-s size] [-W timeout] [-q] address: ICMP echo
 * requests, once a second, and the replies with their round-trip times, in
 * the words of Linux's ping (iputils):
 *
 *   PING 10.0.2.2 (10.0.2.2) 56(84) bytes of data.
 *   64 bytes from 10.0.2.2: icmp_seq=1 time=0.512 ms
 *   ...
 *   --- 10.0.2.2 ping statistics ---
 *   3 packets transmitted, 3 received, 0% packet loss, time 2004ms
 *   rtt min/avg/max/mdev = 0.401/0.470/0.512/0.049 ms
 *
 * It uses an unprivileged "ping socket", socket(AF_INET, SOCK_DGRAM,
 * IPPROTO_ICMP), as iputils does when it is not root: the kernel (net/ping.c)
 * fills in the identifier and checksum and hands back only our echo replies,
 * from the ICMP header on. (iputils prints ttl=N when the kernel gives it the
 * reply's TTL as IP_TTL control data; MenuOS's recvmsg has no control data
 * yet, so, like iputils without it, the ttl is not printed.)
 *
 * Builds on Linux too (gcc -o ping user/ping.c), with the same output.
 * Exit status: 0 if a reply came, 1 if none, 2 on errors. Ctrl-C stops it and
 * prints the statistics.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/icmp.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#define MAX_PAYLOAD 65507
#define SENT_SLOTS  1024 /* send times of the last SENT_SLOTS requests */

static volatile sig_atomic_t interrupted;
static long sent_at[SENT_SLOTS]; /* microseconds, by sequence number */
static long ntransmitted, nreceived;
static long tmin = -1, tmax, tsum;
static long long tsum2;
static long start_us;

/* Microseconds since the first call: the epoch's microseconds overflow a 32-bit long. */
static long now_us(void)
{
	static long base_sec = -1;
	struct timeval tv;

	gettimeofday(&tv, NULL);
	if (base_sec < 0)
		base_sec = tv.tv_sec;
	return (tv.tv_sec - base_sec) * 1000000L + tv.tv_usec;
}

static void on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

static void usage(void)
{
	fprintf(stderr, "usage: ping [-c count] [-i interval] [-s size] "
			"[-W timeout] [-q] address\n");
	exit(2);
}

/* iputils' time format: 3 decimals below 1 ms, then 2, 1, none. */
static void print_time(long us)
{
	if (us >= 100000 - 50)
		printf(" time=%ld ms", (us + 500) / 1000);
	else if (us >= 10000 - 5)
		printf(" time=%ld.%01ld ms", (us + 50) / 1000,
		       ((us + 50) % 1000) / 100);
	else if (us >= 1000)
		printf(" time=%ld.%02ld ms", (us + 5) / 1000,
		       ((us + 5) % 1000) / 10);
	else
		printf(" time=%ld.%03ld ms", us / 1000, us % 1000);
}

/* "1", "0.2", ".5" seconds as milliseconds (no floating point needed) */
static long parse_seconds_ms(const char *s)
{
	long ms = 0, scale = 1000;

	for (; *s >= '0' && *s <= '9'; s++)
		ms = ms * 10 + (*s - '0') * 1000;
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9' && scale > 1; s++) {
			scale /= 10;
			ms += (*s - '0') * scale;
		}
	return *s ? -1 : ms;
}

static long llsqrt(long long a)
{
	long long prev = 0x7fffffffffffffffLL, x = a; /* LLONG_MAX */

	if (x > 0) {
		while (x < prev) {
			prev = x;
			x = (x + (a / x)) / 2;
		}
	}
	return (long)x;
}

static int send_echo(int fd, const struct sockaddr_in *to, int seq,
		     unsigned char *packet, int size)
{
	struct icmphdr *icmp = (struct icmphdr *)packet;

	memset(icmp, 0, sizeof(*icmp));
	icmp->type = ICMP_ECHO;
	icmp->un.echo.sequence = htons(seq);
	/* id and checksum: the kernel's job on a ping socket */
	for (int i = 0; i < size; i++)
		packet[sizeof(*icmp) + i] = i;
	sent_at[seq % SENT_SLOTS] = now_us();
	if (sendto(fd, packet, sizeof(*icmp) + size, 0,
		   (const struct sockaddr *)to, sizeof(*to)) < 0) {
		printf("ping: sendmsg: %s\n", strerror(errno));
		return -1;
	}
	ntransmitted++;
	return 0;
}

/* One reply if one is there; returns 1 if it was a reply to us. */
static int receive_reply(int fd, unsigned char *packet, int bufsize, int size,
			 int quiet)
{
	struct sockaddr_in from;
	socklen_t fromlen = sizeof(from);
	char ip[INET_ADDRSTRLEN];
	struct icmphdr *icmp = (struct icmphdr *)packet;
	ssize_t n = recvfrom(fd, packet, bufsize, MSG_DONTWAIT,
			     (struct sockaddr *)&from, &fromlen);
	long now = now_us(), rtt;
	int seq;

	if (n < (ssize_t)sizeof(*icmp) || icmp->type != ICMP_ECHOREPLY)
		return 0;
	seq = ntohs(icmp->un.echo.sequence);
	rtt = now - sent_at[seq % SENT_SLOTS];
	nreceived++;
	if (tmin < 0 || rtt < tmin)
		tmin = rtt;
	if (rtt > tmax)
		tmax = rtt;
	tsum += rtt;
	tsum2 += (long long)rtt * rtt;
	if (quiet)
		return 1;
	inet_ntop(AF_INET, &from.sin_addr, ip, sizeof(ip));
	printf("%ld bytes from %s: icmp_seq=%d", (long)n, ip, seq);
	if (n < (ssize_t)sizeof(*icmp) + size)
		printf(" (truncated)\n");
	else {
		print_time(rtt);
		printf("\n");
	}
	fflush(stdout);
	return 1;
}

static void finish(const char *host)
{
	long elapsed = (now_us() - start_us) / 1000;

	printf("\n--- %s ping statistics ---\n", host);
	printf("%ld packets transmitted, %ld received, ", ntransmitted,
	       nreceived);
	printf("%ld%% packet loss, time %ldms\n",
	       ntransmitted ? ((ntransmitted - nreceived) * 100) / ntransmitted
			    : 0,
	       elapsed);
	if (nreceived) {
		long avg = tsum / nreceived;
		long mdev = llsqrt(tsum2 / nreceived - (long long)avg * avg);
		printf("rtt min/avg/max/mdev = %ld.%03ld/%ld.%03ld/%ld.%03ld/"
		       "%ld.%03ld ms\n",
		       tmin / 1000, tmin % 1000, avg / 1000, avg % 1000,
		       tmax / 1000, tmax % 1000, mdev / 1000, mdev % 1000);
	}
	exit(nreceived ? 0 : 1);
}

int main(int argc, char **argv)
{
	long count = -1, interval_ms = 1000, timeout_ms = 10000;
	int size = 56, quiet = 0, fd, seq = 0;
	const char *host = NULL;
	struct sockaddr_in to;
	unsigned char *packet;
	int bufsize;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (a[0] != '-') {
			if (host)
				usage();
			host = a;
			continue;
		}
		if (!strcmp(a, "-q")) {
			quiet = 1;
			continue;
		}
		if (i + 1 >= argc || a[2])
			usage();
		const char *v = argv[++i];
		if (a[1] == 'c')
			count = atol(v);
		else if (a[1] == 'i')
			interval_ms = parse_seconds_ms(v);
		else if (a[1] == 's')
			size = atoi(v);
		else if (a[1] == 'W')
			timeout_ms = parse_seconds_ms(v);
		else
			usage();
	}
	if (!host || count == 0 || size < 0 || size > MAX_PAYLOAD - 8 ||
	    interval_ms < 0 || timeout_ms < 0)
		usage();
	memset(&to, 0, sizeof(to));
	to.sin_family = AF_INET;
	if (inet_pton(AF_INET, host, &to.sin_addr) != 1) {
		fprintf(stderr, "ping: %s: Name or service not known\n", host);
		return 2;
	}
	fd = socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
	if (fd < 0) {
		fprintf(stderr, "ping: socket: %s\n", strerror(errno));
		return 2;
	}
	bufsize = sizeof(struct icmphdr) + size + 64;
	packet = malloc(bufsize);
	if (!packet)
		return 2;
	signal(SIGINT, on_sigint);
	printf("PING %s (%s) %d(%d) bytes of data.\n", host,
	       inet_ntoa(to.sin_addr), size, size + 28);
	fflush(stdout);

	start_us = now_us();
	long next_send = start_us, deadline = -1;
	while (!interrupted) {
		long now = now_us();
		if (deadline < 0 && now >= next_send) {
			if (send_echo(fd, &to, ++seq, packet, size) < 0 &&
			    (errno == ENETUNREACH || errno == EHOSTUNREACH))
				return 2; /* no route (no NIC at all, as under v86): no use waiting */
			next_send = now + interval_ms * 1000;
			if (count > 0 && seq >= count) /* the last one */
				deadline = now + timeout_ms * 1000;
		}
		if (count > 0 && nreceived >= count)
			break;
		long until = deadline >= 0 ? deadline : next_send;
		long wait_ms = (until - now_us() + 999) / 1000;
		if (deadline >= 0 && wait_ms <= 0)
			break;
		struct pollfd pfd = { fd, POLLIN, 0 };
		if (poll(&pfd, 1, wait_ms > 0 ? (int)wait_ms : 0) > 0)
			while (receive_reply(fd, packet, bufsize, size, quiet))
				;
	}
	finish(host);
	return 0;
}
