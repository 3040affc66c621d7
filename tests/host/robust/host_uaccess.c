/*
 * kernel/uaccess.c on the host: access_ok, copy_from_user, copy_to_user
 * and strncpy_from_user exactly as the kernel has them, over the shim's
 * page tables (user addresses are also mapped in this host process, at
 * the same place, by host_map_user).
 */
#include "../../../kernel/uaccess.c"

#include "harness.h"

struct mm_struct *host_current_mm(void);

int host_access_ok(unsigned long uaddr, unsigned long n, int write)
{
	host_current_mm();
	return access_ok((const void *)uaddr, n, write);
}

int host_copy_from_user(void *to, unsigned long ufrom, unsigned long n)
{
	host_current_mm();
	return copy_from_user(to, (const void *)ufrom, n);
}

int host_copy_to_user(unsigned long uto, const void *from, unsigned long n)
{
	host_current_mm();
	return copy_to_user((void *)uto, from, n);
}

long host_strncpy_from_user(char *dst, unsigned long usrc, long max)
{
	host_current_mm();
	return strncpy_from_user(dst, (const char *)usrc, max);
}
