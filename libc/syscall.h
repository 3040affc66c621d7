/* Internal: how libc enters the kernel. int $0x80 with the number in eax and
 * the arguments in ebx, ecx, edx, esi, edi, ebp (Linux i386); the result comes
 * back in eax, -4095..-1 meaning -errno. */
#ifndef _LIBC_SYSCALL_H
#define _LIBC_SYSCALL_H

#include <asm/unistd.h>
#include <errno.h>

static inline long __syscall0(long n)
{
	long ret;

	__asm__ volatile("int $0x80" : "=a"(ret) : "a"(n) : "memory");
	return ret;
}

static inline long __syscall1(long n, long a)
{
	long ret;

	__asm__ volatile("int $0x80" : "=a"(ret) : "a"(n), "b"(a) : "memory");
	return ret;
}

static inline long __syscall2(long n, long a, long b)
{
	long ret;

	__asm__ volatile("int $0x80"
			 : "=a"(ret)
			 : "a"(n), "b"(a), "c"(b)
			 : "memory");
	return ret;
}

static inline long __syscall3(long n, long a, long b, long c)
{
	long ret;

	__asm__ volatile("int $0x80"
			 : "=a"(ret)
			 : "a"(n), "b"(a), "c"(b), "d"(c)
			 : "memory");
	return ret;
}

static inline long __syscall4(long n, long a, long b, long c, long d)
{
	long ret;

	__asm__ volatile("int $0x80"
			 : "=a"(ret)
			 : "a"(n), "b"(a), "c"(b), "d"(c), "S"(d)
			 : "memory");
	return ret;
}

static inline long __syscall5(long n, long a, long b, long c, long d, long e)
{
	long ret;

	__asm__ volatile("int $0x80"
			 : "=a"(ret)
			 : "a"(n), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
			 : "memory");
	return ret;
}

/* The sixth argument goes in ebp, which is our frame pointer: save it, and
 * load ebp and eax from a small array whose address is in eax. */
static inline long __syscall6(long n, long a, long b, long c, long d, long e,
			      long f)
{
	long ret;
	long nf[2] = { n, f };

	__asm__ volatile("pushl %%ebp\n\t"
			 "movl 4(%%eax), %%ebp\n\t"
			 "movl 0(%%eax), %%eax\n\t"
			 "int $0x80\n\t"
			 "popl %%ebp"
			 : "=a"(ret)
			 : "a"(nf), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
			 : "memory");
	return ret;
}

/* Turn a raw result into the C convention: -1 with errno set, or the value. */
static inline long __syscall_ret(long r)
{
	if ((unsigned long)r > -4096UL) {
		errno = (int)-r;
		return -1;
	}
	return r;
}

#define __A(x)		  ((long)(x))
#define syscall0(n)	  __syscall_ret(__syscall0(n))
#define syscall1(n, a)	  __syscall_ret(__syscall1(n, __A(a)))
#define syscall2(n, a, b) __syscall_ret(__syscall2(n, __A(a), __A(b)))
#define syscall3(n, a, b, c) \
	__syscall_ret(__syscall3(n, __A(a), __A(b), __A(c)))
#define syscall4(n, a, b, c, d) \
	__syscall_ret(__syscall4(n, __A(a), __A(b), __A(c), __A(d)))
#define syscall5(n, a, b, c, d, e) \
	__syscall_ret(__syscall5(n, __A(a), __A(b), __A(c), __A(d), __A(e)))

#endif
