/* Time structures of the time syscalls and the clock ids of clock_gettime(265)
 * (Linux: include/uapi/linux/time.h, with i386's 32-bit long). */
#ifndef _UAPI_LINUX_TIME_H
#define _UAPI_LINUX_TIME_H

struct timespec {
	long tv_sec;
	long tv_nsec;
};

struct timeval {
	long tv_sec;
	long tv_usec;
};

struct timezone {
	int tz_minuteswest;
	int tz_dsttime;
};

#define CLOCK_REALTIME	    0 /* wall clock, seconds since 1970 */
#define CLOCK_MONOTONIC	    1 /* since boot, never jumps */
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_BOOTTIME	    7

/* clock_gettime64(403): 64-bit seconds on 32-bit systems (y2038) */
struct __kernel_timespec {
	long long tv_sec;
	long long tv_nsec;
};

#endif
