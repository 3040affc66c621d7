/*
 * Decoders for processes, signals and time: signal names and sets,
 * sigaction, wait statuses, execve's argv, timespec/timeval, uname,
 * sysinfo, reboot's magic numbers, ptrace requests, mmap's flags.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include "strace.h"

/* rt_sigaction's struct (the kernel's, i386) */
struct k_sigaction {
	unsigned long handler, flags, restorer;
	unsigned long mask[2];
};

struct k_timespec {
	long tv_sec, tv_nsec;
};

struct k_utsname {
	char sysname[65], nodename[65], release[65], version[65], machine[65],
		domainname[65];
};

struct k_sysinfo {
	long uptime;
	unsigned long loads[3];
	unsigned long totalram, freeram, sharedram, bufferram, totalswap,
		freeswap;
	unsigned short procs, pad;
	unsigned long totalhigh, freehigh;
	unsigned int mem_unit;
};

static const char *const signal_names[] = {
	[1] = "SIGHUP",	    [2] = "SIGINT",	[3] = "SIGQUIT",
	[4] = "SIGILL",	    [5] = "SIGTRAP",	[6] = "SIGABRT",
	[7] = "SIGBUS",	    [8] = "SIGFPE",	[9] = "SIGKILL",
	[10] = "SIGUSR1",   [11] = "SIGSEGV",	[12] = "SIGUSR2",
	[13] = "SIGPIPE",   [14] = "SIGALRM",	[15] = "SIGTERM",
	[16] = "SIGSTKFLT", [17] = "SIGCHLD",	[18] = "SIGCONT",
	[19] = "SIGSTOP",   [20] = "SIGTSTP",	[21] = "SIGTTIN",
	[22] = "SIGTTOU",   [23] = "SIGURG",	[24] = "SIGXCPU",
	[25] = "SIGXFSZ",   [26] = "SIGVTALRM", [27] = "SIGPROF",
	[28] = "SIGWINCH",  [29] = "SIGIO",	[30] = "SIGPWR",
	[31] = "SIGSYS",
};

const char *signal_name_of(int sig)
{
	if (sig > 0 && sig < (int)(sizeof(signal_names) / sizeof(char *)))
		return signal_names[sig];
	return NULL;
}

/* SIGINT, SIGRTMIN, SIGRT_3, or the number */
void print_signal(struct sbuf *sb, int sig)
{
	const char *name = signal_name_of(sig);

	if (name)
		sb_puts(sb, name);
	else if (sig == 32)
		sb_puts(sb, "SIGRTMIN");
	else if (sig > 32 && sig <= 64)
		sb_printf(sb, "SIGRT_%d", sig - 32);
	else
		sb_printf(sb, "%d", sig);
}

/* strace's sigset: [INT CHLD], or ~[KILL STOP] when most are set */
void print_sigset(struct sbuf *sb, const unsigned long *set, int words)
{
	int nsig = words * 32, sig, count = 0, invert, first = 1;

	for (sig = 1; sig <= nsig; sig++)
		if (set[(sig - 1) / 32] & (1UL << ((sig - 1) % 32)))
			count++;
	invert = count > nsig / 2;
	sb_puts(sb, invert ? "~[" : "[");
	for (sig = 1; sig <= nsig; sig++) {
		int member =
			!!(set[(sig - 1) / 32] & (1UL << ((sig - 1) % 32)));
		struct sbuf name;
		char buf[16];

		if (member == invert)
			continue;
		sb_init(&name, buf, sizeof(buf));
		print_signal(&name, sig);
		sb_printf(sb, "%s%s", first ? "" : " ",
			  strncmp(buf, "SIG", 3) ? buf : buf + 3);
		first = 0;
	}
	sb_puts(sb, "]");
}

static void print_sigset_at(struct sbuf *sb, int pid, unsigned long addr,
			    unsigned long size)
{
	unsigned long set[2] = { 0, 0 };

	if (size > sizeof(set))
		size = sizeof(set);
	if (!addr) {
		sb_puts(sb, "NULL");
		return;
	}
	if (size < 4 || peek_mem(pid, addr, set, size) < 0) {
		print_ptr(sb, addr);
		return;
	}
	print_sigset(sb, set, size / 4);
}

