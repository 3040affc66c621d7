/*
 * Raw system calls for the tests: int $0x80 with the number in eax and the
 * arguments in ebx, ecx, edx, esi, edi, ebp (Linux i386); the result is what
 * the kernel put in eax, -4095..-1 being -errno. The tests use them to see
 * exactly what the kernel answers (bad pointers, unknown numbers, any
 * socketcall argument), without a libc in between, and for calls one of the
 * two libcs (ours, glibc) lacks. The stubs are libc's own (libc/syscall.h,
 * plain inline assembly that touches nothing else of libc), so the register
 * convention is written down once.
 */
#ifndef TESTLIB_SYS_H
#define TESTLIB_SYS_H

#include "../../libc/syscall.h"

/* Numbers MenuOS does not implement, so its <asm/unistd.h> lacks them. */
#ifndef __NR_setrlimit
#define __NR_setrlimit 75
#endif

#define sys0 __syscall0
#define sys1 __syscall1
#define sys2 __syscall2
#define sys3 __syscall3
#define sys4 __syscall4
#define sys5 __syscall5
#define sys6 __syscall6

/* socketcall(102): ebx = which call (SYS_* of <linux/net.h>), ecx = the
 * address of an array of unsigned long arguments (or any pointer at all, to
 * test the kernel's checks). */
static inline long raw_socketcall(int call, const void *args)
{
	return sys2(__NR_socketcall, call, (long)args);
}

#endif
