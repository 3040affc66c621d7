/*
 * ifconfig [-a] [interface]
 * ifconfig interface [address] [netmask mask] [up|down]
 *
 * Shows or sets the network interfaces the way Linux's net-tools ifconfig
 * does: the interface list from SIOCGIFCONF (those with an address) and
 * /proc/net/dev (all of them), each one's flags, MTU, addresses and MAC from
 * the SIOCGIF* socket ioctls, its counters from /proc/net/dev. Setting an
 * address is SIOCSIFADDR (which brings the address class's netmask, as on
 * Linux) then SIOCSIFNETMASK, then the interface is brought up. Without -a,
 * interfaces that are down are not shown.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_IFS		8
#define ARPHRD_ETHER	1
#define ARPHRD_LOOPBACK 772

/* the columns of /proc/net/dev */
enum {
	RX_BYTES,
	RX_PACKETS,
	RX_ERRS,
	RX_DROP,
	RX_FIFO,
	RX_FRAME,
	RX_COMPRESSED,
	RX_MULTICAST,
	TX_BYTES,
	TX_PACKETS,
	TX_ERRS,
	TX_DROP,
	TX_FIFO,
	TX_COLLS,
	TX_CARRIER,
	TX_COMPRESSED,
	NR_COLUMNS
};

struct if_stats {
	unsigned long v[NR_COLUMNS];
};

static int skfd;
static char names[MAX_IFS][IFNAMSIZ];
static int nr_names;

static void add_name(const char *name)
{
	for (int i = 0; i < nr_names; i++)
		if (!strcmp(names[i], name))
			return;
	if (nr_names < MAX_IFS)
		strncpy(names[nr_names++], name, IFNAMSIZ - 1);
}

/* net-tools' if_readconf: the interfaces with an IPv4 address. */
static void read_ifconf(void)
{
	struct ifreq reqs[MAX_IFS];
	struct ifconf ifc;

	ifc.ifc_len = sizeof(reqs);
	ifc.ifc_req = reqs;
	if (ioctl(skfd, SIOCGIFCONF, &ifc) < 0) {
		perror("SIOCGIFCONF");
		return;
	}
	for (int i = 0; i < ifc.ifc_len / (int)sizeof(struct ifreq); i++)
		add_name(reqs[i].ifr_name);
}

/* /proc/net/dev: every interface, and its counters when stats is not NULL. */
static int read_proc_net_dev(const char *want, struct if_stats *stats)
{
	char line[256];
	FILE *f = fopen("/proc/net/dev", "r");
	int found = 0;

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f)) {
		char *colon = strchr(line, ':'), *name = line;
		if (!colon || strchr(line, '|'))
			continue;
		*colon = '\0';
		while (*name == ' ')
			name++;
		if (!want) {
			add_name(name);
			continue;
		}
		if (strcmp(name, want))
			continue;
		char *p = colon + 1;
		for (int i = 0; i < NR_COLUMNS; i++)
			stats->v[i] = strtoul(p, &p, 10);
		found = 1;
	}
	fclose(f);
	return found;
}

static int if_ioctl(const char *name, unsigned long req, struct ifreq *ifr)
{
	memset(ifr, 0, sizeof(*ifr));
	strncpy(ifr->ifr_name, name, IFNAMSIZ - 1);
	return ioctl(skfd, req, ifr);
}

static const char *sin_text(const struct sockaddr *sa)
{
	return inet_ntoa(((const struct sockaddr_in *)sa)->sin_addr);
}

/* "1026 (1.0 KiB)": net-tools' rounding, one decimal, powers of 1024. */
static void print_bytes(unsigned long long n)
{
	unsigned long long tenths = n * 10;
	const char *unit = "B";

	if (n > 1073741824ULL) {
		tenths /= 1073741824ULL;
		unit = "GiB";
	} else if (n > 1048576) {
		tenths /= 1048576;
		unit = "MiB";
	} else if (n > 1024) {
		tenths /= 1024;
		unit = "KiB";
	}
	printf("%llu (%lu.%lu %s)", n, (unsigned long)(tenths / 10),
	       (unsigned long)(tenths % 10), unit);
}

static void print_flags(short flags)
{
	static const struct {
		short flag;
		const char *name;
	} names[] = {
		{ IFF_UP, "UP" },
		{ IFF_BROADCAST, "BROADCAST" },
		{ IFF_DEBUG, "DEBUG" },
		{ IFF_LOOPBACK, "LOOPBACK" },
		{ IFF_POINTOPOINT, "POINTOPOINT" },
		{ IFF_NOTRAILERS, "NOTRAILERS" },
		{ IFF_RUNNING, "RUNNING" },
		{ IFF_NOARP, "NOARP" },
		{ IFF_PROMISC, "PROMISC" },
		{ IFF_ALLMULTI, "ALLMULTI" },
		{ IFF_SLAVE, "SLAVE" },
		{ IFF_MASTER, "MASTER" },
		{ IFF_MULTICAST, "MULTICAST" },
	};
	const char *sep = "";

	printf("flags=%d<", (unsigned short)flags);
	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (flags & names[i].flag) {
			printf("%s%s", sep, names[i].name);
			sep = ",";
		}
	}
	printf(">");
}

