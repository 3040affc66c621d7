/*
 * poll and select: waiting on several fds at once. With nothing ready they
 * sleep for the whole timeout; data makes a pipe's read end readable, room
 * makes the write end writable, a closed writer gives POLLHUP; fds that are
 * not open give POLLNVAL (poll) or -EBADF (select); and a sleeper wakes as
 * soon as another process writes, long before its timeout.
 */
#include "usertests.h"

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/select.h>
#include <sys/time.h>
#include <unistd.h>

#include "../testlib/sys.h"

#define KERNEL_ADDR ((long)0xC0000000UL)

static void poll_timeout_empty(void)
{
	struct pollfd pfd;
	int fds[2];
	long start, elapsed;

	EXPECT_OK(LIBC(pipe(fds)));
	pfd.fd = fds[0];
	pfd.events = POLLIN;
	pfd.revents = -1;
	start = now_us();
	EXPECT_RET(0, LIBC(poll(&pfd, 1, 50)));
	elapsed = now_us() - start;
	EXPECT_EQ(0, pfd.revents);
	EXPECT(elapsed >= 50000, "expected >= 50000 us of waiting, got %ld us",
	       elapsed);
	EXPECT(elapsed < 1000000,
	       "expected about 50000 us of waiting, got %ld us", elapsed);
}

static void poll_pollin(void)
{
	struct pollfd pfd;
	int fds[2];

	EXPECT_OK(LIBC(pipe(fds)));
	EXPECT_RET(1, LIBC(write(fds[1], "x", 1)));
	pfd.fd = fds[0];
	pfd.events = POLLIN;
	EXPECT_RET(1, LIBC(poll(&pfd, 1, 1000)));
	EXPECT_EQ(POLLIN, pfd.revents);
}

static void poll_pollout(void)
{
	struct pollfd pfd;
	int fds[2];

	EXPECT_OK(LIBC(pipe(fds)));
	pfd.fd = fds[1];
	pfd.events = POLLOUT;
	EXPECT_RET(1, LIBC(poll(&pfd, 1, 1000)));
	EXPECT_EQ(POLLOUT, pfd.revents);
}

/* POLLHUP is reported even though only POLLIN was asked for. */
static void poll_pollhup(void)
{
	struct pollfd pfd;
	int fds[2];

	EXPECT_OK(LIBC(pipe(fds)));
	EXPECT_RET(0, LIBC(close(fds[1])));
	pfd.fd = fds[0];
	pfd.events = POLLIN;
	EXPECT_RET(1, LIBC(poll(&pfd, 1, 1000)));
	EXPECT(pfd.revents & POLLHUP, "expected POLLHUP, got revents 0x%x",
	       pfd.revents);
}

/* The write end of a pipe with no reader: POLLERR. */
static void poll_pollerr_no_reader(void)
{
	struct pollfd pfd;
	int fds[2];

	EXPECT_OK(LIBC(pipe(fds)));
	EXPECT_RET(0, LIBC(close(fds[0])));
	pfd.fd = fds[1];
	pfd.events = POLLOUT;
	EXPECT_RET(1, LIBC(poll(&pfd, 1, 1000)));
	EXPECT(pfd.revents & POLLERR, "expected POLLERR, got revents 0x%x",
	       pfd.revents);
}

/* A closed fd is POLLNVAL; a negative fd is skipped (revents 0). */
static void poll_pollnval(void)
{
	struct pollfd pfd[2];

	pfd[0].fd = 99;
	pfd[0].events = POLLIN;
	pfd[1].fd = -1;
	pfd[1].events = POLLIN;
	pfd[1].revents = -1;
	EXPECT_RET(1, LIBC(poll(pfd, 2, 0)));
	EXPECT_EQ(POLLNVAL, pfd[0].revents);
	EXPECT_EQ(0, pfd[1].revents);
}

static void poll_efault(void)
{
	EXPECT_RET(-EFAULT, sys3(__NR_poll, KERNEL_ADDR, 1, 0));
	EXPECT_RET(-EFAULT, sys3(__NR_poll, 0, 1, 0));
	EXPECT_RET(0, sys3(__NR_poll, 0, 0, 0)); /* nothing to look at */
}

/* Two pipes, data in the second only: just that one is flagged. */
static void poll_several_fds(void)
{
	struct pollfd pfd[2];
	int a[2], b[2];

	EXPECT_OK(LIBC(pipe(a)));
	EXPECT_OK(LIBC(pipe(b)));
	EXPECT_RET(1, LIBC(write(b[1], "x", 1)));
	pfd[0].fd = a[0];
	pfd[1].fd = b[0];
	pfd[0].events = pfd[1].events = POLLIN;
	EXPECT_RET(1, LIBC(poll(pfd, 2, 1000)));
	EXPECT_EQ(0, pfd[0].revents);
	EXPECT_EQ(POLLIN, pfd[1].revents);
}

/* The child sleeps 50 ms, then writes one byte. */
static int write_later(void *fd)
{
	sleep_ms(50);
	return write(*(int *)fd, "x", 1) == 1 ? 0 : 1;
}

