/*
 * The rest of the kernel, as far as the files under test need it, for a
 * host process: "physical" memory is an arena in this process (phys 0 is
 * its start), kmalloc is malloc, user pages get page tables in the arena
 * as kernel/memory.c makes them (and, for uaccess, the same addresses are
 * mapped in this process). Built with the kernel's headers.
 */
#include <menuos/fs.h>
#include <menuos/mm.h>
#include <menuos/sched.h>

#include "harness.h"

void *malloc(size_t n);
void *calloc(size_t n, size_t size);
void free(void *p);
void abort(void) __attribute__((noreturn));
int printf(const char *fmt, ...);
void *mmap(void *addr, size_t len, int prot, int flags, int fd, long off);

#define ARENA_PAGES 4096 /* 16 MiB */

static unsigned char arena[ARENA_PAGES * 4096] __attribute__((aligned(4096)));
static unsigned long next_page = 1; /* page 0 stays unused */
static unsigned long page_limit = ARENA_PAGES;

void *host_phys_to_virt(unsigned long phys)
{
	if (phys >= sizeof(arena)) {
		printf("kernel_shim: phys_to_virt(%#lx) outside memory\n",
		       phys);
		abort();
	}
	return arena + phys;
}

unsigned long host_virt_to_phys(const void *virt)
{
	return (unsigned long)((const unsigned char *)virt - arena);
}

void *get_zeroed_page(void)
{
	unsigned char *p;

	if (next_page >= page_limit)
		return NULL;
	p = arena + next_page++ * PAGE_SIZE;
	memset(p, 0, PAGE_SIZE);
	return p;
}

void host_reset_pages(unsigned long max_pages)
{
	next_page = 1;
	page_limit = max_pages + 1 < ARENA_PAGES ? max_pages + 1 : ARENA_PAGES;
}

unsigned long host_pages_used(void)
{
	return next_page - 1;
}

void *kmalloc(size_t size)
{
	return malloc(size ? size : 1);
}

void *kzalloc(size_t size)
{
	return calloc(1, size ? size : 1);
}

void kfree(const void *p)
{
	free((void *)p);
}

uint32_t swapper_pg_dir[1024];

/* As kernel/memory.c: the kernel's half of every page directory is the
 * direct map in 4 MiB pages, present and not for ring 3. */
struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm));

	if (!mm)
		return NULL;
	mm->pgd = get_zeroed_page();
	if (!mm->pgd) {
		kfree(mm);
		return NULL;
	}
	for (int i = PAGE_OFFSET >> 22; i < 1024; i++)
		mm->pgd[i] = ((uint32_t)(i - (PAGE_OFFSET >> 22)) << 22) |
			     PDE_LARGE | PTE_PRESENT | PTE_WRITE;
	mm->stack_low = USER_STACK_TOP;
	return mm;
}

void mmput(struct mm_struct *mm)
{
	kfree(mm); /* the arena is reset between tests */
}

static uint32_t *walk(struct mm_struct *mm, unsigned long addr, int create)
{
	uint32_t *pde = &mm->pgd[addr >> 22];

	if (!(*pde & PTE_PRESENT)) {
		uint32_t *table;
		if (!create)
			return NULL;
		table = get_zeroed_page();
		if (!table)
			return NULL;
		*pde = host_virt_to_phys(table) | PTE_PRESENT | PTE_WRITE |
		       PTE_USER;
	}
	if (*pde & PDE_LARGE)
		return NULL;
	return (uint32_t *)host_phys_to_virt(*pde & ~0xFFFu) +
	       ((addr >> PAGE_SHIFT) & 1023);
}

/* As kernel/memory.c's: fresh zeroed pages where nothing is mapped. */
int map_user_range(struct mm_struct *mm, unsigned long start, unsigned long end,
		   int writable)
{
	start = ALIGN_DOWN(start, PAGE_SIZE);
	if (start == 0 || end > TASK_SIZE || start >= end)
		return -EFAULT;
	for (unsigned long a = start; a < end; a += PAGE_SIZE) {
		uint32_t *pte = walk(mm, a, 1);
		void *page;
		if (!pte)
			return -ENOMEM;
		if (*pte & PTE_PRESENT)
			continue;
		page = get_zeroed_page();
		if (!page)
			return -ENOMEM;
		*pte = host_virt_to_phys(page) | PTE_PRESENT | PTE_USER |
		       (writable ? PTE_WRITE : 0);
		if (a + PAGE_SIZE < a)
			break;
	}
	return 0;
}

int user_page_ok(struct mm_struct *mm, unsigned long addr, int write)
{
	uint32_t *pte;

	if (!mm || addr >= TASK_SIZE)
		return 0;
	pte = walk(mm, addr, 0);
	if (!pte || !(*pte & PTE_PRESENT) || !(*pte & PTE_USER))
		return 0;
	return !write || (*pte & PTE_WRITE);
}

/* For uaccess: a page below the stack "grows" when host memory is there
 * (the test maps it first). */
int handle_user_page_fault(struct mm_struct *mm, unsigned long addr)
{
	if (!mm || addr >= mm->stack_low ||
	    addr < USER_STACK_TOP - USER_STACK_MAX)
		return -EFAULT;
	if (map_user_range(mm, ALIGN_DOWN(addr, PAGE_SIZE), mm->stack_low, 1))
		return -ENOMEM;
	mm->stack_low = ALIGN_DOWN(addr, PAGE_SIZE);
	return 0;
}

/* ---- the current process ---- */

static struct task_struct task;
struct task_struct *current = &task;

struct mm_struct *host_current_mm(void)
{
	if (!task.mm) {
		host_reset_pages(ARENA_PAGES);
		task.mm = mm_alloc();
	}
	return task.mm;
}

int host_map_user(unsigned long addr, unsigned long n, int writable)
{
	struct mm_struct *mm = host_current_mm();
	unsigned long start = ALIGN_DOWN(addr, PAGE_SIZE),
		      end = ALIGN_UP(addr + n, PAGE_SIZE);
	void *p = mmap((void *)start, end - start, 3,
		       0x32 /* FIXED|ANON|PRIV */, -1, 0);

	if (p != (void *)start)
		return -1;
	if (writable < 0) /* this process only: for the stack to grow into */
		return 0;
	return map_user_range(mm, start, end, writable) ? -1 : 0;
}

void host_set_stack_low(unsigned long addr)
{
	host_current_mm()->stack_low = addr;
}

void host_unexpected(const char *name)
{
	printf("kernel_shim: the code under test called %s, which the host "
	       "harness does not provide\n",
	       name);
	abort();
}

int vprintf(const char *fmt, va_list ap);

/* printk goes to stdout, so a kernel message shows in the test's output */
int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintf(fmt, ap);
	va_end(ap);
	return n;
}
