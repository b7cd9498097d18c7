#!/usr/bin/env python3
"""Turn one boot's raw output (console.raw, monitor.txt, irt.bin, ...) into the
text files kept under docs/observations/<boot>/.

usage: collect.py RUNDIR DESTDIR "TITLE" "KERNEL PACKAGE"
"""
import os, re, struct, sys

run, dest, title, kpkg = sys.argv[1:5]
os.makedirs(dest, exist_ok=True)
raw = open(os.path.join(run, "console.raw"), "rb").read().decode("utf-8", "replace").replace("\r", "")
mon = open(os.path.join(run, "monitor.txt")).read() if os.path.exists(os.path.join(run, "monitor.txt")) else ""


def rd(name):
    p = os.path.join(run, name)
    return open(p).read().strip() if os.path.exists(p) else ""


def section(name):
    m = re.search(r"=====BEGIN %s=====\n(.*?)=====END %s=====" % (re.escape(name), re.escape(name)), raw, re.S)
    if not m:
        return ""
    # drop kernel console lines that interleave with the printout
    return "\n".join(l for l in m.group(1).split("\n") if not re.match(r"^\[\s*\d+\.\d+\] ", l) or name.startswith("dmesg"))


dmesg = section("dmesg-full")

# ---------------------------------------------------------------- monitor parsing
def mon_blocks():
    out = []
    for blk in re.split(r"^\(qemu\) ", mon, flags=re.M):
        if not blk.strip():
            continue
        cmd, _, body = blk.partition("\n")
        out.append((cmd.strip(), body))
    return out


blocks = mon_blocks()
regs = {}
for cmd, body in blocks:
    m = re.match(r"xp /1gx (0x[0-9a-f]+)", cmd)
    if m:
        v = re.search(r":\s*(0x[0-9a-f]+)", body)
        if v:
            regs[int(m.group(1), 16) - 0xFED90000] = int(v.group(1), 16)


def reg32(off):
    return regs.get(off, 0) & 0xFFFFFFFF if off in regs else None


irta = regs.get(0xB8)
gsts = reg32(0x1C)
cap = regs.get(0x08)
ecap = regs.get(0x10)
eime = bool(irta & (1 << 11)) if irta is not None else False

# IOAPIC redirection entries from "info pic"
ioapic = {}
for cmd, body in blocks:
    if cmd == "info pic":
        for m in re.finditer(r"pin\s+(\d+)\s+(0x[0-9a-f]{16})", body):
            ioapic[int(m.group(1))] = int(m.group(2), 16)

# per-irq facts from the guest
irqinfo = {}
for l in section("sys-kernel-irq").split("\n"):
    m = re.match(r"irq (\d+): name=(\S*) chip=(\S*) hwirq=(\S*) type=(\S*) actions=(\S*) smp_affinity=(\S*) effective=(\S*)", l)
    if m:
        irqinfo[int(m.group(1))] = dict(zip("name chip hwirq type actions aff eff".split(), m.groups()[1:]))

# ---------------------------------------------------------------- MSI decode
def decode_msg(lo, hi, data):
    if lo >> 20 != 0xFEE:
        return "not an interrupt address"
    if lo & 0x10:
        h = ((lo >> 5) & 0x7FFF) | (((lo >> 2) & 1) << 15)
        shv = (lo >> 3) & 1
        idx = h + (data & 0xFFFF) if shv else h
        return "remappable: handle=%d (0x%x) SHV=%d subhandle=0x%x -> IRTE index %d (0x%x)" % (h, h, shv, data, idx, idx)
    return "compatibility: DM=%s RH=%d dest=0x%02x ext_dest(bits 11:5)=0x%02x addr_hi=0x%08x vector=0x%02x delivery=%d trigger=%s" % (
        "logical" if (lo >> 2) & 1 else "physical", (lo >> 3) & 1, (lo >> 12) & 0xFF, (lo >> 5) & 0x7F, hi,
        data & 0xFF, (data >> 8) & 7, "level" if (data >> 15) & 1 else "edge")


