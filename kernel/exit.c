/* The end of a process: exit(2) and death by signal (do_exit), and wait4(2), where the
 * parent collects the exit status and frees what is left (the zombie's kernel stack).
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

/* What wait4 would report about t now: 1 reap a zombie child, 2 report a tracee's stop
 * or a traced non-child's exit (without reaping), 0 nothing. No side effects. */
static int waitable(struct task_struct *t)
{
	if (t->state == TASK_STOPPED && t->ptracer == current &&
	    !t->ptrace_reported)
		return 2;
	if (t->state != TASK_ZOMBIE)
		return 0;
	if (t->parent == current)
		return 1;
	return t->ptracer == current && !t->ptrace_reported ? 2 : 0;
}

/* The first matching task with something to report, NULL if none; -ECHILD in *err when
 * nothing matches at all. */
static struct task_struct *find_waitable(pid_t pid, int *err)
{
	*err = -ECHILD;
	for (int i = 1; i < NR_TASKS; i++) {
		struct task_struct *t = &task_table[i];
		if (!child_matches(t, pid))
			continue;
		*err = 0;
		if (waitable(t))
			return t;
	}
	return NULL;
}

long sys_wait4(pid_t pid, int *status, int options, void *rusage)
{
	struct task_struct *t;
	int err, st;

	if (options & ~(WNOHANG | WUNTRACED | __WALL))
		return -EINVAL;
	(void)rusage; /* not filled in */
	for (;;) {
		t = find_waitable(pid, &err);
		if (t || err)
			break;
		if (options & WNOHANG)
			return 0;
		err = wait_event_interruptible(current->wait_chldexit,
					       find_waitable(pid, &err) || err);
		if (err)
			return err;
	}
	if (!t)
		return err;
	pid_t child = t->pid;
	if (waitable(t) ==
	    2) { /* a ptrace stop (0x7f) or a tracee's exit: not reaped */
		st = t->state == TASK_STOPPED ? (t->ptrace_stopcode << 8) | 0x7f
					      : t->exit_code;
		t->ptrace_reported = 1;
		return status && put_user(st, status) ? -EFAULT : child;
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