/* One interface, in net-tools 2.x's layout. Returns -1 if it does not exist. */
static int show(const char *name, int all)
{
	struct ifreq ifr;
	struct if_stats st;
	short flags;
	int mtu = 0;

	if (if_ioctl(name, SIOCGIFFLAGS, &ifr) < 0) {
		fprintf(stderr,
			"%s: error fetching interface information: "
			"Device not found\n",
			name);
		return -1;
	}
	flags = ifr.ifr_flags;
	if (!all && !(flags & IFF_UP))
		return 0;
	if (if_ioctl(name, SIOCGIFMTU, &ifr) == 0)
		mtu = ifr.ifr_mtu;
	printf("%s: ", name);
	print_flags(flags);
	printf("  mtu %d\n", mtu);
	if (if_ioctl(name, SIOCGIFADDR, &ifr) == 0) {
		printf("        inet %s", sin_text(&ifr.ifr_addr));
		if (if_ioctl(name, SIOCGIFNETMASK, &ifr) == 0)
			printf("  netmask %s", sin_text(&ifr.ifr_netmask));
		if ((flags & IFF_BROADCAST) &&
		    if_ioctl(name, SIOCGIFBRDADDR, &ifr) == 0)
			printf("  broadcast %s", sin_text(&ifr.ifr_broadaddr));
		printf("\n");
	}
	if (if_ioctl(name, SIOCGIFHWADDR, &ifr) == 0) {
		const unsigned char *mac =
			(const unsigned char *)ifr.ifr_hwaddr.sa_data;
		if (ifr.ifr_hwaddr.sa_family == ARPHRD_LOOPBACK)
			printf("        loop  (Local Loopback)\n");
		else if (ifr.ifr_hwaddr.sa_family == ARPHRD_ETHER)
			printf("        ether %02x:%02x:%02x:%02x:%02x:%02x  "
			       "(Ethernet)\n",
			       mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
	}
	if (read_proc_net_dev(name, &st)) {
		printf("        RX packets %lu  bytes ", st.v[RX_PACKETS]);
		print_bytes(st.v[RX_BYTES]);
		printf("\n        RX errors %lu  dropped %lu  overruns %lu  "
		       "frame %lu\n",
		       st.v[RX_ERRS], st.v[RX_DROP], st.v[RX_FIFO],
		       st.v[RX_FRAME]);
		printf("        TX packets %lu  bytes ", st.v[TX_PACKETS]);
		print_bytes(st.v[TX_BYTES]);
		printf("\n        TX errors %lu  dropped %lu overruns %lu  "
		       "carrier %lu  collisions %lu\n",
		       st.v[TX_ERRS], st.v[TX_DROP], st.v[TX_FIFO],
		       st.v[TX_CARRIER], st.v[TX_COLLS]);
	}
	printf("\n");
	return 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(a, b);
}

static int set_addr(const char *name, unsigned long req, const char *what,
		    const char *text)
{
	struct ifreq ifr;
	struct sockaddr_in *sin = (struct sockaddr_in *)&ifr.ifr_addr;

	memset(&ifr, 0, sizeof(ifr));
	strncpy(ifr.ifr_name, name, IFNAMSIZ - 1);
	sin->sin_family = AF_INET;
	if (inet_pton(AF_INET, text, &sin->sin_addr) != 1) {
		fprintf(stderr, "%s: Unknown host\n", text);
		return -1;
	}
	if (ioctl(skfd, req, &ifr) < 0) {
		fprintf(stderr, "%s: %s\n", what, strerror(errno));
		return -1;
	}
	return 0;
}

/* net-tools' set_flag/clr_flag: read the flags, change them, write them back. */
static int change_flags(const char *name, short set, short clear)
{
	struct ifreq ifr;

	if (if_ioctl(name, SIOCGIFFLAGS, &ifr) < 0) {
		fprintf(stderr, "%s: ERROR while getting interface flags: %s\n",
			name, strerror(errno));
		return -1;
	}
	ifr.ifr_flags = (ifr.ifr_flags | set) & ~clear;
	if (ioctl(skfd, SIOCSIFFLAGS, &ifr) < 0) {
		perror("SIOCSIFFLAGS");
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int all = 0, argi = 1, err = 0;

	skfd = socket(AF_INET, SOCK_DGRAM, 0);
	if (skfd < 0) {
		perror("socket");
		return 1;
	}
	if (argi < argc && !strcmp(argv[argi], "-a")) {
		all = 1;
		argi++;
	}
	if (argi == argc) { /* every interface */
		read_ifconf();
		read_proc_net_dev(NULL, NULL);
		qsort(names, nr_names, IFNAMSIZ, cmp_names);
		for (int i = 0; i < nr_names; i++)
			show(names[i], all);
		return 0;
	}
	const char *name = argv[argi++];
	if (argi == argc)
		return show(name, 1) < 0 ? 1 : 0;
	for (; argi < argc && !err; argi++) {
		const char *a = argv[argi];
		if (!strcmp(a, "up"))
			err = change_flags(name, IFF_UP | IFF_RUNNING, 0);
		else if (!strcmp(a, "down"))
			err = change_flags(name, 0, IFF_UP);
		else if (!strcmp(a, "netmask")) {
			if (++argi == argc) {
				fprintf(stderr,
					"ifconfig: netmask needs a value\n");
				return 1;
			}
			err = set_addr(name, SIOCSIFNETMASK, "SIOCSIFNETMASK",
				       argv[argi]);
		} else {
			err = set_addr(name, SIOCSIFADDR, "SIOCSIFADDR", a);
			if (!err) /* as net-tools: an address brings it up */
				err = change_flags(name, IFF_UP | IFF_RUNNING,
						   0);
		}
	}
	return err ? 1 : 0;
}
