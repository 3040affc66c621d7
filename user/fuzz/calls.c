/*
 * Which call to make and with what. Half of the calls are socket calls
 * (socketcall 102 with a sub-call 0..21 and an argument block, or the direct
 * socket syscalls 359-373, 337, 345); the rest are the other syscalls
 * MenuOS has, and random numbers. Every number the kernel knows gets
 * arguments of the right shape, sometimes right and mostly wrong; a number
 * it does not know gets junk, unless Linux gives that number a job that
 * could hurt the machine around the fuzzer (reboot, kill, rename, mount,
 * ...): those are never made with junk.
 *
 * What the fuzzer must not do: reboot; signal init, the shell or its own
 * parent; ptrace anyone else; run a real program; touch a file outside
 * /tmp/fuzz-*; change an interface or a route; send a packet anywhere but
 * to this machine. Everything else is fair.
 */
#include "fuzz.h"

#include <string.h>

#include <asm/unistd.h>
#include <linux/in.h>
#include <linux/socket.h>
#include <linux/net.h>

/* Linux i386 numbers with a job that junk must not reach (a pid, a path
 * outside /tmp, the machine's clock or devices, privileges): the ones MenuOS
 * has get careful arguments below; the others are never made. */
static const short never_with_junk[] = {
	9,   14,  15,  16,  21,	 22,  23,  25,	26,  29,  34,  37,  38,	 39,
	40,  51,  52,  61,  70,	 71,  72,  74,	75,  79,  83,  86,  87,	 88,
	92,  93,  94,  95,  97,	 101, 103, 110, 111, 113, 115, 121, 123, 124,
	128, 129, 131, 135, 136, 138, 139, 154, 156, 164, 166, 169, 170, 172,
	179, 182, 198, 203, 204, 208, 210, 212, 213, 214, 215, 216, 217, 226,
	227, 228, 231, 232, 233, 234, 235, 236, 238, 264, 270, 271, 283, 284,
	286, 287, 288, 297, 298, 302, 303, 304, 306, 310, 311, 336, 341, 346,
	347, 348, 349, 350, 353, 354, 357, 378, 380, 424, 428, 429, 430, 431,
	432, 433, 434, 436, 437, 438, 439,
};

static int must_not_junk(long nr)
{
	for (unsigned i = 0; i < ARRAY_SIZE(never_with_junk); i++)
		if (never_with_junk[i] == nr)
			return 1;
	return 0;
}

/* ---- the other syscalls ---- */

static uint32_t open_flags(void)
{
	static const uint32_t bits[] = { 0x40 /* O_CREAT */,
					 0x80 /* O_EXCL */,
					 0x200 /* O_TRUNC */,
					 0x400 /* O_APPEND */,
					 0x800 /* O_NONBLOCK */,
					 0x10000 /* O_DIRECTORY */,
					 0x80000 /* O_CLOEXEC */,
					 0x20000 /* O_NOFOLLOW */ };
	uint32_t f = below(3);

	for (int i = 0; i < 3; i++)
		if (chance(30))
			f |= PICK(bits);
	return chance(92) ? f : rnd();
}

/* open: anything goes in /tmp/fuzz-*; elsewhere only reading. */
static void open_args(unsigned long *path, unsigned long *flags)
{
	if (chance(50)) {
		*path = tmp_path();
		*flags = open_flags();
	} else {
		*path = look_path();
		*flags = open_flags() & (0x800 | 0x10000 | 0x80000 | 0x20000);
	}
}

static uint32_t ioctl_request(void)
{
	static const uint32_t requests[] = {
		0x5401, 0x5402, 0x5403, 0x5404, 0x540f, 0x5410, 0x5413,
		0x5414, 0x541b, 0x5421, 0x5450, 0x5451, 0x5411, 0x540e,
		0x5422, 0x8910, 0x8912, 0x8913, 0x8915, 0x8919, 0x891b,
		0x8921, 0x8927, 0x8933, 0x8905, 0x8906, 0x894c,
	};
	uint32_t r;

	if (chance(85))
		return PICK(requests);
	r = rnd();
	/* never an interface or routing change (SIOCS*, SIOCADDRT...) */
	if ((r & 0xff00) == 0x8900)
		r = 0x8913;
	return r;
}

