/* struct pt_regs: the registers of the interrupted context, in Linux's i386 layout, as
 * kernel/entry.asm pushes them (SAVE_ALL). On a syscall, orig_ax holds the number; on an
 * exception, the CPU's error code; on an IRQ, the negated IRQ number minus one (~irq). */
#ifndef _MENUOS_PTRACE_H
#define _MENUOS_PTRACE_H

#include <menuos/kernel.h>

struct pt_regs {
	unsigned long bx, cx, dx, si, di, bp, ax;
	unsigned long ds, es, fs, gs;
	unsigned long orig_ax;
	unsigned long ip, cs, flags;
	unsigned long sp, ss; /* only there when the CPU came from ring 3 */
};

static __always_inline int user_mode(const struct pt_regs *regs)
{
	return (regs->cs & 3) == 3;
}

#endif
