/*
 * Between the host tests (built against the host's libc) and the kernel's
 * own files built on the host (kernel/exec.c, kernel/uaccess.c,
 * net/socket.c, with the kernel's headers and kernel_shim.c): plain types
 * only, since the two sides see different headers.
 */
#ifndef HOST_HARNESS_H
#define HOST_HARNESS_H

/* ---- kernel/exec.c's load_elf_binary (host_exec.c) ---- */
struct host_elf {
	int err; /* what load_elf_binary returned */
	unsigned long entry, phdr, start_code, start_brk, brk;
	int phnum;
};

/* Loads an ELF image into a fresh address space of at most max_pages
 * pages (page tables included), as execve would. */
void host_load_elf(const unsigned char *data, unsigned long size,
		   unsigned long max_pages, struct host_elf *out);
/* The loaded process's memory: 0, or -1 where a page is not mapped. */
int host_read_user(unsigned long addr, void *buf, unsigned long n);
int host_page_flags(unsigned long addr); /* PTE bits, or -1 */
unsigned long host_pages_used(void);

/* ---- kernel/uaccess.c (uaccess_test.c) ---- */
/* Maps [addr, addr + n) for the "current" process, in its page tables and
 * at the same address in this host process (writable < 0: only here, for
 * the stack to grow into). 0, or -1. */
int host_map_user(unsigned long addr, unsigned long n, int writable);
void host_set_stack_low(unsigned long addr); /* for stack growth */
int host_access_ok(unsigned long uaddr, unsigned long n, int write);
int host_copy_from_user(void *to, unsigned long ufrom, unsigned long n);
int host_copy_to_user(unsigned long uto, const void *from, unsigned long n);
long host_strncpy_from_user(char *dst, unsigned long usrc, long max);

/* ---- net/socket.c's sys_socketcall (socketcall_test.c) ---- */
/* What the kernel copied from user memory during the last call. */
struct host_copy {
	unsigned long from, n;
};
extern struct host_copy host_copies[16];
extern int host_ncopies;
long host_socketcall(int call, unsigned long args);

/* Kernel code reached a function the harness does not provide. */
void host_unexpected(const char *name);

#endif
