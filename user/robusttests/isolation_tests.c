/*
 * isolation: a program cannot read or write the kernel's memory or another
 * process's, cannot run privileged instructions, cannot load a segment it
 * has no right to. Every attempt runs in a child of its own, which must be
 * killed (SIGSEGV, SIGILL, SIGTRAP for int3) while everything else goes
 * on; the kernel prints one line about it ("general protection fault",
 * "segfault at ..."). Ports 7400-7499.
 */
#include "robusttests.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <asm/unistd.h>

#include "../testlib/sys.h"

#define KERNEL_TEXT 0xc0100000u
#define PAGE	    4096

/* Runs fn in a child; the child must die of one of the signals (0 ends
 * the list). Returns 0, or -1 after printing what happened instead. */
static int expect_killed(const char *what, int (*fn)(void *), int sig1,
			 int sig2)
{
	int status = wait_status_ms(spawn(fn, NULL), 5000), sig;

	sig = child_signal(status);
	if (sig && (sig == sig1 || sig == sig2))
		return 0;
	fail("%s: expected the program killed by %s%s%s, got %s", what,
	     signal_name(sig1), sig2 ? " or " : "",
	     sig2 ? signal_name(sig2) : "",
	     status == -ETIMEDOUT ? "a hang" : status_str(status));
	return -1;
}

/* ---- the kernel's memory, directly ---- */

static int read_kernel(void *arg)
{
	(void)arg;
	return *(volatile int *)KERNEL_TEXT;
}

static int write_kernel(void *arg)
{
	(void)arg;
	*(volatile int *)(KERNEL_TEXT + 0x1000) = 0x0badc0de;
	return 0;
}

static int write_kernel_top(void *arg)
{
	(void)arg;
	*(volatile int *)0xfffff000u = 1;
	return 0;
}

static int run_kernel_code(void *arg)
{
	(void)arg;
	((void (*)(void))KERNEL_TEXT)();
	return 0;
}

static void kernel_memory_direct(void)
{
	if (expect_killed("read 0xc0100000", read_kernel, SIGSEGV, 0) ||
	    expect_killed("write 0xc0101000", write_kernel, SIGSEGV, 0) ||
	    expect_killed("write 0xfffff000", write_kernel_top, SIGSEGV, 0) ||
	    expect_killed("call 0xc0100000", run_kernel_code, SIGSEGV, 0))
		return;
}

/* ---- the kernel's memory, through system calls ---- */

static void kernel_memory_via_syscalls(void)
{
	static const unsigned long where[] = { KERNEL_TEXT, 0xc0000000u,
					       0xfffff000u, 0xffffffffu };
	struct sockaddr_in a = loopback(7400);
	int p[2], zero, udp, len = sizeof(a);
	char buf[64];
	long ret;

	EXPECT_OK(LIBC(pipe(p)));
	EXPECT_OK(zero = LIBC(open("/dev/zero", O_RDONLY)));
	EXPECT_OK(udp = LIBC(socket(AF_INET, SOCK_DGRAM, 0)));
	EXPECT_OK(LIBC(bind(udp, (struct sockaddr *)&a, sizeof(a))));
	for (unsigned i = 0; i < sizeof(where) / sizeof(where[0]); i++) {
		unsigned long k = where[i];

		/* reading it: a pipe, a socket, uname */
		EXPECT_RET(-EFAULT, sys6(__NR_write, p[1], k, 16, 0, 0, 0));
		EXPECT_RET(-EFAULT, sys6(__NR_sendto, udp, k, 16, 0, (long)&a,
					 sizeof(a)));
		/* writing it: /dev/zero, a pipe with data, getsockname */
		EXPECT_RET(-EFAULT, sys6(__NR_read, zero, k, 16, 0, 0, 0));
		EXPECT_RET(4, write(p[1], "data", 4));
		EXPECT_RET(-EFAULT, sys6(__NR_read, p[0], k, 4, 0, 0, 0));
		EXPECT_RET(4, read(p[0], buf, 4)); /* still there */
		EXPECT_RET(-EFAULT, sys6(__NR_uname, k, 0, 0, 0, 0, 0));
		EXPECT_RET(-EFAULT,
			   sys6(__NR_getsockname, udp, k, (long)&len, 0, 0, 0));
		EXPECT_RET(-EFAULT, sys6(__NR_pipe, k, 0, 0, 0, 0, 0));
		EXPECT_RET(-EFAULT, sys6(__NR_gettimeofday, k, 0, 0, 0, 0, 0));
	}
	/* a buffer that starts in user memory (the top of the stack) and
	 * runs into the kernel's: nothing of the kernel comes out */
	ret = sys6(__NR_write, p[1], 0xbffffff8u, 16, 0, 0, 0);
	EXPECT(ret == -EFAULT || ret == 8,
	       "expected write of [0xbffffff8, 0xc0000008) to fail or stop at "
	       "0xc0000000, got %s",
	       result_str(ret));
	close(p[0]);
	close(p[1]);
	close(zero);
	close(udp);
}

