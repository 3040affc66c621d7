/*
 * proc: processes. fork copies the process and wait collects its status;
 * execve replaces the program and passes argv and envp; zombies wait to be
 * collected and orphans go to init; faults and kill end a child with the
 * right signal while the parent carries on; fork and exit give back every
 * page (the free-memory count of sysinfo comes back to where it was).
 */
#include "usertests.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/sysinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../testlib/sys.h"

#define KERNEL_ADDR ((long)0xC0000000UL)

static int exit_7(void *unused)
{
	(void)unused;
	return 7;
}

static void fork_wait_exit_status(void)
{
	pid_t pid = fork(), got;
	int status = 0;

	if (pid == 0)
		exit(7);
	EXPECT_OK(LIBC(pid));
	got = waitpid(pid, &status, 0);
	EXPECT_EQ(pid, got);
	EXPECT_EXITED(status, 7);
}

/* Only the low 8 bits of the exit code reach the parent. */
static void exit_status_8_bits(void)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(255);
	EXPECT_OK(LIBC(pid));
	EXPECT_EXITED(wait_status(pid), 255);
	pid = fork();
	if (pid == 0)
		_exit(256 + 5);
	EXPECT_OK(LIBC(pid));
	EXPECT_EXITED(wait_status(pid), 5);
}

/* The child reports getpid and getppid through a pipe. */
static void fork_child_pids(void)
{
	int fds[2];
	pid_t pid, seen[2] = { 0, 0 };

	EXPECT_OK(LIBC(pipe(fds)));
	pid = fork();
	if (pid == 0) {
		seen[0] = getpid();
		seen[1] = getppid();
		if (write(fds[1], seen, sizeof(seen)) != sizeof(seen))
			_exit(1);
		_exit(0);
	}
	EXPECT_OK(LIBC(pid));
	EXPECT_EQ(sizeof(seen), read_full(fds[0], seen, sizeof(seen)));
	EXPECT_EXITED(wait_status(pid), 0);
	EXPECT(seen[0] == pid, "expected the child's getpid %d, got %d", pid,
	       seen[0]);
	EXPECT(seen[1] == getpid(), "expected the child's getppid %d, got %d",
	       getpid(), seen[1]);
}

static int global_value = 1;

/* Exits 0 if it saw the parent's values, after overwriting them. */
static int overwrite_memory(void *heap)
{
	int *heap_value = heap;
	int ok = global_value == 1 && *heap_value == 1;

	global_value = 99;
	*heap_value = 99;
	return ok ? 0 : 1;
}

static void fork_copies_memory(void)
{
	int *heap_value = malloc(sizeof(int));

	EXPECT(heap_value != NULL, "expected malloc to work, got NULL");
	*heap_value = 1;
	EXPECT_EXITED(run_child(overwrite_memory, heap_value), 0);
	EXPECT(global_value == 1, "expected the global to stay 1, got %d",
	       global_value);
	EXPECT(*heap_value == 1, "expected the heap value to stay 1, got %d",
	       *heap_value);
}

/* The kernel itself writes (read from a pipe) into a page fork shares:
 * the child gets its own copy, the parent's stays as it was. */
static char shared_page[4096] __attribute__((aligned(4096))) = "parent";

static int read_into_shared_page(void *pipe_fds)
{
	int *fds = pipe_fds;

	if (read(fds[0], shared_page, 5) != 5)
		return 1;
	return memcmp(shared_page, "child", 5) == 0 ? 0 : 2;
}

static void fork_cow_kernel_write(void)
{
	int fds[2];
	pid_t pid;

	EXPECT_OK(LIBC(pipe(fds)));
	pid = spawn(read_into_shared_page, fds);
	EXPECT_OK(LIBC(pid));
	EXPECT_RET(5, LIBC(write(fds[1], "child", 5)));
	EXPECT_EXITED(wait_status(pid), 0);
	EXPECT(strcmp(shared_page, "parent") == 0,
	       "expected the parent's page to keep \"parent\", got \"%s\"",
	       shared_page);
}

