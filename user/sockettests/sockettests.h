/*
 * What every sockettests file shares: the test framework (user/testlib),
 * the case tables and the 127.0.0.1 socket helpers. Include this header
 * first: the framework asks glibc for accept4, pipe2 and strerrorname_np
 * before any system header is read.
 *
 * Every case uses its own ports (each file says its range), so a case never
 * trips over the TIME_WAIT connections another one left behind.
 */
#ifndef SOCKETTESTS_H
#define SOCKETTESTS_H

#include "../testlib/check.h"

/* One list per area, each ending with { 0, 0 } (the *_tests.c files). */
extern const struct test_case basic_tests[], error_tests[], nonblock_tests[],
	poll_tests[], data_tests[], many_tests[], udp_tests[], option_tests[],
	leak_tests[];

/* loopback() and tcp_connect() are the framework's (check.h). */
/* A listening TCP socket on 127.0.0.1:port (SO_REUSEADDR), or -errno. */
int tcp_listener(int port);
/* A connected pair through a listener on port (closed again): 0 or -errno. */
int tcp_pair(int port, int *client, int *server);
/* A UDP socket bound to 127.0.0.1:port (port 0: any), or -errno. */
int udp_bound(int port);
/* The local port of a socket (getsockname), or -errno. */
int local_port(int fd);

#endif
