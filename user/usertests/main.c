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
#include "usertests.h"
#include "../testlib/runner.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>

const char *self_path = "/bin/usertests";

/* clang-format off */
static const struct test_area areas[] = {
	{ "syscall", syscall_tests, 5000 },
	{ "proc", proc_tests, 5000 },
	{ "file", file_tests, 5000 },
	{ "pipe", pipe_tests, 5000 },
	{ "signal", signal_tests, 5000 },
	{ "jobctl", jobctl_tests, 5000 },
	{ "poll", poll_tests, 5000 },
	{ "mem", mem_tests, 5000 },
};
/* clang-format on */

static const struct test_program usertests = {
	.name = "usertests",
	.areas = areas,
	.nareas = sizeof(areas) / sizeof(areas[0]),
};

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

int main(int argc, char **argv)
{
	int mode;

	if (argc > 0 && strchr(argv[0], '/'))
		self_path = argv[0];
	mode = helper_mode(argc, argv);
	if (mode >= 0)
		return mode;
	return run_tests(&usertests, argc, argv);
}