/* Several children: wait(-1) gives each pid once with its own status. */
static void wait_collects_each_child(void)
{
	pid_t pids[3];
	int i, j, status, found;
	pid_t got;

	for (i = 0; i < 3; i++) {
		pids[i] = fork();
		if (pids[i] == 0)
			_exit(10 + i);
		EXPECT_OK(LIBC(pids[i]));
	}
	for (i = 0; i < 3; i++) {
		got = wait(&status);
		for (found = -1, j = 0; j < 3; j++)
			if (pids[j] == got)
				found = j;
		EXPECT(found >= 0, "expected one of the children, got %s",
		       result_str(LIBC(got)));
		EXPECT_EXITED(status, 10 + found);
		pids[found] = 0;
	}
	EXPECT_RET(-ECHILD, LIBC(wait(&status)));
}

/* Sleeps ms, then exits with code. */
struct nap {
	int ms, code;
};

static int nap_then_exit(void *arg)
{
	struct nap *nap = arg;

	sleep_ms(nap->ms);
	return nap->code;
}

/* waitpid(pid) waits for that child even when another one exits first. */
static void waitpid_specific_child(void)
{
	struct nap quick = { 0, 1 }, slow = { 30, 2 };
	pid_t first = spawn(nap_then_exit, &quick);
	pid_t second = spawn(nap_then_exit, &slow);
	int status;

	EXPECT_OK(LIBC(first));
	EXPECT_OK(LIBC(second));
	EXPECT_EQ(second, waitpid(second, &status, 0));
	EXPECT_EXITED(status, 2);
	EXPECT_EQ(first, waitpid(first, &status, 0));
	EXPECT_EXITED(status, 1);
}

static void wait_null_status(void)
{
	pid_t pid = spawn(exit_7, NULL);

	EXPECT_OK(LIBC(pid));
	EXPECT_EQ(pid, waitpid(pid, NULL, 0));
}

/* Runs ourselves with argv in a child whose stdout is a pipe; returns the
 * child's wait status and its one line of output (without '\n') in out. */
static int exec_self_output(char **argv, char **envp, char *out, int size)
{
	int fds[2], len;
	pid_t pid;

	if (pipe(fds) < 0)
		return -errno;
	pid = fork();
	if (pid == 0) {
		dup2(fds[1], 1);
		execve(self_path, argv, envp);
		say("execve failed with %s", result_str(-errno));
		_exit(127);
	}
	close(fds[1]);
	len = read_full(fds[0], out, size - 1);
	if (len < 0)
		len = 0;
	if (len > 0 && out[len - 1] == '\n')
		len--; /* the output is one line */
	out[len] = 0;
	close(fds[0]);
	return pid < 0 ? -errno : wait_status(pid);
}

/* The child runs "usertests --echo-args a bc" with USERTESTS_VAR=hello. */
static void exec_args_env(void)
{
	char *argv[] = { "usertests", "--echo-args", "a", "bc", NULL };
	char *envp[] = { "USERTESTS_VAR=hello", NULL };
	const char *want = "argc=4 args=a bc USERTESTS_VAR=hello";
	char out[200];

	int status = exec_self_output(argv, envp, out, sizeof(out));

	EXPECT(strcmp(out, want) == 0, "expected \"%s\", got \"%s\"", want,
	       out);
	EXPECT_EXITED(status, 0);
}

/* Runs "usertests --count-args" with nargs more arguments of len - 1
 * bytes each; its output must count them all. */
static void exec_count_args(int nargs, int len)
{
	static char *argv[300];
	static char strings[300][100];
	char *envp[] = { "USERTESTS_VAR=x", NULL };
	char out[100], want[100];
	int i, status;

	argv[0] = "usertests";
	argv[1] = "--count-args";
	for (i = 0; i < nargs; i++) {
		memset(strings[i], 'a' + i % 26, len - 1);
		argv[2 + i] = strings[i];
	}
	argv[2 + nargs] = NULL;
	snprintf(want, sizeof(want), "argc=%d bytes=%d", 2 + nargs,
		 (int)strlen("usertests--count-args") + nargs * (len - 1));
	status = exec_self_output(argv, envp, out, sizeof(out));
	EXPECT(strcmp(out, want) == 0, "expected \"%s\", got \"%s\"", want,
	       out);
	EXPECT_EXITED(status, 0);
}

/* 50 arguments of 99 bytes: the strings span two pages of the stack. */
static void exec_args_cross_pages(void)
{
	exec_count_args(50, 100);
}

/* Linux takes as many arguments as fit in a quarter of the stack limit;
 * a shell expanding "*" easily passes 200. */
