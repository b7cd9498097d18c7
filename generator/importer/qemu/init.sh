#!/bin/sh
# Guest /init: run irqtopo-collect as a user would, print its archive in base64 between markers on the
# serial console, and power off.
export PATH=/bin:/sbin:/usr/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
dmesg -n 1
for m in $(cat /modules.list); do insmod /mods/$m 2>/dev/null; done
sleep 2
# an SR-IOV function, when there is one: enable two VFs so that lspci shows them
for f in /sys/bus/pci/devices/*/sriov_numvfs; do [ -e "$f" ] && echo 2 > "$f"; done
sleep 2
cd /tmp
# before anything is printed: through the kernel's log, the printed lines would show in dmesg too
dmesg | grep -iE "DMAR|AMD-Vi|IVRS|iommu|remapping|x2apic" > /tmp/dmesg-iommu.txt
# With irqtopo.kmsg on the kernel command line the lines go through the kernel's log, which the console
# prints by polling: under QEMU's AMD-Vi with TCG the serial port's interrupt never arrives, and a write
# to the console from here would wait for it forever. One write is one record of the log.
if grep -qw irqtopo.kmsg /proc/cmdline; then
  exec 3>/dev/kmsg
  emit() { while IFS= read -r line; do echo "<8>$line" >&3; done; }  # user facility, level 0: past dmesg -n 1
else
  emit() { cat; }
fi
{
echo "=====BEGIN collect-log====="
/irqtopo-collect -o /tmp/collect.tar.gz 2>&1
echo "=====END collect-log====="
echo "=====BEGIN collect-archive====="
base64 /tmp/collect.tar.gz
echo "=====END collect-archive====="
echo "=====BEGIN dmesg-iommu====="
cat /tmp/dmesg-iommu.txt
echo "=====END dmesg-iommu====="
echo "=====GUEST-DONE====="
} 2>&1 | emit
poweroff -f
