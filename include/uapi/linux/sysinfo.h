/* struct sysinfo as sysinfo(116) fills it on i386 (Linux: include/uapi/linux/sysinfo.h).
 * MenuOS's tests read freeram to prove that nothing leaks. */
#ifndef _UAPI_LINUX_SYSINFO_H
#define _UAPI_LINUX_SYSINFO_H

#define SI_LOAD_SHIFT 16

struct sysinfo {
	long uptime; /* seconds since boot */
	unsigned long loads[3]; /* load averages (MenuOS: 0) */
	unsigned long totalram; /* in units of mem_unit bytes */
	unsigned long freeram;
	unsigned long sharedram;
	unsigned long bufferram;
	unsigned long totalswap;
	unsigned long freeswap;
	unsigned short procs; /* number of processes */
	unsigned short pad;
	unsigned long totalhigh;
	unsigned long freehigh;
	unsigned int mem_unit;
	char _f[8];
};

#endif
