/*
 * rights: passing open files with SCM_RIGHTS. A child opens a file, reads
 * a little and passes the fd to its parent, which reads on from the same
 * offset (one open file, two processes); a pipe's read end and a socket
 * passed the same way carry what the child writes; two fds go in one
 * datagram. A control buffer too small for the fds is MSG_CTRUNC and no
 * fd appears; reading the bytes before an fd's own byte leaves the fd
 * waiting; an fd that is not open cannot be sent (EBADF).
 */
#include "unixtests.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FILE_PATH "/bin/echo"
#define SKIP	  4 /* bytes the child reads before passing the file */

/* The child: open the file, read SKIP bytes, pass the fd and exit. */
static void pass_file_child(void *arg)
{
	int sock = *(int *)arg, fd;
	char buf[SKIP];

	EXPECT_OK(fd = LIBC(open(FILE_PATH, O_RDONLY)));
	EXPECT_RET(SKIP, read_full(fd, buf, SKIP));
	EXPECT_RET(1, send_fds(sock, &fd, 1));
	EXPECT_RET(0, LIBC(close(fd)));
}

static void pass_open_file(void)
{
	char want[64], got[64];
	int sv[2], fd, own, flags = 0;
	struct stat st;
	pid_t pid;

	EXPECT_OK(own = LIBC(open(FILE_PATH, O_RDONLY)));
	EXPECT_RET(sizeof(want), read_full(own, want, sizeof(want)));
	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, sv)));
	EXPECT_OK(pid = spawn_check(pass_file_child, &sv[1]));
	EXPECT_CHILD_OK(wait_status(pid)); /* its copy is closed */
	EXPECT_RET(1, recv_fds(sv[0], &fd, 1, &flags));
	EXPECT(fd >= 0,
	       "expected an fd in the message, got none (flags "
	       "0x%x)",
	       flags);
	EXPECT(fd != own && fd != sv[0] && fd != sv[1],
	       "expected a new fd, got %d", fd);
	EXPECT_RET(0, LIBC(fstat(fd, &st)));
	EXPECT(S_ISREG(st.st_mode), "expected a regular file, got mode 0%o",
	       (unsigned)st.st_mode);
	EXPECT_RET(sizeof(got) - SKIP, read_full(fd, got, sizeof(got) - SKIP));
	EXPECT(memcmp(got, want + SKIP, sizeof(got) - SKIP) == 0,
	       "expected bytes %d.. of %s, got other bytes", SKIP, FILE_PATH);
}

/* The child passes a pipe's read end, then writes into the pipe. */
static void pass_pipe_child(void *arg)
{
	int sock = *(int *)arg, fds[2];

	EXPECT_RET(0, LIBC(pipe(fds)));
	EXPECT_RET(1, send_fds(sock, &fds[0], 1));
	EXPECT_RET(0, LIBC(close(fds[0])));
	EXPECT_RET(14, write_full(fds[1], "through a pipe", 14));
}

static void pass_pipe(void)
{
	int sv[2], fd = -1;
	char buf[32];
	pid_t pid;

	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, sv)));
	EXPECT_OK(pid = spawn_check(pass_pipe_child, &sv[1]));
	EXPECT_RET(1, recv_fds(sv[0], &fd, 1, NULL));
	EXPECT(fd >= 0, "expected an fd in the message, got none");
	EXPECT_RET(14, read_full(fd, buf, sizeof(buf))); /* to EOF */
	EXPECT(memcmp(buf, "through a pipe", 14) == 0,
	       "expected \"through a pipe\", got \"%.14s\"", buf);
	EXPECT_CHILD_OK(wait_status(pid));
}

/* A socket passed over a socket: one end of a second pair. */
static void pass_socket_child(void *arg)
{
	int sock = *(int *)arg, pair[2];

	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, pair)));
	EXPECT_RET(1, send_fds(sock, &pair[1], 1));
	EXPECT_RET(0, LIBC(close(pair[1])));
	EXPECT_RET(7, write_full(pair[0], "via fd!", 7));
}

