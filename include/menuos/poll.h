/* poll/select support: a file's poll method reports what is ready now and, through
 * poll_wait, puts the polling task on the wait queues that will announce a change. */
#ifndef _MENUOS_POLL_H
#define _MENUOS_POLL_H

#include <menuos/fs.h>
#include <menuos/wait.h>
#include <linux/poll.h>

#define POLL_MAX_WAITS 128

struct poll_table_entry {
	struct wait_queue_entry wait;
	struct wait_queue_head *wq;
};

struct poll_table_struct {
	int n;
	struct poll_table_entry entries[POLL_MAX_WAITS];
};

/* pt is NULL when the caller only wants the current state */
void poll_wait(struct file *f, struct wait_queue_head *wq,
	       struct poll_table_struct *pt);

#endif
