/* Linux's include/uapi/linux/poll.h is only this include. */
#ifndef _UAPI_LINUX_POLL_H
#define _UAPI_LINUX_POLL_H

#include <asm/poll.h>

#endif
