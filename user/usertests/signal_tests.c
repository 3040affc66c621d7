/*
 * signal: handlers run for kill(), get the signal number (and siginfo with
 * SA_SIGINFO), and the program carries on after them; a blocked signal
 * waits in the mask until unblocked; SIG_IGN drops it; a signal cuts a
 * blocking read or nanosleep short with -EINTR unless SA_RESTART asks for
 * the read to go on; SIGKILL can be neither caught, ignored nor blocked.
 */
#include "usertests.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../testlib/sys.h"

static volatile sig_atomic_t handled, last_signal;

/* The children below signal the case's process by this pid, not by
 * getppid(): if the case already ended, getppid() would be init's 1. */
static pid_t case_pid;
static volatile int info_signo = -1, info_code = -1, had_context;

static void on_signal(int sig)
{
	handled++;
	last_signal = sig;
}

static void on_siginfo(int sig, siginfo_t *info, void *context)
{
	handled++;
	last_signal = sig;
	info_signo = info->si_signo;
	info_code = info->si_code;
	had_context = context != NULL;
}

/* sigprocmask on one signal. */
static int mask_one(int how, int sig)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, sig);
	return sigprocmask(how, &set, NULL);
}

static void handler_runs(void)
{
	EXPECT_RET(0, LIBC(install(SIGUSR1, on_signal, 0)));
	EXPECT_RET(0, LIBC(kill(getpid(), SIGUSR1)));
	EXPECT_EQ(1, handled); /* before kill() returned to us */
	EXPECT_RET(0, LIBC(kill(getpid(), SIGUSR1)));
	EXPECT_EQ(2, handled);
}

static void handler_gets_signal_number(void)
{
	EXPECT_RET(0, LIBC(install(SIGUSR1, on_signal, 0)));
	EXPECT_RET(0, LIBC(install(SIGUSR2, on_signal, 0)));
	EXPECT_RET(0, LIBC(raise(SIGUSR2)));
	EXPECT_EQ(SIGUSR2, last_signal);
	EXPECT_RET(0, LIBC(raise(SIGUSR1)));
	EXPECT_EQ(SIGUSR1, last_signal);
}

/* kill() is SI_USER (0) in si_code. */
static void sa_siginfo_handler(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_siginfo;
	sa.sa_flags = SA_SIGINFO;
	EXPECT_RET(0, LIBC(sigaction(SIGUSR1, &sa, NULL)));
	EXPECT_RET(0, LIBC(kill(getpid(), SIGUSR1)));
	EXPECT_EQ(1, handled);
	EXPECT_EQ(SIGUSR1, info_signo);
	EXPECT_EQ(0, info_code);
	EXPECT(had_context, "expected a ucontext pointer, got NULL");
}

/* While a handler runs its own signal is blocked: raised again inside,
 * it runs only after the handler returns. */
static volatile int nested_seen;

static void raise_again_once(int sig)
{
	if (handled++ == 0) {
		raise(sig);
		nested_seen = handled; /* still 1 if the signal waited */
	}
}

static void handler_blocks_own_signal(void)
{
	EXPECT_RET(0, LIBC(install(SIGUSR1, raise_again_once, 0)));
	EXPECT_RET(0, LIBC(raise(SIGUSR1)));
	EXPECT_EQ(1, nested_seen);
	EXPECT_EQ(2, handled);
}

static void sigprocmask_defers(void)
{
	EXPECT_RET(0, LIBC(install(SIGUSR1, on_signal, 0)));
	EXPECT_RET(0, LIBC(mask_one(SIG_BLOCK, SIGUSR1)));
	EXPECT_RET(0, LIBC(raise(SIGUSR1)));
	EXPECT_RET(0, LIBC(raise(SIGUSR1))); /* not queued: one delivery */
	EXPECT_EQ(0, handled);
	EXPECT_RET(0, LIBC(mask_one(SIG_UNBLOCK, SIGUSR1)));
	EXPECT_EQ(1, handled); /* delivered on the way out of sigprocmask */
}

/* The old mask comes back; SIGKILL and SIGSTOP never enter the mask. */
static void sigprocmask_old_mask(void)
{
	sigset_t all, old;

	sigfillset(&all);
	EXPECT_RET(0, LIBC(mask_one(SIG_SETMASK, SIGUSR2)));
	EXPECT_RET(0, LIBC(sigprocmask(SIG_BLOCK, &all, &old)));
	EXPECT_EQ(1, sigismember(&old, SIGUSR2));
	EXPECT_EQ(0, sigismember(&old, SIGUSR1));
	EXPECT_RET(0, LIBC(sigprocmask(SIG_SETMASK, NULL, &old)));
	EXPECT_EQ(1, sigismember(&old, SIGTERM));
	EXPECT_EQ(0, sigismember(&old, SIGKILL));
	EXPECT_EQ(0, sigismember(&old, SIGSTOP));
	EXPECT_RET(-EINVAL, LIBC(sigprocmask(99, &all, NULL)));
}

