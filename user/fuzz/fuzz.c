/*
 * fuzz [-n N] [-s seed] [-c per-batch] [-b batch] [-v]: random system calls
 * through int $0x80, to show that nothing a program asks can take the
 * kernel down. About half are socket calls (socketcall's sub-calls 0..21
 * with argument blocks built, broken or missing, and the direct socket
 * syscalls); the others are every syscall MenuOS has and random numbers,
 * with pointers into unmapped, kernel and read-only memory, huge and
 * negative lengths, closed and non-socket descriptors.
 *
 * Calls run in batches, each in a forked child (its own process group),
 * so a call that kills the caller ends only its batch; a batch still
 * running after 2 s (a call blocked for good) is killed with SIGKILL.
 * Batch B of seed S always makes the same calls: "fuzz -s S -b B -v"
 * replays it and prints each call and its result.
 *
 * Calls that would hit a kernel bug found before and not fixed yet are
 * changed (the list is in calls.c, each printed at the start); -K makes
 * them as they are. -l checks after each batch that its sockets are gone.
 *
 * The last line: "fuzz: N calls, F faults survived, seed S", where a fault
 * survived is a call the kernel refused with EFAULT or a batch killed by a
 * fault signal (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGSYS) for what
 * it did.
 */
#include "fuzz.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <asm/unistd.h>
#include <linux/if.h>
#include <linux/sockios.h>

#define WATCHDOG_MS  2000
#define SEGMENT_LOAD (-1L) /* pseudo-calls: mov to a segment register, */
#define FORGED_FRAME (-2L) /* sigreturn over a frame of junk */

int verbose;
static int with_known_bugs; /* -K: make the calls of known kernel bugs too */
static int leak_check; /* -l: sockets back to where they were after each batch? */
static uint32_t seed;

/* ---- output ---- */

/* printf to the console from the batch (fd VERBOSE_FD) or the parent. */
void vsay(const char *fmt, ...)
{
	char line[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(line) - 1)
		n = sizeof(line) - 1;
	if (n > 0 && write(VERBOSE_FD, line, n) < 0)
		return;
}

/* ---- making one call ---- */

static long sys6(long nr, const unsigned long *a)
{
	long nr_and_bp[2] = { nr, (long)a[5] };
	long ret;

	__asm__ volatile("push %%ebp\n\t"
			 "mov 4(%%eax), %%ebp\n\t"
			 "mov 0(%%eax), %%eax\n\t"
			 "int $0x80\n\t"
			 "pop %%ebp"
			 : "=a"(ret)
			 : "a"(nr_and_bp), "b"(a[0]), "c"(a[1]), "d"(a[2]),
			   "S"(a[3]), "D"(a[4])
			 : "memory");
	return ret;
}

/* fork, vfork, clone: the new process may have a stack of junk (clone's
 * newsp), so it leaves at once without touching memory. */
static long fork_like(long nr, const unsigned long *a)
{
	long ret;

	__asm__ volatile("int $0x80\n\t"
			 "test %%eax, %%eax\n\t"
			 "jnz 1f\n\t"
			 "mov $1, %%eax\n\t"
			 "xor %%ebx, %%ebx\n\t"
			 "int $0x80\n"
			 "1:"
			 : "=a"(ret)
			 : "a"(nr), "b"(a[0]), "c"(a[1]), "d"(a[2]), "S"(a[3]),
			   "D"(a[4])
			 : "memory");
	return ret;
}

/* Load a selector into a segment register and put the old one back; a
 * bad one is a fault (SIGSEGV) that ends the batch. */
