/*
 * meminfo: /proc/meminfo in words: total and free memory (in kB and in
 * 4 KiB pages), what kmalloc holds, and the network stack's share: sockets,
 * lwIP's TCP and UDP pcbs, pbufs and heap. Lines MenuOS adds to Linux's
 * (KmallocBytes:, Sockets:, Lwip...:) are shown when /proc/meminfo has
 * them, so on Linux only the memory lines appear.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE_KB 4

/* the /proc/meminfo keys shown, in the order of the enum below */
static const char *const keys[] = {
	"MemTotal",  "MemFree",	    "MemAvailable",    "KmallocBytes",
	"Sockets",   "LwipTcpPcbs", "LwipTcpTimeWait", "LwipUdpPcbs",
	"LwipPbufs", "LwipMemUsed", "LwipMemSize",
};

enum {
	MEM_TOTAL,
	MEM_FREE,
	MEM_AVAILABLE,
	KMALLOC,
	SOCKETS,
	TCP_PCBS,
	TCP_TIME_WAIT,
	UDP_PCBS,
	PBUFS,
	LWIP_MEM_USED,
	LWIP_MEM_SIZE,
	NFIELDS
};

static long values[NFIELDS];
static int found[NFIELDS];

static int have(int i)
{
	return found[i];
}

static long get(int i)
{
	return values[i];
}

static void read_meminfo(void)
{
	FILE *f = fopen("/proc/meminfo", "r");
	char line[128];
	int i;

	if (!f) {
		perror("meminfo: /proc/meminfo");
		exit(1);
	}
	while (fgets(line, sizeof(line), f)) {
		char *colon = strchr(line, ':');

		if (!colon)
			continue;
		*colon = '\0';
		for (i = 0; i < NFIELDS; i++) {
			if (!strcmp(line, keys[i])) {
				values[i] = strtol(colon + 1, NULL, 10);
				found[i] = 1;
			}
		}
	}
	fclose(f);
}

int main(void)
{
	read_meminfo();
	if (have(MEM_TOTAL) && have(MEM_FREE))
		printf("memory:  %ld kB total, %ld kB free (%ld free pages of "
		       "%d kB), %ld kB used\n",
		       get(MEM_TOTAL), get(MEM_FREE), get(MEM_FREE) / PAGE_KB,
		       PAGE_KB, get(MEM_TOTAL) - get(MEM_FREE));
	if (have(MEM_AVAILABLE))
		printf("         %ld kB available\n", get(MEM_AVAILABLE));
	if (have(KMALLOC))
		printf("kmalloc: %ld bytes in use\n", get(KMALLOC));
	if (have(SOCKETS))
		printf("sockets: %ld open\n", get(SOCKETS));
	if (have(TCP_PCBS))
		printf("lwIP:    %ld TCP pcbs (%ld in TIME_WAIT), %ld UDP pcbs, "
		       "%ld pbufs\n",
		       get(TCP_PCBS), get(TCP_TIME_WAIT), get(UDP_PCBS),
		       get(PBUFS));
	if (have(LWIP_MEM_USED))
		printf("         heap: %ld of %ld bytes used\n",
		       get(LWIP_MEM_USED), get(LWIP_MEM_SIZE));
	return 0;
}
