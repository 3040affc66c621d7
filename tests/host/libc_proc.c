/* Host test of libc's process, signal, file descriptor, time and directory
 * calls, run against the host's Linux kernel. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static void test_fork_wait(void)
{
	const char *n = "fork/waitpid/exit status";
	pid_t pid, parent = getpid();
	int status;

	pid = fork();
	if (pid == 0)
		_exit(getppid() == parent ? 42 : 1);
	EXPECT_TRUE(n, pid > 0);
	EXPECT_INT(n, pid, waitpid(pid, &status, 0));
	EXPECT_TRUE(n, WIFEXITED(status));
	EXPECT_INT(n, 42, WEXITSTATUS(status));

	pid = fork();
	if (pid == 0) {
		pause(); /* until killed */
		_exit(0);
	}
	EXPECT_INT(n, 0, waitpid(pid, &status, WNOHANG)); /* still running */
	EXPECT_OK(n, kill(pid, SIGTERM));
	EXPECT_INT(n, pid, wait(&status));
	EXPECT_TRUE(n, WIFSIGNALED(status) && !WIFEXITED(status));
	EXPECT_INT(n, SIGTERM, WTERMSIG(status));

	EXPECT_INT(n, -1, waitpid(-1, &status, 0));
	EXPECT_INT(n, ECHILD, errno);
	PASS(n);
}

static void test_pipe_dup(void)
{
	const char *n = "pipe/dup/dup2/close";
	int fds[2], copy;
	char buf[16];

	EXPECT_OK(n, pipe(fds));
	EXPECT_INT(n, 5, write(fds[1], "hello", 5));
	copy = dup(fds[0]);
	EXPECT_TRUE(n, copy > fds[1]);
	EXPECT_INT(n, 2, read(copy, buf, 2));
	EXPECT_INT(n, 40, dup2(fds[0], 40));
	EXPECT_INT(n, 3, read(40, buf, sizeof(buf)));
	EXPECT_TRUE(n, !memcmp(buf, "llo", 3));
	close(fds[1]);
	EXPECT_INT(n, 0, read(40, buf, sizeof(buf))); /* writer gone: EOF */
	close(40);
	close(copy);
	close(fds[0]);
	EXPECT_INT(n, -1, close(fds[0]));
	EXPECT_INT(n, EBADF, errno);
	EXPECT_INT(n, -1, write(99, "x", 1));
	EXPECT_INT(n, EBADF, errno);
	PASS(n);
}

static void test_pipe_child(void)
{
	const char *n = "fork + pipe + dup2 + execvp";
	int fds[2], status, len = 0, r;
	char out[64];
	pid_t pid;

	EXPECT_OK(n, pipe(fds));
	pid = fork();
	if (pid == 0) {
		char *argv[] = { "echo", "from", "echo", NULL };

		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		execvp("echo", argv);
		_exit(127);
	}
	close(fds[1]);
	while ((r = read(fds[0], out + len, sizeof(out) - 1 - len)) > 0)
		len += r;
	out[len] = '\0';
	close(fds[0]);
	EXPECT_INT(n, pid, waitpid(pid, &status, 0));
	EXPECT_INT(n, 0, status);
	EXPECT_STR(n, "from echo\n", out);
	PASS(n);
}

static void test_exec_errors(void)
{
	const char *n = "execve/execvp errors";
	char *argv[] = { "x", NULL };
	char *saved = getenv("PATH");
	int status;
	pid_t pid;

	EXPECT_INT(n, -1, execve("/nonexistent", argv, environ));
	EXPECT_INT(n, ENOENT, errno);
	EXPECT_INT(n, -1, execvp("no-such-program-menuos", argv));
	EXPECT_INT(n, ENOENT, errno);
	EXPECT_INT(n, -1, execv("/", argv));
	EXPECT_INT(n, EACCES, errno);
	/* with no PATH, execvp looks in /bin */
	pid = fork();
	if (pid == 0) {
		char *targv[] = { "true", NULL };

		unsetenv("PATH");
		execvp("true", targv);
		_exit(99);
	}
	waitpid(pid, &status, 0);
	EXPECT_INT(n, 0, status);
	pid = fork();
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", "exit 7", (char *)NULL);
		_exit(99);
	}
	waitpid(pid, &status, 0);
	EXPECT_INT(n, 7, WEXITSTATUS(status));
	EXPECT_TRUE(n, saved && getenv("PATH") == saved);
	PASS(n);
}

