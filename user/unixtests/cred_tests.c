/*
 * cred: SO_PEERCRED names the process at the other end, as it was when the
 * connection was made. A socketpair's peer is its creator (still, in a
 * child it was inherited by); an accepted socket's peer is the process that
 * called connect, and the client's peer is the one that called listen; the
 * answer is a struct ucred of 12 bytes. A socket that never connected has
 * no peer: pid 0, uid and gid -1. Paths /tmp/ut-cred-*.
 */
#include "unixtests.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#define CRED_PATH "/tmp/ut-cred-listener"

/* SO_PEERCRED of fd into *cred: 0 or -errno, and the length must be 12. */
static long peercred(int fd, struct ucred *cred)
{
	socklen_t len = sizeof(*cred);
	long ret;

	memset(cred, 0x55, sizeof(*cred));
	ret = LIBC(getsockopt(fd, SOL_SOCKET, SO_PEERCRED, cred, &len));
	if (ret == 0 && len != sizeof(*cred))
		return -EMSGSIZE; /* shown as the failure; Linux gives 12 */
	return ret;
}

#define EXPECT_CRED(cred, want_pid)                                     \
	do {                                                            \
		EXPECT((cred).pid == (want_pid) &&                      \
			       (cred).uid == (unsigned)getuid() &&      \
			       (cred).gid == (unsigned)getgid(),        \
		       "expected pid %d uid %u gid %u, got pid %d uid " \
		       "%u gid %u",                                     \
		       (int)(want_pid), (unsigned)getuid(),             \
		       (unsigned)getgid(), (cred).pid, (cred).uid,      \
		       (cred).gid);                                     \
	} while (0)

static void peercred_socketpair(void)
{
	struct ucred cred;
	int sv[2];

	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, sv)));
	EXPECT_RET(0, peercred(sv[0], &cred));
	EXPECT_CRED(cred, getpid());
	EXPECT_RET(0, peercred(sv[1], &cred));
	EXPECT_CRED(cred, getpid());
}

/* The child inherits the pair: its peer is still the creator. */
static void peercred_inherited(void *arg)
{
	struct ucred cred;
	int *sv = arg;

	EXPECT_RET(0, peercred(sv[1], &cred));
	EXPECT_CRED(cred, getppid());
}

static void peercred_after_fork(void)
{
	int sv[2];
	pid_t pid;

	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, sv)));
	EXPECT_OK(pid = spawn_check(peercred_inherited, sv));
	EXPECT_CHILD_OK(wait_status(pid));
}

/* The client: its peer is the listener's process (our parent). */
static void cred_client(void *arg)
{
	socklen_t len;
	struct sockaddr_un addr = path_addr(CRED_PATH, &len);
	struct ucred cred;
	int fd;
	char c;

	(void)arg;
	EXPECT_OK(fd = unix_connected(SOCK_STREAM, &addr, len));
	EXPECT_RET(0, peercred(fd, &cred));
	EXPECT_CRED(cred, getppid());
	EXPECT_RET(1, LIBC(read(fd, &c, 1))); /* until the parent looked */
}

static void peercred_accepted(void)
{
	socklen_t len;
	struct sockaddr_un addr = path_addr(CRED_PATH, &len);
	struct ucred cred;
	int listener, conn;
	pid_t pid;

	EXPECT_OK(listener = unix_listener(&addr, len));
	EXPECT_OK(pid = spawn_check(cred_client, NULL));
	EXPECT_OK(conn = LIBC(accept(listener, NULL, NULL)));
	EXPECT_RET(0, peercred(conn, &cred));
	EXPECT_CRED(cred, pid);
	EXPECT_RET(1, LIBC(write(conn, "k", 1)));
	EXPECT_CHILD_OK(wait_status(pid));
	unlink(CRED_PATH);
}

/* No connection, no peer: pid 0, uid and gid -1 (Linux's cred_to_ucred
 * without a cred). */
static void peercred_unconnected(void)
{
	struct ucred cred;
	int fd;

	EXPECT_OK(fd = LIBC(socket(AF_UNIX, SOCK_STREAM, 0)));
	EXPECT_RET(0, peercred(fd, &cred));
	EXPECT(cred.pid == 0 && cred.uid == (unsigned)-1 &&
		       cred.gid == (unsigned)-1,
	       "expected pid 0 uid -1 gid -1, got pid %d uid %d gid %d",
	       cred.pid, (int)cred.uid, (int)cred.gid);
}

const struct test_case unix_cred_tests[] = {
	{ "peercred_socketpair", peercred_socketpair },
	{ "peercred_after_fork", peercred_after_fork },
	{ "peercred_accepted", peercred_accepted },
	{ "peercred_unconnected", peercred_unconnected },
	{ 0, 0 },
};
