package dev.irqtopo.model.table;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.BridgeModel;
import dev.irqtopo.model.BusModel;
import dev.irqtopo.model.CpuModel;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.ExpectedVerdict;
import dev.irqtopo.model.GuestModel;
import dev.irqtopo.model.KernelProfile;
import dev.irqtopo.model.HypervisorKind;
import dev.irqtopo.model.HypervisorModel;
import dev.irqtopo.model.IommuKind;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.SourceCheck;
import dev.irqtopo.model.StackModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.StorageModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Random platform models that the model's records accept, which is more than the checker accepts:
 * names and descriptions are any text (blanks, backslashes, the table's marks, non-ASCII, lone
 * surrogates), so that the table cannot lean on what checked names look like.
 */
final class RandomModels {

    private static final String AWKWARD = "-~\\ \n\t,:\u00e9\u20ac\ud83d\ude00\ud800";

    private final Random random;

    RandomModels(Random random) {
        this.random = random;
    }

    PlatformModel next() {
        List<GuestModel> guests = list(3, this::guest);
        Optional<HypervisorModel> hypervisor = !guests.isEmpty() || random.nextBoolean()
                ? Optional.of(hypervisor()) : Optional.empty();
        Optional<ExpectedVerdict> expect = random.nextBoolean() ? Optional.empty() : Optional.of(pick(ExpectedVerdict.values()));
        return new PlatformModel(text(), text(), text(), cpu(), list(3, this::iommu), hypervisor, list(3, this::bus),
                list(4, this::stack), guests, expect, kernel());
    }

    /** Any text: empty, a plain word, one of the table's marks, or random characters. */
    String text() {
        return switch (random.nextInt(5)) {
            case 0 -> "";
            case 1 -> "nic" + random.nextInt(100);
            case 2 -> random.nextBoolean() ? "-" : "~";
            case 3 -> chars(AWKWARD, 1 + random.nextInt(4));
            default -> randomChars(random.nextInt(12));
        };
    }

    private String chars(String from, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(from.charAt(random.nextInt(from.length())));
        }
        return out.toString();
    }

    private String randomChars(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append((char) (random.nextBoolean() ? 0x20 + random.nextInt(0x5f) : random.nextInt(0x10000)));
        }
        return out.toString();
    }

    private CpuModel cpu() {
        ApicMode apic = random.nextBoolean() ? ApicMode.XAPIC : ApicMode.X2APIC;
        if (random.nextBoolean()) {
            return CpuModel.of(1 + random.nextInt(4096), apic);
        }
        Set<Integer> ids = new LinkedHashSet<>();
        int count = 1 + random.nextInt(8);
        while (ids.size() < count) {
            ids.add(random.nextInt(100_000));
        }
        List<Integer> order = new ArrayList<>(ids);
        Collections.shuffle(order, random);
        return new CpuModel(count, apic, order);
    }

    private IommuModel iommu() {
        IommuKind kind = random.nextBoolean() ? IommuKind.VTD : IommuKind.AMDVI;
        int entries = 1 << random.nextInt(kind == IommuKind.VTD ? 17 : 12);
        return new IommuModel(text(), kind, random.nextBoolean(), entries, pick(SourceCheck.values()), random.nextBoolean(),
                random.nextBoolean(), list(3, this::text));
    }

    private HypervisorModel hypervisor() {
        Set<StorageKind> traps = EnumSet.noneOf(StorageKind.class);
        for (StorageKind kind : List.of(StorageKind.MSI, StorageKind.MSIX, StorageKind.IMS_DEVICE)) {
            if (random.nextBoolean()) {
                traps.add(kind);
            }
        }
        return new HypervisorModel(pick(HypervisorKind.values()), random.nextBoolean(), traps, random.nextBoolean(),
                random.nextBoolean());
    }

    /** A bus with up to three bridges (names may repeat, or be empty) and devices behind some of them. */
    private BusModel bus() {
        String name = text();
        List<BridgeModel> bridges = list(3, this::bridge);
        return new BusModel(name, list(4, () -> device(name, bridges)), bridges);
    }

    private BridgeModel bridge() {
        RequesterId rid = RequesterId.of(random.nextInt(0x10000), random.nextInt(0x100), random.nextInt(0x20), random.nextInt(8));
        return new BridgeModel(text(), rid, (rid.bus() + 1 + random.nextInt(0xFF)) % 0x100);
    }

    private DeviceModel device(String bus, List<BridgeModel> bridges) {
        Optional<BridgeModel> bridge = bridges.isEmpty() || random.nextBoolean()
                ? Optional.empty() : Optional.of(bridges.get(random.nextInt(bridges.size())));
        RequesterId rid = RequesterId.of(random.nextInt(0x10000), random.nextInt(0x100), random.nextInt(0x20), random.nextInt(8));
        if (bridge.isPresent()) {
            rid = RequesterId.of(bridge.get().requesterId().segment(), bridge.get().secondaryBus(), rid.device(),
                    rid.function());
        }
        Optional<String> parent = random.nextInt(3) == 0 ? Optional.of(text()) : Optional.empty();
        int pasid = parent.isPresent() ? 1 + random.nextInt(0xFFFFF) : 0;
        List<StorageModel> storages = new ArrayList<>();
        if (random.nextBoolean()) {
            storages.add(new StorageModel(StorageKind.MSI, 1 << random.nextInt(6), random.nextBoolean()));
        }
        if (random.nextBoolean()) {
            storages.add(StorageModel.of(StorageKind.MSIX, 1 + random.nextInt(2048)));
        }
        if (random.nextBoolean()) {
            storages.add(StorageModel.of(random.nextBoolean() ? StorageKind.IMS_DEVICE : StorageKind.IMS_QUEUE,
                    1 + random.nextInt(65536)));
        }
        Collections.shuffle(storages, random);
        return new DeviceModel(text(), bus, rid, pasid, parent, storages, bridge);
    }

    private StackModel stack() {
        Optional<String> remap = random.nextBoolean() ? Optional.of(text()) : Optional.empty();
        return new StackModel(text(), pick(StorageKind.values()), remap, remap.isEmpty() && random.nextBoolean(),
                1 + random.nextInt(65536));
    }

    private GuestModel guest() {
        return new GuestModel(text(), 1 + random.nextInt(4096), list(4, this::text), list(3, this::stack), kernel());
    }

    private KernelProfile kernel() {
        KernelProfile[] all = KernelProfile.values();
        return all[random.nextInt(all.length)];
    }

    private <T> List<T> list(int max, Supplier<T> element) {
        int n = random.nextInt(max + 1);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(element.get());
        }
        return out;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
