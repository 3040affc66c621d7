/* The system call table. Slot N holds the function for Linux i386 syscall number N
 * (include/uapi/asm/unistd.h); an empty slot or a number past the end is -ENOSYS.
 * system_call (kernel/entry.asm) saved the registers as struct pt_regs; do_syscall passes
 * ebx, ecx, edx, esi, edi, ebp as the six arguments and puts the result in eax. */
#include <menuos/io.h>
#include <menuos/ptrace_k.h>
#include <menuos/sched.h>
#include <menuos/syscalls.h>
#include <asm/unistd.h>

typedef long (*sys_call_ptr_t)(unsigned long, unsigned long, unsigned long,
			       unsigned long, unsigned long, unsigned long);

/* through void (*)(void): the generic function pointer type GCC accepts any cast from */
#define __SYSCALL(nr, fn) [nr] = (sys_call_ptr_t)(void (*)(void))fn

const sys_call_ptr_t sys_call_table[NR_syscalls] = {
	__SYSCALL(__NR_restart_syscall, sys_restart_syscall),
	__SYSCALL(__NR_exit, sys_exit),
	__SYSCALL(__NR_fork, sys_fork),
	__SYSCALL(__NR_read, sys_read),
	__SYSCALL(__NR_write, sys_write),
	__SYSCALL(__NR_open, sys_open),
	__SYSCALL(__NR_close, sys_close),
	__SYSCALL(__NR_waitpid, sys_waitpid),
	__SYSCALL(__NR_unlink, sys_unlink),
	__SYSCALL(__NR_execve, sys_execve),
	__SYSCALL(__NR_chdir, sys_chdir),
	__SYSCALL(__NR_time, sys_time),
	__SYSCALL(__NR_lseek, sys_lseek),
	__SYSCALL(__NR_getpid, sys_getpid),
	__SYSCALL(__NR_getuid, sys_getuid),
	__SYSCALL(__NR_ptrace, sys_ptrace),
	__SYSCALL(__NR_pause, sys_pause),
	__SYSCALL(__NR_access, sys_access),
	__SYSCALL(__NR_kill, sys_kill),
	__SYSCALL(__NR_dup, sys_dup),
	__SYSCALL(__NR_pipe, sys_pipe),
	__SYSCALL(__NR_brk, sys_brk),
	__SYSCALL(__NR_getgid, sys_getuid),
	__SYSCALL(__NR_geteuid, sys_getuid),
	__SYSCALL(__NR_getegid, sys_getuid),
	__SYSCALL(__NR_ioctl, sys_ioctl),
	__SYSCALL(__NR_fcntl, sys_fcntl),
	__SYSCALL(__NR_setpgid, sys_setpgid),
	__SYSCALL(__NR_umask, sys_umask),
	__SYSCALL(__NR_dup2, sys_dup2),
	__SYSCALL(__NR_getppid, sys_getppid),
	__SYSCALL(__NR_getpgrp, sys_getpgrp),
	__SYSCALL(__NR_setsid, sys_setsid),
	__SYSCALL(__NR_gettimeofday, sys_gettimeofday),
	__SYSCALL(__NR_readlink, sys_readlink),
	__SYSCALL(__NR_reboot, sys_reboot),
	__SYSCALL(__NR_munmap, sys_munmap),
	__SYSCALL(__NR_socketcall, sys_socketcall),
	__SYSCALL(__NR_stat, sys_stat),
	__SYSCALL(__NR_lstat, sys_stat),
	__SYSCALL(__NR_fstat, sys_fstat),
	__SYSCALL(__NR_wait4, sys_wait4),
	__SYSCALL(__NR_sysinfo, sys_sysinfo),
	__SYSCALL(__NR_sigreturn, sys_sigreturn),
	__SYSCALL(__NR_clone, sys_clone),
	__SYSCALL(__NR_uname, sys_uname),
	__SYSCALL(__NR_mprotect, sys_mprotect),
	__SYSCALL(__NR_getpgid, sys_getpgid),
	__SYSCALL(__NR__llseek, sys_llseek),
	__SYSCALL(__NR__newselect, sys_select),
	__SYSCALL(__NR_readv, sys_readv),
	__SYSCALL(__NR_writev, sys_writev),
	__SYSCALL(__NR_nanosleep, sys_nanosleep),
	__SYSCALL(__NR_poll, sys_poll),
	__SYSCALL(__NR_rt_sigreturn, sys_rt_sigreturn),
	__SYSCALL(__NR_rt_sigaction, sys_rt_sigaction),
	__SYSCALL(__NR_rt_sigprocmask, sys_rt_sigprocmask),
	__SYSCALL(__NR_getcwd, sys_getcwd),
	__SYSCALL(__NR_vfork, sys_vfork),
	__SYSCALL(__NR_ugetrlimit, sys_ugetrlimit),
	__SYSCALL(__NR_mmap2, sys_mmap2),
	__SYSCALL(__NR_stat64, sys_stat64),
	__SYSCALL(__NR_lstat64, sys_stat64),
	__SYSCALL(__NR_fstat64, sys_fstat64),
	__SYSCALL(__NR_getuid32, sys_getuid),
	__SYSCALL(__NR_getgid32, sys_getuid),
	__SYSCALL(__NR_geteuid32, sys_getuid),
	__SYSCALL(__NR_getegid32, sys_getuid),
	__SYSCALL(__NR_getdents64, sys_getdents64),
	__SYSCALL(__NR_fcntl64, sys_fcntl),
	__SYSCALL(__NR_gettid, sys_gettid),
	__SYSCALL(__NR_set_thread_area, sys_set_thread_area),
	__SYSCALL(__NR_exit_group, sys_exit_group),
	__SYSCALL(__NR_set_tid_address, sys_set_tid_address),
	__SYSCALL(__NR_clock_gettime, sys_clock_gettime),
	__SYSCALL(__NR_clock_nanosleep, sys_clock_nanosleep),
	__SYSCALL(__NR_tgkill, sys_tgkill),
	__SYSCALL(__NR_openat, sys_openat),
	__SYSCALL(__NR_fstatat64, sys_fstatat64),
	__SYSCALL(__NR_unlinkat, sys_unlinkat),
	__SYSCALL(__NR_readlinkat, sys_readlinkat),
	__SYSCALL(__NR_faccessat, sys_faccessat),
	__SYSCALL(__NR_pselect6, sys_pselect6),
	__SYSCALL(__NR_ppoll, sys_ppoll),
	__SYSCALL(__NR_dup3, sys_dup3),
	__SYSCALL(__NR_pipe2, sys_pipe2),
	__SYSCALL(__NR_recvmmsg, sys_recvmmsg),
	__SYSCALL(__NR_prlimit64, sys_prlimit64),
	__SYSCALL(__NR_sendmmsg, sys_sendmmsg),
	__SYSCALL(__NR_getrandom, sys_getrandom),
	__SYSCALL(__NR_socket, sys_socket),
	__SYSCALL(__NR_socketpair, sys_socketpair),
	__SYSCALL(__NR_bind, sys_bind),
	__SYSCALL(__NR_connect, sys_connect),
	__SYSCALL(__NR_listen, sys_listen),
	__SYSCALL(__NR_accept4, sys_accept4),
	__SYSCALL(__NR_getsockopt, sys_getsockopt),
	__SYSCALL(__NR_setsockopt, sys_setsockopt),
	__SYSCALL(__NR_getsockname, sys_getsockname),
	__SYSCALL(__NR_getpeername, sys_getpeername),
	__SYSCALL(__NR_sendto, sys_sendto),
	__SYSCALL(__NR_sendmsg, sys_sendmsg),
	__SYSCALL(__NR_recvfrom, sys_recvfrom),
	__SYSCALL(__NR_recvmsg, sys_recvmsg),
	__SYSCALL(__NR_shutdown, sys_shutdown),
	__SYSCALL(__NR_statx, sys_statx),
	__SYSCALL(__NR_clock_gettime64, sys_clock_gettime64),
	__SYSCALL(__NR_clock_nanosleep_time64, sys_clock_nanosleep_time64),
	__SYSCALL(__NR_pselect6_time64, sys_pselect6_time64),
	__SYSCALL(__NR_ppoll_time64, sys_ppoll_time64),
	__SYSCALL(__NR_recvmmsg_time64, sys_recvmmsg_time64),
};

void do_syscall(struct pt_regs *regs)
{
	unsigned long nr = regs->orig_ax;
	long ret = -ENOSYS;

	local_irq_enable();
	if (current->ptrace_syscall) { /* strace: the syscall-entry stop */
		regs->ax = -ENOSYS;
		ptrace_report_syscall(regs);
	}
	if (nr < NR_syscalls && sys_call_table[nr])
		ret = sys_call_table[nr](regs->bx, regs->cx, regs->dx, regs->si,
					 regs->di, regs->bp);
	regs->ax = ret;
	if (current->ptrace_syscall) /* and the syscall-exit stop */
		ptrace_report_syscall(regs);
}
