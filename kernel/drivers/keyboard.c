/* PS/2 keyboard (IRQ 1, scancode set 1): turns key presses into characters for the first
 * console, so the QEMU window can be typed into like the serial terminal. */
#include <menuos/console.h>
#include <menuos/interrupt.h>
#include <menuos/io.h>
#include <menuos/tty.h>

static const char keymap[128] = {
	0,   27,  '1',	'2',  '3',  '4', '5', '6',  '7', '8', '9', '0',
	'-', '=', '\b', '\t', 'q',  'w', 'e', 'r',  't', 'y', 'u', 'i',
	'o', 'p', '[',	']',  '\r', 0,	 'a', 's',  'd', 'f', 'g', 'h',
	'j', 'k', 'l',	';',  '\'', '`', 0,   '\\', 'z', 'x', 'c', 'v',
	'b', 'n', 'm',	',',  '.',  '/', 0,   '*',  0,	 ' ',
};
static const char keymap_shift[128] = {
	0,   27,  '!',	'@',  '#',  '$', '%', '^', '&', '*', '(', ')',
	'_', '+', '\b', '\t', 'Q',  'W', 'E', 'R', 'T', 'Y', 'U', 'I',
	'O', 'P', '{',	'}',  '\r', 0,	 'A', 'S', 'D', 'F', 'G', 'H',
	'J', 'K', 'L',	':',  '"',  '~', 0,   '|', 'Z', 'X', 'C', 'V',
	'B', 'N', 'M',	'<',  '>',  '?', 0,   '*', 0,	' ',
};

#define SC_LSHIFT 0x2A
#define SC_RSHIFT 0x36
#define SC_CTRL	  0x1D
#define SC_CAPS	  0x3A

static int shift, ctrl, caps;

static void keyboard_interrupt(int irq, struct pt_regs *regs)
{
	uint8_t sc = inb(0x60);
	int released = sc & 0x80;

	(void)irq, (void)regs;
	sc &= 0x7F;
	if (sc == SC_LSHIFT || sc == SC_RSHIFT) {
		shift = !released;
		return;
	}
	if (sc == SC_CTRL) {
		ctrl = !released;
		return;
	}
	if (released)
		return;
	if (sc == SC_CAPS) {
		caps = !caps;
		return;
	}
	char c = shift ? keymap_shift[sc] : keymap[sc];
	if (caps && c >= 'a' && c <= 'z')
		c -= 32;
	else if (caps && c >= 'A' && c <= 'Z')
		c += 32;
	if (ctrl && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
		c &= 0x1F;
	if (c)
		tty_receive_char(tty_serial(0), c);
}

void keyboard_init(void)
{
	while (inb(0x64) & 1) /* drain what the firmware left */
		inb(0x60);
	request_irq(1, keyboard_interrupt);
}
