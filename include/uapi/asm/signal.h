/* Signal numbers, handler values and sigaction flags of Linux i386
 * (Linux: arch/x86/include/uapi/asm/signal.h, asm-generic/signal-defs.h).
 * struct k_sigaction is what rt_sigaction(174) reads and writes. */
#ifndef _UAPI_ASM_SIGNAL_H
#define _UAPI_ASM_SIGNAL_H

#define _NSIG 64 /* signals 1.._NSIG; sigsetsize is _NSIG / 8 */

#define SIGHUP	  1
#define SIGINT	  2
#define SIGQUIT	  3
#define SIGILL	  4
#define SIGTRAP	  5
#define SIGABRT	  6
#define SIGIOT	  6
#define SIGBUS	  7
#define SIGFPE	  8
#define SIGKILL	  9
#define SIGUSR1	  10
#define SIGSEGV	  11
#define SIGUSR2	  12
#define SIGPIPE	  13
#define SIGALRM	  14
#define SIGTERM	  15
#define SIGSTKFLT 16
#define SIGCHLD	  17
#define SIGCONT	  18
#define SIGSTOP	  19
#define SIGTSTP	  20
#define SIGTTIN	  21
#define SIGTTOU	  22
#define SIGURG	  23
#define SIGXCPU	  24
#define SIGXFSZ	  25
#define SIGVTALRM 26
#define SIGPROF	  27
#define SIGWINCH  28
#define SIGIO	  29
#define SIGPOLL	  SIGIO
#define SIGPWR	  30
#define SIGSYS	  31

#define SIG_DFL ((void (*)(int))0) /* default action */
#define SIG_IGN ((void (*)(int))1) /* ignore the signal */
#define SIG_ERR ((void (*)(int)) - 1) /* signal() failed */

#define SA_NOCLDSTOP 0x00000001
#define SA_NOCLDWAIT 0x00000002
#define SA_SIGINFO   0x00000004
#define SA_RESTORER  0x04000000 /* sa_restorer is valid: return through it */
#define SA_ONSTACK   0x08000000
#define SA_RESTART   0x10000000
#define SA_NODEFER   0x40000000
#define SA_RESETHAND 0x80000000

#define SIG_BLOCK   0 /* rt_sigprocmask: add to the mask */
#define SIG_UNBLOCK 1 /* remove from the mask */
#define SIG_SETMASK 2 /* replace the mask */

/* Layout rt_sigaction(174) uses on i386 (Linux's kernel struct sigaction):
 * bit (sig - 1) of sa_mask is signal sig; sigsetsize is 8. */
struct k_sigaction {
	void (*sa_handler)(int);
	unsigned long sa_flags;
	void (*sa_restorer)(void);
	unsigned long sa_mask[2];
};

#endif
