/* sysinfo(): uptime and memory counters, from sysinfo(116). */
#include <sys/sysinfo.h>
#include "syscall.h"

int sysinfo(struct sysinfo *info)
{
	return syscall1(__NR_sysinfo, info);
}
