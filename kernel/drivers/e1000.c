/* Intel 82540EM ("e1000", PCI 8086:100e), QEMU's default NIC: the driver under eth0.
 *
 * The card moves frames by DMA through two rings of 16-byte descriptors in RAM. Receive:
 * each descriptor points at a 2 KiB buffer; the card fills buffers from the head (RDH) up
 * to the tail (RDT), sets the descriptor's DD ("descriptor done") bit and interrupts; the
 * driver takes the frame, clears DD and gives the descriptor back by moving RDT. Transmit:
 * the driver copies a frame into the buffer of the descriptor at TDT, moves TDT, and the
 * card sends it and sets DD (QEMU does it at once, during the register write).
 *
 * The interrupt handler only reads ICR (which acknowledges the interrupt) and calls
 * net_raise_bottom_half(); the bottom half calls e1000_poll, which hands the frames to
 * lwIP through netif_receive_frame (net/ethif.c). Register names and bits are Intel's, as
 * in Linux's drivers/net/ethernet/intel/e1000/e1000_hw.h. */
#include <menuos/interrupt.h>
#include <menuos/mm.h>
#include <menuos/net.h>
#include <menuos/netdevice.h>
#include <menuos/pci.h>

/* registers (offsets in BAR 0) */
#define E1000_CTRL   0x00000 /* device control */
#define E1000_STATUS 0x00008 /* device status */
#define E1000_EERD   0x00014 /* EEPROM read */
#define E1000_ICR    0x000C0 /* interrupt cause read (reading clears it) */
#define E1000_IMS    0x000D0 /* interrupt mask set */
#define E1000_IMC    0x000D8 /* interrupt mask clear */
#define E1000_RCTL   0x00100 /* receive control */
#define E1000_TCTL   0x00400 /* transmit control */
#define E1000_TIPG   0x00410 /* transmit inter-packet gap */
#define E1000_RDBAL \
	0x02800 /* receive ring: base low, high, length, head, tail */
#define E1000_RDBAH 0x02804
#define E1000_RDLEN 0x02808
#define E1000_RDH   0x02810
#define E1000_RDT   0x02818
#define E1000_RDTR  0x02820 /* receive interrupt delay */
#define E1000_TDBAL 0x03800 /* transmit ring: the same five */
#define E1000_TDBAH 0x03804
#define E1000_TDLEN 0x03808
#define E1000_TDH   0x03810
#define E1000_TDT   0x03818
#define E1000_MTA   0x05200 /* multicast table, 128 registers */
#define E1000_RAL0  0x05400 /* receive address 0: the MAC, low 4 bytes */
#define E1000_RAH0  0x05404 /* ... high 2 bytes, and "address valid" */
/* statistics, cleared when read */
#define E1000_CRCERRS  0x04000
#define E1000_ALGNERRC 0x04004
#define E1000_RXERRC   0x0400C
#define E1000_MPC      0x04010 /* missed: the FIFO was full */
#define E1000_RNBC     0x040A0 /* no receive buffer: the ring was full */
#define E1000_RUC      0x040A4 /* undersize */
#define E1000_ROC      0x040AC /* oversize: longer than 1522 bytes, dropped */

#define E1000_CTRL_ASDE		0x00000020 /* auto speed detection */
#define E1000_CTRL_SLU		0x00000040 /* set link up */
#define E1000_CTRL_LRST		0x00000008
#define E1000_CTRL_ILOS		0x00000080
#define E1000_CTRL_RST		0x04000000
#define E1000_CTRL_PHY_RST	0x80000000
#define E1000_STATUS_FD		0x00000001
#define E1000_STATUS_LU		0x00000002 /* link up */
#define E1000_STATUS_SPEED_MASK 0x000000C0
#define E1000_STATUS_SPEED_100	0x00000040
#define E1000_STATUS_SPEED_1000 0x00000080
#define E1000_EERD_START	0x00000001
#define E1000_EERD_DONE		0x00000010
#define E1000_RAH_AV		0x80000000

#define E1000_ICR_TXDW	 0x00000001
#define E1000_ICR_LSC	 0x00000004 /* link status change */
#define E1000_ICR_RXSEQ	 0x00000008
#define E1000_ICR_RXDMT0 0x00000010 /* receive ring below its threshold */
#define E1000_ICR_RXO	 0x00000040 /* receiver overrun */
#define E1000_ICR_RXT0	 0x00000080 /* receive timer: frames arrived */

