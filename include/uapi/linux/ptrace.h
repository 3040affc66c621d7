/* ptrace(26) requests, options and events (Linux: include/uapi/linux/ptrace.h; the
 * register layout of PTRACE_GETREGS is i386's struct user_regs_struct, 17 longs, the same
 * order as the kernel's struct pt_regs). */
#ifndef _UAPI_LINUX_PTRACE_H
#define _UAPI_LINUX_PTRACE_H

#define PTRACE_TRACEME	   0
#define PTRACE_PEEKTEXT	   1
#define PTRACE_PEEKDATA	   2
#define PTRACE_PEEKUSR	   3
#define PTRACE_CONT	   7
#define PTRACE_KILL	   8
#define PTRACE_GETREGS	   12
#define PTRACE_DETACH	   17
#define PTRACE_SYSCALL	   24
#define PTRACE_SETOPTIONS  0x4200
#define PTRACE_GETEVENTMSG 0x4201
#define PTRACE_GETSIGINFO  0x4202

#define PTRACE_O_TRACESYSGOOD	0x00000001
#define PTRACE_O_TRACEFORK	0x00000002
#define PTRACE_O_TRACEVFORK	0x00000004
#define PTRACE_O_TRACECLONE	0x00000008
#define PTRACE_O_TRACEEXEC	0x00000010
#define PTRACE_O_TRACEVFORKDONE 0x00000020
#define PTRACE_O_TRACEEXIT	0x00000040

#define PTRACE_EVENT_FORK  1
#define PTRACE_EVENT_VFORK 2
#define PTRACE_EVENT_CLONE 3
#define PTRACE_EVENT_EXEC  4

#endif
