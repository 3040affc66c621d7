/*
 * What the robusttests files share: the test framework (user/testlib: the
 * EXPECT_* macros, processes with deadlines, clocks; -s sets stress), the
 * case tables, checked data streams, 127.0.0.1 sockets, and the system's
 * counters (/proc/meminfo, /proc/net/sockstat, /proc/tasks) that every case
 * compares before and after.
 *
 * A case runs in its own forked process (main.c), so a case that dies or
 * hangs spoils nothing else. Ports: exhaust 7000-7199, soak 7200-7399,
 * isolation 7400-7499.
 */
#ifndef ROBUSTTESTS_H
#define ROBUSTTESTS_H

#include "../testlib/runner.h"

#include <stdint.h>

extern const struct test_case exhaust_tests[], soak_tests[], isolation_tests[];

/* ---- data ---- */
/* The checked streams: byte i of stream `key` (a hash, not a pattern
 * that a shifted copy would still match). */
void stream_fill(uint32_t key, uint64_t offset, unsigned char *buf, long n);
/* How many of the n bytes at offset match (they stop at the first bad). */
long stream_check(uint32_t key, uint64_t offset, const unsigned char *buf,
		  long n);
uint32_t rand32(uint32_t *state); /* xorshift */

/* ---- sockets on 127.0.0.1 (loopback and tcp_connect: check.h) ---- */
int tcp_listener(int port, int backlog); /* SO_REUSEADDR; fd or -errno */
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
