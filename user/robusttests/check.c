/*
 * The helpers behind check.h: verdicts, names of errno values and signals,
 * child processes with deadlines, checked data streams, 127.0.0.1 sockets
 * and the system's counters.
 */
#include "check.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

const char *test_name = "robusttests";
int test_failed;
int stress;

static void say_va(const char *fmt, va_list ap)
{
	char line[300];
	int len = vsnprintf(line, sizeof(line) - 1, fmt, ap);

	if (len < 0)
		return;
	if (len > (int)sizeof(line) - 2)
		len = sizeof(line) - 2;
	line[len++] = '\n';
	if (write(1, line, len) < 0)
		return;
}

void say(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say_va(fmt, ap);
	va_end(ap);
}

void fail(const char *fmt, ...)
{
	char msg[240];
	va_list ap;

	if (test_failed > 0)
		return;
	test_failed = 1;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	say("%s FAILED: %s", test_name, msg);
}

void skip(const char *why)
{
	say("%s ok (%s)", test_name, why);
	test_failed = -1;
}

static char *scratch_str(void)
{
	static char bufs[4][48];
	static int next;

	return bufs[next++ % 4];
}

const char *errno_name(int err)
{
	const char *name = strerrorname_np(err);
	char *buf;

	if (name)
		return name;
	buf = scratch_str();
	snprintf(buf, 48, "errno %d", err);
	return buf;
}

const char *signal_name(int sig)
{
	static const char *const names[32] = {
		"0",	   "SIGHUP",  "SIGINT",	 "SIGQUIT", "SIGILL",
		"SIGTRAP", "SIGABRT", "SIGBUS",	 "SIGFPE",  "SIGKILL",
		"SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM",
		"SIGTERM", "16",      "SIGCHLD", "SIGCONT", "SIGSTOP",
		"SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG",  "24",
		"25",	   "26",      "27",	 "28",	    "SIGIO",
		"30",	   "SIGSYS",
	};
	char *buf;

	if (sig >= 0 && sig < 32)
		return names[sig];
	buf = scratch_str();
	snprintf(buf, 48, "signal %d", sig);
	return buf;
}

const char *result_str(long ret)
{
	char *buf = scratch_str();

	if (ret < 0 && ret >= -4095)
		snprintf(buf, 48, "-%s", errno_name(-ret));
	else
		snprintf(buf, 48, "%ld", ret);
	return buf;
}

const char *status_str(int status)
{
	char *buf = scratch_str();

	if (status < 0)
		snprintf(buf, 48, "wait error %s", result_str(status));
	else if (WIFEXITED(status))
		snprintf(buf, 48, "exit %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(buf, 48, "signal %s", signal_name(WTERMSIG(status)));
	else
		snprintf(buf, 48, "status 0x%x", status);
	return buf;
}

long libc_ret(long ret)
{
	return ret == -1 ? -errno : ret;
}

/* ---- processes ---- */

#define MAX_CHILDREN 96
static pid_t children[MAX_CHILDREN];
static int nchildren;

pid_t spawn(int (*fn)(void *), void *arg)
{
	pid_t pid = fork();

	if (pid == 0) {
		nchildren = 0;
		_exit(fn(arg));
	}
	if (pid > 0 && nchildren < MAX_CHILDREN)
		children[nchildren++] = pid;
	return pid < 0 ? -errno : pid;
}

static void forget(pid_t pid)
{
	for (int i = 0; i < nchildren; i++)
		if (children[i] == pid)
			children[i] = 0;
}

int wait_status(pid_t pid)
{
	int status;
	long ret;

	do
		ret = LIBC(waitpid(pid, &status, 0));
	while (ret == -EINTR);
	if (ret == pid)
		forget(pid);
	return ret < 0 ? (int)ret : status;
}

int wait_status_ms(pid_t pid, long ms)
{
	long deadline = now_ms() + ms;
	int status;
	pid_t got;

	for (;;) {
		got = waitpid(pid, &status, WNOHANG);
		if (got == pid) {
			forget(pid);
			return status;
		}
		if (got < 0)
			return -errno;
		if (now_ms() > deadline)
			break;
		sleep_ms(5);
	}
	/* a process that SIGKILL cannot end (a kernel bug) must not hang
	 * us too: give it 2 s */
	kill(pid, SIGKILL);
	for (int i = 0; i < 200 && waitpid(pid, &status, WNOHANG) == 0; i++)
		sleep_ms(10);
	forget(pid);
	return -ETIMEDOUT;
}

void kill_children(void)
{
	int status;

	for (int i = 0; i < nchildren; i++) {
		if (children[i] <= 0)
			continue;
		kill(children[i], SIGKILL);
		waitpid(children[i], &status, 0);
	}
	nchildren = 0;
}

int child_signal(int status)
{
	return status >= 0 && WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

long now_ms(void)
{
	static long base_sec = -1;
	struct timeval tv;

	gettimeofday(&tv, NULL);
	if (base_sec < 0)
		base_sec = tv.tv_sec;
	return (tv.tv_sec - base_sec) * 1000 + tv.tv_usec / 1000;
}

void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

/* ---- data ---- */

long read_full(int fd, void *buf, long len)
{
	long done = 0, n;

	while (done < len) {
		n = read(fd, (char *)buf + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return done ? done : -errno;
		if (n == 0)
			break;
		done += n;
	}
	return done;
}

long write_full(int fd, const void *buf, long len)
{
	long done = 0, n;

	while (done < len) {
		n = write(fd, (const char *)buf + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return done ? done : -errno;
		done += n;
	}
	return done;
}

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

struct sockaddr_in loopback(int port)
{
	struct sockaddr_in a;

	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons(port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return a;
}

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

int tcp_connect(int port)
{
	struct sockaddr_in a = loopback(port);
	int fd = socket(AF_INET, SOCK_STREAM, 0), err;

	if (fd < 0)
		return -errno;
	if (connect(fd, (struct sockaddr *)&a, sizeof(a)) < 0) {
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
