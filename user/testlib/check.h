/*
 * The test framework of the in-guest test programs (usertests, sockettests,
 * unixtests, robusttests): the case tables, the EXPECT_* macros that print
 * "<name> FAILED: expected X, got Y", and helpers for processes, clocks and
 * data. One copy, so every program reports the same way. Each program's own
 * header includes this one first: it asks glibc for accept4, pipe2, dup3 and
 * strerrorname_np before any system header is read.
 *
 * A case is a void function. The runner (runner.h) forks, calls it in the
 * child and prints "<name> ok" if it returned without a failure. The
 * EXPECT_* macros print the failure and return from the case (or from the
 * helper process they run in), so each case reports one failure: the first.
 */
#ifndef TESTLIB_CHECK_H
#define TESTLIB_CHECK_H

#define _GNU_SOURCE

#include <netinet/in.h>
#include <sys/types.h>

/* Only robusttests names known kernel bugs; the other programs' tables list
 * a name and a function, and leaving the third field out is what they mean. */
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

struct test_case {
	const char *name;
	void (*run)(void);
	/* the name of a known kernel bug the case reproduces (described
	 * above the case): skipped unless -K, as it takes the kernel down */
	const char *known_bug;
};

extern const char *test_name; /* the case running now */
extern int on_linux; /* uname says "Linux": a host run */
extern int test_failed; /* 1: said FAILED, -1: said "ok (why)" */

void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void skip(const char *why); /* "<name> ok (why)" */

const char *errno_name(int err); /* "ECONNREFUSED" */
const char *signal_name(int sig);
const char *result_str(long ret); /* "-EFAULT" for -14, else "14" */
const char *status_str(int status); /* "exit 3", "signal SIGPIPE" */

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

/* Wait statuses: exited with code, or killed by sig. */
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

/* A helper process of spawn_check: exit 0 is fine; exit 1 means it printed
 * its own FAILED line already; anything else is reported here. */
#define EXPECT_CHILD_OK(status)                                               \
	do {                                                                  \
		int s_ = (status);                                            \
		if (s_ >= 0 && (s_ & 0x7f) == 0 && ((s_ >> 8) & 0xff) == 1) { \
			test_failed = 1; /* already said */                   \
			return;                                               \
		}                                                             \
		if (!(s_ >= 0 && (s_ & 0x7f) == 0 &&                          \
		      ((s_ >> 8) & 0xff) == 0)) {                             \
			fail("expected the helper process to exit 0, got %s", \
			     status_str(s_));                                 \
			return;                                               \
		}                                                             \
	} while (0)

/* ---- processes ---- */
/* fork; the child exits with what fn(arg) returns. The pid, or -errno. */
pid_t spawn(int (*fn)(void *), void *arg);
/* fork; the child runs fn(arg) with the EXPECT_* macros and exits 0, or 1
 * after printing its failure. */
pid_t spawn_check(void (*fn)(void *), void *arg);
/* waitpid(pid, &status, 0), again after EINTR: the status, or -errno. */
int wait_status(pid_t pid);
/* Waits at most ms; SIGKILLs the process after that and
 * returns -ETIMEDOUT. */
int wait_status_ms(pid_t pid, long ms);
int child_signal(int status); /* the signal that killed it, or 0 */
/* fork + fn + wait: the child's wait status (or -errno of fork/wait). */
int run_child(int (*fn)(void *), void *arg);
/* SIGKILL and collect the children of spawn still running (the runner does
 * it at the end of a case that runs in a process group of its own). */
void kill_children(void);

/* sigaction(sig) with handler, flags (SA_RESTART, ...) and an empty sa_mask */
int install(int sig, void (*handler)(int), int flags);

/* ---- clocks ---- */
long now_ms(void); /* gettimeofday in milliseconds */
long now_us(void); /* and in microseconds (wraps after 35 min) */
void sleep_ms(long ms); /* goes on sleeping after a signal */

/* ---- data ---- */
/* Until len bytes, EOF or an error: the count, or -errno if nothing came. */
long read_full(int fd, void *buf, long len);
long write_full(int fd, const void *buf, long len);

/* ---- sockets on 127.0.0.1 (inet.c) ---- */
struct sockaddr_in loopback(int port); /* 127.0.0.1:port */
int tcp_connect(int port); /* a TCP socket connected to it, or -errno */

#endif
