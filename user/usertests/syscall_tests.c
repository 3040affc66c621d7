/*
 * syscall: the system call entry itself. Unknown numbers, bad user pointers
 * (the kernel must answer -EFAULT, never crash or write into the kernel),
 * bad file descriptors, and the small calls: getpid, uname, brk, time,
 * nanosleep, gettimeofday, clock_gettime.
 */
#include "usertests.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../testlib/sys.h"

/* MenuOS maps the kernel from 0xC0000000 up; as a long for syscall args */
#define KERNEL_ADDR ((long)0xC0000000UL)
#define TOP_PAGE    ((long)0xfffff000UL)
#define PAGE	    4096L
#define MIB	    (1024L * 1024L)

int main(int argc, char **argv); /* an address in our read-only text */

/* An address 16 bytes before the first unmapped page after the heap. */
static long end_of_heap_minus_16(void)
{
	long brk_end = sys1(__NR_brk, 0);

	return ((brk_end + PAGE - 1) & ~(PAGE - 1)) - 16;
}

/* 9999 is far past every table. */
static void nosys_9999(void)
{
	EXPECT_RET(-ENOSYS, sys0(9999));
}

/* eax = 0xffffffff: a negative number must not index the table. */
static void nosys_minus_one(void)
{
	EXPECT_RET(-ENOSYS, sys0(-1));
}

/* 222 is a hole in Linux's i386 table too. */
static void nosys_hole(void)
{
	EXPECT_RET(-ENOSYS, sys0(222));
}

/* 439 is the last slot of MenuOS's table and empty there; Linux has
 * faccessat2 in it, so this is only checked in MenuOS. */
static void nosys_439(void)
{
	if (on_linux) {
		skip("skipped on Linux: 439 is faccessat2");
		return;
	}
	EXPECT_RET(-ENOSYS, sys0(439));
}

/* write(pipe, addr, len) for an address we must not read from. */
static long write_from(long addr, long len)
{
	int fds[2];
	long ret;

	if (pipe(fds) < 0)
		return -errno;
	ret = sys3(__NR_write, fds[1], addr, len);
	close(fds[0]);
	close(fds[1]);
	return ret;
}

static void write_efault_null(void)
{
	EXPECT_RET(-EFAULT, write_from(0, 10));
}

static void write_efault_kernel(void)
{
	EXPECT_RET(-EFAULT, write_from(KERNEL_ADDR, 10));
}

static void write_efault_top_page(void)
{
	EXPECT_RET(-EFAULT, write_from(TOP_PAGE, 10));
}

/* 16 mapped bytes then an unmapped page. POSIX also allows a short write of
 * the 16 bytes that were readable; both kernels may answer either way. */
static void write_efault_crossing(void)
{
	EXPECT_RET2(-EFAULT, 16, write_from(end_of_heap_minus_16(), 64));
}

/* read(/dev/zero, addr, 16) for an address we must not write to. */
static long read_zero_into(long addr)
{
	int fd = open("/dev/zero", O_RDONLY);
	long ret;

	if (fd < 0)
		return -errno;
	ret = sys3(__NR_read, fd, addr, 16);
	close(fd);
	return ret;
}

static void read_efault_kernel(void)
{
	EXPECT_RET(-EFAULT, read_zero_into(KERNEL_ADDR));
}

static void read_efault_null(void)
{
	EXPECT_RET(-EFAULT, read_zero_into(0));
}

/* The text is mapped but read-only: the kernel must not write there. */
static void read_efault_text(void)
{
	unsigned char before = *(volatile unsigned char *)main;

	EXPECT_RET(-EFAULT, read_zero_into((long)main));
	EXPECT_EQ(before, *(volatile unsigned char *)main);
}

/* Zero bytes: nothing to check, nothing to wait for, even with NULL. */
static void zero_length_io(void)
{
	int fds[2];

	EXPECT_OK(LIBC(pipe(fds)));
	EXPECT_RET(0, sys3(__NR_write, fds[1], 0, 0));
	EXPECT_RET(0, sys3(__NR_read, fds[0], 0, 0)); /* empty pipe */
}

/* Every call that writes a structure back checks the pointer. */
static void efault_gettimeofday(void)
{
	EXPECT_RET(-EFAULT, sys2(__NR_gettimeofday, KERNEL_ADDR, 0));
}

static void efault_clock_gettime(void)
{
	EXPECT_RET(-EFAULT,
		   sys2(__NR_clock_gettime, CLOCK_MONOTONIC, KERNEL_ADDR));
}

static void efault_uname(void)
{
	EXPECT_RET(-EFAULT, sys1(__NR_uname, KERNEL_ADDR));
}

