package dev.irqtopo.cli.explain;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.BridgeModel;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.GuestModel;
import dev.irqtopo.model.IommuKind;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.SourceCheck;
import dev.irqtopo.model.StorageModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Explains, for every device assigned to a guest, what that guest can make it emit and what stops it
 * (semantics §6 and §7). A function is driven by the guest, so it can write anything by DMA and only
 * interrupt remapping limits it; a sub-device emits only what the guest writes into its untrapped
 * storages, with its parent's requester id. It reads the model only; nothing is booted.
 */
public final class DmaPaths {

    static final String EMITS = "emits";
    static final String SEEN_AS = "seen as";
    static final String STOPPED_BY = "stopped by";
    static final String REMAPPABLE = "remappable";
    static final String TABLE = "table";
    static final String COMPAT = "compat";
    static final String ENTRIES = "entries";
    static final String STORES = "stores";
    static final String SHARES = "shares";

    /** What a compatibility-format message does where nothing blocks it (semantics §6). */
    private static final String REACHES_HOST =
            "it reaches the host's CPUs by APIC ID and vector, NMI, SMI and INIT included";

    private final PlatformModel platform;

    private DmaPaths(PlatformModel platform) {
        this.platform = platform;
    }

    /** Every device assigned to a guest: guests in declaration order, each one's devices in declaration order. */
    public static List<DmaPath> explain(PlatformModel platform) {
        DmaPaths paths = new DmaPaths(platform);
        List<DmaPath> out = new ArrayList<>();
        for (GuestModel guest : platform.guests()) {
            for (DeviceModel device : platform.devices()) {
                if (guest.owns(device.name())) {
                    out.add(paths.path(guest, device));
                }
            }
        }
        return out;
    }

    private DmaPath path(GuestModel guest, DeviceModel device) {
        String title = guest.name() + ": assigned " + device.name() + ", "
                + (device.isSubDevice()
                        ? "sub-device of " + device.parent().orElseThrow() + " (pasid " + device.pasid() + ")"
                        : "function " + device.requesterId())
                + device.bridge().map(b -> " behind bridge " + b.name()).orElse("");
        List<DmaPath.Row> rows = new ArrayList<>();
        rows.add(new DmaPath.Row(EMITS, emits(guest, device)));
        rows.add(new DmaPath.Row(SEEN_AS, seenAs(device)));
        Optional<IommuModel> unit = remapping(platform, device);
        if (unit.isEmpty()) {
            rows.add(new DmaPath.Row(STOPPED_BY, "nothing: no interrupt remapping covers it ("
                    + platform.iommuCovering(device).map(i -> i.name() + " has remapping off")
                            .orElse("no IOMMU covers " + device.bus()) + ")"));
            rows.add(new DmaPath.Row(COMPAT, "passes: " + REACHES_HOST));
        } else if (unit.get().kind() == IommuKind.VTD) {
            IommuModel vtd = unit.get();
            rows.add(new DmaPath.Row(STOPPED_BY, vtd.name() + "'s interrupt remapping (vtd)"));
            rows.add(new DmaPath.Row(REMAPPABLE, sourceValidation(vtd, device)));
            rows.add(new DmaPath.Row(COMPAT, compat(vtd)));
            rows.add(new DmaPath.Row(ENTRIES, vtd.posted()
                    ? "posted (posted on): a guest's entry names its vCPU and vector directly"
                    : "remapped (posted off): a guest's entry names a host vector that injects"));
        } else {
            IommuModel amd = unit.get();
            rows.add(new DmaPath.Row(STOPPED_BY, amd.name() + "'s interrupt remapping (amdvi)"));
            rows.add(new DmaPath.Row(TABLE, "only the table of " + device.iommuRequesterId()
                    + ": fixed and arbitrated messages index it by data bits 10:0"));
            rows.add(new DmaPath.Row(COMPAT, "none on AMD-Vi: NMI, INIT, ExtINT and SMI fault (INVALID_DEVICE_REQUEST)"));
            rows.add(new DmaPath.Row(ENTRIES, "remapped: a guest's entry names a host vector that injects"));
        }
        rows.add(new DmaPath.Row(STORES, stores(device)));
        rows.add(new DmaPath.Row(SHARES, shares(device)));
        return new DmaPath(title, rows);
    }

    private String emits(GuestModel guest, DeviceModel device) {
        if (!device.isSubDevice()) {
            return "any memory write: " + guest.name() + " programs its DMA";
        }
        List<StorageModel> untrapped = device.storages().stream().filter(s -> guestWritesReach(platform, s)).toList();
        if (untrapped.isEmpty()) {
            return "nothing " + guest.name() + " controls: " + (device.storages().isEmpty() ? "it has no storage"
                    : "its " + keywords(device.storages()) + " is trapped");
        }
        return "what " + guest.name() + " writes into its " + keywords(untrapped) + " (untrapped); PASID "
                + device.pasid() + " DMA is never an interrupt";
    }

