/* The tty layer: /dev/ttyS0 (COM1, mirrored on the VGA screen and fed by the PS/2 keyboard
 * too), /dev/ttyS1 (COM2), /dev/tty (the caller's controlling terminal), /dev/console.
 * Input arrives from interrupt handlers through tty_receive_char; the line discipline does
 * what Linux's n_tty does for a student's shell: echo, ^H/DEL erase, ^U kill, ^C sends
 * SIGINT to the foreground process group (^\ SIGQUIT, ^Z SIGTSTP), ^D ends input, CR
 * becomes NL. */
#include <menuos/console.h>
#include <menuos/fs.h>
#include <menuos/io.h>
#include <menuos/poll.h>
#include <menuos/sched.h>
#include <menuos/signal.h>
#include <menuos/tty.h>
#include <menuos/uaccess.h>
#include <asm/ioctls.h>

#define EOF_MARK 0x100
#define NR_TTYS	 2

static struct tty_struct ttys[NR_TTYS];

static void serial0_write(struct tty_struct *tty, const char *buf, size_t len)
{
	(void)tty;
	serial_write(0, buf, len);
	vga_write(buf, len);
}

static void serial1_write(struct tty_struct *tty, const char *buf, size_t len)
{
	(void)tty;
	serial_write(1, buf, len);
}

struct tty_struct *tty_serial(int port)
{
	return &ttys[port];
}

/* Output processing (OPOST/ONLCR): "\n" goes out as "\r\n". */
static void tty_put(struct tty_struct *tty, const char *buf, size_t len)
{
	const struct termios *t = &tty->termios;

	if (!(t->c_oflag & OPOST) || !(t->c_oflag & ONLCR)) {
		tty->write(tty, buf, len);
		return;
	}
	size_t start = 0;
	for (size_t i = 0; i < len; i++) {
		if (buf[i] != '\n')
			continue;
		tty->write(tty, buf + start, i - start);
		tty->write(tty, "\r\n", 2);
		start = i + 1;
	}
	tty->write(tty, buf + start, len - start);
}

static void echo_char(struct tty_struct *tty, unsigned char c)
{
	if (!(tty->termios.c_lflag & ECHO))
		return;
	if (c < ' ' && c != '\n' &&
	    c != '\t') { /* control characters echo as ^X */
		char s[2] = { '^', c + '@' };
		tty_put(tty, s, 2);
	} else {
		tty_put(tty, (char *)&c, 1);
	}
}

static unsigned int used(struct tty_struct *tty)
{
	return tty->read_head - tty->read_tail;
}

static void put_input(struct tty_struct *tty, unsigned short v)
{
	if (used(tty) < TTY_BUF_SIZE - 1)
		tty->buf[tty->read_head++ % TTY_BUF_SIZE] = v;
}

/* Erases the last character of the line being edited; returns 0 if there is none. */
static int erase_one(struct tty_struct *tty)
{
	if (tty->read_head == tty->canon_head)
		return 0;
	tty->read_head--;
	if (tty->termios.c_lflag & ECHO)
		tty_put(tty, "\b \b", 3);
	return 1;
}

/* The signal a key sends to the foreground group with ISIG: ^C, ^\ and ^Z by default. */
static int isig_signal(const struct termios *t, unsigned char c)
{
	if (!(t->c_lflag & ISIG) ||
	    c == 0) /* 0 disables a key (_POSIX_VDISABLE) */
		return 0;
	if (c == t->c_cc[VINTR])
		return SIGINT;
	if (c == t->c_cc[VQUIT])
		return SIGQUIT;
	if (c == t->c_cc[VSUSP])
		return SIGTSTP;
	return 0;
}