/* ---- other processes' memory ---- */

static volatile unsigned long secret = 0x5ec7e7;

static int overwrite_secret(void *arg)
{
	(void)arg;
	secret = 0xbad;
	return secret == 0xbad ? 0 : 1;
}

static int read_secret(void *arg)
{
	(void)arg;
	return secret == 0x5ec7e7 ? 0 : 1;
}

/* Fills 8 MiB with a marker and exits; its pages go back to the kernel. */
static int leave_marks(void *arg)
{
	unsigned long start = sys6(__NR_brk, 0, 0, 0, 0, 0, 0);
	unsigned long end = sys6(__NR_brk, start + (8 << 20), 0, 0, 0, 0, 0);

	(void)arg;
	for (unsigned long *w = (unsigned long *)start;
	     w < (unsigned long *)end; w++)
		*w = 0x6d61726b; /* "mark" */
	return end == start + (8 << 20) ? 0 : 1;
}

/* New memory (brk, mmap, a growing stack) must come zeroed. */
static int find_marks(void *arg)
{
	unsigned long start = sys6(__NR_brk, 0, 0, 0, 0, 0, 0);
	unsigned long end = sys6(__NR_brk, start + (12 << 20), 0, 0, 0, 0, 0);
	long map = sys6(__NR_mmap2, 0, 4 << 20, 3, 0x22, -1, 0);

	(void)arg;
	for (unsigned long *w = (unsigned long *)start;
	     w < (unsigned long *)end; w++)
		if (*w)
			return 2;
	if (map < 0 && map > -4096)
		return 3;
	for (unsigned long *w = (unsigned long *)map;
	     w < (unsigned long *)(map + (4 << 20)); w++)
		if (*w)
			return 4;
	return 0;
}

static void other_process_memory(void)
{
	int status;

	status = wait_status(spawn(overwrite_secret, NULL));
	EXPECT(status == 0, "expected the child to change its own copy, got %s",
	       status_str(status));
	EXPECT(secret == 0x5ec7e7,
	       "expected our variable untouched by the "
	       "child, got %#lx",
	       secret);
	status = wait_status(spawn(read_secret, NULL));
	EXPECT(status == 0, "expected a second child to see our value, got %s",
	       status_str(status));
	status = wait_status(spawn(leave_marks, NULL));
	EXPECT(status == 0, "expected 8 MiB for the marks, got %s",
	       status_str(status));
	status = wait_status(spawn(find_marks, NULL));
	EXPECT(status == 0,
	       "expected fresh memory zeroed, got %s (2: brk, 3: "
	       "no mmap, 4: mmap showed another process's data)",
	       status_str(status));
	/* ptrace is only for a tracer and its own tracees */
	EXPECT_RET(-ESRCH,
		   sys6(__NR_ptrace, 2 /* PEEKDATA */, 1, 0x08048000, 0, 0, 0));
	EXPECT_RET(-ESRCH,
		   sys6(__NR_ptrace, 8 /* KILL */, getppid(), 0, 0, 0, 0));
}

/* ---- privileged instructions ---- */

#define INSN(name, text)                                                  \
	static int name(void *arg)                                        \
	{                                                                 \
		(void)arg;                                                \
		__asm__ volatile(text ::: "memory", "eax", "ecx", "edx"); \
		return 0;                                                 \
	}

INSN(do_cli, "cli")
INSN(do_sti, "sti")
INSN(do_hlt, "hlt")
INSN(do_in, "in $0x60, %%al")
INSN(do_out_exit, "mov $0xf4, %%dx\n\tmov $0x31, %%al\n\toutb %%al, %%dx")
INSN(do_insw, "mov $0x1f0, %%dx\n\tinsw")
INSN(do_lgdt, "sub $8, %%esp\n\tlgdt (%%esp)\n\tadd $8, %%esp")
INSN(do_lidt, "sub $8, %%esp\n\tlidt (%%esp)\n\tadd $8, %%esp")
INSN(do_lldt, "xor %%eax, %%eax\n\tlldt %%ax")
INSN(do_ltr, "mov $0x28, %%eax\n\tltr %%ax")
INSN(do_read_cr0, "mov %%cr0, %%eax")
INSN(do_write_cr3, "xor %%eax, %%eax\n\tmov %%eax, %%cr3")
INSN(do_wbinvd, "wbinvd")
INSN(do_invlpg, "invlpg (0)")
INSN(do_rdmsr, "xor %%ecx, %%ecx\n\trdmsr")
INSN(do_wrmsr,
     "mov $0x10, %%ecx\n\txor %%eax, %%eax\n\txor %%edx, %%edx\n\twrmsr")
