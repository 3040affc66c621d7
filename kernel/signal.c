/* Signals: kill(2), sigaction, sigprocmask, and delivery on the way back to ring 3. The
 * signal frames are Linux's i386 ones (struct sigframe / rt_sigframe with a sigcontext), so
 * a handler sees what it would see on Linux and sigreturn/rt_sigreturn restore it.
 * Job control as Linux does it: SIGSTOP, SIGTSTP, SIGTTIN and SIGTTOU stop a process
 * (do_signal_stop), SIGCONT continues it (prepare_signal), and the parent hears of both
 * through SIGCHLD and wait4's WUNTRACED and WCONTINUED. */
#include <menuos/interrupt.h>
#include <menuos/io.h>
#include <menuos/net.h>
#include <menuos/ptrace_k.h>
#include <menuos/signal.h>
#include <menuos/syscalls.h>
#include <menuos/uaccess.h>
#include <asm/unistd.h>

#define ERESTARTNOINTR 513
#define ERESTARTNOHAND 514
#define ERESTART_RESTARTBLOCK \
	516 /* restart through restart_syscall (nanosleep) */

static const char *const signal_names[32] = {
	NULL,	   "SIGHUP",  "SIGINT",	   "SIGQUIT", "SIGILL",	   "SIGTRAP",
	"SIGABRT", "SIGBUS",  "SIGFPE",	   "SIGKILL", "SIGUSR1",   "SIGSEGV",
	"SIGUSR2", "SIGPIPE", "SIGALRM",   "SIGTERM", "SIGSTKFLT", "SIGCHLD",
	"SIGCONT", "SIGSTOP", "SIGTSTP",   "SIGTTIN", "SIGTTOU",   "SIGURG",
	"SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH",  "SIGIO",
	"SIGPWR",  "SIGSYS",
};

const char *signal_name(int sig)
{
	return sig > 0 && sig < 32 ? signal_names[sig] : "SIG?";
}

/* Signals whose default action is to do nothing (SIGCONT's work is done when it is sent). */
static int default_ignored(int sig)
{
	return sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH ||
	       sig == SIGCONT;
}

static int sig_ignored(struct task_struct *t, int sig)
{
	void (*h)(int) = t->sighand[sig - 1].sa_handler;

	/* init only gets the signals it has handlers for, even SIGKILL (as Linux) */
	if (t->pid == 1 && (h == SIG_DFL || h == SIG_IGN))
		return 1;
	if (t->ptracer)
		return 0; /* a tracer sees every signal (it stops the tracee first) */
	if (sig == SIGKILL || (t->blocked & sigmask(sig)))
		return 0;
	return h == SIG_IGN || (h == SIG_DFL && default_ignored(sig));
}

int signal_handled(struct task_struct *t, int sig)
{
	void (*h)(int) = t->sighand[sig - 1].sa_handler;

	return sig != SIGKILL && h != SIG_DFL && h != SIG_IGN;
}

/* The parent learns that t stopped or continued: its wait4 wakes up, and it gets SIGCHLD
 * unless its SIGCHLD action has SA_NOCLDSTOP. */
static void do_notify_parent_cldstop(struct task_struct *t)
{
	struct task_struct *parent = t->parent;

	if (!parent || parent == t)
		return;
	if (!(parent->sighand[SIGCHLD - 1].sa_flags & SA_NOCLDSTOP))
		send_sig(SIGCHLD, parent);
	wake_up(&parent->wait_chldexit);
}

/* What sending sig does before it is queued, even if it is blocked or ignored (Linux's
 * prepare_signal): a stop signal discards a pending SIGCONT; SIGCONT discards pending
 * stop signals and continues a stopped process. */
static void prepare_signal(int sig, struct task_struct *t)
{
	if (sig_kernel_stop(sig)) {
		t->pending &= ~sigmask(SIGCONT);
	} else if (sig == SIGCONT) {
		t->pending &= ~SIG_KERNEL_STOP_MASK;
		if (!(t->signal_flags & SIGNAL_STOP_STOPPED))
			return;
		t->signal_flags = SIGNAL_STOP_CONTINUED;
		t->group_exit_code = 0;
		/* a tracee's stop is its tracer's to end (ptrace_stop) */
		if (t->state == TASK_STOPPED && !t->ptracer)
			t->state = TASK_RUNNING;
		do_notify_parent_cldstop(t);
	}
}

