/* /proc files: a show() function writes the file's text into a seq_buf when it is opened. */
#ifndef _MENUOS_PROC_H
#define _MENUOS_PROC_H

#include <menuos/kernel.h>
#include <menuos/interrupt.h>

struct seq_buf {
	char *buf;
	size_t size, len;
};

typedef void (*proc_show_t)(struct seq_buf *sb);

void proc_create(const char *path, proc_show_t show);
void seq_printf(struct seq_buf *sb, const char *fmt, ...) __printf(2, 3);
void proc_init(void);
void proc_net_init(void);

#endif
