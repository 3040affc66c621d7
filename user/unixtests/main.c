/*
 * unixtests: MenuOS's in-guest tests of AF_UNIX sockets, in sockettests'
 * style (and with its test framework, user/testlib): each case runs in its
 * own child process with a timeout, and prints "<name> ok" or "<name>
 * FAILED: expected X, got Y"; the last line is "unixtests: N passed, N
 * failed", and the exit status is 0 only if nothing failed.
 *
 *   unixtests               run every area
 *   unixtests dgram rights  run the areas named (or single cases by name)
 *
 * Linux is the oracle: the same source builds with glibc
 * (i686-linux-gnu-gcc -static, every .c of user/unixtests) and with our libc, and
 * both pass on a Linux host before MenuOS is asked to match.
 */
#include "unixtests.h"
#include "../testlib/runner.h"

/* clang-format off */
static const struct test_area areas[] = {
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

static const struct test_program unixtests = {
	.name = "unixtests",
	.areas = areas,
	.nareas = sizeof(areas) / sizeof(areas[0]),
	.own_group = 1,
};

int main(int argc, char **argv)
{
	return run_tests(&unixtests, argc, argv);
}
