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
#include "robusttests.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static const struct test_area areas[] = {
	{ "exhaust", exhaust_tests, 90000, 180000 },
	{ "soak", soak_tests, 120000, 3600000 },
	{ "isolation", isolation_tests, 20000, 20000 },
};
#define NAREAS ((int)(sizeof(areas) / sizeof(areas[0])))

/* The runner's run_case and more: known kernel bugs are skipped unless -K,
 * a hang is given 2 s to die of SIGKILL (an unkillable process is a kernel
 * bug, not a reason to hang), and a case passes only once the system's
 * counters are back where they were before it. */
static void robust_run_case(const struct test_case *tc, long timeout_ms)
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
		cases_passed++;
		return;
	}
	read_counters(&before);
	pid = start_case(tc, 0); /* we say "ok" once nothing is left behind */
	if (pid < 0)
		return;
	status = wait_status_ms(pid, timeout_ms);
	kill(-pid, SIGKILL); /* helpers a killed case left behind */
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
	if (status == -ETIMEDOUT)
		say("%s FAILED: expected it to finish within %ld s, got a hang",
		    tc->name, timeout_ms / 1000);
	if (!case_exited_ok(tc, status))
		return;
	/* the case said ok: now nothing may be left behind */
	test_failed = 0;
	if (expect_counters_back(&before, 256, 5000) < 0) {
		cases_failed++;
		return;
	}
	if (WEXITSTATUS(status) == 0)
		say("%s ok", tc->name);
	cases_passed++;
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

static const struct test_program robusttests = {
	.name = "robusttests",
	.areas = areas,
	.nareas = NAREAS,
	.own_group = 1,
	.options = "sK",
	.run_case = robust_run_case,
	.usage = usage,
};

int main(int argc, char **argv)
{
	now_ms();
	if (argc == 4 && strcmp(argv[1], "-c") == 0)
		return stream_client(atoi(argv[2]), atoll(argv[3]));
	return run_tests(&robusttests, argc, argv);
}
