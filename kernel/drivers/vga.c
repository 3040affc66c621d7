/* VGA text mode (80x25 at physical 0xB8000): a mirror of the first console, so the QEMU
 * window shows what the serial port shows. Handles \n, \r, \b, \t and scrolling. */
#include <menuos/console.h>
#include <menuos/io.h>
#include <menuos/mm.h>

#define VGA_COLS 80
#define VGA_ROWS 25
#define VGA_ATTR 0x0700 /* light grey on black */

static uint16_t *vga;
static int row, col;

static void vga_move_cursor(void)
{
	unsigned pos = row * VGA_COLS + col;

	outb(0x3D4, 14);
	outb(0x3D5, pos >> 8);
	outb(0x3D4, 15);
	outb(0x3D5, pos & 0xFF);
}

static void vga_scroll(void)
{
	memmove(vga, vga + VGA_COLS, (VGA_ROWS - 1) * VGA_COLS * 2);
	for (int i = 0; i < VGA_COLS; i++)
		vga[(VGA_ROWS - 1) * VGA_COLS + i] = VGA_ATTR | ' ';
	row = VGA_ROWS - 1;
}

static void vga_putc(char c)
{
	switch (c) {
	case '\n':
		col = 0;
		row++;
		break;
	case '\r':
		col = 0;
		break;
	case '\b':
		if (col > 0)
			col--;
		break;
	case '\t':
		col = (col + 8) & ~7;
		break;
	default:
		if ((unsigned char)c < ' ')
			return; /* other control bytes (escape sequences) are not drawn */
		vga[row * VGA_COLS + col] = VGA_ATTR | (unsigned char)c;
		col++;
	}
	if (col >= VGA_COLS) {
		col = 0;
		row++;
	}
	if (row >= VGA_ROWS)
		vga_scroll();
}

void vga_init(void)
{
	vga = phys_to_virt(0xB8000);
	for (int i = 0; i < VGA_COLS * VGA_ROWS; i++)
		vga[i] = VGA_ATTR | ' ';
	row = col = 0;
	vga_move_cursor();
}

void vga_write(const char *s, size_t len)
{
	if (!vga)
		return;
	for (size_t i = 0; i < len; i++)
		vga_putc(s[i]);
	vga_move_cursor();
}