static const struct flag_name sa_flags[] = {
	{ 0x04000000, "SA_RESTORER" },
	{ 0x08000000, "SA_ONSTACK" },
	{ 0x10000000, "SA_RESTART" },
	{ 0x40000000, "SA_NODEFER" },
	{ 0x80000000, "SA_RESETHAND" },
	{ 0x00000004, "SA_SIGINFO" },
	{ 0x00000001, "SA_NOCLDSTOP" },
	{ 0x00000002, "SA_NOCLDWAIT" },
	{ 0, NULL },
};

static void print_sigaction_at(struct sbuf *sb, int pid, unsigned long addr)
{
	struct k_sigaction sa;

	if (!addr) {
		sb_puts(sb, "NULL");
		return;
	}
	if (peek_mem(pid, addr, &sa, sizeof(sa)) < 0) {
		print_ptr(sb, addr);
		return;
	}
	sb_puts(sb, "{sa_handler=");
	if (sa.handler == 0)
		sb_puts(sb, "SIG_DFL");
	else if (sa.handler == 1)
		sb_puts(sb, "SIG_IGN");
	else
		sb_printf(sb, "%#lx", sa.handler);
	sb_puts(sb, ", sa_mask=");
	print_sigset(sb, sa.mask, 2);
	sb_puts(sb, ", sa_flags=");
	print_flags(sb, sa_flags, sa.flags, NULL);
	if (sa.flags & 0x04000000)
		sb_printf(sb, ", sa_restorer=%#lx", sa.restorer);
	sb_puts(sb, "}");
}

static const struct flag_name sigmask_hows[] = {
	{ 0, "SIG_BLOCK" },
	{ 1, "SIG_UNBLOCK" },
	{ 2, "SIG_SETMASK" },
	{ 0, NULL },
};

static const struct flag_name wait_options[] = {
	{ 1, "WNOHANG" },
	{ 2, "WSTOPPED" },
	{ 4, "WEXITED" },
	{ 8, "WCONTINUED" },
	{ 0x01000000, "WNOWAIT" },
	{ 0x20000000, "__WNOTHREAD" },
	{ 0x40000000, "__WALL" },
	{ 0x80000000, "__WCLONE" },
	{ 0, NULL },
};

static const struct flag_name ptrace_events[] = {
	{ 1, "PTRACE_EVENT_FORK" },
	{ 2, "PTRACE_EVENT_VFORK" },
	{ 3, "PTRACE_EVENT_CLONE" },
	{ 4, "PTRACE_EVENT_EXEC" },
	{ 5, "PTRACE_EVENT_VFORK_DONE" },
	{ 6, "PTRACE_EVENT_EXIT" },
	{ 0, NULL },
};

/* [{WIFEXITED(s) && WEXITSTATUS(s) == 0}] */
void print_wait_status(struct sbuf *sb, int status)
{
	int low = status & 0x7f;

	sb_puts(sb, "[{");
	if ((status & 0xff) == 0x7f) {
		sb_puts(sb, "WIFSTOPPED(s) && WSTOPSIG(s) == ");
		print_signal(sb, (status >> 8) & 0xff);
		sb_puts(sb, "}");
		if (status >> 16) {
			sb_puts(sb, " | ");
			print_xval(sb, ptrace_events, (status >> 16) & 0xffff,
				   "%ld");
			sb_puts(sb, " << 16");
		}
		sb_puts(sb, "]");
		return;
	}
	if (status == 0xffff) {
		sb_puts(sb, "WIFCONTINUED(s)}]");
		return;
	}
	if (low == 0) {
		sb_printf(sb, "WIFEXITED(s) && WEXITSTATUS(s) == %d}]",
			  (status >> 8) & 0xff);
		return;
	}
	sb_puts(sb, "WIFSIGNALED(s) && WTERMSIG(s) == ");
	print_signal(sb, low);
	if (status & 0x80)
		sb_puts(sb, " && WCOREDUMP(s)");
	sb_puts(sb, "}]");
}

static void print_timespec_at(struct sbuf *sb, int pid, unsigned long addr)
{
	struct k_timespec ts;

	if (!addr || peek_mem(pid, addr, &ts, sizeof(ts)) < 0)
		print_ptr(sb, addr);
	else
		sb_printf(sb, "{tv_sec=%ld, tv_nsec=%lu}", ts.tv_sec,
			  (unsigned long)ts.tv_nsec);
}

static const struct flag_name clock_ids[] = {
	{ 0, "CLOCK_REALTIME" },
	{ 1, "CLOCK_MONOTONIC" },
	{ 2, "CLOCK_PROCESS_CPUTIME_ID" },
	{ 3, "CLOCK_THREAD_CPUTIME_ID" },
	{ 4, "CLOCK_MONOTONIC_RAW" },
	{ 5, "CLOCK_REALTIME_COARSE" },
	{ 6, "CLOCK_MONOTONIC_COARSE" },
	{ 7, "CLOCK_BOOTTIME" },
	{ 0, NULL },
};

