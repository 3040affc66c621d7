/*
 * jobctl: job control as Linux does it. SIGSTOP stops a process and SIGCONT
 * continues it (even when SIGCONT is ignored); the parent sees both through
 * waitpid's WUNTRACED (status 0x7f | sig << 8) and WCONTINUED (0xffff), once
 * each, and through SIGCHLD unless it asked for SA_NOCLDSTOP. SIGTSTP stops
 * too, unless it is handled or ignored, or the process group is orphaned.
 * SIGKILL ends a stopped process. A stop signal and SIGCONT cancel each
 * other while pending. A background process group reading the terminal
 * gets SIGTTIN (or EIO when it ignores it).
 *
 * A stopped child must make no progress: the ticking children below write
 * a byte to a pipe every 5 ms, and the pipe stays empty while they are
 * stopped. Each case kills its children at the end, so that a failure does
 * not leave a stopped process behind.
 */
#include "usertests.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t handled, last_signal;
static int report_fd = -1; /* the handlers below write here */

static void on_signal(int sig)
{
	handled++;
	last_signal = sig;
}

static void write_h(int sig)
{
	(void)sig;
	if (write(report_fd, "h", 1) != 1)
		_exit(3);
}

/* waitpid, again after EINTR (a SIGCHLD handler may cut it short): its
 * result, or -errno. */
static long wait_for(pid_t pid, int *status, int options)
{
	long ret;

	do
		ret = LIBC(waitpid(pid, status, options));
	while (ret == -EINTR);
	return ret;
}

/* One byte from fd within ms: 1, 0 if none came, or -errno. */
static long read_byte_within(int fd, char *c, int ms)
{
	struct pollfd p = { fd, POLLIN, 0 };
	long ret = LIBC(poll(&p, 1, ms));

	return ret <= 0 ? ret : LIBC(read(fd, c, 1));
}

/* Reads what is in the pipe now (its fd is O_NONBLOCK): the byte count. */
static long drain(int fd)
{
	char buf[256];
	long n, total = 0;

	while ((n = read(fd, buf, sizeof(buf))) > 0)
		total += n;
	return total;
}

/* The child: a byte to the pipe every 5 ms, until killed. */
static int tick_forever(void *pipe_fds)
{
	int *fds = pipe_fds;

	close(fds[0]);
	for (;;) {
		if (write(fds[1], "t", 1) != 1)
			return 2;
		sleep_ms(5);
	}
}

/* The same with SIGCONT ignored: it must continue all the same. */
static int tick_ignoring_sigcont(void *pipe_fds)
{
	signal(SIGCONT, SIG_IGN);
	return tick_forever(pipe_fds);
}

/* The same with a SIGCONT handler that writes "h". */
static int tick_with_sigcont_handler(void *pipe_fds)
{
	report_fd = ((int *)pipe_fds)[1];
	install(SIGCONT, write_h, SA_RESTART);
	return tick_forever(pipe_fds);
}

/* Starts child on a new pipe (fds[0] is ours, non-blocking) and waits
 * for its first tick: the pid, or -errno. */
static pid_t start_ticking(int (*child)(void *), int fds[2])
{
	pid_t pid;
	char c;

	if (pipe(fds) < 0)
		return -errno;
	pid = spawn(child, fds);
	close(fds[1]);
	if (pid < 0)
		return pid;
	if (read_byte_within(fds[0], &c, 2000) != 1)
		return -ETIMEDOUT;
	fcntl(fds[0], F_SETFL, O_NONBLOCK);
	return pid;
}

/* A wait status: stopped by sig (0x7f | sig << 8, WIFSTOPPED). */
#define EXPECT_STOPPED(status, sig)                                 \
	do {                                                        \
		int st_ = (status);                                 \
		EXPECT(st_ == (((sig) << 8) | 0x7f),                \
		       "expected a stop by %s (%#x), got %s", #sig, \
		       ((sig) << 8) | 0x7f, status_str(st_));       \
	} while (0)

/* Stops pid with sig; the status waitpid(WUNTRACED) reported within 2 s,
 * -ETIMEDOUT if none, or -errno. */
static int stop_child(pid_t pid, int sig)
{
	long deadline = now_ms() + 2000, ret;
	int status = -1;

	if (kill(pid, sig) < 0)
		return -errno;
	while ((ret = wait_for(pid, &status, WUNTRACED | WNOHANG)) == 0 &&
	       now_ms() < deadline)
		sleep_ms(5);
	if (ret == 0)
		return -ETIMEDOUT;
	return ret < 0 ? (int)ret : status;
}