static volatile sig_atomic_t got_signal;
static volatile int got_info_signo;

static void on_signal(int sig)
{
	got_signal = sig;
}

static void on_siginfo(int sig, siginfo_t *info, void *context)
{
	(void)context;
	got_signal = sig;
	got_info_signo = info->si_signo;
}

static void test_signal(void)
{
	const char *n = "signal/sigaction/kill/raise";
	struct sigaction act, old;

	EXPECT_TRUE(n, signal(SIGUSR1, on_signal) == SIG_DFL);
	got_signal = 0;
	EXPECT_OK(n, kill(getpid(), SIGUSR1));
	EXPECT_INT(n, SIGUSR1, got_signal); /* delivered, and we came back */
	got_signal = 0;
	EXPECT_OK(n, raise(SIGUSR1));
	EXPECT_INT(n, SIGUSR1, got_signal); /* the handler stayed installed */
	EXPECT_TRUE(n, signal(SIGUSR1, SIG_IGN) == on_signal);
	got_signal = 0;
	raise(SIGUSR1);
	EXPECT_INT(n, 0, got_signal);

	memset(&act, 0, sizeof(act));
	act.sa_sigaction = on_siginfo;
	act.sa_flags = SA_SIGINFO;
	sigemptyset(&act.sa_mask);
	EXPECT_OK(n, sigaction(SIGUSR2, &act, NULL));
	got_signal = got_info_signo = 0;
	raise(SIGUSR2);
	EXPECT_INT(n, SIGUSR2, got_signal);
	EXPECT_INT(n, SIGUSR2, got_info_signo);
	EXPECT_OK(n, sigaction(SIGUSR2, NULL, &old));
	EXPECT_TRUE(n, old.sa_sigaction == on_siginfo);
	EXPECT_TRUE(n, old.sa_flags & SA_SIGINFO);

	act.sa_handler = on_signal;
	act.sa_flags = 0;
	EXPECT_OK(n, sigaction(SIGUSR2, &act, &old));
	EXPECT_OK(n, sigaction(SIGUSR2, NULL, &old));
	EXPECT_TRUE(n,
		    !(old.sa_flags & SA_SIGINFO)); /* as the program set it */
	signal(SIGUSR2, SIG_DFL);

	EXPECT_INT(n, -1, sigaction(0, &act, NULL));
	EXPECT_INT(n, EINVAL, errno);
	EXPECT_INT(n, -1, sigaction(SIGKILL, &act, NULL));
	EXPECT_INT(n, EINVAL, errno);
	EXPECT_TRUE(n, signal(SIGUSR1, SIG_DFL) == SIG_IGN);
	PASS(n);
}

static void test_sigprocmask(void)
{
	const char *n = "sigprocmask/sigset";
	sigset_t set, old;

	sigemptyset(&set);
	EXPECT_INT(n, 0, sigismember(&set, SIGINT));
	sigaddset(&set, SIGINT);
	sigaddset(&set, 64);
	EXPECT_INT(n, 1, sigismember(&set, SIGINT));
	EXPECT_INT(n, 1, sigismember(&set, 64));
	sigdelset(&set, SIGINT);
	EXPECT_INT(n, 0, sigismember(&set, SIGINT));
	EXPECT_INT(n, -1, sigaddset(&set, 65));
	sigfillset(&set);
	EXPECT_INT(n, 1, sigismember(&set, SIGCHLD));

	signal(SIGUSR1, on_signal);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	EXPECT_OK(n, sigprocmask(SIG_BLOCK, &set, &old));
	got_signal = 0;
	raise(SIGUSR1);
	EXPECT_INT(n, 0, got_signal); /* blocked: pending */
	EXPECT_OK(n, sigprocmask(SIG_SETMASK, &old, NULL));
	EXPECT_INT(n, SIGUSR1, got_signal); /* delivered on unblock */
	signal(SIGUSR1, SIG_DFL);
	PASS(n);
}

