/* PCI: the devices found on the buses at boot (kernel/drivers/pci.c), their configuration
 * space, and what a driver needs to start one: Linux's names (struct pci_dev,
 * pci_read_config_dword, pci_enable_device, pci_set_master, pci_get_device,
 * pci_ioremap_bar). */
#ifndef _MENUOS_PCI_H
#define _MENUOS_PCI_H

#include <menuos/kernel.h>
#include <linux/pci_regs.h>

#define PCI_NUM_RESOURCES     6 /* BARs of a normal (type 0) header */
#define PCI_SLOT(devfn)	      (((devfn) >> 3) & 0x1f)
#define PCI_FUNC(devfn)	      ((devfn)&0x07)
#define PCI_DEVFN(slot, func) ((((slot)&0x1f) << 3) | ((func)&0x07))

#define IORESOURCE_IO  0x100
#define IORESOURCE_MEM 0x200

/* One BAR, decoded: where the firmware placed it and how big it is. */
struct resource {
	unsigned long start, end; /* inclusive; start == end == 0: unused */
	unsigned long
		flags; /* IORESOURCE_IO or IORESOURCE_MEM, | the BAR's low bits */
};

struct pci_dev {
	unsigned char bus, devfn;
	unsigned short vendor, device;
	unsigned int class; /* base class << 16 | subclass << 8 | prog-if */
	unsigned char revision, hdr_type;
	unsigned char pin; /* PCI_INTERRUPT_PIN: 1..4 = INTA..INTD, 0: none */
	int irq; /* PCI_INTERRUPT_LINE: the 8259 input the firmware routed to */
	struct resource resource[PCI_NUM_RESOURCES];
	const char *
		driver; /* the driver that took it, for /proc/bus/pci/devices */
};

#define pci_resource_start(dev, bar) ((dev)->resource[(bar)].start)
#define pci_resource_len(dev, bar)                                             \
	((dev)->resource[(bar)].end ? (dev)->resource[(bar)].end -             \
					      (dev)->resource[(bar)].start + 1 \
				    : 0)

/* Scans every bus, prints one lspci line per device, makes /proc/bus/pci. */
void pci_init(void);

/* The next device after from (NULL: the first) with this vendor and device id; PCI_ANY_ID
 * matches any. */
#define PCI_ANY_ID 0xffff
struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device,
			       struct pci_dev *from);

int pci_read_config_byte(struct pci_dev *dev, int where, uint8_t *val);
int pci_read_config_word(struct pci_dev *dev, int where, uint16_t *val);
int pci_read_config_dword(struct pci_dev *dev, int where, uint32_t *val);
int pci_write_config_word(struct pci_dev *dev, int where, uint16_t val);
int pci_write_config_dword(struct pci_dev *dev, int where, uint32_t val);

/* Turns on memory and I/O decoding; pci_set_master lets the device do DMA. */
int pci_enable_device(struct pci_dev *dev);
void pci_set_master(struct pci_dev *dev);

/* Maps a memory BAR uncached into kernel space and returns its virtual address (NULL if
 * the BAR is not memory). Boot time only: the mapping goes into the kernel's page
 * directory, which every address space copies when it is created. */
void *pci_ioremap_bar(struct pci_dev *dev, int bar);

#endif