static void efault_sysinfo(void)
{
	EXPECT_RET(-EFAULT, sys1(__NR_sysinfo, KERNEL_ADDR));
}

/* rt_sigaction(SIGUSR1, act, oldact, 8) and rt_sigprocmask. */
static void efault_signal_calls(void)
{
	EXPECT_RET(-EFAULT,
		   sys4(__NR_rt_sigaction, SIGUSR1, KERNEL_ADDR, 0, 8));
	EXPECT_RET(-EFAULT,
		   sys4(__NR_rt_sigaction, SIGUSR1, 0, KERNEL_ADDR, 8));
	EXPECT_RET(-EFAULT,
		   sys4(__NR_rt_sigprocmask, SIG_BLOCK, KERNEL_ADDR, 0, 8));
	EXPECT_RET(-EFAULT,
		   sys4(__NR_rt_sigprocmask, SIG_BLOCK, 0, KERNEL_ADDR, 8));
}

static void efault_getdents64(void)
{
	int fd = open("/", O_RDONLY);

	EXPECT_OK(LIBC(fd));
	EXPECT_RET(-EFAULT, sys3(__NR_getdents64, fd, KERNEL_ADDR, 4096));
}

/* The iovec array itself, then a buffer it points to. */
static void efault_writev(void)
{
	struct iovec bad_base = { (void *)KERNEL_ADDR, 10 };
	int fds[2];

	EXPECT_OK(LIBC(pipe(fds)));
	EXPECT_RET(-EFAULT, sys3(__NR_writev, fds[1], KERNEL_ADDR, 1));
	EXPECT_RET(-EFAULT, sys3(__NR_writev, fds[1], (long)&bad_base, 1));
	EXPECT_RET(-EINVAL, sys3(__NR_writev, fds[1], (long)&bad_base, -1));
}

static void efault_select(void)
{
	struct timeval tv = { 0, 0 };

	EXPECT_RET(-EFAULT,
		   sys5(__NR__newselect, 1, KERNEL_ADDR, 0, 0, (long)&tv));
	EXPECT_RET(-EFAULT, sys5(__NR__newselect, 1, 0, 0, 0, KERNEL_ADDR));
}

static void efault_wait4(void)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(0);
	EXPECT_OK(LIBC(pid));
	EXPECT_RET(-EFAULT, sys4(__NR_wait4, pid, KERNEL_ADDR, 0, 0));
}

static void time_efault(void)
{
	EXPECT_RET(-EFAULT, sys1(__NR_time, KERNEL_ADDR));
}

static void time_null_same_as_pointer(void)
{
	long t = 0, by_value = sys1(__NR_time, 0);
	long by_pointer = sys1(__NR_time, (long)&t);

	EXPECT(by_value > 0, "expected time > 0, got %ld", by_value);
	EXPECT_EQ(by_pointer, t);
	EXPECT(by_pointer - by_value <= 1,
	       "expected the same second, got %ld then %ld", by_value,
	       by_pointer);
}

static void write_ebadf_99(void)
{
	EXPECT_RET(-EBADF, sys3(__NR_write, 99, (long)"x", 1));
}

static void write_ebadf_negative(void)
{
	EXPECT_RET(-EBADF, sys3(__NR_write, -1, (long)"x", 1));
}

static void write_ebadf_closed(void)
{
	int fd = open("/dev/null", O_WRONLY);

	EXPECT_OK(LIBC(fd));
	EXPECT_RET(0, LIBC(close(fd)));
	EXPECT_RET(-EBADF, sys3(__NR_write, fd, (long)"x", 1));
}

static void read_ebadf_write_only(void)
{
	char c;
	int fd = open("/dev/null", O_WRONLY);

	EXPECT_OK(LIBC(fd));
	EXPECT_RET(-EBADF, sys3(__NR_read, fd, (long)&c, 1));
}

static void getpid_sane(void)
{
	long pid = sys0(__NR_getpid), ppid = sys0(__NR_getppid);

	EXPECT(pid > 0, "expected getpid > 0, got %ld", pid);
	EXPECT(ppid > 0, "expected getppid > 0, got %ld", ppid);
	EXPECT(pid != ppid, "expected getpid != getppid, got %ld twice", pid);
	EXPECT_EQ(pid, getpid());
}

static void uname_fields(void)
{
	struct utsname u;
	const char *m;

	memset(&u, 0, sizeof(u));
	EXPECT_RET(0, LIBC(uname(&u)));
	EXPECT(strcmp(u.sysname, "MenuOS") == 0 ||
		       strcmp(u.sysname, "Linux") == 0,
	       "expected sysname MenuOS or Linux, got \"%s\"", u.sysname);
	m = u.machine;
	/* a 64-bit Linux may say x86_64 to a 32-bit program */
	EXPECT(strcmp(m, "i686") == 0 || strcmp(m, "i386") == 0 ||
		       strcmp(m, "x86_64") == 0,
	       "expected machine i686, i386 or x86_64, got \"%s\"", m);
	EXPECT(u.release[0] != 0, "expected a release, got \"\"");
}

