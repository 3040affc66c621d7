/*
 * pipe: one-way byte channels. Data goes through in order, also between
 * processes; read sees end-of-file when every writer has closed; writing
 * with no reader gives -EPIPE and SIGPIPE; O_NONBLOCK gives -EAGAIN instead
 * of sleeping; it holds 64 KiB, and writes up to PIPE_BUF are atomic; a sleeping reader or writer wakes when the other side acts.
 */
#include "usertests.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../testlib/sys.h"

#define KERNEL_ADDR ((long)0xC0000000UL)
#define TOTAL	    (64 * 1024)

static void pipe_write_read(void)
{
	char buf[16];
	int fds[2];

	EXPECT_OK(LIBC(pipe(fds)));
	EXPECT(fds[0] >= 3 && fds[1] >= 3 && fds[0] != fds[1],
	       "expected two new fds, got %d and %d", fds[0], fds[1]);
	EXPECT_RET(5, LIBC(write(fds[1], "hello", 5)));
	EXPECT_RET(5, LIBC(read(fds[0], buf, sizeof(buf))));
	EXPECT(memcmp(buf, "hello", 5) == 0, "expected hello, got %.5s", buf);
	EXPECT_RET(-EBADF, LIBC(write(fds[0], "x", 1)));
	EXPECT_RET(-EBADF, LIBC(read(fds[1], buf, 1)));
}

static void pipe_efault(void)
{
	EXPECT_RET(-EFAULT, sys1(__NR_pipe, KERNEL_ADDR));
	EXPECT_RET(-EFAULT, sys1(__NR_pipe, 0));
}

static unsigned char pattern(int i)
{
	return (unsigned char)(i * 31 + 7);
}

/* The child: read data_fds[0] to EOF, send back the byte count and sum. */
static int checksum_child(void *arg)
{
	int *fds = arg; /* data pipe, then result pipe */
	unsigned char buf[700];
	unsigned long result[2] = { 0, 0 };
	int n, i;

	close(fds[1]);
	close(fds[2]);
	while ((n = read(fds[0], buf, sizeof(buf))) > 0) {
		for (i = 0; i < n; i++)
			result[1] += buf[i];
		result[0] += n;
	}
	if (n < 0)
		return 1;
	return write(fds[3], result, sizeof(result)) == sizeof(result) ? 0 : 2;
}

/* 64 KiB in uneven chunks from us to a child, checked by its sum. */
static void pipe_64k_between_processes(void)
{
	unsigned char chunk[4096];
	unsigned long sum = 0, result[2] = { 0, 0 };
	int fds[4], sent = 0, len, i, j;
	pid_t pid;

	EXPECT_OK(LIBC(pipe(&fds[0])));
	EXPECT_OK(LIBC(pipe(&fds[2])));
	pid = spawn(checksum_child, fds);
	EXPECT_OK(LIBC(pid));
	close(fds[0]);
	close(fds[3]);
	for (i = 0; sent < TOTAL; i++) {
		len = 1000 + (i % 7) * 450;
		if (len > TOTAL - sent)
			len = TOTAL - sent;
		for (j = 0; j < len; j++)
			sum += chunk[j] = pattern(sent + j);
		EXPECT_RET(len, LIBC(write(fds[1], chunk, len)));
		sent += len;
	}
	close(fds[1]);
	EXPECT_EQ(sizeof(result), read_full(fds[2], result, sizeof(result)));
	EXPECT_EXITED(wait_status(pid), 0);
	EXPECT_EQ(TOTAL, result[0]);
	EXPECT_EQ(sum, result[1]);
}

static void pipe_eof_after_data(void)
{
	char buf[10];
	int fds[2];

	EXPECT_OK(LIBC(pipe(fds)));
	EXPECT_RET(2, LIBC(write(fds[1], "ab", 2)));
	EXPECT_RET(0, LIBC(close(fds[1])));
	EXPECT_RET(2, LIBC(read(fds[0], buf, sizeof(buf))));
	EXPECT_RET(0, LIBC(read(fds[0], buf, sizeof(buf))));
	EXPECT_RET(0, LIBC(read(fds[0], buf, sizeof(buf))));
}

/* A child keeps a copy of the write end for 50 ms, then exits. */
static int hold_write_end(void *unused)
{
	(void)unused;
	sleep_ms(50);
	return 0;
}

