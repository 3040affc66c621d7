/* ptrace(2), the part strace needs (Linux's kernel/ptrace.c): a tracer stops its tracee at
 * every syscall entry and exit (PTRACE_SYSCALL), at fork and exec events and before a
 * signal is delivered, reads its registers and memory while it is stopped, and resumes it.
 * A stopped tracee sleeps in ptrace_stop (TASK_STOPPED); the tracer learns of the stop
 * from wait4, which reports (stopcode << 8) | 0x7f. */
#include <menuos/io.h>
#include <menuos/mm.h>
#include <menuos/ptrace_k.h>
#include <menuos/signal.h>
#include <menuos/syscalls.h>
#include <menuos/uaccess.h>

/* the options MenuOS accepts (VFORKDONE and EXIT events are accepted and never sent) */
#define PTRACE_O_SUPPORTED 0x7f

/* Stops current for its tracer with code; returns the signal it was resumed with. */
int ptrace_stop(int code)
{
	struct task_struct *tracer = current->ptracer;
	unsigned long flags;

	if (!tracer || (current->pending & sigmask(SIGKILL)))
		return 0;
	flags = local_irq_save();
	current->ptrace_stopcode = code;
	current->ptrace_reported = 0;
	current->ptrace_resume_sig = 0;
	current->state = TASK_STOPPED;
	wake_up(&tracer->wait_chldexit);
	schedule(); /* until PTRACE_SYSCALL/CONT/KILL (or SIGKILL) makes us runnable */
	local_irq_restore(flags);
	current->ptrace_stopcode = 0;
	return current->ptrace_resume_sig;
}

/* Syscall entry and exit stops, from do_syscall. */
void ptrace_report_syscall(struct pt_regs *regs)
{
	int sig = SIGTRAP;

	(void)regs;
	if (!current->ptracer || !current->ptrace_syscall)
		return;
	if (current->ptrace_options & PTRACE_O_TRACESYSGOOD)
		sig |= 0x80;
	ptrace_stop(sig);
}

/* A fork or exec event stop, if the tracer asked for it; returns whether it stopped. */
int ptrace_event(int event, unsigned long message)
{
	static const int option_of[] = {
		[PTRACE_EVENT_FORK] = PTRACE_O_TRACEFORK,
		[PTRACE_EVENT_VFORK] = PTRACE_O_TRACEVFORK,
		[PTRACE_EVENT_EXEC] = PTRACE_O_TRACEEXEC
	};

	if (!current->ptracer || !(current->ptrace_options & option_of[event]))
		return 0;
	current->ptrace_message = message;
	ptrace_stop(SIGTRAP | (event << 8));
	return 1;
}

/* A new child of a tracee that follows forks: traced too, and it starts with a SIGSTOP
 * stop, as on Linux. */
void ptrace_init_child(struct task_struct *child)
{
	if (!current->ptracer || !(current->ptrace_options &
				   (PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK)))
		return;
	child->ptracer = current->ptracer;
	child->ptrace_options = current->ptrace_options;
	child->ptrace_syscall = current->ptrace_syscall;
	child->pending |= sigmask(SIGSTOP);
}

/* A signal is about to be delivered to a tracee: stop first, the tracer decides. */
int ptrace_signal(int sig)
{
	if (!current->ptracer || sig == SIGKILL)
		return sig;
	current->ptrace_signal_stop = sig;
	int resumed = ptrace_stop(sig);
	current->ptrace_signal_stop = 0;
	return resumed;
}

/* The tracer exits or detaches: its tracees go on untraced. */
void exit_ptrace(struct task_struct *tracer)
{
	for (int i = 1; i < NR_TASKS; i++) {
		struct task_struct *t = &task_table[i];
		if (t->state == TASK_UNUSED || t->ptracer != tracer)
			continue;
		t->ptracer = NULL;
		t->ptrace_syscall = 0;
		if (t->state == TASK_STOPPED)
			t->state = TASK_RUNNING;
	}
}

/* Reads len bytes of t's memory at addr (the tracee's address space, not ours). */
static int access_process_vm(struct task_struct *t, unsigned long addr,
			     void *buf, size_t len)
{
	while (len) {
		if (!t->mm || !user_page_ok(t->mm, addr, 0))
			return -EIO;
		uint32_t *pde = &t->mm->pgd[addr >> 22];
		uint32_t *pte = (uint32_t *)phys_to_virt(*pde & ~0xFFFu) +
				((addr >> PAGE_SHIFT) & 1023);
		size_t off = addr & (PAGE_SIZE - 1),
		       n = min(len, PAGE_SIZE - off);
		memcpy(buf, (char *)phys_to_virt(*pte & ~0xFFFu) + off, n);
		buf = (char *)buf + n;
		addr += n;
		len -= n;
	}
	return 0;
}

static void ptrace_resume(struct task_struct *t, int syscall,
			  unsigned long data)
{
	t->ptrace_syscall = syscall;
	t->ptrace_resume_sig = data < _NSIG ? (int)data : 0;
	t->state = TASK_RUNNING;
}

long sys_ptrace(long request, pid_t pid, unsigned long addr, unsigned long data)
{
	struct task_struct *t;
	unsigned long word;

	if (request == PTRACE_TRACEME) {
		if (current->ptracer)
			return -EPERM;
		current->ptracer = current->parent;
		return 0;
	}
	t = find_task_by_pid(pid);
	if (!t || t->ptracer != current)
		return -ESRCH;
	if (request == PTRACE_KILL) {
		send_sig(SIGKILL, t);
		return 0;
	}
	if (t->state != TASK_STOPPED)
		return -ESRCH; /* only a stopped tracee can be examined or resumed */

	switch (request) {
	case PTRACE_PEEKTEXT:
	case PTRACE_PEEKDATA:
		if (access_process_vm(t, addr, &word, sizeof(word)))
			return -EIO;
		return put_user(word, (unsigned long *)data);
	case PTRACE_PEEKUSR:
		if (addr & 3 || addr >= sizeof(struct pt_regs))
			return -EIO;
		word = ((unsigned long *)task_pt_regs(t))[addr / 4];
		return put_user(word, (unsigned long *)data);
	case PTRACE_GETREGS: /* struct user_regs_struct has pt_regs' layout on i386 */
		return copy_to_user((void *)data, task_pt_regs(t),
				    sizeof(struct pt_regs));
	case PTRACE_SETOPTIONS:
		if (data & ~(unsigned long)PTRACE_O_SUPPORTED)
			return -EINVAL;
		t->ptrace_options = data;
		return 0;
	case PTRACE_GETSIGINFO: { /* the signal of a signal-delivery stop */
		int info[32] = {
			0
		}; /* siginfo_t: si_signo, si_errno, si_code, ... */
		if (!t->ptrace_signal_stop)
			return -EINVAL;
		info[0] = t->ptrace_signal_stop;
		return copy_to_user((void *)data, info, sizeof(info)) ? -EFAULT
								      : 0;
	}
	case PTRACE_GETEVENTMSG:
		return put_user(t->ptrace_message, (unsigned long *)data);
	case PTRACE_SYSCALL:
		ptrace_resume(t, 1, data);
		return 0;
	case PTRACE_CONT:
		ptrace_resume(t, 0, data);
		return 0;
	case PTRACE_DETACH:
		t->ptracer = NULL;
		ptrace_resume(t, 0, data);
		return 0;
	}
	return -EIO;
}