/* ioctl's argument: an ifreq naming lo or eth0 (or junk), an int, or any. */
static unsigned long ioctl_arg(void)
{
	char *r;

	switch (below(4)) {
	case 0:
		r = scratch(40);
		fill_random(r, 40);
		strcpy(r, chance(50) ? "lo" : "eth0");
		if (chance(15))
			memset(r, 'e', 16); /* no NUL */
		return (unsigned long)r;
	case 1:
		return int_ptr(any_value());
	default:
		return any_ptr();
	}
}

static uint32_t signal_number(void)
{
	return chance(90) ? below(66) : any_value();
}

/* A pid for kill, tgkill, wait, setpgid, ptrace, prlimit: ourselves, our
 * group, a child of ours, or nobody. Never 1, the shell, or our parent. */
static uint32_t pid_arg(int may_be_zero)
{
	switch (below(7)) {
	case 6: /* the batch's own traced child */
		return partner_pid() > 0 ? (uint32_t)partner_pid()
					 : (uint32_t)self_pid();
	case 0:
		return (uint32_t)-self_pid();
	case 1:
		return (uint32_t)other_pid();
	case 2:
		return (uint32_t)-other_pid();
	case 3:
		return may_be_zero ? 0 : (uint32_t)self_pid();
	default:
		return (uint32_t)self_pid();
	}
}

static unsigned long sigaction_ptr(void)
{
	uint32_t *sa;

	if (chance(15))
		return chance(50) ? 0 : bad_ptr();
	sa = scratch(20);
	switch (below(6)) {
	case 0:
		sa[0] = 0; /* SIG_DFL */
		break;
	case 1:
		sa[0] = 1; /* SIG_IGN */
		break;
	case 2:
	case 3: /* a real handler: the frame is built, and sigreturn used */
		sa[0] = (uint32_t)(unsigned long)fuzz_handler;
		break;
	default: /* a handler that is not one: text, nothing, the kernel */
		sa[0] = (uint32_t)bad_ptr();
	}
	/* SA_RESTORER with ours or a bad one, SA_SIGINFO, SA_RESTART... */
	sa[1] = chance(70) ? (rnd() & 0x1c000004) : rnd();
	sa[2] = chance(60) ? (uint32_t)(unsigned long)fuzz_restorer
			   : (uint32_t)bad_ptr();
	sa[3] = rnd(), sa[4] = rnd();
	return (unsigned long)sa;
}

/* argv/envp for execve: none, a few strings, bad pointers, no end. */
static unsigned long argv_ptr(void)
{
	uint32_t *v, n;

	switch (below(6)) {
	case 0:
		return 0;
	case 1:
		return bad_ptr();
	case 2: /* no NULL before the memory ends */
		v = scratch(64);
		for (int i = 0; i < 16; i++)
			v[i] = (uint32_t)(unsigned long)"x";
		return (unsigned long)v;
	default:
		n = below(6);
		v = scratch(4 * (n + 1));
		for (uint32_t i = 0; i < n; i++)
			v[i] = chance(80) ? (uint32_t)look_path()
					  : (uint32_t)bad_ptr();
		v[n] = 0;
		return (unsigned long)v;
	}
}

/* An address in the batch's own mapping area or, rarely, anywhere. */
static unsigned long map_addr(void)
{
	switch (below(8)) {
	case 0:
		return 0;
	case 1:
		return bad_ptr() & ~0xfffu;
	case 2:
		return bad_ptr();
	default:
		return 0x50000000u + (below(256) << 12);
	}
}

static uint32_t page_len(void)
{
	return chance(70) ? (1 + below(16)) << 12 : any_len();
}

