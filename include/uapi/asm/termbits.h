/* struct termios as TCGETS/TCSETS copy it, its flag bits and c_cc indices
 * (Linux: include/uapi/asm-generic/termbits.h and termbits-common.h;
 * struct winsize from asm-generic/termios.h). */
#ifndef _UAPI_ASM_TERMBITS_H
#define _UAPI_ASM_TERMBITS_H

#define NCCS 19
struct termios {
	unsigned int c_iflag; /* input modes */
	unsigned int c_oflag; /* output modes */
	unsigned int c_cflag; /* control modes */
	unsigned int c_lflag; /* local modes */
	unsigned char c_line; /* line discipline */
	unsigned char c_cc[NCCS]; /* control characters */
};

struct winsize {
	unsigned short ws_row;
	unsigned short ws_col;
	unsigned short ws_xpixel;
	unsigned short ws_ypixel;
};

/* c_cc indices */
#define VINTR	 0
#define VQUIT	 1
#define VERASE	 2
#define VKILL	 3
#define VEOF	 4
#define VTIME	 5
#define VMIN	 6
#define VSWTC	 7
#define VSTART	 8
#define VSTOP	 9
#define VSUSP	 10
#define VEOL	 11
#define VREPRINT 12
#define VDISCARD 13
#define VWERASE	 14
#define VLNEXT	 15
#define VEOL2	 16

/* c_iflag */
#define IGNBRK 0x001
#define BRKINT 0x002
#define IGNPAR 0x004
#define PARMRK 0x008
#define INPCK  0x010
#define ISTRIP 0x020
#define INLCR  0x040 /* map NL to CR */
#define IGNCR  0x080 /* ignore CR */
#define ICRNL  0x100 /* map CR to NL */
#define IXON   0x400
#define IXANY  0x800
#define IXOFF  0x1000

/* c_oflag */
#define OPOST 0x01 /* post-process output */
#define ONLCR 0x04 /* map NL to CR NL */
#define OCRNL 0x08

/* c_cflag */
#define CSIZE	0x00000030
#define CS8	0x00000030
#define CSTOPB	0x00000040
#define CREAD	0x00000080
#define PARENB	0x00000100
#define CLOCAL	0x00000800
#define B9600	0x0000000d
#define B38400	0x0000000f
#define B115200 0x00001002

/* c_lflag */
#define ISIG	0x00001 /* INTR, QUIT, SUSP send signals */
#define ICANON	0x00002 /* line editing, read returns whole lines */
#define ECHO	0x00008
#define ECHOE	0x00010 /* ERASE erases the character on screen */
#define ECHOK	0x00020
#define ECHONL	0x00040
#define NOFLSH	0x00080
#define TOSTOP	0x00100
#define ECHOCTL 0x00200 /* echo control characters as ^X */
#define ECHOKE	0x00800
#define IEXTEN	0x08000

/* tcsetattr() actions */
#define TCSANOW	  0
#define TCSADRAIN 1
#define TCSAFLUSH 2

/* tcflush() queues */
#define TCIFLUSH  0
#define TCOFLUSH  1
#define TCIOFLUSH 2

#endif
