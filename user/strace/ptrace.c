/*
 * ptrace(2) as the kernel has it, through int $0x80 (eax = 26), so our libc
 * and glibc behave the same: glibc's ptrace() returns the word for
 * PTRACE_PEEKDATA, the raw call stores it at *data and returns 0.
 */
#include <string.h>
#include "strace.h"

long ptrace_raw(long request, long pid, unsigned long addr, unsigned long data)
{
	long ret;

	__asm__ volatile("int $0x80"
			 : "=a"(ret)
			 : "a"(NR_ptrace), "b"(request), "c"(pid), "d"(addr),
			   "S"(data)
			 : "memory");
	return ret;
}

/* One aligned word of the tracee. */
static int peek_word(int pid, unsigned long addr, unsigned long *word)
{
	return ptrace_raw(PTRACE_PEEKDATA, pid, addr, (unsigned long)word) < 0
		       ? -1
		       : 0;
}

int peek_mem(int pid, unsigned long addr, void *buf, size_t len)
{
	unsigned char *out = buf;
	unsigned long word;

	while (len > 0) {
		unsigned long base = addr & ~3UL;
		size_t skip = addr - base;
		size_t n = 4 - skip < len ? 4 - skip : len;

		if (peek_word(pid, base, &word) < 0)
			return -1;
		memcpy(out, (unsigned char *)&word + skip, n);
		out += n;
		addr += n;
		len -= n;
	}
	return 0;
}

int peek_str(int pid, unsigned long addr, char *buf, int max)
{
	unsigned long word;
	int len = 0;

	if (!addr)
		return -1;
	while (len <= max) {
		unsigned long base = addr & ~3UL;
		int skip = addr - base;
		unsigned char *bytes = (unsigned char *)&word;
		int k;

		if (peek_word(pid, base, &word) < 0)
			return len > 0 ? len : -1;
		for (k = skip; k < 4; k++) {
			if (bytes[k] == '\0') {
				buf[len] = '\0';
				return len;
			}
			if (len == max) {
				buf[len] = '\0';
				return max + 1;
			}
			buf[len++] = bytes[k];
		}
		addr = base + 4;
	}
	buf[max] = '\0';
	return max + 1;
}