static void check_stop_and_continue(void)
{
	int fds[2], status;
	pid_t pid = start_ticking(tick_ignoring_sigcont, fds);
	char c;

	EXPECT_OK(pid);
	EXPECT_STOPPED(stop_child(pid, SIGSTOP), SIGSTOP);
	EXPECT_RET(0, wait_for(pid, &status, WUNTRACED | WNOHANG));
	drain(fds[0]);
	sleep_ms(200);
	EXPECT(drain(fds[0]) == 0,
	       "expected no ticks while stopped, got some in 200 ms");

	EXPECT_RET(0, LIBC(kill(pid, SIGCONT)));
	EXPECT_RET(pid, wait_for(pid, &status, WCONTINUED));
	EXPECT(status == 0xffff, "expected WIFCONTINUED (0xffff), got %#x",
	       status);
	EXPECT_RET(0, wait_for(pid, &status, WCONTINUED | WNOHANG));
	EXPECT_RET(1, read_byte_within(fds[0], &c, 2000));
}

/* SIGSTOP stops, SIGCONT (ignored by the child) continues; each is
 * reported once. */
static void sigstop_stops_sigcont_continues(void)
{
	check_stop_and_continue();
	kill_children();
}

static void check_sigcont_handler(void)
{
	int fds[2];
	pid_t pid = start_ticking(tick_with_sigcont_handler, fds);
	char c = 0;
	long deadline = now_ms() + 2000;

	EXPECT_OK(pid);
	EXPECT_STOPPED(stop_child(pid, SIGTSTP), SIGTSTP);
	drain(fds[0]);
	EXPECT_RET(0, LIBC(kill(pid, SIGCONT)));
	while (c != 'h' && now_ms() < deadline)
		read_byte_within(fds[0], &c, 100);
	EXPECT(c == 'h', "expected the SIGCONT handler to run, got no 'h'");
}

/* A SIGCONT handler runs once the process is continued. */
static void sigcont_handler_runs(void)
{
	check_sigcont_handler();
	kill_children();
}

static void check_sigkill_stopped(void)
{
	int fds[2];
	pid_t pid = start_ticking(tick_forever, fds);

	EXPECT_OK(pid);
	EXPECT_STOPPED(stop_child(pid, SIGSTOP), SIGSTOP);
	EXPECT_RET(0, LIBC(kill(pid, SIGKILL)));
	EXPECT_SIGNALED(wait_status(pid), SIGKILL);
}

/* SIGKILL ends a stopped process without a SIGCONT. */
static void sigkill_ends_stopped(void)
{
	check_sigkill_stopped();
	kill_children();
}

/* Raises SIGTSTP; exits 0 once it goes on, with handled as arg says. */
static int raise_sigtstp(void *want_handled)
{
	raise(SIGTSTP);
	return handled == (long)want_handled ? 0 : 1;
}

static int handle_then_raise_sigtstp(void *unused)
{
	(void)unused;
	install(SIGTSTP, on_signal, 0);
	return raise_sigtstp((void *)1L);
}

static int ignore_then_raise_sigtstp(void *unused)
{
	(void)unused;
	signal(SIGTSTP, SIG_IGN);
	return raise_sigtstp((void *)0L);
}

static void check_sigtstp(int (*child)(void *), int expect_stop)
{
	int status = -1;
	pid_t pid = spawn(child, NULL);

	EXPECT_OK(pid);
	EXPECT_RET(pid, wait_for(pid, &status, WUNTRACED));
	if (expect_stop) {
		EXPECT_STOPPED(status, SIGTSTP);
		EXPECT_RET(0, LIBC(kill(pid, SIGCONT)));
		status = wait_status(pid);
	}
	EXPECT_EXITED(status, 0);
}

/* SIGTSTP's default action stops; SIGCONT lets raise() return. */
static void sigtstp_default_stops(void)
{
	check_sigtstp(raise_sigtstp, 1);
	kill_children();
}

/* With a handler, SIGTSTP runs it instead of stopping. */
static void sigtstp_handler_runs_instead(void)
{
	check_sigtstp(handle_then_raise_sigtstp, 0);
	kill_children();
}

/* Ignored, SIGTSTP does nothing. */
static void sigtstp_ignored(void)
{
	check_sigtstp(ignore_then_raise_sigtstp, 0);
	kill_children();
}

static void check_sigchld(int flags, int want_for_stop, int want_for_cont)
{
	int fds[2], status;
	pid_t pid;

	EXPECT_RET(0, LIBC(install(SIGCHLD, on_signal, flags)));
	pid = start_ticking(tick_forever, fds);
	EXPECT_OK(pid);
	EXPECT_STOPPED(stop_child(pid, SIGSTOP), SIGSTOP);
	EXPECT_EQ(want_for_stop, handled);
	EXPECT_RET(0, LIBC(kill(pid, SIGCONT)));
	EXPECT_RET(pid, wait_for(pid, &status, WCONTINUED));
	EXPECT_EQ(want_for_stop + want_for_cont, handled);
	EXPECT_RET(0, LIBC(kill(pid, SIGKILL)));
	EXPECT_SIGNALED(wait_status(pid), SIGKILL);
	/* an exit is always told */
	EXPECT_EQ(want_for_stop + want_for_cont + 1, handled);
	EXPECT_EQ(SIGCHLD, last_signal);
}

