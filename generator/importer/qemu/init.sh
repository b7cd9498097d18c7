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
echo "=====BEGIN collect-log====="
/irqtopo-collect -o /tmp/collect.tar.gz 2>&1
echo "=====END collect-log====="
echo "=====BEGIN collect-archive====="
base64 /tmp/collect.tar.gz
echo "=====END collect-archive====="
echo "=====BEGIN dmesg-iommu====="
dmesg | grep -iE "DMAR|AMD-Vi|IVRS|iommu|remapping|x2apic"
echo "=====END dmesg-iommu====="
echo "=====GUEST-DONE====="
poweroff -f