static long segment_load(const unsigned long *a)
{
	unsigned long sel = a[1];

	switch (a[0]) {
	case 0:
		__asm__ volatile("mov %%fs, %%edx\n\t"
				 "mov %%eax, %%fs\n\t"
				 "mov %%edx, %%fs" ::"a"(sel)
				 : "edx");
		break;
	case 1:
		__asm__ volatile("mov %%gs, %%edx\n\t"
				 "mov %%eax, %%gs\n\t"
				 "mov %%edx, %%gs" ::"a"(sel)
				 : "edx");
		break;
	case 2:
		__asm__ volatile("mov %%ds, %%edx\n\t"
				 "mov %%eax, %%ds\n\t"
				 "mov %%edx, %%ds" ::"a"(sel)
				 : "edx");
		break;
	default:
		__asm__ volatile("mov %%es, %%edx\n\t"
				 "mov %%eax, %%es\n\t"
				 "mov %%edx, %%es" ::"a"(sel)
				 : "edx");
	}
	return 0;
}

static const uint32_t selectors[] = {
	0,    3,    0x08, 0x0b,	  0x10,	  0x13, 0x18, 0x1b, 0x20,
	0x23, 0x28, 0x2b, 0x30,	  0x33,	  0x38, 0x3b, 0x40, 0x43,
	0x48, 0x4b, 0x4f, 0xfffb, 0xffff, 0x7,	0x1f, 0x2f,
};

static uint32_t any_selector(void)
{
	return chance(85) ? selectors[below(sizeof(selectors) / 4)] : rnd();
}

/* sigreturn or rt_sigreturn with the stack pointer on a frame of junk:
 * selectors, flags (IOPL, VM86, NT, TF), addresses. The kernel must take
 * only what a user may have; what comes back runs wherever the junk says,
 * so this ends the batch. */
static void forged_frame(const unsigned long *a)
{
	static uint32_t frame[256] __attribute__((aligned(16)));
	static const uint32_t flags[] = { 0x202,  0x3202, 0x20202, 0x4202,
					  0x302,  0x200,  0x40202, 0x80202,
					  0x1202, 0x2202 };
	uint32_t *sp;

	for (int i = 0; i < 256; i++) {
		switch (below(4)) {
		case 0:
			frame[i] = any_selector();
			break;
		case 1:
			frame[i] = flags[below(sizeof(flags) / 4)];
			break;
		case 2:
			frame[i] = (uint32_t)bad_ptr();
			break;
		default:
			frame[i] = any_value();
		}
	}
	sp = frame + 8 + below(64);
	__asm__ volatile("mov %%ecx, %%esp\n\t"
			 "int $0x80\n\t"
			 "mov $1, %%eax\n\t" /* if it came back here at all */
			 "mov $77, %%ebx\n\t"
			 "int $0x80" ::"a"(a[0]),
			 "c"(sp)
			 : "memory");
	__builtin_unreachable();
}

static long do_call(const struct fuzz_call *c)
{
	switch (c->nr) {
	case __NR_fork:
	case __NR_vfork:
	case __NR_clone:
	case 435: /* clone3 */
		return fork_like(c->nr, c->a);
	case SEGMENT_LOAD:
		return segment_load(c->a);
	case FORGED_FRAME:
		forged_frame(c->a);
		return 0;
	}
	return sys6(c->nr, c->a);
}

/* Now and then a pseudo-call instead of a syscall. */
static void gen_any(struct fuzz_call *c)
{
	uint32_t r = below(1000);

	if (r < 8) {
		memset(c, 0, sizeof(*c));
		c->nr = SEGMENT_LOAD;
		c->name = "mov-to-segment";
		c->a[0] = below(4) < 2 ? below(2) : 2 + below(2);
		c->a[1] = any_selector();
		return;
	}
	if (r < 11) {
		memset(c, 0, sizeof(*c));
		c->nr = FORGED_FRAME;
		c->name = "forged-sigreturn";
		c->a[0] = chance(50) ? __NR_sigreturn : __NR_rt_sigreturn;
		c->ends_batch = 1;
		return;
	}
	gen_call(c);
}

/* A handler that returns (through the kernel's sigreturn), and a restorer
 * (SA_RESTORER) that calls rt_sigreturn as glibc's does. */
