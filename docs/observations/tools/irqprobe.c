/*
 * irqprobe: tiny static helper for the guest initramfs.
 *
 *   irqprobe pci
 *       For every PCI function: header fields, capability list, the MSI
 *       capability registers and the MSI-X table entries (read by mmap of the
 *       BAR's sysfs resource file), each message decoded as x86 MSI.
 *   irqprobe edu-dma BDF ADDR DATA
 *       Make QEMU's "edu" device write the 32-bit DATA to bus address ADDR by
 *       DMA: DATA is placed in a locked RAM page (physical address from
 *       /proc/self/pagemap; needs an identity DMA mapping, e.g. iommu=pt),
 *       copied into edu's buffer (RAM -> device) and then written out
 *       (device -> ADDR).
 *   irqprobe edu-msi BDF ADDR DATA
 *       Program edu's MSI capability with ADDR/DATA by config-space writes,
 *       enable MSI and ask edu to raise its interrupt (register 0x60).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static void decode(uint32_t lo, uint32_t hi, uint32_t data)
{
	if ((lo >> 20) != 0xfee) {
		printf("      not an interrupt address (addr[31:20]=0x%03x)\n", lo >> 20);
		return;
	}
	if (lo & 0x10) {
		unsigned handle = ((lo >> 5) & 0x7fff) | (((lo >> 2) & 1) << 15);
		unsigned shv = (lo >> 3) & 1;
		printf("      remappable: handle=%u (0x%x) SHV=%u subhandle=0x%x%s addr_hi=0x%08x\n",
		       handle, handle, shv, data,
		       shv ? "" : " (ignored, SHV=0)", hi);
	} else {
		printf("      compatibility: DM=%s RH=%u dest=0x%02x ext_dest(11:5)=0x%02x addr_hi=0x%08x "
		       "vector=0x%02x delivery=%u level=%u trigger=%s\n",
		       (lo >> 2) & 1 ? "logical" : "physical", (lo >> 3) & 1,
		       (lo >> 12) & 0xff, (lo >> 5) & 0x7f, hi, data & 0xff,
		       (data >> 8) & 7, (data >> 14) & 1,
		       (data >> 15) & 1 ? "level" : "edge");
	}
}

static int read_file(const char *path, void *buf, size_t len)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	ssize_t n = pread(fd, buf, len, 0);
	close(fd);
	return (int)n;
}

static uint64_t bar_start(const char *dev, int bar)
{
	char path[512], line[256];
	snprintf(path, sizeof path, "/sys/bus/pci/devices/%s/resource", dev);
	FILE *f = fopen(path, "r");
	uint64_t s = 0, e = 0, fl = 0;
	if (!f)
		return 0;
	for (int i = 0; i <= bar && fgets(line, sizeof line, f); i++)
		sscanf(line, "%lx %lx %lx", &s, &e, &fl);
	fclose(f);
	return s;
}

static void dump_msix_table(const char *dev, int bir, uint32_t off, unsigned n)
{
	char path[512];
	snprintf(path, sizeof path, "/sys/bus/pci/devices/%s/resource%d", dev, bir);
	uint64_t phys = bar_start(dev, bir) + off;
	printf("    MSI-X table at BAR%d+0x%x (phys 0x%lx), %u entries:\n", bir, off, phys, n);
	int fd = open(path, O_RDWR | O_SYNC);
	if (fd < 0) {
		printf("    MSI-X table: cannot open %s\n", path);
		return;
	}
	size_t pg = off & ~0xfffu, len = (off - pg) + n * 16;
	len = (len + 0xfff) & ~0xfffu;
	volatile uint32_t *m = mmap(NULL, len, PROT_READ, MAP_SHARED, fd, pg);
	if (m == MAP_FAILED) {
		printf("    MSI-X table: mmap of %s failed (BAR claimed exclusively by its driver?)\n", path);
		close(fd);
		return;
	}
	for (unsigned i = 0; i < n; i++) {
		volatile uint32_t *e = m + (off - pg) / 4 + i * 4;
		uint32_t lo = e[0], hi = e[1], data = e[2], ctl = e[3];
		printf("    entry %u: addr_lo=0x%08x addr_hi=0x%08x data=0x%08x vector_ctrl=0x%08x%s\n",
		       i, lo, hi, data, ctl, ctl & 1 ? " (masked)" : "");
		if (lo || hi || data)
			decode(lo, hi, data);
	}
	munmap((void *)m, len);
	close(fd);
}

static void one_dev(const char *dev)
{
	char path[512];
	uint8_t c[4096];
	memset(c, 0, sizeof c);
	snprintf(path, sizeof path, "/sys/bus/pci/devices/%s/config", dev);
	int n = read_file(path, c, sizeof c);
	if (n < 64) {
		printf("%s: config read failed\n", dev);
		return;
	}
#define R16(o) ((uint16_t)(c[o] | c[(o) + 1] << 8))
#define R32(o) ((uint32_t)(R16(o) | (uint32_t)R16((o) + 2) << 16))
	printf("== %s vendor=%04x device=%04x class=%06x command=0x%04x status=0x%04x "
	       "header=0x%02x int_line=%u int_pin=%u cfg_bytes=%d\n",
	       dev, R16(0), R16(2), R32(8) >> 8, R16(4), R16(6), c[0xe], c[0x3c], c[0x3d], n);
	if (!(R16(6) & 0x10))
		return;
	unsigned p = c[0x34] & 0xfc, guard = 0;
	while (p && guard++ < 48) {
		unsigned id = c[p], next = c[p + 1] & 0xfc;
		printf("  cap 0x%02x at 0x%02x\n", id, p);
		if (id == 0x05) {
			uint16_t ctl = R16(p + 2);
			int is64 = ctl & 0x80, pvm = ctl & 0x100;
			uint32_t lo = R32(p + 4), hi = is64 ? R32(p + 8) : 0;
			uint16_t data = R16(p + (is64 ? 12 : 8));
			printf("    MSI: control=0x%04x enable=%u multiple_capable=%u multiple_enable=%u "
			       "64bit=%u per_vector_mask=%u\n",
			       ctl, ctl & 1, 1 << ((ctl >> 1) & 7), 1 << ((ctl >> 4) & 7), !!is64, !!pvm);
			printf("    MSI: addr_lo=0x%08x addr_hi=0x%08x data=0x%04x", lo, hi, data);
			if (pvm)
				printf(" mask=0x%08x pending=0x%08x", R32(p + (is64 ? 16 : 12)),
				       R32(p + (is64 ? 20 : 16)));
			printf("\n");
			if (lo || data)
				decode(lo, hi, data);
		} else if (id == 0x11) {
			uint16_t ctl = R16(p + 2);
			uint32_t t = R32(p + 4), pba = R32(p + 8);
			unsigned size = (ctl & 0x7ff) + 1;
			printf("    MSI-X: control=0x%04x table_size=%u enable=%u function_mask=%u "
			       "table=BAR%u+0x%x pba=BAR%u+0x%x\n",
			       ctl, size, ctl >> 15, (ctl >> 14) & 1, t & 7, t & ~7u, pba & 7, pba & ~7u);
			dump_msix_table(dev, t & 7, t & ~7u, size);
		}
		p = next;
	}
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmd_pci(void)
{
	DIR *d = opendir("/sys/bus/pci/devices");
	struct dirent *e;
	char *names[256];
	int n = 0;
	if (!d)
		return 1;
	while ((e = readdir(d)) && n < 256)
		if (e->d_name[0] != '.')
			names[n++] = strdup(e->d_name);
	closedir(d);
	qsort(names, n, sizeof names[0], cmp);
	for (int i = 0; i < n; i++)
		one_dev(names[i]);
	return 0;
}

static int cfg_rw(const char *dev, int wr, unsigned off, void *buf, size_t len)
{
	char path[512];
	snprintf(path, sizeof path, "/sys/bus/pci/devices/%s/config", dev);
	int fd = open(path, O_RDWR);
	if (fd < 0)
		return -1;
	ssize_t r = wr ? pwrite(fd, buf, len, off) : pread(fd, buf, len, off);
	close(fd);
	return r == (ssize_t)len ? 0 : -1;
}

static volatile uint32_t *edu_map(const char *dev)
{
	char path[512];
	snprintf(path, sizeof path, "/sys/bus/pci/devices/%s/enable", dev);
	FILE *f = fopen(path, "w");
	if (f) {
		fputs("1", f);
		fclose(f);
	}
	uint16_t cmd;
	cfg_rw(dev, 0, 4, &cmd, 2);
	cmd |= 0x6; /* memory space + bus master */
	cfg_rw(dev, 1, 4, &cmd, 2);
	snprintf(path, sizeof path, "/sys/bus/pci/devices/%s/resource0", dev);
	int fd = open(path, O_RDWR | O_SYNC);
	if (fd < 0) {
		perror("open resource0");
		exit(1);
	}
	void *m = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (m == MAP_FAILED) {
		perror("mmap resource0");
		exit(1);
	}
	return m;
}

