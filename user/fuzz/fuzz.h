/*
 * What the fuzzer's files share. fuzz.c drives batches of calls in forked
 * children and counts what happened; gen.c makes the values (numbers,
 * lengths, pointers into every kind of memory, socket addresses); build.c
 * the structures behind pointers; pool.c sets up the file descriptors a
 * batch plays with; sockets.c makes the socket calls, calls.c every other
 * syscall number; known_bugs.c steers clear of bugs found and not fixed.
 *
 * Everything a batch does follows from its seed, so "fuzz -s S -b B -v"
 * replays batch B of a run and shows each call.
 */
#ifndef FUZZ_H
#define FUZZ_H

#include <stdint.h>

/* Descriptors a batch must never touch: where -v writes, and where the
 * batch reports each call to the parent. NR_OPEN is 64. */
#define VERBOSE_FD 60
#define REPORT_FD  61

/* One call: the number and six arguments, as int $0x80 takes them. */
struct fuzz_call {
	long nr;
	unsigned long a[6];
	const char *name;
	unsigned long *block; /* socketcall's argument block, if ours, */
	uint32_t block_len; /* and its length (a short one ends a page) */
	int ends_batch; /* execve, exit, sigreturn: nothing comes after it */
};

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define PICK(a)	      ((a)[below(ARRAY_SIZE(a))]) /* a random element */

/* ---- gen.c: randomness and values ---- */
void rnd_seed(uint32_t seed, uint32_t batch);
uint32_t rnd(void);
uint32_t below(uint32_t n); /* 0..n-1 */
int chance(int percent);
uint32_t any_value(void); /* an interesting 32-bit number */
uint32_t any_len(void); /* a length: 0, small, page-sized, huge, negative */
uint32_t small_len(void); /* a length that mostly fits the scratch area */

/* Pointers. in_buf: readable and writable, size bytes of room (or a bad
 * pointer now and then); for_read: the kernel may only read it (read-only
 * text is fine); out: the kernel writes there. */
unsigned long any_ptr(void);
unsigned long in_ptr(uint32_t size);
unsigned long out_ptr(uint32_t size);
unsigned long bad_ptr(void); /* unmapped, kernel, NULL, read-only text */
/* The last n bytes of a mapped page whose next page is unmapped, or 0. */
unsigned long edge_ptr(uint32_t n);

/* The scratch area: structures built for one call live here. */
void *scratch(uint32_t size);
void scratch_reset(void);
int in_scratch(unsigned long p, uint32_t n); /* all of [p, p+n) is there */
void fill_random(void *p, uint32_t n);

/* Socket addresses: a pointer and a length to go with it. Never an IPv4
 * address outside 127/8, 0.0.0.0 and this machine's own. */
void any_sockaddr(unsigned long *ptr, unsigned long *len);
uint32_t allowed_ip(void); /* network byte order */
uint32_t any_port(void); /* host byte order */

/* Paths that are safe to create, remove and truncate (/tmp/fuzz-*), safe to
 * look at (/proc, /dev/null, /bin/true, directories), or bad pointers. */
unsigned long tmp_path(void);
unsigned long look_path(void);
unsigned long exec_path(void);

void gen_init(void); /* once per batch, in the child: memory regions */
extern uint32_t own_ip; /* eth0's address, network order, or 0 */

/* ---- pool.c: the batch's descriptors ---- */
void pool_setup(int batch);
int any_fd(void); /* mostly from the pool; closed, negative, huge too */
int pool_fd(void);
int pool_socket(void);
int self_pid(void);
int partner_pid(void); /* a child of the batch, traced by it, or 0 */
int other_pid(void); /* a pid that is nobody's */
void pool_cleanup_files(void); /* unlink what batches created, in the parent */
extern int pool_sock_port; /* the listener's port */

/* ---- fuzz.c: a signal handler and a restorer that work ---- */
void fuzz_handler(int sig);
void fuzz_restorer(void);

/* ---- build.c: structures for one call, in the scratch area ---- */
unsigned long int_ptr(uint32_t v); /* a pointer to an int holding v */
uint32_t msg_flags(void); /* MSG_*, mostly MSG_DONTWAIT */
unsigned long time_ptr(int may_block); /* a struct timespec or timeval */
unsigned long iov_ptr(uint32_t count, int write);
uint32_t iov_count(void);
unsigned long msghdr_ptr(int send);
unsigned long mmsghdr_ptr(uint32_t vlen, int send);

/* ---- sockets.c: the socket calls ---- */
void gen_socketcall(struct fuzz_call *c);
void socket_args(int call, unsigned long *a); /* SYS_SOCKET .. SENDMMSG */
int direct_to_call(long nr); /* the sub-call of a direct syscall, or 0 */
extern const short direct_socket[];
int direct_socket_count(void);

/* ---- calls.c: which call, and the other syscalls' arguments ---- */
void gen_call(struct fuzz_call *c);
const char *call_name(long nr);

/* ---- known_bugs.c ---- */
int avoid_known_bugs(struct fuzz_call *c); /* 1 if it changed the call */
void print_known_bugs(void);

/* ---- fuzz.c ---- */
void vsay(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
extern int verbose;

#endif