/* Known syscalls, with how often each is picked among "the others". */
static const struct {
	short nr;
	unsigned char weight;
} others[] = {
	{ __NR_exit, 1 },
	{ __NR_fork, 1 },
	{ __NR_read, 8 },
	{ __NR_write, 8 },
	{ __NR_open, 5 },
	{ __NR_close, 4 },
	{ __NR_waitpid, 2 },
	{ __NR_unlink, 2 },
	{ __NR_execve, 2 },
	{ __NR_chdir, 1 },
	{ __NR_time, 1 },
	{ __NR_lseek, 3 },
	{ __NR_getpid, 1 },
	{ __NR_getuid, 1 },
	{ __NR_ptrace, 2 },
	{ __NR_alarm, 1 },
	{ __NR_access, 2 },
	{ __NR_kill, 3 },
	{ __NR_mkdir, 1 },
	{ __NR_rmdir, 1 },
	{ __NR_dup, 3 },
	{ __NR_pipe, 2 },
	{ __NR_brk, 2 },
	{ __NR_signal, 1 },
	{ __NR_ioctl, 6 },
	{ __NR_fcntl, 5 },
	{ __NR_setpgid, 1 },
	{ __NR_umask, 1 },
	{ __NR_dup2, 3 },
	{ __NR_getppid, 1 },
	{ __NR_getpgrp, 1 },
	{ __NR_setsid, 1 },
	{ __NR_sigaction, 1 },
	{ __NR_gettimeofday, 1 },
	{ __NR_select, 1 },
	{ __NR_readlink, 2 },
	{ __NR_munmap, 2 },
	{ __NR_stat, 2 },
	{ __NR_lstat, 1 },
	{ __NR_fstat, 3 },
	{ __NR_wait4, 2 },
	{ __NR_sysinfo, 1 },
	{ __NR_clone, 1 },
	{ __NR_uname, 1 },
	{ __NR_mprotect, 2 },
	{ __NR_sigprocmask, 1 },
	{ __NR_getpgid, 1 },
	{ __NR_getdents, 2 },
	{ __NR__newselect, 3 },
	{ __NR_readv, 4 },
	{ __NR_writev, 4 },
	{ __NR_nanosleep, 1 },
	{ __NR_poll, 4 },
	{ __NR_rt_sigaction, 3 },
	{ __NR_rt_sigprocmask, 2 },
	{ __NR_getcwd, 1 },
	{ __NR_vfork, 1 },
	{ __NR_ugetrlimit, 1 },
	{ __NR_mmap2, 4 },
	{ __NR_stat64, 2 },
	{ __NR_lstat64, 1 },
	{ __NR_fstat64, 2 },
	{ __NR_getuid32, 1 },
	{ __NR_getdents64, 2 },
	{ __NR_gettid, 1 },
	{ __NR_tkill, 1 },
	{ __NR_set_thread_area, 2 },
	{ __NR_exit_group, 1 },
	{ __NR_set_tid_address, 1 },
	{ __NR_clock_gettime, 1 },
	{ __NR_tgkill, 1 },
	{ __NR_openat, 3 },
	{ __NR_fstatat64, 2 },
	{ __NR_unlinkat, 1 },
	{ __NR_readlinkat, 1 },
	{ __NR_faccessat, 1 },
	{ __NR_ppoll, 2 },
	{ __NR_dup3, 2 },
	{ __NR_pipe2, 2 },
	{ __NR_prlimit64, 1 },
	{ __NR_getrandom, 2 },
	{ __NR_statx, 2 },
	{ __NR_clock_gettime64, 1 },
	{ 75 /* setrlimit */, 1 },
	{ 93 /* ftruncate */, 1 },
	{ 240 /* futex */, 1 },
};

/* Arguments for a syscall that is not a socket call; 0, or -1 if this
 * number is never made (its Linux job is dangerous and we have no careful
 * arguments for it). */
