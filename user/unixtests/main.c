/*
 * unixtests: MenuOS's in-guest tests of AF_UNIX sockets, in sockettests'
 * style (and with its helpers): each case runs in its own child process
 * with a timeout, and prints "<name> ok" or "<name> FAILED: expected X,
 * got Y"; the last line is "unixtests: N passed, N failed", and the exit
 * status is 0 only if nothing failed.
 *
 *   unixtests               run every area
 *   unixtests dgram rights  run the areas named (or single cases by name)
 *
 * Linux is the oracle: the same source builds with glibc
 * (i686-linux-gnu-gcc -static, every .c of user/unixtests) and with our libc, and
 * both pass on a Linux host before MenuOS is asked to match.
 */
#include "unixtests.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

/* clang-format off */
static const struct {
	const char *name;
	const struct test_case *cases;
	int timeout_ms; /* for each case of the area */
} areas[] = {
	{ "stream", unix_stream_tests, 20000 },
	{ "dgram", unix_dgram_tests, 5000 },
	{ "names", unix_name_tests, 5000 },
	{ "errors", unix_error_tests, 5000 },
	{ "poll", unix_poll_tests, 5000 },
	{ "cred", unix_cred_tests, 5000 },
	{ "rights", unix_rights_tests, 5000 },
	{ "leak", unix_leak_tests, 60000 },
};
/* clang-format on */
#define NAREAS ((int)(sizeof(areas) / sizeof(areas[0])))

static int passed, failed;
static pid_t running_case; /* its process group, to end on Ctrl-C */

/* Ctrl-C reaches only our process group, not the case's: end the case
 * with its helpers, then die of the signal as if we had not caught it. */
static void end_with_case(int sig)
{
	if (running_case > 0) {
		kill(-running_case, SIGKILL);
		kill(running_case, SIGKILL);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

/* In the child: run the case, print "ok" unless it printed a verdict. */
static void run_case_in_child(const struct test_case *tc)
{
	/* a group of its own: a hang is ended with every helper process */
	setpgid(0, 0);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	test_name = tc->name;
	tc->run();
	kill_children();
	if (test_failed == 0)
		say("%s ok", tc->name);
	_exit(test_failed > 0 ? 1 : 0);
}

/* Waits for the case's process; kills its group after timeout_ms. */
static int wait_case(pid_t pid, const char *name, int timeout_ms)
{
	long deadline = now_ms() + timeout_ms;
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
	    timeout_ms);
	kill(-pid, SIGKILL);
	kill(pid, SIGKILL);
	wait_status(pid);
	return -1;
}

static void run_case(const struct test_case *tc, int timeout_ms)
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
	running_case = pid;
	status = wait_case(pid, tc->name, timeout_ms);
	running_case = 0;
	if (status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		passed++;
		return;
	}
	failed++;
	if (status >= 0 && !(WIFEXITED(status) && WEXITSTATUS(status) == 1))
		say("%s FAILED: expected the case to exit 0, got %s", tc->name,
		    status_str(status));
}

static void run_area(int area)
{
	const struct test_case *tc;

	for (tc = areas[area].cases; tc->name; tc++)
		run_case(tc, areas[area].timeout_ms);
}

/* An argument is "all", an area, or the name of one case. */
static int run_arg(const char *arg)
{
	const struct test_case *tc;
	int i;

	for (i = 0; i < NAREAS; i++) {
		if (strcmp(arg, "all") == 0)
			run_area(i);
		else if (strcmp(arg, areas[i].name) == 0) {
			run_area(i);
			return 0;
		}
	}
	if (strcmp(arg, "all") == 0)
		return 0;
	for (i = 0; i < NAREAS; i++) {
		for (tc = areas[i].cases; tc->name; tc++) {
			if (strcmp(arg, tc->name) == 0) {
				run_case(tc, areas[i].timeout_ms);
				return 0;
			}
		}
	}
	return -1;
}

static void usage(void)
{
	int i;

	say("usage: unixtests [all | AREA... | CASE...]");
	for (i = 0; i < NAREAS; i++)
		say("  area %s", areas[i].name);
}

int main(int argc, char **argv)
{
	struct utsname uts;
	int i;

	on_linux = uname(&uts) == 0 && strcmp(uts.sysname, "Linux") == 0;
	now_ms(); /* set the clock's base */
	signal(SIGINT, end_with_case);
	signal(SIGTERM, end_with_case);
	if (argc < 2)
		run_arg("all");
	for (i = 1; i < argc; i++) {
		if (run_arg(argv[i]) < 0) {
			usage();
			return 2;
		}
	}
	say("unixtests: %d passed, %d failed", passed, failed);
	return failed ? 1 : 0;
}
