/* The two 8259 PICs, remapped to vectors 0x20..0x2f, and the IRQ dispatch. Handlers only
 * talk to their device and wake whoever waits; nothing long runs here. */
#include <menuos/interrupt.h>
#include <menuos/io.h>

#define PIC1	0x20
#define PIC2	0xA0
#define PIC_EOI 0x20

static irq_handler_t irq_handlers[16];
unsigned long irq_count[16];

void init_IRQ(void)
{
	outb(PIC1, 0x11); /* ICW1: init, expect ICW4 */
	outb(PIC2, 0x11);
	outb(PIC1 + 1, FIRST_EXTERNAL_VECTOR);
	outb(PIC2 + 1, FIRST_EXTERNAL_VECTOR + 8);
	outb(PIC1 + 1, 4); /* slave on IRQ2 */
	outb(PIC2 + 1, 2);
	outb(PIC1 + 1, 1); /* 8086 mode */
	outb(PIC2 + 1, 1);
	outb(PIC1 + 1, 0xFB); /* everything masked but the cascade */
	outb(PIC2 + 1, 0xFF);
}

static void unmask_irq(int irq)
{
	uint16_t port = irq < 8 ? PIC1 + 1 : PIC2 + 1;

	outb(port, inb(port) & ~(1 << (irq & 7)));
}

int request_irq(int irq, irq_handler_t handler)
{
	if (irq < 0 || irq >= 16 || irq_handlers[irq])
		return -EBUSY;
	irq_handlers[irq] = handler;
	unmask_irq(irq);
	return 0;
}

/* Nonzero while an interrupt handler runs (the debug build checks lwIP is not entered). */
int hardirq_depth;

int in_interrupt(void)
{
	return hardirq_depth;
}

void do_IRQ(struct pt_regs *regs)
{
	int irq = ~regs->orig_ax;

	hardirq_depth++;
	irq_count[irq]++;
	if (irq_handlers[irq])
		irq_handlers[irq](irq, regs);
	if (irq >= 8)
		outb(PIC2, PIC_EOI);
	outb(PIC1, PIC_EOI);
	hardirq_depth--;
}
