/* set_thread_area(2): the thread-local storage segment of glibc (Linux's
 * arch/x86/kernel/tls.c). A process gets up to three descriptors of its own in GDT slots
 * 6..8; glibc loads %gs with one and reaches its TLS block (errno, stdio locks) through
 * it. The scheduler puts the next task's descriptors into the GDT (load_TLS). */
#include <menuos/interrupt.h>
#include <menuos/sched.h>
#include <menuos/syscalls.h>
#include <menuos/uaccess.h>
#include <asm/ldt.h>

static uint64_t tls_descriptor(const struct user_desc *u)
{
	if (u->seg_not_present || (!u->base_addr && !u->limit))
		return 0; /* an empty slot */
	uint32_t limit = u->limit;
	uint8_t access = 0xF2; /* present, ring 3, data, writable */
	if (u->contents & 2)
		access = 0xFA; /* code */
	if (u->read_exec_only)
		access &= ~0x02;
	uint8_t flags = (u->limit_in_pages ? 0x8 : 0) |
			(u->seg_32bit ? 0x4 : 0) | (u->useable ? 0x1 : 0);
	return (limit & 0xFFFFull) |
	       ((uint64_t)(u->base_addr & 0xFFFFFF) << 16) |
	       ((uint64_t)access << 40) |
	       ((uint64_t)((limit >> 16) & 0xF) << 48) |
	       ((uint64_t)flags << 52) | ((uint64_t)(u->base_addr >> 24) << 56);
}

/* A selector the return to user mode can load into fs or gs: null, the user data segment
 * or a TLS slot set_thread_area filled. Any other one would fault in the kernel's own
 * `pop %fs` (or read a descriptor the task never made). */
int user_data_selector_ok(struct task_struct *t, unsigned long sel)
{
	unsigned long idx = sel >> 3;

	if (sel < 4 || sel == __USER_DS)
		return 1;
	return (sel & 7) == 3 && idx >= GDT_ENTRY_TLS_MIN &&
	       idx < GDT_ENTRY_TLS_MIN + GDT_ENTRY_TLS_ENTRIES &&
	       t->tls_array[idx - GDT_ENTRY_TLS_MIN];
}

long sys_set_thread_area(struct user_desc *u_info)
{
	struct user_desc info;
	int idx;

	if (copy_from_user(&info, u_info, sizeof(info)))
		return -EFAULT;
	idx = info.entry_number;
	if (idx == -1) { /* the first free slot, as Linux */
		for (idx = GDT_ENTRY_TLS_MIN;
		     idx < GDT_ENTRY_TLS_MIN + GDT_ENTRY_TLS_ENTRIES; idx++)
			if (!current->tls_array[idx - GDT_ENTRY_TLS_MIN])
				break;
		if (idx == GDT_ENTRY_TLS_MIN + GDT_ENTRY_TLS_ENTRIES)
			return -ESRCH;
		if (put_user(idx, &u_info->entry_number))
			return -EFAULT;
	}
	if (idx < GDT_ENTRY_TLS_MIN ||
	    idx >= GDT_ENTRY_TLS_MIN + GDT_ENTRY_TLS_ENTRIES)
		return -EINVAL;
	current->tls_array[idx - GDT_ENTRY_TLS_MIN] = tls_descriptor(&info);
	load_TLS(current);
	/* fs or gs may name the slot just emptied: the return to user mode would fault
	 * loading it; it gets the null selector instead, as Linux's fixup gives it */
	struct pt_regs *regs = task_pt_regs(current);
	if (!user_data_selector_ok(current, regs->fs))
		regs->fs = 0;
	if (!user_data_selector_ok(current, regs->gs))
		regs->gs = 0;
	return 0;
}
