/* gettimeofday() (struct timeval from <linux/time.h>). */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <sys/types.h>
#include <linux/time.h>

int gettimeofday(struct timeval *tv, struct timezone *tz);

#endif
