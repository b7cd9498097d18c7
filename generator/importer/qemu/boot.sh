#!/bin/bash
# Boot a q35 machine under QEMU/TCG with the collect initramfs and keep what irqtopo-collect gathered.
#   boot.sh OUTDIR QEMU KERNEL INITRD "KERNEL CMDLINE" [QEMU args...]
# Environment: QEMU_DATADIR (passed as -L), TIMEOUT (seconds, default 600).
set -u
OUT=$1; QEMU=$2; KERNEL=$3; INITRD=$4; APPEND=$5; shift 5
mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd)
LOPT=(); [ -n "${QEMU_DATADIR:-}" ] && LOPT=(-L "$QEMU_DATADIR")
CMD=("$QEMU" "${LOPT[@]}" -accel tcg,thread=single -m 512M -smp 2 -nodefaults -display none -no-reboot
     -kernel "$KERNEL" -initrd "$INITRD" -append "$APPEND" -serial "file:$OUT/console.raw" "$@")
printf '%q ' "${CMD[@]}" > "$OUT/qemu-cmdline.txt"; echo >> "$OUT/qemu-cmdline.txt"
"$QEMU" "${LOPT[@]}" --version | head -1 > "$OUT/qemu-version.txt"
date -u +%Y-%m-%dT%H:%M:%SZ > "$OUT/date.txt"
timeout "${TIMEOUT:-600}" "${CMD[@]}" > "$OUT/qemu-stderr.txt" 2>&1
tr -d '\r' < "$OUT/console.raw" > "$OUT/console.txt"
section() { awk -v s="=====BEGIN $1=====" -v e="=====END $1=====" '$0==e{p=0} p{print} $0==s{p=1}' "$OUT/console.txt"; }
section collect-archive | base64 -d > "$OUT/collect.tar.gz"
section collect-log > "$OUT/collect-log.txt"
section dmesg-iommu > "$OUT/dmesg-iommu.txt"
rm -f "$OUT/console.raw"