    private static String seenAs(DeviceModel device) {
        Optional<BridgeModel> bridge = device.bridge();
        if (bridge.isPresent()) {
            return bridge.get().alias() + ", the alias of bridge " + bridge.get().name() + " ("
                    + bridge.get().requesterId() + ")";
        }
        return device.requesterId() + (device.isSubDevice()
                ? ", its parent " + device.parent().orElseThrow() + "'s requester id" : ", its own requester id");
    }

    /** Which VT-d entries accept a message with the device's requester id: §3's SVT of each entry's owner. */
    private String sourceValidation(IommuModel vtd, DeviceModel device) {
        RequesterId seen = device.iommuRequesterId();
        if (vtd.sourceCheck() == SourceCheck.OFF) {
            return "SVT 00 (source_check off): every entry of " + vtd.name() + " accepts it";
        }
        if (vtd.sourceCheck() == SourceCheck.BUS || device.bridge().isPresent()) {
            String why = vtd.sourceCheck() == SourceCheck.BUS ? "source_check bus"
                    : "behind bridge " + device.bridge().get().name();
            return "SVT 10 (" + why + "): every entry for bus " + bus(seen) + " accepts it";
        }
        // another unit's bridge whose secondary bus has this device's number would add its SVT 10 entries
        boolean bridgedBus = platform.devices().stream().anyMatch(d -> d.bridge().isPresent()
                && remapping(platform, d).equals(Optional.of(vtd)) && sameBus(d.iommuRequesterId(), seen));
        return "SVT 01 (source_check full): " + (bridgedBus
                ? "entries with SID " + seen + " accept it, and so do the SVT 10 entries for bus " + bus(seen)
                : "only entries with SID " + seen + " accept it");
    }

    private String compat(IommuModel vtd) {
        boolean x2apic = platform.cpu().apic() == ApicMode.X2APIC;
        if (x2apic) {
            return "blocked (fault 0x25): VT-d in x2APIC mode blocks it"
                    + (vtd.compatAllowed() ? ", compat allowed notwithstanding" : " whatever compat says");
        }
        return vtd.compatAllowed() ? "allowed: " + REACHES_HOST : "blocked (fault 0x25)";
    }

    private String stores(DeviceModel device) {
        if (device.storages().isEmpty()) {
            return "none";
        }
        String stores = device.storages().stream()
                .map(s -> s.kind().keyword() + " " + s.size() + (guestWritesReach(platform, s) ? " untrapped" : " trapped"))
                .collect(Collectors.joining(", "));
        return stores + (device.isSubDevice() ? "" : "; no trap limits DMA");
    }

    private String shares(DeviceModel device) {
        List<DeviceModel> others = sharers(platform, device);
        return device.iommuRequesterId() + " with " + (others.isEmpty() ? "no other device"
                : others.stream().map(d -> d.name() + " (" + owner(platform, d) + ")").collect(Collectors.joining(", ")));
    }

    // ---- shared with the graph

    /** The IOMMU whose remapping is on for the device, if one covers its bus. */
    static Optional<IommuModel> remapping(PlatformModel platform, DeviceModel device) {
        return platform.iommuCovering(device).filter(IommuModel::remapping);
    }

    /** Whether a guest's stores into this storage reach the device as written, untrapped: the hypervisor says. */
    static boolean guestWritesReach(PlatformModel platform, StorageModel storage) {
        return platform.hypervisor().map(hv -> hv.guestWritesReachDevice(storage.kind())).orElse(true);
    }

    /** The other devices the IOMMU sees with the same requester id, in declaration order. */
    static List<DeviceModel> sharers(PlatformModel platform, DeviceModel device) {
        return platform.devices().stream()
                .filter(d -> !d.name().equals(device.name()) && d.iommuRequesterId().equals(device.iommuRequesterId()))
                .toList();
    }

    /** {@code host} or the guest the device is assigned to. */
    static String owner(PlatformModel platform, DeviceModel device) {
        return platform.owner(device.name()).map(GuestModel::name).orElse("host");
    }

    /** A bus number as §8 writes requester ids: two hex digits, the segment in front when it is not 0. */
    static String bus(RequesterId id) {
        String bus = String.format("%02x", id.bus());
        return id.segment() == 0 ? bus : String.format("%04x:", id.segment()) + bus;
    }

    private static boolean sameBus(RequesterId a, RequesterId b) {
        return a.segment() == b.segment() && a.bus() == b.bus();
    }

    private static String keywords(List<StorageModel> storages) {
        return storages.stream().map(s -> s.kind().keyword()).collect(Collectors.joining(" and "));
    }
}