INSN(do_clts, "clts")
INSN(do_write_dr7, "mov $0x400, %%eax\n\tmov %%eax, %%db7")
INSN(do_ud2, "ud2")

static void privileged_instructions(void)
{
	static const struct {
		const char *what;
		int (*fn)(void *);
	} insns[] = {
		{ "cli", do_cli },
		{ "sti", do_sti },
		{ "hlt", do_hlt },
		{ "in $0x60", do_in },
		{ "out to 0xf4 (isa-debug-exit)", do_out_exit },
		{ "insw from 0x1f0", do_insw },
		{ "lgdt", do_lgdt },
		{ "lidt", do_lidt },
		{ "lldt", do_lldt },
		{ "ltr", do_ltr },
		{ "mov %cr0", do_read_cr0 },
		{ "mov to %cr3", do_write_cr3 },
		{ "wbinvd", do_wbinvd },
		{ "invlpg", do_invlpg },
		{ "rdmsr", do_rdmsr },
		{ "wrmsr", do_wrmsr },
		{ "clts", do_clts },
		{ "mov to %db7", do_write_dr7 },
	};

	for (unsigned i = 0; i < sizeof(insns) / sizeof(insns[0]); i++)
		if (expect_killed(insns[i].what, insns[i].fn, SIGSEGV, SIGILL))
			return;
	/* an undefined instruction is SIGILL, exactly */
	expect_killed("ud2", do_ud2, SIGILL, 0);
	/* iopl (110) and ioperm (101) do not hand out the ports */
	EXPECT(sys6(110, 3, 0, 0, 0, 0, 0) < 0, "expected iopl(3) to fail");
	EXPECT(sys6(101, 0x60, 1, 1, 0, 0, 0) < 0,
	       "expected ioperm(0x60) to fail");
	expect_killed("in after iopl", do_in, SIGSEGV, SIGILL);
}

/* ---- segments ---- */

INSN(load_ds_ffff, "mov $0xffff, %%eax\n\tmov %%eax, %%ds")
INSN(load_ds_kernel_code, "mov $0x08, %%eax\n\tmov %%eax, %%ds")
INSN(load_ds_kernel_data, "mov $0x10, %%eax\n\tmov %%eax, %%ds")
INSN(load_ds_kernel_rpl3, "mov $0x13, %%eax\n\tmov %%eax, %%ds")
INSN(load_fs_tss, "mov $0x28, %%eax\n\tmov %%eax, %%fs")
INSN(load_ss_kernel, "mov $0x10, %%eax\n\tmov %%eax, %%ss")
INSN(load_ss_user_code, "mov $0x1b, %%eax\n\tmov %%eax, %%ss")
INSN(load_gs_beyond_gdt, "mov $0x7ffb, %%eax\n\tmov %%eax, %%gs")
INSN(load_fs_ldt0, "mov $0x7, %%eax\n\tmov %%eax, %%fs")
INSN(far_jump_kernel, "ljmp $0x08, $0")
INSN(far_call_kernel, "lcall $0x08, $0")
INSN(far_jump_tss, "ljmp $0x28, $0")
INSN(far_call_ldt, "lcall $0x0f, $0")
INSN(iret_to_kernel,
     "pushf\n\tpush $0x08\n\tpush $0\n\tiret") /* to cs 0x08 at 0 */
INSN(lret_to_kernel, "push $0x08\n\tpush $0\n\tlret")
INSN(int_page_fault, "int $0x0e")
INSN(int_gp, "int $0x0d")
INSN(int_double_fault, "int $0x08")
INSN(int_timer, "int $0x20")
INSN(int_keyboard, "int $0x21")
INSN(int_spurious, "int $0x27")
INSN(int_nic, "int $0x2b")
INSN(int_ff, "int $0xff")
INSN(int3, "int3")
INSN(into_overflow, "mov $0x7fffffff, %%eax\n\tadd $1, %%eax\n\t.byte 0xce")