static void brk_query(void)
{
	long first = sys1(__NR_brk, 0), again = sys1(__NR_brk, 0);

	EXPECT(first > 0x08048000L && (unsigned long)first < 0xC0000000UL,
	       "expected a break above the program, got 0x%lx", first);
	EXPECT_EQ(first, again);
}

/* Grow by 1 MiB, fill every byte, check them, shrink back. */
static void brk_grow_shrink(void)
{
	long start = sys1(__NR_brk, 0);
	unsigned char *p = (unsigned char *)start;
	long i;

	EXPECT_EQ(start + MIB, sys1(__NR_brk, start + MIB));
	for (i = 0; i < MIB; i++)
		p[i] = (unsigned char)(i * 7);
	for (i = 0; i < MIB; i++)
		EXPECT(p[i] == (unsigned char)(i * 7),
		       "expected byte %ld to keep its value, got %d", i, p[i]);
	EXPECT_EQ(start, sys1(__NR_brk, start));
	EXPECT_EQ(start, sys1(__NR_brk, 0));
}

static int touch_address(void *addr)
{
	*(volatile char *)addr = 1;
	return 0;
}

/* After shrinking, the pages given back are gone: touching one faults. */
static void brk_shrink_unmaps(void)
{
	long start = sys1(__NR_brk, 0);
	long page_after = ((start + PAGE - 1) & ~(PAGE - 1)) + 4 * PAGE;

	EXPECT_EQ(start + MIB, sys1(__NR_brk, start + MIB));
	*(volatile char *)page_after = 1;
	EXPECT_EQ(start, sys1(__NR_brk, start));
	EXPECT_SIGNALED(run_child(touch_address, (void *)page_after), SIGSEGV);
}

/* Measured with gettimeofday, in microseconds. */
static void nanosleep_50ms(void)
{
	struct timespec ts = { 0, 50 * 1000 * 1000 };
	long before = now_us(), elapsed;

	EXPECT_RET(0, LIBC(nanosleep(&ts, NULL)));
	elapsed = now_us() - before;
	EXPECT(elapsed >= 50000, "expected >= 50000 us asleep, got %ld us",
	       elapsed);
	EXPECT(elapsed < 1000000, "expected about 50000 us asleep, got %ld us",
	       elapsed);
}

/* Nanoseconds from a to b (fits a long for 2 s). */
static long ns_between(const struct timespec *a, const struct timespec *b)
{
	return (b->tv_sec - a->tv_sec) * 1000000000L + b->tv_nsec - a->tv_nsec;
}

/* The same sleep measured with CLOCK_MONOTONIC: never shorter than asked. */
static void nanosleep_20ms_monotonic(void)
{
	struct timespec ts = { 0, 20 * 1000 * 1000 }, before, after;

	EXPECT_RET(0, LIBC(clock_gettime(CLOCK_MONOTONIC, &before)));
	EXPECT_RET(0, LIBC(nanosleep(&ts, NULL)));
	EXPECT_RET(0, LIBC(clock_gettime(CLOCK_MONOTONIC, &after)));
	EXPECT(ns_between(&before, &after) >= 20000000L,
	       "expected >= 20000000 ns of CLOCK_MONOTONIC asleep, got %ld ns",
	       ns_between(&before, &after));
}

static void nanosleep_einval(void)
{
	struct timespec big = { 0, 2000000000L }, negative = { 0, -1 };
	struct timespec before_1970 = { -1, 0 };

	EXPECT_RET(-EINVAL, sys2(__NR_nanosleep, (long)&big, 0));
	EXPECT_RET(-EINVAL, sys2(__NR_nanosleep, (long)&negative, 0));
	EXPECT_RET(-EINVAL, sys2(__NR_nanosleep, (long)&before_1970, 0));
}

static void nanosleep_efault(void)
{
	EXPECT_RET(-EFAULT, sys2(__NR_nanosleep, 0, 0));
	EXPECT_RET(-EFAULT, sys2(__NR_nanosleep, KERNEL_ADDR, 0));
}

