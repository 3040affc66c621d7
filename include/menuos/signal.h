/* Signals inside the kernel: sending, and delivering on the way back to ring 3. */
#ifndef _MENUOS_SIGNAL_H
#define _MENUOS_SIGNAL_H

#include <menuos/sched.h>
#include <asm/signal.h>

#define sigmask(sig) (1ULL << ((sig)-1))
/* no mask a program gives may hold these: it could then never be killed or stopped */
#define SIG_UNBLOCKABLE (sigmask(SIGKILL) | sigmask(SIGSTOP))

/* the signals whose default action stops the process (Linux's sig_kernel_stop) */
#define SIG_KERNEL_STOP_MASK                                      \
	(sigmask(SIGSTOP) | sigmask(SIGTSTP) | sigmask(SIGTTIN) | \
	 sigmask(SIGTTOU))
#define sig_kernel_stop(sig) ((SIG_KERNEL_STOP_MASK & sigmask(sig)) != 0)

/* task_struct.signal_flags (Linux's SIGNAL_STOP_*): stopped by a stop signal;
 * continued by SIGCONT and not yet reported to wait4(WCONTINUED) */
#define SIGNAL_STOP_STOPPED   0x1
#define SIGNAL_STOP_CONTINUED 0x2

/* every change of current->blocked from a mask a program gave goes through here (Linux's
 * set_current_blocked) */
static inline void set_current_blocked(unsigned long long mask)
{
	current->blocked = mask & ~SIG_UNBLOCKABLE;
}

int send_sig(int sig, struct task_struct *t);
int kill_pgrp(pid_t pgid, int sig);
void force_sig(int sig);
int signal_handled(struct task_struct *t,
		   int sig); /* a user handler will run */
void do_signal(struct pt_regs *regs);
int will_become_orphaned_pgrp(pid_t pgid, struct task_struct *ignored);
int has_stopped_jobs(pid_t pgid);
void flush_signal_handlers(struct task_struct *t); /* execve */
const char *signal_name(int sig);

#endif
