/*
 * malloc/free/calloc/realloc: the allocator of K&R's "The C Programming
 * Language" (section 8.7). Free blocks form a circular list sorted by
 * address; malloc takes the first block big enough (splitting off its tail),
 * free puts a block back and merges it with free neighbours. The heap grows
 * with sbrk() and never shrinks. Blocks are 16-byte aligned.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Every block starts with this header; sizes count in headers (16 bytes). */
union header {
	struct {
		union header *next; /* next free block (free blocks only) */
		size_t units; /* size of this block, header included */
	} s;
	char align[16];
};
typedef union header Header;

#define MIN_GROW 1024 /* units to ask sbrk for at least (16 KiB) */

static Header base; /* an empty block that starts the list */
static Header *freep; /* where the last search ended */

static void heap_corrupt(const char *what, void *p)
{
	char msg[80];
	int n = snprintf(msg, sizeof(msg),
			 "%s(%p): heap corrupted or bad pointer\n", what, p);

	write(2, msg, n);
	abort();
}

/* Ask the kernel for at least n more units and free them into the list. */
static Header *grow(size_t n)
{
	char *p;
	uintptr_t misalign;
	Header *h;

	if (n < MIN_GROW)
		n = MIN_GROW;
	if (n > INT_MAX / sizeof(Header)) /* sbrk takes an int */
		return NULL;
	p = sbrk(0);
	misalign = (uintptr_t)p % sizeof(Header);
	if (misalign && sbrk(sizeof(Header) - misalign) == (void *)-1)
		return NULL;
	p = sbrk(n * sizeof(Header));
	if (p == (void *)-1)
		return NULL;
	h = (Header *)p;
	h->s.units = n;
	h->s.next = NULL;
	free(h + 1);
	return freep;
}

void *malloc(size_t size)
{
	Header *p, *prev;
	size_t units;

	if (size > SIZE_MAX - 2 * sizeof(Header)) {
		errno = ENOMEM;
		return NULL;
	}
	units = (size + sizeof(Header) - 1) / sizeof(Header) + 1;
	if (!freep) {
		base.s.next = freep = &base;
		base.s.units = 0;
	}
	prev = freep;
	for (p = prev->s.next;; prev = p, p = p->s.next) {
		if (p->s.units >= units) {
			if (p->s.units == units) {
				prev->s.next = p->s.next;
			} else { /* hand out the tail of the block */
				p->s.units -= units;
				p += p->s.units;
				p->s.units = units;
			}
			p->s.next = NULL; /* marks the block as in use */
			freep = prev;
			return p + 1;
		}
		/* back where we started: nothing fits, get more memory */
		if (p == freep && !(p = grow(units))) {
			errno = ENOMEM;
			return NULL;
		}
	}
}

void free(void *ptr)
{
	Header *bp, *p;

	if (!ptr)
		return;
	bp = (Header *)ptr - 1;
	if ((uintptr_t)ptr % sizeof(Header) || bp->s.next != NULL ||
	    bp->s.units == 0)
		heap_corrupt("free", ptr);
	/* find p, the free block just before bp in address order */
	for (p = freep; !(bp > p && bp < p->s.next); p = p->s.next) {
		if (p >= p->s.next && (bp > p || bp < p->s.next))
			break; /* bp is before the first or after the last block */
	}
	if ((bp > p && bp < p + p->s.units) ||
	    (bp < p->s.next && bp + bp->s.units > p->s.next))
		heap_corrupt("free", ptr); /* overlaps a free block */

	if (bp + bp->s.units == p->s.next) { /* merge with the block after */
		bp->s.units += p->s.next->s.units;
		bp->s.next = p->s.next->s.next;
	} else {
		bp->s.next = p->s.next;
	}
	if (p + p->s.units == bp) { /* merge with the block before */
		p->s.units += bp->s.units;
		p->s.next = bp->s.next;
	} else {
		p->s.next = bp;
	}
	freep = p;
}

void *calloc(size_t n, size_t size)
{
	void *p;

	if (size && n > SIZE_MAX / size) {
		errno = ENOMEM;
		return NULL;
	}
	p = malloc(n * size);
	if (p)
		memset(p, 0, n * size);
	return p;
}

void *realloc(void *ptr, size_t size)
{
	Header *bp;
	size_t have;
	void *p;

	if (!ptr)
		return malloc(size);
	if (size == 0) {
		free(ptr);
		return NULL;
	}
	bp = (Header *)ptr - 1;
	have = (bp->s.units - 1) * sizeof(Header);
	if (size <= have)
		return ptr;
	p = malloc(size);
	if (p) {
		memcpy(p, ptr, have);
		free(ptr);
	}
	return p;
}
