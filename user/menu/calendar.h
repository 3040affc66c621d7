/*
 * Seconds since 1970-01-01 00:00:00 UTC -> "Sat Nov 28 05:12:01 2026".
 * Our libc has time() but no localtime/ctime/strftime, so the shell does
 * the calendar arithmetic itself (UTC only: MenuOS has no time zones).
 */
#ifndef CALENDAR_H
#define CALENDAR_H

#include <stddef.h>

/* Writes the date like ctime() does, without the newline. Returns buf. */
char *FormatTime(unsigned long seconds, char *buf, size_t size);

#endif
