/* Names for PCI class codes, vendors and devices: a few lines of the pci.ids database that
 * Linux's lspci reads, enough for QEMU's PC. Data only, no includes: the kernel's boot
 * listing (kernel/drivers/pci.c) and /bin/lspci (user/lspci.c) both include this file, so
 * they print the same names. */
#ifndef _PCI_NAMES_H
#define _PCI_NAMES_H

/* base class << 8 | subclass */
static const struct pci_class_name {
	unsigned short class;
	const char *name;
} pci_class_names[] = {
	{ 0x0000, "Non-VGA unclassified device" },
	{ 0x0100, "SCSI storage controller" },
	{ 0x0101, "IDE interface" },
	{ 0x0106, "SATA controller" },
	{ 0x0108, "Non-Volatile memory controller" },
	{ 0x0180, "Mass storage controller" },
	{ 0x0200, "Ethernet controller" },
	{ 0x0280, "Network controller" },
	{ 0x0300, "VGA compatible controller" },
	{ 0x0380, "Display controller" },
	{ 0x0401, "Multimedia audio controller" },
	{ 0x0403, "Audio device" },
	{ 0x0600, "Host bridge" },
	{ 0x0601, "ISA bridge" },
	{ 0x0604, "PCI bridge" },
	{ 0x0680, "Bridge" },
	{ 0x0700, "Serial controller" },
	{ 0x0c03, "USB controller" },
	{ 0x0c05, "SMBus" },
	{ 0x00ff, "Unassigned class" },
};

static const struct pci_vendor_name {
	unsigned short vendor;
	const char *name;
} pci_vendor_names[] = {
	{ 0x8086, "Intel Corporation" },
	{ 0x1af4, "Red Hat, Inc." },
	{ 0x1b36, "Red Hat, Inc." },
	{ 0x10ec, "Realtek Semiconductor Co., Ltd." },
	{ 0x1022, "Advanced Micro Devices, Inc. [AMD]" },
};

static const struct pci_device_name {
	unsigned short vendor, device;
	const char *name;
} pci_device_names[] = {
	{ 0x8086, 0x1237, "440FX - 82441FX PMC [Natoma]" },
	{ 0x8086, 0x7000, "82371SB PIIX3 ISA [Natoma/Triton II]" },
	{ 0x8086, 0x7010, "82371SB PIIX3 IDE [Natoma/Triton II]" },
	{ 0x8086, 0x7020, "82371SB PIIX3 USB [Natoma/Triton II]" },
	{ 0x8086, 0x7113, "82371AB/EB/MB PIIX4 ACPI" },
	{ 0x8086, 0x100e, "82540EM Gigabit Ethernet Controller" },
	{ 0x8086, 0x100f, "82545EM Gigabit Ethernet Controller (Copper)" },
	{ 0x8086, 0x10d3, "82574L Gigabit Network Connection" },
	{ 0x8086, 0x29c0, "82G33/G31/P35/P31 Express DRAM Controller" },
	{ 0x8086, 0x2918, "82801IB (ICH9) LPC Interface Controller" },
	{ 0x8086, 0x2922,
	  "82801IR/IO/IH (ICH9R/DO/DH) 6 port SATA Controller [AHCI mode]" },
	{ 0x8086, 0x2930, "82801I (ICH9 Family) SMBus Controller" },
	{ 0x10ec, 0x8139, "RTL-8100/8101L/8139 PCI Fast Ethernet Adapter" },
	{ 0x1af4, 0x1000, "Virtio network device" },
};

/* NULL when the table does not know it (lspci then prints numbers: "Device 1234:1111"). */
static inline const char *pci_class_name(unsigned int class)
{
	for (unsigned int i = 0;
	     i < sizeof(pci_class_names) / sizeof(pci_class_names[0]); i++)
		if (pci_class_names[i].class == class)
			return pci_class_names[i].name;
	return 0;
}

static inline const char *pci_vendor_name(unsigned int vendor)
{
	for (unsigned int i = 0;
	     i < sizeof(pci_vendor_names) / sizeof(pci_vendor_names[0]); i++)
		if (pci_vendor_names[i].vendor == vendor)
			return pci_vendor_names[i].name;
	return 0;
}

static inline const char *pci_device_name(unsigned int vendor,
					  unsigned int device)
{
	for (unsigned int i = 0;
	     i < sizeof(pci_device_names) / sizeof(pci_device_names[0]); i++)
		if (pci_device_names[i].vendor == vendor &&
		    pci_device_names[i].device == device)
			return pci_device_names[i].name;
	return 0;
}

#endif