static void gettimeofday_monotonic(void)
{
	struct timeval a, b;
	int i;

	EXPECT_RET(0, LIBC(gettimeofday(&a, NULL)));
	for (i = 0; i < 1000; i++) {
		EXPECT_RET(0, LIBC(gettimeofday(&b, NULL)));
		EXPECT(b.tv_usec >= 0 && b.tv_usec < 1000000,
		       "expected 0 <= tv_usec < 1000000, got %ld",
		       (long)b.tv_usec);
		EXPECT(b.tv_sec > a.tv_sec ||
			       (b.tv_sec == a.tv_sec && b.tv_usec >= a.tv_usec),
		       "expected time not to go back, got %ld.%06ld then %ld.%06ld",
		       (long)a.tv_sec, (long)a.tv_usec, (long)b.tv_sec,
		       (long)b.tv_usec);
		a = b;
	}
}

static void clock_monotonic(void)
{
	struct timespec base, prev, ts;
	long i;

	EXPECT_RET(0, LIBC(clock_gettime(CLOCK_MONOTONIC, &base)));
	prev = base;
	for (i = 0; i < 1000; i++) {
		EXPECT_RET(0, LIBC(clock_gettime(CLOCK_MONOTONIC, &ts)));
		EXPECT(ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000L,
		       "expected 0 <= tv_nsec < 1e9, got %ld",
		       (long)ts.tv_nsec);
		EXPECT(ns_between(&prev, &ts) >= 0,
		       "expected CLOCK_MONOTONIC not to go back, got %ld ns then %ld ns",
		       ns_between(&base, &prev), ns_between(&base, &ts));
		prev = ts;
	}
	sleep_ms(20);
	EXPECT_RET(0, LIBC(clock_gettime(CLOCK_MONOTONIC, &ts)));
	EXPECT(ns_between(&base, &ts) > 10000000L,
	       "expected CLOCK_MONOTONIC to advance over a 20 ms sleep, got %ld ns",
	       ns_between(&base, &ts));
}

static void clock_realtime_matches_time(void)
{
	struct timespec ts;
	long t;

	EXPECT_RET(0, LIBC(clock_gettime(CLOCK_REALTIME, &ts)));
	t = sys1(__NR_time, 0);
	EXPECT(t - ts.tv_sec <= 1 && t >= ts.tv_sec,
	       "expected CLOCK_REALTIME and time() to agree, got %ld and %ld",
	       (long)ts.tv_sec, t);
}

static void clock_gettime_einval(void)
{
	struct timespec ts;

	EXPECT_RET(-EINVAL, sys2(__NR_clock_gettime, 99, (long)&ts));
}

const struct test_case syscall_tests[] = {
	{ "nosys_9999", nosys_9999 },
	{ "nosys_minus_one", nosys_minus_one },
	{ "nosys_hole", nosys_hole },
	{ "nosys_439", nosys_439 },
	{ "write_efault_null", write_efault_null },
	{ "write_efault_kernel", write_efault_kernel },
	{ "write_efault_top_page", write_efault_top_page },
	{ "write_efault_crossing", write_efault_crossing },
	{ "read_efault_kernel", read_efault_kernel },
	{ "read_efault_null", read_efault_null },
	{ "read_efault_text", read_efault_text },
	{ "zero_length_io", zero_length_io },
	{ "efault_gettimeofday", efault_gettimeofday },
	{ "efault_clock_gettime", efault_clock_gettime },
	{ "efault_uname", efault_uname },
	{ "efault_sysinfo", efault_sysinfo },
	{ "efault_signal_calls", efault_signal_calls },
	{ "efault_getdents64", efault_getdents64 },
	{ "efault_writev", efault_writev },
	{ "efault_select", efault_select },
	{ "efault_wait4", efault_wait4 },
	{ "time_efault", time_efault },
	{ "time_null_same_as_pointer", time_null_same_as_pointer },
	{ "write_ebadf_99", write_ebadf_99 },
	{ "write_ebadf_negative", write_ebadf_negative },
	{ "write_ebadf_closed", write_ebadf_closed },
	{ "read_ebadf_write_only", read_ebadf_write_only },
	{ "getpid_sane", getpid_sane },
	{ "uname_fields", uname_fields },
	{ "brk_query", brk_query },
	{ "brk_grow_shrink", brk_grow_shrink },
	{ "brk_shrink_unmaps", brk_shrink_unmaps },
	{ "nanosleep_50ms", nanosleep_50ms },
	{ "nanosleep_20ms_monotonic", nanosleep_20ms_monotonic },
	{ "nanosleep_einval", nanosleep_einval },
	{ "nanosleep_efault", nanosleep_efault },
	{ "gettimeofday_monotonic", gettimeofday_monotonic },
	{ "clock_monotonic", clock_monotonic },
	{ "clock_realtime_matches_time", clock_realtime_matches_time },
	{ "clock_gettime_einval", clock_gettime_einval },
	{ 0, 0 },
};