/* execve's argv: ["hello", "a"] (at most -s of them) */
static void print_argv_at(struct sbuf *sb, int pid, unsigned long addr)
{
	unsigned long p;
	int i;

	if (!addr) {
		sb_puts(sb, "NULL");
		return;
	}
	if (peek_mem(pid, addr, &p, sizeof(p)) < 0) {
		print_ptr(sb, addr);
		return;
	}
	sb_puts(sb, "[");
	for (i = 0;; i++) {
		if (peek_mem(pid, addr + i * 4, &p, sizeof(p)) < 0) {
			sb_printf(sb, "%s... /* %#lx */", i ? ", " : "",
				  addr + i * 4);
			break;
		}
		if (!p)
			break;
		if (i >= opt_strsize) {
			sb_puts(sb, ", ...");
			break;
		}
		if (i)
			sb_puts(sb, ", ");
		print_str_at(sb, pid, p, opt_strsize, 0);
	}
	sb_puts(sb, "]");
}

/* execve's envp: 0xbffffe00 \/\* 3 vars *\/ */
static void print_envp_at(struct sbuf *sb, int pid, unsigned long addr)
{
	unsigned long p;
	int n = 0;

	if (!addr) {
		sb_puts(sb, "NULL");
		return;
	}
	while (n < 100000 && peek_mem(pid, addr + n * 4, &p, sizeof(p)) == 0 &&
	       p)
		n++;
	sb_printf(sb, "%#lx /* %d var%s */", addr, n, n == 1 ? "" : "s");
}

static void print_utsname(struct sbuf *sb, struct call *c, unsigned long addr)
{
	struct k_utsname u;

	if (c->ret < 0 || !addr ||
	    peek_mem(c->t->pid, addr, &u, sizeof(u)) < 0) {
		print_ptr(sb, addr);
		return;
	}
	u.sysname[64] = u.nodename[64] = '\0';
	sb_puts(sb, "{sysname=");
	print_quoted(sb, (unsigned char *)u.sysname, strlen(u.sysname), 0, 0);
	sb_puts(sb, ", nodename=");
	print_quoted(sb, (unsigned char *)u.nodename, strlen(u.nodename), 0, 0);
	sb_puts(sb, ", ...}");
}

static void print_sysinfo(struct sbuf *sb, struct call *c, unsigned long addr)
{
	struct k_sysinfo si;

	if (c->ret < 0 || !addr ||
	    peek_mem(c->t->pid, addr, &si, sizeof(si)) < 0) {
		print_ptr(sb, addr);
		return;
	}
	sb_printf(sb,
		  "{uptime=%ld, loads=[%lu, %lu, %lu], totalram=%lu, "
		  "freeram=%lu, sharedram=%lu, bufferram=%lu, totalswap=%lu, "
		  "freeswap=%lu, procs=%u, totalhigh=%lu, freehigh=%lu, "
		  "mem_unit=%u}",
		  si.uptime, si.loads[0], si.loads[1], si.loads[2], si.totalram,
		  si.freeram, si.sharedram, si.bufferram, si.totalswap,
		  si.freeswap, si.procs, si.totalhigh, si.freehigh,
		  si.mem_unit);
}

static const struct flag_name reboot_magic1[] = {
	{ 0xfee1dead, "LINUX_REBOOT_MAGIC1" },
	{ 0, NULL },
};

static const struct flag_name reboot_magic2[] = {
	{ 672274793, "LINUX_REBOOT_MAGIC2" },
	{ 85072278, "LINUX_REBOOT_MAGIC2A" },
	{ 369367448, "LINUX_REBOOT_MAGIC2B" },
	{ 537993216, "LINUX_REBOOT_MAGIC2C" },
	{ 0, NULL },
};

static const struct flag_name reboot_cmds[] = {
	{ 0x01234567, "LINUX_REBOOT_CMD_RESTART" },
	{ 0xCDEF0123, "LINUX_REBOOT_CMD_HALT" },
	{ 0x89ABCDEF, "LINUX_REBOOT_CMD_CAD_ON" },
	{ 0x00000000, "LINUX_REBOOT_CMD_CAD_OFF" },
	{ 0x4321FEDC, "LINUX_REBOOT_CMD_POWER_OFF" },
	{ 0xA1B2C3D4, "LINUX_REBOOT_CMD_RESTART2" },
	{ 0xD000FCE2, "LINUX_REBOOT_CMD_SW_SUSPEND" },
	{ 0x45584543, "LINUX_REBOOT_CMD_KEXEC" },
	{ 0, NULL },
};