/* The parent gets SIGCHLD when its child stops and when it continues. */
static void sigchld_on_stop_and_continue(void)
{
	check_sigchld(0, 1, 1);
	kill_children();
}

/* ... but not with SA_NOCLDSTOP. */
static void sa_nocldstop(void)
{
	check_sigchld(SA_NOCLDSTOP, 0, 0);
	kill_children();
}

/* The child: at each step the parent sends signals, then a byte on
 * fds[2]; the child then unblocks what it blocked. */
static void see_pending_cancel(void *pipe_fds)
{
	int *fds = pipe_fds;
	sigset_t set;
	char c;

	/* 1: SIGTSTP (default action) then SIGCONT: unblocked, no stop */
	sigemptyset(&set);
	sigaddset(&set, SIGTSTP);
	EXPECT_RET(0, LIBC(sigprocmask(SIG_BLOCK, &set, NULL)));
	EXPECT_RET(1, LIBC(write(fds[1], "r", 1)));
	EXPECT_RET(1, LIBC(read(fds[2], &c, 1)));
	EXPECT_RET(0, LIBC(sigprocmask(SIG_UNBLOCK, &set, NULL)));

	/* 2: SIGCONT (handled) then SIGTSTP (ignored, which discards all
	 * the same): unblocked, no handler run */
	EXPECT_RET(0, LIBC(install(SIGCONT, on_signal, 0)));
	signal(SIGTSTP, SIG_IGN);
	sigemptyset(&set);
	sigaddset(&set, SIGCONT);
	EXPECT_RET(0, LIBC(sigprocmask(SIG_BLOCK, &set, NULL)));
	EXPECT_RET(1, LIBC(write(fds[1], "r", 1)));
	EXPECT_RET(1, LIBC(read(fds[2], &c, 1)));
	EXPECT_RET(0, LIBC(sigprocmask(SIG_UNBLOCK, &set, NULL)));
	EXPECT(handled == 0,
	       "expected SIGTSTP to discard the pending SIGCONT, got its "
	       "handler run");
}

static void check_pending_cancel(void)
{
	int fds[4], status = -1;
	pid_t pid;
	char c;

	EXPECT_OK(LIBC(pipe(&fds[0])));
	EXPECT_OK(LIBC(pipe(&fds[2])));
	pid = spawn_check(see_pending_cancel, fds);
	EXPECT_OK(LIBC(pid));
	EXPECT_RET(1, read_byte_within(fds[0], &c, 2000));
	EXPECT_RET(0, LIBC(kill(pid, SIGTSTP)));
	EXPECT_RET(0, LIBC(kill(pid, SIGCONT)));
	EXPECT_RET(1, LIBC(write(fds[3], "g", 1)));
	EXPECT_RET(1, read_byte_within(fds[0], &c, 2000));
	EXPECT_RET(0, LIBC(kill(pid, SIGCONT)));
	EXPECT_RET(0, LIBC(kill(pid, SIGTSTP)));
	EXPECT_RET(1, LIBC(write(fds[3], "g", 1)));
	EXPECT_RET(pid, wait_for(pid, &status, WUNTRACED));
	EXPECT(!WIFSTOPPED(status),
	       "expected SIGCONT to discard the pending SIGTSTP, got a stop");
	EXPECT_CHILD_OK(status);
}

/* A stop signal and SIGCONT discard each other while pending. */
static void stop_and_cont_discard_each_other(void)
{
	check_pending_cancel();
	kill_children();
}

/* The grandchild: in a process group of its own, it waits until its
 * parent has exited (the group is then orphaned: no member has a parent
 * in another group of the session), raises SIGTSTP and says "h". */
static int orphan_raises_sigtstp(void *pipe_fds)
{
	int *fds = pipe_fds;
	pid_t parent = getppid();
	long deadline = now_ms() + 2000;

	setpgid(0, 0);
	while (getppid() == parent && now_ms() < deadline)
		sleep_ms(5);
	raise(SIGTSTP);
	return write(fds[1], "h", 1) == 1 ? 0 : 1;
}

static int start_orphan_then_exit(void *pipe_fds)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(orphan_raises_sigtstp(pipe_fds));
	if (pid < 0)
		return 1;
	if (write(((int *)pipe_fds)[1], &pid, sizeof(pid)) != sizeof(pid))
		return 1;
	return 0;
}