/* poll with timeout_ms (2000 or -1: forever) woken by the child's write. */
static void poll_woken_by_child(int timeout_ms)
{
	struct pollfd pfd;
	int fds[2];
	long start, elapsed;
	pid_t pid;

	EXPECT_OK(LIBC(pipe(fds)));
	pid = spawn(write_later, &fds[1]);
	EXPECT_OK(LIBC(pid));
	pfd.fd = fds[0];
	pfd.events = POLLIN;
	start = now_ms();
	EXPECT_RET(1, LIBC(poll(&pfd, 1, timeout_ms)));
	elapsed = now_ms() - start;
	EXPECT_EQ(POLLIN, pfd.revents);
	EXPECT(elapsed >= 40 && elapsed < 1000,
	       "expected to wake at the write (50 ms), got %ld ms", elapsed);
	EXPECT_EXITED(wait_status(pid), 0);
}

static void poll_woken_before_timeout(void)
{
	poll_woken_by_child(2000);
}

static void poll_woken_no_timeout(void)
{
	poll_woken_by_child(-1);
}

static void select_timeout_empty(void)
{
	struct timeval tv = { 0, 50000 };
	fd_set rd;
	int fds[2];
	long start, elapsed;

	EXPECT_OK(LIBC(pipe(fds)));
	FD_ZERO(&rd);
	FD_SET(fds[0], &rd);
	start = now_us();
	EXPECT_RET(0, LIBC(select(fds[0] + 1, &rd, NULL, NULL, &tv)));
	elapsed = now_us() - start;
	EXPECT_EQ(0, FD_ISSET(fds[0], &rd));
	EXPECT(elapsed >= 50000, "expected >= 50000 us of waiting, got %ld us",
	       elapsed);
	EXPECT(elapsed < 1000000,
	       "expected about 50000 us of waiting, got %ld us", elapsed);
}

/* Data in the pipe: the read end is readable and the write end writable. */
static void select_read_write(void)
{
	struct timeval tv = { 1, 0 };
	fd_set rd, wr;
	int fds[2], nfds;

	EXPECT_OK(LIBC(pipe(fds)));
	EXPECT_RET(1, LIBC(write(fds[1], "x", 1)));
	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_SET(fds[0], &rd);
	FD_SET(fds[1], &wr);
	nfds = (fds[0] > fds[1] ? fds[0] : fds[1]) + 1;
	EXPECT_RET(2, LIBC(select(nfds, &rd, &wr, NULL, &tv)));
	EXPECT_EQ(1, FD_ISSET(fds[0], &rd));
	EXPECT_EQ(1, FD_ISSET(fds[1], &wr));
}

/* Only the write end is ready: the read end's bit is cleared. */
static void select_clears_unready(void)
{
	struct timeval tv = { 1, 0 };
	fd_set rd, wr;
	int fds[2], nfds;

	EXPECT_OK(LIBC(pipe(fds)));
	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_SET(fds[0], &rd);
	FD_SET(fds[1], &wr);
	nfds = (fds[0] > fds[1] ? fds[0] : fds[1]) + 1;
	EXPECT_RET(1, LIBC(select(nfds, &rd, &wr, NULL, &tv)));
	EXPECT_EQ(0, FD_ISSET(fds[0], &rd));
	EXPECT_EQ(1, FD_ISSET(fds[1], &wr));
}

static void select_ebadf(void)
{
	struct timeval tv = { 0, 0 };
	fd_set rd;

	FD_ZERO(&rd);
	FD_SET(99, &rd);
	EXPECT_RET(-EBADF, LIBC(select(100, &rd, NULL, NULL, &tv)));
}

static void select_einval(void)
{
	struct timeval tv = { 0, 0 }, bad_tv = { 0, -1 };
	fd_set rd;

	FD_ZERO(&rd);
	EXPECT_RET(-EINVAL, LIBC(select(-1, &rd, NULL, NULL, &tv)));
	EXPECT_RET(-EINVAL, LIBC(select(1, &rd, NULL, NULL, &bad_tv)));
}

static void select_woken_by_child(void)
{
	struct timeval tv = { 2, 0 };
	fd_set rd;
	int fds[2];
	long start, elapsed;
	pid_t pid;

	EXPECT_OK(LIBC(pipe(fds)));
	pid = spawn(write_later, &fds[1]);
	EXPECT_OK(LIBC(pid));
	FD_ZERO(&rd);
	FD_SET(fds[0], &rd);
	start = now_ms();
	EXPECT_RET(1, LIBC(select(fds[0] + 1, &rd, NULL, NULL, &tv)));
	elapsed = now_ms() - start;
	EXPECT(elapsed >= 40 && elapsed < 1000,
	       "expected to wake at the write (50 ms), got %ld ms", elapsed);
	EXPECT_EXITED(wait_status(pid), 0);
}

const struct test_case poll_tests[] = {
	{ "poll_timeout_empty", poll_timeout_empty },
	{ "poll_pollin", poll_pollin },
	{ "poll_pollout", poll_pollout },
	{ "poll_pollhup", poll_pollhup },
	{ "poll_pollerr_no_reader", poll_pollerr_no_reader },
	{ "poll_pollnval", poll_pollnval },
	{ "poll_efault", poll_efault },
	{ "poll_several_fds", poll_several_fds },
	{ "poll_woken_before_timeout", poll_woken_before_timeout },
	{ "poll_woken_no_timeout", poll_woken_no_timeout },
	{ "select_timeout_empty", select_timeout_empty },
	{ "select_read_write", select_read_write },
	{ "select_clears_unready", select_clears_unready },
	{ "select_ebadf", select_ebadf },
	{ "select_einval", select_einval },
	{ "select_woken_by_child", select_woken_by_child },
	{ 0, 0 },
};
