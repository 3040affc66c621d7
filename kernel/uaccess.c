/* copy_from_user / copy_to_user / strncpy_from_user. The range is checked page by page
 * against the current page tables before anything is copied, so a bad pointer is an
 * -EFAULT and never a kernel fault. A range just below the stack grows the stack first. */
#include <menuos/mm.h>
#include <menuos/sched.h>
#include <menuos/uaccess.h>

int access_ok(const void *uaddr, size_t n, int write)
{
	unsigned long start = (unsigned long)uaddr, end = start + n;

	if (n == 0)
		return 1;
	if (end < start || end > TASK_SIZE)
		return 0;
	for (unsigned long a = ALIGN_DOWN(start, PAGE_SIZE); a < end;
	     a += PAGE_SIZE) {
		if (user_page_ok(current->mm, a, write))
			continue;
		if (handle_user_page_fault(current->mm, a) ||
		    !user_page_ok(current->mm, a, write))
			return 0;
	}
	return 1;
}

int copy_from_user(void *to, const void *ufrom, size_t n)
{
	if (!access_ok(ufrom, n, 0))
		return -EFAULT;
	memcpy(to, ufrom, n);
	return 0;
}

int copy_to_user(void *uto, const void *from, size_t n)
{
	if (!access_ok(uto, n, 1))
		return -EFAULT;
	memcpy(uto, from, n);
	return 0;
}

long strncpy_from_user(char *dst, const char *usrc, long max)
{
	unsigned long a = (unsigned long)usrc;

	for (long i = 0; i < max; i++, a++) {
		if (i == 0 || (a & (PAGE_SIZE - 1)) == 0)
			if (!access_ok((void *)a, 1, 0))
				return -EFAULT;
		dst[i] = *(const char *)a;
		if (!dst[i])
			return i;
	}
	return -ENAMETOOLONG;
}