#define E1000_RCTL_EN	   0x00000002
#define E1000_RCTL_BAM	   0x00008000 /* accept broadcast */
#define E1000_RCTL_SZ_2048 0x00000000
#define E1000_RCTL_SECRC   0x04000000 /* strip the Ethernet CRC */
#define E1000_TCTL_EN	   0x00000002
#define E1000_TCTL_PSP	   0x00000008 /* pad short packets */
#define E1000_TCTL_CT	   (0x0F << 4) /* collision threshold */
#define E1000_TCTL_COLD	   (0x40 << 12) /* collision distance, full duplex */
#define E1000_TIPG_DEFAULT \
	(10 | 8 << 10 | 6 << 20) /* IPGT, IPGR1, IPGR2 (copper) */

/* descriptor bits */
#define E1000_RXD_STAT_DD  0x01
#define E1000_RXD_STAT_EOP 0x02 /* last descriptor of the frame */
#define E1000_RXD_ERR_CE   0x01 /* CRC error */
#define E1000_RXD_ERR_SE   0x02 /* symbol error */
#define E1000_RXD_ERR_SEQ  0x04
#define E1000_RXD_ERR_CXE  0x10
#define E1000_RXD_ERR_RXE  0x80
#define E1000_RXD_ERR_FRAME_ERR_MASK                               \
	(E1000_RXD_ERR_CE | E1000_RXD_ERR_SE | E1000_RXD_ERR_SEQ | \
	 E1000_RXD_ERR_CXE | E1000_RXD_ERR_RXE)
#define E1000_TXD_CMD_EOP  0x01
#define E1000_TXD_CMD_IFCS 0x02 /* insert the CRC */
#define E1000_TXD_CMD_RS   0x08 /* report status: set DD when sent */
#define E1000_TXD_STAT_DD  0x01

struct e1000_rx_desc {
	uint64_t buffer_addr;
	uint16_t length;
	uint16_t csum;
	uint8_t status;
	uint8_t errors;
	uint16_t special;
} __attribute__((packed));

struct e1000_tx_desc {
	uint64_t buffer_addr;
	uint16_t length;
	uint8_t cso;
	uint8_t cmd;
	uint8_t status;
	uint8_t css;
	uint16_t special;
} __attribute__((packed));

#define E1000_RXBUFFER	2048
#define RX_RING_SIZE	64 /* 128 KiB of receive buffers */
#define TX_RING_SIZE	32
#define E1000_MAX_CARDS 2

struct e1000_adapter {
	struct net_device netdev;
	struct pci_dev *pdev;
	volatile uint8_t *hw_addr; /* BAR 0, mapped uncached */
	struct e1000_rx_desc *rx_ring;
	unsigned char *rx_buf; /* RX_RING_SIZE buffers of E1000_RXBUFFER bytes */
	unsigned int rx_next; /* the next descriptor the card fills */
	struct e1000_tx_desc *tx_ring;
	unsigned char *tx_buf;
	unsigned int tx_next; /* the next descriptor to fill (TDT) */
	volatile uint32_t icr; /* causes the interrupt saw, for the bottom half */
};

static struct e1000_adapter adapters[E1000_MAX_CARDS];
static int nr_adapters;

static uint32_t er32(struct e1000_adapter *a, unsigned int reg)
{
	return *(volatile uint32_t *)(a->hw_addr + reg);
}

static void ew32(struct e1000_adapter *a, unsigned int reg, uint32_t val)
{
	/* the compiler must not move descriptor writes past the doorbell */
	asm volatile("" : : : "memory");
	*(volatile uint32_t *)(a->hw_addr + reg) = val;
}

/* The interrupt: acknowledge (reading ICR clears the cause and lowers the line) and leave
 * the work to the bottom half. ICR is 0 when the interrupt was another device's. */
static void e1000_intr(int irq, struct pt_regs *regs)
{
	(void)regs;
	for (int i = 0; i < nr_adapters; i++) {
		if (adapters[i].pdev->irq != irq)
			continue;
		uint32_t icr = er32(&adapters[i], E1000_ICR);
		if (icr) {
			adapters[i].icr |= icr;
			net_raise_bottom_half();
		}
	}
}

