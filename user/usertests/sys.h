/*
 * Raw system calls: int $0x80 with the number in eax and the arguments in
 * ebx, ecx, edx, esi, edi (Linux i386). The result is what the kernel put in
 * eax: -4095..-1 is -errno. Tests use these to see exactly what the kernel
 * answers (bad pointers, unknown numbers) without a libc in between, and for
 * calls one of the two libcs (ours, glibc) lacks.
 */
#ifndef USERTESTS_SYS_H
#define USERTESTS_SYS_H

#include <asm/unistd.h>

/* Numbers MenuOS does not implement, so its <asm/unistd.h> lacks them. */
#ifndef __NR_setrlimit
#define __NR_setrlimit 75
#endif

static inline long sys0(long nr)
{
	long ret;

	__asm__ volatile("int $0x80" : "=a"(ret) : "a"(nr) : "memory");
	return ret;
}

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

#endif
