/* ioctl() request numbers for terminals and sockets
 * (Linux: include/uapi/asm-generic/ioctls.h, used by x86). */
#ifndef _UAPI_ASM_IOCTLS_H
#define _UAPI_ASM_IOCTLS_H

#define TCGETS	   0x5401 /* read struct termios */
#define TCSETS	   0x5402 /* set struct termios now */
#define TCSETSW	   0x5403 /* ... after output drains */
#define TCSETSF	   0x5404 /* ... after output drains, flushing input */
#define TIOCSCTTY  0x540E /* make this tty the controlling terminal */
#define TIOCGPGRP  0x540F /* foreground process group */
#define TIOCSPGRP  0x5410
#define TIOCGWINSZ 0x5413 /* struct winsize */
#define TIOCSWINSZ 0x5414
#define FIONREAD   0x541B /* bytes ready to read */
#define TIOCNOTTY  0x5422
#define FIONBIO	   0x5421 /* set/clear O_NONBLOCK */
#define FIONCLEX   0x5450 /* clear close-on-exec */
#define FIOCLEX	   0x5451 /* set close-on-exec */

#endif