static int other_args(struct fuzz_call *c)
{
	unsigned long *a = c->a, p, l;
	int call = direct_to_call(c->nr);

	if (call) {
		socket_args(call, a);
		return 0;
	}
	switch (c->nr) {
	case __NR_exit:
	case __NR_exit_group:
		a[0] = any_value();
		c->ends_batch = 1;
		break;
	case __NR_fork:
	case __NR_vfork:
		break;
	case __NR_clone: /* flags, newsp, parent_tid, tls, child_tid */
		a[0] = chance(70) ? 17 /* SIGCHLD */ | (rnd() & 0x01300000)
				  : any_value();
		a[1] = chance(70) ? 0 : any_ptr();
		a[2] = chance(50) ? out_ptr(4) : bad_ptr();
		a[3] = any_ptr();
		a[4] = chance(50) ? out_ptr(4) : bad_ptr();
		break;
	case __NR_read:
	case __NR_write:
		a[0] = any_fd();
		l = chance(85) ? small_len() : any_len();
		a[1] = c->nr == __NR_read ? out_ptr(l) : in_ptr(l);
		a[2] = l;
		break;
	case __NR_readv:
	case __NR_writev:
		a[0] = any_fd();
		a[2] = iov_count();
		a[1] = iov_ptr(a[2], c->nr == __NR_readv);
		break;
	case __NR_open:
		open_args(&a[0], &a[1]);
		a[2] = chance(80) ? 0644 : any_value();
		break;
	case __NR_openat:
		a[0] = chance(60) ? (unsigned long)-100
				  : (unsigned long)any_fd();
		open_args(&a[1], &a[2]);
		a[3] = chance(80) ? 0644 : any_value();
		break;
	case __NR_close:
	case __NR_dup:
	case __NR_fstat:
	case __NR_fstat64:
	case 93: /* ftruncate */
		a[0] = any_fd();
		a[1] = c->nr == 93 ? any_value() : out_ptr(144);
		break;
	case __NR_dup2:
	case __NR_dup3:
		a[0] = any_fd();
		a[1] = any_fd();
		a[2] = chance(60) ? 0 : (chance(50) ? 0x80000 : any_value());
		break;
	case __NR_waitpid:
	case __NR_wait4:
		a[0] = chance(40) ? (unsigned long)-1 : pid_arg(1);
		a[1] = chance(70) ? out_ptr(4) : bad_ptr();
		a[2] = chance(85) ? 1 /* WNOHANG */ : any_value();
		a[3] = chance(50) ? 0 : out_ptr(72);
		break;
	case __NR_unlink:
	case __NR_rmdir:
	case __NR_chdir:
		a[0] = c->nr == __NR_chdir && chance(50) ? look_path()
							 : tmp_path();
		if (c->nr == __NR_chdir && chance(60)) /* stay where we are */
			a[0] = (unsigned long)(chance(50) ? "/tmp" : "/");
		break;
	case __NR_mkdir:
		a[0] = tmp_path();
		a[1] = any_value();
		break;
	case __NR_unlinkat:
		a[0] = chance(70) ? (unsigned long)-100
				  : (unsigned long)any_fd();
		a[1] = tmp_path();
		a[2] = chance(50) ? 0 : (chance(50) ? 0x200 : any_value());
		break;
	case __NR_execve:
		a[0] = exec_path();
		a[1] = argv_ptr();
		a[2] = argv_ptr();
		c->ends_batch = 1; /* in case it works */
		break;
	case __NR_time:
	case __NR_sysinfo:
	case __NR_uname:
	case __NR_gettimeofday:
		a[0] = chance(20) ? 0 : out_ptr(400);
		a[1] = chance(70) ? 0 : out_ptr(8);
		break;
	case __NR_lseek:
		a[0] = any_fd();
		a[1] = any_value();
		a[2] = chance(80) ? below(3) : any_value();
		break;
	case __NR_ptrace: /* request, pid, addr, data: only at ourselves */
		a[0] = chance(70) ? below(26) : any_value();
		if (a[0] == 0 && chance(80)) /* TRACEME: our parent traces us */
			a[0] = 1;
		a[1] = pid_arg(1);
		if ((long)a[1] < 0)
			a[1] = -a[1];
		a[2] = any_ptr();
		a[3] = any_ptr();
		break;
	case __NR_alarm:
		a[0] = chance(80) ? below(3) : any_value();
		break;
	case __NR_access:
	case __NR_stat:
	case __NR_lstat:
	case __NR_stat64:
	case __NR_lstat64:
	case __NR_readlink:
		a[0] = look_path();
		a[2] = chance(80) ? small_len() : any_len();
		a[1] = c->nr == __NR_access
			       ? (chance(80) ? below(8) : any_value())
			       : out_ptr(a[2] > 144 ? a[2] : 144);
		break;
	case __NR_faccessat:
	case __NR_fstatat64:
	case __NR_readlinkat:
	case __NR_statx:
		a[0] = chance(70) ? (unsigned long)-100
				  : (unsigned long)any_fd();
		a[1] = look_path();
		a[2] = c->nr == __NR_faccessat ? below(8) : out_ptr(256);
		a[3] = chance(50) ? 0 : (chance(50) ? 0x100 : any_value());
		if (c->nr == __NR_readlinkat)
			a[3] = small_len();
		a[4] = c->nr == __NR_statx ? out_ptr(256) : 0;
		if (c->nr == __NR_statx)
			a[3] = chance(50) ? 0x7ff : any_value();
		break;
	case __NR_kill:
	case __NR_tkill:
		a[0] = pid_arg(0);
		a[1] = signal_number();
		if (c->nr == __NR_tkill && (long)a[0] < 0)
			a[0] = other_pid();
		break;
	case __NR_tgkill:
		a[0] = chance(50) ? (unsigned long)self_pid()
				  : (unsigned long)other_pid();
		a[1] = chance(50) ? (unsigned long)self_pid()
				  : (unsigned long)other_pid();
		a[2] = signal_number();
		break;
	case __NR_pipe:
	case __NR_pipe2:
		a[0] = out_ptr(8);
		a[1] = chance(60) ? 0 : (chance(50) ? 0x800 : any_value());
		break;
	case __NR_brk:
		a[0] = chance(30) ? 0 : any_value();
		if (chance(40)) { /* a little more or less than now */
			long now;
			__asm__ volatile("int $0x80"
					 : "=a"(now)
					 : "a"(__NR_brk), "b"(0));
			a[0] = now + (long)(rnd() % (1 << 22)) - (1 << 20);
		}
		break;
	case __NR_signal:
		a[0] = signal_number();
		a[1] = chance(50) ? below(2) : bad_ptr();
		break;
	case __NR_sigaction:
	case __NR_rt_sigaction:
		a[0] = signal_number();
		a[1] = sigaction_ptr();
		a[2] = chance(50) ? 0 : out_ptr(20);
		a[3] = chance(85) ? 8 : any_value();
		break;
	case __NR_sigprocmask:
	case __NR_rt_sigprocmask:
		a[0] = chance(85) ? below(3) : any_value();
		a[1] = chance(20) ? 0 : in_ptr(8);
		a[2] = chance(50) ? 0 : out_ptr(8);
		a[3] = chance(85) ? 8 : any_value();
		break;
	case __NR_ioctl:
		a[0] = any_fd();
		a[1] = ioctl_request();
		a[2] = ioctl_arg();
		break;
	case __NR_fcntl:
		a[0] = any_fd();
		a[1] = chance(85) ? below(17)
				  : (chance(50) ? 1030 : any_value());
		if (a[1] == 8 || a[1] == 10 || a[1] == 15) /* F_SETOWN... */
			a[2] = pid_arg(1);
		else
			a[2] = chance(50) ? below(70) : any_ptr();
		if (a[1] == 0 || a[1] == 1030) /* F_DUPFD: below our fds */
			a[2] = below(VERBOSE_FD);
		break;
	case __NR_setpgid:
	case __NR_getpgid:
		a[0] = chance(50) ? 0 : (unsigned long)self_pid();
		if (chance(20))
			a[0] = other_pid();
		a[1] = chance(50) ? 0 : pid_arg(1);
		break;
	case __NR_umask:
		a[0] = any_value();
		break;
	case __NR__newselect:
	case __NR_select: /* select(82) takes one pointer to the five */
		a[0] = chance(80) ? below(70) : any_value();
		for (int i = 1; i < 4; i++)
			a[i] = chance(30) ? 0 : in_ptr(128);
		a[4] = time_ptr(1);
		if (c->nr == __NR_select) {
			uint32_t *blk = scratch(20);
			memcpy(blk, a, 20);
			a[0] = chance(90) ? (unsigned long)blk : bad_ptr();
		}
		break;
	case __NR_munmap:
	case __NR_mprotect:
		a[0] = map_addr();
		if (chance(3)) /* our own stack or text: the batch may die */
			a[0] = chance(50) ? (unsigned long)&a[0] & ~0xfffu
					  : 0x08048000u;
		a[1] = page_len();
		a[2] = chance(80) ? below(8) : any_value();
		break;
	case __NR_mmap2:
		a[0] = map_addr();
		a[1] = page_len();
		a[2] = chance(80) ? below(8) : any_value();
		a[3] = chance(70) ? 0x22
				  : (chance(50) ? 0x32 /* FIXED */
						: any_value());
		if ((a[3] & 0x10) && a[0] < 0x50000000u) /* never over us */
			a[0] = 0x50000000u + (below(256) << 12);
		a[4] = chance(60) ? (unsigned long)-1 : (unsigned long)any_fd();
		a[5] = chance(80) ? 0 : any_value();
		break;
	case __NR_getdents:
	case __NR_getdents64:
		a[0] = any_fd();
		a[2] = chance(80) ? small_len() : any_len();
		a[1] = out_ptr(a[2]);
		break;
	case __NR_nanosleep:
		a[0] = time_ptr(1);
		a[1] = chance(50) ? 0 : out_ptr(8);
		break;
	case __NR_poll:
	case __NR_ppoll: {
		uint32_t n = chance(85) ? below(9) : any_value();
		uint32_t *fds = scratch(8 * 8);
		for (int i = 0; i < 8; i++) {
			fds[2 * i] = (uint32_t)any_fd();
			fds[2 * i + 1] = chance(80) ? below(0x40) : rnd();
		}
		a[0] = chance(90) ? (unsigned long)fds : bad_ptr();
		a[1] = n;
		a[2] = chance(90) ? below(3)
				  : (chance(50) ? -1ul : any_value());
		if (c->nr == __NR_ppoll) {
			a[2] = time_ptr(1);
			a[3] = chance(50) ? 0 : in_ptr(8);
			a[4] = chance(85) ? 8 : any_value();
		}
		break;
	}
	case __NR_getcwd:
		a[1] = chance(80) ? small_len() : any_len();
		a[0] = out_ptr(a[1]);
		break;
	case __NR_ugetrlimit:
	case 75: /* setrlimit: limits of the batch itself */
		a[0] = chance(85) ? below(16) : any_value();
		a[1] = c->nr == 75 ? in_ptr(8) : out_ptr(8);
		break;
	case __NR_prlimit64:
		a[0] = chance(70) ? 0 : pid_arg(1);
		if ((long)a[0] < 0)
			a[0] = other_pid();
		a[1] = chance(85) ? below(16) : any_value();
		a[2] = chance(50) ? 0 : in_ptr(16);
		a[3] = chance(50) ? 0 : out_ptr(16);
		break;
	case __NR_getrandom:
		a[1] = chance(80) ? small_len() : any_len();
		a[0] = out_ptr(a[1]);
		a[2] = chance(80) ? below(4) : any_value();
		break;
	case __NR_set_thread_area: {
		uint32_t *u = scratch(16);
		static const uint32_t entries[] = { -1u, 6, 7, 8, 0, 1, 5, 9 };
		u[0] = chance(85) ? PICK(entries) : any_value();
		u[1] = chance(50) ? (uint32_t)(unsigned long)u : any_value();
		u[2] = chance(50) ? 0xfffff : any_value();
		u[3] = rnd() & 0x7f;
		a[0] = chance(90) ? (unsigned long)u : bad_ptr();
		break;
	}
	case __NR_set_tid_address:
		a[0] = chance(50) ? out_ptr(4) : bad_ptr();
		break;
	case __NR_clock_gettime:
	case __NR_clock_gettime64:
		a[0] = chance(80) ? below(12) : any_value();
		a[1] = chance(85) ? out_ptr(16) : bad_ptr();
		break;
	case 240: /* futex: only ever on our own memory, never long */
		a[0] = out_ptr(4);
		a[1] = chance(80) ? below(14) : any_value();
		a[2] = any_value();
		a[3] = time_ptr(0);
		a[4] = out_ptr(4);
		a[5] = any_value();
		break;
	case __NR_getpid:
	case __NR_getuid:
	case __NR_getuid32:
	case __NR_getppid:
	case __NR_getpgrp:
	case __NR_setsid:
	case __NR_gettid:
		for (int i = 0; i < 6; i++)
			a[i] = any_ptr();
		break;
	default:
		if (must_not_junk(c->nr))
			return -1;
		for (int i = 0; i < 6; i++)
			a[i] = any_ptr();
	}
	(void)p;
	return 0;
}

