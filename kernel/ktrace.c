/* ktrace: the kernel's call graph for one process (Linux's ftrace function_graph tracer,
 * done the same way). The socket path (the net/ files and lwIP's TCP, UDP, IPv4 and netif
 * code) is compiled with -pg -mfentry -mnop-mcount: every function starts with a 5-byte
 * NOP, and __mcount_loc lists where. While some process is traced, those NOPs are patched
 * into calls to ktrace_fentry (kernel/entry.asm) -> ktrace_enter, which writes the entry
 * line (with the arguments, for the functions in ktrace_formats) and replaces the
 * function's return address with ktrace_return_to_handler, which writes the closing line
 * with the return value and the time and goes back to the real caller, as ftrace's
 * return_to_handler does. When nothing is traced the NOPs are back: no cost at all.
 * Interface (Linux's tracefs files): write a pid to /sys/kernel/tracing/set_ftrace_pid
 * (an empty line stops), read the trace from /sys/kernel/tracing/trace_pipe. */
#include <menuos/fs.h>
#include <menuos/interrupt.h>
#include <menuos/io.h>
#include <menuos/poll.h>
#include <menuos/sched.h>
#include <menuos/uaccess.h>

#define notrace __attribute__((no_instrument_function))

#define TRACE_BUF_SIZE (256 * 1024)

int ktrace_active; /* how many tasks are traced: the hook's fast path */
static char *trace_buf;
static unsigned long trace_head, trace_tail, trace_lost;
static struct wait_queue_head trace_wait;

void ktrace_return_to_handler(void); /* entry.asm */

/* Argument formats of the functions on the socket path (ints and pointers, 4 bytes each,
 * read from the stack: only for functions GCC calls the standard way, which a static
 * function whose address is never taken may not be); ret: print the returned int. */
static const struct {
	const char *name, *args;
	int ret;
} ktrace_formats[] = {
	{ "sys_socketcall", "call=%d, args=%p", 1 },
	{ "__sys_socket", "family=%d, type=%d, protocol=%d", 1 },
	{ "__sys_bind", "fd=%d, umyaddr=%p, addrlen=%d", 1 },
	{ "__sys_listen", "fd=%d, backlog=%d", 1 },
	{ "__sys_accept4",
	  "fd=%d, upeer_sockaddr=%p, upeer_addrlen=%p, flags=%#x", 1 },
	{ "__sys_connect", "fd=%d, uservaddr=%p, addrlen=%d", 1 },
	{ "__sys_sendto", "fd=%d, buff=%p, len=%u, flags=%#x", 1 },
	{ "__sys_recvfrom", "fd=%d, ubuf=%p, size=%u, flags=%#x", 1 },
	{ "__sys_shutdown", "fd=%d, how=%d", 1 },
	{ "sock_create", "family=%d, type=%d, protocol=%d, res=%p", 1 },
	{ "__sock_create", "family=%d, type=%d, protocol=%d, res=%p", 1 },
	{ "sock_alloc", "", 0 },
	{ "inet_create", "sock=%p, protocol=%d", 1 },
	{ "sock_map_fd", "sock=%p, flags=%#x", 1 },
	{ "sock_alloc_file", "sock=%p, flags=%#x", 0 },
	{ "move_addr_to_kernel", "uaddr=%p, ulen=%d, kaddr=%p", 1 },
	{ "inet_bind", "sock=%p, uaddr=%p, addr_len=%d", 1 },
	{ "inet_listen", "sock=%p, backlog=%d", 1 },
	{ "inet_accept", "sock=%p, newsock=%p, flags=%#x", 1 },
	{ "inet_stream_connect", "sock=%p, uaddr=%p, addr_len=%d, flags=%#x",
	  1 },
	{ "inet_sendmsg", "sock=%p, msg=%p, size=%u", 1 },
	{ "inet_recvmsg", "sock=%p, msg=%p, size=%u, flags=%#x", 1 },
	{ "inet_release", "sock=%p", 1 },
	{ "tcp_v4_connect", "sk=%p, addr=%p", 1 },
	{ "tcp_sendmsg", "sk=%p, msg=%p, size=%u", 1 },
	{ "tcp_recvmsg", "sk=%p, msg=%p, len=%u, flags=%#x", 1 },
	{ "tcp_listen_start", "sk=%p, backlog=%d", 1 },
	{ "tcp_connect", "pcb=%p, ipaddr=%p, port=%u, connected=%p", 1 },
	{ "tcp_write", "pcb=%p, arg=%p, len=%u, apiflags=%#x", 1 },
	{ "tcp_output", "pcb=%p", 1 },
	{ "tcp_bind", "pcb=%p, ipaddr=%p, port=%u", 1 },
	{ "tcp_close", "pcb=%p", 1 },
};

