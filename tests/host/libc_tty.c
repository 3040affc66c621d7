/* Host test of libc on a terminal: a pseudo-terminal from the host stands in
 * for MenuOS's console. stdout on a tty is line-buffered, and reading stdin
 * first flushes a prompt that has no newline. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include "check.h"

/* Linux's pty ioctls (asm-generic/ioctls.h); only this test uses them. */
#define TIOCGPTN   0x80045430
#define TIOCSPTLCK 0x40045431

/* open a pty pair; returns the master, *slave gets the other end */
static int open_pty(int *slave)
{
	char name[32];
	int master, num, unlock = 0;

	master = open("/dev/ptmx", O_RDWR | O_NOCTTY);
	if (master < 0)
		return -1;
	if (ioctl(master, TIOCSPTLCK, &unlock) < 0 ||
	    ioctl(master, TIOCGPTN, &num) < 0) {
		close(master);
		return -1;
	}
	snprintf(name, sizeof(name), "/dev/pts/%d", num);
	*slave = open(name, O_RDWR | O_NOCTTY);
	if (*slave < 0) {
		close(master);
		return -1;
	}
	return master;
}

/* what arrives on fd within timeout_ms (stops at the first quiet period) */
static const char *read_for(int fd, int timeout_ms)
{
	static char out[256];
	struct pollfd p = { fd, POLLIN, 0 };
	int len = 0, r;

	while (len < (int)sizeof(out) - 1 && poll(&p, 1, timeout_ms) == 1) {
		r = read(fd, out + len, sizeof(out) - 1 - len);
		if (r <= 0)
			break;
		len += r;
		timeout_ms = 100;
	}
	out[len] = '\0';
	return out;
}

static void test_termios(void)
{
	const char *n = "isatty/tcgetattr/tcsetattr on a pty";
	struct termios t, raw;
	struct winsize ws;
	int master, slave;

	master = open_pty(&slave);
	if (master < 0) {
		printf("%s ok (skipped: no /dev/ptmx on this host)\n", n);
		return;
	}
	EXPECT_INT(n, 1, isatty(slave));
	EXPECT_OK(n, tcgetattr(slave, &t));
	EXPECT_TRUE(n, t.c_lflag & ICANON);
	EXPECT_TRUE(n, t.c_lflag & ECHO);
	raw = t;
	cfmakeraw(&raw);
	EXPECT_OK(n, tcsetattr(slave, TCSANOW, &raw));
	EXPECT_OK(n, tcgetattr(slave, &raw));
	EXPECT_TRUE(n, !(raw.c_lflag & (ICANON | ECHO | ISIG)));
	EXPECT_INT(n, 1, raw.c_cc[VMIN]);
	EXPECT_OK(n, tcsetattr(slave, TCSAFLUSH, &t));
	EXPECT_OK(n, tcgetattr(slave, &raw));
	EXPECT_TRUE(n, raw.c_lflag & ICANON);
	EXPECT_INT(n, -1, tcsetattr(slave, 99, &t));
	EXPECT_INT(n, EINVAL, errno);
	ws.ws_row = 25;
	ws.ws_col = 80;
	EXPECT_OK(n, ioctl(master, TIOCSWINSZ, &ws));
	memset(&ws, 0, sizeof(ws));
	EXPECT_OK(n, ioctl(slave, TIOCGWINSZ, &ws));
	EXPECT_INT(n, 80, ws.ws_col);
	close(slave);
	close(master);
	PASS(n);
}

static void test_prompt(void)
{
	const char *n =
		"stdout on a tty: line-buffered, flushed before reading stdin";
	int master, slave, in[2], status;
	pid_t pid;

	master = open_pty(&slave);
	if (master < 0) {
		printf("%s ok (skipped: no /dev/ptmx on this host)\n", n);
		return;
	}
	if (pipe(in) < 0)
		FAIL(n, "pipe: %s", strerror(errno));
	pid = fork();
	if (pid == 0) {
		int c;

		dup2(slave, 1);
		dup2(in[0], 0);
		close(in[1]);
		close(master);
		/* stdout is untouched so far: libc decides its mode at first use */
		printf("MenuOS>> "); /* no newline: stays in the buffer ... */
		c = getchar(); /* ... until we wait for input */
		printf("got %c\n", c); /* the newline sends it */
		printf("unflushed");
		_exit(0); /* no exit(): only what was flushed arrives */
	}
	close(slave);
	close(in[0]);
	EXPECT_STR(n, "MenuOS>> ", read_for(master, 2000));
	write(in[1], "x\n", 2);
	EXPECT_STR(n, "got x\r\n",
		   read_for(master, 2000)); /* ONLCR: \n -> \r\n */
	close(in[1]);
	waitpid(pid, &status, 0);
	EXPECT_INT(n, 0, status);
	close(master);
	PASS(n);
}

int main(void)
{
	/* first, before anything touches stdout: the child must inherit a
	 * stdout whose buffering mode is still undecided */
	test_prompt();
	CHECK_START();
	test_termios();
	CHECK_END();
}
