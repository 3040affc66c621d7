/* Signals (numbers and flags from <asm/signal.h>). */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <sys/types.h>
#include <asm/signal.h>

#define NSIG (_NSIG + 1) /* one past the highest signal number */

typedef int sig_atomic_t;
typedef void (*sighandler_t)(int);

/* One bit per signal: bit (sig - 1) of sig[(sig - 1) / 32]. */
typedef struct {
	unsigned long sig[_NSIG / 32];
} sigset_t;

/* What the kernel passes to an SA_SIGINFO handler (Linux's 128 bytes;
 * only the first fields are named here). */
typedef struct {
	int si_signo;
	int si_errno;
	int si_code;
	int __fields[29];
} siginfo_t;

struct sigaction {
	union { /* sa_sigaction with SA_SIGINFO, sa_handler without */
		void (*sa_handler)(int);
		void (*sa_sigaction)(int, siginfo_t *, void *);
	};
	sigset_t sa_mask; /* also blocked while the handler runs */
	int sa_flags; /* SA_* */
	void (*sa_restorer)(void); /* ignored: libc sets its own */
};

sighandler_t signal(int sig, sighandler_t handler);
int sigaction(int sig, const struct sigaction *act, struct sigaction *oldact);
int sigprocmask(int how, const sigset_t *set, sigset_t *oldset);
int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);
int kill(pid_t pid, int sig);
int raise(int sig);

#endif
