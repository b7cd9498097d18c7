#!/bin/bash
# Boot one configuration under QEMU/TCG and collect the guest's printout plus
# QEMU monitor reads (VT-d registers, the interrupt remapping table, IOAPIC and
# local APIC state).
#   run-boot.sh OUTDIR QEMU KERNEL INITRD "KERNEL CMDLINE" SMP [extra QEMU args...]
# Environment: QEMU_DATADIR (passed as -L), TIMEOUT (seconds, default 1500).
set -u
OUT=$1; QEMU=$2; KERNEL=$3; INITRD=$4; APPEND=$5; SMP=$6; shift 6
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd)
rm -f "$OUT/console.raw" "$OUT/mon.sock" "$OUT/irt.bin" "$OUT/monitor.txt"
LOPT=(); [ -n "${QEMU_DATADIR:-}" ] && LOPT=(-L "$QEMU_DATADIR")
CMD=("$QEMU" "${LOPT[@]}" -accel "${ACCEL:-tcg}" -m 512M -smp "$SMP" -nodefaults -display none -no-reboot
     -kernel "$KERNEL" -initrd "$INITRD" -append "$APPEND"
     -serial "file:$OUT/console.raw" -monitor "unix:$OUT/mon.sock,server,nowait" "$@")
printf '%q ' "${CMD[@]}" > "$OUT/qemu-cmdline.txt"; echo >> "$OUT/qemu-cmdline.txt"
"$QEMU" "${LOPT[@]}" --version | head -1 > "$OUT/qemu-version.txt"
date -u +%Y-%m-%dT%H:%M:%SZ > "$OUT/date.txt"
"${CMD[@]}" > "$OUT/qemu-stderr.txt" 2>&1 &
QPID=$!
T0=$(date +%s); TO=${TIMEOUT:-1500}
while kill -0 $QPID 2>/dev/null; do
  grep -q "=====GUEST-WAITING=====" "$OUT/console.raw" 2>/dev/null && break
  [ $(( $(date +%s) - T0 )) -gt $TO ] && { echo "timeout" >> "$OUT/qemu-stderr.txt"; kill $QPID; break; }
  sleep 5
done
echo "guest ready after $(( $(date +%s) - T0 ))s" | tee -a "$OUT/qemu-stderr.txt"
if kill -0 $QPID 2>/dev/null; then
  M="$HERE/hmp.py $OUT/mon.sock"
  R=0xfed90000
  regs=()
  for o in 0x0 0x8 0x10 0x18 0x1c 0x20 0x34 0x38 0x3c 0x40 0x44 0xb8; do
    regs+=("xp /1gx $(printf 0x%x $((R + o)))")
  done
  $M "info version" "info pci" "info pic" "${regs[@]}" >> "$OUT/monitor.txt"
  # MSI-X tables as the device model holds them (also for BARs the guest cannot map)
  grep -a "MSI-X table at BAR" "$OUT/console.raw" | sed 's/.*phys \(0x[0-9a-f]*\)), \([0-9]*\) entries.*/\1 \2/' |
  while read -r PA NE; do $M "xp /$((NE * 4))wx $PA" >> "$OUT/monitor.txt"; done
  # APIC IDs to dump: LAPIC_IDS (space separated) or 0..N-1 for a plain "-smp N"
  for a in ${LAPIC_IDS:-$(seq 0 $((${SMP%%,*} - 1)))}; do $M "info lapic $a" >> "$OUT/monitor.txt"; done
  # fault recording registers: CAP.FRO (bits 33:24) * 16, CAP.NFR (47:40) + 1 entries
  CAP=$($M "xp /1gx $(printf 0x%x $((R + 8)))" | awk '/fed90008:/ && $2 ~ /^0x/{print $2}')
  if [ -n "$CAP" ]; then
    FRO=$(( ((CAP >> 24) & 0x3ff) * 16 )); NFR=$(( ((CAP >> 40) & 0xff) + 1 ))
    $M "xp /$((NFR * 2))gx $(printf 0x%x $((R + FRO)))" >> "$OUT/monitor.txt"
  fi
  IRTA=$($M "xp /1gx $(printf 0x%x $((R + 0xb8)))" | awk '/fed900b8:/ && $2 ~ /^0x/{print $2}')
  if [ -n "$IRTA" ] && [ $((IRTA & ~0xfff)) -ne 0 ]; then
    BASE=$((IRTA & ~0xfff)); N=$(( 1 << ((IRTA & 0xf) + 1) ))
    $M "pmemsave $BASE $((N * 16)) \"$OUT/irt.bin\"" >> "$OUT/monitor.txt"
    echo "IRTA=$IRTA base=$(printf 0x%x $BASE) entries=$N" >> "$OUT/monitor.txt"
  else
    echo "IRTA=${IRTA:-unreadable}: no interrupt remapping table" >> "$OUT/monitor.txt"
  fi
  $M "quit" > /dev/null
fi
wait $QPID 2>/dev/null
echo "qemu exited" >> "$OUT/qemu-stderr.txt"
