/* The end of a process: exit(2) and death by signal (do_exit), and wait4(2), where the
 * parent collects the exit status and frees what is left (the zombie's kernel stack), or
 * hears that a child stopped (WUNTRACED) or continued (WCONTINUED).
 * Children of a dying process go to init (pid 1), which reaps them. */
#include <menuos/fs.h>
#include <menuos/io.h>
#include <menuos/mm.h>
#include <menuos/ptrace_k.h>
#include <menuos/signal.h>
#include <menuos/tty.h>
#include <menuos/syscalls.h>
#include <menuos/uaccess.h>
#include <linux/wait.h>

/* Our child t goes to init: if that leaves its process group orphaned with a stopped job
 * in it, nobody is left to continue the job, so the group gets SIGHUP and SIGCONT (POSIX;
 * Linux's kill_orphaned_pgrp). */
static void kill_orphaned_pgrp(struct task_struct *t)
{
	if (t->pgid == current->pgid || t->sid != current->sid)
		return;
	if (has_stopped_jobs(t->pgid) &&
	    will_become_orphaned_pgrp(t->pgid, current)) {
		kill_pgrp(t->pgid, SIGHUP);
		kill_pgrp(t->pgid, SIGCONT);
	}
}

void do_exit(int code)
{
	struct task_struct *init = find_task_by_pid(1);

	if (current->pid == 1)
		panic("Attempted to kill init! exit status 0x%x", code);

	exit_ptrace(current); /* our tracees go on untraced */
	ktrace_exit(current);
	exit_files(current);
	if (current->sid == current->pid)
		tty_disassociate();
	if (current->cwd)
		iput(current->cwd);
	current->cwd = NULL;
	mmput(current->mm); /* switches to the kernel's page directory first */
	current->mm = NULL;

	local_irq_disable();
	int orphan_zombie = 0;
	for (int i = 1; i < NR_TASKS; i++) {
		struct task_struct *t = &task_table[i];
		if (t->state != TASK_UNUSED && t->parent == current) {
			t->parent = init;
			orphan_zombie |= t->state == TASK_ZOMBIE;
			kill_orphaned_pgrp(t);
		}
	}
	if (orphan_zombie)
		wake_up(&init->wait_chldexit);
	current->exit_code = code;
	current->state = TASK_ZOMBIE;
	current->ptrace_reported = 0;
	send_sig(SIGCHLD, current->parent);
	wake_up(&current->parent->wait_chldexit);
	if (current->ptracer && current->ptracer != current->parent)
		wake_up(&current->ptracer->wait_chldexit);
	schedule();
	panic("a zombie ran again");
}

long sys_exit(int code)
{
	do_exit((code & 0xff) << 8);
}

long sys_exit_group(int code)
{
	do_exit((code & 0xff) << 8);
}

/* The tasks wait4 looks at: our children, and the tasks we trace (ptrace). */
static int child_matches(struct task_struct *t, pid_t pid)
{
	if (t->state == TASK_UNUSED ||
	    (t->parent != current && t->ptracer != current))
		return 0;
	if (pid > 0)
		return t->pid == pid;
	if (pid == 0)
		return t->pgid == current->pgid;
	if (pid < -1)
		return t->pgid == -pid;
	return 1;
}

enum wait_report {
	WAIT_NOTHING,
	WAIT_REAP, /* a zombie child: its exit status, then free it */
	WAIT_PTRACE, /* a tracee's stop, or a traced non-child's exit (not reaped) */
	WAIT_STOPPED, /* a child stopped by a signal (WUNTRACED), once */
	WAIT_CONTINUED, /* a child continued by SIGCONT (WCONTINUED), once */
};

/* What wait4 with options would report about t now. No side effects. */
static enum wait_report waitable(struct task_struct *t, int options)
{
	if (t->state == TASK_STOPPED && t->ptracer == current &&
	    !t->ptrace_reported)
		return WAIT_PTRACE;
	if (t->state == TASK_ZOMBIE) {
		if (t->parent == current)
			return WAIT_REAP;
		return t->ptracer == current && !t->ptrace_reported
			       ? WAIT_PTRACE
			       : WAIT_NOTHING;
	}
	if (t->parent != current)
		return WAIT_NOTHING;
	if ((options & WUNTRACED) && t->state == TASK_STOPPED &&
	    (t->signal_flags & SIGNAL_STOP_STOPPED) && t->group_exit_code)
		return WAIT_STOPPED;
	if ((options & WCONTINUED) && (t->signal_flags & SIGNAL_STOP_CONTINUED))
		return WAIT_CONTINUED;
	return WAIT_NOTHING;
}

/* The first matching task with something to report, NULL if none; -ECHILD in *err when
 * nothing matches at all. */
static struct task_struct *find_waitable(pid_t pid, int options, int *err)
{
	*err = -ECHILD;
	for (int i = 1; i < NR_TASKS; i++) {
		struct task_struct *t = &task_table[i];
		if (!child_matches(t, pid))
			continue;
		*err = 0;
		if (waitable(t, options))
			return t;
	}
	return NULL;
}

long sys_wait4(pid_t pid, int *status, int options, void *rusage)
{
	struct task_struct *t;
	int err, st;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WALL))
		return -EINVAL;
	(void)rusage; /* not filled in */
	for (;;) {
		t = find_waitable(pid, options, &err);
		if (t || err)
			break;
		if (options & WNOHANG)
			return 0;
		err = wait_event_interruptible(
			current->wait_chldexit,
			find_waitable(pid, options, &err) || err);
		if (err)
			return err;
	}
	if (!t)
		return err;
	pid_t child = t->pid;
	switch (waitable(t, options)) {
	case WAIT_PTRACE: /* a ptrace stop (0x7f) or a tracee's exit */
		st = t->state == TASK_STOPPED ? (t->ptrace_stopcode << 8) | 0x7f
					      : t->exit_code;
		t->ptrace_reported = 1;
		return status && put_user(st, status) ? -EFAULT : child;
	case WAIT_STOPPED: /* WIFSTOPPED, WSTOPSIG */
		st = (t->group_exit_code << 8) | 0x7f;
		t->group_exit_code = 0;
		return status && put_user(st, status) ? -EFAULT : child;
	case WAIT_CONTINUED: /* WIFCONTINUED */
		t->signal_flags &= ~SIGNAL_STOP_CONTINUED;
		return status && put_user(0xffff, status) ? -EFAULT : child;
	default:
		break;
	}
	if (status && put_user(t->exit_code, status))
		return -EFAULT;
	current->utime += t->utime;
	current->stime += t->stime;
	free_task(t);
	return child;
}

long sys_waitpid(pid_t pid, int *status, int options)
{
	return sys_wait4(pid, status, options, NULL);
}
