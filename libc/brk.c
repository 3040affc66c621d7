/* The program break: the end of the heap that malloc grows. Linux's brk(addr)
 * returns the new break, or the old one if it could not move; brk(0) asks. */
#include <errno.h>
#include <unistd.h>
#include "syscall.h"

static unsigned long cur_brk;

int brk(void *addr)
{
	unsigned long got = __syscall1(__NR_brk, (long)addr);

	cur_brk = got;
	if (got < (unsigned long)addr) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

void *sbrk(int increment)
{
	unsigned long old;

	if (!cur_brk)
		cur_brk = __syscall1(__NR_brk, 0);
	old = cur_brk;
	if (increment == 0)
		return (void *)old;
	if (increment < 0 && (unsigned long)-increment > old) {
		errno = ENOMEM;
		return (void *)-1;
	}
	if (brk((void *)(old + increment)) < 0)
		return (void *)-1;
	return (void *)old;
}
