/* qsort: quicksort with the middle element as pivot, recursing into the
 * smaller part so the stack stays O(log n); insertion sort for small parts. */
#include <stdlib.h>

typedef int (*cmp_fn)(const void *, const void *);

static void swap(char *a, char *b, size_t size)
{
	char t;

	while (size--) {
		t = *a;
		*a++ = *b;
		*b++ = t;
	}
}

static void insertion_sort(char *base, size_t n, size_t size, cmp_fn cmp)
{
	size_t i, j;

	for (i = 1; i < n; i++)
		for (j = i;
		     j > 0 && cmp(base + (j - 1) * size, base + j * size) > 0;
		     j--)
			swap(base + (j - 1) * size, base + j * size, size);
}

void qsort(void *array, size_t n, size_t size, cmp_fn cmp)
{
	char *base = array;
	size_t i, last;

	while (n > 8) {
		/* move the pivot to the front, partition the rest around it */
		swap(base, base + (n / 2) * size, size);
		last = 0;
		for (i = 1; i < n; i++)
			if (cmp(base + i * size, base) < 0)
				swap(base + ++last * size, base + i * size,
				     size);
		swap(base, base + last * size, size);
		/* [0, last) < pivot at last <= (last, n) */
		if (last < n - last - 1) {
			qsort(base, last, size, cmp);
			base += (last + 1) * size;
			n -= last + 1;
		} else {
			qsort(base + (last + 1) * size, n - last - 1, size,
			      cmp);
			n = last;
		}
	}
	insertion_sort(base, n, size, cmp);
}