static void w64(volatile uint32_t *m, unsigned off, uint64_t v)
{
	m[off / 4] = (uint32_t)v;
	m[off / 4 + 1] = (uint32_t)(v >> 32);
}

static int edu_wait(volatile uint32_t *m)
{
	for (int i = 0; i < 400; i++) {
		if (!(m[0x98 / 4] & 1))
			return 0;
		usleep(10000);
	}
	return -1;
}

static int cmd_edu_dma(const char *dev, uint64_t addr, uint32_t data)
{
	volatile uint32_t *m = edu_map(dev);
	printf("edu %s: id=0x%08x\n", dev, m[0]);
	uint32_t *buf = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_LOCKED,
			     -1, 0);
	buf[0] = data;
	int pm = open("/proc/self/pagemap", O_RDONLY);
	uint64_t ent = 0;
	pread(pm, &ent, 8, ((uintptr_t)buf / 4096) * 8);
	close(pm);
	if (!(ent >> 63) || !(ent & ((1ULL << 55) - 1))) {
		printf("pagemap gave no frame (0x%lx)\n", ent);
		return 1;
	}
	uint64_t phys = (ent & ((1ULL << 55) - 1)) * 4096;
	/* RAM -> edu buffer at 0x40000 */
	w64(m, 0x80, phys);
	w64(m, 0x88, 0x40000);
	w64(m, 0x90, 4);
	m[0x98 / 4] = 1;
	if (edu_wait(m)) {
		printf("edu DMA in timed out\n");
		return 1;
	}
	/* edu buffer -> target address */
	w64(m, 0x80, 0x40000);
	w64(m, 0x88, addr);
	w64(m, 0x90, 4);
	m[0x98 / 4] = 3;
	if (edu_wait(m)) {
		printf("edu DMA out timed out\n");
		return 1;
	}
	printf("edu %s: DMA wrote data=0x%08x to 0x%lx (source page phys 0x%lx)\n", dev, data, addr, phys);
	decode((uint32_t)addr, (uint32_t)(addr >> 32), data);
	return 0;
}