static void pass_socket(void)
{
	int sv[2], fd = -1;
	char buf[16];
	pid_t pid;

	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, sv)));
	EXPECT_OK(pid = spawn_check(pass_socket_child, &sv[1]));
	EXPECT_RET(1, recv_fds(sv[0], &fd, 1, NULL));
	EXPECT(fd >= 0, "expected an fd in the message, got none");
	EXPECT_RET(7, read_full(fd, buf, sizeof(buf)));
	EXPECT(memcmp(buf, "via fd!", 7) == 0,
	       "expected \"via fd!\", got \"%.7s\"", buf);
	EXPECT_CHILD_OK(wait_status(pid));
}

/* Both ends of a pipe in one datagram: what goes in one comes out of the
 * other. */
static void pass_two_fds_dgram(void)
{
	int sv[2], pipefds[2], got[2];
	char buf[8];

	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv)));
	EXPECT_RET(0, LIBC(pipe(pipefds)));
	EXPECT_RET(1, send_fds(sv[0], pipefds, 2));
	EXPECT_RET(0, LIBC(close(pipefds[0])));
	EXPECT_RET(0, LIBC(close(pipefds[1])));
	EXPECT_RET(1, recv_fds(sv[1], got, 2, NULL));
	EXPECT(got[0] >= 0 && got[1] >= 0, "expected 2 fds, got %d and %d",
	       got[0], got[1]);
	EXPECT_RET(3, LIBC(write(got[1], "two", 3)));
	EXPECT_RET(3, LIBC(read(got[0], buf, sizeof(buf))));
}

/* No room for the fd: MSG_CTRUNC, the data still comes, no fd is made. */
static void pass_ctrunc(void)
{
	int sv[2], fd, next, flags = 0, got;

	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, sv)));
	EXPECT_OK(fd = LIBC(open(FILE_PATH, O_RDONLY)));
	EXPECT_RET(1, send_fds(sv[0], &fd, 1));
	EXPECT_RET(0, LIBC(close(fd)));
	EXPECT_OK(next = LIBC(dup(0))); /* the lowest free fd */
	EXPECT_RET(0, LIBC(close(next)));
	EXPECT_RET(1, recv_fds(sv[1], &got, 0, &flags));
	EXPECT(flags & MSG_CTRUNC, "expected MSG_CTRUNC, got flags 0x%x",
	       flags);
	EXPECT_RET(next, LIBC(dup(0))); /* still the lowest: none was made */
}

/* The fd goes with its own byte of a stream: reading exactly the data
 * before it leaves it waiting for the read of that byte. */
static void rights_wait_for_their_byte(void)
{
	int sv[2], fd, got = -1, flags = 0;
	char buf[8];

	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, sv)));
	EXPECT_OK(fd = LIBC(open(FILE_PATH, O_RDONLY)));
	EXPECT_RET(5, LIBC(write(sv[0], "hello", 5)));
	EXPECT_RET(1, send_fds(sv[0], &fd, 1));
	EXPECT_RET(0, LIBC(close(fd)));
	EXPECT_RET(5, read_full(sv[1], buf, 5));
	EXPECT_RET(1, recv_fds(sv[1], &got, 1, &flags));
	EXPECT(got >= 0,
	       "expected the fd with the byte after the data, got none "
	       "(flags 0x%x)",
	       flags);
	EXPECT_RET(0, LIBC(close(got)));
}

static void pass_bad_fd(void)
{
	int sv[2], bad = 60, fd;
	char c;

	EXPECT_RET(0, LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, sv)));
	close(bad);
	EXPECT_RET(-EBADF, send_fds(sv[0], &bad, 1));
	EXPECT_RET(-EAGAIN, LIBC(recv(sv[1], &c, 1, MSG_DONTWAIT)));
	EXPECT_OK(fd = LIBC(dup(0)));
	EXPECT_RET(0, LIBC(close(fd)));
	EXPECT_RET(-EBADF, send_fds(sv[0], &fd, 1));
}

const struct test_case unix_rights_tests[] = {
	{ "pass_open_file", pass_open_file },
	{ "pass_pipe", pass_pipe },
	{ "pass_socket", pass_socket },
	{ "pass_two_fds_dgram", pass_two_fds_dgram },
	{ "pass_ctrunc", pass_ctrunc },
	{ "rights_wait_for_their_byte", rights_wait_for_their_byte },
	{ "pass_bad_fd", pass_bad_fd },
	{ 0, 0 },
};
