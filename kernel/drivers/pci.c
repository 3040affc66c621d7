/* PCI: configuration space through ports 0xCF8/0xCFC ("configuration mechanism #1"), a scan
 * of every bus at boot into a device table, one lspci line per device, and
 * /proc/bus/pci/devices plus /proc/bus/pci/BB/DD.F (the raw configuration space) in Linux's
 * formats, which /bin/lspci reads. Drivers find their device with pci_get_device, read the
 * BARs and the IRQ line the firmware (SeaBIOS) assigned, and turn on bus mastering. */
#include <menuos/fs.h>
#include <menuos/io.h>
#include <menuos/mm.h>
#include <menuos/pci.h>
#include <menuos/proc.h>
#include <menuos/uaccess.h>
#include "pci_names.h"

#define PCI_CONFIG_ADDRESS    0xCF8
#define PCI_CONFIG_DATA	      0xCFC
#define PCI_MAX_DEVICES	      32
#define PCI_HEADER_TYPE_MULTI 0x80 /* bit 7: functions 1..7 may exist too */

static struct pci_dev pci_devices[PCI_MAX_DEVICES];
static int pci_nr_devices;

/* ---- configuration space ---- */

static uint32_t pci_conf1_address(unsigned bus, unsigned devfn, int where)
{
	return 0x80000000u | bus << 16 | devfn << 8 | (where & 0xfc);
}

static uint32_t pci_conf1_read(unsigned bus, unsigned devfn, int where,
			       int size)
{
	unsigned long flags =
		local_irq_save(); /* the address/data pair is one access */
	uint32_t v;

	outl(PCI_CONFIG_ADDRESS, pci_conf1_address(bus, devfn, where));
	v = inl(PCI_CONFIG_DATA);
	local_irq_restore(flags);
	v >>= (where & 3) * 8;
	return size == 4 ? v : v & ((1u << (size * 8)) - 1);
}

static void pci_conf1_write(unsigned bus, unsigned devfn, int where, int size,
			    uint32_t val)
{
	unsigned long flags = local_irq_save();

	outl(PCI_CONFIG_ADDRESS, pci_conf1_address(bus, devfn, where));
	if (size == 4)
		outl(PCI_CONFIG_DATA, val);
	else if (size == 2)
		outw(PCI_CONFIG_DATA + (where & 2), val);
	else
		outb(PCI_CONFIG_DATA + (where & 3), val);
	local_irq_restore(flags);
}

int pci_read_config_byte(struct pci_dev *dev, int where, uint8_t *val)
{
	*val = pci_conf1_read(dev->bus, dev->devfn, where, 1);
	return 0;
}

int pci_read_config_word(struct pci_dev *dev, int where, uint16_t *val)
{
	*val = pci_conf1_read(dev->bus, dev->devfn, where, 2);
	return 0;
}

int pci_read_config_dword(struct pci_dev *dev, int where, uint32_t *val)
{
	*val = pci_conf1_read(dev->bus, dev->devfn, where, 4);
	return 0;
}

int pci_write_config_word(struct pci_dev *dev, int where, uint16_t val)
{
	pci_conf1_write(dev->bus, dev->devfn, where, 2, val);
	return 0;
}

int pci_write_config_dword(struct pci_dev *dev, int where, uint32_t val)
{
	pci_conf1_write(dev->bus, dev->devfn, where, 4, val);
	return 0;
}

/* ---- the scan ---- */

/* A BAR's size: write all ones, read back which address bits stick, restore. Decoding is
 * off meanwhile, so the device never answers at the all-ones address. */
static void pci_read_bases(struct pci_dev *dev)
{
	uint16_t cmd;

	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	pci_write_config_word(dev, PCI_COMMAND,
			      cmd & ~(PCI_COMMAND_IO | PCI_COMMAND_MEMORY));
	for (int i = 0; i < PCI_NUM_RESOURCES; i++) {
		int reg = PCI_BASE_ADDRESS_0 + 4 * i;
		struct resource *res = &dev->resource[i];
		uint32_t orig, mask;

		pci_read_config_dword(dev, reg, &orig);
		pci_write_config_dword(dev, reg, 0xffffffff);
		pci_read_config_dword(dev, reg, &mask);
		pci_write_config_dword(dev, reg, orig);
		if (!mask || mask == 0xffffffff)
			continue; /* no BAR here */
		if (orig & PCI_BASE_ADDRESS_SPACE_IO) {
			uint32_t size = ~(mask & PCI_BASE_ADDRESS_IO_MASK) &
					0xffff;
			res->start = orig & PCI_BASE_ADDRESS_IO_MASK;
			res->end = res->start + size;
			res->flags = IORESOURCE_IO | (orig & 3);
		} else {
			uint32_t size = ~(mask & PCI_BASE_ADDRESS_MEM_MASK);
			res->start = orig & PCI_BASE_ADDRESS_MEM_MASK;
			res->end = res->start + size;
			res->flags = IORESOURCE_MEM | (orig & 0xf);
			/* a 64-bit BAR takes the next register too; above 4 GiB is out of reach */
			if ((orig & PCI_BASE_ADDRESS_MEM_TYPE_MASK) ==
			    PCI_BASE_ADDRESS_MEM_TYPE_64)
				i++;
		}
		if (!res->start) /* the firmware left it unassigned */
			res->start = res->end = 0;
	}
	pci_write_config_word(dev, PCI_COMMAND, cmd);
}

