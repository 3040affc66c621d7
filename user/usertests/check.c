/*
 * The helpers behind check.h: printing a case's verdict, naming errno values
 * and signals, and forking, waiting and sleeping for the cases.
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

const char *test_name = "usertests";
const char *self_path = "/bin/usertests";
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

	if (test_failed++)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	say("%s FAILED: %s", test_name, msg);
}

/* A skipped case counts as passed; the reason says why. */
void skip(const char *why)
{
	say("%s ok (%s)", test_name, why);
	test_failed = -1; /* the runner must not print "ok" again */
}

/* clang-format off */
#define E(name) { name, #name }
static const struct {
	int err;
	const char *name;
} errnos[] = {
	E(EPERM), E(ENOENT), E(ESRCH), E(EINTR), E(EIO), E(ENXIO), E(E2BIG),
	E(ENOEXEC), E(EBADF), E(ECHILD), E(EAGAIN), E(ENOMEM), E(EACCES),
	E(EFAULT), E(EBUSY), E(EEXIST), E(ENODEV), E(ENOTDIR), E(EISDIR),
	E(EINVAL), E(ENFILE), E(EMFILE), E(ENOTTY), E(ETXTBSY), E(EFBIG),
	E(ENOSPC), E(ESPIPE), E(EROFS), E(EPIPE), E(ERANGE), E(ENAMETOOLONG),
	E(ENOSYS), E(ENOTEMPTY), E(ELOOP),
};

static const struct {
	int sig;
	const char *name;
} signals[] = {
	E(SIGHUP), E(SIGINT), E(SIGQUIT), E(SIGILL), E(SIGTRAP), E(SIGABRT),
	E(SIGBUS), E(SIGFPE), E(SIGKILL), E(SIGUSR1), E(SIGSEGV), E(SIGUSR2),
	E(SIGPIPE), E(SIGALRM), E(SIGTERM), E(SIGCHLD), E(SIGCONT), E(SIGSTOP),
	E(SIGTSTP), E(SIGTTIN), E(SIGTTOU), E(SIGSYS),
};
/* clang-format on */
#undef E

/* Four rotating buffers: one printf may format several values. */
static char *scratch(void)
{
	static char bufs[4][40];
	static int next;

	return bufs[next++ % 4];
}

const char *errno_name(int err)
{
	char *buf;
	unsigned i;

	for (i = 0; i < sizeof(errnos) / sizeof(errnos[0]); i++)
		if (errnos[i].err == err)
			return errnos[i].name;
	buf = scratch();
	snprintf(buf, 40, "errno %d", err);
	return buf;
}

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

pid_t spawn(int (*fn)(void *), void *arg)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(fn(arg));
	return pid;
}

int wait_status(pid_t pid)
{
	int status;
	long ret = LIBC(waitpid(pid, &status, 0));

	return ret < 0 ? ret : status;
}

int run_child(int (*fn)(void *), void *arg)
{
	pid_t pid = spawn(fn, arg);

	return pid < 0 ? libc_ret(pid) : wait_status(pid);
}

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

	nanosleep(&ts, NULL);
}

int read_full(int fd, void *buf, int len)
{
	int done = 0, n;

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