static void bad_segments(void)
{
	static const struct {
		const char *what;
		int (*fn)(void *);
		int sig1, sig2;
	} cases[] = {
		{ "mov 0xffff to %ds", load_ds_ffff, SIGSEGV, 0 },
		{ "mov the kernel's code selector to %ds", load_ds_kernel_code,
		  SIGSEGV, 0 },
		{ "mov the kernel's data selector to %ds", load_ds_kernel_data,
		  SIGSEGV, 0 },
		{ "mov 0x13 to %ds", load_ds_kernel_rpl3, SIGSEGV, 0 },
		{ "mov the TSS selector to %fs", load_fs_tss, SIGSEGV, 0 },
		{ "mov the kernel's data selector to %ss", load_ss_kernel,
		  SIGSEGV, 0 },
		{ "mov a code selector to %ss", load_ss_user_code, SIGSEGV, 0 },
		{ "mov a selector beyond the GDT to %gs", load_gs_beyond_gdt,
		  SIGSEGV, 0 },
		{ "mov an LDT selector to %fs", load_fs_ldt0, SIGSEGV, 0 },
		{ "ljmp to the kernel's code segment", far_jump_kernel, SIGSEGV,
		  0 },
		{ "lcall to the kernel's code segment", far_call_kernel,
		  SIGSEGV, 0 },
		{ "ljmp to the TSS (a task switch)", far_jump_tss, SIGSEGV, 0 },
		{ "lcall through an LDT selector", far_call_ldt, SIGSEGV, 0 },
		{ "iret to the kernel's code segment", iret_to_kernel, SIGSEGV,
		  0 },
		{ "lret to the kernel's code segment", lret_to_kernel, SIGSEGV,
		  0 },
		{ "int $0x0e (the page fault vector)", int_page_fault, SIGSEGV,
		  0 },
		{ "int $0x0d", int_gp, SIGSEGV, 0 },
		{ "int $0x08 (double fault)", int_double_fault, SIGSEGV, 0 },
		{ "int $0x20 (the timer's IRQ)", int_timer, SIGSEGV, 0 },
		{ "int $0x21 (the keyboard's IRQ)", int_keyboard, SIGSEGV, 0 },
		{ "int $0x27", int_spurious, SIGSEGV, 0 },
		{ "int $0x2b (the NIC's IRQ)", int_nic, SIGSEGV, 0 },
		{ "int $0xff", int_ff, SIGSEGV, 0 },
		{ "int3", int3, SIGTRAP, SIGSEGV },
		{ "into after an overflow", into_overflow, SIGSEGV, SIGILL },
	};

	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (expect_killed(cases[i].what, cases[i].fn, cases[i].sig1,
				  cases[i].sig2))
			return;
}

/* ---- a syscall returns nothing of the kernel in the registers ---- */

static void registers_after_syscall(void)
{
	unsigned long b = 0x11111111, c = 0x22222222, d = 0x33333333,
		      s = 0x44444444, di = 0x55555555, ret;

	__asm__ volatile("int $0x80"
			 : "=a"(ret), "+b"(b), "+c"(c), "+d"(d), "+S"(s),
			   "+D"(di)
			 : "a"(__NR_getpid)
			 : "memory");
	EXPECT(b == 0x11111111 && c == 0x22222222 && d == 0x33333333 &&
		       s == 0x44444444 && di == 0x55555555,
	       "expected ebx..edi kept across getpid, got %lx %lx %lx %lx %lx",
	       b, c, d, s, di);
	(void)ret;
}

/* ---- socketcall reads exactly its arguments ---- */

/* Each sub-call's argument block, ending exactly where the mapped memory
 * ends: it is read (the call fails for another reason, or works); one
 * byte shorter, it is EFAULT. So the kernel reads Linux's nargs[call]
 * longs, no more, no less. */
static void socketcall_block_at_page_end(void)
{
	static const unsigned char nargs[21] = { 0, 3, 3, 3, 2, 3, 3,
						 3, 4, 4, 4, 6, 6, 2,
						 5, 5, 3, 3, 4, 5, 4 };
	long base = sys6(__NR_mmap2, 0, 2 * PAGE, 3, 0x22, -1, 0), ret;
	unsigned long edge = (unsigned long)base + PAGE, args[6];
	int sv[2];

	EXPECT(base > 0 || base < -4095, "expected mmap2 to work, got %s",
	       result_str(base));
	EXPECT_RET(0, sys6(__NR_munmap, base + PAGE, PAGE, 0, 0, 0, 0));
	for (int call = 1; call <= 20; call++) {
		unsigned long n = 4 * nargs[call];

		memset(args, 0, sizeof(args));
		args[0] = (unsigned long)-1; /* no such descriptor */
		if (call == 1 || call == 8) { /* socket, socketpair */
			args[0] = call == 1 ? 2 /* AF_INET */ : 1 /* AF_UNIX */;
			args[1] = call == 1 ? 2 /* SOCK_DGRAM */ : 1;
			args[3] = (unsigned long)sv;
		}
		memcpy((void *)(edge - n), args, n);
		ret = sys6(__NR_socketcall, call, edge - n, 0, 0, 0, 0);
		EXPECT(ret != -EFAULT,
		       "socketcall(%d) with its %lu bytes of arguments at the "
		       "end of a page: expected them read, got EFAULT",
		       call, n);
		if (call == 1 && ret >= 0)
			close((int)ret);
		if (call == 8 && ret == 0)
			close(sv[0]), close(sv[1]);
		memcpy((void *)(edge - n + 1), args, n - 1);
		ret = sys6(__NR_socketcall, call, edge - n + 1, 0, 0, 0, 0);
		EXPECT_RET(-EFAULT, ret);
	}
	sys6(__NR_munmap, base, PAGE, 0, 0, 0, 0);
}

