/*
 * The syscall table: for each Linux i386 number (syscall_32.tbl), its name,
 * how many arguments it takes and how each prints. Every call in MenuOS's
 * sys_call_table (kernel/syscall.c) is here, and so are the calls glibc's
 * static programs make on Linux; any other number prints as
 * syscall_NNN(args in hex).
 *
 * i386 programs make their socket calls through socketcall(102): the second
 * table describes each sub-call, so socketcall(SYS_CONNECT, args) prints as
 * connect(...) as Linux's strace shows it.
 */
#include <string.h>
#include "strace.h"

#define ENTRY(nr, name, n, ...) [nr] = { name, n, { __VA_ARGS__ }, R_DEC }
#define ENTRY_RET(nr, name, ret, n, ...) \
	[nr] = { name, n, { __VA_ARGS__ }, ret }

static const struct syscall_desc syscalls[] = {
	ENTRY(0, "restart_syscall", 0),
	ENTRY_RET(1, "exit", R_NONE, 1, A_INT),
	ENTRY(2, "fork", 0),
	ENTRY(3, "read", 3, A_FD, A_BUF_OUT, A_UINT),
	ENTRY(4, "write", 3, A_FD, A_BUF_IN, A_UINT),
	ENTRY(5, "open", 3, A_PATH, A_OPEN_FLAGS, A_OCT),
	ENTRY(6, "close", 1, A_FD),
	ENTRY(7, "waitpid", 3, A_INT, A_WAIT_STATUS, A_WAIT_OPTIONS),
	ENTRY(8, "creat", 2, A_PATH, A_OCT),
	ENTRY(9, "link", 2, A_PATH, A_PATH),
	ENTRY(10, "unlink", 1, A_PATH),
	ENTRY(11, "execve", 3, A_PATH, A_EXEC_ARGV, A_EXEC_ENVP),
	ENTRY(12, "chdir", 1, A_PATH),
	ENTRY_RET(13, "time", R_TIME, 1, A_TIME_OUT),
	ENTRY(14, "mknod", 3, A_PATH, A_OCT, A_HEX),
	ENTRY(15, "chmod", 2, A_PATH, A_OCT),
	ENTRY(19, "lseek", 3, A_FD, A_INT, A_WHENCE),
	ENTRY(20, "getpid", 0),
	ENTRY(23, "setuid", 1, A_UINT),
	ENTRY(24, "getuid", 0),
	ENTRY(26, "ptrace", 4, A_PTRACE_REQ, A_INT, A_PTR, A_PTR),
	ENTRY(27, "alarm", 1, A_UINT),
	ENTRY(29, "pause", 0),
	ENTRY(33, "access", 2, A_PATH, A_ACCESS_MODE),
	ENTRY(37, "kill", 2, A_INT, A_SIGNAL),
	ENTRY(38, "rename", 2, A_PATH, A_PATH),
	ENTRY(39, "mkdir", 2, A_PATH, A_OCT),
	ENTRY(40, "rmdir", 1, A_PATH),
	ENTRY(41, "dup", 1, A_FD),
	ENTRY(42, "pipe", 1, A_PIPE_OUT),
	ENTRY(43, "times", 1, A_PTR),
	ENTRY_RET(45, "brk", R_HEX, 1, A_PTR),
	ENTRY(46, "setgid", 1, A_UINT),
	ENTRY(47, "getgid", 0),
	ENTRY_RET(48, "signal", R_HEX, 2, A_SIGNAL, A_PTR),
	ENTRY(49, "geteuid", 0),
	ENTRY(50, "getegid", 0),
	ENTRY(54, "ioctl", 3, A_FD, A_IOCTL_REQ, A_IOCTL_ARG),
	ENTRY_RET(55, "fcntl", R_FCNTL, 3, A_FD, A_FCNTL_CMD, A_FCNTL_ARG),
	ENTRY(57, "setpgid", 2, A_INT, A_INT),
	ENTRY_RET(60, "umask", R_OCT, 1, A_OCT),
	ENTRY(61, "chroot", 1, A_PATH),
	ENTRY(63, "dup2", 2, A_FD, A_FD),
	ENTRY(64, "getppid", 0),
	ENTRY(65, "getpgrp", 0),
	ENTRY(66, "setsid", 0),
	ENTRY(67, "sigaction", 3, A_SIGNAL, A_PTR, A_PTR),
	ENTRY(72, "sigsuspend", 3, A_INT, A_INT, A_HEX),
	ENTRY(73, "sigpending", 1, A_PTR),
	ENTRY(75, "setrlimit", 2, A_RLIMIT_RES, A_RLIMIT_IN),
	ENTRY(76, "getrlimit", 2, A_RLIMIT_RES, A_RLIMIT_OUT),
	ENTRY(77, "getrusage", 2, A_INT, A_PTR),
	ENTRY(78, "gettimeofday", 2, A_TIMEVAL_OUT, A_TIMEZONE_OUT),
	ENTRY(79, "settimeofday", 2, A_TIMEVAL_IN, A_PTR),
	ENTRY(82, "select", 1, A_PTR),
	ENTRY(83, "symlink", 2, A_PATH, A_PATH),
	ENTRY(85, "readlink", 3, A_PATH, A_LINK_OUT, A_UINT),
	ENTRY(88, "reboot", 4, A_REBOOT_MAGIC1, A_REBOOT_MAGIC2, A_REBOOT_CMD,
	      A_PTR),
	ENTRY_RET(90, "mmap", R_HEX, 1, A_PTR),
	ENTRY(91, "munmap", 2, A_PTR, A_UINT),
	ENTRY(92, "truncate", 2, A_PATH, A_INT),
	ENTRY(93, "ftruncate", 2, A_FD, A_INT),
	ENTRY(94, "fchmod", 2, A_FD, A_OCT),
	ENTRY(102, "socketcall", 2, A_SOCKETCALL, A_PTR),
	ENTRY(104, "setitimer", 3, A_INT, A_PTR, A_PTR),
	ENTRY(105, "getitimer", 2, A_INT, A_PTR),
	ENTRY(106, "stat", 2, A_PATH, A_STAT_OUT),
	ENTRY(107, "lstat", 2, A_PATH, A_STAT_OUT),
	ENTRY(108, "fstat", 2, A_FD, A_STAT_OUT),
	ENTRY(114, "wait4", 4, A_INT, A_WAIT_STATUS, A_WAIT_OPTIONS,
	      A_RUSAGE_OUT),
	ENTRY(116, "sysinfo", 1, A_SYSINFO_OUT),
	ENTRY(118, "fsync", 1, A_FD),
	ENTRY(119, "sigreturn", 0),
	ENTRY(120, "clone", 5, A_HEX, A_PTR, A_PTR, A_PTR, A_PTR),
	ENTRY(122, "uname", 1, A_UTSNAME_OUT),
	ENTRY(125, "mprotect", 3, A_PTR, A_UINT, A_MMAP_PROT),
	ENTRY(126, "sigprocmask", 3, A_SIGMASK_HOW, A_PTR, A_PTR),
	ENTRY(132, "getpgid", 1, A_INT),
	ENTRY(133, "fchdir", 1, A_FD),
	ENTRY(140, "_llseek", 5, A_FD, A_UINT, A_UINT, A_PTR, A_WHENCE),
	ENTRY(141, "getdents", 3, A_FD, A_DIRENTS_OUT, A_UINT),
	ENTRY_RET(142, "_newselect", R_SELECT, 5, A_INT, A_FDSET_IN, A_FDSET_IN,
		  A_FDSET_IN, A_TIMEVAL_IN),
	ENTRY(145, "readv", 3, A_FD, A_IOVEC_OUT, A_UINT),
	ENTRY(146, "writev", 3, A_FD, A_IOVEC_IN, A_UINT),
	ENTRY(147, "getsid", 1, A_INT),
	ENTRY(162, "nanosleep", 2, A_TIMESPEC_IN, A_NANOSLEEP_REM),
	ENTRY_RET(168, "poll", R_POLL, 3, A_POLLFDS, A_UINT, A_POLL_TIMEOUT),
	ENTRY(172, "prctl", 5, A_INT, A_HEX, A_HEX, A_HEX, A_HEX),
	ENTRY(173, "rt_sigreturn", 1, A_RT_SIGFRAME),
	ENTRY(174, "rt_sigaction", 4, A_SIGNAL, A_SIGACTION_IN, A_SIGACTION_OUT,
	      A_UINT),
	ENTRY(175, "rt_sigprocmask", 4, A_SIGMASK_HOW, A_SIGSET_IN,
	      A_SIGSET_OUT, A_UINT),
	ENTRY(176, "rt_sigpending", 2, A_SIGSET_OUT, A_UINT),
	ENTRY(179, "rt_sigsuspend", 2, A_SIGSET_IN, A_UINT),
	ENTRY(180, "pread64", 4, A_FD, A_BUF_OUT, A_UINT, A_INT),
	ENTRY(181, "pwrite64", 4, A_FD, A_BUF_IN, A_UINT, A_INT),
	ENTRY(183, "getcwd", 2, A_CWD_OUT, A_UINT),
	ENTRY(186, "sigaltstack", 2, A_PTR, A_PTR),
	ENTRY(190, "vfork", 0),
	ENTRY(191, "ugetrlimit", 2, A_RLIMIT_RES, A_RLIMIT_OUT),
	ENTRY_RET(192, "mmap2", R_HEX, 6, A_PTR, A_UINT, A_MMAP_PROT,
		  A_MMAP_FLAGS, A_FD, A_HEX),
	ENTRY(195, "stat64", 2, A_PATH, A_STAT64_OUT),
	ENTRY(196, "lstat64", 2, A_PATH, A_STAT64_OUT),
	ENTRY(197, "fstat64", 2, A_FD, A_STAT64_OUT),
	ENTRY(199, "getuid32", 0),
	ENTRY(200, "getgid32", 0),
	ENTRY(201, "geteuid32", 0),
	ENTRY(202, "getegid32", 0),
	ENTRY(219, "madvise", 3, A_PTR, A_UINT, A_INT),
	ENTRY(220, "getdents64", 3, A_FD, A_DIRENTS_OUT, A_UINT),
	ENTRY_RET(221, "fcntl64", R_FCNTL, 3, A_FD, A_FCNTL_CMD, A_FCNTL_ARG),
	ENTRY(224, "gettid", 0),
	ENTRY(238, "tkill", 2, A_INT, A_SIGNAL),
	ENTRY(240, "futex", 6, A_PTR, A_INT, A_INT, A_PTR, A_PTR, A_INT),
	ENTRY(243, "set_thread_area", 1, A_USER_DESC),
	ENTRY(244, "get_thread_area", 1, A_PTR),
	ENTRY_RET(252, "exit_group", R_NONE, 1, A_INT),
	ENTRY(258, "set_tid_address", 1, A_PTR),
	ENTRY(265, "clock_gettime", 2, A_CLOCKID, A_TIMESPEC_OUT),
	ENTRY(266, "clock_getres", 2, A_CLOCKID, A_TIMESPEC_OUT),
	ENTRY(267, "clock_nanosleep", 4, A_CLOCKID, A_INT, A_TIMESPEC_IN,
	      A_NANOSLEEP_REM),
	ENTRY(270, "tgkill", 3, A_INT, A_INT, A_SIGNAL),
	ENTRY(295, "openat", 4, A_FD, A_PATH, A_OPEN_FLAGS, A_OCT),
	ENTRY(300, "fstatat64", 4, A_FD, A_PATH, A_STAT64_OUT, A_AT_FLAGS),
	ENTRY(301, "unlinkat", 3, A_FD, A_PATH, A_AT_FLAGS),
	ENTRY(305, "readlinkat", 4, A_FD, A_PATH, A_LINK_OUT, A_UINT),
	ENTRY(307, "faccessat", 3, A_FD, A_PATH, A_ACCESS_MODE),
	ENTRY(308, "pselect6", 6, A_INT, A_PTR, A_PTR, A_PTR, A_PTR, A_PTR),
	ENTRY(309, "ppoll", 5, A_PTR, A_UINT, A_PTR, A_PTR, A_UINT),
	ENTRY(311, "set_robust_list", 2, A_PTR, A_UINT),
	ENTRY(330, "dup3", 3, A_FD, A_FD, A_PIPE_FLAGS),
	ENTRY(331, "pipe2", 2, A_PIPE_OUT, A_PIPE_FLAGS),
	ENTRY(337, "recvmmsg", 5, A_FD, A_MMSGHDR_OUT, A_UINT, A_MSG_FLAGS,
	      A_PTR),
	ENTRY(340, "prlimit64", 4, A_INT, A_RLIMIT_RES, A_PTR, A_PTR),
	ENTRY(345, "sendmmsg", 4, A_FD, A_MMSGHDR_IN, A_UINT, A_MSG_FLAGS),
	ENTRY(355, "getrandom", 3, A_PTR, A_UINT, A_HEX),
	ENTRY(358, "execveat", 5, A_FD, A_PATH, A_EXEC_ARGV, A_EXEC_ENVP,
	      A_HEX),
	ENTRY(359, "socket", 3, A_SOCK_DOMAIN, A_SOCK_TYPE, A_SOCK_PROTO),
	ENTRY(360, "socketpair", 4, A_SOCK_DOMAIN, A_SOCK_TYPE, A_INT,
	      A_SOCKPAIR_OUT),
	ENTRY(361, "bind", 3, A_FD, A_SOCKADDR_IN, A_INT),
	ENTRY(362, "connect", 3, A_FD, A_SOCKADDR_IN, A_INT),
	ENTRY(363, "listen", 2, A_FD, A_INT),
	ENTRY(364, "accept4", 4, A_FD, A_SOCKADDR_OUT, A_SOCKLEN_PTR,
	      A_SOCKCALL_FLAGS),
	ENTRY(365, "getsockopt", 5, A_FD, A_SOCKOPT_LEVEL, A_SOCKOPT_NAME,
	      A_SOCKOPT_VAL_OUT, A_SOCKLEN_PTR),
	ENTRY(366, "setsockopt", 5, A_FD, A_SOCKOPT_LEVEL, A_SOCKOPT_NAME,
	      A_SOCKOPT_VAL_IN, A_INT),
	ENTRY(367, "getsockname", 3, A_FD, A_SOCKADDR_OUT, A_SOCKLEN_PTR),
	ENTRY(368, "getpeername", 3, A_FD, A_SOCKADDR_OUT, A_SOCKLEN_PTR),
	ENTRY(369, "sendto", 6, A_FD, A_BUF_IN, A_UINT, A_MSG_FLAGS,
	      A_SOCKADDR_IN, A_INT),
	ENTRY(370, "sendmsg", 3, A_FD, A_MSGHDR_IN, A_MSG_FLAGS),
	ENTRY(371, "recvfrom", 6, A_FD, A_BUF_OUT, A_UINT, A_MSG_FLAGS,
	      A_SOCKADDR_OUT, A_SOCKLEN_PTR),
	ENTRY(372, "recvmsg", 3, A_FD, A_MSGHDR_OUT, A_MSG_FLAGS),
	ENTRY(373, "shutdown", 2, A_FD, A_SHUT_HOW),
	ENTRY(383, "statx", 5, A_FD, A_PATH, A_HEX, A_HEX, A_PTR),
	ENTRY(386, "rseq", 4, A_PTR, A_UINT, A_HEX, A_HEX),
	ENTRY(403, "clock_gettime64", 2, A_CLOCKID, A_PTR),
	ENTRY(407, "clock_nanosleep_time64", 4, A_CLOCKID, A_INT, A_PTR, A_PTR),
	ENTRY(413, "pselect6_time64", 6, A_INT, A_PTR, A_PTR, A_PTR, A_PTR,
	      A_PTR),
	ENTRY(414, "ppoll_time64", 5, A_PTR, A_UINT, A_PTR, A_PTR, A_UINT),
	ENTRY(417, "recvmmsg_time64", 5, A_FD, A_MMSGHDR_OUT, A_UINT,
	      A_MSG_FLAGS, A_PTR),
	ENTRY(422, "futex_time64", 6, A_PTR, A_INT, A_INT, A_PTR, A_PTR, A_INT),
	ENTRY(439, "faccessat2", 4, A_FD, A_PATH, A_ACCESS_MODE, A_HEX),
};

