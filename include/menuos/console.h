/* The device drivers behind the consoles: 16550 serial ports, the VGA text screen and the
 * PS/2 keyboard. The tty layer (kernel/tty.c) sits on top of them. */
#ifndef _MENUOS_CONSOLE_H
#define _MENUOS_CONSOLE_H

#include <menuos/kernel.h>

/* kernel/drivers/serial.c: COM1 (index 0) carries the boot log and the first console,
 * COM2 (index 1) the second one. */
void serial_init(void);
void serial_putc(int port, char c);
void serial_write(int port, const char *s, size_t len); /* raw bytes */
void serial_enable_input(void);

/* kernel/drivers/vga.c */
void vga_init(void);
void vga_write(const char *s, size_t len);

/* kernel/drivers/keyboard.c */
void keyboard_init(void);

#endif
