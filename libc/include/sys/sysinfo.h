/* sysinfo(): uptime and memory counters (struct sysinfo from
 * <linux/sysinfo.h>). */
#ifndef _SYS_SYSINFO_H
#define _SYS_SYSINFO_H

#include <linux/sysinfo.h>

int sysinfo(struct sysinfo *info);

#endif