void tty_receive_char(struct tty_struct *tty, unsigned char c)
{
	struct termios *t = &tty->termios;

	if (c == '\r' && (t->c_iflag & IGNCR))
		return;
	if (c == '\r' && (t->c_iflag & ICRNL))
		c = '\n';
	else if (c == '\n' && (t->c_iflag & INLCR))
		c = '\r';

	if ((t->c_lflag & ISIG) &&
	    c == 0x14) { /* Ctrl-T: the kernel's task list */
		show_state();
		return;
	}
	int sig = isig_signal(t, c);
	if (sig) {
		/* discard the typed line, tell the user, signal the foreground group */
		tty->read_head = tty->canon_head;
		echo_char(tty, c);
		if (t->c_lflag & ECHO)
			tty_put(tty, "\n", 1);
		if (tty->pgrp > 0)
			kill_pgrp(tty->pgrp, sig);
		return;
	}
	if (!(t->c_lflag & ICANON)) {
		put_input(tty, c);
		tty->canon_head = tty->read_head;
		echo_char(tty, c);
		wake_up(&tty->read_wait);
		return;
	}
	if (c == t->c_cc[VERASE] || c == '\b' || c == 0x7f) {
		erase_one(tty);
		return;
	}
	if (c == t->c_cc[VKILL]) {
		while (erase_one(tty))
			;
		return;
	}
	if (c == t->c_cc[VEOF]) {
		put_input(tty, EOF_MARK);
		tty->canon_head = tty->read_head;
		wake_up(&tty->read_wait);
		return;
	}
	/* keep room for the newline that ends the line */
	if (c != '\n' && used(tty) >= TTY_BUF_SIZE - 2)
		return;
	put_input(tty, c);
	echo_char(tty, c);
	if (c == '\n') {
		tty->canon_head = tty->read_head;
		wake_up(&tty->read_wait);
	}
}

static int input_available(struct tty_struct *tty)
{
	return tty->canon_head != tty->read_tail;
}

/* A read from a background process group of the terminal's own session (Linux's
 * __tty_check_change): SIGTTIN stops the whole group until `fg` continues it, and the read
 * then starts again. Where nobody could continue it (SIGTTIN ignored or blocked, or the
 * group orphaned) the read fails with -EIO instead. */
static int tty_check_change(struct tty_struct *tty, int sig)
{
	if (current->tty != tty || tty->pgrp <= 0 || current->pgid == tty->pgrp)
		return 0;
	if ((current->blocked & sigmask(sig)) ||
	    current->sighand[sig - 1].sa_handler == SIG_IGN ||
	    will_become_orphaned_pgrp(current->pgid, NULL))
		return -EIO;
	kill_pgrp(current->pgid, sig);
	return -ERESTARTSYS;
}

static ssize_t tty_read(struct file *f, char *ubuf, size_t count)
{
	struct tty_struct *tty = f->private_data;
	char kbuf[128];
	size_t n = 0;
	int canon = tty->termios.c_lflag & ICANON;
	int err = tty_check_change(tty, SIGTTIN);

	if (err)
		return err;

	if (!input_available(tty)) {
		if (f->f_flags & O_NONBLOCK)
			return -EAGAIN;
		if (!canon && tty->termios.c_cc[VMIN] == 0)
			return 0;
		err = wait_event_interruptible(tty->read_wait,
					       input_available(tty));
		if (err)
			return err;
	}
	unsigned long flags = local_irq_save();
	while (n < count && n < sizeof(kbuf) && input_available(tty)) {
		unsigned short v = tty->buf[tty->read_tail % TTY_BUF_SIZE];
		if (v & EOF_MARK) {
			if (n ==
			    0) /* ^D on an empty line: end of file, consumed */
				tty->read_tail++;
			break;
		}
		tty->read_tail++;
		kbuf[n++] = v;
		if (canon && v == '\n')
			break;
	}
	local_irq_restore(flags);
	if (copy_to_user(ubuf, kbuf, n))
		return -EFAULT;
	return n;
}

static ssize_t tty_write(struct file *f, const char *ubuf, size_t count)
{
	struct tty_struct *tty = f->private_data;
	char kbuf[256];
	size_t done = 0;

	while (done < count) {
		size_t n = min(count - done, sizeof(kbuf));
		if (copy_from_user(kbuf, ubuf + done, n))
			return done ? (ssize_t)done : -EFAULT;
		tty_put(tty, kbuf, n);
		done += n;
	}
	return done;
}

static unsigned int tty_poll(struct file *f, struct poll_table_struct *pt)
{
	struct tty_struct *tty = f->private_data;

	poll_wait(f, &tty->read_wait, pt);
	return POLLOUT | POLLWRNORM |
	       (input_available(tty) ? POLLIN | POLLRDNORM : 0);
}

