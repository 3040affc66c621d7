/*
 * usertests: MenuOS's in-guest tests of the system call interface, in the
 * style of xv6's usertests. Each case runs in its own child process, so a
 * case that crashes, leaks fds or changes signal handlers cannot spoil the
 * next one; the runner gives it a few seconds and kills it if it hangs.
 *
 *   usertests                 run every area
 *   usertests pipe signal     run the areas named (or single cases by name)
 *
 * Each case prints "<name> ok" or "<name> FAILED: expected X, got Y"; the
 * last line is "usertests: N passed, N failed", and the exit status is 0
 * only if nothing failed. The same source builds against glibc, so every
 * expectation can be checked on Linux first (see the file comments).
 */
#include "check.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#define CASE_TIMEOUT_MS 5000

/* clang-format off */
static const struct {
	const char *name;
	const struct test_case *cases;
} areas[] = {
	{ "syscall", syscall_tests },
	{ "proc", proc_tests },
	{ "file", file_tests },
	{ "pipe", pipe_tests },
	{ "signal", signal_tests },
	{ "poll", poll_tests },
	{ "mem", mem_tests },
};
/* clang-format on */
#define NAREAS ((int)(sizeof(areas) / sizeof(areas[0])))

static int passed, failed;

/* In the child: run the case, print "ok" unless it printed a verdict. */
static void run_case_in_child(const struct test_case *tc)
{
	test_name = tc->name;
	tc->run();
	if (test_failed == 0)
		say("%s ok", tc->name);
	_exit(test_failed > 0 ? 1 : 0);
}

/* Waits for the case's process; kills it after CASE_TIMEOUT_MS. */
static int wait_case(pid_t pid, const char *name)
{
	long deadline = now_ms() + CASE_TIMEOUT_MS;
	int status;
	pid_t got;

	for (;;) {
		got = waitpid(pid, &status, WNOHANG);
		if (got == pid)
			return status;
		if (got < 0) /* WNOHANG broken? fall back to waiting */
			return wait_status(pid);
		if (now_ms() > deadline)
			break;
		sleep_ms(5);
	}
	say("%s FAILED: expected it to finish within %d ms, got a hang", name,
	    CASE_TIMEOUT_MS);
	kill(pid, SIGKILL);
	wait_status(pid);
	return -1;
}

static void run_case(const struct test_case *tc)
{
	pid_t pid = fork();
	int status;

	if (pid < 0) {
		say("%s FAILED: expected fork to work, got %s", tc->name,
		    result_str(-errno));
		failed++;
		return;
	}
	if (pid == 0)
		run_case_in_child(tc);
	status = wait_case(pid, tc->name);
	if (status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		passed++;
		return;
	}
	failed++;
	if (status >= 0 && !(WIFEXITED(status) && WEXITSTATUS(status) == 1))
		say("%s FAILED: expected the case to exit 0, got %s", tc->name,
		    status_str(status));
}

static void run_area(const struct test_case *cases)
{
	for (; cases->name; cases++)
		run_case(cases);
}

/* An argument is "all", an area, or the name of one case. */
static int run_arg(const char *arg)
{
	const struct test_case *tc;
	int i;

	for (i = 0; i < NAREAS; i++) {
		if (strcmp(arg, "all") == 0)
			run_area(areas[i].cases);
		else if (strcmp(arg, areas[i].name) == 0) {
			run_area(areas[i].cases);
			return 0;
		}
	}
	if (strcmp(arg, "all") == 0)
		return 0;
	for (i = 0; i < NAREAS; i++) {
		for (tc = areas[i].cases; tc->name; tc++) {
			if (strcmp(arg, tc->name) == 0) {
				run_case(tc);
				return 0;
			}
		}
	}
	return -1;
}

/* --echo-args A B: print the arguments and $USERTESTS_VAR (proc tests). */
static int echo_args(int argc, char **argv)
{
	const char *var = getenv("USERTESTS_VAR");
	char line[200] = "";
	int i;

	for (i = 2; i < argc; i++) {
		strncat(line, argv[i], sizeof(line) - strlen(line) - 2);
		strcat(line, " ");
	}
	say("argc=%d args=%sUSERTESTS_VAR=%s", argc, line,
	    var ? var : "(unset)");
	return 0;
}

/* --count-args ...: print the number of arguments and their total length. */
static int count_args(int argc, char **argv)
{
	int i, bytes = 0;

	for (i = 0; i < argc; i++)
		bytes += strlen(argv[i]);
	say("argc=%d bytes=%d", argc, bytes);
	return 0;
}

/* --check-fds C O: exit 0 if fd C is closed and fd O open (cloexec tests). */
static int check_fds(char **argv)
{
	int closed_fd = atoi(argv[2]), open_fd = atoi(argv[3]);

	if (!(fcntl(closed_fd, F_GETFD) == -1 && errno == EBADF))
		return 10;
	if (fcntl(open_fd, F_GETFD) < 0)
		return 11;
	return 0;
}

/* The modes the tests execve us in, instead of running tests. */
static int helper_mode(int argc, char **argv)
{
	const char *guard = getenv("USERTESTS_EXEC_GUARD");

	if (guard) {
		/* an execve that must fail did not */
		say("%s FAILED: expected execve to fail, got a running program",
		    guard);
		return 1;
	}
	if (argc >= 2 && strcmp(argv[1], "--echo-args") == 0)
		return echo_args(argc, argv);
	if (argc >= 2 && strcmp(argv[1], "--count-args") == 0)
		return count_args(argc, argv);
	if (argc >= 4 && strcmp(argv[1], "--check-fds") == 0)
		return check_fds(argv);
	return -1;
}

static void usage(void)
{
	int i;

	say("usage: usertests [all | AREA... | CASE...]");
	for (i = 0; i < NAREAS; i++)
		say("  area %s", areas[i].name);
}

int main(int argc, char **argv)
{
	struct utsname uts;
	int i, mode;

	if (argc > 0 && strchr(argv[0], '/'))
		self_path = argv[0];
	mode = helper_mode(argc, argv);
	if (mode >= 0)
		return mode;
	on_linux = uname(&uts) == 0 && strcmp(uts.sysname, "Linux") == 0;
	now_ms(); /* set the clock's base */
	if (argc < 2)
		run_arg("all");
	for (i = 1; i < argc; i++) {
		if (run_arg(argv[i]) < 0) {
			usage();
			return 2;
		}
	}
	say("usertests: %d passed, %d failed", passed, failed);
	return failed ? 1 : 0;
}