/* socketcall's sub-calls, by SYS_* number (Linux's net/socket.c) */
static const struct syscall_desc socketcalls[] = {
	ENTRY(1, "socket", 3, A_SOCK_DOMAIN, A_SOCK_TYPE, A_SOCK_PROTO),
	ENTRY(2, "bind", 3, A_FD, A_SOCKADDR_IN, A_INT),
	ENTRY(3, "connect", 3, A_FD, A_SOCKADDR_IN, A_INT),
	ENTRY(4, "listen", 2, A_FD, A_INT),
	ENTRY(5, "accept", 3, A_FD, A_SOCKADDR_OUT, A_SOCKLEN_PTR),
	ENTRY(6, "getsockname", 3, A_FD, A_SOCKADDR_OUT, A_SOCKLEN_PTR),
	ENTRY(7, "getpeername", 3, A_FD, A_SOCKADDR_OUT, A_SOCKLEN_PTR),
	ENTRY(8, "socketpair", 4, A_SOCK_DOMAIN, A_SOCK_TYPE, A_INT,
	      A_SOCKPAIR_OUT),
	ENTRY(9, "send", 4, A_FD, A_BUF_IN, A_UINT, A_MSG_FLAGS),
	ENTRY(10, "recv", 4, A_FD, A_BUF_OUT, A_UINT, A_MSG_FLAGS),
	ENTRY(11, "sendto", 6, A_FD, A_BUF_IN, A_UINT, A_MSG_FLAGS,
	      A_SOCKADDR_IN, A_INT),
	ENTRY(12, "recvfrom", 6, A_FD, A_BUF_OUT, A_UINT, A_MSG_FLAGS,
	      A_SOCKADDR_OUT, A_SOCKLEN_PTR),
	ENTRY(13, "shutdown", 2, A_FD, A_SHUT_HOW),
	ENTRY(14, "setsockopt", 5, A_FD, A_SOCKOPT_LEVEL, A_SOCKOPT_NAME,
	      A_SOCKOPT_VAL_IN, A_INT),
	ENTRY(15, "getsockopt", 5, A_FD, A_SOCKOPT_LEVEL, A_SOCKOPT_NAME,
	      A_SOCKOPT_VAL_OUT, A_SOCKLEN_PTR),
	ENTRY(16, "sendmsg", 3, A_FD, A_MSGHDR_IN, A_MSG_FLAGS),
	ENTRY(17, "recvmsg", 3, A_FD, A_MSGHDR_OUT, A_MSG_FLAGS),
	ENTRY(18, "accept4", 4, A_FD, A_SOCKADDR_OUT, A_SOCKLEN_PTR,
	      A_SOCKCALL_FLAGS),
	ENTRY(19, "recvmmsg", 5, A_FD, A_MMSGHDR_OUT, A_UINT, A_MSG_FLAGS,
	      A_PTR),
	ENTRY(20, "sendmmsg", 4, A_FD, A_MMSGHDR_IN, A_UINT, A_MSG_FLAGS),
};

