/*
 * What every usertests file shares: the test framework (user/testlib), the
 * case tables and how the tests execve usertests itself. Include this header
 * first: the framework asks glibc for pipe2, dup3 and O_CLOEXEC before any
 * system header is read.
 */
#ifndef USERTESTS_H
#define USERTESTS_H

#include "../testlib/check.h"

/* One list per area, each ending with { 0, 0 } (the *_tests.c files). */
extern const struct test_case syscall_tests[], proc_tests[], file_tests[],
	pipe_tests[], signal_tests[], jobctl_tests[], poll_tests[], mem_tests[];

extern const char *self_path; /* how to execve ourselves */

#endif
