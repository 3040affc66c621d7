/* The scheduler: round robin over the task table, preempting ring 3 on the timer tick
 * (the kernel itself is never preempted), and the wait queues blocking calls sleep on.
 * Task 0 is the idle task: the boot context, which halts until an interrupt. */
#include <menuos/interrupt.h>
#include <menuos/io.h>
#include <menuos/mm.h>
#include <menuos/net.h>
#include <menuos/sched.h>

struct task_struct task_table[NR_TASKS];
struct task_struct *current;
static pid_t last_pid;

#define TIMESLICE_TICKS 5

void switch_to_stack(unsigned long *prev_sp, unsigned long next_sp);

void sched_init(void)
{
	fpu_init();
	kstack_init();
	struct task_struct *idle = &task_table[0];

	idle->state = TASK_RUNNING;
	idle->pid = 0;
	idle->timeout = -1;
	strlcpy(idle->comm, "swapper", sizeof(idle->comm));
	current = idle;
}

struct task_struct *alloc_task(void)
{
	unsigned long flags = local_irq_save();

	for (int i = 1; i < NR_TASKS; i++) {
		struct task_struct *t = &task_table[i];
		if (t->state != TASK_UNUSED)
			continue;
		void *stack = kstack_alloc(i);
		if (!stack)
			break;
		memset(t, 0, sizeof(*t));
		t->stack = stack;
		/* pids count up and skip ones in use, like Linux's */
		do {
			last_pid = last_pid >= 32767 ? 1 : last_pid + 1;
		} while (find_task_by_pid(last_pid));
		t->pid = last_pid;
		t->timeout = -1;
		t->state =
			TASK_INTERRUPTIBLE; /* not runnable until the creator says so */
		local_irq_restore(flags);
		return t;
	}
	local_irq_restore(flags);
	return NULL;
}

/* The last step of a task's life, done by whoever reaped it. */
void free_task(struct task_struct *t)
{
	kstack_free(t->stack);
	t->stack = NULL;
	t->pid = 0;
	t->state = TASK_UNUSED;
}

struct task_struct *find_task_by_pid(pid_t pid)
{
	for (int i = 1; i < NR_TASKS; i++)
		if (task_table[i].state != TASK_UNUSED &&
		    task_table[i].pid == pid)
			return &task_table[i];
	return NULL;
}

void schedule(void)
{
	unsigned long flags = local_irq_save();
	struct task_struct *prev = current, *next = &task_table[0];
	int start = prev - task_table;

	prev->need_resched = 0;
	for (int i = 1; i <= NR_TASKS; i++) {
		struct task_struct *t = &task_table[(start + i) % NR_TASKS];
		if (t != &task_table[0] && t->state == TASK_RUNNING) {
			next = t;
			break;
		}
	}
	if (next != prev) {
		current = next;
		if (next->stack)
			tss_set_kernel_stack((unsigned long)next->stack +
					     THREAD_SIZE);
		switch_mm(next->mm);
		load_TLS(
			next); /* %gs is reloaded from pt_regs on the way out */
		/* user programs may use the x87 FPU: each task keeps its own registers */
		fpu_save(prev);
		fpu_restore(next);
		switch_to_stack(&prev->kernel_sp, next->kernel_sp);
	}
	local_irq_restore(flags);
}

void wake_up_process(struct task_struct *t)
{
	if (t->state == TASK_INTERRUPTIBLE) {
		t->state = TASK_RUNNING;
		t->timeout = -1;
	}
}

/* Called with interrupts off: sleep until woken, a signal, or timeout_ticks (-1: none). */
void sleep_on_current(long timeout_ticks)
{
	current->state = TASK_INTERRUPTIBLE;
	current->timeout = timeout_ticks < 0 ? -1
					     : (long)jiffies + timeout_ticks;
	schedule();
}

int signal_pending_current(void)
{
	return (current->pending & ~current->blocked) != 0;
}

void add_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *entry)
{
	unsigned long flags = local_irq_save();

	entry->next = wq->first;
	wq->first = entry;
	local_irq_restore(flags);
}

void remove_wait_queue(struct wait_queue_head *wq,
		       struct wait_queue_entry *entry)
{
	unsigned long flags = local_irq_save();

	for (struct wait_queue_entry **p = &wq->first; *p; p = &(*p)->next) {
		if (*p == entry) {
			*p = entry->next;
			break;
		}
	}
	local_irq_restore(flags);
}

void wake_up(struct wait_queue_head *wq)
{
	unsigned long flags = local_irq_save();

	for (struct wait_queue_entry *e = wq->first; e; e = e->next)
		wake_up_process(e->task);
	local_irq_restore(flags);
}

/* The timer interrupt: account time, end timed sleeps, and preempt a user task whose
 * slice is over (at its return to ring 3, never inside the kernel). */
void scheduler_tick(struct pt_regs *regs)
{
	static int slice;

	if (user_mode(regs))
		current->utime++;
	else
		current->stime++;
	for (int i = 1; i < NR_TASKS; i++) {
		struct task_struct *t = &task_table[i];
		if (t->state == TASK_INTERRUPTIBLE && t->timeout >= 0 &&
		    (long)(jiffies - t->timeout) >= 0)
			wake_up_process(t);
	}
	if (current == &task_table[0] || ++slice >= TIMESLICE_TICKS) {
		slice = 0;
		current->need_resched = 1;
	}
}

static int any_runnable(void)
{
	for (int i = 1; i < NR_TASKS; i++)
		if (task_table[i].state == TASK_RUNNING)
			return 1;
	return 0;
}

void cpu_idle(void)
{
	for (;;) {
		if (net_bottom_half_pending())
			net_bottom_half(); /* interrupts on: lwIP is never entered from one */
		local_irq_disable();
		if (any_runnable()) {
			schedule();
			continue;
		}
		if (net_bottom_half_pending()) {
			local_irq_enable();
			continue;
		}
		/* sti's shadow covers hlt: an interrupt cannot slip in between */
		asm volatile("sti; hlt" : : : "memory");
	}
}

/* Ctrl-T on a console (Linux's SysRq-t, BSD's status key): every task, its state, and
 * where in the kernel a sleeping task waits (a backtrace from its saved frame). */
void show_state(void)
{
	static const char *const names[] = { "unused", "running", "sleeping",
					     "zombie", "stopped" };

	printk("\n  PID  PPID STATE    COMMAND\n");
	for (int i = 0; i < NR_TASKS; i++) {
		struct task_struct *t = &task_table[i];
		if (t->state == TASK_UNUSED)
			continue;
		printk("%5d %5d %-8s %s%s\n", t->pid,
		       t->parent ? t->parent->pid : 0, names[t->state], t->comm,
		       t == current ? " (current)" : "");
		if (t != current && t->state == TASK_INTERRUPTIBLE &&
		    t->kernel_sp)
			dump_backtrace(
				((unsigned long *)
					 t->kernel_sp)[3]); /* saved ebp */
	}
}
