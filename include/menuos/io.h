/* x86 port I/O and interrupt-flag helpers. */
#ifndef _MENUOS_IO_H
#define _MENUOS_IO_H

#include <menuos/kernel.h>

static inline void outb(uint16_t port, uint8_t v)
{
	asm volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}
static inline uint8_t inb(uint16_t port)
{
	uint8_t v;
	asm volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}
static inline void outw(uint16_t port, uint16_t v)
{
	asm volatile("outw %0, %1" : : "a"(v), "Nd"(port));
}
static inline void outl(uint16_t port, uint32_t v)
{
	asm volatile("outl %0, %1" : : "a"(v), "Nd"(port));
}
static inline uint32_t inl(uint16_t port)
{
	uint32_t v;
	asm volatile("inl %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

/* One CPU: "locking" is turning interrupts off; save/restore nests correctly. */
static inline unsigned long local_irq_save(void)
{
	unsigned long flags;
	asm volatile("pushfl; popl %0; cli" : "=r"(flags) : : "memory");
	return flags;
}
static inline void local_irq_restore(unsigned long flags)
{
	asm volatile("pushl %0; popfl" : : "r"(flags) : "memory", "cc");
}
static inline void local_irq_enable(void)
{
	asm volatile("sti" : : : "memory");
}
static inline void local_irq_disable(void)
{
	asm volatile("cli" : : : "memory");
}

#endif