static void test_abort(void)
{
	const char *n = "abort/alarm kill the process";
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		signal(SIGABRT, on_signal); /* abort must still kill */
		abort();
	}
	waitpid(pid, &status, 0);
	EXPECT_TRUE(n, WIFSIGNALED(status));
	EXPECT_INT(n, SIGABRT, WTERMSIG(status));

	pid = fork();
	if (pid == 0) {
		alarm(1);
		for (;;)
			pause();
	}
	waitpid(pid, &status, 0);
	EXPECT_TRUE(n, WIFSIGNALED(status));
	EXPECT_INT(n, SIGALRM, WTERMSIG(status));
	PASS(n);
}

static jmp_buf jump;
static int depth;

static void dive(int n)
{
	depth = n;
	if (n == 10)
		longjmp(jump, n * 100);
	if (n < 10)
		dive(n + 1);
}

static void test_setjmp(void)
{
	const char *n = "setjmp/longjmp";
	volatile int calls = 0;
	int r;

	r = setjmp(jump);
	calls++;
	if (r == 0)
		dive(1);
	EXPECT_INT(n, 1000, r);
	EXPECT_INT(n, 2, calls);
	EXPECT_INT(n, 10, depth);
	calls = 0;
	r = setjmp(jump);
	if (calls++ == 0)
		longjmp(jump, 0); /* 0 becomes 1 */
	EXPECT_INT(n, 1, r);
	PASS(n);
}

static void test_time(void)
{
	const char *n = "time/gettimeofday/clock_gettime/nanosleep";
	struct timespec a, b, ts = { 0, 20 * 1000 * 1000 };
	struct timeval tv;
	time_t t, t2;
	long elapsed_ms;

	t = time(NULL);
	EXPECT_TRUE(n, t > 1600000000); /* after 2020 */
	EXPECT_INT(n, t, time(&t2) - (time(NULL) - t));
	EXPECT_OK(n, gettimeofday(&tv, NULL));
	EXPECT_TRUE(n, tv.tv_sec - t >= 0 && tv.tv_sec - t <= 2);
	EXPECT_TRUE(n, tv.tv_usec >= 0 && tv.tv_usec < 1000000);
	EXPECT_OK(n, clock_gettime(CLOCK_REALTIME, &a));
	EXPECT_TRUE(n, a.tv_sec - t >= 0 && a.tv_sec - t <= 2);
	EXPECT_OK(n, clock_gettime(CLOCK_MONOTONIC, &a));
	EXPECT_OK(n, nanosleep(&ts, NULL));
	EXPECT_OK(n, usleep(10000));
	EXPECT_OK(n, clock_gettime(CLOCK_MONOTONIC, &b));
	elapsed_ms = (b.tv_sec - a.tv_sec) * 1000 +
		     (b.tv_nsec - a.tv_nsec) / 1000000;
	EXPECT_TRUE(n, elapsed_ms >= 30 && elapsed_ms < 2000);
	EXPECT_INT(n, -1, clock_gettime(12345, &a));
	EXPECT_INT(n, EINVAL, errno);
	PASS(n);
}