static long pick_other(void)
{
	static int total;
	int r;

	if (!total)
		for (unsigned i = 0; i < ARRAY_SIZE(others); i++)
			total += others[i].weight;
	r = (int)below(total);
	for (unsigned i = 0; i < ARRAY_SIZE(others); i++) {
		r -= others[i].weight;
		if (r < 0)
			return others[i].nr;
	}
	return __NR_getpid;
}

void gen_call(struct fuzz_call *c)
{
	uint32_t r = below(100);

	scratch_reset();
	memset(c, 0, sizeof(*c));
	for (;;) {
		if (r < 35) {
			c->nr = __NR_socketcall;
			gen_socketcall(c);
			break;
		}
		if (r < 50) {
			c->nr = direct_socket[below(direct_socket_count())];
		} else if (r < 90) {
			c->nr = pick_other();
		} else {
			static const uint32_t odd[] = { 440,	    441,
							0xffffffff, 0x80000000,
							0x7fffffff, 1000,
							65536,	    0x100 };
			c->nr = chance(85) ? (long)below(460) : (long)PICK(odd);
		}
		if (c->nr == 88 /* reboot */ || c->nr == __NR_pause ||
		    c->nr == __NR_sigreturn || c->nr == __NR_rt_sigreturn)
			c->nr = __NR_getpid;
		if (other_args(c) == 0)
			break;
		r = 50 + below(40); /* a number never made: pick again */
	}
	c->name = call_name(c->nr);
}