int send_sig(int sig, struct task_struct *t)
{
	if (sig < 1 || sig > _NSIG)
		return -EINVAL;
	if (t->state == TASK_ZOMBIE)
		return 0;
	unsigned long flags = local_irq_save();
	prepare_signal(sig, t);
	if (sig_ignored(t, sig)) {
		local_irq_restore(flags);
		return 0;
	}
	t->pending |= sigmask(sig);
	if (sig == SIGKILL || !(t->blocked & sigmask(sig)))
		wake_up_process(t);
	if (sig == SIGKILL && t->state == TASK_STOPPED)
		t->state = TASK_RUNNING; /* out of a stop, to die */
	local_irq_restore(flags);
	return 0;
}

int kill_pgrp(pid_t pgid, int sig)
{
	int found = 0;

	for (int i = 1; i < NR_TASKS; i++) {
		struct task_struct *t = &task_table[i];
		if (t->state != TASK_UNUSED &&
		    t->pgid == pgid) { /* zombies count, as Linux */
			send_sig(sig, t);
			found = 1;
		}
	}
	return found ? 0 : -ESRCH;
}

/* A fault the process caused: it cannot block or ignore it (as Linux's force_sig). */
void force_sig(int sig)
{
	struct k_sigaction *ka = &current->sighand[sig - 1];

	if (ka->sa_handler == SIG_IGN || (current->blocked & sigmask(sig))) {
		ka->sa_handler = SIG_DFL;
		current->blocked &= ~sigmask(sig);
	}
	current->pending |= sigmask(sig);
}

long sys_kill(pid_t pid, int sig)
{
	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (pid > 0) {
		struct task_struct *t = find_task_by_pid(pid);
		if (!t)
			return -ESRCH; /* a zombie still exists until it is reaped */
		return sig ? send_sig(sig, t) : 0;
	}
	pid_t pgid = pid == 0 ? current->pgid : (pid < -1 ? -pid : 0);
	if (pid == -1) { /* everyone but init and ourselves */
		for (int i = 1; i < NR_TASKS; i++) {
			struct task_struct *t = &task_table[i];
			if (t->state != TASK_UNUSED && t->pid > 1 &&
			    t != current && sig)
				send_sig(sig, t);
		}
		return 0;
	}
	return sig ? kill_pgrp(pgid, sig) : 0;
}

/* pause(2): sleep until a signal is delivered; always -EINTR (-ERESTARTNOHAND). */
long sys_pause(void)
{
	unsigned long flags = local_irq_save();

	while (!signal_pending_current())
		sleep_on_current(-1);
	local_irq_restore(flags);
	return -ERESTARTNOHAND;
}

/* tgkill(270): one thread of a group; MenuOS's processes have one, the pid. glibc's
 * raise() and abort() use it. */
long sys_tgkill(pid_t tgid, pid_t tid, int sig)
{
	if (tgid <= 0 || tid <= 0)
		return -EINVAL;
	if (tgid != tid)
		return -ESRCH;
	return sys_kill(tid, sig);
}

long sys_rt_sigaction(int sig, const struct k_sigaction *act,
		      struct k_sigaction *oact, size_t sigsetsize)
{
	struct k_sigaction new_ka;

	if (sigsetsize != 8 || sig < 1 || sig > _NSIG)
		return -EINVAL;
	if (act && copy_from_user(&new_ka, act, sizeof(new_ka)))
		return -EFAULT;
	if (act && (sig == SIGKILL || sig == SIGSTOP))
		return -EINVAL;
	if (oact &&
	    copy_to_user(oact, &current->sighand[sig - 1], sizeof(*oact)))
		return -EFAULT;
	if (act) {
		current->sighand[sig - 1] = new_ka;
		if (sig_ignored(
			    current,
			    sig)) /* POSIX: setting SIG_IGN discards a pending one */
			current->pending &= ~sigmask(sig);
	}
	return 0;
}

