/* A small /proc: read-only files whose text a show() function writes when the file is
 * opened (a snapshot, as Linux's seq_file gives), registered with proc_create. /proc/tasks
 * and /proc/meminfo live here; the /proc/net files in net/proc_net.c. */
#include <menuos/fs.h>
#include <menuos/net.h>
#include <menuos/proc.h>
#include <menuos/sched.h>
#include <menuos/socket.h>
#include <menuos/uaccess.h>

#define PROC_BUF_SIZE (16 * 1024)

struct proc_snapshot {
	size_t len;
	char text[];
};

static int proc_open(struct inode *inode, struct file *f)
{
	proc_show_t show = (proc_show_t)inode->i_private;
	struct proc_snapshot *s = kmalloc(sizeof(*s) + PROC_BUF_SIZE);

	if (!s)
		return -ENOMEM;
	struct seq_buf sb = { s->text, PROC_BUF_SIZE, 0 };
	show(&sb);
	s->len = min(sb.len, (size_t)PROC_BUF_SIZE);
	f->private_data = s;
	return 0;
}

static ssize_t proc_read(struct file *f, char *ubuf, size_t count)
{
	struct proc_snapshot *s = f->private_data;

	if (f->f_pos >= (off_t)s->len)
		return 0;
	count = min(count, s->len - f->f_pos);
	if (copy_to_user(ubuf, s->text + f->f_pos, count))
		return -EFAULT;
	f->f_pos += count;
	return count;
}

static int proc_release(struct inode *inode, struct file *f)
{
	(void)inode;
	kfree(f->private_data);
	return 0;
}

static const struct file_operations proc_fops = {
	.open = proc_open,
	.read = proc_read,
	.release = proc_release,
};

void proc_create(const char *path, proc_show_t show)
{
	ramfs_mknod(path, S_IFREG | 0444, &proc_fops, (void *)show);
}

void seq_printf(struct seq_buf *sb, const char *fmt, ...)
{
	va_list ap;

	if (sb->len >= sb->size)
		return;
	va_start(ap, fmt);
	sb->len += vsnprintf(sb->buf + sb->len, sb->size - sb->len, fmt, ap);
	va_end(ap);
}

/* /proc/tasks: MenuOS's process table (Linux has a /proc/PID directory per process). */
static void tasks_show(struct seq_buf *sb)
{
	static const char state_char[] = { '?', 'R', 'S', 'Z', 'T' };

	seq_printf(sb, "  PID  PPID  PGID STAT     TIME COMMAND\n");
	for (int i = 1; i < NR_TASKS; i++) {
		struct task_struct *t = &task_table[i];
		if (t->state == TASK_UNUSED)
			continue;
		unsigned long secs = (t->utime + t->stime) / HZ;
		seq_printf(sb, "%5d %5d %5d %c    %2lu:%02lu:%02lu %s\n",
			   t->pid,
			   t->parent && t->parent != t ? t->parent->pid : 0,
			   t->pgid, state_char[t->state], secs / 3600,
			   secs / 60 % 60, secs % 60, t->comm);
	}
}

/* /proc/meminfo: Linux's first lines, then MenuOS's own counters. */
static void meminfo_show(struct seq_buf *sb)
{
	struct net_stats st;

	net_get_stats(&st);
	seq_printf(sb, "MemTotal:       %8lu kB\n", totalram_pages() * 4);
	seq_printf(sb, "MemFree:        %8lu kB\n", nr_free_pages() * 4);
	seq_printf(sb, "KmallocBytes:   %8lu\n", kmalloc_bytes_in_use());
	seq_printf(sb, "Sockets:        %8d\n", sockets_in_use);
	seq_printf(sb, "LwipTcpPcbs:    %8u\n", st.tcp_pcbs + st.tcp_listen);
	seq_printf(sb, "LwipTcpTimeWait:%8u\n", st.tcp_time_wait);
	seq_printf(sb, "LwipUdpPcbs:    %8u\n", st.udp_pcbs);
	seq_printf(sb, "LwipPbufs:      %8u\n", st.pbufs_pool + st.pbufs_ref);
	seq_printf(sb, "LwipMemUsed:    %8u\n", st.mem_used);
	seq_printf(sb, "LwipMemSize:    %8u\n", st.mem_size);
}

void proc_init(void)
{
	proc_create("/proc/tasks", tasks_show);
	proc_create("/proc/meminfo", meminfo_show);
}
