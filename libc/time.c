/* Clocks, sleeping, and splitting seconds since 1970 into a date (UTC). */
#include <errno.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "syscall.h"

time_t time(time_t *t)
{
	return syscall1(__NR_time, t);
}

int gettimeofday(struct timeval *tv, struct timezone *tz)
{
	return syscall2(__NR_gettimeofday, tv, tz);
}

int clock_gettime(clockid_t clock, struct timespec *ts)
{
	return syscall2(__NR_clock_gettime, clock, ts);
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	return syscall2(__NR_nanosleep, req, rem);
}

/* Returns the seconds left if a signal cut the sleep short. */
unsigned int sleep(unsigned int seconds)
{
	struct timespec ts = { (long)seconds, 0 };

	if (nanosleep(&ts, &ts) < 0)
		return ts.tv_sec + (ts.tv_nsec > 0);
	return 0;
}

int usleep(useconds_t usec)
{
	struct timespec ts = { (long)(usec / 1000000),
			       (long)(usec % 1000000) * 1000 };

	return nanosleep(&ts, NULL);
}

static int is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

struct tm *gmtime_r(const time_t *t, struct tm *tm)
{
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30,
				       31, 31, 30, 31, 30, 31 };
	long days = *t / 86400, secs = *t % 86400;
	int year = 1970, len;

	if (secs < 0) {
		secs += 86400;
		days--;
	}
	tm->tm_sec = secs % 60;
	tm->tm_min = secs / 60 % 60;
	tm->tm_hour = secs / 3600;
	tm->tm_wday = ((days % 7) + 11) % 7; /* 1970-01-01 was a Thursday */
	while (days < 0) {
		year--;
		days += 365 + is_leap(year);
	}
	while (days >= (len = 365 + is_leap(year))) {
		days -= len;
		year++;
	}
	tm->tm_year = year - 1900;
	tm->tm_yday = days;
	for (tm->tm_mon = 0;; tm->tm_mon++) {
		len = mdays[tm->tm_mon] + (tm->tm_mon == 1 && is_leap(year));
		if (days < len)
			break;
		days -= len;
	}
	tm->tm_mday = days + 1;
	tm->tm_isdst = 0;
	return tm;
}

struct tm *gmtime(const time_t *t)
{
	static struct tm tm;

	return gmtime_r(t, &tm);
}

/* MenuOS has no time zones: local time is UTC. */
struct tm *localtime_r(const time_t *t, struct tm *tm)
{
	return gmtime_r(t, tm);
}

struct tm *localtime(const time_t *t)
{
	return gmtime(t);
}