# device MSI / MSI-X from the guest printout: (bdf, kind, entry, lo, hi, data)
msgs = []
cur = None
for l in section("pci-msi").split("\n"):
    m = re.match(r"== (\S+) ", l)
    if m:
        cur = m.group(1)
        continue
    m = re.match(r"\s+MSI: addr_lo=(0x[0-9a-f]+) addr_hi=(0x[0-9a-f]+) data=(0x[0-9a-f]+)", l)
    if m:
        msgs.append((cur, "MSI", 0) + tuple(int(x, 16) for x in m.groups()))
    m = re.match(r"\s+entry (\d+): addr_lo=(0x[0-9a-f]+) addr_hi=(0x[0-9a-f]+) data=(0x[0-9a-f]+) vector_ctrl=(0x[0-9a-f]+)", l)
    if m:
        msgs.append((cur, "MSI-X", int(m.group(1))) + tuple(int(x, 16) for x in m.groups()[1:4]) + (int(m.group(5), 16),))

# MSI-X tables read through the monitor
msix_tables = []  # (phys, [(lo,hi,data,ctl)])
table_owner = {}
cur = None
for l in section("pci-msi").split("\n"):
    m = re.match(r"== (\S+) ", l)
    if m:
        cur = m.group(1)
    m = re.search(r"MSI-X table at BAR\d+\+0x[0-9a-f]+ \(phys (0x[0-9a-f]+)\)", l)
    if m:
        table_owner[int(m.group(1), 16)] = cur
for cmd, body in blocks:
    m = re.match(r"xp /(\d+)wx (0x[0-9a-f]+)", cmd)
    if m:
        words = [int(x, 16) for x in re.findall(r"0x[0-9a-f]{8}\b", re.sub(r"^[0-9a-f]+:", "", body, flags=re.M))]
        ents = [tuple(words[i:i + 4]) for i in range(0, len(words) - 3, 4)]
        msix_tables.append((int(m.group(2), 16), ents))


def bdf_devid(bdf):
    b, df = bdf.split(":")[1:3]
    d, f = df.split(".")
    return int(b, 16) << 8 | int(d, 16) << 3 | int(f, 16)


def irq_for(bdf, entry):
    # global PCI-MSI domain (6.1): hwirq = requester id << 11 | entry;
    # per-device domains (6.12): chip name ends with the device, hwirq = entry
    want = bdf_devid(bdf) << 11 | entry
    for irq, i in irqinfo.items():
        if not i["hwirq"].isdigit():
            continue
        if i["chip"].endswith(bdf) and int(i["hwirq"]) == entry:
            return irq
        if "PCI-MSI" in i["chip"] and not re.search(r"\d{4}:\d\d:", i["chip"]) and int(i["hwirq"]) == want:
            return irq
    return None


# owners of IRTE indices
owner = {}
for pin, v in sorted(ioapic.items()):
    if v & (1 << 48):
        idx = ((v >> 49) & 0x7FFF) | (((v >> 11) & 1) << 15)
        irq = next((n for n, i in irqinfo.items() if "IO-APIC" in i["chip"] and i["hwirq"] == str(pin)), None)
        owner.setdefault(idx, []).append("IOAPIC pin %d (irq %s)" % (pin, irq))
all_msgs = list(msgs)
for phys, ents in msix_tables:
    for i, e in enumerate(ents):
        all_msgs.append((table_owner.get(phys, "?"), "MSI-X(monitor)", i) + e)
for bdf, kind, entry, lo, hi, data, *rest in all_msgs:
    if lo >> 20 == 0xFEE and lo & 0x10:
        kind = kind.replace("(monitor)", "")
        h = ((lo >> 5) & 0x7FFF) | (((lo >> 2) & 1) << 15)
        idx = h + (data & 0xFFFF) if (lo >> 3) & 1 else h
        irq = irq_for(bdf, entry)
        txt = "%s %s entry %d (irq %s%s)" % (bdf, kind, entry, irq, ", " + irqinfo[irq]["actions"] if irq in irqinfo else "")
        if txt not in owner.get(idx, []):
            owner.setdefault(idx, []).append(txt)

# ---------------------------------------------------------------- files
def w(name, text):
    with open(os.path.join(dest, name), "w") as f:
        f.write(text.rstrip("\n") + "\n")


con = raw
if len(con) > 200_000:
    con = con[:200_000] + "\n[... console truncated at 200000 characters ...]\n"
