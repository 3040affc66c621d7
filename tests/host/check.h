/* Helpers for the host libc tests (built against OUR libc): every case is a
 * function that prints "name ok" or "name FAILED: expected X, got Y". */
#ifndef CHECK_H
#define CHECK_H

#include <stdio.h>
#include <string.h>

static int failed_cases;

/* print why the current case failed and leave its function */
#define FAIL(name, ...)                      \
	do {                                 \
		printf("%s FAILED: ", name); \
		printf(__VA_ARGS__);         \
		printf("\n");                \
		failed_cases++;              \
		return;                      \
	} while (0)

#define PASS(name) printf("%s ok\n", name)

#define EXPECT_INT(name, want, got)                                        \
	do {                                                               \
		long long w_ = (long long)(want), g_ = (long long)(got);   \
		if (w_ != g_)                                              \
			FAIL(name, "expected %lld, got %lld (%s)", w_, g_, \
			     #got);                                        \
	} while (0)

#define EXPECT_STR(name, want, got)                                   \
	do {                                                          \
		const char *w_ = (want), *g_ = (got);                 \
		if (!g_ || strcmp(w_, g_))                            \
			FAIL(name, "expected \"%s\", got \"%s\"", w_, \
			     g_ ? g_ : "(NULL)");                     \
	} while (0)

#define EXPECT_TRUE(name, cond)                           \
	do {                                              \
		if (!(cond))                              \
			FAIL(name, "expected %s", #cond); \
	} while (0)

/* a call that must succeed; on failure says which errno came back */
#define EXPECT_OK(name, call)                                              \
	do {                                                               \
		if ((call) < 0)                                            \
			FAIL(name, "expected %s to succeed, got errno %s", \
			     #call, strerrorname_np(errno));               \
	} while (0)

/* line-buffered output, so nothing is lost or doubled around fork or a crash */
#define CHECK_START() setvbuf(stdout, NULL, _IOLBF, 0)
#define CHECK_END()   return failed_cases != 0

#endif
