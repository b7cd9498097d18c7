#!/bin/sh
# Guest /init: load a few PCI drivers, print interrupt state between
# "=====BEGIN name=====" / "=====END name=====" markers on the serial
# console, optionally run forged interrupt writes, then wait so that the host
# can read QEMU's monitor, and power off.
export PATH=/bin:/sbin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t debugfs none /sys/kernel/debug 2>/dev/null
dmesg -n 1   # keep kernel messages off the console while sections are printed

for m in $(cat /modules.list); do insmod /mods/$m; done
sleep 3
for n in /sys/class/net/*; do ip link set "${n##*/}" up 2>/dev/null; done
sleep 3

B() { echo "=====BEGIN $1====="; }
E() { echo "=====END $1====="; }

B uname; uname -a; uname -r; E uname
B cmdline; cat /proc/cmdline; E cmdline
B cpuinfo; grep -E "^(processor|apicid|initial apicid)" /proc/cpuinfo; if grep -qw x2apic /proc/cpuinfo; then echo "cpu flags include x2apic"; else echo "cpu flags lack x2apic"; fi; E cpuinfo
B dmesg-irq
dmesg | grep -iE "DMAR|IR table|x2apic|APIC routing|apic|IOAPIC|IO-APIC|remapping|irq|msi|intremap|iommu|vector"
E dmesg-irq
B interrupts; cat /proc/interrupts; E interrupts
B sys-kernel-irq
for d in $(ls -d /sys/kernel/irq/* | sort -t/ -k5 -n); do
  i=${d##*/}
  printf 'irq %s: name=%s chip=%s hwirq=%s type=%s actions=%s smp_affinity=%s effective=%s\n' "$i" \
    "$(cat $d/name 2>/dev/null)" "$(cat $d/chip_name 2>/dev/null)" "$(cat $d/hwirq 2>/dev/null)" \
    "$(cat $d/type 2>/dev/null)" "$(cat $d/actions 2>/dev/null)" \
    "$(cat /proc/irq/$i/smp_affinity_list 2>/dev/null)" "$(cat /proc/irq/$i/effective_affinity_list 2>/dev/null)"
done
E sys-kernel-irq
B pci-sysfs
for d in /sys/bus/pci/devices/*; do
  printf '%s vendor=%s device=%s class=%s irq=%s driver=%s msi_irqs=%s\n' "${d##*/}" "$(cat $d/vendor)" \
    "$(cat $d/device)" "$(cat $d/class)" "$(cat $d/irq)" \
    "$( [ -e $d/driver ] && basename $(readlink $d/driver) || echo none)" \
    "$(ls $d/msi_irqs 2>/dev/null | sort -n | tr '\n' ' ')"
  for f in $d/msi_irqs/*; do [ -e "$f" ] && echo "  msi_irqs/${f##*/}: $(cat $f)"; done
done
E pci-sysfs
B pci-msi; /bin/irqprobe pci; E pci-msi
B debugfs
ls /sys/kernel/debug/ 2>&1; ls /sys/kernel/debug/irq 2>&1; ls /sys/kernel/debug/iommu 2>&1
E debugfs
if grep -q irqforge=1 /proc/cmdline && [ -x /forge.sh ]; then
  dmesg > /tmp/dmesg.before-forge   # forge.sh clears the ring buffer between writes
  B forge; /forge.sh 2>&1; E forge
  B dmesg-after-forge; dmesg | grep -iE "DMAR|fault|INTR-REMAP|edu"; E dmesg-after-forge
  B interrupts-after-forge; cat /proc/interrupts; E interrupts-after-forge
fi
B dmesg-full; [ -f /tmp/dmesg.before-forge ] && cat /tmp/dmesg.before-forge; dmesg; E dmesg-full
echo "=====GUEST-WAITING====="
sleep 1200
poweroff -f
