/*
 * Raw system calls: int $0x80 with the number in eax and the arguments in
 * ebx, ecx, edx, esi, edi, ebp (Linux i386). The result is what the kernel
 * put in eax: -4095..-1 is -errno. The tests use them to see exactly what
 * the kernel answers, without a libc in between: socketcall(102) with any
 * call number or argument pointer, and the direct socket syscalls 359-373
 * that Linux added next to socketcall in 4.3.
 */
#ifndef SOCKETTESTS_SYS_H
#define SOCKETTESTS_SYS_H

#include <asm/unistd.h>

/* Numbers MenuOS does not implement, so its <asm/unistd.h> lacks them. */
#ifndef __NR_setrlimit
#define __NR_setrlimit 75
#endif

static inline long sys1(long nr, long a)
{
	long ret;

	__asm__ volatile("int $0x80" : "=a"(ret) : "a"(nr), "b"(a) : "memory");
	return ret;
}

static inline long sys2(long nr, long a, long b)
{
	long ret;

	__asm__ volatile("int $0x80"
			 : "=a"(ret)
			 : "a"(nr), "b"(a), "c"(b)
			 : "memory");
	return ret;
}

static inline long sys3(long nr, long a, long b, long c)
{
	long ret;

	__asm__ volatile("int $0x80"
			 : "=a"(ret)
			 : "a"(nr), "b"(a), "c"(b), "d"(c)
			 : "memory");
	return ret;
}

static inline long sys4(long nr, long a, long b, long c, long d)
{
	long ret;

	__asm__ volatile("int $0x80"
			 : "=a"(ret)
			 : "a"(nr), "b"(a), "c"(b), "d"(c), "S"(d)
			 : "memory");
	return ret;
}

static inline long sys5(long nr, long a, long b, long c, long d, long e)
{
	long ret;

	__asm__ volatile("int $0x80"
			 : "=a"(ret)
			 : "a"(nr), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
			 : "memory");
	return ret;
}

/* The sixth argument goes in ebp, which is our frame pointer: save it, and
 * reach the number and the argument through eax. */
static inline long sys6(long nr, long a, long b, long c, long d, long e, long f)
{
	long nr_and_f[2] = { nr, f };
	long ret;

	__asm__ volatile("push %%ebp\n\t"
			 "mov 4(%%eax), %%ebp\n\t"
			 "mov 0(%%eax), %%eax\n\t"
			 "int $0x80\n\t"
			 "pop %%ebp"
			 : "=a"(ret)
			 : "a"(nr_and_f), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
			 : "memory");
	return ret;
}

/* socketcall(102): ebx = which call (SYS_* of <linux/net.h>), ecx = the
 * address of an array of unsigned long arguments (or any pointer at all, to
 * test the kernel's checks). */
static inline long raw_socketcall(int call, const void *args)
{
	return sys2(__NR_socketcall, call, (long)args);
}

#endif
