/*
 * robusttests' own helpers (robusttests.h): checked data streams, a
 * listener with the backlog to overflow, a connect with a deadline, and the
 * system's counters that every case must give back.
 */
#include "robusttests.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static uint32_t stream_word(uint32_t key, uint32_t index)
{
	uint32_t h = key ^ (index * 0x9e3779b1u);

	h ^= h >> 16;
	h *= 0x85ebca6bu;
	h ^= h >> 13;
	h *= 0xc2b2ae35u;
	h ^= h >> 16;
	return h;
}

void stream_fill(uint32_t key, uint64_t offset, unsigned char *buf, long n)
{
	uint32_t off = (uint32_t)offset;

	for (long i = 0; i < n; i++, off++)
		buf[i] = (unsigned char)(stream_word(key, off >> 2) >>
					 (8 * (off & 3)));
}

long stream_check(uint32_t key, uint64_t offset, const unsigned char *buf,
		  long n)
{
	uint32_t off = (uint32_t)offset;

	for (long i = 0; i < n; i++, off++)
		if (buf[i] != (unsigned char)(stream_word(key, off >> 2) >>
					      (8 * (off & 3))))
			return i;
	return n;
}

uint32_t rand32(uint32_t *state)
{
	uint32_t x = *state ? *state : 0x2545f491u;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *state = x;
}

/* ---- sockets ---- */

int tcp_listener(int port, int backlog)
{
	struct sockaddr_in a = loopback(port);
	int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1, err;

	if (fd < 0)
		return -errno;
	if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) < 0 ||
	    bind(fd, (struct sockaddr *)&a, sizeof(a)) < 0 ||
	    listen(fd, backlog) < 0) {
		err = errno;
		close(fd);
		return -err;
	}
	return fd;
}

int connect_within(int fd, int port, long ms)
{
	struct sockaddr_in a = loopback(port);
	int flags = fcntl(fd, F_GETFL), err = 0;
	socklen_t len = sizeof(err);
	struct pollfd p = { fd, POLLOUT, 0 };

	fcntl(fd, F_SETFL, flags | O_NONBLOCK);
	if (connect(fd, (struct sockaddr *)&a, sizeof(a)) == 0)
		goto done;
	if (errno != EINPROGRESS) {
		err = errno;
		goto done;
	}
	if (poll(&p, 1, (int)ms) == 0) {
		err = ETIMEDOUT;
		goto done;
	}
	if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0)
		err = errno;
done:
	fcntl(fd, F_SETFL, flags);
	return -err;
}

/* ---- counters ---- */

static long meminfo_value(const char *text, const char *key)
{
	const char *p = strstr(text, key);

	return p ? strtol(p + strlen(key), NULL, 10) : -1;
}

static long read_text(const char *path, char *buf, long size)
{
	int fd = open(path, O_RDONLY);
	long n;

	if (fd < 0)
		return -errno;
	n = read_full(fd, buf, size - 1);
	close(fd);
	buf[n > 0 ? n : 0] = 0;
	return n;
}

void read_counters(struct counters *c)
{
	static char text[4096];
	long n = 0;

	read_text("/proc/meminfo", text, sizeof(text));
	c->mem_free_kb = meminfo_value(text, "MemFree:");
	c->kmalloc = meminfo_value(text, "KmallocBytes:");
	c->sockets = meminfo_value(text, "Sockets:");
	c->tcp_pcbs = meminfo_value(text, "LwipTcpPcbs:");
	c->tcp_time_wait = meminfo_value(text, "LwipTcpTimeWait:");
	c->udp_pcbs = meminfo_value(text, "LwipUdpPcbs:");
	c->pbufs = meminfo_value(text, "LwipPbufs:");
	c->lwip_mem = meminfo_value(text, "LwipMemUsed:");
	read_text("/proc/tasks", text, sizeof(text));
	for (char *p = text; *p; p++)
		n += *p == '\n';
	c->tasks = n - 1; /* the header */
}

/* Which counter is not back, in words; NULL when all are. */
static const char *not_back(const struct counters *b, const struct counters *a,
			    long slack_kb, long *was, long *now)
{
#define CHECK(cond, what, x, y)      \
	do {                         \
		if (!(cond)) {       \
			*was = (x);  \
			*now = (y);  \
			return what; \
		}                    \
	} while (0)
	CHECK(a->sockets <= b->sockets, "sockets in use", b->sockets,
	      a->sockets);
	CHECK(a->tcp_pcbs - a->tcp_time_wait <= b->tcp_pcbs - b->tcp_time_wait,
	      "lwIP TCP pcbs (not in TIME_WAIT)",
	      b->tcp_pcbs - b->tcp_time_wait, a->tcp_pcbs - a->tcp_time_wait);
	CHECK(a->udp_pcbs <= b->udp_pcbs, "lwIP UDP pcbs", b->udp_pcbs,
	      a->udp_pcbs);
	CHECK(a->pbufs <= b->pbufs, "lwIP pbufs", b->pbufs, a->pbufs);
	CHECK(a->lwip_mem <= b->lwip_mem, "lwIP heap bytes", b->lwip_mem,
	      a->lwip_mem);
	CHECK(a->tasks <= b->tasks, "processes", b->tasks, a->tasks);
	CHECK(a->kmalloc <= b->kmalloc + 16384, "kmalloc bytes (16 KiB slack)",
	      b->kmalloc, a->kmalloc);
	CHECK(a->mem_free_kb >= b->mem_free_kb - slack_kb,
	      "free memory in KiB (with slack)", b->mem_free_kb,
	      a->mem_free_kb);
	return NULL;
#undef CHECK
}

int expect_counters_back(const struct counters *before, long slack_kb, long ms)
{
	struct counters after;
	long deadline = now_ms() + ms, was = 0, now = 0;
	const char *what;

	for (;;) {
		read_counters(&after);
		what = not_back(before, &after, slack_kb, &was, &now);
		if (!what)
			return 0;
		if (now_ms() > deadline)
			break;
		sleep_ms(100);
	}
	fail("expected %s back to %ld, got %ld (leaked)", what, was, now);
	return -1;
}

void figures(long connections, long long bytes, long long lost)
{
	say("%s figures: connections %ld bytes %lld lost %lld", test_name,
	    connections, bytes, lost);
}
