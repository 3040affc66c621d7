/*
 * netstat [-t] [-u] [-x] [-a] [-l] [-n] [-p]: the TCP and UDP sockets, one
 * line each, as Linux's netstat -tuanp prints them:
 *
 *	Proto Recv-Q Send-Q Local Address   Foreign Address  State   PID/Program name
 *	tcp        0      0 0.0.0.0:5001    0.0.0.0:*        LISTEN  5/replyhi
 *
 * It reads /proc/net/tcp and /proc/net/udp (Linux's format: addresses in hex,
 * the state as Linux's TCP_* number, the socket's inode) and finds the
 * process holding each inode in /proc/net/sockfd (MenuOS: "pid fd inode
 * command"), or on Linux by reading the /proc/PID/fd/N -> socket:[inode]
 * links. With no option it shows everything (-tuap); -t or -u keep one
 * protocol, -l only listening sockets, -a adds them to the others. Addresses
 * are always numeric (-n is accepted). -x lists the AF_UNIX sockets of
 * /proc/net/unix instead, as Linux's netstat -x does:
 *
 *	Proto RefCnt Flags       Type       State         I-Node   Path
 *	unix  1      [ ACC ]     STREAM     LISTENING     12       /tmp/replyhi.sock
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Linux's TCP_* states (include/net/tcp_states.h), as netstat names them */
static const char *const tcp_states[] = {
	"",	      "ESTABLISHED", "SYN_SENT",  "SYN_RECV",
	"FIN_WAIT1",  "FIN_WAIT2",   "TIME_WAIT", "CLOSE",
	"CLOSE_WAIT", "LAST_ACK",    "LISTEN",	  "CLOSING",
};
#define TCP_ESTABLISHED 1
#define TCP_LISTEN	10

struct owner {
	unsigned long inode;
	int pid;
	char command[32];
};

static struct owner *owners;
static int nowners, max_owners;

static void add_owner(unsigned long inode, int pid, const char *command)
{
	int i;

	for (i = 0; i < nowners; i++)
		if (owners[i].inode == inode)
			return; /* the first holder, as netstat shows */
	if (nowners == max_owners) {
		struct owner *more;

		max_owners = max_owners ? 2 * max_owners : 64;
		more = realloc(owners, max_owners * sizeof(*owners));
		if (!more)
			return;
		owners = more;
	}
	owners[nowners].inode = inode;
	owners[nowners].pid = pid;
	snprintf(owners[nowners].command, sizeof(owners[nowners].command), "%s",
		 command);
	nowners++;
}

/* MenuOS: /proc/net/sockfd, "pid fd inode command" per socket fd */
static int read_sockfd(void)
{
	FILE *f = fopen("/proc/net/sockfd", "r");
	char line[256];
	unsigned long inode;
	int pid, fd;

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f)) {
		char *p = line, *end;

		pid = strtol(p, &end, 10);
		if (end == p) /* the header */
			continue;
		fd = strtol(end, &p, 10);
		inode = strtoul(p, &end, 10);
		if (end == p || fd < 0)
			continue;
		end += strspn(end, " ");
		end[strcspn(end, "\n")] = '\0';
		add_owner(inode, pid, end);
	}
	fclose(f);
	return 1;
}

/* Linux: /proc/PID/fd/N links to "socket:[inode]"; the name is in comm */
static void scan_proc_fds(void)
{
	DIR *proc = opendir("/proc");
	struct dirent *p;

	if (!proc)
		return;
	while ((p = readdir(proc))) {
		char path[300], link[64], command[64] = "";
		struct dirent *e;
		unsigned long inode;
		DIR *fds;
		FILE *f;
		int pid = atoi(p->d_name);

		if (pid <= 0)
			continue;
		snprintf(path, sizeof(path), "/proc/%d/comm", pid);
		f = fopen(path, "r");
		if (f) {
			if (fgets(command, sizeof(command), f))
				command[strcspn(command, "\n")] = '\0';
			fclose(f);
		}
		snprintf(path, sizeof(path), "/proc/%d/fd", pid);
		fds = opendir(path);
		if (!fds)
			continue;
		while ((e = readdir(fds))) {
			ssize_t n;

			snprintf(path, sizeof(path), "/proc/%d/fd/%s", pid,
				 e->d_name);
			n = readlink(path, link, sizeof(link) - 1);
			if (n <= 0)
				continue;
			link[n] = '\0';
			if (!strncmp(link, "socket:[", 8)) {
				inode = strtoul(link + 8, NULL, 10);
				add_owner(inode, pid, command);
			}
		}
		closedir(fds);
	}
	closedir(proc);
}