void fuzz_handler(int sig)
{
	(void)sig;
}

__asm__(".globl fuzz_restorer\n"
	"fuzz_restorer:\n\t"
	"mov $173, %eax\n\t"
	"int $0x80\n\t"
	"hlt\n");

/* ---- one batch, in the child ---- */

static void report(char what)
{
	long ret;

	__asm__ volatile("int $0x80"
			 : "=a"(ret)
			 : "a"(__NR_write), "b"(REPORT_FD), "c"(&what), "d"(1)
			 : "memory");
}

static void print_call(int batch, int i, const struct fuzz_call *c)
{
	const unsigned long *a = c->a;

	vsay("[%d.%d] %s#%ld(%#lx, %#lx, %#lx, %#lx, %#lx, %#lx)", batch, i,
	     c->name, c->nr, a[0], a[1], a[2], a[3], a[4], a[5]);
	if (c->block && c->block_len == 24) {
		const unsigned long *b = c->block;
		vsay(" {%#lx, %#lx, %#lx, %#lx, %#lx, %#lx}", b[0], b[1], b[2],
		     b[3], b[4], b[5]);
	}
}

static void batch_fds(int report_fd)
{
	int null;

	/* the parent's write end at REPORT_FD, the console at VERBOSE_FD */
	dup2(report_fd, REPORT_FD);
	if (verbose)
		dup2(1, VERBOSE_FD);
	for (int fd = 0; fd < VERBOSE_FD; fd++)
		close(fd);
	null = open("/dev/null", O_RDWR);
	dup2(null, 1);
	dup2(null, 2);
}

static void run_batch(int batch, int calls, int report_fd)
{
	struct fuzz_call c;

	setpgid(0, 0);
	batch_fds(report_fd);
	signal(SIGPIPE, SIG_IGN);
	rnd_seed(seed, batch);
	gen_init();
	pool_setup(batch);
	for (int i = 0; i < calls; i++) {
		long ret;

		gen_any(&c);
		if (!with_known_bugs && avoid_known_bugs(&c))
			report('k');
		if (verbose)
			print_call(batch, i, &c);
		report('.');
		ret = do_call(&c);
		if (verbose)
			vsay(" = %ld\n", ret);
		if (ret == -EFAULT)
			report('f');
	}
	_exit(0);
}

/* ---- the parent ---- */

static long calls_done, efaults, batches, killed, faulted, watchdog, stopped,
	avoided, unkillable;
static long by_signal[65];
static int first_deaths[8], ndeaths;

static long now_ms(void)
{
	struct timeval tv;

	gettimeofday(&tv, NULL);
	return (long)(tv.tv_sec % 1000000) * 1000 + tv.tv_usec / 1000;
}

/* Counts what the batch reported: '.' as it starts a call, 'f' when a call
 * came back with EFAULT. */
static void drain(int fd)
{
	char buf[256];
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		for (ssize_t i = 0; i < n; i++) {
			calls_done += buf[i] == '.';
			efaults += buf[i] == 'f';
			avoided += buf[i] == 'k';
		}
	}
}

/* Signals for what the program did (a fault), not signals it sent. */
static int fault_signal(int sig)
{
	return sig == SIGSEGV || sig == SIGBUS || sig == SIGILL ||
	       sig == SIGFPE || sig == SIGTRAP || sig == SIGSYS;
}

static void note_death(int batch, int sig)
{
	killed++;
	faulted += fault_signal(sig);
	if (sig > 0 && sig < 65)
		by_signal[sig]++;
	if (ndeaths < 8)
		first_deaths[ndeaths++] = batch;
	if (verbose)
		vsay("fuzz: batch %d killed by signal %d\n", batch, sig);
}

/* SIGKILL for a batch the watchdog ends; 0 if it is still there 2 s
 * later (a kernel bug: it is reported, and left). */
