/* fork(2): a new task with a copy of the parent's address space, open files and signal
 * handlers. The child's kernel stack gets a copy of the parent's pt_regs with eax = 0 and
 * starts in ret_from_fork, so both return from the same int $0x80. */
#include <menuos/fs.h>
#include <menuos/interrupt.h>
#include <menuos/mm.h>
#include <menuos/ptrace_k.h>
#include <menuos/sched.h>
#include <menuos/syscalls.h>
#include <menuos/uaccess.h>

/* What switch_to_stack pops for a task that has never run: edi, esi, ebx, ebp, return. */
struct fork_frame {
	unsigned long di, si, bx, bp, ret;
};

int do_fork(struct pt_regs *regs)
{
	struct task_struct *p = alloc_task();
	int err = -ENOMEM;

	if (!p)
		return -EAGAIN;
	p->mm = dup_mm(current->mm);
	if (!p->mm)
		goto bad_free_task;
	p->files = dup_fd(current->files);
	if (!p->files)
		goto bad_free_mm;

	strlcpy(p->comm, current->comm, sizeof(p->comm));
	p->parent = current;
	p->pgid = current->pgid;
	p->sid = current->sid;
	p->tty = current->tty;
	p->cwd = current->cwd;
	iget(p->cwd);
	p->blocked = current->blocked;
	memcpy(p->sighand, current->sighand, sizeof(p->sighand));
	ptrace_init_child(p);
	memcpy(p->tls_array, current->tls_array, sizeof(p->tls_array));
	ktrace_fork(p);
	fpu_copy_state(p);

	struct pt_regs *child = task_pt_regs(p);
	*child = *regs;
	child->ax = 0;
	struct fork_frame *f = (struct fork_frame *)child - 1;
	memset(f, 0, sizeof(*f));
	f->ret = (unsigned long)ret_from_fork;
	p->kernel_sp = (unsigned long)f;

	p->state = TASK_RUNNING;
	return p->pid;

bad_free_mm:
	mmput(p->mm);
bad_free_task:
	free_task(p);
	return err;
}

long sys_fork(void)
{
	int pid = do_fork(task_pt_regs(current));

	if (pid > 0)
		ptrace_event(PTRACE_EVENT_FORK,
			     pid); /* strace -f learns the new pid */
	return pid;
}

#define CSIGNAL		     0x000000ff /* the signal sent to the parent at exit */
#define CLONE_VM	     0x00000100
#define CLONE_SETTLS	     0x00080000
#define CLONE_PARENT_SETTID  0x00100000
#define CLONE_CHILD_CLEARTID 0x00200000
#define CLONE_CHILD_SETTID   0x01000000

/* clone(2) as glibc's fork uses it (flags SIGCHLD | CLONE_CHILD_SETTID |
 * CLONE_CHILD_CLEARTID): a new process. Threads (CLONE_VM and friends) are not in MenuOS.
 * i386 argument order: flags, newsp, parent_tidptr, tls, child_tidptr. */
long sys_clone(unsigned long flags, unsigned long newsp, int *ptid,
	       unsigned long tls, int *ctid)
{
	(void)tls;
	if (flags & ~(CSIGNAL | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID |
		      CLONE_CHILD_CLEARTID))
		return -EINVAL;
	int pid = do_fork(task_pt_regs(current));
	if (pid < 0)
		return pid;
	struct task_struct *child = find_task_by_pid(pid);
	if (newsp)
		task_pt_regs(child)->sp = newsp;
	if ((flags & CLONE_CHILD_SETTID) && ctid)
		copy_to_mm(child->mm, (unsigned long)ctid, &pid, sizeof(pid));
	if ((flags & CLONE_PARENT_SETTID) && ptid && put_user(pid, ptid))
		return -EFAULT;
	ptrace_event(PTRACE_EVENT_FORK, pid);
	return pid;
}

long sys_vfork(void)
{
	return sys_fork(); /* a copy, not a shared address space: the same to the program */
}