/* EOF only when the last writer (the child's copy) is gone. */
static void pipe_eof_all_writers_closed(void)
{
	char c;
	int fds[2];
	long start;
	pid_t pid;

	EXPECT_OK(LIBC(pipe(fds)));
	pid = spawn(hold_write_end, NULL);
	EXPECT_OK(LIBC(pid));
	close(fds[1]);
	start = now_ms();
	EXPECT_RET(0, LIBC(read(fds[0], &c, 1)));
	EXPECT(now_ms() - start >= 40,
	       "expected EOF after the child's exit (50 ms), got it after %ld ms",
	       now_ms() - start);
	EXPECT_EXITED(wait_status(pid), 0);
}

static void pipe_epipe_sigpipe_ignored(void)
{
	int fds[2];

	EXPECT(signal(SIGPIPE, SIG_IGN) != SIG_ERR,
	       "expected signal() to work");
	EXPECT_OK(LIBC(pipe(fds)));
	EXPECT_RET(0, LIBC(close(fds[0])));
	EXPECT_RET(-EPIPE, LIBC(write(fds[1], "x", 1)));
}

static volatile int sigpipe_count;

static void on_sigpipe(int sig)
{
	(void)sig;
	sigpipe_count++;
}

/* With a handler: it runs once, and write still fails with -EPIPE. */
static void pipe_epipe_sigpipe_handled(void)
{
	int fds[2];

	EXPECT(signal(SIGPIPE, on_sigpipe) != SIG_ERR,
	       "expected signal() to work");
	EXPECT_OK(LIBC(pipe(fds)));
	EXPECT_RET(0, LIBC(close(fds[0])));
	EXPECT_RET(-EPIPE, LIBC(write(fds[1], "x", 1)));
	EXPECT_EQ(1, sigpipe_count);
}

static int write_without_reader(void *unused)
{
	int fds[2];

	(void)unused;
	if (pipe(fds) < 0)
		return 1;
	close(fds[0]);
	write(fds[1], "x", 1);
	return 2; /* not reached: SIGPIPE's default action ends us */
}

static void pipe_sigpipe_default_kills(void)
{
	EXPECT_SIGNALED(run_child(write_without_reader, NULL), SIGPIPE);
}

static void pipe_nonblock_read_eagain(void)
{
	char c;
	int fds[2];

	EXPECT_OK(LIBC(pipe(fds)));
	EXPECT_RET(0, LIBC(fcntl(fds[0], F_SETFL, O_NONBLOCK)));
	EXPECT(fcntl(fds[0], F_GETFL) & O_NONBLOCK,
	       "expected F_GETFL to show O_NONBLOCK, got 0%o",
	       (unsigned)fcntl(fds[0], F_GETFL));
	EXPECT_RET(-EAGAIN, LIBC(read(fds[0], &c, 1)));
	EXPECT_RET(1, LIBC(write(fds[1], "x", 1)));
	EXPECT_RET(1, LIBC(read(fds[0], &c, 1)));
	EXPECT_RET(-EAGAIN, LIBC(read(fds[0], &c, 1)));
	EXPECT_OK(LIBC(pipe2(fds, O_NONBLOCK)));
	EXPECT_RET(-EAGAIN, LIBC(read(fds[0], &c, 1)));
}

/* Fills the pipe without blocking; returns how many bytes went in. */
static long fill_pipe(int write_fd)
{
	static char block[1024];
	long total = 0, n;

	while (total < 1024 * 1024) {
		n = write(write_fd, block, sizeof(block));
		if (n < 0)
			return errno == EAGAIN ? total : -errno;
		total += n;
	}
	return total;
}

/* A full pipe holds at least PIPE_BUF (4096) bytes, then -EAGAIN. */
static void pipe_nonblock_write_eagain(void)
{
	char buf[4096];
	int fds[2];
	long size;

	EXPECT_OK(LIBC(pipe2(fds, O_NONBLOCK)));
	size = fill_pipe(fds[1]);
	EXPECT(size >= 4096, "expected a capacity >= 4096, got %s",
	       result_str(size));
	EXPECT_RET(-EAGAIN, LIBC(write(fds[1], "x", 1)));
	EXPECT_RET(sizeof(buf), LIBC(read(fds[0], buf, sizeof(buf))));
	EXPECT_RET(1, LIBC(write(fds[1], "x", 1)));
}

/* Linux's capacity, 64 KiB; and a write of up to PIPE_BUF (4096) bytes goes
 * in whole or not at all: with 4095 bytes of room, a non-blocking write of
 * 4096 is -EAGAIN, not 4095 of them (another writer's bytes could come
 * between); a bigger write takes what fits. */
