/*
 * What the files of strace share: the tracee table, the line printer, the
 * syscall table's types and the argument decoders.
 *
 * strace is an ordinary Linux i386 program: it builds with our libc and
 * with glibc, so every kernel structure it reads from a tracee is declared
 * here with the kernel's i386 layout (k_stat, k_termios, ...) instead of
 * coming from one libc's headers.
 */
#ifndef STRACE_H
#define STRACE_H

#include <stddef.h>

/* ptrace(2), Linux's numbers (sys/ptrace.h is glibc's only) */
#define NR_ptrace	      26
#define PTRACE_TRACEME	      0
#define PTRACE_PEEKDATA	      2
#define PTRACE_KILL	      8
#define PTRACE_GETREGS	      12
#define PTRACE_SYSCALL	      24
#define PTRACE_SETOPTIONS     0x4200
#define PTRACE_GETEVENTMSG    0x4201
#define PTRACE_GETSIGINFO     0x4202
#define PTRACE_O_TRACESYSGOOD 0x01
#define PTRACE_O_TRACEFORK    0x02
#define PTRACE_O_TRACEVFORK   0x04
#define PTRACE_O_TRACECLONE   0x08
#define PTRACE_O_TRACEEXEC    0x10
#define PTRACE_EVENT_FORK     1
#define PTRACE_EVENT_VFORK    2
#define PTRACE_EVENT_CLONE    3
#define PTRACE_EVENT_EXEC     4
#define WAIT_ALL	      0x40000000 /* __WALL: clones and tracees too */

/* struct user_regs_struct of i386 (PTRACE_GETREGS) */
struct user_regs {
	long ebx, ecx, edx, esi, edi, ebp, eax;
	long xds, xes, xfs, xgs, orig_eax;
	long eip, xcs, eflags, esp, xss;
};

long ptrace_raw(long request, long pid, unsigned long addr, unsigned long data);
/* Copies len bytes at addr of the tracee; 0, or -1 if any is unreadable. */
int peek_mem(int pid, unsigned long addr, void *buf, size_t len);
/* A NUL-terminated string of at most max bytes (the NUL not counted).
 * Returns its length, max + 1 if there was no NUL within max, or -1. */
int peek_str(int pid, unsigned long addr, char *buf, int max);

/* ---- the syscall table ---- */

