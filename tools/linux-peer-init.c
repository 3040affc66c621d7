/*
 * /init of the Linux peer's initramfs (tools/linux-peer.sh): what MenuOS's
 * kernel does by itself before it starts /bin/init. It mounts /proc, /sys,
 * /dev (devtmpfs: /dev/ttyS0, /dev/ttyS1, /dev/null) and tracefs, brings the
 * loopback interface up (Linux leaves lo down until user space asks), loads
 * the e1000 driver (a module in Debian's kernel) and gives eth0 MenuOS's
 * address (10.0.2.15/24 via 10.0.2.2 on QEMU's user network, or the ip=A/N of
 * the command line), lets root use ping sockets, and execs MenuOS's own
 * /bin/init, which starts the MenuOS shell on both serial consoles.
 * Built static against glibc.
 */
#include <arpa/inet.h>
#include <fcntl.h>
#include <net/if.h>
#include <net/route.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

static void mount_or_warn(const char *type, const char *dir)
{
	mkdir(dir, 0755);
	if (mount(type, dir, type, 0, NULL) < 0)
		perror(dir);
}

static void write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY);

	if (fd < 0 || write(fd, text, strlen(text)) < 0)
		perror(path);
	if (fd >= 0)
		close(fd);
}

static void set_addr(struct sockaddr *sa, in_addr_t addr)
{
	struct sockaddr_in *in = (struct sockaddr_in *)sa;

	memset(in, 0, sizeof(*in));
	in->sin_family = AF_INET;
	in->sin_addr.s_addr = addr;
}

/* Sets an interface up, with an address when addr is not 0. */
static int interface_up(int fd, const char *name, in_addr_t addr, int prefix)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, name);
	if (addr) {
		set_addr(&ifr.ifr_addr, addr);
		if (ioctl(fd, SIOCSIFADDR, &ifr) < 0)
			return -1;
		set_addr(&ifr.ifr_netmask,
			 htonl(prefix ? ~0u << (32 - prefix) : 0));
		if (ioctl(fd, SIOCSIFNETMASK, &ifr) < 0)
			return -1;
	}
	if (ioctl(fd, SIOCGIFFLAGS, &ifr) < 0)
		return -1;
	ifr.ifr_flags |= IFF_UP | IFF_RUNNING;
	return ioctl(fd, SIOCSIFFLAGS, &ifr);
}

static void default_route(int fd, in_addr_t gateway)
{
	struct rtentry rt;

	memset(&rt, 0, sizeof(rt));
	set_addr(&rt.rt_dst, 0);
	set_addr(&rt.rt_genmask, 0);
	set_addr(&rt.rt_gateway, gateway);
	rt.rt_flags = RTF_UP | RTF_GATEWAY;
	if (ioctl(fd, SIOCADDRT, &rt) < 0)
		perror("init: default route");
}

/* eth0 as MenuOS configures it: ip=A.B.C.D/N on the command line, else
 * QEMU's user network (10.0.2.15/24, gateway 10.0.2.2) */
static void ethernet_up(int fd)
{
	char cmdline[1024] = "", ip[32] = "10.0.2.15";
	int module, prefix = 24, n;
	const char *opt;
	in_addr_t addr;

	module = open("/lib/modules/e1000.ko", O_RDONLY);
	if (module < 0)
		return; /* no driver: loopback only */
	if (syscall(SYS_finit_module, module, "", 0) < 0)
		perror("init: e1000.ko");
	close(module);
	n = open("/proc/cmdline", O_RDONLY);
	if (n >= 0) {
		read(n, cmdline, sizeof(cmdline) - 1);
		close(n);
	}
	opt = strstr(cmdline, "ip=");
	if (opt && sscanf(opt, "ip=%31[0-9.]/%d", ip, &prefix) < 1)
		return; /* ip=dhcp and the like: left to the user */
	addr = inet_addr(ip);
	if (interface_up(fd, "eth0", addr, prefix) < 0) {
		perror("init: eth0");
		return;
	}
	if (!opt)
		default_route(fd, inet_addr("10.0.2.2"));
}

int main(void)
{
	char *const argv[] = { "init", NULL };
	int fd;

	mount_or_warn("proc", "/proc");
	mount_or_warn("sysfs", "/sys");
	mount_or_warn("devtmpfs", "/dev");
	mount_or_warn("tracefs", "/sys/kernel/tracing");
	/* MenuOS lets every user open ping sockets; Linux only the groups here */
	write_file("/proc/sys/net/ipv4/ping_group_range", "0 2147483647");
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (interface_up(fd, "lo", 0, 0) < 0)
		perror("init: lo");
	ethernet_up(fd);
	close(fd);
	execv("/bin/init", argv);
	perror("init: /bin/init");
	return 1;
}
