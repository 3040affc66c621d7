/* Options of wait4(114) and waitpid(7) (Linux: include/uapi/linux/wait.h). */
#ifndef _UAPI_LINUX_WAIT_H
#define _UAPI_LINUX_WAIT_H

#define WNOHANG	   0x00000001 /* return 0 at once if no child has exited */
#define WUNTRACED  0x00000002 /* also report stopped children */
#define WSTOPPED   WUNTRACED
#define WEXITED	   0x00000004
#define WCONTINUED 0x00000008
#define __WALL	   0x40000000 /* also tracees that are not children (ptrace) */

#endif
