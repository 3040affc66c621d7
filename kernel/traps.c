/* The IDT and the CPU exceptions. A fault in ring 3 becomes a signal for the process (with a
 * one-line report when it kills it); a fault in the kernel is a bug: an oops with registers
 * and a backtrace, then QEMU stops with a failure status. */
#include <menuos/interrupt.h>
#include <menuos/io.h>
#include <menuos/mm.h>
#include <menuos/sched.h>
#include <menuos/signal.h>

struct idt_gate {
	uint16_t offset_low, selector;
	uint8_t zero, type_attr;
	uint16_t offset_high;
} __attribute__((packed));

static struct idt_gate idt_table[256];
extern const unsigned long exception_stubs[32], irq_stubs[16];

static const char *const exception_names[32] = {
	"divide error",
	"debug",
	"NMI",
	"breakpoint",
	"overflow",
	"bound range exceeded",
	"invalid opcode",
	"device not available",
	"double fault",
	"coprocessor segment overrun",
	"invalid TSS",
	"segment not present",
	"stack segment fault",
	"general protection fault",
	"page fault",
	"reserved",
	"x87 floating point error",
	"alignment check",
	"machine check",
	"SIMD floating point error",
	"virtualization",
	"control protection",
};

static void set_gate(int vector, unsigned long handler, int dpl)
{
	struct idt_gate *g = &idt_table[vector];

	g->offset_low = handler & 0xFFFF;
	g->offset_high = handler >> 16;
	g->selector = __KERNEL_CS;
	g->zero = 0;
	g->type_attr = 0x8E | (dpl << 5); /* present, 32-bit interrupt gate */
}

void trap_init(void)
{
	struct {
		uint16_t limit;
		uint32_t base;
	} __attribute__((packed))
	idtr = { sizeof(idt_table) - 1, (uint32_t)idt_table };

	for (int i = 0; i < 32; i++)
		set_gate(i, exception_stubs[i], i == 3 ? 3 : 0);
	for (int i = 0; i < 16; i++)
		set_gate(FIRST_EXTERNAL_VECTOR + i, irq_stubs[i], 0);
	/* the double fault switches to a task with its own stack (kernel/kstack.c) */
	idt_table[8].offset_low = idt_table[8].offset_high = 0;
	idt_table[8].selector = GDT_ENTRY_DOUBLEFAULT_TSS * 8;
	idt_table[8].type_attr = 0x85; /* present, task gate */
	/* DPL 3: the one gate ring 3 may use with `int` */
	set_gate(SYSCALL_VECTOR, (unsigned long)system_call, 3);
	asm volatile("lidt %0" : : "m"(idtr));
}

static unsigned long read_cr2(void)
{
	unsigned long v;
	asm volatile("mov %%cr2, %0" : "=r"(v));
	return v;
}

void show_regs(const struct pt_regs *r)
{
	printk("EIP: %04lx:%08lx EFLAGS: %08lx\n", r->cs & 0xFFFF, r->ip,
	       r->flags);
	printk("EAX: %08lx EBX: %08lx ECX: %08lx EDX: %08lx\n", r->ax, r->bx,
	       r->cx, r->dx);
	printk("ESI: %08lx EDI: %08lx EBP: %08lx ESP: %08lx\n", r->si, r->di,
	       r->bp, user_mode(r) ? r->sp : (unsigned long)&r->sp);
	printk("DS: %04lx ES: %04lx FS: %04lx GS: %04lx CR2: %08lx\n",
	       r->ds & 0xFFFF, r->es & 0xFFFF, r->fs & 0xFFFF, r->gs & 0xFFFF,
	       read_cr2());
}

static __noreturn void kernel_oops(int vector, unsigned long error_code,
				   struct pt_regs *regs)
{
	local_irq_disable();
	printk("\nOops: %s (exception %d), error code 0x%lx, in %s[%d]\n",
	       exception_names[vector] ? exception_names[vector] : "reserved",
	       vector, error_code, current ? current->comm : "?",
	       current ? current->pid : 0);
	show_regs(regs);
	printk("Call trace:\n");
	print_symbol_line(regs->ip);
	dump_backtrace(regs->bp);
	panic("fatal exception in the kernel");
}

/* The signal a user-mode exception becomes, as Linux chooses it. */
static int exception_signal(int vector)
{
	switch (vector) {
	case 0:
	case 16:
	case 19:
		return SIGFPE;
	case 1:
	case 3:
		return SIGTRAP;
	case 6:
		return SIGILL;
	case 17:
		return SIGBUS;
	default:
		return SIGSEGV;
	}
}

void do_trap(int vector, struct pt_regs *regs)
{
	unsigned long error_code = regs->orig_ax;

	regs->orig_ax = -1; /* not a syscall: nothing to restart (as Linux) */
	if (!user_mode(regs))
		kernel_oops(vector, error_code, regs);

	local_irq_enable();
	if (vector == 14) {
		unsigned long addr = read_cr2();
		if (!(error_code & 1) &&
		    handle_user_page_fault(current->mm, addr) == 0)
			return; /* the stack grew */
		if (!signal_handled(current, SIGSEGV))
			printk("%s[%d]: segfault at 0x%lx ip 0x%08lx sp 0x%08lx error %lx\n",
			       current->comm, current->pid, addr, regs->ip,
			       regs->sp, error_code);
		force_sig(SIGSEGV);
		return;
	}
	int sig = exception_signal(vector);
	if (!signal_handled(current, sig))
		printk("%s[%d]: %s ip 0x%08lx sp 0x%08lx error %lx\n",
		       current->comm, current->pid,
		       exception_names[vector] ? exception_names[vector]
					       : "trap",
		       regs->ip, regs->sp, error_code);
	force_sig(sig);
}