/* One 16-bit word of the EEPROM; -1 when the EEPROM does not answer. */
static int e1000_read_eeprom(struct e1000_adapter *a, unsigned int word)
{
	ew32(a, E1000_EERD, word << 8 | E1000_EERD_START);
	for (int i = 0; i < 10000; i++) {
		uint32_t v = er32(a, E1000_EERD);
		if (v & E1000_EERD_DONE)
			return v >> 16;
	}
	return -1;
}

/* The MAC address: EEPROM words 0..2 (what the card loads into RAL0/RAH0 at reset); if
 * the EEPROM is silent, whatever RAL0/RAH0 hold. */
static void e1000_read_mac_addr(struct e1000_adapter *a)
{
	unsigned char *mac = a->netdev.dev_addr;
	int ok = 1;

	for (int i = 0; i < 3 && ok; i++) {
		int w = e1000_read_eeprom(a, i);
		ok = w >= 0;
		mac[2 * i] = w & 0xff;
		mac[2 * i + 1] = (w >> 8) & 0xff;
	}
	if (!ok) {
		uint32_t lo = er32(a, E1000_RAL0), hi = er32(a, E1000_RAH0);
		for (int i = 0; i < 4; i++)
			mac[i] = lo >> (8 * i);
		mac[4] = hi;
		mac[5] = hi >> 8;
	}
}

static void e1000_check_link(struct e1000_adapter *a)
{
	uint32_t status = er32(a, E1000_STATUS);
	int up = !!(status & E1000_STATUS_LU);

	if (up == a->netdev.carrier)
		return;
	if (up) {
		uint32_t speed = status & E1000_STATUS_SPEED_MASK;
		/* Linux's e1000 says it this way */
		printk("e1000: %s NIC Link is Up %d Mbps %s Duplex, Flow Control: None\n",
		       a->netdev.name,
		       speed & E1000_STATUS_SPEED_1000	 ? 1000
		       : speed == E1000_STATUS_SPEED_100 ? 100
							 : 10,
		       status & E1000_STATUS_FD ? "Full" : "Half");
		netif_carrier_on(&a->netdev);
	} else {
		printk("e1000: %s NIC Link is Down\n", a->netdev.name);
		netif_carrier_off(&a->netdev);
	}
}

/* Bottom half: the received frames, oldest first. */
static int e1000_poll(struct net_device *dev, int budget)
{
	struct e1000_adapter *a = dev->priv;
	int done = 0;

	/* The bottom half runs after every socket call: no register reads here unless the
	 * interrupt said the link changed (MMIO is slow, above all under QEMU's TCG). */
	if (a->icr & E1000_ICR_LSC) {
		a->icr &= ~E1000_ICR_LSC;
		e1000_check_link(a);
	}
	while (done < budget) {
		struct e1000_rx_desc *desc = &a->rx_ring[a->rx_next];
		unsigned char *buf = a->rx_buf + a->rx_next * E1000_RXBUFFER;

		if (!(desc->status & E1000_RXD_STAT_DD))
			break;
		asm volatile("" : : : "memory"); /* read the length after DD */
		if (!(desc->status & E1000_RXD_STAT_EOP)) {
			/* a frame longer than one buffer: cannot happen without long-packet
			 * mode, but a confused card must not take the kernel with it */
			dev->stats.rx_errors++;
			dev->stats.rx_length_errors++;
		} else if (desc->errors & E1000_RXD_ERR_FRAME_ERR_MASK) {
			dev->stats.rx_errors++;
			if (desc->errors & E1000_RXD_ERR_CE)
				dev->stats.rx_crc_errors++;
			else
				dev->stats.rx_frame_errors++;
		} else {
			netif_receive_frame(dev, buf, desc->length);
		}
		desc->status = 0;
		/* the descriptor goes back to the card: it may fill up to, not including, RDT */
		ew32(a, E1000_RDT, a->rx_next);
		a->rx_next = (a->rx_next + 1) % RX_RING_SIZE;
		done++;
	}
	return done;
}

