/*
 * What every test file shares: the case tables, the EXPECT_* macros that
 * print "<name> FAILED: expected X, got Y", and small process and clock
 * helpers. Include this header first: it asks glibc for pipe2, dup3 and
 * O_CLOEXEC before any system header is read.
 *
 * A case is a void function. The runner (main.c) forks, calls it in the
 * child and prints "<name> ok" if it returned without a failure. The EXPECT_*
 * macros print the failure and return from the case, so each case reports
 * at most one failure: the first.
 */
#ifndef USERTESTS_CHECK_H
#define USERTESTS_CHECK_H

#define _GNU_SOURCE

#include <sys/types.h>

struct test_case {
	const char *name;
	void (*run)(void);
};

/* One list per area, each ending with { 0, 0 } (the *_tests.c files). */
extern const struct test_case syscall_tests[], proc_tests[], file_tests[],
	pipe_tests[], signal_tests[], poll_tests[], mem_tests[];

extern const char *test_name; /* the case running now */
extern const char *self_path; /* how to execve ourselves */
extern int on_linux; /* uname says "Linux": a host run */
extern int test_failed;

void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void skip(const char *why);

const char *errno_name(int err);
const char *signal_name(int sig);
const char *result_str(long ret); /* "-EFAULT" for -14, else "14" */
const char *status_str(int status); /* "exit 3", "signal SIGSEGV" */

/* A libc call's result as the kernel gave it: -1 with errno E -> -E. */
long libc_ret(long ret);
#define LIBC(call) libc_ret((long)(call))

/* A syscall result (errno names for -1..-4095) must equal the expected one. */
#define EXPECT_RET(expected, got)                                   \
	do {                                                        \
		long e_ = (expected), g_ = (got);                   \
		if (e_ != g_) {                                     \
			fail("expected %s, got %s", result_str(e_), \
			     result_str(g_));                       \
			return;                                     \
		}                                                   \
	} while (0)

/* Two answers are right (one per OS, or both allowed by POSIX). */
#define EXPECT_RET2(expected1, expected2, got)                             \
	do {                                                               \
		long e1_ = (expected1), e2_ = (expected2), g_ = (got);     \
		if (g_ != e1_ && g_ != e2_) {                              \
			fail("expected %s or %s, got %s", result_str(e1_), \
			     result_str(e2_), result_str(g_));             \
			return;                                            \
		}                                                          \
	} while (0)

/* Plain numbers, printed as numbers. */
#define EXPECT_EQ(expected, got)                               \
	do {                                                   \
		long e_ = (expected), g_ = (got);              \
		if (e_ != g_) {                                \
			fail("expected %ld, got %ld", e_, g_); \
			return;                                \
		}                                              \
	} while (0)

/* A call that must succeed (>= 0): the failure names the call. */
#define EXPECT_OK(call)                                               \
	do {                                                          \
		long r_ = (call);                                     \
		if (r_ < 0) {                                         \
			fail("expected %s to succeed, got %s", #call, \
			     result_str(r_));                         \
			return;                                       \
		}                                                     \
	} while (0)

/* Anything else: the failure quotes the condition and says what was seen. */
#define EXPECT(cond, ...)                  \
	do {                               \
		if (!(cond)) {             \
			fail(__VA_ARGS__); \
			return;            \
		}                          \
	} while (0)

/* A wait status: exited with code, or killed by sig. */
#define EXPECT_EXITED(status, code)                              \
	do {                                                     \
		int s_ = (status);                               \
		if (!(s_ >= 0 && (s_ & 0x7f) == 0 &&             \
		      ((s_ >> 8) & 0xff) == (code))) {           \
			fail("expected exit %d, got %s", (code), \
			     status_str(s_));                    \
			return;                                  \
		}                                                \
	} while (0)

#define EXPECT_SIGNALED(status, sig)                                         \
	do {                                                                 \
		int s_ = (status);                                           \
		if (!(s_ >= 0 && (s_ & 0x7f) == (sig))) {                    \
			fail("expected signal %s, got %s", signal_name(sig), \
			     status_str(s_));                                \
			return;                                              \
		}                                                            \
	} while (0)

/* fork; the child runs fn(arg) and exits with what it returns. */
pid_t spawn(int (*fn)(void *), void *arg);
/* waitpid(pid, &status, 0): the status, or -errno. */
int wait_status(pid_t pid);
/* fork + fn + wait: the child's wait status (or -errno of fork/wait). */
int run_child(int (*fn)(void *), void *arg);

long now_ms(void); /* gettimeofday in milliseconds */
long now_us(void); /* and in microseconds (wraps after 35 min) */
void sleep_ms(long ms);
int read_full(int fd, void *buf, int len); /* until len, EOF or error */

#endif
