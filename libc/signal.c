/* Signals: sigaction over rt_sigaction(174), signal masks, kill and raise. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "syscall.h"

void __restore_rt(void);

/* Signals whose handler the program installed with SA_SIGINFO. */
static unsigned long long wants_siginfo;

/*
 * Linux i386 builds an "rt" signal frame (the one rt_sigreturn unwinds) only
 * for SA_SIGINFO handlers. We ask for it for every handler, so one restorer,
 * __restore_rt, serves all: a handler taking only the signal number just
 * ignores the two extra arguments.
 */
int sigaction(int sig, const struct sigaction *act, struct sigaction *oldact)
{
	struct k_sigaction kact, kold;
	unsigned long long bit;
	long ret;

	if (sig < 1 || sig > _NSIG) {
		errno = EINVAL;
		return -1;
	}
	bit = 1ULL << (sig - 1);
	if (act) {
		kact.sa_handler = act->sa_handler;
		kact.sa_flags = act->sa_flags | SA_RESTORER;
		if (act->sa_handler != SIG_DFL && act->sa_handler != SIG_IGN)
			kact.sa_flags |= SA_SIGINFO;
		kact.sa_restorer = __restore_rt;
		memcpy(kact.sa_mask, act->sa_mask.sig, sizeof(kact.sa_mask));
	}
	ret = __syscall_ret(
		__syscall4(__NR_rt_sigaction, sig, act ? (long)&kact : 0,
			   oldact ? (long)&kold : 0, sizeof(kact.sa_mask)));
	if (ret < 0)
		return -1;
	if (oldact) {
		oldact->sa_handler = kold.sa_handler;
		oldact->sa_flags = kold.sa_flags;
		if (!(wants_siginfo & bit))
			oldact->sa_flags &= ~SA_SIGINFO;
		oldact->sa_restorer = kold.sa_restorer;
		memcpy(oldact->sa_mask.sig, kold.sa_mask, sizeof(kold.sa_mask));
	}
	if (act) {
		if (act->sa_flags & SA_SIGINFO)
			wants_siginfo |= bit;
		else
			wants_siginfo &= ~bit;
	}
	return 0;
}

/* BSD semantics, as glibc's: the handler stays, interrupted calls restart. */
sighandler_t signal(int sig, sighandler_t handler)
{
	struct sigaction act, old;

	memset(&act, 0, sizeof(act));
	act.sa_handler = handler;
	act.sa_flags = SA_RESTART;
	if (sigaction(sig, &act, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}

int sigprocmask(int how, const sigset_t *set, sigset_t *oldset)
{
	return syscall4(__NR_rt_sigprocmask, how, set, oldset,
			sizeof(sigset_t));
}

int sigemptyset(sigset_t *set)
{
	memset(set, 0, sizeof(*set));
	return 0;
}

int sigfillset(sigset_t *set)
{
	memset(set, 0xff, sizeof(*set));
	return 0;
}

int sigaddset(sigset_t *set, int sig)
{
	if (sig < 1 || sig > _NSIG) {
		errno = EINVAL;
		return -1;
	}
	set->sig[(sig - 1) / 32] |= 1UL << ((sig - 1) % 32);
	return 0;
}

int sigdelset(sigset_t *set, int sig)
{
	if (sig < 1 || sig > _NSIG) {
		errno = EINVAL;
		return -1;
	}
	set->sig[(sig - 1) / 32] &= ~(1UL << ((sig - 1) % 32));
	return 0;
}

int sigismember(const sigset_t *set, int sig)
{
	if (sig < 1 || sig > _NSIG) {
		errno = EINVAL;
		return -1;
	}
	return (set->sig[(sig - 1) / 32] >> ((sig - 1) % 32)) & 1;
}

int kill(pid_t pid, int sig)
{
	return syscall2(__NR_kill, pid, sig);
}

int raise(int sig)
{
	return kill(getpid(), sig);
}
