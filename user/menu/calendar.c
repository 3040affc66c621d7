/*
 * Epoch seconds -> calendar date and time, UTC (see calendar.h).
 * Walks forward from 1970 a year, then a month, at a time: slower than a
 * closed formula, but easy to check by hand.
 */
#include <stdio.h>

#include "calendar.h"

static const char *const day_names[7] = { "Sun", "Mon", "Tue", "Wed",
					  "Thu", "Fri", "Sat" };
static const char *const month_names[12] = { "Jan", "Feb", "Mar", "Apr",
					     "May", "Jun", "Jul", "Aug",
					     "Sep", "Oct", "Nov", "Dec" };
static const int month_days[12] = { 31, 28, 31, 30, 31, 30,
				    31, 31, 30, 31, 30, 31 };

static int IsLeapYear(unsigned long year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

char *FormatTime(unsigned long seconds, char *buf, size_t size)
{
	unsigned long days = seconds / 86400;
	unsigned long rest = seconds % 86400;
	unsigned long year = 1970;
	int weekday = (days + 4) % 7; /* 1970-01-01 was a Thursday */
	int month = 0;

	while (days >= (IsLeapYear(year) ? 366UL : 365UL)) {
		days -= IsLeapYear(year) ? 366 : 365;
		year++;
	}
	for (;;) {
		unsigned long length = month_days[month];

		if (month == 1 && IsLeapYear(year))
			length = 29;
		if (days < length)
			break;
		days -= length;
		month++;
	}
	snprintf(buf, size, "%s %s %2lu %02lu:%02lu:%02lu %lu",
		 day_names[weekday], month_names[month], days + 1, rest / 3600,
		 rest / 60 % 60, rest % 60, year);
	return buf;
}
