/* waitpid() and the macros that decode its status. The status word is
 * Linux's: exit code in bits 8..15, or the killing signal in bits 0..6
 * (bit 7: core dumped), or 0x7f with the stop signal in bits 8..15. */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <sys/types.h>
#include <linux/wait.h>

#define WEXITSTATUS(s)	(((s)&0xff00) >> 8)
#define WTERMSIG(s)	((s)&0x7f)
#define WSTOPSIG(s)	WEXITSTATUS(s)
#define WCOREDUMP(s)	((s)&0x80)
#define WIFEXITED(s)	(WTERMSIG(s) == 0)
#define WIFSTOPPED(s)	(((s)&0xff) == 0x7f)
#define WIFSIGNALED(s)	(WTERMSIG(s) != 0 && WTERMSIG(s) != 0x7f)
#define WIFCONTINUED(s) ((s) == 0xffff)

pid_t waitpid(pid_t pid, int *status, int options);
pid_t wait(int *status);

#endif