static const struct owner *find_owner(unsigned long inode)
{
	int i;

	for (i = 0; inode && i < nowners; i++)
		if (owners[i].inode == inode)
			return &owners[i];
	return NULL;
}

/* "127.0.0.1:5001", "0.0.0.0:*"; /proc prints the address as the
 * little-endian number of its network-order bytes */
static void format_addr(char *buf, size_t size, unsigned long addr,
			unsigned port)
{
	char portbuf[12];

	if (port)
		snprintf(portbuf, sizeof(portbuf), "%u", port);
	else
		snprintf(portbuf, sizeof(portbuf), "*");
	snprintf(buf, size, "%lu.%lu.%lu.%lu:%s", addr & 0xff,
		 (addr >> 8) & 0xff, (addr >> 16) & 0xff, (addr >> 24) & 0xff,
		 portbuf);
}

/* Skips spaces and the given separator after a hex number. */
static unsigned long hex_field(char **p, char sep)
{
	unsigned long v = strtoul(*p, p, 16);

	if (**p == sep)
		(*p)++;
	return v;
}

/* One line of /proc/net/tcp or udp:
 * "   0: 0100007F:1389 00000000:0000 0A 00000000:00000000 00:00000000
 *  00000000     0        0 1234 ..." (sl, local, remote, st, tx:rx, tr:when,
 * retrnsmt, uid, timeout, inode) */
static int parse_line(char *line, unsigned long *laddr, unsigned *lport,
		      unsigned long *raddr, unsigned *rport, unsigned *state,
		      unsigned long *txq, unsigned long *rxq,
		      unsigned long *inode)
{
	char *p = strchr(line, ':');
	int i;

	if (!p)
		return -1;
	p++;
	*laddr = hex_field(&p, ':');
	*lport = hex_field(&p, ' ');
	*raddr = hex_field(&p, ':');
	*rport = hex_field(&p, ' ');
	*state = hex_field(&p, ' ');
	*txq = hex_field(&p, ':');
	*rxq = hex_field(&p, ' ');
	hex_field(&p, ':'); /* tr:tm->when */
	hex_field(&p, ' ');
	hex_field(&p, ' '); /* retrnsmt */
	for (i = 0; i < 2; i++) /* uid, timeout */
		strtoul(p, &p, 10);
	*inode = strtoul(p, &p, 10);
	return *p == ' ' || *p == '\n' || *p == '\0' ? 0 : -1;
}

static void show_file(const char *path, const char *proto, int want_listen,
		      int want_other, int with_pid)
{
	FILE *f = fopen(path, "r");
	char line[512];

	if (!f)
		return;
	if (!fgets(line, sizeof(line), f)) { /* the header */
		fclose(f);
		return;
	}
	while (fgets(line, sizeof(line), f)) {
		unsigned long laddr, raddr, txq, rxq, inode;
		unsigned lport, rport, state;
		char local[32], remote[32], pidname[48] = "-";
		const char *state_name;
		const struct owner *o;
		int listening;

		if (parse_line(line, &laddr, &lport, &raddr, &rport, &state,
			       &txq, &rxq, &inode) < 0)
			continue;
		/* a UDP socket with no peer is a server too */
		listening = !strcmp(proto, "tcp") ? state == TCP_LISTEN
						  : raddr == 0 && rport == 0;
		if ((listening && !want_listen) || (!listening && !want_other))
			continue;
		if (!strcmp(proto, "udp"))
			state_name = state == TCP_ESTABLISHED ? "ESTABLISHED"
							      : "";
		else if (state < sizeof(tcp_states) / sizeof(tcp_states[0]))
			state_name = tcp_states[state];
		else
			state_name = "UNKNOWN";
		format_addr(local, sizeof(local), laddr, lport);
		format_addr(remote, sizeof(remote), raddr, rport);
		printf("%-5s %6lu %6lu %-23s %-23s %-11s", proto, rxq, txq,
		       local, remote, state_name);
		if (with_pid) {
			o = find_owner(inode);
			if (o)
				snprintf(pidname, sizeof(pidname), "%d/%s",
					 o->pid, o->command);
			pidname[19] = '\0'; /* netstat's PROGNAME_WIDTH - 1 */
			printf(" %-20s", pidname);
		}
		printf("\n");
	}
	fclose(f);
}