/* ---- kernel bugs the fuzzer found: fixed ones always run, known ones are
 * skipped without -K ---- */

/* Bug ldt-from-user-memory (fixed): no LDT is loaded with lldt, so the LDTR keeps
 * its reset value (base 0, limit 0xffff) and LDT selectors read their
 * descriptors from user memory at linear 0-0xffff: a program maps 0x1000
 * with mmap2 and loads a segment of its own making, or calls through a
 * call gate it wrote there into its own code at CPL 0 (tried by hand: cs
 * reads 0x08). The fix: lldt with a null selector at boot (and no user
 * mappings below 64 KiB, as Linux's mmap_min_addr). */
static int ldt_from_user_memory_child(void *arg)
{
	static const unsigned char data_segment[8] = { 0xff, 0xff, 0,	 0,
						       0,    0xf2, 0xcf, 0 };
	long page = sys6(__NR_mmap2, 0x1000, PAGE, 3, 0x32, -1, 0);

	(void)arg;
	if (page != 0x1000)
		return 9; /* cannot map there: nothing to test */
	memcpy((void *)0x1000, data_segment, 8);
	__asm__ volatile("mov $0x1007, %%eax\n\t"
			 "mov %%eax, %%fs\n\t"
			 "xor %%eax, %%eax\n\t"
			 "mov %%eax, %%fs" ::
				 : "eax");
	return 0; /* the load worked: the LDT is ours */
}

static void ldt_from_user_memory(void)
{
	int status =
		wait_status_ms(spawn(ldt_from_user_memory_child, NULL), 5000);

	if (status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 9) {
		skip("mmap2 cannot map 0x1000");
		return;
	}
	EXPECT(child_signal(status) == SIGSEGV,
	       "expected loading an LDT selector to fail (SIGSEGV), got %s: "
	       "the LDT is read from user memory at linear 0",
	       status_str(status));
}

/* Bug clone-settid-kernel (fixed): clone(CLONE_CHILD_SETTID) writes the child's
 * pid at child_tid through the child's page directory without checking
 * the address: a kernel address is an oops. */
static void clone_settid_kernel(void)
{
	long pid =
		sys6(__NR_clone, 0x01000000 | SIGCHLD, 0, 0, 0, 0xc0001000, 0);

	if (pid == 0)
		_exit(0);
	EXPECT(pid > 0 || pid == -EFAULT,
	       "expected clone to work or say EFAULT, got %s", result_str(pid));
	if (pid > 0)
		wait_status((pid_t)pid);
}

/* Bug sigreturn-fs-gs (fixed): sigreturn takes gs and fs from the frame as they
 * are; returning to user mode with a bad one faults in the kernel. */
static int sigreturn_bad_fs_child(void *arg)
{
	static unsigned long frame[64];

	(void)arg;
	memset(frame, 0, sizeof(frame));
	frame[2] = 0xffff; /* sigcontext.gs, at the stack pointer + 0 */
	frame[3] = 0xffff; /* sigcontext.fs */
	__asm__ volatile("mov %%ecx, %%esp\n\t"
			 "int $0x80" ::"a"(__NR_sigreturn),
			 "c"(frame + 2)
			 : "memory");
	return 0;
}

static void sigreturn_bad_fs(void)
{
	expect_killed("sigreturn with fs = gs = 0xffff", sigreturn_bad_fs_child,
		      SIGSEGV, 0);
}

/* Bug send-on-listener (fixed): a send on a listening TCP socket ends in lwIP's
 * tcp_output on the listen pcb: an assertion and a panic. */
static void send_on_listener(void)
{
	int listener = tcp_listener(7401, 1);

	EXPECT_OK(listener);
	signal(SIGPIPE, SIG_IGN);
	EXPECT(LIBC(send(listener, "x", 1, 0)) < 0,
	       "expected send on a listening socket to fail");
	close(listener);
}

/* set_thread_area emptying the TLS slot %gs is loaded with: the return to
 * user mode cannot load that selector again; %gs comes back null (as
 * Linux), where once the kernel faulted in its own `pop %gs`. */
