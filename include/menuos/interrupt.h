/* Descriptor tables, exceptions and hardware interrupts (8259 PIC, 8254 PIT). */
#ifndef _MENUOS_INTERRUPT_H
#define _MENUOS_INTERRUPT_H

#include <menuos/kernel.h>
#include <menuos/ptrace.h>

#define __KERNEL_CS	      0x08
#define __KERNEL_DS	      0x10
#define __USER_CS	      0x1B
#define __USER_DS	      0x23
#define GDT_ENTRY_TSS	      5
#define GDT_ENTRY_TLS_MIN     6 /* three slots for set_thread_area, as on Linux */
#define GDT_ENTRY_TLS_ENTRIES 3
#define GDT_ENTRY_DOUBLEFAULT_TSS \
	9 /* a task gate catches kernel stack overflows */

#define FIRST_EXTERNAL_VECTOR 0x20 /* IRQ 0..15 after remapping the PIC */
#define SYSCALL_VECTOR	      0x80
#define HZ		      100

typedef void (*irq_handler_t)(int irq, struct pt_regs *regs);

void gdt_init(void);
void tss_set_kernel_stack(unsigned long esp0);
unsigned long tss_of_faulting_task_esp(void);
struct task_struct;
void load_TLS(struct task_struct *t);
/* a selector the return to user mode can load into fs or gs (kernel/tls.c) */
int user_data_selector_ok(struct task_struct *t, unsigned long sel);
void trap_init(void);
void init_IRQ(void);
int request_irq(int irq, irq_handler_t handler);
int in_interrupt(void); /* inside a hardware interrupt handler */
void time_init(void);

extern volatile unsigned long jiffies; /* timer ticks since boot, HZ per second */
/* A relative timeout a program gave (sec >= 0, 0 <= nsec < 1e9, checked by the caller) as
 * ticks to sleep: rounded up, plus one for the tick under way, so nobody wakes early; 0
 * for none; -1 (forever) when too long to count in ticks (kernel/time.c) */
long timeout_to_ticks(unsigned long long sec, unsigned long nsec);
unsigned long long ktime_get_ns(void); /* nanoseconds since boot */

/* entry.asm */
void system_call(void);
void ret_from_fork(void);
void __noreturn return_to_user(struct pt_regs *regs);

#endif