static const struct flag_name ptrace_requests[] = {
	{ 0, "PTRACE_TRACEME" },
	{ 1, "PTRACE_PEEKTEXT" },
	{ 2, "PTRACE_PEEKDATA" },
	{ 3, "PTRACE_PEEKUSER" },
	{ 4, "PTRACE_POKETEXT" },
	{ 5, "PTRACE_POKEDATA" },
	{ 6, "PTRACE_POKEUSER" },
	{ 7, "PTRACE_CONT" },
	{ 8, "PTRACE_KILL" },
	{ 9, "PTRACE_SINGLESTEP" },
	{ 12, "PTRACE_GETREGS" },
	{ 13, "PTRACE_SETREGS" },
	{ 16, "PTRACE_ATTACH" },
	{ 17, "PTRACE_DETACH" },
	{ 24, "PTRACE_SYSCALL" },
	{ 0x4200, "PTRACE_SETOPTIONS" },
	{ 0x4201, "PTRACE_GETEVENTMSG" },
	{ 0x4202, "PTRACE_GETSIGINFO" },
	{ 0x4206, "PTRACE_SEIZE" },
	{ 0x4207, "PTRACE_INTERRUPT" },
	{ 0, NULL },
};

static const struct flag_name ptrace_options[] = {
	{ 0x01, "PTRACE_O_TRACESYSGOOD" },
	{ 0x02, "PTRACE_O_TRACEFORK" },
	{ 0x04, "PTRACE_O_TRACEVFORK" },
	{ 0x08, "PTRACE_O_TRACECLONE" },
	{ 0x10, "PTRACE_O_TRACEEXEC" },
	{ 0x20, "PTRACE_O_TRACEVFORKDONE" },
	{ 0x40, "PTRACE_O_TRACEEXIT" },
	{ 0x100000, "PTRACE_O_EXITKILL" },
	{ 0, NULL },
};

static const struct flag_name mmap_prots[] = {
	{ 1, "PROT_READ" },
	{ 2, "PROT_WRITE" },
	{ 4, "PROT_EXEC" },
	{ 0, NULL },
};

static const struct flag_name mmap_flags[] = {
	{ 0x01, "MAP_SHARED" },
	{ 0x02, "MAP_PRIVATE" },
	{ 0x10, "MAP_FIXED" },
	{ 0x20, "MAP_ANONYMOUS" },
	{ 0x100, "MAP_GROWSDOWN" },
	{ 0x800, "MAP_DENYWRITE" },
	{ 0x1000, "MAP_EXECUTABLE" },
	{ 0x2000, "MAP_LOCKED" },
	{ 0x4000, "MAP_NORESERVE" },
	{ 0x8000, "MAP_POPULATE" },
	{ 0x20000, "MAP_STACK" },
	{ 0x100000, "MAP_FIXED_NOREPLACE" },
	{ 0, NULL },
};

static const struct flag_name rlimits[] = {
	{ 0, "RLIMIT_CPU" },
	{ 1, "RLIMIT_FSIZE" },
	{ 2, "RLIMIT_DATA" },
	{ 3, "RLIMIT_STACK" },
	{ 4, "RLIMIT_CORE" },
	{ 5, "RLIMIT_RSS" },
	{ 6, "RLIMIT_NPROC" },
	{ 7, "RLIMIT_NOFILE" },
	{ 8, "RLIMIT_MEMLOCK" },
	{ 9, "RLIMIT_AS" },
	{ 0, NULL },
};