long sys_rt_sigprocmask(int how, const unsigned long long *set,
			unsigned long long *oset, size_t sigsetsize)
{
	unsigned long long new_set, old = current->blocked;

	if (sigsetsize != 8)
		return -EINVAL;
	if (set) {
		if (copy_from_user(&new_set, set, sizeof(new_set)))
			return -EFAULT;
		if (how == SIG_BLOCK)
			set_current_blocked(current->blocked | new_set);
		else if (how == SIG_UNBLOCK)
			set_current_blocked(current->blocked & ~new_set);
		else if (how == SIG_SETMASK)
			set_current_blocked(new_set);
		else
			return -EINVAL;
	}
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

void flush_signal_handlers(struct task_struct *t)
{
	for (int i = 0; i < _NSIG; i++) {
		if (t->sighand[i].sa_handler != SIG_IGN)
			t->sighand[i].sa_handler = SIG_DFL;
		t->sighand[i].sa_flags = 0;
		t->sighand[i].sa_restorer = NULL;
	}
}

/* ---- signal frames (Linux's arch/x86/kernel/signal.c, i386 layouts) ---- */

struct sigcontext {
	unsigned short gs, __gsh, fs, __fsh, es, __esh, ds, __dsh;
	unsigned long di, si, bp, sp, bx, dx, cx, ax;
	unsigned long trapno, err, ip;
	unsigned short cs, __csh;
	unsigned long flags, sp_at_signal;
	unsigned short ss, __ssh;
	unsigned long fpstate, oldmask, cr2;
};

struct ucontext {
	unsigned long uc_flags;
	unsigned long uc_link;
	unsigned long ss_sp, ss_flags, ss_size; /* stack_t */
	struct sigcontext uc_mcontext;
	unsigned long long uc_sigmask;
};

struct siginfo {
	int si_signo, si_errno, si_code;
	int pad[29];
};

struct sigframe { /* handlers without SA_SIGINFO; returns through sigreturn (119) */
	unsigned long pretcode;
	int sig;
	struct sigcontext sc;
	unsigned long extramask;
	char retcode[8];
};

struct rt_sigframe { /* SA_SIGINFO handlers; returns through rt_sigreturn (173) */
	unsigned long pretcode;
	int sig;
	unsigned long pinfo, puc;
	struct siginfo info;
	struct ucontext uc;
	char retcode[8];
};

static void save_sigcontext(struct sigcontext *sc, const struct pt_regs *r,
			    unsigned long mask)
{
	memset(sc, 0, sizeof(*sc));
	sc->gs = r->gs, sc->fs = r->fs, sc->es = r->es, sc->ds = r->ds;
	sc->di = r->di, sc->si = r->si, sc->bp = r->bp, sc->sp = r->sp;
	sc->bx = r->bx, sc->dx = r->dx, sc->cx = r->cx, sc->ax = r->ax;
	sc->ip = r->ip, sc->cs = r->cs, sc->flags = r->flags;
	sc->sp_at_signal = r->sp, sc->ss = r->ss;
	sc->oldmask = mask;
}

/* `mov $nr, %eax; int $0x80` for handlers registered without SA_RESTORER */
static void fill_retcode(char *code, int nr)
{
	code[0] = (char)0xb8;
	memcpy(code + 1, &nr, 4);
	code[5] = (char)0xcd;
	code[6] = (char)0x80;
	code[7] = 0;
}

static int setup_frame(int sig, struct k_sigaction *ka, struct pt_regs *regs)
{
	unsigned long long old = current->blocked;

	if (ka->sa_flags & SA_SIGINFO) {
		struct rt_sigframe f;
		unsigned long at = ALIGN_DOWN(regs->sp - sizeof(f), 16) - 4;
		struct rt_sigframe *uf = (struct rt_sigframe *)at;
		memset(&f, 0, sizeof(f));
		f.sig = sig;
		f.pinfo = (unsigned long)&uf->info;
		f.puc = (unsigned long)&uf->uc;
		f.info.si_signo = sig;
		f.uc.uc_sigmask = old;
		save_sigcontext(&f.uc.uc_mcontext, regs, (unsigned long)old);
		fill_retcode(f.retcode, __NR_rt_sigreturn);
		f.pretcode = ka->sa_flags & SA_RESTORER
				     ? (unsigned long)ka->sa_restorer
				     : (unsigned long)uf->retcode;
		if (copy_to_user(uf, &f, sizeof(f)))
			return -EFAULT;
		regs->sp = at;
		regs->ax = sig;
		regs->dx = f.pinfo;
		regs->cx = f.puc;
	} else {
		struct sigframe f;
		unsigned long at = ALIGN_DOWN(regs->sp - sizeof(f), 16) - 4;
		struct sigframe *uf = (struct sigframe *)at;
		memset(&f, 0, sizeof(f));
		f.sig = sig;
		save_sigcontext(&f.sc, regs, (unsigned long)old);
		f.extramask = old >> 32;
		fill_retcode(f.retcode, __NR_sigreturn);
		f.pretcode = ka->sa_flags & SA_RESTORER
				     ? (unsigned long)ka->sa_restorer
				     : (unsigned long)uf->retcode;
		if (copy_to_user(uf, &f, sizeof(f)))
			return -EFAULT;
		regs->sp = at;
		regs->ax = sig;
	}
	regs->ip = (unsigned long)ka->sa_handler;
	regs->cs = __USER_CS;
	regs->ds = regs->es = regs->ss = __USER_DS;
	regs->flags &= ~0x400UL; /* DF clear, as the ABI wants */
	return 0;
}

static long restore_sigcontext(struct pt_regs *regs,
			       const struct sigcontext *sc)
{
	if (!user_data_selector_ok(current, sc->fs) ||
	    !user_data_selector_ok(current, sc->gs)) {
		force_sig(SIGSEGV); /* as a bad frame: nothing restored */
		return 0;
	}
	regs->di = sc->di, regs->si = sc->si, regs->bp = sc->bp,
	regs->sp = sc->sp;
	regs->bx = sc->bx, regs->dx = sc->dx, regs->cx = sc->cx,
	regs->ax = sc->ax;
	regs->ip = sc->ip;
	regs->gs = sc->gs, regs->fs = sc->fs;
	/* never let a forged frame get kernel segments or privileged flags */
	regs->cs = __USER_CS;
	regs->ds = regs->es = regs->ss = __USER_DS;
	regs->flags = (regs->flags & ~0x40DD5UL) | (sc->flags & 0x40DD5UL);
	regs->orig_ax = -1; /* no syscall restart after this */
	return regs->ax;
}

long sys_sigreturn(void)
{
	struct pt_regs *regs = task_pt_regs(current);
	struct sigframe f;

	/* the restorer popped pretcode and sig before int $0x80 */
	if (copy_from_user(&f, (void *)(regs->sp - 8), sizeof(f)))
		goto badframe;
	set_current_blocked(f.sc.oldmask |
			    ((unsigned long long)f.extramask << 32));
	return restore_sigcontext(regs, &f.sc);
badframe:
	force_sig(SIGSEGV);
	return 0;
}

long sys_rt_sigreturn(void)
{
	struct pt_regs *regs = task_pt_regs(current);
	struct rt_sigframe f;

	/* the handler's `ret` popped pretcode */
	if (copy_from_user(&f, (void *)(regs->sp - 4), sizeof(f)))
		goto badframe;
	set_current_blocked(f.uc.uc_sigmask);
	return restore_sigcontext(regs, &f.uc.uc_mcontext);
badframe:
	force_sig(SIGSEGV);
	return 0;
}

static int next_signal(void)
{
	unsigned long long ready = current->pending & ~current->blocked;

	if (current->pending & sigmask(SIGKILL))
		return SIGKILL;
	for (int sig = 1; sig <= _NSIG; sig++)
		if (ready & sigmask(sig))
			return sig;
	return 0;
}

/* A syscall interrupted by a signal: restart it or make it fail with EINTR (Linux rules). */
static void syscall_restart(struct pt_regs *regs, struct k_sigaction *ka)
{
	if ((long)regs->orig_ax < 0)
		return;
	long ret = regs->ax;
	if ((ret == -ERESTARTNOHAND || ret == -ERESTART_RESTARTBLOCK) && ka)
		regs->ax = -EINTR;
	else if (ret == -ERESTART_RESTARTBLOCK) { /* go on where it stopped */
		regs->ax = __NR_restart_syscall;
		regs->ip -= 2;
	} else if (ret == -ERESTARTSYS && ka && !(ka->sa_flags & SA_RESTART))
		regs->ax = -EINTR;
	else if (ret == -ERESTARTSYS || ret == -ERESTARTNOINTR ||
		 ret == -ERESTARTNOHAND) {
		regs->ax = regs->orig_ax;
		regs->ip -= 2; /* back onto the int $0x80 */
	}
	regs->orig_ax = -1;
}

/* A process group is orphaned when no member has a parent in another group of the same
 * session: no shell is left to continue it (POSIX; Linux's will_become_orphaned_pgrp).
 * ignored is a parent that is exiting, or NULL. */
int will_become_orphaned_pgrp(pid_t pgid, struct task_struct *ignored)
{
	for (int i = 1; i < NR_TASKS; i++) {
		struct task_struct *t = &task_table[i], *p = t->parent;
		if (t->state == TASK_UNUSED || t->state == TASK_ZOMBIE ||
		    t->pgid != pgid || !p || p == ignored || p->pid == 1)
			continue;
		if (p->pgid != pgid && p->sid == t->sid)
			return 0;
	}
	return 1;
}

int has_stopped_jobs(pid_t pgid)
{
	for (int i = 1; i < NR_TASKS; i++) {
		struct task_struct *t = &task_table[i];
		if (t->state == TASK_STOPPED && t->pgid == pgid &&
		    (t->signal_flags & SIGNAL_STOP_STOPPED))
			return 1;
	}
	return 0;
}

/* The default action of a stop signal: stop until SIGCONT or SIGKILL, and tell the parent.
 * Our processes have one thread, so this is the whole group stop. A tracee's stop is a
 * ptrace stop instead, reported to its tracer (without siginfo, as Linux's group-stop). */
static void do_signal_stop(int sig)
{
	if (current->ptracer) {
		ptrace_stop(sig);
		return;
	}
	unsigned long flags = local_irq_save();
	current->signal_flags = SIGNAL_STOP_STOPPED;
	current->group_exit_code = sig;
	current->state = TASK_STOPPED;
	do_notify_parent_cldstop(current);
	schedule(); /* until prepare_signal(SIGCONT) or SIGKILL makes us runnable */
	local_irq_restore(flags);
}

void do_signal(struct pt_regs *regs)
{
	int sig;

	while ((sig = next_signal())) {
		current->pending &= ~sigmask(sig);
		if (current->ptracer && sig != SIGKILL) {
			/* signal-delivery stop: the tracer may cancel or change it */
			sig = ptrace_signal(sig);
			if (!sig)
				continue;
		}
		struct k_sigaction *ka = &current->sighand[sig - 1];
		if (sig != SIGKILL && ka->sa_handler == SIG_IGN)
			continue;
		if (sig == SIGKILL || ka->sa_handler == SIG_DFL) {
			if (default_ignored(sig))
				continue;
			if (sig_kernel_stop(sig)) {
				/* POSIX: the terminal's stop signals do not stop an
				 * orphaned group, which nobody would continue */
				if (sig != SIGSTOP &&
				    will_become_orphaned_pgrp(current->pgid,
							      NULL))
					continue;
				do_signal_stop(sig);
				continue;
			}
			do_exit(sig); /* killed: the wait status is the signal number */
		}
		syscall_restart(regs, ka);
		if (setup_frame(sig, ka, regs)) {
			printk("%s[%d]: cannot build a signal frame, killed\n",
			       current->comm, current->pid);
			do_exit(SIGSEGV);
		}
		if (!(ka->sa_flags & SA_NODEFER))
			current->blocked |= sigmask(sig);
		current->blocked |= ((unsigned long long)ka->sa_mask[1] << 32) |
				    ka->sa_mask[0];
		current->blocked &= ~(sigmask(SIGKILL) | sigmask(SIGSTOP));
		if (ka->sa_flags & SA_RESETHAND)
			ka->sa_handler = SIG_DFL;
		return;
	}
	syscall_restart(regs, NULL);
}

/* The last step before iret to ring 3: reschedule if the slice is over, deliver signals. */
void exit_to_user_mode(struct pt_regs *regs)
{
	for (;;) {
		local_irq_enable();
		if (net_bottom_half_pending())
			net_bottom_half(); /* lwIP's timers, NIC input: never in an interrupt */
		if (current->need_resched) {
			schedule();
			continue;
		}
		if (signal_pending_current()) {
			do_signal(regs);
			continue;
		}
		local_irq_disable();
		if (!current->need_resched && !signal_pending_current())
			return;
	}
}