static const char *const socketcall_names[] = {
	[1] = "SYS_SOCKET",	 [2] = "SYS_BIND",
	[3] = "SYS_CONNECT",	 [4] = "SYS_LISTEN",
	[5] = "SYS_ACCEPT",	 [6] = "SYS_GETSOCKNAME",
	[7] = "SYS_GETPEERNAME", [8] = "SYS_SOCKETPAIR",
	[9] = "SYS_SEND",	 [10] = "SYS_RECV",
	[11] = "SYS_SENDTO",	 [12] = "SYS_RECVFROM",
	[13] = "SYS_SHUTDOWN",	 [14] = "SYS_SETSOCKOPT",
	[15] = "SYS_GETSOCKOPT", [16] = "SYS_SENDMSG",
	[17] = "SYS_RECVMSG",	 [18] = "SYS_ACCEPT4",
	[19] = "SYS_RECVMMSG",	 [20] = "SYS_SENDMMSG",
};

#define COUNT(a) ((long)(sizeof(a) / sizeof((a)[0])))

const struct syscall_desc *syscall_lookup(long nr)
{
	if (nr < 0 || nr >= COUNT(syscalls) || !syscalls[nr].name)
		return NULL;
	return &syscalls[nr];
}

const struct syscall_desc *socketcall_lookup(long call)
{
	if (call < 1 || call >= COUNT(socketcalls))
		return NULL;
	return &socketcalls[call];
}

int socketcall_nargs(long call)
{
	const struct syscall_desc *sc = socketcall_lookup(call);

	return sc ? sc->nargs : 0;
}

const char *socketcall_name(long call)
{
	return call >= 1 && call < COUNT(socketcall_names)
		       ? socketcall_names[call]
		       : NULL;
}

int syscall_name_known(const char *name)
{
	long i;

	for (i = 0; i < COUNT(syscalls); i++)
		if (syscalls[i].name && !strcmp(syscalls[i].name, name))
			return 1;
	for (i = 1; i < COUNT(socketcalls); i++)
		if (!strcmp(socketcalls[i].name, name))
			return 1;
	return !strncmp(name, "syscall_", 8);
}