const char *call_name(long nr)
{
	static const struct {
		short nr;
		const char *name;
	} names[] = {
		{ 1, "exit" },
		{ 2, "fork" },
		{ 3, "read" },
		{ 4, "write" },
		{ 5, "open" },
		{ 6, "close" },
		{ 7, "waitpid" },
		{ 10, "unlink" },
		{ 11, "execve" },
		{ 12, "chdir" },
		{ 13, "time" },
		{ 19, "lseek" },
		{ 20, "getpid" },
		{ 24, "getuid" },
		{ 26, "ptrace" },
		{ 27, "alarm" },
		{ 33, "access" },
		{ 37, "kill" },
		{ 39, "mkdir" },
		{ 40, "rmdir" },
		{ 41, "dup" },
		{ 42, "pipe" },
		{ 45, "brk" },
		{ 48, "signal" },
		{ 54, "ioctl" },
		{ 55, "fcntl" },
		{ 57, "setpgid" },
		{ 60, "umask" },
		{ 63, "dup2" },
		{ 64, "getppid" },
		{ 65, "getpgrp" },
		{ 66, "setsid" },
		{ 67, "sigaction" },
		{ 75, "setrlimit" },
		{ 78, "gettimeofday" },
		{ 82, "select" },
		{ 85, "readlink" },
		{ 91, "munmap" },
		{ 93, "ftruncate" },
		{ 102, "socketcall" },
		{ 106, "stat" },
		{ 107, "lstat" },
		{ 108, "fstat" },
		{ 114, "wait4" },
		{ 116, "sysinfo" },
		{ 119, "sigreturn" },
		{ 120, "clone" },
		{ 122, "uname" },
		{ 125, "mprotect" },
		{ 126, "sigprocmask" },
		{ 132, "getpgid" },
		{ 141, "getdents" },
		{ 142, "_newselect" },
		{ 145, "readv" },
		{ 146, "writev" },
		{ 162, "nanosleep" },
		{ 168, "poll" },
		{ 173, "rt_sigreturn" },
		{ 174, "rt_sigaction" },
		{ 175, "rt_sigprocmask" },
		{ 183, "getcwd" },
		{ 190, "vfork" },
		{ 191, "ugetrlimit" },
		{ 192, "mmap2" },
		{ 195, "stat64" },
		{ 196, "lstat64" },
		{ 197, "fstat64" },
		{ 199, "getuid32" },
		{ 220, "getdents64" },
		{ 224, "gettid" },
		{ 238, "tkill" },
		{ 240, "futex" },
		{ 243, "set_thread_area" },
		{ 252, "exit_group" },
		{ 258, "set_tid_address" },
		{ 265, "clock_gettime" },
		{ 270, "tgkill" },
		{ 295, "openat" },
		{ 300, "fstatat64" },
		{ 301, "unlinkat" },
		{ 305, "readlinkat" },
		{ 307, "faccessat" },
		{ 309, "ppoll" },
		{ 330, "dup3" },
		{ 331, "pipe2" },
		{ 337, "recvmmsg" },
		{ 340, "prlimit64" },
		{ 345, "sendmmsg" },
		{ 355, "getrandom" },
		{ 359, "socket" },
		{ 360, "socketpair" },
		{ 361, "bind" },
		{ 362, "connect" },
		{ 363, "listen" },
		{ 364, "accept4" },
		{ 365, "getsockopt" },
		{ 366, "setsockopt" },
		{ 367, "getsockname" },
		{ 368, "getpeername" },
		{ 369, "sendto" },
		{ 370, "sendmsg" },
		{ 371, "recvfrom" },
		{ 372, "recvmsg" },
		{ 373, "shutdown" },
		{ 383, "statx" },
		{ 403, "clock_gettime64" },
	};

	for (unsigned i = 0; i < ARRAY_SIZE(names); i++)
		if (names[i].nr == nr)
			return names[i].name;
	return "syscall";
}
