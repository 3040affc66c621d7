/*
 * sockettests: MenuOS's in-guest tests of the socket calls, in the style of
 * xv6's usertests (and of user/usertests). Each case runs in its own child
 * process, so a case that crashes, leaks fds or hangs in accept cannot spoil
 * the next one; the runner gives it a few seconds and kills it (and its
 * helper processes) if it hangs.
 *
 *   sockettests               run every area
 *   sockettests udp poll      run the areas named (or single cases by name)
 *
 * Each case prints "<name> ok" or "<name> FAILED: expected X, got Y"; the
 * last line is "sockettests: N passed, N failed", and the exit status is 0
 * only if nothing failed. Linux is the oracle: the same source builds with
 * glibc (i686-linux-gnu-gcc -static) and with our libc, and both pass on a
 * Linux host before MenuOS is asked to match.
 */
#include "sockettests.h"
#include "../testlib/runner.h"

/* clang-format off */
static const struct test_area areas[] = {
	{ "basic", basic_tests, 5000 },
	{ "errors", error_tests, 5000 },
	{ "nonblock", nonblock_tests, 5000 },
	{ "poll", poll_tests, 5000 },
	{ "data", data_tests, 20000 },
	{ "many", many_tests, 10000 },
	{ "udp", udp_tests, 5000 },
	{ "options", option_tests, 5000 },
	{ "leak", leak_tests, 30000 },
};
/* clang-format on */

static const struct test_program sockettests = {
	.name = "sockettests",
	.areas = areas,
	.nareas = sizeof(areas) / sizeof(areas[0]),
	.own_group = 1,
};

int main(int argc, char **argv)
{
	return run_tests(&sockettests, argc, argv);
}