/* Argument kinds: how one argument prints. */
enum arg_kind {
	A_NONE,
	A_INT, /* signed decimal */
	A_UINT, /* unsigned decimal */
	A_HEX, /* 0x... */
	A_OCT, /* 0644 */
	A_PTR, /* NULL or 0x... */
	A_FD, /* a file descriptor (AT_FDCWD for -100) */
	A_PATH, /* a NUL-terminated path, never cut */
	A_STR, /* a NUL-terminated string, cut at -s */
	A_BUF_IN, /* bytes the call reads; length in the next argument */
	A_BUF_OUT, /* bytes the call fills; length is the result */
	A_CWD_OUT, /* getcwd: a string the call fills */
	A_LINK_OUT, /* readlink: bytes the call fills, no NUL */
	A_OPEN_FLAGS,
	A_ACCESS_MODE,
	A_WHENCE,
	A_FCNTL_CMD,
	A_FCNTL_ARG,
	A_IOCTL_REQ,
	A_IOCTL_ARG,
	A_PIPE_OUT, /* int[2] the call fills */
	A_PIPE_FLAGS, /* O_CLOEXEC|O_NONBLOCK */
	A_SIGNAL,
	A_SIGACTION_IN,
	A_SIGACTION_OUT,
	A_SIGSET_IN,
	A_SIGSET_OUT,
	A_SIGMASK_HOW,
	A_WAIT_STATUS,
	A_WAIT_OPTIONS,
	A_RUSAGE_OUT,
	A_TIMESPEC_IN,
	A_TIMESPEC_OUT,
	A_NANOSLEEP_REM,
	A_TIMEVAL_OUT,
	A_TIMEZONE_OUT,
	A_TIME_OUT, /* time(2): a time_t the call fills */
	A_CLOCKID,
	A_STAT_OUT,
	A_STAT64_OUT,
	A_UTSNAME_OUT,
	A_SYSINFO_OUT,
	A_DIRENTS_OUT,
	A_EXEC_ARGV,
	A_EXEC_ENVP,
	A_POLLFDS, /* with the count in the next argument */
	A_POLL_TIMEOUT,
	A_FDSET_IN, /* select: nfds is argument 0; printed again at exit */
	A_TIMEVAL_IN,
	A_SOCK_DOMAIN,
	A_SOCK_TYPE,
	A_SOCK_PROTO, /* decoded by the domain in argument 0 */
	A_SOCKADDR_IN, /* with the length in the next argument */
	A_SOCKADDR_OUT, /* with a socklen_t pointer in the next argument */
	A_SOCKLEN_PTR, /* [16] or [128 => 16] */
	A_SOCKPAIR_OUT,
	A_MSG_FLAGS,
	A_SHUT_HOW,
	A_SOCKOPT_LEVEL,
	A_SOCKOPT_NAME, /* decoded by the level in the previous argument */
	A_SOCKOPT_VAL_IN, /* with the length in the next argument */
	A_SOCKOPT_VAL_OUT, /* with a socklen_t pointer in the next argument */
	A_MSGHDR_IN,
	A_MSGHDR_OUT,
	A_MMSGHDR_IN, /* with the count in the next argument */
	A_MMSGHDR_OUT,
	A_IOVEC_IN, /* with the count in the next argument */
	A_IOVEC_OUT,
	A_SOCKCALL_FLAGS, /* accept4's SOCK_NONBLOCK|SOCK_CLOEXEC */
	A_REBOOT_MAGIC1,
	A_REBOOT_MAGIC2,
	A_REBOOT_CMD,
	A_PTRACE_REQ,
	A_MMAP_PROT,
	A_MMAP_FLAGS,
	A_SOCKETCALL, /* socketcall's first argument, SYS_* */
	A_USER_DESC, /* set_thread_area */
	A_RLIMIT_RES,
	A_RLIMIT_IN, /* struct rlimit */
	A_RLIMIT_OUT,
	A_RT_SIGFRAME, /* rt_sigreturn: the mask its frame restores */
	A_AT_FLAGS, /* AT_REMOVEDIR, AT_SYMLINK_NOFOLLOW, ... */
};

/* How the result prints. */
enum ret_kind {
	R_DEC, /* the default: a number */
	R_HEX, /* brk, mmap: an address */
	R_OCT, /* umask */
	R_NONE, /* exit: never returns, "= ?" */
	R_FCNTL, /* "0x2 (flags O_RDWR)" for F_GETFL / F_GETFD */
	R_POLL, /* "1 ([{fd=3, revents=POLLIN}])" */
	R_SELECT, /* "1 (in [3])" */
	R_TIME, /* time(2)'s seconds */
};

struct syscall_desc {
	const char *name;
	int nargs;
	enum arg_kind arg[6];
	enum ret_kind ret;
};

/* The entry for syscall nr, or NULL: printed as syscall_NNN(...). */
const struct syscall_desc *syscall_lookup(long nr);
/* The entry for socketcall's sub-call (SYS_SOCKET ...), or NULL. */
const struct syscall_desc *socketcall_lookup(long call);
/* How many arguments socketcall's sub-call reads (Linux's nargs[]). */
int socketcall_nargs(long call);
const char *socketcall_name(long call); /* "SYS_SOCKET" */
/* Does -e NAME name a syscall we know? */
int syscall_name_known(const char *name);

/* ---- one traced process ---- */

#define ENTRY_TEXT_MAX 4096