static long tty_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct tty_struct *tty = f->private_data;

	switch (cmd) {
	case TCGETS:
		return copy_to_user((void *)arg, &tty->termios,
				    sizeof(tty->termios))
			       ? -EFAULT
			       : 0;
	case TCSETSF:
		tty->read_tail = tty->canon_head = tty->read_head;
		/* fall through */
	case TCSETS:
	case TCSETSW: {
		struct termios t;
		if (copy_from_user(&t, (void *)arg, sizeof(t)))
			return -EFAULT;
		unsigned long flags = local_irq_save();
		tty->termios = t;
		if (!(t.c_lflag &
		      ICANON)) /* a half-typed line becomes readable */
			tty->canon_head = tty->read_head;
		local_irq_restore(flags);
		return 0;
	}
	case TIOCGPGRP:
		return put_user(tty->pgrp, (int *)arg) ? -EFAULT : 0;
	case TIOCSPGRP: {
		pid_t pgrp;
		if (current->tty != tty)
			return -ENOTTY;
		if (get_user(pgrp, (int *)arg))
			return -EFAULT;
		if (pgrp <= 0)
			return -EINVAL;
		tty->pgrp = pgrp;
		return 0;
	}
	case TIOCSCTTY:
		if (current->sid != current->pid)
			return -EPERM;
		current->tty = tty;
		tty->session = current->sid;
		tty->pgrp = current->pgid;
		return 0;
	case TIOCNOTTY:
		if (current->tty != tty)
			return -ENOTTY;
		current->tty = NULL;
		return 0;
	case TIOCGWINSZ: {
		struct winsize ws = { 25, 80, 0, 0 };
		return copy_to_user((void *)arg, &ws, sizeof(ws)) ? -EFAULT : 0;
	}
	case FIONREAD: {
		int n = tty->canon_head - tty->read_tail;
		return put_user(n, (int *)arg) ? -EFAULT : 0;
	}
	}
	return -ENOTTY;
}

/* Opening a tty: a session leader without a terminal gets this one (as Linux does). */
static int tty_open(struct inode *inode, struct file *f)
{
	struct tty_struct *tty = inode->i_private;

	if (!tty) { /* /dev/tty: the caller's controlling terminal */
		if (!current->tty)
			return -ENXIO;
		tty = current->tty;
	}
	f->private_data = tty;
	if (!(f->f_flags & O_NOCTTY) && current->sid == current->pid &&
	    !current->tty && tty->session == 0) {
		current->tty = tty;
		tty->session = current->sid;
		tty->pgrp = current->pgid;
	}
	return 0;
}

static const struct file_operations tty_fops = {
	.open = tty_open,
	.read = tty_read,
	.write = tty_write,
	.poll = tty_poll,
	.ioctl = tty_ioctl,
};

/* The session leader is gone: its terminal is free for the next session. */
void tty_disassociate(void)
{
	struct tty_struct *tty = current->tty;

	if (tty && tty->session == current->pid) {
		tty->session = 0;
		tty->pgrp = 0;
	}
	current->tty = NULL;
}

static void tty_struct_init(struct tty_struct *tty, int index, const char *name,
			    void (*write)(struct tty_struct *, const char *,
					  size_t))
{
	static const unsigned char cc[NCCS] = {
		[VINTR] = 3, [VQUIT] = 28, [VERASE] = 127, [VKILL] = 21,
		[VEOF] = 4,  [VMIN] = 1,   [VSUSP] = 26,
	};

	tty->index = index;
	tty->name = name;
	tty->write = write;
	tty->termios.c_iflag = ICRNL;
	tty->termios.c_oflag = OPOST | ONLCR;
	tty->termios.c_cflag = CS8 | CREAD | B115200;
	tty->termios.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK;
	memcpy(tty->termios.c_cc, cc, NCCS);
}

void tty_init(void)
{
	tty_struct_init(&ttys[0], 0, "ttyS0", serial0_write);
	tty_struct_init(&ttys[1], 1, "ttyS1", serial1_write);
	struct inode *i;
	i = ramfs_mknod("/dev/ttyS0", S_IFCHR | 0620, &tty_fops, &ttys[0]);
	i->i_rdev = (4 << 8) | 64;
	i = ramfs_mknod("/dev/ttyS1", S_IFCHR | 0620, &tty_fops, &ttys[1]);
	i->i_rdev = (4 << 8) | 65;
	i = ramfs_mknod("/dev/console", S_IFCHR | 0600, &tty_fops, &ttys[0]);
	i->i_rdev = (5 << 8) | 1;
	i = ramfs_mknod("/dev/tty", S_IFCHR | 0666, &tty_fops, NULL);
	i->i_rdev = (5 << 8) | 0;
}
