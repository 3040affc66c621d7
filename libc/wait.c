/* Waiting for children, through wait4(114) without resource usage. */
#include <sys/wait.h>
#include "syscall.h"

pid_t waitpid(pid_t pid, int *status, int options)
{
	return syscall4(__NR_wait4, pid, status, options, 0);
}

pid_t wait(int *status)
{
	return waitpid(-1, status, 0);
}
