/* The physical page allocator: one bit per 4 KiB page of the direct map, filled from the
 * Multiboot memory map. Next fit (the search goes on where the last one ended and wraps
 * at the end of RAM), so contiguous runs (kernel stacks, socket buffers) are easy. */
#include <menuos/io.h>
#include <menuos/mm.h>
#include <menuos/multiboot.h>

#define MAX_PAGES (DIRECT_MAP_SIZE / PAGE_SIZE)

static uint32_t used_map[MAX_PAGES / 32]; /* bit set = page not free */
static unsigned long free_count, total_count, search_hint;
static unsigned long
	end_pfn; /* one past the last page RAM has: the search wraps there */
extern char _end[];

static inline int page_used(unsigned long pfn)
{
	return used_map[pfn / 32] & (1u << (pfn % 32));
}
static inline void set_used(unsigned long pfn, int used)
{
	if (used)
		used_map[pfn / 32] |= 1u << (pfn % 32);
	else
		used_map[pfn / 32] &= ~(1u << (pfn % 32));
}

void page_alloc_init(unsigned long mbi_phys)
{
	struct multiboot_info *mbi = phys_to_virt(mbi_phys);
	unsigned long kernel_end = ALIGN_UP(virt_to_phys(_end), PAGE_SIZE);

	memset(used_map, 0xFF, sizeof(used_map));
	if (!(mbi->flags & MULTIBOOT_INFO_MEM_MAP))
		panic("boot loader gave no memory map");

	unsigned long p = mbi->mmap_addr,
		      end = mbi->mmap_addr + mbi->mmap_length;
	while (p < end) {
		struct multiboot_mmap_entry *e = phys_to_virt(p);
		if (e->type == 1) {
			uint64_t first =
				ALIGN_UP(e->addr, PAGE_SIZE) / PAGE_SIZE;
			uint64_t last = (e->addr + e->len) / PAGE_SIZE;
			for (uint64_t pfn = first;
			     pfn < last && pfn < MAX_PAGES; pfn++) {
				/* keep below 1 MiB (BIOS, VGA) and the kernel image */
				if (pfn * PAGE_SIZE < kernel_end)
					continue;
				set_used(pfn, 0);
				free_count++;
				end_pfn = max(end_pfn, (unsigned long)pfn + 1);
			}
		}
		p += e->size + 4;
	}
	/* the boot modules (extra cpio archives) stay where the loader put them */
	if (mbi->flags & MULTIBOOT_INFO_MODS) {
		struct multiboot_mod_list *mod = phys_to_virt(mbi->mods_addr);
		for (uint32_t m = 0; m < mbi->mods_count; m++) {
			for (uint64_t pfn = mod[m].mod_start / PAGE_SIZE;
			     pfn < ALIGN_UP(mod[m].mod_end, PAGE_SIZE) /
					     PAGE_SIZE &&
			     pfn < MAX_PAGES;
			     pfn++) {
				if (!page_used(pfn)) {
					set_used(pfn, 1);
					free_count--;
				}
			}
		}
	}
	total_count = free_count;
	search_hint = kernel_end / PAGE_SIZE;
}

unsigned long alloc_pages(unsigned int n)
{
	unsigned long flags = local_irq_save();
	unsigned long run = 0;

	for (unsigned long i = 0; i < end_pfn; i++) {
		unsigned long pfn = (search_hint + i) % end_pfn;
		if (pfn % 32 == 0 && used_map[pfn / 32] == 0xFFFFFFFFu &&
		    i + 31 < end_pfn && pfn + 32 <= end_pfn) {
			i += 31; /* 32 used pages at once: a busy memory is searched fast */
			run = 0;
			continue;
		}
		if (pfn == 0 || page_used(pfn)) {
			run = 0;
			continue;
		}
		run++; /* pages are visited in order, and pfn 0 (never free) resets at the wrap */
		if (run == n) {
			unsigned long first = pfn + 1 - n;
			for (unsigned long k = first; k <= pfn; k++)
				set_used(k, 1);
			free_count -= n;
			search_hint = pfn + 1;
			local_irq_restore(flags);
			return first * PAGE_SIZE;
		}
	}
	local_irq_restore(flags);
	return 0;
}

void free_pages(unsigned long phys, unsigned int n)
{
	unsigned long flags = local_irq_save();
	unsigned long pfn = phys / PAGE_SIZE;

	for (unsigned int i = 0; i < n; i++) {
		if (!page_used(pfn + i))
			panic("free_pages: page 0x%lx is already free",
			      (pfn + i) * PAGE_SIZE);
		set_used(pfn + i, 0);
	}
	free_count += n;
	local_irq_restore(flags);
}

void *get_zeroed_page(void)
{
	unsigned long phys = alloc_pages(1);

	if (!phys)
		return NULL;
	return memset(phys_to_virt(phys), 0, PAGE_SIZE);
}

void free_page(void *virt)
{
	free_pages(virt_to_phys(virt), 1);
}

unsigned long nr_free_pages(void)
{
	return free_count;
}

/* where RAM ends, from the memory map (v86 gives no mem_upper) */
unsigned long ram_end_pfn(void)
{
	return end_pfn;
}

unsigned long totalram_pages(void)
{
	return total_count;
}
