/*
 * The helpers behind check.h: printing a case's verdict, naming errno values
 * and signals, forking and collecting helper processes, clocks, and reading
 * and writing in full.
 */
#include "check.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

const char *test_name; /* run_tests sets the program's name */
int on_linux;
int test_failed;

/* One write per line, so lines of several processes never mix. */
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

/* A case that passes with a remark; the runner must not print "ok" again. */
void skip(const char *why)
{
	say("%s ok (%s)", test_name, why);
	test_failed = -1;
}

/* Four rotating buffers: one printf may format several values. */
static char *scratch(void)
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
	buf = scratch();
	snprintf(buf, 48, "errno %d", err);
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
	S(SIGTSTP), S(SIGTTIN), S(SIGTTOU), S(SIGURG), S(SIGIO), S(SIGSYS),
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
	snprintf(buf, 48, "%d", sig);
	return buf;
}

const char *result_str(long ret)
{
	char *buf = scratch();

	if (ret < 0 && ret >= -4095)
		snprintf(buf, 48, "-%s", errno_name(-ret));
	else
		snprintf(buf, 48, "%ld", ret);
	return buf;
}

const char *status_str(int status)
{
	char *buf = scratch();

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
	return pid < 0 ? -errno : pid;
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
	return pid < 0 ? -errno : pid;
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

int run_child(int (*fn)(void *), void *arg)
{
	pid_t pid = spawn(fn, arg);

	return pid < 0 ? pid : wait_status(pid);
}

int wait_status_ms(pid_t pid, long ms)
{
	long deadline = now_ms() + ms;
	int status;
	pid_t got;

	for (;;) {
		got = waitpid(pid, &status, WNOHANG);
		if (got == pid) {
			forget_child(pid);
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
	forget_child(pid);
	return -ETIMEDOUT;
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

int child_signal(int status)
{
	return status >= 0 && WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

int install(int sig, void (*handler)(int), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	return sigaction(sig, &sa, NULL);
}

/* ---- clocks and data ---- */

/* Seconds are counted from the first call, so the products fit a long. */
static long seconds_since_start(long *usec)
{
	static long base_sec = -1;
	struct timeval tv;

	gettimeofday(&tv, NULL);
	if (base_sec < 0)
		base_sec = tv.tv_sec;
	*usec = tv.tv_usec;
	return tv.tv_sec - base_sec;
}

long now_ms(void)
{
	long usec, sec = seconds_since_start(&usec);

	return sec * 1000 + usec / 1000;
}

long now_us(void)
{
	long usec, sec = seconds_since_start(&usec);

	return sec * 1000000 + usec;
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