void print_proc_arg(struct sbuf *sb, struct call *c, int i)
{
	unsigned long v = c->arg[i];
	int pid = c->t->pid;

	switch (c->sc->arg[i]) {
	case A_SIGNAL:
		print_signal(sb, (int)v);
		break;
	case A_SIGACTION_IN:
		print_sigaction_at(sb, pid, v);
		break;
	case A_SIGACTION_OUT:
		if (c->ret < 0)
			print_ptr(sb, v);
		else
			print_sigaction_at(sb, pid, v);
		break;
	case A_SIGSET_IN:
		print_sigset_at(sb, pid, v, c->arg[c->sc->nargs - 1]);
		break;
	case A_SIGSET_OUT:
		if (c->ret < 0)
			print_ptr(sb, v);
		else
			print_sigset_at(sb, pid, v, c->arg[c->sc->nargs - 1]);
		break;
	case A_SIGMASK_HOW:
		print_xval(sb, sigmask_hows, v, "%#lx /* SIG_??? */");
		break;
	case A_WAIT_STATUS: {
		int status;

		if (!v || c->ret <= 0 ||
		    peek_mem(pid, v, &status, sizeof(status)) < 0)
			print_ptr(sb, v);
		else
			print_wait_status(sb, status);
		break;
	}
	case A_WAIT_OPTIONS:
		print_flags(sb, wait_options, v, NULL);
		break;
	case A_RUSAGE_OUT:
	case A_TIMEZONE_OUT:
		print_ptr(sb, v);
		break;
	case A_TIMESPEC_IN:
		print_timespec_at(sb, pid, v);
		break;
	case A_TIMESPEC_OUT:
		if (c->ret < 0)
			print_ptr(sb, v);
		else
			print_timespec_at(sb, pid, v);
		break;
	case A_NANOSLEEP_REM:
		/* filled only when a signal cut the sleep short (EINTR, or
		 * ERESTART_RESTARTBLOCK as a tracer sees it) */
		if (v && (c->ret == -4 || c->ret == -516))
			print_timespec_at(sb, pid, v);
		else
			print_ptr(sb, v);
		break;
	case A_TIMEVAL_OUT: {
		long tv[2];

		if (c->ret < 0 || !v || peek_mem(pid, v, tv, sizeof(tv)) < 0)
			print_ptr(sb, v);
		else
			sb_printf(sb, "{tv_sec=%ld, tv_usec=%lu}", tv[0],
				  (unsigned long)tv[1]);
		break;
	}
	case A_TIME_OUT: {
		long t;

		if (c->ret < 0 || !v || peek_mem(pid, v, &t, sizeof(t)) < 0) {
			print_ptr(sb, v);
		} else {
			sb_puts(sb, "[");
			print_time_t(sb, t, 1);
			sb_puts(sb, "]");
		}
		break;
	}
	case A_CLOCKID:
		print_xval(sb, clock_ids, v, "%#lx /* CLOCK_??? */");
		break;
	case A_UTSNAME_OUT:
		print_utsname(sb, c, v);
		break;
	case A_SYSINFO_OUT:
		print_sysinfo(sb, c, v);
		break;
	case A_EXEC_ARGV:
		print_argv_at(sb, pid, v);
		break;
	case A_EXEC_ENVP:
		print_envp_at(sb, pid, v);
		break;
	case A_REBOOT_MAGIC1:
		print_xval(sb, reboot_magic1, v, "%#lx");
		break;
	case A_REBOOT_MAGIC2:
		print_xval(sb, reboot_magic2, v, "%#lx");
		break;
	case A_REBOOT_CMD:
		print_xval(sb, reboot_cmds, v, "%#lx");
		break;
	case A_PTRACE_REQ:
		print_xval(sb, ptrace_requests, v, "%#lx /* PTRACE_??? */");
		break;
	case A_MMAP_PROT:
		print_flags(sb, mmap_prots, v, "PROT_NONE");
		break;
	case A_MMAP_FLAGS:
		print_flags(sb, mmap_flags, v, NULL);
		break;
	case A_RT_SIGFRAME: {
		/* Linux's i386 rt_sigframe: at rt_sigreturn, esp points 4 bytes
		 * in (the handler's return popped pretcode); uc.uc_sigmask is
		 * at 252 from its start */
		unsigned long mask[2];

		if (peek_mem(pid, c->t->sp + 248, mask, sizeof(mask)) < 0) {
			sb_puts(sb, "{mask=?}");
			break;
		}
		sb_puts(sb, "{mask=");
		print_sigset(sb, mask, 2);
		sb_puts(sb, "}");
		break;
	}
	case A_RLIMIT_RES:
		print_xval(sb, rlimits, v, "%ld");
		break;
	case A_RLIMIT_IN:
	case A_RLIMIT_OUT: {
		unsigned long lim[2];
		int k;

		if (!v || (c->sc->arg[i] == A_RLIMIT_OUT && c->ret < 0) ||
		    peek_mem(pid, v, lim, sizeof(lim)) < 0) {
			print_ptr(sb, v);
			break;
		}
		for (k = 0; k < 2; k++) {
			sb_puts(sb, k ? ", rlim_max=" : "{rlim_cur=");
			if (lim[k] == ~0UL)
				sb_puts(sb, "RLIM_INFINITY");
			else
				sb_printf(sb, "%lu", lim[k]);
		}
		sb_puts(sb, "}");
		break;
	}
	default:
		if (c->sc->arg[i] == A_PTR || c->sc->arg[i] == A_USER_DESC) {
			print_ptr(sb, v);
			break;
		}
		if (c->sc->arg[0] == A_PTRACE_REQ && i == 3 &&
		    c->arg[0] == PTRACE_SETOPTIONS) {
			print_flags(sb, ptrace_options, v, NULL);
			break;
		}
		print_net_arg(sb, c, i);
	}
}

