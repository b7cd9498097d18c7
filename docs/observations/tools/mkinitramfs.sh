#!/bin/sh
# Build the observation initramfs for one kernel.
#   mkinitramfs.sh MODROOT KVER OUT.cpio.gz
# MODROOT is the directory holding lib/modules/KVER ("/" for the installed
# kernel, or a dpkg-deb -x extraction of another linux-image package).
# Needs: busybox-static, gcc (static glibc), kmod (modprobe, depmod), cpio, xz.
set -e
MODROOT=$1; KVER=$2; OUT=$3
HERE=$(cd "$(dirname "$0")" && pwd)
W=$(mktemp -d)
mkdir -p $W/bin $W/sbin $W/proc $W/sys $W/dev $W/mods $W/tmp
cp /bin/busybox $W/bin/busybox
for a in $(/bin/busybox --list); do [ "$a" = busybox ] || ln -sf busybox $W/bin/$a; done
gcc -O2 -static -o $W/bin/irqprobe "$HERE/irqprobe.c"
cp "$HERE/init.sh" $W/init; chmod +x $W/init
[ -f "$HERE/forge.sh" ] && { cp "$HERE/forge.sh" $W/forge.sh; chmod +x $W/forge.sh; }
[ -f "$MODROOT/lib/modules/$KVER/modules.dep" ] || depmod -b "$MODROOT" "$KVER"
: > $W/modules.list
for m in virtio_pci virtio_net e1000e ahci; do
  modprobe -d "$MODROOT" -S "$KVER" --show-depends $m | awk '$1=="insmod"{print $2}'
done | awk '!seen[$0]++' | while read -r f; do
  b=$(basename "$f")
  case "$b" in
    *.ko.xz) xz -dc "$f" > $W/mods/${b%.xz}; b=${b%.xz} ;;
    *.ko.zst) zstd -dc "$f" > $W/mods/${b%.zst}; b=${b%.zst} ;;
    *) cp "$f" $W/mods/$b ;;
  esac
  echo "$b" >> $W/modules.list
done
(cd $W && find . | cpio -o -H newc --quiet | gzip -9) > "$OUT"
rm -rf $W
echo "built $OUT"