static int e1000_xmit_frame(struct net_device *dev,
			    const struct netdev_frag *frags, int nfrags,
			    unsigned int len)
{
	struct e1000_adapter *a = dev->priv;
	struct e1000_tx_desc *desc = &a->tx_ring[a->tx_next];
	unsigned char *buf = a->tx_buf + a->tx_next * E1000_RXBUFFER;
	unsigned int off = 0;

	if (len > ETH_FRAME_LEN + VLAN_HLEN) {
		dev->stats.tx_errors++;
		return -EMSGSIZE;
	}
	if (!(desc->status & E1000_TXD_STAT_DD)) {
		dev->stats
			.tx_dropped++; /* all TX_RING_SIZE still on their way */
		return -EBUSY;
	}
	for (int i = 0; i < nfrags; i++) {
		memcpy(buf + off, frags[i].data, frags[i].len);
		off += frags[i].len;
	}
	desc->length = len;
	desc->cmd = E1000_TXD_CMD_EOP | E1000_TXD_CMD_IFCS | E1000_TXD_CMD_RS;
	desc->status = 0;
	a->tx_next = (a->tx_next + 1) % TX_RING_SIZE;
	ew32(a, E1000_TDT, a->tx_next);
	dev->stats.tx_packets++;
	dev->stats.tx_bytes += len;
	return 0;
}

/* The card's error counters (cleared by reading) added to what the driver counted. */
static void e1000_update_stats(struct net_device *dev)
{
	struct e1000_adapter *a = dev->priv;
	uint32_t crc = er32(a, E1000_CRCERRS), align = er32(a, E1000_ALGNERRC);
	uint32_t rxerr = er32(a, E1000_RXERRC), ruc = er32(a, E1000_RUC);
	uint32_t roc = er32(a, E1000_ROC), mpc = er32(a, E1000_MPC);
	uint32_t rnbc = er32(a, E1000_RNBC);

	dev->stats.rx_errors += crc + align + rxerr + ruc + roc;
	dev->stats.rx_crc_errors += crc;
	dev->stats.rx_frame_errors += align;
	dev->stats.rx_length_errors += ruc + roc;
	dev->stats.rx_missed_errors += mpc;
	dev->stats.rx_fifo_errors += mpc;
	dev->stats.rx_over_errors += rnbc;
}

static const struct net_device_ops e1000_netdev_ops = {
	.ndo_start_xmit = e1000_xmit_frame,
	.ndo_poll = e1000_poll,
	.ndo_get_stats = e1000_update_stats,
};

static int e1000_setup_rings(struct e1000_adapter *a)
{
	unsigned long rx_phys =
		alloc_pages(RX_RING_SIZE * E1000_RXBUFFER / PAGE_SIZE);
	unsigned long tx_phys =
		alloc_pages(TX_RING_SIZE * E1000_RXBUFFER / PAGE_SIZE);
	unsigned char *rings =
		get_zeroed_page(); /* both rings: 1 KiB + 512 bytes */

	if (!rx_phys || !tx_phys || !rings)
		return -ENOMEM;
	a->rx_ring = (struct e1000_rx_desc *)rings;
	a->tx_ring = (struct e1000_tx_desc *)(rings + 2048);
	a->rx_buf = phys_to_virt(rx_phys);
	a->tx_buf = phys_to_virt(tx_phys);
	for (int i = 0; i < RX_RING_SIZE; i++)
		a->rx_ring[i].buffer_addr = rx_phys + i * E1000_RXBUFFER;
	for (int i = 0; i < TX_RING_SIZE; i++) {
		a->tx_ring[i].buffer_addr = tx_phys + i * E1000_RXBUFFER;
		a->tx_ring[i].status = E1000_TXD_STAT_DD; /* free */
	}

	ew32(a, E1000_TDBAL, virt_to_phys(a->tx_ring));
	ew32(a, E1000_TDBAH, 0);
	ew32(a, E1000_TDLEN, TX_RING_SIZE * sizeof(struct e1000_tx_desc));
	ew32(a, E1000_TDH, 0);
	ew32(a, E1000_TDT, 0);
	ew32(a, E1000_TIPG, E1000_TIPG_DEFAULT);
	ew32(a, E1000_TCTL,
	     E1000_TCTL_EN | E1000_TCTL_PSP | E1000_TCTL_CT | E1000_TCTL_COLD);

	ew32(a, E1000_RDBAL, virt_to_phys(a->rx_ring));
	ew32(a, E1000_RDBAH, 0);
	ew32(a, E1000_RDLEN, RX_RING_SIZE * sizeof(struct e1000_rx_desc));
	ew32(a, E1000_RDH, 0);
	ew32(a, E1000_RDT, RX_RING_SIZE - 1); /* all but one for the card */
	ew32(a, E1000_RDTR, 0);
	/* our MAC and broadcast; no multicast, no promiscuous mode */
	ew32(a, E1000_RCTL,
	     E1000_RCTL_EN | E1000_RCTL_BAM | E1000_RCTL_SZ_2048 |
		     E1000_RCTL_SECRC);
	return 0;
}

