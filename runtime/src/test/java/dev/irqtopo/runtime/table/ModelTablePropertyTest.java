package dev.irqtopo.runtime.table;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.BusModel;
import dev.irqtopo.model.CpuModel;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.GuestModel;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every model the records accept survives the table: decode(encode(m)) equals m, and the text is stable. */
class ModelTablePropertyTest {

    @Property(tries = 300)
    void roundTrip(@ForAll("models") PlatformModel model) {
        String table = ModelTable.encode(model);
        assertThat(table.chars().allMatch(c -> c == '\n' || c >= ' ' && c < 0x7f)).isTrue();
        assertThat(ModelTable.decode(table)).isEqualTo(model);
        assertThat(ModelTable.encode(ModelTable.decode(table))).isEqualTo(table);
    }

    @Property(tries = 100)
    void anyCutIntoPartsDecodesTheSame(@ForAll("models") PlatformModel model, @ForAll("cuts") List<Integer> cuts) {
        String table = ModelTable.encode(model);
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int cut : cuts.stream().map(c -> c % (table.length() + 1)).sorted().toList()) {
            parts.add(table.substring(start, cut));
            start = cut;
        }
        parts.add(table.substring(start));
        assertThat(ModelTable.decode(parts.toArray(String[]::new))).isEqualTo(model);
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, 100_000).list().ofMaxSize(5);
    }

    @Provide
    Arbitrary<PlatformModel> models() {
        Arbitrary<List<GuestModel>> guests = guest().list().ofMaxSize(3);
        Arbitrary<Optional<HypervisorModel>> hypervisor = hypervisor().optional(0.6);
        return Combinators.combine(text(), text(), text(), cpu(), iommu().list().ofMaxSize(3), bus().list().ofMaxSize(3),
                        stack().list().ofMaxSize(4), Combinators.combine(hypervisor, guests).as(HvAndGuests::new))
                .as((javaPackage, name, description, cpu, iommus, buses, hostStacks, hvGuests) -> {
                    Optional<HypervisorModel> hv = hvGuests.guests().isEmpty() || hvGuests.hypervisor().isPresent()
                            ? hvGuests.hypervisor()
                            : Optional.of(new HypervisorModel(HypervisorKind.XEN, false, Set.of(), false, true));
                    return new PlatformModel(javaPackage, name, description, cpu, iommus, hv, buses, hostStacks,
                            hvGuests.guests());
                });
    }

    private record HvAndGuests(Optional<HypervisorModel> hypervisor, List<GuestModel> guests) {
    }

    /** Any text at all: names are plain words in a checked model, but the table must not depend on it. */
    private static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.strings().withChars("-~\\ \n\t,:").ofMaxLength(3),
                Arbitraries.strings().alpha().numeric().withChars('_').ofMinLength(1).ofMaxLength(10));
    }

    private static Arbitrary<CpuModel> cpu() {
        Arbitrary<CpuModel> identity = Combinators.combine(Arbitraries.integers().between(1, 4096),
                Arbitraries.of(ApicMode.class)).as(CpuModel::of);
        Arbitrary<CpuModel> explicit = Combinators.combine(
                        Arbitraries.integers().between(0, 100_000).set().ofMinSize(1).ofMaxSize(8),
                        Arbitraries.of(ApicMode.class), Arbitraries.randoms())
                .as((ids, apic, random) -> {
                    List<Integer> order = new ArrayList<>(ids);
                    java.util.Collections.shuffle(order, random);
                    return new CpuModel(order.size(), apic, order);
                });
        return Arbitraries.oneOf(identity, explicit);
    }

    private static Arbitrary<IommuModel> iommu() {
        Arbitrary<IommuKind> kind = Arbitraries.of(IommuKind.class);
        return Combinators.combine(text(), kind, Arbitraries.of(true, false), Arbitraries.integers().between(0, 16),
                        Arbitraries.of(SourceCheck.class), Arbitraries.of(true, false), Arbitraries.of(true, false),
                        text().list().ofMaxSize(3))
                .as((name, k, remapping, log, check, compat, posted, covers) -> new IommuModel(name, k, remapping,
                        1 << Math.min(log, k == IommuKind.VTD ? 16 : 11), check, compat, posted, covers));
    }

    private static Arbitrary<HypervisorModel> hypervisor() {
        return Combinators.combine(Arbitraries.of(HypervisorKind.class), Arbitraries.of(true, false),
                        Arbitraries.of(StorageKind.MSI, StorageKind.MSIX, StorageKind.IMS_DEVICE).set(),
                        Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as(HypervisorModel::new);
    }

    private static Arbitrary<BusModel> bus() {
        return text().flatMap(name -> device(name).list().ofMaxSize(4).map(devices -> new BusModel(name, devices)));
    }

    private static Arbitrary<DeviceModel> device(String bus) {
        Arbitrary<RequesterId> rid = Combinators.combine(Arbitraries.integers().between(0, 0xffff),
                Arbitraries.integers().between(0, 0xff), Arbitraries.integers().between(0, 0x1f),
                Arbitraries.integers().between(0, 7)).as(RequesterId::of);
        Arbitrary<Optional<String>> parent = text().optional(0.3);
        return Combinators.combine(text(), rid, parent, Arbitraries.integers().between(1, 0xFFFFF), storages())
                .as((name, r, p, pasid, storages) -> new DeviceModel(name, bus, r, p.isPresent() ? pasid : 0, p, storages));
    }

    private static Arbitrary<List<StorageModel>> storages() {
        Arbitrary<Optional<StorageModel>> msi = Combinators.combine(Arbitraries.integers().between(0, 5),
                Arbitraries.of(true, false)).as((log, mask) -> new StorageModel(StorageKind.MSI, 1 << log, mask)).optional();
        Arbitrary<Optional<StorageModel>> msix = Arbitraries.integers().between(1, 2048)
                .map(n -> StorageModel.of(StorageKind.MSIX, n)).optional();
        Arbitrary<Optional<StorageModel>> ims = Combinators.combine(
                Arbitraries.of(StorageKind.IMS_DEVICE, StorageKind.IMS_QUEUE), Arbitraries.integers().between(1, 65536))
                .as(StorageModel::of).optional();
        return Combinators.combine(msi, msix, ims, Arbitraries.randoms()).as((a, b, c, random) -> {
            List<StorageModel> storages = new ArrayList<>();
            a.ifPresent(storages::add);
            b.ifPresent(storages::add);
            c.ifPresent(storages::add);
            java.util.Collections.shuffle(storages, random);
            return storages;
        });
    }

    private static Arbitrary<StackModel> stack() {
        return Combinators.combine(text(), Arbitraries.of(StorageKind.class), text().optional(0.4),
                        Arbitraries.of(true, false), Arbitraries.integers().between(1, 65536))
                .as((device, storage, remap, hcall, alloc) ->
                        new StackModel(device, storage, remap, hcall && remap.isEmpty(), alloc));
    }

    private static Arbitrary<GuestModel> guest() {
        return Combinators.combine(text(), Arbitraries.integers().between(1, 4096), text().list().ofMaxSize(4),
                stack().list().ofMaxSize(3)).as(GuestModel::new);
    }
}
