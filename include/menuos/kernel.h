/* Things almost every kernel file needs: fixed-size types, printk, panic, small helpers. */
#ifndef _MENUOS_KERNEL_H
#define _MENUOS_KERNEL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <asm/errno.h>

typedef int pid_t;
typedef long ssize_t;
typedef long off_t;

#define ARRAY_SIZE(a)	 (sizeof(a) / sizeof((a)[0]))
#define ALIGN_UP(x, a)	 (((x) + (a)-1) & ~((a)-1))
#define ALIGN_DOWN(x, a) ((x) & ~((a)-1))
#define min(a, b)	 ((a) < (b) ? (a) : (b))
#define max(a, b)	 ((a) > (b) ? (a) : (b))
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr)-offsetof(type, member)))
#define IS_ERR_VALUE(x) ((unsigned long)(x) >= (unsigned long)-MAX_ERRNO)

#define __noreturn __attribute__((noreturn))
/* inlined even at -Og, so the tiny helpers in headers never show in ktrace's call graph */
#define __always_inline inline __attribute__((always_inline))
#define __printf(a, b)	__attribute__((format(printf, a, b)))

/* kernel/printk.c: formatted output to every console (serial and VGA) */
int printk(const char *fmt, ...) __printf(1, 2);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
void console_write(const char *s, size_t len);

/* kernel/panic.c */
void panic(const char *fmt, ...) __printf(1, 2) __noreturn;
void dump_backtrace(unsigned long ebp);
void print_symbol_line(unsigned long addr);
const char *kallsyms_lookup(unsigned long addr, unsigned long *offset);

/* kernel/power.c: end QEMU through isa-debug-exit (status 0 = clean power-off) */
void machine_power_off(void) __noreturn;
void machine_exit(int code) __noreturn;

/* lib/string.c, kernel side */
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strncpy(char *dst, const char *src, size_t n);
size_t strlcpy(char *dst, const char *src, size_t size);
char *strchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
int atoi(const char *s);

#endif