static void test_gmtime(void)
{
	const char *n = "gmtime";
	time_t t;
	struct tm tm;

	t = 0;
	gmtime_r(&t, &tm);
	EXPECT_INT(n, 70, tm.tm_year);
	EXPECT_INT(n, 4, tm.tm_wday); /* Thursday */
	t = 951825600; /* 2000-02-29 12:00:00 */
	gmtime_r(&t, &tm);
	EXPECT_INT(n, 100, tm.tm_year);
	EXPECT_INT(n, 1, tm.tm_mon);
	EXPECT_INT(n, 29, tm.tm_mday);
	EXPECT_INT(n, 12, tm.tm_hour);
	EXPECT_INT(n, 59, tm.tm_yday);
	EXPECT_INT(n, 2, tm.tm_wday); /* Tuesday */
	t = 2147483647; /* 2038-01-19 03:14:07 */
	gmtime_r(&t, &tm);
	EXPECT_INT(n, 138, tm.tm_year);
	EXPECT_INT(n, 0, tm.tm_mon);
	EXPECT_INT(n, 19, tm.tm_mday);
	EXPECT_INT(n, 3, tm.tm_hour);
	EXPECT_INT(n, 14, tm.tm_min);
	EXPECT_INT(n, 7, tm.tm_sec);
	t = -1; /* 1969-12-31 23:59:59, a Wednesday */
	gmtime_r(&t, &tm);
	EXPECT_INT(n, 69, tm.tm_year);
	EXPECT_INT(n, 11, tm.tm_mon);
	EXPECT_INT(n, 31, tm.tm_mday);
	EXPECT_INT(n, 23, tm.tm_hour);
	EXPECT_INT(n, 3, tm.tm_wday);
	PASS(n);
}

static void test_dirent(void)
{
	const char *n = "opendir/readdir/closedir";
	struct dirent *d;
	DIR *dir;
	int dot = 0, tmp_is_dir = 0, count = 0;

	dir = opendir("/");
	EXPECT_TRUE(n, dir != NULL);
	while ((d = readdir(dir))) {
		count++;
		if (!strcmp(d->d_name, "."))
			dot = 1;
		if (!strcmp(d->d_name, "tmp"))
			tmp_is_dir = d->d_type == DT_DIR;
	}
	EXPECT_INT(n, 0, closedir(dir));
	EXPECT_TRUE(n, dot);
	EXPECT_TRUE(n, tmp_is_dir);
	EXPECT_TRUE(n, count > 5);
	EXPECT_TRUE(n, opendir("/nonexistent-menuos") == NULL);
	EXPECT_INT(n, ENOENT, errno);
	EXPECT_TRUE(n, opendir("/proc/self/exe") == NULL);
	EXPECT_INT(n, ENOTDIR, errno);
	PASS(n);
}

static void test_stat(void)
{
	const char *n = "stat/fstat/mkdir/unlink/rmdir";
	char path[64], file[80];
	struct stat st;
	int fds[2], fd;

	EXPECT_OK(n, stat("/", &st));
	EXPECT_TRUE(n, S_ISDIR(st.st_mode));
	EXPECT_OK(n, pipe(fds));
	EXPECT_OK(n, fstat(fds[0], &st));
	EXPECT_TRUE(n, S_ISFIFO(st.st_mode));
	close(fds[0]);
	close(fds[1]);
	EXPECT_OK(n, stat("/dev/null", &st));
	EXPECT_TRUE(n, S_ISCHR(st.st_mode));

	snprintf(path, sizeof(path), "/tmp/menuos-libc-dir-%d", getpid());
	snprintf(file, sizeof(file), "%s/f", path);
	EXPECT_OK(n, mkdir(path, 0755));
	EXPECT_INT(n, -1, mkdir(path, 0755));
	EXPECT_INT(n, EEXIST, errno);
	fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	EXPECT_TRUE(n, fd >= 0);
	EXPECT_INT(n, 11, write(fd, "eleven byte", 11));
	EXPECT_OK(n, fstat(fd, &st));
	EXPECT_INT(n, 11, st.st_size);
	EXPECT_TRUE(n, S_ISREG(st.st_mode));
	EXPECT_INT(n, 0644, st.st_mode & 0777);
	EXPECT_INT(n, 0, access(file, R_OK));
	EXPECT_INT(n, 5, lseek(fd, 5, SEEK_SET));
	close(fd);
	EXPECT_INT(n, -1, rmdir(path));
	EXPECT_INT(n, ENOTEMPTY, errno);
	EXPECT_OK(n, unlink(file));
	EXPECT_OK(n, rmdir(path));
	EXPECT_INT(n, -1, stat(path, &st));
	EXPECT_INT(n, ENOENT, errno);
	PASS(n);
}

