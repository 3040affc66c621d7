/* ptrace inside the kernel (kernel/ptrace.c): request numbers and options as Linux's
 * include/uapi/linux/ptrace.h, and the hooks the syscall, fork, exec and signal paths call. */
#ifndef _MENUOS_PTRACE_K_H
#define _MENUOS_PTRACE_K_H

#include <menuos/sched.h>
#include <linux/ptrace.h>

int ptrace_stop(int code);
void ptrace_report_syscall(struct pt_regs *regs);
int ptrace_event(int event, unsigned long message);
void ptrace_init_child(struct task_struct *child);
int ptrace_signal(int sig);
void exit_ptrace(struct task_struct *tracer);

#endif
