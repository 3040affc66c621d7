/* 16550 UART driver: polled output, interrupt-driven input handed to the tty layer.
 * COM1 is the kernel console and /dev/ttyS0; COM2 is /dev/ttyS1. */
#include <menuos/console.h>
#include <menuos/interrupt.h>
#include <menuos/io.h>
#include <menuos/tty.h>

static const uint16_t serial_base[2] = { 0x3F8, 0x2F8 };
static const int serial_irq[2] = { 4, 3 };

enum {
	UART_DATA = 0, /* RBR/THR; divisor low with DLAB */
	UART_IER = 1, /* interrupt enable; divisor high with DLAB */
	UART_FCR = 2, /* FIFO control */
	UART_LCR = 3, /* line control */
	UART_MCR = 4, /* modem control: OUT2 gates the IRQ line on PCs */
	UART_LSR = 5, /* line status */
};
#define LSR_DATA_READY 0x01
#define LSR_THR_EMPTY  0x20

static void serial_interrupt(int irq, struct pt_regs *regs)
{
	int port = irq == serial_irq[0] ? 0 : 1;
	uint16_t base = serial_base[port];

	(void)regs;
	while (inb(base + UART_LSR) & LSR_DATA_READY)
		tty_receive_char(tty_serial(port), inb(base + UART_DATA));
}

void serial_init(void)
{
	for (int i = 0; i < 2; i++) {
		uint16_t base = serial_base[i];
		outb(base + UART_IER, 0);
		outb(base + UART_LCR, 0x80); /* DLAB: set the divisor */
		outb(base + UART_DATA, 1); /* 115200 baud */
		outb(base + UART_IER, 0);
		outb(base + UART_LCR, 0x03); /* 8N1 */
		outb(base + UART_FCR,
		     0xC7); /* FIFOs on, cleared, 14-byte trigger */
		outb(base + UART_MCR, 0x0B); /* DTR, RTS, OUT2 */
	}
}

/* Called once interrupts are set up: from then on input arrives by IRQ. */
void serial_enable_input(void)
{
	for (int i = 0; i < 2; i++) {
		request_irq(serial_irq[i], serial_interrupt);
		outb(serial_base[i] + UART_IER,
		     0x01); /* data-ready interrupt */
	}
}

void serial_putc(int port, char c)
{
	uint16_t base = serial_base[port];

	while (!(inb(base + UART_LSR) & LSR_THR_EMPTY))
		;
	outb(base + UART_DATA, c);
}

void serial_write(int port, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		serial_putc(port, s[i]);
}