static void pci_scan_bus(unsigned bus);

static void pci_scan_device(unsigned bus, unsigned devfn)
{
	uint32_t id = pci_conf1_read(bus, devfn, PCI_VENDOR_ID, 4);
	uint32_t class_rev = pci_conf1_read(bus, devfn, PCI_CLASS_REVISION, 4);
	uint8_t hdr = pci_conf1_read(bus, devfn, PCI_HEADER_TYPE, 1) &
		      PCI_HEADER_TYPE_MASK;
	struct pci_dev *dev;

	if (hdr == PCI_HEADER_TYPE_BRIDGE)
		pci_scan_bus(pci_conf1_read(bus, devfn, PCI_SECONDARY_BUS, 1));
	if (pci_nr_devices == PCI_MAX_DEVICES) {
		printk("pci: more than %d devices; %02x:%02x.%d ignored\n",
		       PCI_MAX_DEVICES, bus, PCI_SLOT(devfn), PCI_FUNC(devfn));
		return;
	}
	dev = &pci_devices[pci_nr_devices++];
	dev->bus = bus;
	dev->devfn = devfn;
	dev->vendor = id & 0xffff;
	dev->device = id >> 16;
	dev->class = class_rev >> 8;
	dev->revision = class_rev & 0xff;
	dev->hdr_type = hdr;
	dev->irq = pci_conf1_read(bus, devfn, PCI_INTERRUPT_LINE, 1);
	dev->pin = pci_conf1_read(bus, devfn, PCI_INTERRUPT_PIN, 1);
	if (!dev->pin || dev->irq == 0xff) /* no interrupt, or not routed */
		dev->irq = 0;
	if (hdr == PCI_HEADER_TYPE_NORMAL)
		pci_read_bases(dev);
}

static void pci_scan_bus(unsigned bus)
{
	for (unsigned slot = 0; slot < 32; slot++) {
		for (unsigned func = 0; func < 8; func++) {
			unsigned devfn = PCI_DEVFN(slot, func);
			uint16_t vendor =
				pci_conf1_read(bus, devfn, PCI_VENDOR_ID, 2);
			if (vendor == 0xffff) {
				if (func == 0)
					break; /* no function 0: no device */
				continue;
			}
			pci_scan_device(bus, devfn);
			if (func == 0 &&
			    !(pci_conf1_read(bus, devfn, PCI_HEADER_TYPE, 1) &
			      PCI_HEADER_TYPE_MULTI))
				break; /* single-function device */
		}
	}
}

/* ---- what drivers call ---- */

struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device,
			       struct pci_dev *from)
{
	int i = from ? (int)(from - pci_devices) + 1 : 0;

	for (; i < pci_nr_devices; i++) {
		struct pci_dev *dev = &pci_devices[i];
		if ((vendor == PCI_ANY_ID || dev->vendor == vendor) &&
		    (device == PCI_ANY_ID || dev->device == device))
			return dev;
	}
	return NULL;
}

int pci_enable_device(struct pci_dev *dev)
{
	uint16_t cmd, want = 0;

	for (int i = 0; i < PCI_NUM_RESOURCES; i++) {
		if (dev->resource[i].flags & IORESOURCE_IO)
			want |= PCI_COMMAND_IO;
		if (dev->resource[i].flags & IORESOURCE_MEM)
			want |= PCI_COMMAND_MEMORY;
	}
	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	if ((cmd & want) != want)
		pci_write_config_word(dev, PCI_COMMAND, cmd | want);
	return 0;
}

void pci_set_master(struct pci_dev *dev)
{
	uint16_t cmd;

	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	if (!(cmd & PCI_COMMAND_MASTER))
		pci_write_config_word(dev, PCI_COMMAND,
				      cmd | PCI_COMMAND_MASTER);
}

/* Device memory lives above RAM (QEMU puts BARs near 0xfe000000), outside the direct map:
 * it gets 4 MiB pages of its own from 0xf0000000 up, with caching off (PCD, PWT). */
#define IOREMAP_BASE 0xF0000000UL
#define IOREMAP_END  0xFFC00000UL
#define PDE_PWT	     0x008
#define PDE_PCD	     0x010
#define LARGE_PAGE   0x400000UL

