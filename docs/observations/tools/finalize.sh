#!/bin/bash
# Convert raw runs (W/runs/<run>) into DOCS/<boot>/ text directories.
W=${W:-/work/evidence}; DOCS=${DOCS:-/work/main/docs/observations}
TOOLS=$(cd "$(dirname "$0")" && pwd)
cd "$W"
P61="Debian bookworm package linux-image-6.1.0-57-amd64, version 6.1.192-3"
P612="Debian bookworm-backports package linux-image-6.12.118+deb12-amd64-unsigned, version 6.12.118-1~deb12u1"
c() { [ -f runs/$1/console.raw ] && python3 "$TOOLS/collect.py" runs/$1 "$DOCS/$2" "$3" "$4"; }
c A-6.1        linux-6.1-q35-vtd-xapic-smp4      "Linux 6.1, q35 + VT-d interrupt remapping, xAPIC (eim off), 4 CPUs" "$P61"
c B-6.1        linux-6.1-q35-vtd-x2apic-smp4     "Linux 6.1, q35 + VT-d interrupt remapping with EIM, x2APIC, 4 CPUs" "$P61"
c B2-6.1       linux-6.1-q35-vtd-x2apic-cluster1 "Linux 6.1, q35 + VT-d with EIM, x2APIC, 2 CPUs with APIC IDs 0 and 16 (two x2APIC clusters)" "$P61"
c C-6.1        linux-6.1-q35-vtd-xapic-smp9      "Linux 6.1, q35 + VT-d interrupt remapping, xAPIC (eim off), 9 CPUs" "$P61"
c D-6.1        linux-6.1-q35-novtd-smp4          "Linux 6.1, q35 without an IOMMU (no interrupt remapping), 4 CPUs" "$P61"
c E-6.1-xapic  linux-6.1-q35-vtd-xapic-forged    "Linux 6.1, q35 + VT-d remapping (xAPIC), forged interrupt writes from the edu device" "$P61"
c E-6.1-x2apic linux-6.1-q35-vtd-x2apic-forged   "Linux 6.1, q35 + VT-d remapping with EIM (x2APIC), forged interrupt writes from the edu device" "$P61"
c A-6.12       linux-6.12-q35-vtd-xapic-smp4     "Linux 6.12, q35 + VT-d interrupt remapping, xAPIC (eim off), 4 CPUs" "$P612"
c B-6.12       linux-6.12-q35-vtd-x2apic-smp4    "Linux 6.12, q35 + VT-d interrupt remapping with EIM, x2APIC, 4 CPUs" "$P612"
c C-6.12       linux-6.12-q35-vtd-xapic-smp9     "Linux 6.12, q35 + VT-d interrupt remapping, xAPIC (eim off), 9 CPUs" "$P612"
c D-6.12       linux-6.12-q35-novtd-smp4         "Linux 6.12, q35 without an IOMMU (no interrupt remapping), 4 CPUs" "$P612"
c E-6.12-xapic linux-6.12-q35-vtd-xapic-forged   "Linux 6.12, q35 + VT-d remapping (xAPIC), forged interrupt writes from the edu device" "$P612"
exit 0
