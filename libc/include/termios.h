/* Terminal settings (struct termios and its bits from <asm/termbits.h>). */
#ifndef _TERMIOS_H
#define _TERMIOS_H

#include <sys/types.h>
#include <asm/termbits.h>

typedef unsigned int tcflag_t;
typedef unsigned char cc_t;
typedef unsigned int speed_t;

int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int action, const struct termios *t);
void cfmakeraw(struct termios *t);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);

#endif