static void exec_200_args(void)
{
	exec_count_args(200, 8);
}

/* A directory and a device are not programs: -EACCES (as Linux). */
static void exec_not_a_program(void)
{
	char *argv[] = { "nothing", NULL };
	char *envp[] = { NULL };

	EXPECT_RET(-EACCES,
		   sys3(__NR_execve, (long)"/", (long)argv, (long)envp));
	EXPECT_RET(-EACCES, sys3(__NR_execve, (long)"/dev/null", (long)argv,
				 (long)envp));
}

static void exec_enoent(void)
{
	char *argv[] = { "nothing", NULL };
	char *envp[] = { NULL };

	EXPECT_RET(-ENOENT, sys3(__NR_execve, (long)"/bin/no-such-program",
				 (long)argv, (long)envp));
}

/*
 * execve(self) with a bad pointer somewhere. If the kernel ran the program
 * anyway, USERTESTS_EXEC_GUARD makes it print this case's failure.
 */
static long exec_self(long path, long argv)
{
	static char guard[80];
	char *envp[] = { guard, NULL };

	snprintf(guard, sizeof(guard), "USERTESTS_EXEC_GUARD=%s", test_name);
	return sys3(__NR_execve, path, argv, (long)envp);
}

static void exec_efault_argv(void)
{
	EXPECT_RET(-EFAULT, exec_self((long)self_path, KERNEL_ADDR));
}

static void exec_efault_arg_string(void)
{
	char *argv[] = { "usertests", (char *)KERNEL_ADDR, NULL };

	EXPECT_RET(-EFAULT, exec_self((long)self_path, (long)argv));
}

static void exec_efault_path(void)
{
	char *argv[] = { "usertests", NULL };

	EXPECT_RET(-EFAULT, exec_self(KERNEL_ADDR, (long)argv));
}

/* One argument bigger than Linux's 32 pages (MAX_ARG_STRLEN) is -E2BIG;
 * MenuOS's whole limit is smaller still. */
static void exec_e2big(void)
{
	static char huge[200 * 1024];
	char *argv[] = { "usertests", huge, NULL };

	memset(huge, 'x', sizeof(huge) - 1);
	EXPECT_RET(-E2BIG, exec_self((long)self_path, (long)argv));
}

/* The child exits at once; 50 ms later it is still there to collect. */
static void zombie_collected_later(void)
{
	pid_t pid = fork();
	int status;

	if (pid == 0)
		_exit(3);
	EXPECT_OK(LIBC(pid));
	sleep_ms(50);
	EXPECT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_EXITED(status, 3);
}

/* In the grandchild: wait up to 1 s for a new parent, report it. */
static int report_new_parent(void *fd)
{
	pid_t first = getppid(), now = first;
	long deadline = now_ms() + 1000;

	while (now == first && now_ms() < deadline) {
		sleep_ms(10);
		now = getppid();
	}
	return write(*(int *)fd, &now, sizeof(now)) == sizeof(now) ? 0 : 1;
}

/* In the child: start the grandchild, tell its pid, exit. */
static int leave_orphan(void *fd)
{
	return spawn(report_new_parent, fd) > 0 ? 0 : 1;
}

/* The grandchild must get init (pid 1) as its parent. On Linux a "child
 * subreaper" (systemd --user, a container's init) may adopt it instead,
 * so there it only has to be someone other than the dead child. */
static void orphan_reparented(void)
{
	int fds[2];
	pid_t child, new_parent = 0;

	EXPECT_OK(LIBC(pipe(fds)));
	child = spawn(leave_orphan, &fds[1]);
	EXPECT_OK(LIBC(child));
	close(fds[1]);
	EXPECT_EXITED(wait_status(child), 0);
	EXPECT_EQ(sizeof(new_parent),
		  read_full(fds[0], &new_parent, sizeof(new_parent)));
	if (on_linux && new_parent != child)
		return;
	EXPECT(new_parent == 1,
	       "expected getppid 1 after the parent died, got %d", new_parent);
}

/* A child that blocks reading the pipe fds[0] until the parent closes
 * fds[1] (its own copy of fds[1] it closes first). */
static int read_until_eof(void *pipe_fds)
{
	int *fds = pipe_fds;
	char c;

	close(fds[1]);
	while (read(fds[0], &c, 1) > 0)
		;
	return 0;
}

