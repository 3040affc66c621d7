/* Memory: the physical page allocator, the direct map, address spaces and kmalloc.
 * Physical RAM up to 768 MiB is mapped at PAGE_OFFSET in every address space (ring 0 only);
 * user space is 0 .. PAGE_OFFSET, with page 0 never mapped so NULL faults. */
#ifndef _MENUOS_MM_H
#define _MENUOS_MM_H

#include <menuos/kernel.h>

#define PAGE_SIZE	4096UL
#define PAGE_SHIFT	12
#define PAGE_OFFSET	0xC0000000UL
#define DIRECT_MAP_SIZE 0x30000000UL /* 768 MiB */
#define USER_STACK_TOP	PAGE_OFFSET
#define USER_STACK_MAX \
	(8UL << 20) /* the stack grows on demand down to this size */
#define TASK_SIZE PAGE_OFFSET
/* Linux's vm.mmap_min_addr default: nothing of a program's below 64 KiB, so that a kernel
 * bug following a NULL pointer (plus an offset) can never reach memory a program chose */
#define MMAP_MIN_ADDR 0x10000UL

/* page table entry bits */
#define PTE_PRESENT 0x001
#define PTE_WRITE   0x002
#define PTE_USER    0x004
#define PDE_LARGE   0x080

static __always_inline void *phys_to_virt(unsigned long phys)
{
	return (void *)(phys + PAGE_OFFSET);
}
static __always_inline unsigned long virt_to_phys(const void *virt)
{
	return (unsigned long)virt - PAGE_OFFSET;
}

/* kernel/page_alloc.c */
void page_alloc_init(unsigned long multiboot_info_phys);
unsigned long
alloc_pages(unsigned int n); /* physical address of n contiguous pages, or 0 */
void free_pages(unsigned long phys, unsigned int n);
void *get_zeroed_page(void); /* virtual address, or NULL */
void free_page(void *virt);
unsigned long nr_free_pages(void);
unsigned long totalram_pages(void);
unsigned long ram_end_pfn(void); /* one past the last page of RAM */

/* kernel/slab.c */
void *kmalloc(size_t size);
void *kzalloc(size_t size);
void kfree(const void *p);
unsigned long kmalloc_bytes_in_use(void);

/* kernel/memory.c: address spaces */
struct mm_struct {
	uint32_t *pgd; /* page directory (virtual address) */
	unsigned long start_code; /* lowest address of the loaded program */
	unsigned long
		start_brk; /* the heap starts here (end of the program) ... */
	unsigned long brk; /* ... and ends here; brk(2) moves it */
	unsigned long stack_low; /* lowest mapped stack address */
	unsigned long mmap_base; /* where the next mmap goes (kernel/mmap.c) */
};

extern uint32_t swapper_pg_dir[1024];
void paging_init(void);
struct mm_struct *mm_alloc(void);
void mmput(struct mm_struct *mm);
struct mm_struct *dup_mm(struct mm_struct *old);
int map_user_range(struct mm_struct *mm, unsigned long start, unsigned long end,
		   int writable);
void unmap_user_range(struct mm_struct *mm, unsigned long start,
		      unsigned long end);
void protect_user_range(struct mm_struct *mm, unsigned long start,
			unsigned long end, int writable);
/* bytes into another address space, e.g. a program being loaded (kernel/exec.c) */
int copy_to_mm(struct mm_struct *mm, unsigned long addr, const void *src,
	       size_t n);
int user_page_ok(struct mm_struct *mm, unsigned long addr, int write);
void switch_mm(struct mm_struct *mm);
int handle_user_page_fault(struct mm_struct *mm, unsigned long addr);

#endif