static int end_for_good(pid_t pid, int batch)
{
	int status;

	kill(-pid, SIGKILL);
	kill(pid, SIGKILL);
	for (int i = 0; i < 200; i++) {
		pid_t got = waitpid(pid, &status, WNOHANG);
		if (got == pid && !WIFSTOPPED(status))
			return 1;
		if (got == pid)
			kill(pid, SIGKILL);
		struct timespec ts = { 0, 10 * 1000000 };
		nanosleep(&ts, NULL);
	}
	printf("fuzz: batch %d does not die of SIGKILL: a kernel bug (replay: "
	       "fuzz -s %u -b %d -v)\n",
	       batch, seed, batch);
	return 0;
}

/* Runs one batch and waits for it, at most WATCHDOG_MS. */
static void supervise(int batch, int calls)
{
	int fds[2], status;
	long deadline;
	pid_t pid, got;

	if (pipe(fds) < 0) {
		perror("fuzz: pipe");
		exit(1);
	}
	fcntl(fds[0], F_SETFL, O_NONBLOCK);
	pid = fork();
	if (pid < 0) {
		perror("fuzz: fork");
		exit(1);
	}
	if (pid == 0) {
		close(fds[0]);
		run_batch(batch, calls, fds[1]);
	}
	close(fds[1]);
	batches++;
	deadline = now_ms() + WATCHDOG_MS;
	for (;;) {
		struct pollfd p = { fds[0], POLLIN, 0 };
		long left = deadline - now_ms();

		poll(&p, 1, left < 20 ? (left > 0 ? left : 0) : 20);
		drain(fds[0]);
		got = waitpid(pid, &status, WNOHANG);
		if (got == pid && WIFSTOPPED(status)) {
			/* it made us its tracer (PTRACE_TRACEME) and stopped */
			stopped++;
			kill(pid, SIGKILL);
			continue;
		}
		if (got == pid)
			break;
		if (now_ms() > deadline) {
			watchdog++;
			if (verbose)
				vsay("fuzz: batch %d: watchdog\n", batch);
			if (!end_for_good(pid, batch))
				unkillable++;
			status = -1;
			break;
		}
	}
	drain(fds[0]);
	close(fds[0]);
	kill(-pid, SIGKILL); /* what its forks left behind */
	if (status >= 0 && WIFSIGNALED(status))
		note_death(batch, WTERMSIG(status));
}

/* A number from /proc/meminfo ("Sockets:"), or -1. */
static long meminfo(const char *key)
{
	char line[128];
	size_t n = strlen(key);
	long v = -1;
	FILE *f = fopen("/proc/meminfo", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (strncmp(line, key, n) == 0)
			v = strtol(line + n, NULL, 10);
	fclose(f);
	return v;
}

/* -l: after a batch, the sockets it made must be gone (closing ones get a
 * second). */
static void check_leaks(int batch, long before)
{
	long now = meminfo("Sockets:");

	for (int i = 0; i < 20 && now > before; i++) {
		struct timespec ts = { 0, 50 * 1000000 };
		nanosleep(&ts, NULL);
		now = meminfo("Sockets:");
	}
	if (now > before)
		printf("fuzz: batch %d left %ld sockets behind (replay: fuzz -s "
		       "%u -b %d -l -v)\n",
		       batch, now - before, seed, batch);
}

/* Processes called fuzz that are not us: a batch's children that went
 * to init. They are ended at the end. */
static int sweep_strays(void)
{
	char line[160];
	int pid, found = 0;
	size_t n;
	FILE *f = fopen("/proc/tasks", "r");

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f)) {
		n = strlen(line);
		if (n < 6 || strcmp(line + n - 6, " fuzz\n") != 0)
			continue;
		pid = (int)strtol(line, NULL, 10);
		if (pid > 1 && pid != getpid()) {
			kill(pid, SIGKILL);
			found++;
		}
	}
	fclose(f);
	return found;
}

