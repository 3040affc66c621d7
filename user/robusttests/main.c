/*
 * robusttests: MenuOS must survive what a program does to it, and give
 * everything back afterwards. Three areas, in the style of usertests:
 *
 *   exhaust    sockets until EMFILE, connections until lwIP's pools run
 *              out, fork until the process table is full, brk until memory
 *              runs out, a listen backlog overflowed; each followed by the
 *              same operation working again
 *   soak       hello exchanges with replyhi, a checked stream over
 *              loopback, many clients at once, servers killed (SIGINT)
 *              in the middle of transfers, peers closing at random points
 *   isolation  kernel memory, another process's memory, privileged
 *              instructions, bad segments: each attempt kills only the
 *              program that tried, with SIGSEGV or SIGILL
 *
 *   robusttests [-s] [-K] [all | AREA... | CASE...]
 *   robusttests -c PORT BYTES   (a checked stream to sink; 0: endless)
 *
 * -s runs the long soak (make stress); -K also runs the cases of known
 * kernel bugs, which are otherwise skipped with the bug's name (they take
 * the kernel down). Each case runs in its own process; after it, the
 * runner checks that sockets, lwIP pcbs and pbufs, processes and memory
 * are back where they were. Each case prints "<name> ok" or "<name>
 * FAILED: ..."; soak cases also print "<name> figures: connections N
 * bytes N lost N". The last line is "robusttests: N passed, N failed".
 */
#include "check.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int with_known_bugs;

static const struct {
	const char *name;
	const struct test_case *cases;
	long timeout_ms, stress_timeout_ms;
} areas[] = {
	{ "exhaust", exhaust_tests, 90000, 180000 },
	{ "soak", soak_tests, 120000, 3600000 },
	{ "isolation", isolation_tests, 20000, 20000 },
};
#define NAREAS ((int)(sizeof(areas) / sizeof(areas[0])))

static int passed, failed;
static pid_t running_case;

static void end_with_case(int sig)
{
	if (running_case > 0) {
		kill(-running_case, SIGKILL);
		kill(running_case, SIGKILL);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

static void run_case_in_child(const struct test_case *tc)
{
	setpgid(0, 0);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	test_name = tc->name;
	tc->run();
	kill_children();
	/* 0: passed (the runner says "ok" once nothing is left behind),
	 * 3: passed and said so with a remark (skip), 1: said FAILED */
	_exit(test_failed > 0 ? 1 : test_failed < 0 ? 3 : 0);
}

static void run_case(const struct test_case *tc, long timeout_ms)
{
	struct counters before;
	int status;
	pid_t pid;

	test_name = tc->name;
	test_failed = 0;
	if (tc->known_bug && !with_known_bugs) {
		say("%s ok (SKIPPED: known kernel bug %s; robusttests -K %s "
		    "reproduces it)",
		    tc->name, tc->known_bug, tc->name);
		passed++;
		return;
	}
	read_counters(&before);
	pid = fork();
	if (pid < 0) {
		say("%s FAILED: expected fork to work, got %s", tc->name,
		    result_str(-errno));
		failed++;
		return;
	}
	if (pid == 0)
		run_case_in_child(tc);
	running_case = pid;
	status = wait_status_ms(pid, timeout_ms);
	kill(-pid, SIGKILL); /* helpers a killed case left behind */
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
	running_case = 0;
	if (status == -ETIMEDOUT) {
		say("%s FAILED: expected it to finish within %ld s, got a hang",
		    tc->name, timeout_ms / 1000);
		failed++;
		return;
	}
	if (!(status >= 0 && WIFEXITED(status) &&
	      (WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 3))) {
		if (!(status >= 0 && WIFEXITED(status) &&
		      WEXITSTATUS(status) == 1))
			say("%s FAILED: expected the case to exit 0, got %s",
			    tc->name, status_str(status));
		failed++;
		return;
	}
	/* the case said ok: now nothing may be left behind */
	test_failed = 0;
	if (expect_counters_back(&before, 256, 5000) < 0) {
		failed++;
		return;
	}
	if (WEXITSTATUS(status) == 0)
		say("%s ok", tc->name);
	passed++;
}

static long area_timeout(int area)
{
	return stress ? areas[area].stress_timeout_ms : areas[area].timeout_ms;
}

static void run_area(int area)
{
	for (const struct test_case *tc = areas[area].cases; tc->name; tc++)
		run_case(tc, area_timeout(area));
}

static int run_arg(const char *arg)
{
	int i;

	if (strcmp(arg, "all") == 0) {
		for (i = 0; i < NAREAS; i++)
			run_area(i);
		return 0;
	}
	for (i = 0; i < NAREAS; i++) {
		if (strcmp(arg, areas[i].name) == 0) {
			run_area(i);
			return 0;
		}
	}
	for (i = 0; i < NAREAS; i++) {
		for (const struct test_case *tc = areas[i].cases; tc->name;
		     tc++) {
			if (strcmp(arg, tc->name) == 0) {
				run_case(tc, area_timeout(i));
				return 0;
			}
		}
	}
	return -1;
}

static void usage(void)
{
	say("usage: robusttests [-s] [-K] [all | AREA... | CASE...]");
	say("       robusttests -c PORT BYTES");
	for (int i = 0; i < NAREAS; i++) {
		say("  area %s:", areas[i].name);
		for (const struct test_case *tc = areas[i].cases; tc->name;
		     tc++)
			say("    %s%s", tc->name,
			    tc->known_bug ? " (a known kernel bug)" : "");
	}
}

int main(int argc, char **argv)
{
	int i = 1, ran = 0;

	now_ms();
	if (argc == 4 && strcmp(argv[1], "-c") == 0)
		return stream_client(atoi(argv[2]), atoll(argv[3]));
	signal(SIGINT, end_with_case);
	signal(SIGTERM, end_with_case);
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "-s") == 0)
			stress = 1;
		else if (strcmp(argv[i], "-K") == 0)
			with_known_bugs = 1;
		else {
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
	say("robusttests: %d passed, %d failed", passed, failed);
	return failed ? 1 : 0;
}