static const struct flag_name si_codes[] = {
	{ 0, "SI_USER" },
	{ 0x80, "SI_KERNEL" },
	{ (unsigned long)-1, "SI_QUEUE" },
	{ (unsigned long)-6, "SI_TKILL" },
	{ 0, NULL },
};

static const struct flag_name cld_codes[] = {
	{ 1, "CLD_EXITED" },  { 2, "CLD_KILLED" },  { 3, "CLD_DUMPED" },
	{ 4, "CLD_TRAPPED" }, { 5, "CLD_STOPPED" }, { 6, "CLD_CONTINUED" },
	{ 0, NULL },
};

static const struct flag_name segv_codes[] = {
	{ 1, "SEGV_MAPERR" },
	{ 2, "SEGV_ACCERR" },
	{ 0, NULL },
};

static const struct flag_name fpe_codes[] = {
	{ 1, "FPE_INTDIV" }, { 2, "FPE_INTOVF" }, { 3, "FPE_FLTDIV" },
	{ 4, "FPE_FLTOVF" }, { 5, "FPE_FLTUND" }, { 6, "FPE_FLTRES" },
	{ 7, "FPE_FLTINV" }, { 8, "FPE_FLTSUB" }, { 0, NULL },
};

static const struct flag_name ill_codes[] = {
	{ 1, "ILL_ILLOPC" }, { 2, "ILL_ILLOPN" }, { 3, "ILL_ILLADR" },
	{ 4, "ILL_ILLTRP" }, { 5, "ILL_PRVOPC" }, { 6, "ILL_PRVREG" },
	{ 7, "ILL_COPROC" }, { 8, "ILL_BADSTK" }, { 0, NULL },
};

static const struct flag_name bus_codes[] = {
	{ 1, "BUS_ADRALN" },
	{ 2, "BUS_ADRERR" },
	{ 3, "BUS_OBJERR" },
	{ 0, NULL },
};

/* The siginfo of a signal-delivery stop (Linux only: MenuOS has none):
 * {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=42, ...} */
void print_siginfo(struct sbuf *sb, int pid, int sig)
{
	int si[32];

	sb_puts(sb, "{si_signo=");
	print_signal(sb, sig);
	if (ptrace_raw(PTRACE_GETSIGINFO, pid, 0, (unsigned long)si) < 0) {
		sb_puts(sb, "}");
		return;
	}
	sb_puts(sb, ", si_code=");
	if (si[2] > 0 && sig == 17) {
		print_xval(sb, cld_codes, si[2], "%ld");
		sb_printf(sb, ", si_pid=%d, si_uid=%d, si_status=", si[3],
			  si[4]);
		if (si[2] == 1)
			sb_printf(sb, "%d", si[5]);
		else
			print_signal(sb, si[5]);
		sb_printf(sb, ", si_utime=%d, si_stime=%d}", si[6], si[7]);
		return;
	}
	if (sig == 4 || sig == 7 || sig == 8 || sig == 11) {
		const struct flag_name *codes = sig == 4   ? ill_codes
						: sig == 7 ? bus_codes
						: sig == 8 ? fpe_codes
							   : segv_codes;

		if (si[2] > 0 && si[2] < 0x80)
			print_xval(sb, codes, si[2], "%ld");
		else
			print_xval(sb, si_codes, si[2], "%ld");
		sb_puts(sb, ", si_addr=");
		print_ptr(sb, (unsigned long)si[3]);
		sb_puts(sb, "}");
		return;
	}
	print_xval(sb, si_codes, si[2], "%ld");
	if (si[2] <= 0)
		sb_printf(sb, ", si_pid=%d, si_uid=%d", si[3], si[4]);
	sb_puts(sb, "}");
}
