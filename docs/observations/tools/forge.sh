#!/bin/sh
# Forged interrupt messages sent by QEMU's edu device (a function with no Linux
# driver, so Linux programmed no IRTE for it). Every case is sent twice:
#   msi: edu's own MSI capability is programmed with the message and edu raises
#        its interrupt (QEMU tags this write with edu's requester id);
#   dma: edu's DMA engine writes the data word to the address (QEMU issues DMA
#        without a requester id, see faults.txt).
# A pause follows each write so that Linux's DMAR fault handler runs.
EDU=$(for d in /sys/bus/pci/devices/*; do [ "$(cat $d/vendor):$(cat $d/device)" = "0x1234:0x11e8" ] && echo ${d##*/}; done | head -1)
[ -n "$EDU" ] || { echo "no edu device"; exit 1; }
# handle h, shv s -> address 0xFEE00000 | (h & 0x7fff) << 5 | 0x10 (remappable) | s << 3 | (h >> 15) << 2
ra() { printf '0x%x' $(( 0xFEE00000 | (($1 & 0x7fff) << 5) | 0x10 | ($2 << 3) | ((($1 >> 15) & 1) << 2) )); }
f() {  # label method address data
  echo "--- forge $1 via $2: address=$3 data=$4"
  dmesg -c > /dev/null
  /bin/irqprobe edu-$2 $EDU $3 $4
  sleep 3
  echo "dmesg after forge $1 via $2:"; dmesg | sed 's/^/  /'
}
for how in msi dma; do
  f F1-nonpresent-index   $how $(ra 0x1000 0) 0x0
  f F2-shv-sum-over-16bit $how $(ra 0xffff 1) 0x10
  f F3-virtio-entry       $how $(ra 16 0) 0x0
  f F4-ioapic-entry       $how $(ra 0 0) 0x0
  f F5-shv-subhandle      $how $(ra 16 1) 0x2
  f F7-compat-physical    $how 0xfee00000 0xd1
  f F8-compat-logical     $how 0xfee0100c 0xd2
  f F9-ahci-entry         $how $(ra 24 0) 0x0
  f F10-nonpresent-bit15  $how $(ra 0x8123 0) 0x0
done
f F6-shv-data-bits-31-16 dma $(ra 16 1) 0x10000