static int empty_slot_under_gs(void *arg)
{
	static int tls_word;
	/* struct user_desc: entry, base, limit, then seg_32bit (1),
	 * limit_in_pages (0x10), useable (0x40) */
	unsigned int desc[4] = { (unsigned int)-1,
				 (unsigned int)(unsigned long)&tls_word,
				 0xfffff, 0x51 };
	unsigned int gs;

	(void)arg;
	if (sys6(243 /* set_thread_area */, (long)desc, 0, 0, 0, 0, 0) < 0)
		return 2;
	gs = desc[0] << 3 | 3;
	__asm__ volatile("mov %0, %%gs" : : "r"(gs));
	desc[1] = desc[2] = 0;
	desc[3] = 0x20; /* seg_not_present: an empty slot */
	if (sys6(243, (long)desc, 0, 0, 0, 0, 0) < 0)
		return 3;
	__asm__ volatile("mov %%gs, %0" : "=r"(gs));
	return gs == 0 ? 0 : 4;
}

static void tls_slot_emptied_under_gs(void)
{
	pid_t pid = spawn(empty_slot_under_gs, NULL);
	int status;

	EXPECT_OK(pid);
	status = wait_status_ms(pid, 3000);
	EXPECT(status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	       "expected the program to go on with a null %%gs (exit 0), got "
	       "%s",
	       status == -ETIMEDOUT ? "a hang" : status_str(status));
}

/* Nothing of a program's goes below mmap_min_addr (64 KiB, as Linux), so a
 * kernel bug following a NULL pointer can never land in memory a program
 * filled; and a fixed mapping cannot wrap around into the kernel. */
static void low_mappings_refused(void)
{
	const long rw = 3,
		   fixed_anon = 0x10 | 0x20 | 0x02; /* FIXED|ANON|PRIVATE */
	const unsigned long refused[] = { 0, 0x1000, 0xf000 };
	long addr;

	for (unsigned i = 0; i < sizeof(refused) / sizeof(refused[0]); i++)
		EXPECT_RET(-EPERM, sys6(192 /* mmap2 */, (long)refused[i], 4096,
					rw, fixed_anon, -1, 0));
	EXPECT_RET(-EINVAL, sys6(192, (long)0xfffff000ul, 0x2000, rw,
				 fixed_anon, -1, 0));
	addr = sys6(192, 0x10000, 4096, rw, fixed_anon, -1, 0);
	EXPECT_RET(0x10000, addr);
	*(volatile char *)addr = 1;
	EXPECT_RET(0, sys6(91 /* munmap */, addr, 4096, 0, 0, 0, 0));
}

/* Sleeps longer than jiffies can count ahead (400 days here) sleep: once
 * the tick count wrapped and they returned at once. */
static int long_sleep(void *arg)
{
	long which = (long)arg;
	struct timespec ts = { 400L * 86400, 0 };

	if (which == 0)
		sys6(162 /* nanosleep */, (long)&ts, 0, 0, 0, 0, 0);
	else if (which == 1)
		sys6(309 /* ppoll */, 0, 0, (long)&ts, 0, 0, 0);
	else
		sys6(308 /* pselect6 */, 0, 0, 0, 0, (long)&ts, 0);
	return 0;
}

static void long_sleeps_sleep(void)
{
	static const char *const names[] = { "nanosleep", "ppoll", "pselect6" };

	for (long which = 0; which < 3; which++) {
		pid_t pid = spawn(long_sleep, (void *)which);
		int status;

		EXPECT_OK(pid);
		sleep_ms(300);
		EXPECT(LIBC(waitpid(pid, &status, WNOHANG)) == 0,
		       "expected a %s of 400 days to go on sleeping, got it "
		       "back within 300 ms",
		       names[which]);
		kill(pid, SIGKILL);
		EXPECT_OK(wait_status(pid));
	}
}

/* A listener stopped by connect(AF_UNSPEC) or shutdown(SHUT_RD) is a fresh
 * socket again: it connects and carries data both ways. Once the first
 * ended in lwIP's assertion (tcp_recv on a listen pcb) and the second
 * dropped every byte it received (a listener has no receive ring). */