/* SIGTSTP to an orphaned process group is discarded (POSIX): nobody
 * would continue it. */
static void sigtstp_orphaned_group_discarded(void)
{
	int fds[2];
	pid_t grandchild = 0;
	char c = 0;

	EXPECT_OK(LIBC(pipe(fds)));
	EXPECT_EXITED(run_child(start_orphan_then_exit, fds), 0);
	EXPECT_EQ(sizeof(grandchild),
		  read_full(fds[0], &grandchild, sizeof(grandchild)));
	close(fds[1]);
	if (read_byte_within(fds[0], &c, 3000) != 1 || c != 'h') {
		kill(grandchild, SIGKILL);
		EXPECT(0, "expected the orphan to go on after SIGTSTP, got "
			  "no word from it in 3 s");
	}
}

/* The grandchild: in a group of its own, it stops itself; SIGHUP (which
 * ends an orphaned stopped group) makes it say "h". */
static int stop_until_hangup(void *pipe_fds)
{
	report_fd = ((int *)pipe_fds)[1];
	setpgid(0, 0);
	install(SIGHUP, write_h, 0);
	raise(SIGSTOP);
	return 0;
}

static int stop_grandchild_then_exit(void *pipe_fds)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(stop_until_hangup(pipe_fds));
	if (pid < 0)
		return 1;
	if (write(((int *)pipe_fds)[1], &pid, sizeof(pid)) != sizeof(pid))
		return 1;
	/* exit only once it is stopped */
	return waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status)
		       ? 0
		       : 1;
}

/* A process group with a stopped member that becomes orphaned gets
 * SIGHUP and SIGCONT (POSIX), so it does not stay stopped forever. */
static void orphaned_stopped_group_gets_sighup(void)
{
	int fds[2];
	pid_t grandchild = 0;
	char c = 0;

	EXPECT_OK(LIBC(pipe(fds)));
	EXPECT_EXITED(run_child(stop_grandchild_then_exit, fds), 0);
	EXPECT_EQ(sizeof(grandchild),
		  read_full(fds[0], &grandchild, sizeof(grandchild)));
	close(fds[1]);
	if (read_byte_within(fds[0], &c, 3000) != 1 || c != 'h') {
		kill(grandchild, SIGKILL);
		EXPECT(0, "expected SIGHUP in the orphaned stopped group, got "
			  "no word from it in 3 s");
	}
}

/* A child in a process group of its own (a background job) reads the
 * terminal: with SIGTTIN ignored the read is -EIO; by default SIGTTIN
 * stops it. */
static int read_tty_in_background(void *ignore)
{
	char c;

	if (setpgid(0, 0) < 0)
		return 2;
	if (ignore)
		signal(SIGTTIN, SIG_IGN);
	if (read(0, &c, 1) < 0 && errno == EIO)
		return 0;
	return 1;
}

static void background_read_sigttin(void)
{
	int status;
	pid_t pid;

	if (!isatty(0)) {
		skip("stdin is not a terminal");
		return;
	}
	EXPECT_OK(pid = spawn(read_tty_in_background, (void *)1));
	EXPECT_RET(pid, wait_for(pid, &status, 0));
	EXPECT(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	       "expected a background read with SIGTTIN ignored to be EIO, "
	       "got %s",
	       status_str(status));
	EXPECT_OK(pid = spawn(read_tty_in_background, NULL));
	EXPECT_RET(pid, wait_for(pid, &status, WUNTRACED));
	kill(pid, SIGKILL);
	wait_for(pid, NULL, 0);
	EXPECT(WIFSTOPPED(status) && WSTOPSIG(status) == SIGTTIN,
	       "expected a background read to stop it with SIGTTIN, got %s",
	       status_str(status));
}

const struct test_case jobctl_tests[] = {
	{ "sigstop_stops_sigcont_continues", sigstop_stops_sigcont_continues },
	{ "sigcont_handler_runs", sigcont_handler_runs },
	{ "sigkill_ends_stopped", sigkill_ends_stopped },
	{ "sigtstp_default_stops", sigtstp_default_stops },
	{ "sigtstp_handler_runs_instead", sigtstp_handler_runs_instead },
	{ "sigtstp_ignored", sigtstp_ignored },
	{ "sigchld_on_stop_and_continue", sigchld_on_stop_and_continue },
	{ "sa_nocldstop", sa_nocldstop },
	{ "stop_and_cont_discard_each_other",
	  stop_and_cont_discard_each_other },
	{ "sigtstp_orphaned_group_discarded",
	  sigtstp_orphaned_group_discarded },
	{ "orphaned_stopped_group_gets_sighup",
	  orphaned_stopped_group_gets_sighup },
	{ "background_read_sigttin", background_read_sigttin },
	{ 0, 0 },
};
