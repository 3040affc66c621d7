/*
 * The test programs' runner (runner.h): the command line, areas and cases,
 * one forked child per case with a timeout, Ctrl-C, and the summary line.
 */
#include "runner.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

int stress;
int with_known_bugs;
int cases_passed, cases_failed;

static const struct test_program *program;
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

/* In the forked child: run the case and exit 0 (passed), 1 (it said
 * FAILED) or 3 (skipped: it said "ok (why)"). */
static void case_child(const struct test_case *tc, int say_ok)
{
	if (program->own_group) {
		/* a hang is ended with every helper process */
		setpgid(0, 0);
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
	}
	test_name = tc->name;
	tc->run();
	if (program->own_group)
		kill_children();
	if (test_failed == 0 && say_ok)
		say("%s ok", tc->name);
	_exit(test_failed > 0 ? 1 : test_failed < 0 ? 3 : 0);
}

/* Waits for the case's process; kills it (and its group) after
 * timeout_ms. */
static int wait_case(pid_t pid, const char *name, long timeout_ms)
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
	say("%s FAILED: expected it to finish within %ld ms, got a hang", name,
	    timeout_ms);
	if (program->own_group)
		kill(-pid, SIGKILL);
	kill(pid, SIGKILL);
	wait_status(pid);
	return -1;
}

pid_t start_case(const struct test_case *tc, int say_ok)
{
	pid_t pid = fork();

	if (pid < 0) {
		say("%s FAILED: expected fork to work, got %s", tc->name,
		    result_str(-errno));
		cases_failed++;
		return -1;
	}
	if (pid == 0)
		case_child(tc, say_ok);
	running_case = pid;
	return pid;
}

int case_exited_ok(const struct test_case *tc, int status)
{
	running_case = 0;
	if (status >= 0 && WIFEXITED(status) &&
	    (WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 3))
		return 1;
	cases_failed++;
	if (status >= 0 && !(WIFEXITED(status) && WEXITSTATUS(status) == 1))
		say("%s FAILED: expected the case to exit 0, got %s", tc->name,
		    status_str(status));
	return 0;
}

void run_case(const struct test_case *tc, long timeout_ms)
{
	pid_t pid = start_case(tc, 1);

	if (pid < 0)
		return;
	if (case_exited_ok(tc, wait_case(pid, tc->name, timeout_ms)))
		cases_passed++;
}

static long area_timeout(const struct test_area *area)
{
	if (stress && area->stress_timeout_ms)
		return area->stress_timeout_ms;
	return area->timeout_ms;
}

/* The program's own run_case, or the usual one. */
static void run_one(const struct test_case *tc, const struct test_area *area)
{
	if (program->run_case)
		program->run_case(tc, area_timeout(area));
	else
		run_case(tc, area_timeout(area));
}

static void run_area(const struct test_area *area)
{
	const struct test_case *tc;

	for (tc = area->cases; tc->name; tc++)
		run_one(tc, area);
}

/* An argument is "all", an area, or the name of one case. */
static int run_arg(const char *arg)
{
	const struct test_area *area, *end = program->areas + program->nareas;
	const struct test_case *tc;

	if (strcmp(arg, "all") == 0) {
		for (area = program->areas; area < end; area++)
			run_area(area);
		return 0;
	}
	for (area = program->areas; area < end; area++) {
		if (strcmp(arg, area->name) == 0) {
			run_area(area);
			return 0;
		}
	}
	for (area = program->areas; area < end; area++) {
		for (tc = area->cases; tc->name; tc++) {
			if (strcmp(arg, tc->name) == 0) {
				run_one(tc, area);
				return 0;
			}
		}
	}
	return -1;
}

static void usage(void)
{
	int i;

	if (program->usage) {
		program->usage();
		return;
	}
	say("usage: %s [all | AREA... | CASE...]", program->name);
	for (i = 0; i < program->nareas; i++)
		say("  area %s", program->areas[i].name);
}

/* -s or -K, if the program takes it: 0, or -1 for anything else. */
static int take_option(const char *arg)
{
	if (!program->options || !arg[1] || arg[2] ||
	    !strchr(program->options, arg[1]))
		return -1;
	if (arg[1] == 's')
		stress = 1;
	else if (arg[1] == 'K')
		with_known_bugs = 1;
	else
		return -1;
	return 0;
}

int run_tests(const struct test_program *prog, int argc, char **argv)
{
	struct utsname uts;
	int i = 1, ran = 0;

	program = prog;
	test_name = prog->name;
	on_linux = uname(&uts) == 0 && strcmp(uts.sysname, "Linux") == 0;
	now_ms(); /* set the clock's base */
	if (prog->own_group) {
		signal(SIGINT, end_with_case);
		signal(SIGTERM, end_with_case);
	}
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (take_option(argv[i]) < 0) {
			usage();
			return 2;
		}
	}
	for (; i < argc; i++, ran++) {
		if (run_arg(argv[i]) < 0) {
			usage();
			return 2;
		}
	}
	if (!ran)
		run_arg("all");
	say("%s: %d passed, %d failed", prog->name, cases_passed, cases_failed);
	return cases_failed ? 1 : 0;
}