static int e1000_probe(struct pci_dev *pdev)
{
	struct e1000_adapter *a = &adapters[nr_adapters];
	struct net_device *dev = &a->netdev;
	int err;

	a->pdev = pdev;
	pci_enable_device(pdev);
	pci_set_master(pdev); /* the rings are DMA */
	a->hw_addr = pci_ioremap_bar(pdev, 0);
	if (!a->hw_addr || !pdev->irq)
		return -ENODEV;

	/* a clean start: interrupts off, reset, interrupts off again */
	ew32(a, E1000_IMC, 0xffffffff);
	ew32(a, E1000_CTRL, er32(a, E1000_CTRL) | E1000_CTRL_RST);
	for (int i = 0; i < 100000 && (er32(a, E1000_CTRL) & E1000_CTRL_RST);
	     i++)
		;
	ew32(a, E1000_IMC, 0xffffffff);
	er32(a, E1000_ICR);

	e1000_read_mac_addr(a);
	ew32(a, E1000_RAL0,
	     dev->dev_addr[0] | dev->dev_addr[1] << 8 | dev->dev_addr[2] << 16 |
		     (uint32_t)dev->dev_addr[3] << 24);
	ew32(a, E1000_RAH0,
	     dev->dev_addr[4] | dev->dev_addr[5] << 8 | E1000_RAH_AV);
	for (int i = 0; i < 128; i++)
		ew32(a, E1000_MTA + 4 * i, 0);
	ew32(a, E1000_CTRL,
	     (er32(a, E1000_CTRL) | E1000_CTRL_SLU | E1000_CTRL_ASDE) &
		     ~(E1000_CTRL_LRST | E1000_CTRL_ILOS | E1000_CTRL_PHY_RST));
	err = e1000_setup_rings(a);
	if (err)
		return err;

	dev->mtu = ETH_DATA_LEN;
	dev->irq = pdev->irq;
	dev->mem_start = pci_resource_start(pdev, 0);
	dev->netdev_ops = &e1000_netdev_ops;
	dev->priv = a;
	err = register_netdev(dev);
	if (err)
		return err;
	pdev->driver = "e1000";
	nr_adapters++;
	if (nr_adapters == 1 || adapters[0].pdev->irq != pdev->irq) {
		err = request_irq(pdev->irq, e1000_intr);
		if (err)
			printk("e1000: %s: IRQ %d is taken (%d): polled only\n",
			       dev->name, pdev->irq, err);
	}
	ew32(a, E1000_IMS,
	     E1000_ICR_RXT0 | E1000_ICR_RXO | E1000_ICR_RXDMT0 |
		     E1000_ICR_RXSEQ | E1000_ICR_LSC);
	printk("e1000 0000:%02x:%02x.%d %s: Intel(R) PRO/1000 Network Connection, "
	       "%02x:%02x:%02x:%02x:%02x:%02x, mem 0x%lx, irq %d\n",
	       pdev->bus, PCI_SLOT(pdev->devfn), PCI_FUNC(pdev->devfn),
	       dev->name, dev->dev_addr[0], dev->dev_addr[1], dev->dev_addr[2],
	       dev->dev_addr[3], dev->dev_addr[4], dev->dev_addr[5],
	       dev->mem_start, dev->irq);
	e1000_check_link(a);
	return 0;
}

void e1000_init(void)
{
	struct pci_dev *pdev = NULL;

	while ((pdev = pci_get_device(0x8086, 0x100e, pdev)) &&
	       nr_adapters < E1000_MAX_CARDS) {
		int err = e1000_probe(pdev);
		if (err)
			printk("e1000: %02x:%02x.%d not started (%d)\n",
			       pdev->bus, PCI_SLOT(pdev->devfn),
			       PCI_FUNC(pdev->devfn), err);
	}
}