static notrace void trace_write(const char *s, size_t len)
{
	unsigned long flags = local_irq_save();

	if (trace_head - trace_tail + len > TRACE_BUF_SIZE) {
		trace_lost++;
	} else {
		for (size_t i = 0; i < len; i++)
			trace_buf[trace_head++ % TRACE_BUF_SIZE] = s[i];
	}
	local_irq_restore(flags);
	wake_up(&trace_wait);
}

static notrace int find_format(const char *name)
{
	for (unsigned i = 0; i < ARRAY_SIZE(ktrace_formats); i++)
		if (!strcmp(ktrace_formats[i].name, name))
			return i;
	return -1;
}

/* "%d"/"%u"/"%#x"/"%p" fields filled from the argument words at fn_args. */
static notrace int format_args(char *out, size_t size, const char *fmt,
			       const unsigned long *args)
{
	size_t n = 0;
	int k = 0;

	for (const char *p = fmt; *p && n + 16 < size; p++) {
		if (*p != '%') {
			out[n++] = *p;
			continue;
		}
		p++;
		if (*p == 'd')
			n += snprintf(out + n, size - n, "%ld",
				      (long)args[k++]);
		else if (*p == 'u')
			n += snprintf(out + n, size - n, "%lu", args[k++]);
		else if (*p == 'p')
			n += snprintf(out + n, size - n, "%p",
				      (void *)args[k++]);
		else if (*p == '#' && p[1] == 'x')
			p++, n +=
			     snprintf(out + n, size - n, "0x%lx", args[k++]);
	}
	out[n] = 0;
	return n;
}

static notrace void trace_line(int depth, const char *fmt, ...)
{
	char line[256];
	int n = snprintf(line, sizeof(line), "%3d) ", current->pid);
	va_list ap;

	for (int i = 0; i < depth && n < 100; i++)
		line[n++] = ' ', line[n++] = ' ';
	va_start(ap, fmt);
	n += vsnprintf(line + n, sizeof(line) - n, fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(line) - 2)
		n = sizeof(line) - 2;
	line[n++] = '\n';
	trace_write(line, n);
}

/* From ktrace_fentry, at the very start of a patched function: sp[0] is the address after
 * its call (the function + 5), sp[1] the function's return address, sp + 2 its arguments. */
notrace void ktrace_enter(unsigned long *sp)
{
	struct task_struct *t = current;

	if (!t->ktrace || t->ktrace_depth >= KTRACE_DEPTH)
		return;
	unsigned long fn = sp[0] - 5, off;
	const char *name = kallsyms_lookup(fn, &off);
	char args[160] = "";
	int f = name ? find_format(name) : -1;

	if (f >= 0)
		format_args(args, sizeof(args), ktrace_formats[f].args, sp + 2);
	trace_line(t->ktrace_depth, "%s(%s) {", name ? name : "?", args);
	struct ktrace_frame *kf = &t->ktrace_stack[t->ktrace_depth++];
	kf->ret = sp[1];
	kf->fn = fn;
	kf->start = ktime_get_ns();
	kf->show_ret = f >= 0 && ktrace_formats[f].ret;
	sp[1] = (unsigned long)ktrace_return_to_handler;
}

/* Turns every traced function's entry NOP into "call ktrace_fentry", or back. The kernel
 * text is writable (the direct map), and only one CPU runs. */
extern const unsigned long __start_mcount_loc[], __stop_mcount_loc[];
void ktrace_fentry(void);

static notrace void ktrace_patch(int on)
{
	static const unsigned char nop5[5] = { 0x0f, 0x1f, 0x44, 0x00, 0x00 };

	/* a count, not two pointers compared: the linker's start and stop symbols */
	size_t n = ((unsigned long)__stop_mcount_loc -
		    (unsigned long)__start_mcount_loc) /
		   sizeof(unsigned long);

	for (size_t i = 0; i < n; i++) {
		unsigned char *ip = (unsigned char *)__start_mcount_loc[i];
		if (on) {
			long rel = (long)ktrace_fentry - (long)(ip + 5);
			ip[0] = 0xe8;
			memcpy(ip + 1, &rel, 4);
		} else {
			memcpy(ip, nop5, 5);
		}
	}
}

static notrace void ktrace_set(struct task_struct *t, int on)
{
	if (t->ktrace == on)
		return;
	t->ktrace = on;
	ktrace_active += on ? 1 : -1;
	if (ktrace_active == (on ? 1 : 0))
		ktrace_patch(on);
}

