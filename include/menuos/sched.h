/* Processes: struct task_struct, `current`, the scheduler and process life cycle. */
#ifndef _MENUOS_SCHED_H
#define _MENUOS_SCHED_H

#include <menuos/kernel.h>
#include <menuos/ptrace.h>
#include <menuos/wait.h>
#include <asm/signal.h>

#define NR_TASKS      64
#define THREAD_SIZE   8192 /* kernel stack per task */
#define TASK_COMM_LEN 16
#define KTRACE_DEPTH  32

enum task_state {
	TASK_UNUSED = 0,
	TASK_RUNNING, /* running or ready to run */
	TASK_INTERRUPTIBLE, /* asleep on a wait queue or a timeout; signals wake it */
	TASK_ZOMBIE, /* exited; the parent has not waited for it yet */
	TASK_STOPPED, /* stopped: by a stop signal, or for its ptrace tracer */
};

struct files_struct;
struct mm_struct;
struct inode;

struct task_struct {
	enum task_state state;
	pid_t pid, pgid, sid;
	char comm[TASK_COMM_LEN]; /* program name, for messages and ps */
	struct task_struct *parent;
	int exit_code; /* wait status: (code << 8) | signal */
	unsigned long kernel_sp; /* saved stack pointer while switched out */
	void *stack; /* the THREAD_SIZE kernel stack; pt_regs at its top */
	struct mm_struct *mm;
	struct files_struct *files;
	struct inode *cwd;
	struct tty_struct *tty; /* controlling terminal */
	long timeout; /* jiffies at which a timed sleep ends, or -1 */
	int need_resched;
	/* signals (kernel/signal.c) */
	unsigned long long pending, blocked;
	struct k_sigaction sighand[_NSIG];
	/* job control (kernel/signal.c; Linux keeps these in signal_struct):
	 * SIGNAL_STOP_*, and the stop signal wait4 has not reported yet */
	int signal_flags;
	int group_exit_code;
	struct wait_queue_head
		wait_chldexit; /* the parent sleeps here in wait4 */
	unsigned long utime, stime; /* ticks spent in user and kernel mode */
	uint64_t tls_array[3]; /* set_thread_area's descriptors (GDT slots 6..8) */
	/* ptrace (kernel/ptrace.c): the tracer, its options, and the stop to report */
	struct task_struct *ptracer;
	int ptrace_options; /* PTRACE_O_* */
	int ptrace_syscall; /* stop at the next syscall entry and exit */
	int ptrace_signal_stop; /* the signal of the current signal-delivery stop */
	/* an interrupted nanosleep, for restart_syscall */
	unsigned long restart_end, restart_asked;
	void *restart_rem; /* the time left goes there (NULL: nowhere) */
	int restart_rem64; /* ... as a __kernel_timespec (clock_nanosleep_time64) */
	int ptrace_stopcode; /* (event << 8) | signal of the current stop */
	int ptrace_reported; /* the tracer's wait has seen this stop (or exit) */
	int ptrace_resume_sig; /* the signal the tracer resumed us with */
	unsigned long
		ptrace_message; /* PTRACE_GETEVENTMSG: the new child's pid */
	/* ktrace (kernel/ktrace.c): traced, and the real return addresses of the traced
	 * functions it is inside */
	int ktrace, ktrace_depth;
	struct ktrace_frame {
		unsigned long ret, fn;
		unsigned long long start;
		int show_ret;
	} ktrace_stack[KTRACE_DEPTH];
	/* the x87 and SSE registers of a task that is switched out (kernel/fpu.c) */
	uint8_t fpu_state[512] __attribute__((aligned(16)));
};

extern struct task_struct *current;
extern struct task_struct task_table[NR_TASKS];

static __always_inline struct pt_regs *task_pt_regs(struct task_struct *t)
{
	return (struct pt_regs *)((char *)t->stack + THREAD_SIZE) - 1;
}

void sched_init(void);
void schedule(void);
void wake_up_process(struct task_struct *t);
void scheduler_tick(struct pt_regs *regs);
struct task_struct *find_task_by_pid(pid_t pid);
struct task_struct *alloc_task(void);
void free_task(struct task_struct *t);
void __noreturn cpu_idle(void);
void show_state(void); /* Ctrl-T: what every task is doing */
void kstack_init(void);
void *kstack_alloc(int slot);
void kstack_free(void *stack);
void ktrace_fork(struct task_struct *child);
void ktrace_exit(struct task_struct *t);
void ktrace_init(void);
void fpu_init(void);
void fpu_save(struct task_struct *t);
void fpu_restore(struct task_struct *t);
void fpu_init_state(
	struct task_struct *t); /* a freshly initialised FPU, for execve */
void fpu_copy_state(
	struct task_struct *to); /* the current task's FPU, for fork */

/* kernel/fork.c, kernel/exit.c, kernel/exec.c */
int do_fork(struct pt_regs *regs);
void __noreturn do_exit(int code);
int kernel_execve(const char *path, const char *const argv[],
		  const char *const envp[]);
void start_init(void);

#endif
