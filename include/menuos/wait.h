/* Wait queues: a blocking call sleeps on one until an event (input, a child's exit, data on
 * a socket) wakes it. One CPU, so the check-then-sleep race is closed by turning interrupts
 * off around it; wait_event_interruptible is the shape every blocking path uses. */
#ifndef _MENUOS_WAIT_H
#define _MENUOS_WAIT_H

#include <menuos/kernel.h>

struct task_struct;

struct wait_queue_entry {
	struct task_struct *task;
	struct wait_queue_entry *next;
};

struct wait_queue_head {
	struct wait_queue_entry *first;
};

#define ERESTARTSYS \
	512 /* kernel-internal: restart the syscall if the signal allows */

void add_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *entry);
void remove_wait_queue(struct wait_queue_head *wq,
		       struct wait_queue_entry *entry);
void wake_up(struct wait_queue_head *wq);
int signal_pending_current(void);
void sleep_on_current(long timeout_ticks); /* schedule() as TASK_INTERRUPTIBLE */

/* Sleeps until cond is true: 0, or -ERESTARTSYS when a signal arrives first. */
#define wait_event_interruptible(wq, cond)                          \
	({                                                          \
		int __ret = 0;                                      \
		struct wait_queue_entry __wait = { current, NULL }; \
		unsigned long __flags = local_irq_save();           \
		add_wait_queue(&(wq), &__wait);                     \
		while (!(cond)) {                                   \
			if (signal_pending_current()) {             \
				__ret = -ERESTARTSYS;               \
				break;                              \
			}                                           \
			sleep_on_current(-1);                       \
		}                                                   \
		remove_wait_queue(&(wq), &__wait);                  \
		local_irq_restore(__flags);                         \
		__ret;                                              \
	})

#endif
