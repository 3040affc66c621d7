/* uname(): system name, release and machine, from uname(122). */
#include <sys/utsname.h>
#include "syscall.h"

_Static_assert(sizeof(struct utsname) == sizeof(struct new_utsname),
	       "struct utsname must match the kernel's struct new_utsname");

int uname(struct utsname *buf)
{
	return syscall1(__NR_uname, buf);
}
