/*
 * route [-n]: the kernel's IPv4 routing table, read from /proc/net/route and
 * printed as Linux's net-tools `route -n` prints it:
 *
 *   Kernel IP routing table
 *   Destination     Gateway         Genmask         Flags Metric Ref    Use Iface
 *   0.0.0.0         10.0.2.2        0.0.0.0         UG    0      0        0 eth0
 *   10.0.2.0        0.0.0.0         255.255.255.0   U     0      0        0 eth0
 *
 * The file holds each address as the hex of its 32-bit value in memory
 * (network byte order read as a little-endian number: 10.0.2.2 is
 * 0202000A). MenuOS has no name service, so -n (numbers) is always on.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RTF_UP	     0x0001
#define RTF_GATEWAY  0x0002
#define RTF_HOST     0x0004
#define RTF_REJECT   0x0200
#define RTF_DYNAMIC  0x0010
#define RTF_MODIFIED 0x0020

static const char *addr_text(unsigned long hex, char *buf)
{
	struct in_addr a;

	a.s_addr = (in_addr_t)hex; /* already in network order in memory */
	return inet_ntop(AF_INET, &a, buf, INET_ADDRSTRLEN);
}

int main(int argc, char **argv)
{
	char line[256], iface[16], d[INET_ADDRSTRLEN], g[INET_ADDRSTRLEN],
		m[INET_ADDRSTRLEN];
	FILE *f;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-n")) {
			fprintf(stderr, "usage: route [-n]\n");
			return 2;
		}
	}
	f = fopen("/proc/net/route", "r");
	if (!f) {
		perror("/proc/net/route");
		return 1;
	}
	printf("Kernel IP routing table\n");
	printf("Destination     Gateway         Genmask         Flags Metric Ref    Use Iface\n");
	if (!fgets(line, sizeof(line), f)) { /* the header */
		fclose(f);
		return 0;
	}
	while (fgets(line, sizeof(line), f)) {
		unsigned long dest, gw, mask, flags;
		int refcnt, use, metric;
		char *p = line, flagstr[8];
		size_t n = strcspn(p, "\t");

		if (n == 0 || n >= sizeof(iface))
			continue;
		memcpy(iface, p, n);
		iface[n] = '\0';
		p += n;
		dest = strtoul(p, &p, 16);
		gw = strtoul(p, &p, 16);
		flags = strtoul(p, &p, 16);
		refcnt = strtol(p, &p, 10);
		use = strtol(p, &p, 10);
		metric = strtol(p, &p, 10);
		mask = strtoul(p, &p, 16);
		if (!(flags & RTF_UP))
			continue;
		n = 0;
		flagstr[n++] = 'U';
		if (flags & RTF_GATEWAY)
			flagstr[n++] = 'G';
		if (flags & RTF_HOST)
			flagstr[n++] = 'H';
		if (flags & RTF_DYNAMIC)
			flagstr[n++] = 'D';
		if (flags & RTF_MODIFIED)
			flagstr[n++] = 'M';
		flagstr[n] = '\0';
		printf("%-15s %-15s %-15s %-6s%-6d %-2d %7d %s\n",
		       addr_text(dest, d), addr_text(gw, g), addr_text(mask, m),
		       flagstr, metric, refcnt, use, iface);
	}
	fclose(f);
	return 0;
}