static void test_fcntl_cwd(void)
{
	const char *n = "fcntl/chdir/getcwd/isatty";
	char cwd[256], saved[256], *p;
	int fds[2], fd;
	char c;

	EXPECT_OK(n, pipe2(fds, O_CLOEXEC));
	EXPECT_INT(n, FD_CLOEXEC, fcntl(fds[0], F_GETFD));
	EXPECT_OK(n, fcntl(fds[0], F_SETFD, 0));
	EXPECT_INT(n, 0, fcntl(fds[0], F_GETFD));
	EXPECT_OK(n, fcntl(fds[0], F_SETFL, O_NONBLOCK));
	EXPECT_TRUE(n, fcntl(fds[0], F_GETFL) & O_NONBLOCK);
	EXPECT_INT(n, -1, read(fds[0], &c, 1));
	EXPECT_INT(n, EAGAIN, errno);
	EXPECT_INT(n, 0, isatty(fds[0]));
	EXPECT_INT(n, ENOTTY, errno);
	fd = fcntl(fds[1], F_DUPFD, 10);
	EXPECT_TRUE(n, fd >= 10); /* the lowest free fd from 10 up */
	close(fd);
	close(fds[0]);
	close(fds[1]);

	EXPECT_TRUE(n, getcwd(saved, sizeof(saved)) != NULL);
	EXPECT_OK(n, chdir("/tmp"));
	EXPECT_STR(n, "/tmp", getcwd(cwd, sizeof(cwd)));
	p = getcwd(NULL, 0);
	EXPECT_STR(n, "/tmp", p);
	free(p);
	EXPECT_TRUE(n, getcwd(cwd, 2) == NULL);
	EXPECT_INT(n, ERANGE, errno);
	EXPECT_OK(n, chdir(saved));
	EXPECT_INT(n, -1, chdir("/nonexistent-menuos"));
	EXPECT_INT(n, ENOENT, errno);
	PASS(n);
}

static void test_ids_uname_brk(void)
{
	const char *n = "getpid/setpgid/sysinfo/uname/sbrk";
	struct utsname u;
	struct sysinfo si;
	char *a, *b;
	pid_t pid;
	int status;

	EXPECT_TRUE(n, getpid() > 1);
	EXPECT_TRUE(n, getppid() > 0);
	pid = fork();
	if (pid == 0) {
		if (setpgid(0, 0) < 0 || getpgrp() != getpid() ||
		    getpgid(0) != getpid())
			_exit(1);
		if (setsid() >= 0) /* a group leader cannot start a session */
			_exit(2);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	EXPECT_INT(n, 0, status);
	EXPECT_TRUE(n, getuid() == geteuid() && getgid() == getegid());

	EXPECT_OK(n, sysinfo(&si));
	EXPECT_TRUE(n, si.totalram > 0 && si.freeram <= si.totalram &&
			       si.mem_unit);
	EXPECT_OK(n, uname(&u));
	EXPECT_STR(n, "Linux", u.sysname);
	EXPECT_TRUE(n, u.release[0] != '\0');

	a = sbrk(0);
	EXPECT_TRUE(n, a != (char *)-1);
	b = sbrk(8192);
	EXPECT_TRUE(n, b == a);
	memset(b, 0x5a, 8192); /* it is really ours */
	EXPECT_TRUE(n, sbrk(0) == a + 8192);
	EXPECT_TRUE(n, sbrk(-8192) == a + 8192);
	EXPECT_TRUE(n, sbrk(0) == a);
	PASS(n);
}

int main(void)
{
	CHECK_START();
	test_fork_wait();
	test_pipe_dup();
	test_pipe_child();
	test_exec_errors();
	test_signal();
	test_sigprocmask();
	test_abort();
	test_setjmp();
	test_time();
	test_gmtime();
	test_dirent();
	test_stat();
	test_fcntl_cwd();
	test_ids_uname_brk();
	CHECK_END();
}