/* Called by ktrace_return_to_handler with the function's eax; returns where to go. */
notrace unsigned long ktrace_return(unsigned long retval)
{
	struct task_struct *t = current;
	struct ktrace_frame *kf = &t->ktrace_stack[--t->ktrace_depth];
	unsigned long long ns = ktime_get_ns() - kf->start;

	if (kf->show_ret)
		trace_line(t->ktrace_depth, "} = %ld  /* %lu.%03lu us */",
			   (long)retval, (unsigned long)(ns / 1000),
			   (unsigned long)(ns % 1000));
	else
		trace_line(t->ktrace_depth, "}  /* %lu.%03lu us */",
			   (unsigned long)(ns / 1000),
			   (unsigned long)(ns % 1000));
	return kf->ret;
}

/* fork: a traced process's children are traced too (set_ftrace_pid follows forks when
 * function-fork is on, which ktrace asks for). */
notrace void ktrace_fork(struct task_struct *child)
{
	child->ktrace_depth = 0;
	child->ktrace = 0;
	if (current->ktrace)
		ktrace_set(child, 1);
}

notrace void ktrace_exit(struct task_struct *t)
{
	ktrace_set(t, 0);
}

static ssize_t set_ftrace_pid_write(struct file *f, const char *ubuf,
				    size_t count)
{
	char buf[16];
	size_t n = min(count, sizeof(buf) - 1);

	(void)f;
	if (copy_from_user(buf, ubuf, n))
		return -EFAULT;
	buf[n] = 0;
	if (buf[0] < '0' || buf[0] > '9') { /* empty: stop tracing everyone */
		for (int i = 1; i < NR_TASKS; i++)
			ktrace_exit(&task_table[i]);
		return count;
	}
	struct task_struct *t = find_task_by_pid(atoi(buf));
	if (!t)
		return -ESRCH;
	if (!trace_buf && !(trace_buf = kmalloc(TRACE_BUF_SIZE)))
		return -ENOMEM;
	ktrace_set(t, 1);
	return count;
}

static ssize_t set_ftrace_pid_read(struct file *f, char *ubuf, size_t count)
{
	char buf[256];
	int n = 0;

	for (int i = 1; i < NR_TASKS && n < 200; i++)
		if (task_table[i].state != TASK_UNUSED && task_table[i].ktrace)
			n += snprintf(buf + n, sizeof(buf) - n, "%d\n",
				      task_table[i].pid);
	if (!n)
		n = snprintf(buf, sizeof(buf), "no pid\n");
	if (f->f_pos >= n)
		return 0;
	count = min(count, (size_t)(n - f->f_pos));
	if (copy_to_user(ubuf, buf + f->f_pos, count))
		return -EFAULT;
	f->f_pos += count;
	return count;
}

static ssize_t trace_pipe_read(struct file *f, char *ubuf, size_t count)
{
	char chunk[256];
	size_t done = 0;

	if (trace_head == trace_tail) {
		if (f->f_flags & O_NONBLOCK)
			return -EAGAIN;
		int err = wait_event_interruptible(trace_wait,
						   trace_head != trace_tail);
		if (err)
			return err;
	}
	while (done < count && trace_head != trace_tail) {
		size_t n = 0;
		unsigned long flags = local_irq_save();
		while (n < sizeof(chunk) && done + n < count &&
		       trace_head != trace_tail)
			chunk[n++] = trace_buf[trace_tail++ % TRACE_BUF_SIZE];
		local_irq_restore(flags);
		if (copy_to_user(ubuf + done, chunk, n))
			return done ? (ssize_t)done : -EFAULT;
		done += n;
	}
	return done;
}

static unsigned int trace_pipe_poll(struct file *f,
				    struct poll_table_struct *pt)
{
	poll_wait(f, &trace_wait, pt);
	return trace_head != trace_tail ? POLLIN | POLLRDNORM : 0;
}

static const struct file_operations set_ftrace_pid_fops = {
	.read = set_ftrace_pid_read,
	.write = set_ftrace_pid_write,
};

static const struct file_operations trace_pipe_fops = {
	.read = trace_pipe_read,
	.poll = trace_pipe_poll,
};

void ktrace_init(void)
{
	ramfs_mknod("/sys/kernel/tracing/set_ftrace_pid", S_IFREG | 0644,
		    &set_ftrace_pid_fops, NULL);
	ramfs_mknod("/sys/kernel/tracing/trace_pipe", S_IFREG | 0444,
		    &trace_pipe_fops, NULL);
}
