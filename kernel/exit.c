/* The end of a process: exit(2) and death by signal (do_exit), and wait4(2), where the
 * parent collects the exit status and frees what is left (the zombie's kernel stack).
 * Children of a dying process go to init (pid 1), which reaps them. */
#include <menuos/fs.h>
#include <menuos/io.h>
#include <menuos/mm.h>
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
	send_sig(SIGCHLD, current->parent);
	wake_up(&current->parent->wait_chldexit);
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

static int child_matches(struct task_struct *t, pid_t pid)
{
	if (t->state == TASK_UNUSED || t->parent != current)
		return 0;
	if (pid > 0)
		return t->pid == pid;
	if (pid == 0)
		return t->pgid == current->pgid;
	if (pid < -1)
		return t->pgid == -pid;
	return 1;
}

/* 1: a matching zombie is in *found; 0: matching children, none dead yet; -ECHILD: none. */
static int find_zombie(pid_t pid, struct task_struct **found)
{
	int any = 0;

	for (int i = 1; i < NR_TASKS; i++) {
		struct task_struct *t = &task_table[i];
		if (!child_matches(t, pid))
			continue;
		any = 1;
		if (t->state == TASK_ZOMBIE) {
			*found = t;
			return 1;
		}
	}
	return any ? 0 : -ECHILD;
}

long sys_wait4(pid_t pid, int *status, int options, void *rusage)
{
	struct task_struct *zombie = NULL;
	int r;

	if (options & ~(WNOHANG | WUNTRACED))
		return -EINVAL;
	(void)rusage; /* not filled in */
	for (;;) {
		r = find_zombie(pid, &zombie);
		if (r != 0)
			break;
		if (options & WNOHANG)
			return 0;
		int err = wait_event_interruptible(
			current->wait_chldexit, find_zombie(pid, &zombie) != 0);
		if (err)
			return err;
	}
	if (r < 0)
		return r;
	if (status && put_user(zombie->exit_code, status))
		return -EFAULT;
	pid_t child = zombie->pid;
	current->utime += zombie->utime;
	current->stime += zombie->stime;
	free_task(zombie);
	return child;
}

long sys_waitpid(pid_t pid, int *status, int options)
{
	return sys_wait4(pid, status, options, NULL);
}
