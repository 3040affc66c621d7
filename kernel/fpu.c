/* The floating-point and SSE registers of user programs. Each task keeps its own copy,
 * saved and restored at every task switch (eagerly: simple, and cheap next to the rest of
 * a switch under QEMU). With FXSR and SSE (every CPU QEMU emulates), CR4.OSFXSR and
 * OSXMMEXCPT say the kernel saves the SSE state: glibc's string functions use SSE2, and
 * they fault (#UD) without it. */
#include <menuos/io.h>
#include <menuos/sched.h>

#define CR4_OSFXSR     (1 << 9)
#define CR4_OSXMMEXCPT (1 << 10)

static int has_fxsr;
static uint8_t fpu_clean_state[512] __attribute__((aligned(16)));

void fpu_save(struct task_struct *t)
{
	if (has_fxsr)
		asm volatile("fxsave %0" : "=m"(t->fpu_state));
	else
		asm volatile("fnsave %0\n\tfwait" : "=m"(t->fpu_state));
}

void fpu_restore(struct task_struct *t)
{
	if (has_fxsr)
		asm volatile("fxrstor %0" : : "m"(t->fpu_state));
	else
		asm volatile("frstor %0" : : "m"(t->fpu_state));
}

void fpu_init(void)
{
	unsigned int eax = 1, ebx, ecx, edx;

	asm volatile("cpuid" : "+a"(eax), "=b"(ebx), "=c"(ecx), "=d"(edx));
	if ((edx & (1 << 24)) && (edx & (1 << 25))) { /* FXSR and SSE */
		unsigned long cr4;
		asm volatile("mov %%cr4, %0" : "=r"(cr4));
		asm volatile("mov %0, %%cr4"
			     :
			     : "r"(cr4 | CR4_OSFXSR | CR4_OSXMMEXCPT));
		has_fxsr = 1;
	}
	asm volatile("fninit");
	if (has_fxsr) {
		unsigned int mxcsr =
			0x1F80; /* all SSE exceptions masked, as after reset */
		asm volatile("ldmxcsr %0" : : "m"(mxcsr));
		asm volatile("fxsave %0" : "=m"(fpu_clean_state));
	} else {
		asm volatile("fnsave %0" : "=m"(fpu_clean_state));
	}
}

/* execve: a new program starts with a clean FPU */
void fpu_init_state(struct task_struct *t)
{
	memcpy(t->fpu_state, fpu_clean_state, sizeof(t->fpu_state));
}

/* fork: the child starts with the parent's registers as they are now */
void fpu_copy_state(struct task_struct *to)
{
	unsigned long flags = local_irq_save();

	fpu_save(to);
	if (!has_fxsr) /* fnsave also resets the FPU: load the image straight back */
		fpu_restore(to);
	local_irq_restore(flags);
}
