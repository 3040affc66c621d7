/*
 * /init of the Linux peer's initramfs (tools/linux-peer.sh): what MenuOS's
 * kernel does by itself before it starts /bin/init. It mounts /proc, /sys
 * and /dev (devtmpfs: /dev/ttyS0, /dev/ttyS1, /dev/null), brings the
 * loopback interface up (Linux leaves lo down until user space asks), and
 * execs MenuOS's own /bin/init, which starts the MenuOS shell on both serial
 * consoles. Built static against glibc.
 */
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

static void mount_or_warn(const char *type, const char *dir)
{
	mkdir(dir, 0755);
	if (mount(type, dir, type, 0, NULL) < 0)
		perror(dir);
}

static void loopback_up(void)
{
	struct ifreq ifr;
	int fd = socket(AF_INET, SOCK_DGRAM, 0);

	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, "lo");
	if (fd < 0 || ioctl(fd, SIOCGIFFLAGS, &ifr) < 0) {
		perror("init: lo");
		return;
	}
	ifr.ifr_flags |= IFF_UP | IFF_RUNNING;
	if (ioctl(fd, SIOCSIFFLAGS, &ifr) < 0)
		perror("init: lo up");
	close(fd);
}

int main(void)
{
	char *const argv[] = { "init", NULL };

	mount_or_warn("proc", "/proc");
	mount_or_warn("sysfs", "/sys");
	mount_or_warn("devtmpfs", "/dev");
	loopback_up();
	execv("/bin/init", argv);
	perror("init: /bin/init");
	return 1;
}