w("console.txt", con)
if dmesg:
    w("dmesg.txt", dmesg)
w("monitor.txt", mon)

w("interrupts.txt", "\n".join([
    "# /proc/cpuinfo (processor, apicid)", section("cpuinfo"),
    "# /proc/interrupts", section("interrupts"),
    "# per irq: /sys/kernel/irq/N/{name,chip_name,hwirq,type,actions} and /proc/irq/N/{smp_affinity_list,effective_affinity_list}",
    "# (hwirq: IO-APIC chips: the pin; 6.1's global PCI-MSI domain: (PCI requester id << 11) | MSI/MSI-X entry index;",
    "#  6.12's per-device MSI domains, whose chip name ends with the device: the MSI/MSI-X entry index)",
    section("sys-kernel-irq"),
    "# PCI functions: vendor, device, class, irq, driver, msi_irqs",
    section("pci-sysfs"),
]))

# irte.txt
L = []
if irta is None or irta & ~0xFFF == 0 or not os.path.exists(os.path.join(run, "irt.bin")):
    L.append("No interrupt remapping table: IRTA register = %s (no VT-d unit or remapping not set up)." % (
        "0x%x" % irta if irta is not None else "not readable"))
else:
    n = 1 << ((irta & 0xF) + 1)
    L.append("IRTA (DMAR+0xB8) = 0x%016x: table at 0x%x, S=%d -> %d entries, EIME(bit 11)=%d (%s)" % (
        irta, irta & ~0xFFF, irta & 0xF, n, eime, "x2APIC mode: DST is a 32-bit x2APIC destination (APIC ID if DM=physical, logical ID if DM=logical)" if eime else "xAPIC mode: DST[15:8] holds the 8-bit APIC destination"))
    if gsts is not None:
        L.append("GSTS (DMAR+0x1C) = 0x%08x: TES=%d RTPS=%d QIES=%d IRES=%d IRTPS=%d CFIS=%d (CFIS=0: compatibility-format interrupts blocked)" % (
            gsts, gsts >> 31 & 1, gsts >> 30 & 1, gsts >> 26 & 1, gsts >> 25 & 1, gsts >> 24 & 1, gsts >> 23 & 1))
    if cap is not None:
        L.append("CAP = 0x%016x, ECAP = 0x%016x (ECAP.IR bit 3 = %d, ECAP.EIM bit 4 = %d)" % (cap, ecap or 0, (ecap or 0) >> 3 & 1, (ecap or 0) >> 4 & 1))
    L.append("")
    L.append("Field layout (VT-d remapped-format IRTE): low qword bit0 P, bit1 FPD, bit2 DM (0 physical, 1 logical), bit3 RH,")
    L.append("bit4 TM (0 edge, 1 level), bits7:5 DLM (0 fixed, 1 lowest priority), bits11:8 AVL, bit15 IM (0 remapped, 1 posted),")
    L.append("bits23:16 V (vector), bits63:32 DST; high qword bits15:0 SID (bus<<8|dev<<3|fn), bits17:16 SQ, bits19:18 SVT")
    L.append("(0 none, 1 check SID under SQ mask, 2 SID[15:8] <= bus <= SID[7:0]).")
    L.append("Owner column: matched from the IOAPIC redirection entries (QEMU 'info pic') and the MSI/MSI-X messages read in the guest.")
    L.append("")
    data = open(os.path.join(run, "irt.bin"), "rb").read()
    for i in range(min(n, len(data) // 16)):
        lo, hi = struct.unpack_from("<QQ", data, i * 16)
        if lo == 0 and hi == 0:
            continue
        dst = lo >> 32
        if eime:
            dsts = "x2APIC dest 0x%08x" % dst
        else:
            dsts = "xAPIC dest 0x%02x (DST[15:8]; DST[7:0]=0x%02x, DST[31:16]=0x%04x)" % ((dst >> 8) & 0xFF, dst & 0xFF, dst >> 16)
        sid = hi & 0xFFFF
        L.append("index %d (0x%x): high=0x%016x low=0x%016x" % (i, i, hi, lo))
        L.append("  P=%d FPD=%d DM=%s RH=%d TM=%s DLM=%d AVL=0x%x IM=%d V=0x%02x DST=0x%08x -> %s" % (
            lo & 1, lo >> 1 & 1, "logical" if lo >> 2 & 1 else "physical", lo >> 3 & 1, "level" if lo >> 4 & 1 else "edge",
            lo >> 5 & 7, lo >> 8 & 0xF, lo >> 15 & 1, lo >> 16 & 0xFF, dst, dsts))
        L.append("  SID=0x%04x (%02x:%02x.%d) SQ=%d SVT=%d%s" % (
            sid, sid >> 8, sid >> 3 & 0x1F, sid & 7, hi >> 16 & 3, hi >> 18 & 3,
            "  [SVT=2: bus range %02x..%02x]" % (sid >> 8, sid & 0xFF) if (hi >> 18 & 3) == 2 else ""))
        L.append("  owner: %s" % ("; ".join(owner.get(i, ["(not matched)"]))))
w("irte.txt", "\n".join(L))

# msi.txt
M = ["# Device MSI / MSI-X messages as read in the guest (config space; MSI-X tables by mmap of the BAR)", section("pci-msi"), ""]
M.append("# MSI-X tables read through the QEMU monitor (xp), entry: addr_lo addr_hi data vector_ctrl")
for phys, ents in msix_tables:
    bdf = table_owner.get(phys, "?")
    M.append("table at 0x%x (%s):" % (phys, bdf))
    for i, (lo, hi, d, c) in enumerate(ents):
        irq = irq_for(bdf, i) if bdf != "?" else None
        M.append("  entry %d: 0x%08x 0x%08x 0x%08x 0x%08x%s  irq=%s %s" % (i, lo, hi, d, c, " (masked)" if c & 1 else "", irq,
                 irqinfo[irq]["actions"] if irq in irqinfo else ""))
        if lo or hi or d:
            M.append("    " + decode_msg(lo, hi, d))
M.append("")
M.append("# IOMMU fault-event interrupt (DMAR unit registers, read through the monitor)")
fectl, fedata, feaddr, feuaddr = reg32(0x38), reg32(0x3C), reg32(0x40), reg32(0x44)
if fedata is not None:
    M.append("FECTL=0x%08x (IM bit31=%d) FEDATA=0x%08x FEADDR=0x%08x FEUADDR=0x%08x" % (fectl, fectl >> 31 & 1, fedata, feaddr, feuaddr))
    M.append("  " + decode_msg(feaddr, feuaddr, fedata))
    dm = [(n, i) for n, i in irqinfo.items() if i["chip"].startswith("DMAR")]
    for n, i in dm:
        M.append("  irq %d chip=%s hwirq=%s actions=%s effective_cpu=%s" % (n, i["chip"], i["hwirq"], i["actions"], i["eff"]))
M.append("")
M.append("# IOAPIC redirection entries (QEMU 'info pic')")
for pin, v in sorted(ioapic.items()):
    if v & (1 << 48):
        idx = ((v >> 49) & 0x7FFF) | (((v >> 11) & 1) << 15)
        M.append("pin %2d 0x%016x remappable: IRTE index %d, vector field=0x%02x (mask=%d, trigger=%s)" % (
            pin, v, idx, v & 0xFF, v >> 16 & 1, "level" if v >> 15 & 1 else "edge"))
    else:
        M.append("pin %2d 0x%016x compatibility: dest=0x%02x DM=%s vector=0x%02x delivery=%d mask=%d trigger=%s" % (
            pin, v, v >> 56, "logical" if v >> 11 & 1 else "physical", v & 0xFF, v >> 8 & 7, v >> 16 & 1, "level" if v >> 15 & 1 else "edge"))
w("msi.txt", "\n".join(M))

# summary.txt: one line per interrupt with its route
irte = {}
if os.path.exists(os.path.join(run, "irt.bin")) and irta:
    data = open(os.path.join(run, "irt.bin"), "rb").read()
    for i in range(len(data) // 16):
        lo, hi = struct.unpack_from("<QQ", data, i * 16)
        if lo & 1:
            irte[i] = (lo, hi)
route = {}  # irq -> text
for pin, v in sorted(ioapic.items()):
    irq = next((n for n, i in irqinfo.items() if "IO-APIC" in i["chip"] and i["hwirq"] == str(pin)), None)
    if irq is None or v >> 16 & 1:
        continue
    if v & (1 << 48):
        idx = ((v >> 49) & 0x7FFF) | (((v >> 11) & 1) << 15)
        route[irq] = ("IOAPIC pin %d" % pin, idx, None)
    else:
        route[irq] = ("IOAPIC pin %d" % pin, None, "RTE dest=0x%02x %s vector=0x%02x" % (
            v >> 56, "logical" if v >> 11 & 1 else "physical", v & 0xFF))
for bdf, kind, entry, lo, hi, d, *rest in all_msgs:
    irq = irq_for(bdf, entry) if bdf and bdf != "?" else None
    if irq is None or lo >> 20 != 0xFEE:
        continue
    k = kind.replace("(monitor)", "")
    if lo & 0x10:
        h = ((lo >> 5) & 0x7FFF) | (((lo >> 2) & 1) << 15)
        route[irq] = ("%s %s entry %d" % (bdf, k, entry), h + (d & 0xFFFF) if (lo >> 3) & 1 else h, None)
    else:
        route[irq] = ("%s %s entry %d" % (bdf, k, entry), None, "msg 0x%08x/0x%08x dest=0x%02x %s vector=0x%02x" % (
            lo, d, (lo >> 12) & 0xFF, "logical" if (lo >> 2) & 1 else "physical", d & 0xFF))
if feaddr:
    for n, i in irqinfo.items():
        if i["chip"].startswith("DMAR"):
            route[n] = ("DMAR fault event", None, "msg 0x%08x/0x%08x dest=0x%02x %s vector=0x%02x" % (
                feaddr, fedata, (feaddr >> 12) & 0xFF, "logical" if (feaddr >> 2) & 1 else "physical", fedata & 0xFF))
S = ["# irq | action | chip | hwirq | effective CPU | source | IRTE index | route (IRTE: DM, DST, vector; else the message/RTE)"]
for n in sorted(irqinfo):
    i = irqinfo[n]
    if i["actions"] in ("", "(null)"):
        continue
    src, idx, txt = route.get(n, ("?", None, ""))
    if idx is not None and idx in irte:
        lo, hi = irte[idx]
        txt = "IRTE DM=%s DST=0x%08x V=0x%02x SID=0x%04x SVT=%d" % ("logical" if lo >> 2 & 1 else "physical", lo >> 32, lo >> 16 & 0xFF, hi & 0xFFFF, hi >> 18 & 3)
    S.append("%3d | %-18s | %-26s | %-6s | %s | %s | %s | %s" % (n, i["actions"], i["chip"], i["hwirq"], i["eff"] or "-", src,
             "-" if idx is None else idx, txt))
w("summary.txt", "\n".join(S))

if section("forge"):
    F = ["# Forged interrupt writes by the edu device and what Linux printed", section("forge"), "",
         "# dmesg lines after all forged writes (DMAR/fault)", section("dmesg-after-forge"), "",
         "# /proc/interrupts after the forged writes", section("interrupts-after-forge")]
    tp = os.path.join(run, "qemu-trace.log")
    if os.path.exists(tp):
        # QEMU's own view of each forged write: the trace block that starts with the request
        # carrying the forged address/data (taken in the order the writes were made)
        queue = []
        for m in re.finditer(r"--- forge (\S+) via (\S+): address=(0x[0-9a-f]+) data=(0x[0-9a-f]+)", section("forge")):
            d = int(m.group(4), 16)
            if m.group(2) == "msi":
                d &= 0xFFFF
            queue.append(("%s via %s" % (m.group(1), m.group(2)), int(m.group(3), 16), d))
        F += ["", "# QEMU trace of each forged write (events vtd_ir_remap_msi_req, vtd_ir_irte_get, vtd_ir_remap,",
              "# vtd_ir_remap_msi, apic_deliver_irq; note: QEMU's vtd_ir_irte_get prints the IRTE's high qword as 'low'",
              "# and the low qword as 'high'). No line after the request = QEMU rejected the message (fault).",
              "# apic_deliver_irq: dest, dest_mode (0 physical, 1 logical), delivery_mode, vector (decimal), trigger_mode."]
        lines = open(tp, errors="replace").read().split("\n")
        i = 0
        while i < len(lines) and queue:
            m = re.match(r"vtd_ir_remap_msi_req addr (0x[0-9a-f]+) data (0x[0-9a-f]+)", lines[i])
            if m and int(m.group(1), 16) == queue[0][1] and int(m.group(2), 16) == queue[0][2]:
                F.append("%s:" % queue[0][0])
                F.append("  " + lines[i])
                j = i + 1
                while j < len(lines) and not lines[j].startswith("vtd_ir_remap_msi_req") and j < i + 6:
                    F.append("  " + lines[j])
                    j += 1
                queue.pop(0)
                i = j
                continue
            i += 1
        for q in queue:
            F.append("%s: no matching request in the trace" % q[0])
        err = rd("qemu-stderr.txt")
        F += ["", "# QEMU stderr (error_report_once messages of the VT-d model)", err]
    w("faults.txt", "\n".join(F))

def pretty_cmd(c):
    # qemu-cmdline.txt is printf %q output; show it with plain quoting instead
    out = []
    for tok in re.findall(r"(?:\\.|[^ ])+", c):
        t = re.sub(r"\\(.)", r"\1", tok)
        out.append("'%s'" % t if (" " in t or t == "") else t)
    return " ".join(out)


# README skeleton (the hand-written notes are added separately)
key = [l for l in dmesg.split("\n") if re.search(r"DMAR-IR|x2apic|APIC routing|Switched APIC|IRQ remapping|Enabled IRQ|IOAPIC\[|apic_id|physflat|flat", l, re.I)]
R = ["# %s" % title, "",
     "- Date (UTC): %s" % rd("date.txt"),
     "- QEMU: %s (Debian bookworm-backports package qemu-system-x86 1:10.0.2+ds-2+deb13u1~bpo12+1, extracted and run from a local directory)" % rd("qemu-version.txt"),
     "- Kernel: %s (%s)" % (section("uname").split("\n")[1] if section("uname") else "?", kpkg),
     "- Guest cmdline: `%s`" % section("cmdline").strip(),
     "",
     "QEMU command line (paths are those of the scratch directory where it ran):",
     "", "```", pretty_cmd(rd("qemu-cmdline.txt")), "```", "",
     "Key kernel lines:", "", "```"] + key + ["```", "",
     "Files:", "",
     "- `console.txt`: the whole serial console (kernel boot log, then the /init printout between `=====BEGIN x=====`/`=====END x=====` markers).",
     "- `dmesg.txt`: the full `dmesg` printed at the end of /init." if not section("forge") else
     "- `dmesg.txt`: the kernel log saved just before the forged writes, followed by what was logged after the last of them (the forge script clears the log between writes; the per-write lines are in `faults.txt`).",
     "- `interrupts.txt`: CPU APIC IDs, `/proc/interrupts`, per-irq chip/hwirq/affinity from sysfs/procfs, PCI functions with their irqs.",
     "- `msi.txt`: MSI and MSI-X messages of every PCI function (guest read plus QEMU monitor read of the MSI-X tables), decoded; the IOMMU fault-event message; the IOAPIC redirection entries.",
     "- `irte.txt`: every present entry of the interrupt remapping table (dumped from guest memory with the monitor's `pmemsave`), raw and decoded, with its owner." if os.path.exists(os.path.join(run, "irt.bin")) else "- `irte.txt`: states that there is no remapping table.",
     "- `summary.txt`: one line per requested interrupt: irq, action, chip, hwirq, effective CPU, source, IRTE index and the decoded route.",
     "- `monitor.txt`: raw QEMU monitor answers (`info pci`, `info pic`, `info lapic N` incl. LDR/DFR, VT-d registers, MSI-X table reads).",
     ] + (["- `faults.txt`: the forged writes and the fault lines Linux printed."] if section("forge") else [])
notes = os.path.join(os.path.dirname(os.path.abspath(__file__)), "notes", os.path.basename(os.path.normpath(dest)) + ".md")
if os.path.exists(notes):
    R += ["", open(notes).read().rstrip()]
w("README.md", "\n".join(R))
print("wrote", dest)
