/*
 * The helpers behind check.h: printing a case's verdict, naming errno values
 * and signals, forking and collecting helper processes, clocks, and making
 * 127.0.0.1 sockets.
 */
#include "check.h"

#include <arpa/inet.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

const char *test_name = "sockettests";
int on_linux;
int test_failed;

/* One write per line, so lines of several processes never mix. */
static void say_va(const char *fmt, va_list ap)
{
	char line[256];
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
	char msg[200];
	va_list ap;

	if (test_failed > 0)
		return;
	test_failed = 1;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	say("%s FAILED: %s", test_name, msg);
}

/* A case that passes with a remark; the runner must not print "ok" again. */
void skip(const char *why)
{
	say("%s ok (%s)", test_name, why);
	test_failed = -1;
}

/* Four rotating buffers: one printf may format several values. */
static char *scratch(void)
{
	static char bufs[4][40];
	static int next;

	return bufs[next++ % 4];
}

const char *errno_name(int err)
{
	const char *name = strerrorname_np(err);
	char *buf;

	if (name)
		return name;
	buf = scratch();
	snprintf(buf, 40, "errno %d", err);
	return buf;
}

/* clang-format off */
#define S(name) { name, #name }
static const struct {
	int sig;
	const char *name;
} signals[] = {
	S(SIGHUP), S(SIGINT), S(SIGQUIT), S(SIGILL), S(SIGTRAP), S(SIGABRT),
	S(SIGBUS), S(SIGFPE), S(SIGKILL), S(SIGUSR1), S(SIGSEGV), S(SIGUSR2),
	S(SIGPIPE), S(SIGALRM), S(SIGTERM), S(SIGCHLD), S(SIGCONT), S(SIGSTOP),
	S(SIGTSTP), S(SIGTTIN), S(SIGTTOU), S(SIGSYS),
};
#undef S
/* clang-format on */

const char *signal_name(int sig)
{
	char *buf;
	unsigned i;

	for (i = 0; i < sizeof(signals) / sizeof(signals[0]); i++)
		if (signals[i].sig == sig)
			return signals[i].name;
	buf = scratch();
	snprintf(buf, 40, "%d", sig);
	return buf;
}

const char *result_str(long ret)
{
	char *buf = scratch();

	if (ret < 0 && ret >= -4095)
		snprintf(buf, 40, "-%s", errno_name(-ret));
	else
		snprintf(buf, 40, "%ld", ret);
	return buf;
}

const char *status_str(int status)
{
	char *buf = scratch();

	if (status < 0)
		snprintf(buf, 40, "wait error %s", result_str(status));
	else if (WIFEXITED(status))
		snprintf(buf, 40, "exit %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(buf, 40, "signal %s", signal_name(WTERMSIG(status)));
	else
		snprintf(buf, 40, "status 0x%x", status);
	return buf;
}

long libc_ret(long ret)
{
	return ret == -1 ? -errno : ret;
}

/* ---- processes ---- */

#define MAX_CHILDREN 32
static pid_t children[MAX_CHILDREN];
static int nchildren;

static void remember_child(pid_t pid)
{
	if (pid > 0 && nchildren < MAX_CHILDREN)
		children[nchildren++] = pid;
}

pid_t spawn(int (*fn)(void *), void *arg)
{
	pid_t pid = fork();

	if (pid == 0) {
		nchildren = 0; /* a helper's helpers are its own business */
		_exit(fn(arg));
	}
	remember_child(pid);
	return pid;
}

pid_t spawn_check(void (*fn)(void *), void *arg)
{
	pid_t pid = fork();

	if (pid == 0) {
		nchildren = 0;
		fn(arg);
		kill_children();
		_exit(test_failed > 0 ? 1 : 0);
	}
	remember_child(pid);
	return pid;
}

static void forget_child(pid_t pid)
{
	int i;

	for (i = 0; i < nchildren; i++)
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
		forget_child(pid);
	return ret < 0 ? ret : status;
}

void kill_children(void)
{
	int i, status;

	for (i = 0; i < nchildren; i++) {
		if (children[i] <= 0)
			continue;
		kill(children[i], SIGKILL);
		waitpid(children[i], &status, 0);
	}
	nchildren = 0;
}

/* ---- clocks ---- */

/* Seconds are counted from the first call, so the products fit a long. */
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

/* ---- sockets on 127.0.0.1 ---- */

struct sockaddr_in loopback(int port)
{
	struct sockaddr_in addr;

	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_port = htons(port);
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return addr;
}

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

int tcp_connect(int port)
{
	struct sockaddr_in addr = loopback(port);
	int fd = socket(AF_INET, SOCK_STREAM, 0), err;

	if (fd < 0)
		return -errno;
	if (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
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