/* /proc/net/unix: "Num RefCount Protocol Flags Type St Inode Path" per socket */
static void show_unix(int servers, int others, int with_pid)
{
	static const char *const types[] = { "",    "STREAM", "DGRAM",
					     "RAW", "RDM",    "SEQPACKET" };
	static const char *const states[] = { "", "", "CONNECTING", "CONNECTED",
					      "DISCONNECTING" };
	FILE *f = fopen("/proc/net/unix", "r");
	char line[512];

	if (!f) {
		perror("netstat: /proc/net/unix");
		return;
	}
	while (fgets(line, sizeof(line), f)) {
		unsigned long refcnt, flags, type, st, inode;
		char path[256] = "", pid_prog[32] = "-";
		const struct owner *o;
		int listening;

		char *p = strchr(line, ':'), *end;

		if (!p)
			continue; /* the header */
		refcnt = strtoul(p + 1, &p, 16);
		strtoul(p, &p, 16); /* Protocol: always 0 */
		flags = strtoul(p, &p, 16);
		type = strtoul(p, &p, 16);
		st = strtoul(p, &p, 16);
		inode = strtoul(p, &end, 10);
		if (end == p)
			continue;
		end += strspn(end, " ");
		end[strcspn(end, "\n")] = '\0';
		snprintf(path, sizeof(path), "%s", end);
		listening = (flags & 0x10000) != 0; /* __SO_ACCEPTCON */
		if (listening ? !servers : !others)
			continue;
		if (with_pid && (o = find_owner(inode)))
			snprintf(pid_prog, sizeof(pid_prog), "%d/%s", o->pid,
				 o->command);
		printf("unix  %-6lu %-11s %-10s %-13s %-8lu ", refcnt,
		       listening ? "[ ACC ]" : "[ ]",
		       type < sizeof(types) / sizeof(types[0]) ? types[type]
							       : "?",
		       listening				 ? "LISTENING"
		       : st < sizeof(states) / sizeof(states[0]) ? states[st]
								 : "?",
		       inode);
		if (with_pid)
			printf("%-20s ", pid_prog);
		printf("%s\n", path);
	}
	fclose(f);
}

static void usage(void)
{
	fprintf(stderr, "usage: netstat [-tuxalnp]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	int tcp = 0, udp = 0, unix_socks = 0, all = 0, listen_only = 0,
	    with_pid = 0;
	int i, any_option = 0;
	const char *title;

	for (i = 1; i < argc; i++) {
		const char *o = argv[i];

		if (o[0] != '-' || !o[1])
			usage();
		for (o++; *o; o++) {
			any_option = 1;
			switch (*o) {
			case 't':
				tcp = 1;
				break;
			case 'u':
				udp = 1;
				break;
			case 'x':
				unix_socks = 1;
				break;
			case 'a':
				all = 1;
				break;
			case 'l':
				listen_only = 1;
				break;
			case 'p':
				with_pid = 1;
				break;
			case 'n':
				break;
			default:
				usage();
			}
		}
	}
	if (!any_option) /* the default: netstat -tuanp */
		all = with_pid = 1;
	if (!tcp && !udp && !unix_socks)
		tcp = udp = 1;
	if (with_pid && !read_sockfd())
		scan_proc_fds();

	title = listen_only ? "only servers"
		: all	    ? "servers and established"
			    : "w/o servers";
	if (unix_socks && !tcp && !udp) {
		printf("Active UNIX domain sockets (%s)\n", title);
		printf("Proto RefCnt Flags       Type       State         "
		       "I-Node   %sPath\n",
		       with_pid ? "PID/Program name     " : "");
		show_unix(all || listen_only, !listen_only, with_pid);
		return 0;
	}
	printf("Active Internet connections (%s)\n", title);
	printf("Proto Recv-Q Send-Q Local Address           Foreign Address "
	       "        State      %s\n",
	       with_pid ? " PID/Program name    " : "");
	if (tcp)
		show_file("/proc/net/tcp", "tcp", all || listen_only,
			  !listen_only, with_pid);
	if (udp)
		show_file("/proc/net/udp", "udp", all || listen_only,
			  !listen_only, with_pid);
	return 0;
}