static void waitpid_wnohang_running(void)
{
	int fds[2], status;
	pid_t pid;

	EXPECT_OK(LIBC(pipe(fds)));
	pid = spawn(read_until_eof, fds);
	EXPECT_OK(LIBC(pid));
	EXPECT_RET(0, LIBC(waitpid(-1, &status, WNOHANG)));
	EXPECT_RET(0, LIBC(waitpid(pid, &status, WNOHANG)));
	close(fds[1]);
	EXPECT_EXITED(wait_status(pid), 0);
}

static void waitpid_echild(void)
{
	int status;

	EXPECT_RET(-ECHILD, sys4(__NR_wait4, -1, (long)&status, 0, 0));
	EXPECT_RET(-ECHILD, sys4(__NR_wait4, -1, (long)&status, WNOHANG, 0));
	/* our parent is not our child */
	EXPECT_RET(-ECHILD, sys4(__NR_wait4, getppid(), (long)&status, 0, 0));
}

static int write_null(void *unused)
{
	(void)unused;
	/* cppcheck-suppress nullPointer ; on purpose */
	*(volatile int *)0 = 1;
	return 0;
}

static int run_cli(void *unused)
{
	(void)unused;
	__asm__ volatile("cli");
	return 0;
}

static int run_hlt(void *unused)
{
	(void)unused;
	__asm__ volatile("hlt");
	return 0;
}

static int call_kernel(void *unused)
{
	(void)unused;
	((void (*)(void))0xC0100000UL)();
	return 0;
}

static int divide_by_zero(void *unused)
{
	unsigned int eax = 1, edx = 0, zero = 0;

	(void)unused;
	__asm__ volatile("divl %2" : "+a"(eax), "+d"(edx) : "r"(zero));
	return eax;
}

static void fault_null_write(void)
{
	EXPECT_SIGNALED(run_child(write_null, NULL), SIGSEGV);
}

/* cli and hlt need ring 0: a general protection fault, so SIGSEGV. */
static void fault_cli(void)
{
	EXPECT_SIGNALED(run_child(run_cli, NULL), SIGSEGV);
}

static void fault_hlt(void)
{
	EXPECT_SIGNALED(run_child(run_hlt, NULL), SIGSEGV);
}

static void fault_call_kernel(void)
{
	EXPECT_SIGNALED(run_child(call_kernel, NULL), SIGSEGV);
}

static void fault_divide_by_zero(void)
{
	EXPECT_SIGNALED(run_child(divide_by_zero, NULL), SIGFPE);
}

/* SIGKILL ends a child blocked in read. */
static void kill_sigkill_blocked(void)
{
	int fds[2];
	pid_t pid;

	EXPECT_OK(LIBC(pipe(fds)));
	pid = spawn(read_until_eof, fds);
	EXPECT_OK(LIBC(pid));
	sleep_ms(10);
	EXPECT_RET(0, LIBC(kill(pid, SIGKILL)));
	EXPECT_SIGNALED(wait_status(pid), SIGKILL);
}

/* Spins (for 3 s at most) without a system call. */
static int spin(void *unused)
{
	long deadline = now_ms() + 3000;
	volatile long i;

	(void)unused;
	while (now_ms() < deadline)
		for (i = 0; i < 100000; i++)
			;
	return 0;
}

/* SIGTERM's default action ends a child that is running, not sleeping. */
static void kill_sigterm_running(void)
{
	pid_t pid = spawn(spin, NULL);

	EXPECT_OK(LIBC(pid));
	sleep_ms(20);
	EXPECT_RET(0, LIBC(kill(pid, SIGTERM)));
	EXPECT_SIGNALED(wait_status(pid), SIGTERM);
}

/* n additions of k, and the running total of them, in x87 registers.
 * Exact (below 2^53), so the answer is known: k * n * (n + 1) / 2. */
static __attribute__((noinline)) double fpu_sum(double k, int n)
{
	double x = 0, sum = 0;
	int i;

	for (i = 0; i < n; i++) {
		x += k;
		sum += x;
	}
	return sum;
}

/* Sums for 150 ms, checking each result: a switch to the other child in
 * the middle of the loop must not change our FPU registers. */
static int sum_for_a_while(void *k_arg)
{
	double k = *(int *)k_arg, want = k * 20000.0 * 20001.0 / 2;
	long deadline = now_ms() + 150;

	while (now_ms() < deadline)
		if (fpu_sum(k, 20000) != want)
			return 1;
	return 0;
}

