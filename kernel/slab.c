/* kmalloc/kfree: power-of-two size classes from 16 to 2048 bytes carved out of pages, and
 * whole pages for anything larger. A small header in front of each block says which. */
#include <menuos/io.h>
#include <menuos/mm.h>

#define MIN_SHIFT     4 /* 16 bytes */
#define MAX_SHIFT     11 /* 2048 bytes */
#define KMALLOC_MAGIC 0x6b6d0000u

struct block_header {
	uint32_t magic_class; /* KMALLOC_MAGIC | size class, or | 0xff for whole pages */
	uint32_t pages;
};

struct free_block {
	struct free_block *next;
};

static struct free_block *free_lists[MAX_SHIFT + 1];
static unsigned long bytes_in_use; /* block sizes handed out (/proc/meminfo) */

unsigned long kmalloc_bytes_in_use(void)
{
	return bytes_in_use;
}

static int size_class(size_t size)
{
	int shift = MIN_SHIFT;

	while ((1u << shift) < size)
		shift++;
	return shift;
}

static int refill(int shift)
{
	char *page = get_zeroed_page();

	if (!page)
		return -ENOMEM;
	for (size_t off = 0; off + (1u << shift) <= PAGE_SIZE;
	     off += 1u << shift) {
		struct free_block *b = (struct free_block *)(page + off);
		b->next = free_lists[shift];
		free_lists[shift] = b;
	}
	return 0;
}

void *kmalloc(size_t size)
{
	size_t total = size + sizeof(struct block_header);
	struct block_header *h;

	if (total > (1u << MAX_SHIFT)) {
		unsigned int n = ALIGN_UP(total, PAGE_SIZE) / PAGE_SIZE;
		unsigned long phys = alloc_pages(n);
		if (!phys)
			return NULL;
		h = phys_to_virt(phys);
		h->magic_class = KMALLOC_MAGIC | 0xff;
		h->pages = n;
		bytes_in_use += n * PAGE_SIZE;
		return h + 1;
	}

	int shift = size_class(total);
	unsigned long flags = local_irq_save();
	if (!free_lists[shift] && refill(shift)) {
		local_irq_restore(flags);
		return NULL;
	}
	h = (struct block_header *)free_lists[shift];
	free_lists[shift] = free_lists[shift]->next;
	bytes_in_use += 1u << shift;
	local_irq_restore(flags);
	h->magic_class = KMALLOC_MAGIC | shift;
	h->pages = 0;
	return h + 1;
}

void *kzalloc(size_t size)
{
	void *p = kmalloc(size);

	if (p)
		memset(p, 0, size);
	return p;
}

void kfree(const void *p)
{
	if (!p)
		return;
	struct block_header *h = (struct block_header *)p - 1;
	if ((h->magic_class & 0xffff0000u) != KMALLOC_MAGIC)
		panic("kfree: %p was not allocated by kmalloc (or is freed twice)",
		      p);
	unsigned int cls = h->magic_class & 0xff;
	h->magic_class = 0;
	if (cls == 0xff) {
		bytes_in_use -= h->pages * PAGE_SIZE;
		free_pages(virt_to_phys(h), h->pages);
		return;
	}
	unsigned long flags = local_irq_save();
	bytes_in_use -= 1u << cls;
	struct free_block *b = (struct free_block *)h;
	b->next = free_lists[cls];
	free_lists[cls] = b;
	local_irq_restore(flags);
}
