/*
 * Kernel bugs this fuzzer has found and that are not fixed yet: by default
 * their calls are changed so that the run can go on (fuzz -K makes them as
 * they came), and the start of a run names each. Add a bug's entry and its
 * case in avoid_known_bugs when one is found; remove both when it is fixed.
 * None is open now (the last ones: ppoll-blocks-sigkill, unix-rights-cycle).
 */
#include "fuzz.h"

#include <stddef.h>

static const struct known_bug {
	const char *name, *what;
} known_bugs[] = {
	{ NULL, NULL },
};

void print_known_bugs(void)
{
	for (unsigned i = 0; known_bugs[i].name; i++)
		vsay("fuzz: avoiding known kernel bug %s: %s\n",
		     known_bugs[i].name, known_bugs[i].what);
}

/* 1 if the call was changed to keep clear of a known bug. */
int avoid_known_bugs(struct fuzz_call *c)
{
	(void)c;
	return 0;
}
