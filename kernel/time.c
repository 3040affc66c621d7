/* Time: the 8254 PIT ticking at HZ, the wall clock read once from the CMOS RTC at boot,
 * and the time syscalls (time, gettimeofday, clock_gettime, nanosleep). */
#include <menuos/interrupt.h>
#include <menuos/io.h>
#include <menuos/net.h>
#include <menuos/sched.h>
#include <menuos/syscalls.h>
#include <menuos/uaccess.h>
#include <linux/time.h>

#define ERESTART_RESTARTBLOCK 516

#define PIT_HZ 1193182

volatile unsigned long jiffies;
static unsigned long boot_epoch; /* seconds since 1970 at jiffies == 0 */

static void timer_interrupt(int irq, struct pt_regs *regs)
{
	(void)irq;
	jiffies++;
	scheduler_tick(regs);
	net_raise_bottom_half(); /* lwIP's timers run later, in process context */
}

static int cmos_read(int reg)
{
	outb(0x70, reg);
	return inb(0x71);
}

static int bcd(int v)
{
	return (v & 0x0F) + (v >> 4) * 10;
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
static unsigned long days_since_epoch(int y, int m, int d)
{
	static const int before[] = { 0,   31,	59,  90,  120, 151,
				      181, 212, 243, 273, 304, 334 };
	unsigned long days = (y - 1970) * 365UL + before[m - 1] + d - 1;

	days += (y - 1969) / 4 - (y - 1901) / 100 + (y - 1601) / 400;
	if (m > 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		days++;
	return days;
}

static unsigned long read_rtc(void)
{
	while (cmos_read(0x0A) & 0x80)
		; /* an update is in progress */
	int sec = cmos_read(0x00), min = cmos_read(0x02),
	    hour = cmos_read(0x04);
	int day = cmos_read(0x07), mon = cmos_read(0x08),
	    year = cmos_read(0x09);
	if (!(cmos_read(0x0B) & 0x04)) { /* BCD, the usual case */
		sec = bcd(sec), min = bcd(min), hour = bcd(hour);
		day = bcd(day), mon = bcd(mon), year = bcd(year);
	}
	return days_since_epoch(2000 + year, mon, day) * 86400 + hour * 3600 +
	       min * 60 + sec;
}

void time_init(void)
{
	unsigned divisor = PIT_HZ / HZ;

	boot_epoch = read_rtc();
	outb(0x43, 0x34); /* channel 0, lo/hi byte, rate generator */
	outb(0x40, divisor & 0xFF);
	outb(0x40, divisor >> 8);
	request_irq(0, timer_interrupt);
}

/* Nanoseconds since boot, refined inside the tick with the PIT's down-counter. */
unsigned long long ktime_get_ns(void)
{
	unsigned long flags = local_irq_save();
	unsigned long j = jiffies;
	outb(0x43, 0x00); /* latch channel 0 */
	unsigned lo = inb(0x40), hi = inb(0x40);
	unsigned count = (hi << 8) | lo, divisor = PIT_HZ / HZ;
	/* The counter may have wrapped while interrupts were off: then the tick is still
	 * pending in the PIC (IRR bit 0) and jiffies is one behind. Without this the clock
	 * could step back by a tick. */
	outb(0x20, 0x0A); /* read the master PIC's IRR */
	if ((inb(0x20) & 1) && count > divisor / 2)
		j++;
	unsigned long long within =
		(unsigned long long)(divisor - min(count, divisor)) *
		1000000000ULL / PIT_HZ;
	unsigned long long ns =
		(unsigned long long)j * (1000000000ULL / HZ) + within;
	/* Under emulation the counter and the interrupt do not always agree on when a
	 * tick ends: never go back (a monotonic clock must not). */
	static unsigned long long last_ns;
	if (ns < last_ns)
		ns = last_ns;
	last_ns = ns;
	local_irq_restore(flags);
	return ns;
}

long sys_time(long *tloc)
{
	long now = boot_epoch + jiffies / HZ;

	if (tloc && put_user(now, tloc))
		return -EFAULT;
	return now;
}

long sys_gettimeofday(struct timeval *tv, struct timezone *tz)
{
	unsigned long long ns = ktime_get_ns();
	struct timeval k = { boot_epoch + ns / 1000000000ULL,
			     (ns % 1000000000ULL) / 1000 };

	if (tv && copy_to_user(tv, &k, sizeof(k)))
		return -EFAULT;
	if (tz) {
		struct timezone z = { 0, 0 };
		if (copy_to_user(tz, &z, sizeof(z)))
			return -EFAULT;
	}
	return 0;
}

long sys_clock_gettime(int which, struct timespec *tp)
{
	unsigned long long ns = ktime_get_ns();
	struct timespec k;

	if (which == CLOCK_REALTIME)
		ns += (unsigned long long)boot_epoch * 1000000000ULL;
	else if (which != CLOCK_MONOTONIC)
		return -EINVAL;
	k.tv_sec = ns / 1000000000ULL;
	k.tv_nsec = ns % 1000000000ULL;
	return copy_to_user(tp, &k, sizeof(k)) ? -EFAULT : 0;
}

/* The y2038-safe clock_gettime of 32-bit Linux, which glibc tries first. */
long sys_clock_gettime64(int which, struct __kernel_timespec *tp)
{
	unsigned long long ns = ktime_get_ns();
	struct __kernel_timespec k;

	if (which == CLOCK_REALTIME)
		ns += (unsigned long long)boot_epoch * 1000000000ULL;
	else if (which != CLOCK_MONOTONIC && which != CLOCK_MONOTONIC_RAW &&
		 which != CLOCK_BOOTTIME)
		return -EINVAL;
	k.tv_sec = ns / 1000000000ULL;
	k.tv_nsec = ns % 1000000000ULL;
	return copy_to_user(tp, &k, sizeof(k)) ? -EFAULT : 0;
}

long timeout_to_ticks(unsigned long long sec, unsigned long nsec)
{
	const unsigned long ns_per_tick = 1000000000UL / HZ;

	if (!sec && !nsec)
		return 0;
	/* past about 248 days at HZ 100, sec * HZ (and jiffies + ticks) would overflow */
	if (sec >= (unsigned long long)(__LONG_MAX__ / HZ - 2))
		return -1;
	return (long)sec * HZ + (nsec + ns_per_tick - 1) / ns_per_tick + 1;
}

static long do_nanosleep(unsigned long end, unsigned long asked, void *rem,
			 int rem64);

/* A relative sleep of timeout_to_ticks' ticks. "Forever" (a sleep too long to count in
 * ticks) is LONG_MAX / 2 ticks, about 124 days, the most the signed jiffies comparison of
 * do_nanosleep handles with room to spare; the time left it reports is out of that too. */
static long sleep_ticks(long ticks, void *rem, int rem64)
{
	unsigned long asked = ticks < 0 ? __LONG_MAX__ / 2
			      : ticks	? ticks - 1
					: 0;

	return do_nanosleep(jiffies + asked + 1, asked, rem, rem64);
}

/* Sleeps until jiffies reaches end; on a signal, the time left goes to rem and the
 * sleep can be resumed by restart_syscall (Linux's restart_block), so a signal that runs
 * no handler (SIGCHLD, a tracer's stop) does not cut the sleep short. */
static long do_nanosleep(unsigned long end, unsigned long asked, void *rem,
			 int rem64)
{
	unsigned long flags = local_irq_save();

	while ((long)(jiffies - end) < 0 && !signal_pending_current())
		sleep_on_current(end - jiffies);
	local_irq_restore(flags);
	if ((long)(jiffies - end) >= 0)
		return 0;
	if (rem) { /* in the caller's layout: 32-bit time_t, or the _time64 calls' */
		unsigned long left =
			min(end - jiffies, asked); /* not the rounding tick */
		long sec = left / HZ, nsec = (left % HZ) * (1000000000L / HZ);
		struct timespec r = { sec, nsec };
		struct __kernel_timespec r64 = { sec, nsec };
		if (rem64 ? copy_to_user(rem, &r64, sizeof(r64))
			  : copy_to_user(rem, &r, sizeof(r)))
			return -EFAULT;
	}
	current->restart_end = end;
	current->restart_rem = rem;
	current->restart_rem64 = rem64;
	current->restart_asked = asked;
	return -ERESTART_RESTARTBLOCK;
}

long sys_nanosleep(const struct timespec *req, struct timespec *rem)
{
	struct timespec t;

	if (copy_from_user(&t, req, sizeof(t)))
		return -EFAULT;
	if (t.tv_sec < 0 || t.tv_nsec < 0 || t.tv_nsec >= 1000000000L)
		return -EINVAL;
	return sleep_ticks(timeout_to_ticks(t.tv_sec, t.tv_nsec), rem, 0);
}

/* clock_nanosleep(267) and its 64-bit twin (407), which glibc's sleep functions use: a
 * relative sleep, or until an absolute time (TIMER_ABSTIME) of CLOCK_REALTIME or
 * CLOCK_MONOTONIC. */
static long clock_nanosleep_ts(int which, int flags, unsigned long long sec,
			       unsigned long nsec, void *rem, int rem64)
{
	if (which != CLOCK_REALTIME && which != CLOCK_MONOTONIC)
		return -EINVAL;
	if (flags &
	    1) { /* TIMER_ABSTIME: the time left from now, in parts (no overflow) */
		unsigned long long now = ktime_get_ns(),
				   now_sec = now / 1000000000ULL;
		unsigned long now_nsec = now % 1000000000ULL;
		if (which == CLOCK_REALTIME)
			now_sec += boot_epoch;
		if (sec < now_sec || (sec == now_sec && nsec <= now_nsec))
			sec = nsec = 0;
		else if (nsec >= now_nsec)
			sec -= now_sec, nsec -= now_nsec;
		else
			sec -= now_sec + 1, nsec += 1000000000UL - now_nsec;
		rem = NULL; /* an absolute sleep has no time left to report */
	}
	return sleep_ticks(timeout_to_ticks(sec, nsec), rem, rem64);
}

long sys_clock_nanosleep(int which, int flags, const struct timespec *req,
			 struct timespec *rem)
{
	struct timespec t;

	if (copy_from_user(&t, req, sizeof(t)))
		return -EFAULT;
	if (t.tv_sec < 0 || t.tv_nsec < 0 || t.tv_nsec >= 1000000000L)
		return -EINVAL;
	return clock_nanosleep_ts(which, flags, t.tv_sec, t.tv_nsec, rem, 0);
}

long sys_clock_nanosleep_time64(int which, int flags,
				const struct __kernel_timespec *req,
				struct __kernel_timespec *rem)
{
	struct __kernel_timespec t;

	if (copy_from_user(&t, req, sizeof(t)))
		return -EFAULT;
	if (t.tv_sec < 0 || t.tv_nsec < 0 || t.tv_nsec >= 1000000000LL)
		return -EINVAL;
	return clock_nanosleep_ts(which, flags, t.tv_sec, t.tv_nsec, rem, 1);
}

/* restart_syscall(0): the kernel's own way back into an interrupted nanosleep */
long sys_restart_syscall(void)
{
	if (!current->restart_end)
		return -EINTR;
	unsigned long end = current->restart_end;
	current->restart_end = 0;
	return do_nanosleep(end, current->restart_asked, current->restart_rem,
			    current->restart_rem64);
}
