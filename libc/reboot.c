/* reboot(cmd): power off or restart, through reboot(88) with both magics. */
#include <sys/reboot.h>
#include "syscall.h"

int reboot(int cmd)
{
	return syscall4(__NR_reboot, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2,
			cmd, 0);
}