/* eth0's address, so that the batches may talk to themselves there too */
static uint32_t eth0_address(void)
{
	struct ifreq ifr;
	int fd = socket(AF_INET, SOCK_DGRAM, 0);
	uint32_t ip = 0;

	if (fd < 0)
		return 0;
	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, "eth0");
	if (ioctl(fd, SIOCGIFADDR, &ifr) == 0)
		memcpy(&ip, ifr.ifr_addr.sa_data + 2, 4);
	close(fd);
	return ip;
}

static void usage(void)
{
	fprintf(stderr, "usage: fuzz [-n calls] [-s seed] [-c calls-per-batch]"
			" [-b batch] [-v] [-K] [-l]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	long total = 2000, per_batch = 100, only = -1, faults, strays;
	long sockets_before;
	int seeded = 0;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-v"))
			verbose = 1;
		else if (!strcmp(argv[i], "-K"))
			with_known_bugs = 1;
		else if (!strcmp(argv[i], "-l"))
			leak_check = 1;
		else if (i + 1 < argc && !strcmp(argv[i], "-n"))
			total = strtol(argv[++i], NULL, 0);
		else if (i + 1 < argc && !strcmp(argv[i], "-s"))
			seed = strtoul(argv[++i], NULL, 0), seeded = 1;
		else if (i + 1 < argc && !strcmp(argv[i], "-c"))
			per_batch = strtol(argv[++i], NULL, 0);
		else if (i + 1 < argc && !strcmp(argv[i], "-b"))
			only = strtol(argv[++i], NULL, 0);
		else
			usage();
	}
	if (total <= 0 || per_batch <= 0)
		usage();
	if (!seeded) {
		struct timeval tv;
		gettimeofday(&tv, NULL);
		seed = (uint32_t)(tv.tv_sec * 1000003u ^ tv.tv_usec ^
				  (getpid() << 16));
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	dup2(1, VERBOSE_FD);
	if (!with_known_bugs)
		print_known_bugs();
	own_ip = eth0_address();
	signal(SIGPIPE, SIG_IGN);
	sockets_before = meminfo("Sockets:");
	if (only >= 0) {
		printf("fuzz: seed %u, batch %ld, %ld calls\n", seed, only,
		       per_batch);
		supervise((int)only, (int)per_batch);
		if (leak_check)
			check_leaks((int)only, sockets_before);
	} else {
		printf("fuzz: seed %u, %ld calls in batches of %ld\n", seed,
		       total, per_batch);
		for (int b = 0; calls_done < total; b++) {
			long left = total - calls_done;
			supervise(b, left < per_batch ? (int)left
						      : (int)per_batch);
			if (leak_check) {
				check_leaks(b, sockets_before);
				sockets_before = meminfo("Sockets:");
			}
		}
	}
	pool_cleanup_files();
	{ /* the last batch's helpers take a moment to die of their SIGKILL */
		struct timespec ts = { 0, 300 * 1000000 };
		nanosleep(&ts, NULL);
	}
	strays = sweep_strays();
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
	faults = efaults + faulted;
	if (unkillable)
		printf("fuzz: %ld batches could not be killed\n", unkillable);
	printf("fuzz: %ld batches: %ld ended by a signal, %ld by the watchdog,"
	       " %ld stopped; %ld calls got EFAULT; %ld strays; %ld calls "
	       "changed to avoid known bugs\n",
	       batches, killed, watchdog, stopped, efaults, strays, avoided);
	if (killed) {
		printf("fuzz: signals:");
		for (int s = 1; s < 65; s++)
			if (by_signal[s])
				printf(" %d x%ld", s, by_signal[s]);
		printf("; replay with: fuzz -s %u -v -b %d\n", seed,
		       first_deaths[0]);
	}
	printf("fuzz: %ld calls, %ld faults survived, seed %u\n", calls_done,
	       faults, seed);
	return 0;
}