static void sig_ign_ignored(void)
{
	EXPECT(signal(SIGUSR1, SIG_IGN) != SIG_ERR,
	       "expected signal() to work");
	EXPECT(signal(SIGTERM, SIG_IGN) != SIG_ERR,
	       "expected signal() to work");
	EXPECT_RET(0, LIBC(raise(SIGUSR1)));
	EXPECT_RET(0, LIBC(raise(SIGTERM)));
	/* still here: the default action would have ended us */
}

static int raise_usr1(void *unused)
{
	(void)unused;
	raise(SIGUSR1);
	return handled == 1 ? 0 : 1;
}

/* A child of fork keeps the parent's handlers. */
static void fork_keeps_handlers(void)
{
	EXPECT_RET(0, LIBC(install(SIGUSR1, on_signal, 0)));
	EXPECT_EXITED(run_child(raise_usr1, NULL), 0);
}

/* The child: after 50 ms SIGUSR1 to the parent, after 50 ms more "data". */
static int signal_then_write(void *fd)
{
	sleep_ms(50);
	kill(case_pid, SIGUSR1);
	sleep_ms(50);
	return write(*(int *)fd, "data", 4) == 4 ? 0 : 1;
}

/* Reads the pipe while the child signals, then writes; returns read's result. */
static long read_while_signalled(char *buf, int *status)
{
	int fds[2];
	long ret;
	pid_t pid;

	if (pipe(fds) < 0)
		return -errno;
	case_pid = getpid();
	pid = spawn(signal_then_write, &fds[1]);
	if (pid < 0)
		return -errno;
	ret = LIBC(read(fds[0], buf, 4));
	*status = wait_status(pid);
	return ret;
}

static void read_eintr_without_restart(void)
{
	char buf[4];
	int status;

	EXPECT_RET(0, LIBC(install(SIGUSR1, on_signal, 0)));
	EXPECT_RET(-EINTR, read_while_signalled(buf, &status));
	EXPECT_EQ(1, handled);
	EXPECT_EXITED(status, 0);
}

static void read_restarted_with_sa_restart(void)
{
	char buf[4];
	int status;

	EXPECT_RET(0, LIBC(install(SIGUSR1, on_signal, SA_RESTART)));
	EXPECT_RET(4, read_while_signalled(buf, &status));
	EXPECT(memcmp(buf, "data", 4) == 0, "expected data, got %.4s", buf);
	EXPECT_EQ(1, handled);
	EXPECT_EXITED(status, 0);
}

static int signal_parent_later(void *unused)
{
	(void)unused;
	sleep_ms(50);
	return kill(case_pid, SIGUSR1) == 0 ? 0 : 1;
}

/* A 1 s nanosleep cut short after 50 ms: -EINTR and the time left. */
static void nanosleep_eintr(void)
{
	struct timespec req = { 1, 0 }, rem = { 0, 0 };
	long start, slept;
	pid_t pid;

	EXPECT_RET(0, LIBC(install(SIGUSR1, on_signal, 0)));
	case_pid = getpid();
	pid = spawn(signal_parent_later, NULL);
	EXPECT_OK(LIBC(pid));
	start = now_ms();
	EXPECT_RET(-EINTR, LIBC(nanosleep(&req, &rem)));
	slept = now_ms() - start;
	EXPECT_EXITED(wait_status(pid), 0);
	EXPECT_EQ(1, handled);
	EXPECT(slept < 900, "expected to wake after ~50 ms, got %ld ms", slept);
	EXPECT(rem.tv_sec == 0 && rem.tv_nsec > 100000000L,
	       "expected most of the second left in rem, got %ld.%09ld s",
	       (long)rem.tv_sec, (long)rem.tv_nsec);
}

/* The same through clock_nanosleep_time64 (407), what glibc's sleep uses
 * on i386 now: the time left comes back in its 64-bit layout. */
static void clock_nanosleep_time64_eintr(void)
{
	long long req[2] = { 1, 0 }, rem[2] = { -1, -1 };
	pid_t pid;

	EXPECT_RET(0, LIBC(install(SIGUSR1, on_signal, 0)));
	case_pid = getpid();
	pid = spawn(signal_parent_later, NULL);
	EXPECT_OK(LIBC(pid));
	EXPECT_RET(-EINTR, sys6(407, 1 /* CLOCK_MONOTONIC */, 0, (long)req,
				(long)rem, 0, 0));
	EXPECT_EXITED(wait_status(pid), 0);
	EXPECT(rem[0] == 0 && rem[1] > 100000000LL && rem[1] < 1000000000LL,
	       "expected most of the second left in rem, got %lld s %lld ns",
	       rem[0], rem[1]);
}

