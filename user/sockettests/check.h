/*
 * What every sockettests file shares: the case tables, the EXPECT_* macros
 * that print "<name> FAILED: expected X, got Y", and helpers for processes,
 * clocks and 127.0.0.1 sockets. Include this header first: it asks glibc for
 * accept4, pipe2 and strerrorname_np before any system header is read.
 *
 * A case is a void function. The runner (main.c) forks, calls it in the
 * child and prints "<name> ok" if it returned without a failure. The EXPECT_*
 * macros print the failure and return from the case (or from the helper
 * process they run in), so each case reports one failure: the first.
 *
 * Every case uses its own ports (each file says its range), so a case never
 * trips over the TIME_WAIT connections another one left behind.
 */
#ifndef SOCKETTESTS_CHECK_H
#define SOCKETTESTS_CHECK_H

#define _GNU_SOURCE

#include <sys/types.h>
#include <netinet/in.h>

struct test_case {
	const char *name;
	void (*run)(void);
};

/* One list per area, each ending with { 0, 0 } (the *_tests.c files). */
extern const struct test_case basic_tests[], error_tests[], nonblock_tests[],
	poll_tests[], data_tests[], many_tests[], udp_tests[], option_tests[],
	leak_tests[];

extern const char *test_name; /* the case running now */
extern int on_linux; /* uname says "Linux": a host run */
extern int test_failed;

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

/* fork; the child runs fn(arg) with the EXPECT_* macros and exits 0, or 1
 * after printing its failure. Children are killed when the case ends. */
pid_t spawn_check(void (*fn)(void *), void *arg);
/* fork; the child exits with what fn(arg) returns. */
pid_t spawn(int (*fn)(void *), void *arg);
/* waitpid(pid, &status, 0): the status, or -errno. */
int wait_status(pid_t pid);
/* At the end of a case: SIGKILL and collect the children still running. */
void kill_children(void);

long now_ms(void); /* gettimeofday in milliseconds */
void sleep_ms(long ms);

/* Until len bytes, EOF or an error: the count, or -errno if nothing came. */
long read_full(int fd, void *buf, long len);
long write_full(int fd, const void *buf, long len);

/* 127.0.0.1:port */
struct sockaddr_in loopback(int port);
/* A listening TCP socket on 127.0.0.1:port (SO_REUSEADDR), or -errno. */
int tcp_listener(int port);
/* A TCP socket connected to 127.0.0.1:port, or -errno. */
int tcp_connect(int port);
/* A connected pair through a listener on port (closed again): 0 or -errno. */
int tcp_pair(int port, int *client, int *server);
/* A UDP socket bound to 127.0.0.1:port (port 0: any), or -errno. */
int udp_bound(int port);
/* The local port of a socket (getsockname), or -errno. */
int local_port(int fd);

#endif