static void pipe_capacity_and_atomic_writes(void)
{
	static char buf[8192];
	int fds[2];

	EXPECT_OK(LIBC(pipe2(fds, O_NONBLOCK)));
	EXPECT_RET(65536, fill_pipe(fds[1]));
	EXPECT_RET(4095, LIBC(read(fds[0], buf, 4095)));
	EXPECT_RET(-EAGAIN, LIBC(write(fds[1], buf, 4096)));
	EXPECT_RET(4095, LIBC(write(fds[1], buf, 4097)));
	EXPECT_RET(4096, LIBC(read(fds[0], buf, 4096)));
	EXPECT_RET(4096, LIBC(write(fds[1], buf, 4096)));
}

static void pipe2_cloexec(void)
{
	int fds[2];

	EXPECT_OK(LIBC(pipe2(fds, O_CLOEXEC)));
	EXPECT_RET(FD_CLOEXEC, LIBC(fcntl(fds[0], F_GETFD)));
	EXPECT_RET(FD_CLOEXEC, LIBC(fcntl(fds[1], F_GETFD)));
	EXPECT_OK(LIBC(pipe(fds)));
	EXPECT_RET(0, LIBC(fcntl(fds[0], F_GETFD)));
	EXPECT_RET(-EINVAL, sys2(__NR_pipe2, (long)fds, 0x1234));
}

/* The child sleeps 50 ms, then writes "wake". */
static int write_later(void *fd)
{
	sleep_ms(50);
	return write(*(int *)fd, "wake", 4) == 4 ? 0 : 1;
}

static void pipe_blocking_read_woken(void)
{
	char buf[8];
	int fds[2];
	long start;
	pid_t pid;

	EXPECT_OK(LIBC(pipe(fds)));
	pid = spawn(write_later, &fds[1]);
	EXPECT_OK(LIBC(pid));
	start = now_ms();
	EXPECT_RET(4, LIBC(read(fds[0], buf, sizeof(buf))));
	EXPECT(memcmp(buf, "wake", 4) == 0, "expected wake, got %.4s", buf);
	EXPECT(now_ms() - start >= 40,
	       "expected to sleep until the write (50 ms), got %ld ms",
	       now_ms() - start);
	EXPECT_EXITED(wait_status(pid), 0);
}

/* The child sleeps 50 ms, then drains 4096 bytes. */
static int read_later(void *fd)
{
	char buf[4096];

	sleep_ms(50);
	return read_full(*(int *)fd, buf, sizeof(buf)) == sizeof(buf) ? 0 : 1;
}

/* A writer on a full pipe sleeps until the reader makes room. */
static void pipe_blocking_write_woken(void)
{
	char buf[100] = "more";
	int fds[2];
	long start;
	pid_t pid;

	EXPECT_OK(LIBC(pipe2(fds, O_NONBLOCK)));
	EXPECT_OK(fill_pipe(fds[1]));
	EXPECT_RET(0, LIBC(fcntl(fds[1], F_SETFL, 0)));
	pid = spawn(read_later, &fds[0]);
	EXPECT_OK(LIBC(pid));
	start = now_ms();
	EXPECT_RET(100, LIBC(write(fds[1], buf, sizeof(buf))));
	EXPECT(now_ms() - start >= 40,
	       "expected to sleep until the read (50 ms), got %ld ms",
	       now_ms() - start);
	EXPECT_EXITED(wait_status(pid), 0);
}

const struct test_case pipe_tests[] = {
	{ "pipe_write_read", pipe_write_read },
	{ "pipe_efault", pipe_efault },
	{ "pipe_64k_between_processes", pipe_64k_between_processes },
	{ "pipe_eof_after_data", pipe_eof_after_data },
	{ "pipe_eof_all_writers_closed", pipe_eof_all_writers_closed },
	{ "pipe_epipe_sigpipe_ignored", pipe_epipe_sigpipe_ignored },
	{ "pipe_epipe_sigpipe_handled", pipe_epipe_sigpipe_handled },
	{ "pipe_sigpipe_default_kills", pipe_sigpipe_default_kills },
	{ "pipe_nonblock_read_eagain", pipe_nonblock_read_eagain },
	{ "pipe_nonblock_write_eagain", pipe_nonblock_write_eagain },
	{ "pipe_capacity_and_atomic_writes", pipe_capacity_and_atomic_writes },
	{ "pipe2_cloexec", pipe2_cloexec },
	{ "pipe_blocking_read_woken", pipe_blocking_read_woken },
	{ "pipe_blocking_write_woken", pipe_blocking_write_woken },
	{ 0, 0 },
};