/* Blocks reading the pipe fds[0] (its copy of fds[1] closed). */
static int block_in_read(void *pipe_fds)
{
	int *fds = pipe_fds;
	char c;

	close(fds[1]);
	read(fds[0], &c, 1);
	return 1;
}

static void sigterm_default_kills(void)
{
	int fds[2];
	pid_t pid;

	EXPECT_OK(LIBC(pipe(fds)));
	pid = spawn(block_in_read, fds);
	EXPECT_OK(LIBC(pid));
	sleep_ms(10);
	EXPECT_RET(0, LIBC(kill(pid, SIGTERM)));
	EXPECT_SIGNALED(wait_status(pid), SIGTERM);
}

/* pause() sleeps until a handled signal, then fails with -EINTR. */
static void pause_returns_eintr(void)
{
	long start;
	pid_t pid;

	EXPECT_RET(0, LIBC(install(SIGUSR1, on_signal, 0)));
	case_pid = getpid();
	pid = spawn(signal_parent_later, NULL);
	EXPECT_OK(LIBC(pid));
	start = now_ms();
	EXPECT_RET(-EINTR, LIBC(pause()));
	EXPECT(now_ms() - start >= 40,
	       "expected pause to last until the signal (50 ms), got %ld ms",
	       now_ms() - start);
	EXPECT_EQ(1, handled);
	EXPECT_EXITED(wait_status(pid), 0);
}

static int exit_0(void *unused)
{
	(void)unused;
	return 0;
}

/* A child's exit sends its parent SIGCHLD. */
static void sigchld_on_child_exit(void)
{
	pid_t pid;

	EXPECT_RET(0, LIBC(install(SIGCHLD, on_signal, 0)));
	pid = spawn(exit_0, NULL);
	EXPECT_OK(LIBC(pid));
	EXPECT_EXITED(wait_status(pid), 0);
	EXPECT_EQ(1, handled);
	EXPECT_EQ(SIGCHLD, last_signal);
}

/* A child that resets SIGTERM, says "ready" and blocks in read. */
static int ready_then_block(void *pipe_fds)
{
	int *fds = pipe_fds;
	char c;

	signal(SIGTERM, SIG_DFL);
	close(fds[0]);
	close(fds[3]);
	if (write(fds[1], "r", 1) != 1)
		return 2;
	read(fds[2], &c, 1);
	return 1;
}

/* kill(-pgrp) reaches every process of the group (we ignore it). */
static void kill_process_group(void)
{
	int fds[4];
	pid_t a, b;
	char ready[2];

	EXPECT_RET(0, LIBC(setpgid(0, 0)));
	EXPECT(signal(SIGTERM, SIG_IGN) != SIG_ERR,
	       "expected signal() to work");
	EXPECT_OK(LIBC(pipe(&fds[0]))); /* "ready" from the children */
	EXPECT_OK(LIBC(pipe(&fds[2]))); /* they block reading this one */
	a = spawn(ready_then_block, fds);
	b = spawn(ready_then_block, fds);
	EXPECT_OK(LIBC(a));
	EXPECT_OK(LIBC(b));
	close(fds[1]);
	EXPECT_EQ(2, read_full(fds[0], ready, 2));
	EXPECT_RET(0, LIBC(kill(-getpid(), SIGTERM)));
	EXPECT_SIGNALED(wait_status(a), SIGTERM);
	EXPECT_SIGNALED(wait_status(b), SIGTERM);
}

/* A handler that uses the FPU and many registers. */
static void on_signal_busy(int sig)
{
	volatile double d = sig;
	int i;

	for (i = 0; i < 50; i++)
		d = d * 1.5 + i;
	handled++;
}

/* Integer and x87 work, both exact: see fpu_sum in proc_tests.c. */
static __attribute__((noinline)) unsigned int mix(unsigned int seed,
						  double *sum)
{
	double x = 0, total = 0;
	int i;

	for (i = 0; i < 5000; i++) {
		seed = seed * 1103515245u + 12345u;
		x += 3;
		total += x;
	}
	*sum = total;
	return seed;
}

/* The child: 20 signals to the case's process, 5 ms apart. */
static int signal_20_times(void *unused)
{
	int i;

	(void)unused;
	for (i = 0; i < 20; i++) {
		sleep_ms(5);
		kill(case_pid, SIGUSR1);
	}
	return 0;
}

