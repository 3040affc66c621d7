/*
 * What the robusttests files share: the case tables, the EXPECT_* macros
 * (the first failure prints "<name> FAILED: expected X, got Y" and leaves
 * the case), helpers for processes, clocks, 127.0.0.1 sockets, and the
 * system's counters (/proc/meminfo, /proc/net/sockstat, /proc/tasks) that
 * every case compares before and after.
 *
 * A case runs in its own forked process (main.c), so a case that dies or
 * hangs spoils nothing else. Ports: exhaust 7000-7199, soak 7200-7399,
 * isolation 7400-7499.
 */
#ifndef ROBUSTTESTS_CHECK_H
#define ROBUSTTESTS_CHECK_H

#include <netinet/in.h>
#include <stdint.h>
#include <sys/types.h>

struct test_case {
	const char *name;
	void (*run)(void);
	/* the name of a known kernel bug the case reproduces (described
	 * above the case): skipped unless -K, as it takes the kernel down */
	const char *known_bug;
};

extern const struct test_case exhaust_tests[], soak_tests[], isolation_tests[];

extern const char *test_name;
extern int test_failed;
extern int stress; /* -s: the long versions */

void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void skip(const char *why); /* "<name> ok (why)" */

const char *errno_name(int err);
const char *signal_name(int sig);
const char *result_str(long ret); /* "-EFAULT" for -14, else "14" */
const char *status_str(int status); /* "exit 3", "signal SIGSEGV" */

long libc_ret(long ret); /* -1 with errno E -> -E */
#define LIBC(call) libc_ret((long)(call))

#define EXPECT_RET(expected, got)                                   \
	do {                                                        \
		long e_ = (expected), g_ = (got);                   \
		if (e_ != g_) {                                     \
			fail("expected %s, got %s", result_str(e_), \
			     result_str(g_));                       \
			return;                                     \
		}                                                   \
	} while (0)

#define EXPECT_OK(call)                                               \
	do {                                                          \
		long r_ = (call);                                     \
		if (r_ < 0) {                                         \
			fail("expected %s to succeed, got %s", #call, \
			     result_str(r_));                         \
			return;                                       \
		}                                                     \
	} while (0)

#define EXPECT(cond, ...)                  \
	do {                               \
		if (!(cond)) {             \
			fail(__VA_ARGS__); \
			return;            \
		}                          \
	} while (0)

/* ---- processes ---- */
pid_t spawn(int (*fn)(void *), void *arg); /* child exits with fn(arg) */
int wait_status(pid_t pid); /* the status, or -errno */
/* Waits at most ms; SIGKILLs the process (and its group) after that and
 * returns -ETIMEDOUT. */
int wait_status_ms(pid_t pid, long ms);
void kill_children(void); /* SIGKILL and reap every spawned child */
int child_signal(int status); /* the signal that killed it, or 0 */

long now_ms(void);
void sleep_ms(long ms);

/* ---- data ---- */
long read_full(int fd, void *buf, long len);
long write_full(int fd, const void *buf, long len);
/* The checked streams: byte i of stream `key` (a hash, not a pattern
 * that a shifted copy would still match). */
void stream_fill(uint32_t key, uint64_t offset, unsigned char *buf, long n);
/* How many of the n bytes at offset match (they stop at the first bad). */
long stream_check(uint32_t key, uint64_t offset, const unsigned char *buf,
		  long n);
uint32_t rand32(uint32_t *state); /* xorshift */

/* ---- sockets on 127.0.0.1 ---- */
struct sockaddr_in loopback(int port);
int tcp_listener(int port, int backlog); /* SO_REUSEADDR; fd or -errno */
int tcp_connect(int port); /* fd or -errno */
/* connect without blocking longer than ms: 0, -errno, or -ETIMEDOUT */
int connect_within(int fd, int port, long ms);

/* ---- the system's counters ---- */
struct counters {
	long mem_free_kb, kmalloc, sockets, tcp_pcbs, tcp_time_wait, udp_pcbs,
		pbufs, lwip_mem, tasks;
};
void read_counters(struct counters *c);
/* After a case: sockets, pcbs (not TIME_WAIT), pbufs, lwIP memory and
 * tasks back to where they were, and free memory within slack_kb; waits
 * up to ms for closing connections to finish. 0, or -1 after printing
 * the failure. */
int expect_counters_back(const struct counters *before, long slack_kb, long ms);

int stream_client(int port, long long bytes); /* robusttests -c */

/* The figures the harness adds up (make stress prints them). */
void figures(long connections, long long bytes, long long lost);

#endif
