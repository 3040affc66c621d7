/* Address spaces: one page directory per process. The kernel's entries (768..1023, the
 * direct map with 4 MiB pages) are the same in all of them and have no PTE_USER bit, so
 * ring 3 cannot touch kernel memory. User pages are copied eagerly on fork. */
#include <menuos/io.h>
#include <menuos/mm.h>

#define KERNEL_PDE_FIRST ((int)(PAGE_OFFSET >> 22))

static inline void load_cr3(unsigned long phys)
{
	asm volatile("mov %0, %%cr3" : : "r"(phys) : "memory");
}

static inline unsigned long read_cr3(void)
{
	unsigned long v;
	asm volatile("mov %%cr3, %0" : "=r"(v));
	return v;
}

void paging_init(void)
{
	swapper_pg_dir[0] = 0; /* the identity mapping boot.asm needed */
	load_cr3(virt_to_phys(swapper_pg_dir));
}

void switch_mm(struct mm_struct *mm)
{
	load_cr3(virt_to_phys(mm ? mm->pgd : swapper_pg_dir));
}

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
	for (int i = KERNEL_PDE_FIRST; i < 1024; i++)
		mm->pgd[i] = swapper_pg_dir[i];
	mm->stack_low = USER_STACK_TOP;
	return mm;
}

/* The page table entry for addr, creating the page table when asked; NULL if absent. */
static uint32_t *walk(struct mm_struct *mm, unsigned long addr, int create)
{
	uint32_t *pde = &mm->pgd[addr >> 22];

	if (!(*pde & PTE_PRESENT)) {
		if (!create)
			return NULL;
		uint32_t *table = get_zeroed_page();
		if (!table)
			return NULL;
		*pde = virt_to_phys(table) | PTE_PRESENT | PTE_WRITE | PTE_USER;
	}
	uint32_t *table = phys_to_virt(*pde & ~0xFFFu);
	return &table[(addr >> PAGE_SHIFT) & 1023];
}

/* Maps fresh zeroed pages over [start, end) where nothing is mapped yet. */
int map_user_range(struct mm_struct *mm, unsigned long start, unsigned long end,
		   int writable)
{
	start = ALIGN_DOWN(start, PAGE_SIZE);
	if (start == 0 || end > TASK_SIZE || start >= end)
		return -EFAULT;
	for (unsigned long a = start; a < end; a += PAGE_SIZE) {
		uint32_t *pte = walk(mm, a, 1);
		if (!pte)
			return -ENOMEM;
		if (*pte & PTE_PRESENT)
			continue;
		void *page = get_zeroed_page();
		if (!page)
			return -ENOMEM;
		*pte = virt_to_phys(page) | PTE_PRESENT | PTE_USER |
		       (writable ? PTE_WRITE : 0);
	}
	if (read_cr3() == virt_to_phys(mm->pgd))
		load_cr3(virt_to_phys(
			mm->pgd)); /* flush the TLB (read-only to writable) */
	return 0;
}

void unmap_user_range(struct mm_struct *mm, unsigned long start,
		      unsigned long end)
{
	for (unsigned long a = ALIGN_UP(start, PAGE_SIZE); a < end;
	     a += PAGE_SIZE) {
		uint32_t *pte = walk(mm, a, 0);
		if (pte && (*pte & PTE_PRESENT)) {
			free_pages(*pte & ~0xFFFu, 1);
			*pte = 0;
		}
	}
	if (read_cr3() == virt_to_phys(mm->pgd))
		load_cr3(virt_to_phys(mm->pgd));
}

/* mprotect: the write bit of every mapped page in [start, end). */
void protect_user_range(struct mm_struct *mm, unsigned long start,
			unsigned long end, int writable)
{
	for (unsigned long a = ALIGN_DOWN(start, PAGE_SIZE); a < end;
	     a += PAGE_SIZE) {
		uint32_t *pte = walk(mm, a, 0);
		if (pte && (*pte & PTE_PRESENT))
			*pte = writable ? *pte | PTE_WRITE : *pte & ~PTE_WRITE;
	}
	if (read_cr3() == virt_to_phys(mm->pgd))
		load_cr3(virt_to_phys(mm->pgd));
}

/* Frees every user page, the page tables, the directory and the mm itself. */
void mmput(struct mm_struct *mm)
{
	if (!mm)
		return;
	if (read_cr3() == virt_to_phys(mm->pgd))
		switch_mm(NULL);
	for (int i = 0; i < KERNEL_PDE_FIRST; i++) {
		if (!(mm->pgd[i] & PTE_PRESENT))
			continue;
		uint32_t *table = phys_to_virt(mm->pgd[i] & ~0xFFFu);
		for (int j = 0; j < 1024; j++)
			if (table[j] & PTE_PRESENT)
				free_pages(table[j] & ~0xFFFu, 1);
		free_page(table);
	}
	free_page(mm->pgd);
	kfree(mm);
}

/* fork: a new address space with a copy of every user page. */
struct mm_struct *dup_mm(struct mm_struct *old)
{
	struct mm_struct *mm = mm_alloc();

	if (!mm)
		return NULL;
	uint32_t *pgd = mm->pgd;
	*mm = *old;
	mm->pgd = pgd;
	for (int i = 0; i < KERNEL_PDE_FIRST; i++) {
		if (!(old->pgd[i] & PTE_PRESENT))
			continue;
		uint32_t *table = phys_to_virt(old->pgd[i] & ~0xFFFu);
		for (int j = 0; j < 1024; j++) {
			if (!(table[j] & PTE_PRESENT))
				continue;
			unsigned long addr = ((unsigned long)i << 22) |
					     ((unsigned long)j << 12);
			uint32_t *pte = walk(mm, addr, 1);
			void *page = pte ? get_zeroed_page() : NULL;
			if (!page) {
				mmput(mm);
				return NULL;
			}
			memcpy(page, phys_to_virt(table[j] & ~0xFFFu),
			       PAGE_SIZE);
			*pte = virt_to_phys(page) | (table[j] & 0xFFFu);
		}
	}
	return mm;
}

int user_page_ok(struct mm_struct *mm, unsigned long addr, int write)
{
	if (!mm || addr >= TASK_SIZE)
		return 0;
	uint32_t *pte = walk(mm, addr, 0);
	if (!pte || !(*pte & PTE_PRESENT) || !(*pte & PTE_USER))
		return 0;
	return !write || (*pte & PTE_WRITE);
}

/* A fault just below the stack grows it (up to USER_STACK_MAX); anything else is an error. */
int handle_user_page_fault(struct mm_struct *mm, unsigned long addr)
{
	if (!mm || addr >= mm->stack_low ||
	    addr < USER_STACK_TOP - USER_STACK_MAX)
		return -EFAULT;
	unsigned long low = ALIGN_DOWN(addr, PAGE_SIZE);
	if (map_user_range(mm, low, mm->stack_low, 1))
		return -ENOMEM;
	mm->stack_low = low;
	return 0;
}