/* Signals arriving in the middle of a computation (from a timer interrupt,
 * not a syscall) must leave every register as it was, FPU included. We
 * compute until the child has sent all 20; signals that arrive together
 * are delivered once, so fewer than 20 handler runs is fine. */
static void handler_keeps_registers(void)
{
	volatile unsigned int seed = 42;
	double want_sum, sum;
	unsigned int want = mix(seed, &want_sum);
	long deadline = now_ms() + 2000;
	int status = -1;
	pid_t pid;

	EXPECT_RET(0, LIBC(install(SIGUSR1, on_signal_busy, 0)));
	case_pid = getpid();
	pid = spawn(signal_20_times, NULL);
	EXPECT_OK(LIBC(pid));
	while (waitpid(pid, &status, WNOHANG) == 0 && now_ms() < deadline) {
		EXPECT_EQ(want, mix(seed, &sum));
		EXPECT(sum == want_sum, "expected the x87 sum %ld, got %ld",
		       (long)want_sum, (long)sum);
	}
	EXPECT_EXITED(status, 0);
	EXPECT(handled > 0, "expected the handler to run, got %d runs",
	       (int)handled);
}

static void sigkill_cannot_be_caught(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	EXPECT_RET(-EINVAL, LIBC(sigaction(SIGKILL, &sa, NULL)));
	EXPECT_RET(-EINVAL, LIBC(sigaction(SIGSTOP, &sa, NULL)));
	sa.sa_handler = SIG_IGN;
	EXPECT_RET(-EINVAL, LIBC(sigaction(SIGKILL, &sa, NULL)));
	/* asking for the current action is fine */
	EXPECT_RET(0, LIBC(sigaction(SIGKILL, NULL, &sa)));
}

/* Raw rt_sigaction: numbers outside 1..64 and a wrong sigsetsize. */
static void rt_sigaction_einval(void)
{
	long old[5];

	EXPECT_RET(-EINVAL, sys4(__NR_rt_sigaction, 0, 0, (long)old, 8));
	EXPECT_RET(-EINVAL, sys4(__NR_rt_sigaction, 65, 0, (long)old, 8));
	EXPECT_RET(-EINVAL, sys4(__NR_rt_sigaction, SIGUSR1, 0, (long)old, 4));
	EXPECT_RET(0, sys4(__NR_rt_sigaction, SIGUSR1, 0, (long)old, 8));
}

/* A child that exited but was not collected still exists: kill works. */
static void kill_zombie(void)
{
	pid_t zombie = spawn(exit_0, NULL);

	EXPECT_OK(LIBC(zombie));
	sleep_ms(50);
	EXPECT_RET(0, LIBC(kill(zombie, 0)));
	EXPECT_RET(0, LIBC(kill(zombie, SIGTERM)));
	EXPECT_EXITED(wait_status(zombie), 0);
}

/* A collected child's pid names nobody (until it is used again). */
static void kill_errors(void)
{
	pid_t gone = spawn(exit_0, NULL);

	EXPECT_OK(LIBC(gone));
	EXPECT_EXITED(wait_status(gone), 0);
	EXPECT_RET(0, LIBC(kill(getpid(), 0))); /* 0: only "does it exist" */
	EXPECT_RET(-EINVAL, LIBC(kill(getpid(), 99)));
	EXPECT_RET(-ESRCH, LIBC(kill(gone, SIGUSR1)));
}

const struct test_case signal_tests[] = {
	{ "handler_runs", handler_runs },
	{ "handler_gets_signal_number", handler_gets_signal_number },
	{ "sa_siginfo_handler", sa_siginfo_handler },
	{ "handler_blocks_own_signal", handler_blocks_own_signal },
	{ "sigprocmask_defers", sigprocmask_defers },
	{ "sigprocmask_old_mask", sigprocmask_old_mask },
	{ "sig_ign_ignored", sig_ign_ignored },
	{ "fork_keeps_handlers", fork_keeps_handlers },
	{ "read_eintr_without_restart", read_eintr_without_restart },
	{ "read_restarted_with_sa_restart", read_restarted_with_sa_restart },
	{ "nanosleep_eintr", nanosleep_eintr },
	{ "clock_nanosleep_time64_eintr", clock_nanosleep_time64_eintr },
	{ "pause_returns_eintr", pause_returns_eintr },
	{ "sigterm_default_kills", sigterm_default_kills },
	{ "sigchld_on_child_exit", sigchld_on_child_exit },
	{ "kill_process_group", kill_process_group },
	{ "handler_keeps_registers", handler_keeps_registers },
	{ "sigkill_cannot_be_caught", sigkill_cannot_be_caught },
	{ "rt_sigaction_einval", rt_sigaction_einval },
	{ "kill_zombie", kill_zombie },
	{ "kill_errors", kill_errors },
	{ 0, 0 },
};
