/*
 * What every unixtests file shares: the test framework (user/testlib: the
 * EXPECT_* macros, spawn/wait, clocks, read_full/write_full), the case
 * tables and the AF_UNIX helpers (unix.c). Include it first.
 *
 * Names: each case binds its own path under /tmp (/tmp/ut-<what>), removed
 * before and after, or its own abstract name ("\0ut-<what>").
 */
#ifndef UNIXTESTS_H
#define UNIXTESTS_H

#include "../testlib/check.h"

#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

/* One list per area, each ending with { 0, 0 }. */
extern const struct test_case unix_stream_tests[], unix_dgram_tests[],
	unix_name_tests[], unix_error_tests[], unix_poll_tests[],
	unix_cred_tests[], unix_rights_tests[], unix_leak_tests[];

/* The size of a path address as Linux counts it: the family, the path and
 * its NUL (what getsockname returns for it). */
#define PATH_ADDR_LEN(path) \
	((socklen_t)(offsetof(struct sockaddr_un, sun_path) + strlen(path) + 1))
/* An abstract name: the family, the leading NUL and the name, no final NUL. */
#define ABSTRACT_ADDR_LEN(name) \
	((socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + strlen(name)))
/* sizeof(sun_path): glibc has no UNIX_PATH_MAX */
#define SUN_PATH_SIZE ((int)sizeof(((struct sockaddr_un *)0)->sun_path))
/* An unnamed socket's address: only the family. */
#define UNNAMED_ADDR_LEN ((socklen_t)sizeof(sa_family_t))

/* path -> an AF_UNIX address; *len is PATH_ADDR_LEN(path). */
struct sockaddr_un path_addr(const char *path, socklen_t *len);
/* name -> "\0name"; *len is ABSTRACT_ADDR_LEN(name). */
struct sockaddr_un abstract_addr(const char *name, socklen_t *len);

/* A socket of type bound to addr (path: removed first) and, for a stream,
 * listening (backlog 16): the fd or -errno. */
int unix_listener(const struct sockaddr_un *addr, socklen_t len);
int unix_bound(int type, const struct sockaddr_un *addr, socklen_t len);
/* A socket of type connected to addr: the fd or -errno. */
int unix_connected(int type, const struct sockaddr_un *addr, socklen_t len);

/* What is wrong with the address (addr, len) that should be want_len bytes
 * of want, or NULL if nothing is. */
const char *addr_problem(const struct sockaddr_un *got, socklen_t got_len,
			 const struct sockaddr_un *want, socklen_t want_len);
/* Printable: the path, "@name" for an abstract name, or "(unnamed)". */
const char *addr_str(const struct sockaddr_un *addr, socklen_t len);

/* sendmsg with one byte of data and fds in an SCM_RIGHTS message; recvmsg
 * of one byte, its fds into fds[max] (-1 where none came): the byte count
 * or -errno. *flags gets msg_flags (MSG_CTRUNC). */
long send_fds(int sock, const int *fds, int nfds);
long recv_fds(int sock, int *fds, int max, int *flags);

/* Is name in the directory? 1, 0 or -errno. */
int dir_has(const char *dir, const char *name);
/* Entries in the directory, or -errno. */
int dir_count(const char *dir);

/* Adler-32, as zlib's, of len bytes (continue from sum; start with 1). */
unsigned long adler32(unsigned long sum, const unsigned char *buf, long len);

#endif