static int cmd_edu_msi(const char *dev, uint64_t addr, uint32_t data)
{
	volatile uint32_t *m = edu_map(dev);
	uint8_t c[256];
	cfg_rw(dev, 0, 0, c, 256);
	unsigned p = c[0x34] & 0xfc;
	while (p && c[p] != 0x05)
		p = c[p + 1] & 0xfc;
	if (!p) {
		printf("edu %s: no MSI capability\n", dev);
		return 1;
	}
	uint16_t ctl = c[p + 2] | c[p + 3] << 8;
	uint32_t lo = (uint32_t)addr, hi = (uint32_t)(addr >> 32);
	uint16_t d16 = (uint16_t)data;
	cfg_rw(dev, 1, p + 4, &lo, 4);
	if (ctl & 0x80) {
		cfg_rw(dev, 1, p + 8, &hi, 4);
		cfg_rw(dev, 1, p + 12, &d16, 2);
	} else {
		cfg_rw(dev, 1, p + 8, &d16, 2);
	}
	ctl |= 1;
	cfg_rw(dev, 1, p + 2, &ctl, 2);
	m[0x60 / 4] = 1; /* raise interrupt */
	usleep(100000);
	m[0x64 / 4] = 1; /* acknowledge */
	ctl &= ~1;
	cfg_rw(dev, 1, p + 2, &ctl, 2);
	printf("edu %s: MSI wrote data=0x%04x to 0x%lx\n", dev, d16, addr);
	decode(lo, hi, d16);
	return 0;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc >= 2 && !strcmp(argv[1], "pci"))
		return cmd_pci();
	if (argc == 5 && !strcmp(argv[1], "edu-dma"))
		return cmd_edu_dma(argv[2], strtoull(argv[3], 0, 0), strtoul(argv[4], 0, 0));
	if (argc == 5 && !strcmp(argv[1], "edu-msi"))
		return cmd_edu_msi(argv[2], strtoull(argv[3], 0, 0), strtoul(argv[4], 0, 0));
	fprintf(stderr, "usage: irqprobe pci | edu-dma BDF ADDR DATA | edu-msi BDF ADDR DATA\n");
	return 2;
}
