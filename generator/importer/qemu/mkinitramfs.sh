#!/bin/sh
# Build the initramfs that runs irqtopo-collect in a QEMU guest.
#   mkinitramfs.sh MODROOT KVER OUT.cpio.gz
# Needs: busybox, pciutils (lspci and its libraries are copied in), kmod, cpio, xz.
set -e
MODROOT=$1; KVER=$2; OUT=$3
HERE=$(cd "$(dirname "$0")" && pwd)
W=$(mktemp -d)
mkdir -p $W/bin $W/sbin $W/usr/bin $W/usr/share/misc $W/proc $W/sys $W/dev $W/mods $W/tmp
cp /bin/busybox $W/bin/busybox
for a in $(/bin/busybox --list); do [ "$a" = busybox ] || ln -sf busybox $W/bin/$a; done
cp /usr/bin/lspci $W/usr/bin/lspci
for lib in $(ldd /usr/bin/lspci | awk '/=>/ {print $3} /^\t\/lib/ {print $1}'); do
  mkdir -p "$W$(dirname "$lib")"; cp -L "$lib" "$W$lib"
done
cp /usr/share/misc/pci.ids $W/usr/share/misc/pci.ids
cp "$HERE/../../cli/src/main/sh/irqtopo-collect" $W/irqtopo-collect; chmod +x $W/irqtopo-collect
cp "$HERE/init.sh" $W/init; chmod +x $W/init
: > $W/modules.list
for m in virtio_pci virtio_net e1000e igb; do
  modprobe -d "$MODROOT" -S "$KVER" --show-depends $m | awk '$1=="insmod"{print $2}'
done | awk '!seen[$0]++' | while read -r f; do
  b=$(basename "$f")
  case "$b" in
    *.ko.xz) xz -dc "$f" > $W/mods/${b%.xz}; b=${b%.xz} ;;
    *) cp "$f" $W/mods/$b ;;
  esac
  echo "$b" >> $W/modules.list
done
(cd $W && find . | cpio -o -H newc --quiet | gzip -9) > "$OUT"
rm -rf $W
echo "built $OUT"