static void listener_stopped_then_connected(void)
{
	for (int how = 0; how < 2; how++) {
		struct sockaddr unspec = { AF_UNSPEC, { 0 } };
		int l = tcp_listener(7402, 2), server, c, acc = 0, len = 4;
		char buf[4];

		EXPECT_OK(l);
		EXPECT_OK(c = tcp_connect(7402)); /* queued, never accepted */
		if (how == 0)
			EXPECT_RET(0,
				   LIBC(connect(l, &unspec, sizeof(unspec))));
		else
			EXPECT_RET(0, LIBC(shutdown(l, SHUT_RD)));
		EXPECT_RET(0, LIBC(getsockopt(l, SOL_SOCKET, SO_ACCEPTCONN,
					      &acc, (socklen_t *)&len)));
		EXPECT(acc == 0, "expected the %s listener to stop listening",
		       how ? "shut down" : "AF_UNSPEC-connected");
		close(c);
		EXPECT_OK(server = tcp_listener(7403, 1));
		EXPECT_RET(0, connect_within(l, 7403, 3000));
		EXPECT_OK(c = LIBC(accept(server, NULL, NULL)));
		EXPECT_RET(4, LIBC(write(c, "ping", 4)));
		EXPECT_RET(4, read_full(l, buf, 4));
		EXPECT(!memcmp(buf, "ping", 4), "expected ping, got %.4s", buf);
		EXPECT_RET(4, LIBC(write(l, "pong", 4)));
		EXPECT_RET(4, read_full(c, buf, 4));
		close(c);
		close(server);
		close(l);
	}
}

/* Sends fd over the AF_UNIX socket `over` with SCM_RIGHTS, one byte "x". */
static long send_fd(int over, int fd)
{
	char control[sizeof(struct cmsghdr) + sizeof(int)];
	struct cmsghdr *cm = (struct cmsghdr *)control;
	struct iovec iov = { "x", 1 };
	struct msghdr msg;

	memset(&msg, 0, sizeof(msg));
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = control;
	msg.msg_controllen = sizeof(control);
	cm->cmsg_len = sizeof(control);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	memcpy(control + sizeof(*cm), &fd, sizeof(int));
	return LIBC(sendmsg(over, &msg, 0));
}

/* The fd that came with one byte on `on`, or -errno (-ENOENT: none came). */
static long recv_fd(int on)
{
	char control[sizeof(struct cmsghdr) + sizeof(int)] = { 0 }, byte = 0;
	struct cmsghdr *cm = (struct cmsghdr *)control;
	struct iovec iov = { &byte, 1 };
	struct msghdr msg;
	int fd;
	long n;

	memset(&msg, 0, sizeof(msg));
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = control;
	msg.msg_controllen = sizeof(control);
	n = LIBC(recvmsg(on, &msg, 0));
	if (n < 0)
		return n;
	if (msg.msg_controllen < sizeof(control) || cm->cmsg_type != SCM_RIGHTS)
		return -ENOENT;
	memcpy(&fd, control + sizeof(*cm), sizeof(int));
	return fd;
}

/* An AF_UNIX socket made and closed: a release, which runs the collector. */
static void release_one(void)
{
	int fd = socket(AF_UNIX, SOCK_DGRAM, 0);

	if (fd >= 0)
		close(fd);
}

/* Sockets whose only references are in messages queued on themselves
 * (SCM_RIGHTS) can never be received: the garbage collector of files in
 * flight frees them (net/unix/garbage.c; once they leaked, the fuzzer's bug
 * unix-rights-cycle). Here a socket in its own queue, closed in either
 * order, two streams each in the other's queue, and a listener holding a
 * connection that holds the listener. */
static void unix_rights_cycle(void)
{
	struct counters before, after;
	int sv[2], tv[2], l, c;
	struct sockaddr_un a = { AF_UNIX, "/tmp/robust-gc.sock" };

	read_counters(&before);
	EXPECT_OK(LIBC(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv)));
	EXPECT_RET(1, send_fd(sv[1], sv[0])); /* sv[0] into its own queue */
	close(sv[0]);
	close(sv[1]);

	EXPECT_OK(LIBC(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv)));
	EXPECT_RET(1, send_fd(sv[1], sv[0]));
	close(sv[1]); /* the other order: freed at the next release */
	close(sv[0]);
	release_one();

	EXPECT_OK(LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, sv)));
	EXPECT_OK(LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, tv)));
	EXPECT_RET(1, send_fd(sv[1], tv[0])); /* tv[0] waits in sv[0] */
	EXPECT_RET(1, send_fd(tv[1], sv[0])); /* sv[0] waits in tv[0] */
	close(sv[0]);
	close(sv[1]);
	close(tv[0]);
	close(tv[1]);

	unlink(a.sun_path);
	EXPECT_OK(l = LIBC(socket(AF_UNIX, SOCK_STREAM, 0)));
	EXPECT_OK(LIBC(bind(l, (struct sockaddr *)&a, sizeof(a))));
	EXPECT_OK(LIBC(listen(l, 4)));
	EXPECT_OK(c = LIBC(socket(AF_UNIX, SOCK_STREAM, 0)));
	EXPECT_OK(LIBC(connect(c, (struct sockaddr *)&a, sizeof(a))));
	EXPECT_RET(1, send_fd(c, l)); /* in the connection nobody accepted */
	close(l);
	close(c);
	unlink(a.sun_path);

	read_counters(&after);
	EXPECT(after.sockets == before.sockets,
	       "expected every socket of the cycles freed, got %ld of them "
	       "left",
	       after.sockets - before.sockets);
}