/* Two children use the FPU at the same time. */
static void fpu_kept_across_switches(void)
{
	int three = 3, seven = 7;
	pid_t a = spawn(sum_for_a_while, &three);
	pid_t b = spawn(sum_for_a_while, &seven);

	EXPECT_OK(LIBC(a));
	EXPECT_OK(LIBC(b));
	EXPECT_EXITED(wait_status(a), 0);
	EXPECT_EXITED(wait_status(b), 0);
}

/* Free memory in KiB, from sysinfo(116). */
static long free_kib(void)
{
	struct sysinfo si;

	if (sys1(__NR_sysinfo, (long)&si) < 0)
		return -1;
	return (long)(((unsigned long long)si.freeram * si.mem_unit) >> 10);
}

/* 100 forks and exits leave free memory where it was (after one round to
 * warm up the kernel's caches). Linux's free memory moves on its own. */
static void fork_leak(void)
{
	long before, after;
	int i;

	EXPECT_EXITED(run_child(exit_7, NULL), 7);
	before = free_kib();
	EXPECT(before > 0, "expected sysinfo to work, got %s",
	       result_str(before));
	for (i = 0; i < 100; i++)
		EXPECT_EXITED(run_child(exit_7, NULL), 7);
	after = free_kib();
	if (on_linux) {
		skip("skipped on Linux");
		return;
	}
	EXPECT(after == before,
	       "expected %ld KiB free after 100 forks, got %ld KiB", before,
	       after);
}

static void getpgrp_setpgid(void)
{
	int fds[2];
	pid_t pid;

	EXPECT_EQ(getpgrp(), getpgid(0));
	EXPECT_RET(0, LIBC(setpgid(0, 0)));
	EXPECT_EQ(getpid(), getpgrp());
	EXPECT_OK(LIBC(pipe(fds)));
	pid = spawn(read_until_eof, fds);
	EXPECT_OK(LIBC(pid));
	EXPECT_EQ(getpid(), getpgid(pid)); /* inherited */
	EXPECT_RET(0, LIBC(setpgid(pid, pid)));
	EXPECT_EQ(pid, getpgid(pid));
	close(fds[1]);
	EXPECT_EXITED(wait_status(pid), 0);
	EXPECT_RET(-ESRCH, LIBC(getpgid(pid))); /* collected: gone */
}

const struct test_case proc_tests[] = {
	{ "fork_wait_exit_status", fork_wait_exit_status },
	{ "exit_status_8_bits", exit_status_8_bits },
	{ "fork_child_pids", fork_child_pids },
	{ "fork_copies_memory", fork_copies_memory },
	{ "fork_cow_kernel_write", fork_cow_kernel_write },
	{ "wait_collects_each_child", wait_collects_each_child },
	{ "waitpid_specific_child", waitpid_specific_child },
	{ "wait_null_status", wait_null_status },
	{ "exec_args_env", exec_args_env },
	{ "exec_args_cross_pages", exec_args_cross_pages },
	{ "exec_200_args", exec_200_args },
	{ "exec_e2big", exec_e2big },
	{ "exec_not_a_program", exec_not_a_program },
	{ "exec_enoent", exec_enoent },
	{ "exec_efault_argv", exec_efault_argv },
	{ "exec_efault_arg_string", exec_efault_arg_string },
	{ "exec_efault_path", exec_efault_path },
	{ "zombie_collected_later", zombie_collected_later },
	{ "orphan_reparented", orphan_reparented },
	{ "waitpid_wnohang_running", waitpid_wnohang_running },
	{ "waitpid_echild", waitpid_echild },
	{ "fault_null_write", fault_null_write },
	{ "fault_cli", fault_cli },
	{ "fault_hlt", fault_hlt },
	{ "fault_call_kernel", fault_call_kernel },
	{ "fault_divide_by_zero", fault_divide_by_zero },
	{ "kill_sigkill_blocked", kill_sigkill_blocked },
	{ "kill_sigterm_running", kill_sigterm_running },
	{ "fpu_kept_across_switches", fpu_kept_across_switches },
	{ "fork_leak", fork_leak },
	{ "getpgrp_setpgid", getpgrp_setpgid },
	{ 0, 0 },
};
