/* Linux i386 system call numbers (arch/x86/entry/syscalls/syscall_32.tbl) that MenuOS
 * implements or plans to. A number here and its slot in sys_call_table (kernel/syscall.c)
 * are the same as on Linux, so unmodified static i386 programs can run.
 * tests/host/abi_check.c compares every value with Linux's asm/unistd_32.h. */
#ifndef _UAPI_ASM_UNISTD_H
#define _UAPI_ASM_UNISTD_H

#define __NR_exit	     1
#define __NR_fork	     2
#define __NR_read	     3
#define __NR_write	     4
#define __NR_open	     5
#define __NR_close	     6
#define __NR_waitpid	     7
#define __NR_unlink	     10
#define __NR_execve	     11
#define __NR_chdir	     12
#define __NR_time	     13
#define __NR_lseek	     19
#define __NR_getpid	     20
#define __NR_getuid	     24
#define __NR_ptrace	     26
#define __NR_alarm	     27
#define __NR_pause	     29
#define __NR_access	     33
#define __NR_kill	     37
#define __NR_mkdir	     39
#define __NR_rmdir	     40
#define __NR_dup	     41
#define __NR_pipe	     42
#define __NR_brk	     45
#define __NR_getgid	     47
#define __NR_signal	     48
#define __NR_geteuid	     49
#define __NR_getegid	     50
#define __NR_ioctl	     54
#define __NR_fcntl	     55
#define __NR_setpgid	     57
#define __NR_umask	     60
#define __NR_dup2	     63
#define __NR_getppid	     64
#define __NR_getpgrp	     65
#define __NR_setsid	     66
#define __NR_sigaction	     67
#define __NR_gettimeofday    78
#define __NR_select	     82
#define __NR_readlink	     85
#define __NR_reboot	     88
#define __NR_munmap	     91
#define __NR_socketcall	     102
#define __NR_stat	     106
#define __NR_lstat	     107
#define __NR_fstat	     108
#define __NR_wait4	     114
#define __NR_sysinfo	     116
#define __NR_sigreturn	     119
#define __NR_uname	     122
#define __NR_mprotect	     125
#define __NR_sigprocmask     126
#define __NR_getpgid	     132
#define __NR_getdents	     141
#define __NR__newselect	     142
#define __NR_readv	     145
#define __NR_writev	     146
#define __NR_nanosleep	     162
#define __NR_poll	     168
#define __NR_rt_sigreturn    173
#define __NR_rt_sigaction    174
#define __NR_rt_sigprocmask  175
#define __NR_getcwd	     183
#define __NR_ugetrlimit	     191
#define __NR_mmap2	     192
#define __NR_stat64	     195
#define __NR_lstat64	     196
#define __NR_fstat64	     197
#define __NR_getuid32	     199
#define __NR_getgid32	     200
#define __NR_geteuid32	     201
#define __NR_getegid32	     202
#define __NR_getdents64	     220
#define __NR_gettid	     224
#define __NR_tkill	     238
#define __NR_set_thread_area 243
#define __NR_exit_group	     252
#define __NR_set_tid_address 258
#define __NR_clock_gettime   265
#define __NR_tgkill	     270
#define __NR_fstatat64	     300
#define __NR_ppoll	     309
#define __NR_dup3	     330
#define __NR_pipe2	     331
#define __NR_recvmmsg	     337
#define __NR_prlimit64	     340
#define __NR_sendmmsg	     345
#define __NR_getrandom	     355
#define __NR_socket	     359
#define __NR_socketpair	     360
#define __NR_bind	     361
#define __NR_connect	     362
#define __NR_listen	     363
#define __NR_accept4	     364
#define __NR_getsockopt	     365
#define __NR_setsockopt	     366
#define __NR_getsockname     367
#define __NR_getpeername     368
#define __NR_sendto	     369
#define __NR_sendmsg	     370
#define __NR_recvfrom	     371
#define __NR_recvmsg	     372
#define __NR_shutdown	     373
#define __NR_statx	     383
#define __NR_clock_gettime64 403

/* one past the highest number the table knows; anything >= is -ENOSYS */
#define NR_syscalls 440

#endif
