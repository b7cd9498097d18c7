#!/bin/bash
# Boot a q35 machine under QEMU/TCG with the collect initramfs and keep what irqtopo-collect gathered.
#   boot.sh vtd|amdvi OUTDIR QEMU KERNEL INITRD [QEMU args...]
# The IOMMU kind picks the remapping unit and the kernel's switch for it; the devices are the same for
# both kinds, so that the two fixtures differ only in the firmware tables the IOMMU brings.
# Environment: QEMU_DATADIR (passed as -L), TIMEOUT (seconds, default 600).
set -u
KIND=$1; OUT=$2; QEMU=$3; KERNEL=$4; INITRD=$5; shift 5
case "$KIND" in
  vtd)   IOMMU=(-device intel-iommu,intremap=on); APPEND="console=ttyS0 intel_iommu=on"; STAMPED=no ;;
  # Linux turns AMD-Vi on by itself when IVRS is there. Under TCG the IOAPIC's interrupts through QEMU's
  # AMD-Vi never arrive: no_timer_check skips the early check that the timer ticks through the IOAPIC
  # (which panics otherwise), and irqtopo.kmsg has init.sh print through the kernel's log, not the serial
  # port's interrupt; printk.devkmsg=on lets it write more than ten lines
  amdvi) IOMMU=(-device amd-iommu,intremap=on)
         APPEND="console=ttyS0 no_timer_check printk.devkmsg=on irqtopo.kmsg"; STAMPED=yes ;;
  *) echo "boot.sh: IOMMU kind must be vtd or amdvi, not '$KIND'" >&2; exit 2 ;;
esac
mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd)
LOPT=(); [ -n "${QEMU_DATADIR:-}" ] && LOPT=(-L "$QEMU_DATADIR")
# interrupt remapping needs the split irqchip (the IOAPIC QEMU's own); the IOMMU comes before the
# devices it translates for
DEVICES=(-machine q35,kernel-irqchip=split "${IOMMU[@]}"
     -device virtio-net-pci,netdev=n0,romfile= -netdev user,id=n0
     -device e1000e,netdev=n1,romfile= -netdev user,id=n1
     -device edu
     -device pcie-root-port,id=rp1,chassis=1 -device pcie-pci-bridge,id=pbr,bus=rp1 -device edu,bus=pbr,addr=1
     -device pcie-root-port,id=rp2,chassis=2 -device igb,bus=rp2,netdev=n2,romfile= -netdev user,id=n2)
CMD=("$QEMU" "${LOPT[@]}" -accel tcg,thread=single -m 512M -smp 2 -nodefaults -display none -no-reboot
     -kernel "$KERNEL" -initrd "$INITRD" -append "$APPEND" -serial "file:$OUT/console.raw"
     "${DEVICES[@]}" "$@")
printf '%q ' "${CMD[@]}" > "$OUT/qemu-cmdline.txt"; echo >> "$OUT/qemu-cmdline.txt"
"$QEMU" "${LOPT[@]}" --version | head -1 > "$OUT/qemu-version.txt"
date -u +%Y-%m-%dT%H:%M:%SZ > "$OUT/date.txt"
START=$(date +%s)
timeout "${TIMEOUT:-600}" "${CMD[@]}" > "$OUT/qemu-stderr.txt" 2>&1
echo "boot.sh: QEMU ran $(( $(date +%s) - START )) s" >&2
# lines init.sh printed through the kernel's log carry its timestamp: take it off
UNSTAMP='s/^\[ *[0-9]+\.[0-9]+\] //'; [ "$STAMPED" = yes ] || UNSTAMP=''
tr -d '\r' < "$OUT/console.raw" | sed -E "$UNSTAMP" > "$OUT/console.txt"
section() { awk -v s="=====BEGIN $1=====" -v e="=====END $1=====" '$0==e{p=0} p{print} $0==s{p=1}' "$OUT/console.txt"; }
section collect-archive | base64 -d > "$OUT/collect.tar.gz"
section collect-log > "$OUT/collect-log.txt"
section dmesg-iommu > "$OUT/dmesg-iommu.txt"
rm -f "$OUT/console.raw"
