#!/bin/bash
# Reproduce every boot recorded in docs/observations/ (Debian bookworm amd64 host, as root).
#   tools/reproduce.sh [SCRATCH_DIR] [BOOT...]
# SCRATCH_DIR (default /work/evidence) receives packages, kernels, initramfs images and raw
# run output; the text results are written next to this script (../<boot>/).
# BOOT names: A-6.1 B-6.1 B2-6.1 C-6.1 D-6.1 E-6.1-xapic E-6.1-x2apic A-6.12 B-6.12 C-6.12 D-6.12 E-6.12-xapic
# (default: all). Each boot takes roughly 30-90 s under TCG.
set -e
TOOLS=$(cd "$(dirname "$0")" && pwd)
W=${1:-/work/evidence}; shift || true
DOCS=$(cd "$TOOLS/.." && pwd)
mkdir -p "$W" && cd "$W"

# ---- host packages (bookworm) --------------------------------------------------------------
apt-get install -y qemu-system-x86 linux-image-amd64 busybox-static gcc libc6-dev cpio xz-utils kmod python3 >/dev/null
K61V=$(ls /lib/modules | grep '^6\.1\.0-.*-amd64$' | sort -V | tail -1)

# ---- QEMU 10.0 and Linux 6.12 from bookworm-backports, unpacked locally (not installed) ----
if [ ! -x q10/root/usr/bin/qemu-system-x86_64 ] || [ ! -d k612 ]; then
  echo "deb http://deb.debian.org/debian bookworm-backports main" > /etc/apt/sources.list.d/observations-bpo.list
  apt-get update >/dev/null
  mkdir -p q10 bpo
  (cd q10 && apt-get download -t bookworm-backports qemu-system-x86 qemu-system-data qemu-system-common seabios)
  (cd bpo && apt-get download -t bookworm-backports linux-image-6.12.118+deb12-amd64-unsigned)
  rm -f /etc/apt/sources.list.d/observations-bpo.list; apt-get update >/dev/null
  for d in q10/*.deb; do dpkg-deb -x "$d" q10/root; done
  cp -n q10/root/usr/share/seabios/* q10/root/usr/share/qemu/
  dpkg-deb -x bpo/linux-image-6.12.118+deb12-amd64-unsigned_*.deb k612
fi
K612V=$(ls k612/lib/modules | head -1)
export QEMU_MODULE_DIR=$W/q10/root/usr/lib/x86_64-linux-gnu/qemu QEMU_DATADIR=$W/q10/root/usr/share/qemu
Q=$W/q10/root/usr/bin/qemu-system-x86_64
K61=/boot/vmlinuz-$K61V; K612=$W/k612/boot/vmlinuz-$K612V

# ---- initramfs images (the forge variant also carries forge.sh) -----------------------------
T=$(mktemp -d); cp "$TOOLS"/{irqprobe.c,init.sh,mkinitramfs.sh} "$T"
sh "$T/mkinitramfs.sh" / "$K61V" initrd-6.1.gz
sh "$T/mkinitramfs.sh" "$W/k612" "$K612V" initrd-6.12.gz
cp "$TOOLS/forge.sh" "$T"
sh "$T/mkinitramfs.sh" / "$K61V" initrd-6.1-forge.gz
sh "$T/mkinitramfs.sh" "$W/k612" "$K612V" initrd-6.12-forge.gz
rm -rf "$T"

# ---- boots ---------------------------------------------------------------------------------
# Single-threaded TCG: with multi-threaded TCG this QEMU aborted in iotlb_to_section().
export ACCEL=tcg,thread=single TIMEOUT=900
IOMMU_X="-machine q35,kernel-irqchip=split -device intel-iommu,intremap=on"
IOMMU_E="-machine q35,kernel-irqchip=split -cpu qemu64,+x2apic -device intel-iommu,intremap=on,eim=on"
DEVS="-device virtio-net-pci,netdev=n0,romfile= -netdev user,id=n0 -device e1000e,netdev=n1,romfile= -netdev user,id=n1 -device edu"
DEVS_E="${DEVS},dma_mask=0xffffffffffffffff"
TR="-trace vtd_ir_remap_msi_req -trace vtd_ir_irte_get -trace vtd_ir_remap -trace vtd_ir_remap_msi -trace apic_deliver_irq"
C="console=ttyS0 intel_iommu=on"; CF="console=ttyS0 intel_iommu=on iommu=pt irqforge=1"

SEL="$*"
run() { n=$1; shift; [ -n "$SEL" ] && [[ " $SEL " != *" $n "* ]] && return 0
        rm -rf runs/$n; mkdir -p runs/$n; echo "== $n"; "$TOOLS/run-boot.sh" runs/$n "$@"; }
run A-6.1  $Q $K61 initrd-6.1.gz "$C" 4 $IOMMU_X $DEVS
run B-6.1  $Q $K61 initrd-6.1.gz "$C" 4 $IOMMU_E $DEVS
LAPIC_IDS="0 16" run B2-6.1 $Q $K61 initrd-6.1.gz "$C" 1,sockets=2,cores=16,threads=1,maxcpus=32 $IOMMU_E \
   -device qemu64-x86_64-cpu,socket-id=1,core-id=0,thread-id=0 $DEVS
run C-6.1  $Q $K61 initrd-6.1.gz "$C" 9 $IOMMU_X $DEVS
run D-6.1  $Q $K61 initrd-6.1.gz "$C" 4 -machine q35 $DEVS
run E-6.1-xapic  $Q $K61 initrd-6.1-forge.gz "$CF" 4 $IOMMU_X $DEVS_E $TR -D runs/E-6.1-xapic/qemu-trace.log
run E-6.1-x2apic $Q $K61 initrd-6.1-forge.gz "$CF" 4 $IOMMU_E $DEVS_E $TR -D runs/E-6.1-x2apic/qemu-trace.log
run A-6.12 $Q $K612 initrd-6.12.gz "$C" 4 $IOMMU_X $DEVS
run B-6.12 $Q $K612 initrd-6.12.gz "$C" 4 $IOMMU_E $DEVS
run C-6.12 $Q $K612 initrd-6.12.gz "$C" 9 $IOMMU_X $DEVS
run D-6.12 $Q $K612 initrd-6.12.gz "$C" 4 -machine q35 $DEVS
run E-6.12-xapic $Q $K612 initrd-6.12-forge.gz "$CF" 4 $IOMMU_X $DEVS_E $TR -D runs/E-6.12-xapic/qemu-trace.log

# ---- text results ----------------------------------------------------------------------------
W="$W" DOCS="$DOCS" "$TOOLS/finalize.sh"
