/* errno: the error of the last failed call (values from <asm/errno.h>). */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <asm/errno.h>

#define ENOTSUP EOPNOTSUPP

extern int errno;

#endif