struct tracee {
	int pid;
	int in_use;
	int in_syscall; /* between its entry and its exit stop */
	int started; /* it has had its first stop */
	int unfinished; /* its open line was cut by another process */
	int hidden; /* -e filtered this call out */
	int via_socketcall; /* the call came through socketcall(102) */
	int raw_line; /* -r: the open line is the raw socketcall one */
	int next_arg; /* the first argument printed at exit */
	int entry_complete; /* every argument was printed at entry */
	long nr; /* the syscall number (orig_eax) */
	unsigned long arg[6]; /* the arguments; a socketcall's sub-call's */
	unsigned long raw[2]; /* socketcall's own two arguments */
	unsigned long saved[2]; /* values read at entry (socklen_t in) */
	unsigned long sp; /* esp at entry */
	const struct syscall_desc *sc;
	char name[32]; /* "socket", "syscall_400" */
	char interrupted[32]; /* the call restart_syscall resumes */
	char entry_text[ENTRY_TEXT_MAX]; /* "socket(AF_INET, " at entry */
};

/* ---- printing ---- */

/* A string being built: decoders append to it. */
struct sbuf {
	char *buf;
	int len, size;
};

void sb_init(struct sbuf *sb, char *buf, int size);
void sb_puts(struct sbuf *sb, const char *s);
void sb_printf(struct sbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* One call as the decoders see it. */
struct call {
	struct tracee *t;
	const struct syscall_desc *sc;
	unsigned long *arg;
	long ret; /* at exit: the result (-errno on failure) */
	int exiting;
};

extern int opt_strsize; /* -s: the longest string printed (32) */

/* Appends argument i of c as strace prints it. */
void print_arg(struct sbuf *sb, struct call *c, int i);
/* Is argument i printed at exit (the call fills it in)? */
int arg_is_out(const struct call *c, int i);
/* Appends the result: "3", "-1 ECONNREFUSED (Connection refused)". */
void print_ret(struct sbuf *sb, struct call *c);

/* Small decoders the files share */
void print_quoted(struct sbuf *sb, const unsigned char *s, int len,
		  int nul_terminated, int cut);
void print_str_at(struct sbuf *sb, int pid, unsigned long addr, int max,
		  int path);
void print_buf_at(struct sbuf *sb, int pid, unsigned long addr, long len);
void print_ptr(struct sbuf *sb, unsigned long p);
const char *signal_name_of(int sig); /* "SIGINT", or NULL */
void print_signal(struct sbuf *sb, int sig);
void print_sigset(struct sbuf *sb, const unsigned long *set, int words);
void print_wait_status(struct sbuf *sb, int status);
void print_time_t(struct sbuf *sb, long seconds, int in_struct);

/* Flag and constant tables */
struct flag_name {
	unsigned long value;
	const char *name;
};
/* "A|B|0x40", or "0" (or zero_name) when nothing is set */
void print_flags(struct sbuf *sb, const struct flag_name *names,
		 unsigned long value, const char *zero_name);
/* ... and with no known bit set, "0x40 \/\* unknown *\/" */
void print_flags_or(struct sbuf *sb, const struct flag_name *names,
		    unsigned long value, const char *zero_name,
		    const char *unknown);
/* The name of value, or the number printed as fallback_fmt */
void print_xval(struct sbuf *sb, const struct flag_name *names, long value,
		const char *fallback_fmt);
const char *xval_name(const struct flag_name *names, long value);

/* decoders of each area (decode_*.c) */
void print_net_arg(struct sbuf *sb, struct call *c, int i);
void print_sockaddr_at(struct sbuf *sb, int pid, unsigned long addr, long len);
void print_file_arg(struct sbuf *sb, struct call *c, int i);
void print_proc_arg(struct sbuf *sb, struct call *c, int i);
int ioctl_arg_is_out(unsigned long request);
void print_open_flags(struct sbuf *sb, unsigned long flags);
void print_poll_ret(struct sbuf *sb, struct call *c);
void print_select_ret(struct sbuf *sb, struct call *c);
void print_fcntl_ret(struct sbuf *sb, struct call *c);
void print_siginfo(struct sbuf *sb, int pid, int sig);
void print_iovec_at(struct sbuf *sb, int pid, unsigned long addr,
		    unsigned long n, long total);
/* How many arguments this call prints (open's mode only with O_CREAT) */
int call_nargs(const struct call *c);
/* Reads at entry what the exit compares with (a socklen_t's old value) */
void save_entry_values(struct call *c);

#endif