/* The collector must not take what can still be received: a socket whose
 * last reference waits in the queue of a socket with an fd comes out
 * alive, with the data queued on it, and so does one it holds in turn. */
static void unix_rights_reachable(void)
{
	int sv[2], tv[2], uv[2];
	long got, got2;
	char buf[8];

	EXPECT_OK(LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, sv)));
	EXPECT_OK(LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, tv)));
	EXPECT_OK(LIBC(socketpair(AF_UNIX, SOCK_STREAM, 0, uv)));
	EXPECT_RET(5, LIBC(write(tv[1], "hello", 5)));
	EXPECT_RET(1, send_fd(tv[1], uv[0])); /* uv[0] waits in tv[0] */
	EXPECT_RET(1, send_fd(sv[1], tv[0])); /* tv[0] waits in sv[0] */
	close(uv[0]);
	close(tv[0]);
	close(tv[1]);
	release_one(); /* a collection, with both in flight only */
	EXPECT_OK(got = recv_fd(sv[0]));
	EXPECT_RET(5, LIBC(read(got, buf, 5)));
	EXPECT(!memcmp(buf, "hello", 5),
	       "expected the data queued on the socket in flight, got %.5s",
	       buf);
	EXPECT_OK(got2 = recv_fd(got));
	EXPECT_RET(2, LIBC(write(uv[1], "hi", 2)));
	EXPECT_RET(2, LIBC(read(got2, buf, 2)));
	close(got);
	close(got2);
	close(sv[0]);
	close(sv[1]);
	close(uv[1]);
}

/* ppoll and pselect6 install a signal mask the caller gives for the wait:
 * one with every signal blocked must still leave SIGKILL deliverable, as
 * rt_sigprocmask and sigreturn do (once it did not, and the process slept
 * for ever: the fuzzer's bug ppoll-blocks-sigkill). */
static int sleep_all_blocked(void *arg)
{
	unsigned long long all = ~0ULL;
	unsigned long sig[2] = { (unsigned long)&all, 8 };

	if (arg)
		sys6(308 /* pselect6 */, 0, 0, 0, 0, 0, (long)sig);
	else
		sys6(309 /* ppoll */, 0, 0, 0, (long)&all, 8, 0);
	return 0;
}

static void masked_sleep_killable(void)
{
	for (int pselect = 0; pselect < 2; pselect++) {
		pid_t pid =
			spawn(sleep_all_blocked, pselect ? (void *)1 : NULL);
		int status;

		EXPECT_OK(pid);
		sleep_ms(200); /* asleep with every signal blocked */
		kill(pid, SIGKILL);
		status = wait_status_ms(pid, 3000);
		EXPECT(child_signal(status) == SIGKILL,
		       "expected SIGKILL to end a process asleep in %s with "
		       "every signal blocked, got %s",
		       pselect ? "pselect6" : "ppoll",
		       status == -ETIMEDOUT ? "nothing (it cannot be killed)"
					    : status_str(status));
	}
}

const struct test_case isolation_tests[] = {
	{ "kernel_memory_direct", kernel_memory_direct, NULL },
	{ "kernel_memory_via_syscalls", kernel_memory_via_syscalls, NULL },
	{ "other_process_memory", other_process_memory, NULL },
	{ "privileged_instructions", privileged_instructions, NULL },
	{ "bad_segments", bad_segments, NULL },
	{ "registers_after_syscall", registers_after_syscall, NULL },
	{ "socketcall_block_at_page_end", socketcall_block_at_page_end, NULL },
	{ "ldt_from_user_memory", ldt_from_user_memory, NULL },
	{ "clone_settid_kernel", clone_settid_kernel, NULL },
	{ "sigreturn_bad_fs", sigreturn_bad_fs, NULL },
	{ "send_on_listener", send_on_listener, NULL },
	{ "masked_sleep_killable", masked_sleep_killable, NULL },
	{ "tls_slot_emptied_under_gs", tls_slot_emptied_under_gs, NULL },
	{ "long_sleeps_sleep", long_sleeps_sleep, NULL },
	{ "listener_stopped_then_connected", listener_stopped_then_connected,
	  NULL },
	{ "low_mappings_refused", low_mappings_refused, NULL },
	{ "unix_rights_cycle", unix_rights_cycle, NULL },
	{ "unix_rights_reachable", unix_rights_reachable, NULL },
	{ NULL, NULL, NULL },
};