void *pci_ioremap_bar(struct pci_dev *dev, int bar)
{
	static unsigned long next_virt = IOREMAP_BASE;
	struct resource *res = &dev->resource[bar];
	unsigned long first, last, virt;

	if (!(res->flags & IORESOURCE_MEM) || !res->start)
		return NULL;
	first = ALIGN_DOWN(res->start, LARGE_PAGE);
	last = ALIGN_DOWN(res->end, LARGE_PAGE);
	if (next_virt + (last - first) + LARGE_PAGE > IOREMAP_END)
		return NULL;
	virt = next_virt;
	for (unsigned long phys = first;; phys += LARGE_PAGE) {
		swapper_pg_dir[next_virt >> 22] = phys | PTE_PRESENT |
						  PTE_WRITE | PDE_LARGE |
						  PDE_PCD | PDE_PWT;
		next_virt += LARGE_PAGE;
		if (phys == last) /* before phys wraps at the top of 4 GiB */
			break;
	}
	/* reload CR3: flushes the TLB */
	asm volatile("mov %%cr3, %%eax; mov %%eax, %%cr3"
		     :
		     :
		     : "eax", "memory");
	return (void *)(virt + (res->start - first));
}

/* ---- the listing ---- */

/* "00:03.0 Ethernet controller: Intel Corporation 82540EM Gigabit Ethernet Controller
 * (rev 03)", as lspci prints it. */
static void pci_describe(struct pci_dev *dev, char *buf, size_t size)
{
	const char *cls = pci_class_name(dev->class >> 8);
	const char *vendor = pci_vendor_name(dev->vendor);
	const char *device = pci_device_name(dev->vendor, dev->device);
	int n = snprintf(buf, size, "%02x:%02x.%d ", dev->bus,
			 PCI_SLOT(dev->devfn), PCI_FUNC(dev->devfn));

	if (cls)
		n += snprintf(buf + n, size - n, "%s: ", cls);
	else
		n += snprintf(buf + n, size - n,
			      "Class %04x: ", dev->class >> 8);
	if (vendor && device)
		n += snprintf(buf + n, size - n, "%s %s", vendor, device);
	else if (vendor)
		n += snprintf(buf + n, size - n, "%s Device %04x", vendor,
			      dev->device);
	else
		n += snprintf(buf + n, size - n, "Device %04x:%04x",
			      dev->vendor, dev->device);
	if (dev->revision)
		snprintf(buf + n, size - n, " (rev %02x)", dev->revision);
}

/* Copies the part of text at the file position to user space (a tiny seq_file). */
static ssize_t read_text(struct file *f, char *ubuf, size_t count,
			 const char *text, size_t len)
{
	if (f->f_pos >= (off_t)len)
		return 0;
	count = min(count, len - f->f_pos);
	if (copy_to_user(ubuf, text + f->f_pos, count))
		return -EFAULT;
	f->f_pos += count;
	return count;
}

/* /proc/bus/pci/devices, Linux's format: bus and devfn, vendor and device, irq, the seven
 * resources (six BARs and the ROM) as start | flags, their sizes, the driver. */
static void pci_devices_show(struct seq_buf *sb)
{
	for (int i = 0; i < pci_nr_devices; i++) {
		struct pci_dev *dev = &pci_devices[i];
		seq_printf(sb, "%02x%02x\t%04x%04x\t%x", dev->bus, dev->devfn,
			   dev->vendor, dev->device, dev->irq);
		for (int r = 0; r <= PCI_NUM_RESOURCES; r++) {
			struct resource *res = &dev->resource[r % 6];
			seq_printf(sb, "\t%16lx",
				   r < PCI_NUM_RESOURCES
					   ? res->start | (res->flags & 0xf)
					   : 0);
		}
		for (int r = 0; r <= PCI_NUM_RESOURCES; r++)
			seq_printf(sb, "\t%16lx",
				   r < PCI_NUM_RESOURCES
					   ? pci_resource_len(dev, r)
					   : 0);
		seq_printf(sb, "\t%s\n", dev->driver ? dev->driver : "");
	}
}

/* /proc/bus/pci/BB/DD.F: the device's 256 bytes of configuration space, read live. */
static ssize_t pci_config_read(struct file *f, char *ubuf, size_t count)
{
	struct pci_dev *dev = f->f_inode->i_private;
	unsigned char cfg[PCI_CFG_SPACE_SIZE];

	for (int where = 0; where < PCI_CFG_SPACE_SIZE; where += 4) {
		uint32_t v;
		pci_read_config_dword(dev, where, &v);
		memcpy(cfg + where, &v, 4);
	}
	return read_text(f, ubuf, count, (const char *)cfg, sizeof(cfg));
}

static const struct file_operations pci_config_fops = {
	.read = pci_config_read
};

void pci_init(void)
{
	char line[160];

	pci_scan_bus(0);
	for (int i = 0; i < pci_nr_devices; i++) {
		struct pci_dev *dev = &pci_devices[i];
		pci_describe(dev, line, sizeof(line));
		printk("pci %s\n", line);
		snprintf(line, sizeof(line), "/proc/bus/pci/%02x/%02x.%d",
			 dev->bus, PCI_SLOT(dev->devfn), PCI_FUNC(dev->devfn));
		ramfs_mknod(line, S_IFREG | 0444, &pci_config_fops, dev)
			->i_size = PCI_CFG_SPACE_SIZE;
	}
	proc_create("/proc/bus/pci/devices", pci_devices_show);
}
