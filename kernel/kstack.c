/* Kernel stacks with guard pages. Each task's THREAD_SIZE stack is mapped, page by page,
 * in the kernel's top 4 MiB (the last page directory entry, shared by every address
 * space), with an unmapped page below it. A kernel stack overflow then faults at once
 * instead of quietly overwriting a neighbour. That fault cannot be handled on the full
 * stack (the CPU would fault again pushing the frame and reset), so the double fault is
 * a task gate: the CPU switches to a TSS with a stack of its own, and the report is
 * printed from there. */
#include <menuos/interrupt.h>
#include <menuos/io.h>
#include <menuos/mm.h>
#include <menuos/sched.h>

#define KSTACK_BASE \
	0xFFC00000UL /* the last PDE; pci_ioremap_bar stays below it */
#define KSTACK_PAGES (THREAD_SIZE / PAGE_SIZE)
#define KSTACK_SLOT \
	((KSTACK_PAGES + 1) * PAGE_SIZE) /* the guard page, then the stack */

static uint32_t *kstack_table; /* the page table of the last 4 MiB */

void kstack_init(void)
{
	kstack_table = get_zeroed_page();
	if (!kstack_table)
		panic("kstack_init: out of memory");
	swapper_pg_dir[1023] = virt_to_phys(kstack_table) | PTE_PRESENT |
			       PTE_WRITE;
}

static void flush_page(unsigned long addr)
{
	asm volatile("invlpg (%0)" : : "r"(addr) : "memory");
}

/* The stack of task slot `slot`, NULL when memory is short. */
void *kstack_alloc(int slot)
{
	unsigned long base = KSTACK_BASE + slot * KSTACK_SLOT + PAGE_SIZE;

	for (unsigned i = 0; i < KSTACK_PAGES; i++) {
		unsigned long phys = alloc_pages(1);
		if (!phys) {
			while (i--) {
				unsigned long a = base + i * PAGE_SIZE;
				free_pages(
					kstack_table[(a >> PAGE_SHIFT) & 1023] &
						~0xFFFu,
					1);
				kstack_table[(a >> PAGE_SHIFT) & 1023] = 0;
				flush_page(a);
			}
			return NULL;
		}
		unsigned long a = base + i * PAGE_SIZE;
		kstack_table[(a >> PAGE_SHIFT) & 1023] = phys | PTE_PRESENT |
							 PTE_WRITE;
		flush_page(a);
	}
	return (void *)base;
}

void kstack_free(void *stack)
{
	for (unsigned i = 0; i < KSTACK_PAGES; i++) {
		unsigned long a = (unsigned long)stack + i * PAGE_SIZE;
		uint32_t *pte = &kstack_table[(a >> PAGE_SHIFT) & 1023];
		free_pages(*pte & ~0xFFFu, 1);
		*pte = 0;
		flush_page(a);
	}
}

/* The double fault task: runs on its own stack with a sound TSS of its own. */
void double_fault_task(void)
{
	struct task_struct *t = current;
	unsigned long sp = tss_of_faulting_task_esp();

	printk("\nOops: double fault in %s[%d], esp 0x%08lx", t->comm, t->pid,
	       sp);
	if (t->stack && sp < (unsigned long)t->stack + PAGE_SIZE &&
	    sp >= (unsigned long)t->stack - PAGE_SIZE)
		printk(": kernel stack overflow (the guard page under the stack was hit)");
	printk("\n");
	panic("double fault");
}
