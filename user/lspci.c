/*
 * lspci [-n] [-v]: the PCI devices, one line each, as Linux's lspci prints them:
 *
 *   00:03.0 Ethernet controller: Intel Corporation 82540EM Gigabit Ethernet Controller (rev 03)
 *
 * Like lspci's "proc" method it reads /proc/bus/pci/devices (which devices,
 * their IRQ, BARs and driver) and each device's configuration space in
 * /proc/bus/pci/BB/DD.F (class and revision). Names come from the same small
 * pci.ids table the kernel's boot listing uses. -n prints numbers instead of
 * names; -v adds the IRQ, the BARs and the driver.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../kernel/drivers/pci_names.h"

#define PCI_BASE_ADDRESS_SPACE_IO 0x01

struct pci_device {
	unsigned bus, devfn, vendor, device, irq;
	unsigned long base[7], size[7];
	char driver[32];
};

static int read_config(const struct pci_device *d, unsigned char *cfg, int len)
{
	char path[64];
	int fd, n;

	snprintf(path, sizeof(path), "/proc/bus/pci/%02x/%02x.%u", d->bus,
		 d->devfn >> 3, d->devfn & 7);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	n = read(fd, cfg, len);
	close(fd);
	return n == len ? 0 : -1;
}

static const char *size_text(unsigned long size, char *buf, size_t len)
{
	if (size >= (1UL << 20) && !(size & ((1UL << 20) - 1)))
		snprintf(buf, len, "%luM", size >> 20);
	else if (size >= 1024 && !(size & 1023))
		snprintf(buf, len, "%luK", size >> 10);
	else
		snprintf(buf, len, "%lu", size);
	return buf;
}

static void show(const struct pci_device *d, int numeric, int verbose)
{
	unsigned char cfg[64];
	unsigned cls, rev;
	const char *cname, *vname, *dname;

	if (read_config(d, cfg, sizeof(cfg)) < 0) {
		printf("%02x:%02x.%u (configuration space unreadable)\n",
		       d->bus, d->devfn >> 3, d->devfn & 7);
		return;
	}
	cls = cfg[0x0b] << 8 | cfg[0x0a];
	rev = cfg[0x08];
	printf("%02x:%02x.%u ", d->bus, d->devfn >> 3, d->devfn & 7);
	cname = pci_class_name(cls);
	vname = pci_vendor_name(d->vendor);
	dname = pci_device_name(d->vendor, d->device);
	if (numeric)
		printf("%04x: %04x:%04x", cls, d->vendor, d->device);
	else {
		if (cname)
			printf("%s: ", cname);
		else
			printf("Class %04x: ", cls);
		if (vname && dname)
			printf("%s %s", vname, dname);
		else if (vname)
			printf("%s Device %04x", vname, d->device);
		else
			printf("Device %04x:%04x", d->vendor, d->device);
	}
	if (rev)
		printf(" (rev %02x)", rev);
	printf("\n");
	if (!verbose)
		return;
	if (d->irq)
		printf("\tFlags: IRQ %u\n", d->irq);
	for (int i = 0; i < 6; i++) {
		char sz[16];
		if (!d->size[i])
			continue;
		size_text(d->size[i], sz, sizeof(sz));
		if (d->base[i] & PCI_BASE_ADDRESS_SPACE_IO)
			printf("\tI/O ports at %04lx [size=%s]\n",
			       d->base[i] & ~3UL, sz);
		else
			printf("\tMemory at %08lx (32-bit, %sprefetchable) "
			       "[size=%s]\n",
			       d->base[i] & ~15UL, d->base[i] & 8 ? "" : "non-",
			       sz);
	}
	if (d->driver[0])
		printf("\tKernel driver in use: %s\n", d->driver);
	printf("\n");
}

/* One line of /proc/bus/pci/devices (tab-separated, hex). */
static int parse_line(char *line, struct pci_device *d)
{
	char *field[18];
	int n = 0;

	memset(d, 0, sizeof(*d));
	line[strcspn(line, "\n")] = '\0';
	for (char *p = line; n < 18;) {
		field[n++] = p;
		p = strchr(p, '\t');
		if (!p)
			break;
		*p++ = '\0';
	}
	if (n < 3)
		return -1;
	unsigned long bdf = strtoul(field[0], NULL, 16);
	unsigned long id = strtoul(field[1], NULL, 16);
	d->bus = bdf >> 8;
	d->devfn = bdf & 0xff;
	d->vendor = id >> 16;
	d->device = id & 0xffff;
	d->irq = strtoul(field[2], NULL, 16);
	for (int i = 0; i < 7 && 3 + i < n; i++)
		d->base[i] = strtoul(field[3 + i], NULL, 16);
	for (int i = 0; i < 7 && 10 + i < n; i++)
		d->size[i] = strtoul(field[10 + i], NULL, 16);
	if (n == 18) /* the driver's name, or empty */
		strncpy(d->driver, field[17], sizeof(d->driver) - 1);
	return 0;
}

int main(int argc, char **argv)
{
	int numeric = 0, verbose = 0;
	char line[512];
	FILE *f;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-n"))
			numeric = 1;
		else if (!strcmp(argv[i], "-v"))
			verbose = 1;
		else {
			fprintf(stderr, "usage: lspci [-n] [-v]\n");
			return 2;
		}
	}
	f = fopen("/proc/bus/pci/devices", "r");
	if (!f) {
		perror("lspci: /proc/bus/pci/devices");
		return 1;
	}
	while (fgets(line, sizeof(line), f)) {
		struct pci_device d;
		if (parse_line(line, &d) == 0)
			show(&d, numeric, verbose);
	}
	fclose(f);
	return 0;
}
