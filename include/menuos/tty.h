/* Terminals: a line discipline (echo, erase, kill, ^C, ^D, canonical and raw modes) between
 * a driver (serial port, keyboard + VGA) and the processes reading and writing it. */
#ifndef _MENUOS_TTY_H
#define _MENUOS_TTY_H

#include <menuos/kernel.h>
#include <menuos/wait.h>
#include <asm/termbits.h>

#define TTY_BUF_SIZE 1024

struct tty_struct {
	const char *name;
	int index;
	void (*write)(struct tty_struct *tty, const char *buf,
		      size_t len); /* the driver */
	struct termios termios;
	/* input ring: [read_tail, canon_head) is ready for read(); up to read_head is the
	 * line still being edited (canonical mode). Entries >= 0x100 mark end-of-file. */
	unsigned short buf[TTY_BUF_SIZE];
	unsigned int read_tail, canon_head, read_head;
	struct wait_queue_head read_wait;
	pid_t pgrp; /* foreground process group: ^C goes there */
	pid_t session; /* the session whose controlling terminal this is */
};

void tty_init(void);
struct tty_struct *tty_serial(int port);
void tty_receive_char(struct tty_struct *tty,
		      unsigned char c); /* from interrupts */
void tty_disassociate(void); /* a session leader exits */

#endif
