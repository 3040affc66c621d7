/* What lwIP needs from the kernel with NO_SYS=1: a millisecond clock for its timers,
 * a critical section for mem/memp (SYS_LIGHTWEIGHT_PROT) and random numbers. */
#include <menuos/interrupt.h>
#include <menuos/io.h>
#include "lwip/sys.h"

/* Milliseconds since boot; lwIP compares them modulo 2^32, so the wrap after 49 days is fine. */
u32_t sys_now(void)
{
	return (u32_t)(ktime_get_ns() / 1000000ULL);
}

/* One CPU: a critical section is interrupts off; saving EFLAGS lets them nest. */
sys_prot_t sys_arch_protect(void)
{
#ifdef CONFIG_DEBUG
	/* the rule of DESIGN.md: lwIP never runs inside an interrupt handler */
	if (in_interrupt())
		panic("lwIP entered from an interrupt handler");
#endif
	return local_irq_save();
}

void sys_arch_unprotect(sys_prot_t flags)
{
	local_irq_restore(flags);
}

/* xorshift32, seeded from the clock on first use: varied local ports, not cryptography. */
uint32_t lwip_port_rand(void)
{
	static uint32_t state;

	if (!state)
		state = (uint32_t)(ktime_get_ns() * 2654435761ULL) | 1;
	state ^= state << 13;
	state ^= state >> 17;
	state ^= state << 5;
	return state;
}
