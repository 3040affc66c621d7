/*
 * The runner every test program's main() hands over to: it reads the
 * command line ([options] [all | AREA... | CASE...]), runs each case in a
 * forked child with its area's timeout, and ends with the summary line
 * "<program>: N passed, N failed" (exit status 0 only if nothing failed).
 * What differs between the programs is said in struct test_program.
 */
#ifndef TESTLIB_RUNNER_H
#define TESTLIB_RUNNER_H

#include "check.h"

struct test_area {
	const char *name;
	const struct test_case *cases; /* ending with { 0, 0 } */
	long timeout_ms; /* for each case of the area */
	long stress_timeout_ms; /* the same with -s; 0: timeout_ms */
};

struct test_program {
	const char *name; /* "sockettests" */
	const struct test_area *areas;
	int nareas;
	/* Each case in a process group of its own, so that a hang or Ctrl-C
	 * ends it with every helper process. Not for usertests, whose cases
	 * test process groups and signals themselves. */
	int own_group;
	/* The options taken before the areas: "s" for -s (stress, the long
	 * versions), "K" for -K (also the cases of known kernel bugs). */
	const char *options;
	/* How one case is run; NULL: run_case. robusttests checks the
	 * system's counters around each case. */
	void (*run_case)(const struct test_case *tc, long timeout_ms);
	/* NULL: "usage: NAME [all | AREA... | CASE...]" and the areas */
	void (*usage)(void);
};

extern int stress; /* -s */
extern int with_known_bugs; /* -K */
extern int cases_passed, cases_failed;

/* main(): run what the command line names, print the summary; the exit
 * status (2 after printing the usage). */
int run_tests(const struct test_program *program, int argc, char **argv);

/* The usual run_case: start_case, wait up to timeout_ms (a hang is a
 * failure), count the verdict. */
void run_case(const struct test_case *tc, long timeout_ms);

/* The pieces of a run_case. start_case forks a child that runs the case
 * and exits 0 (passed), 1 (it said FAILED) or 3 (skipped: it said "ok
 * (why)"); say_ok: the child says "<name> ok" (robusttests says it only
 * after its own checks). The pid, or -1 after counting fork's failure.
 * case_exited_ok judges the child's wait status (negative: it hung, as
 * said already): 1 if the case passed; else it counts the failure, says
 * it unless the case did, and returns 0. */
pid_t start_case(const struct test_case *tc, int say_ok);
int case_exited_ok(const struct test_case *tc, int status);

#endif
