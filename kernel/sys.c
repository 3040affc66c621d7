/* Small process syscalls: ids, process groups and sessions, brk, uname, reboot. */
#include <menuos/fs.h>
#include <menuos/io.h>
#include <menuos/mm.h>
#include <menuos/sched.h>
#include <menuos/syscalls.h>
#include <menuos/uaccess.h>
#include <menuos/version.h>
#include <menuos/interrupt.h>
#include <linux/reboot.h>
#include <linux/resource.h>
#include <linux/sysinfo.h>
#include <linux/utsname.h>

long sys_getpid(void)
{
	return current->pid;
}

long sys_getppid(void)
{
	/* init is its own parent inside MenuOS; to user space, as on Linux, it has none */
	return current->parent && current->parent != current
		       ? current->parent->pid
		       : 0;
}

long sys_getuid(void)
{
	return 0; /* everyone is root in MenuOS */
}

long sys_umask(int mask)
{
	(void)mask;
	return 022;
}

long sys_setpgid(pid_t pid, pid_t pgid)
{
	struct task_struct *t = pid ? find_task_by_pid(pid) : current;

	if (pgid < 0)
		return -EINVAL;
	if (!t || (t != current && t->parent != current))
		return -ESRCH;
	if (t->pid == t->sid)
		return -EPERM; /* a session leader stays in its group */
	t->pgid = pgid ? pgid : t->pid;
	return 0;
}

long sys_getpgid(pid_t pid)
{
	struct task_struct *t = pid ? find_task_by_pid(pid) : current;

	return t ? t->pgid : -ESRCH;
}

long sys_getpgrp(void)
{
	return current->pgid;
}

long sys_setsid(void)
{
	if (current->pgid == current->pid)
		return -EPERM; /* already a group leader */
	current->sid = current->pgid = current->pid;
	current->tty = NULL;
	return current->sid;
}

/* brk(0) reports the break; a failed move leaves it where it was (Linux returns it). */
long sys_brk(unsigned long brk)
{
	struct mm_struct *mm = current->mm;

	if (brk < mm->start_brk ||
	    brk > USER_STACK_TOP - USER_STACK_MAX - PAGE_SIZE)
		return mm->brk;
	unsigned long old_end = ALIGN_UP(mm->brk, PAGE_SIZE),
		      new_end = ALIGN_UP(brk, PAGE_SIZE);
	if (new_end > old_end && map_user_range(mm, old_end, new_end, 1)) {
		unmap_user_range(mm, old_end, new_end);
		return mm->brk;
	}
	if (new_end < old_end)
		unmap_user_range(mm, new_end, old_end);
	mm->brk = brk;
	return brk;
}

long sys_uname(struct new_utsname *name)
{
	struct new_utsname u;

	memset(&u, 0, sizeof(u));
	strlcpy(u.sysname, "MenuOS", sizeof(u.sysname));
	strlcpy(u.nodename, "menuos", sizeof(u.nodename));
	strlcpy(u.release, MENUOS_VERSION, sizeof(u.release));
	strlcpy(u.version, "#1 " __DATE__ " " __TIME__, sizeof(u.version));
	strlcpy(u.machine, "i686", sizeof(u.machine));
	strlcpy(u.domainname, "(none)", sizeof(u.domainname));
	return copy_to_user(name, &u, sizeof(u)) ? -EFAULT : 0;
}

long sys_reboot(int magic1, int magic2, unsigned int cmd, void *arg)
{
	(void)arg;
	if ((unsigned int)magic1 != LINUX_REBOOT_MAGIC1 ||
	    magic2 != LINUX_REBOOT_MAGIC2)
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_POWER_OFF:
	case LINUX_REBOOT_CMD_HALT:
		machine_power_off();
	case LINUX_REBOOT_CMD_RESTART:
		printk("Restarting system.\n");
		outb(0x64,
		     0xFE); /* pulse the CPU reset line through the keyboard controller */
		machine_exit(0);
	}
	return -EINVAL;
}

/* Memory in pages, so a test can see that fork+exit or a socket leaves nothing behind. */
long sys_sysinfo(struct sysinfo *info)
{
	struct sysinfo si;

	memset(&si, 0, sizeof(si));
	si.uptime = jiffies / HZ;
	si.totalram = totalram_pages();
	si.freeram = nr_free_pages();
	si.mem_unit = PAGE_SIZE;
	for (int i = 1; i < NR_TASKS; i++)
		if (task_table[i].state != TASK_UNUSED)
			si.procs++;
	return copy_to_user(info, &si, sizeof(si)) ? -EFAULT : 0;
}

/* glibc's start-up: the address to clear at thread exit (MenuOS has one thread per
 * process, so nothing to clear); returns the thread id, which is the pid. */
long sys_set_tid_address(int *tidptr)
{
	(void)tidptr;
	return current->pid;
}

long sys_gettid(void)
{
	return current->pid;
}

/* MenuOS's limits are fixed: reported as they are, changes refused (-EPERM). */
static void menuos_rlimit(int resource, unsigned long long *cur,
			  unsigned long long *max)
{
	*cur = *max = ~0ULL; /* RLIM_INFINITY */
	if (resource == RLIMIT_STACK)
		*cur = *max = USER_STACK_MAX;
	else if (resource == RLIMIT_NOFILE)
		*cur = *max = NR_OPEN;
	else if (resource == RLIMIT_NPROC)
		*cur = *max = NR_TASKS;
}

long sys_prlimit64(pid_t pid, unsigned int resource,
		   const struct rlimit64 *new_rlim, struct rlimit64 *old_rlim)
{
	struct rlimit64 r;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (pid && pid != current->pid && !find_task_by_pid(pid))
		return -ESRCH;
	if (old_rlim) {
		menuos_rlimit(resource, &r.rlim_cur, &r.rlim_max);
		if (copy_to_user(old_rlim, &r, sizeof(r)))
			return -EFAULT;
	}
	if (new_rlim) {
		unsigned long long cur, max;
		if (copy_from_user(&r, new_rlim, sizeof(r)))
			return -EFAULT;
		menuos_rlimit(resource, &cur, &max);
		if (r.rlim_cur > r.rlim_max)
			return -EINVAL;
		if (r.rlim_max > max)
			return -EPERM;
	}
	return 0;
}

long sys_ugetrlimit(unsigned int resource, struct rlimit *rlim)
{
	unsigned long long cur, max;
	struct rlimit r;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	menuos_rlimit(resource, &cur, &max);
	r.rlim_cur = cur > ~0UL ? ~0UL : cur;
	r.rlim_max = max > ~0UL ? ~0UL : max;
	return copy_to_user(rlim, &r, sizeof(r)) ? -EFAULT : 0;
}

/* getrandom(2): bytes from a xorshift generator stirred with the clock. Good enough for
 * hash seeds and stack protectors in a teaching kernel; not for keys. */
long sys_getrandom(char *buf, size_t count, unsigned int flags)
{
	static unsigned long long state = 0x9E3779B97F4A7C15ULL;
	char chunk[64];
	size_t done = 0;

	(void)flags;
	if (count > 1 << 20)
		count = 1 << 20;
	state ^= ktime_get_ns();
	while (done < count) {
		size_t n = min(count - done, sizeof(chunk));
		for (size_t i = 0; i < n; i++) {
			state ^= state << 13;
			state ^= state >> 7;
			state ^= state << 17;
			chunk[i] = (char)(state >> 24);
		}
		if (copy_to_user(buf + done, chunk, n))
			return done ? (long)done : -EFAULT;
		done += n;
	}
	return done;
}
