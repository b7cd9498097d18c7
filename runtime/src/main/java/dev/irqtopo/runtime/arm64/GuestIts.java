package dev.irqtopo.runtime.arm64;

import dev.irqtopo.model.arm.Arm64GuestModel;
import dev.irqtopo.model.arm.ArmCpus;
import dev.irqtopo.model.arm.EventIdOverflow;
import dev.irqtopo.model.arm.GicModel;
import dev.irqtopo.model.arm.ItsModel;
import dev.irqtopo.runtime.gic.CpuLoad;
import dev.irqtopo.runtime.gic.Gic;
import dev.irqtopo.runtime.gic.IgnoreReason;
import dev.irqtopo.runtime.gic.Its;
import dev.irqtopo.runtime.gic.ItsDriver;
import dev.irqtopo.runtime.gic.ItsDriverLine;
import dev.irqtopo.runtime.gic.LpiRanges;
import dev.irqtopo.runtime.gic.WriteOutcome;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A guest's virtual GICv3 with its one virtual ITS, as KVM emulates it (arch/arm64/kvm/vgic/vgic-its.c),
 * and the guest's own Linux ITS driver on it:
 * <ul>
 *   <li>the vITS sits where QEMU's {@code virt} machine puts it, base 0x08080000 ({@code VIRT_GIC_ITS}),
 *       so its GITS_TRANSLATER, the guest's doorbell, is guest-physical {@value #DOORBELL_TEXT};</li>
 *   <li>16 DeviceID and 16 EventID bits ({@code VITS_TYPER_DEVBITS}, {@code VITS_TYPER_IDBITS}), 8-byte
 *       ITT entries, 16 interrupt ID bits ({@code INTERRUPT_ID_BITS_ITS}): LPIs 8192‥65535;</li>
 *   <li>vCPUs numbered by KVM's default MPIDR (Aff0 = id mod 16, Aff1 = id / 16), as {@link ArmCpus#virt};</li>
 *   <li>the guest's DeviceIDs are its requester ids through QEMU's identity msi-map: the model puts the
 *       i-th device the guest is assigned (0-based, in its {@code assign} order) at guest 00:(i+1).0,
 *       after the host bridge at 00:00.0, so DeviceID = (i + 1) × 8;</li>
 *   <li>KVM looks an event up by all 32 bits of the EventID ({@code find_ite}), so an EventID with bits
 *       above the 16 it implements finds no entry: of the two choices the architecture allows, the vITS
 *       ignores such a write;</li>
 *   <li>its commands refuse what KVM refuses, with KVM's {@code E_ITS_*} codes ({@link
 *       dev.irqtopo.runtime.gic.ItsCommandError}), and {@link #inject} answers as
 *       {@code vgic_its_inject_msi} does.</li>
 * </ul>
 */
public final class GuestIts {

    public static final long BASE = 0x0808_0000L;
    public static final long DOORBELL = BASE + ItsModel.TRANSLATER_OFFSET;
    /** KVM registers the vITS's MMIO as two 64 KiB frames ({@code KVM_VGIC_V3_ITS_SIZE}). */
    public static final long SIZE = 0x2_0000L;
    static final String DOORBELL_TEXT = "0x08090040";
    /** The unit's name in reports: the guest's chains write it as {@code its}. */
    public static final String NAME = "its";
    public static final int ID_BITS = 16;

    private final Arm64GuestModel model;
    private final ArmCpus vcpus;
    private final Gic gic;
    private final ItsDriver driver;
    private final Map<Integer, Handler> handlers = new HashMap<>();
    private int nextVirq = 1;

    GuestIts(Arm64GuestModel model, ItsDriverLine line) {
        this.model = model;
        this.vcpus = ArmCpus.virt(model.cpus());
        ItsModel its = new ItsModel(NAME, DOORBELL, ID_BITS, ID_BITS, ItsModel.DEFAULT_ITT_ENTRY_SIZE, true,
                EventIdOverflow.WRITE_IGNORED);
        this.gic = new Gic(new GicModel(3, ID_BITS, List.of(its), List.of()), model.cpus());
        this.driver = new ItsDriver(gic.its(NAME).orElseThrow(), LpiRanges.forIdBits(ID_BITS), new CpuLoad(model.cpus()), line);
        driver.initCollections();
    }

    public Arm64GuestModel model() {
        return model;
    }

    public String name() {
        return model.name();
    }

    public ArmCpus vcpus() {
        return vcpus;
    }

    public Gic gic() {
        return gic;
    }

    ItsParent parent() {
        return new ItsParent(driver);
    }

    /** The DeviceID {@code device} presents to the vITS: its guest requester id. */
    public long deviceId(String device) {
        int index = model.devices().indexOf(device);
        if (index < 0) {
            throw new IllegalArgumentException(model.name() + " is not assigned " + device);
        }
        return (long) (index + 1) << 3;
    }

    /**
     * KVM injects an MSI into this vITS ({@code vgic_its_inject_msi}): the message must carry a DeviceID
     * ({@code KVM_MSI_VALID_DEVID}) and an address inside the vITS's MMIO frames, which KVM does not narrow
     * to GITS_TRANSLATER ({@code vgic_msi_to_its}); a disabled vITS is busy; otherwise the event's entry,
     * in a mapped collection, names the LPI ({@code vgic_its_resolve_lpi}). The guest's vCPUs have their
     * LPIs enabled once its ITS driver probed, which it has whenever it allocated anything here.
     */
    public VitsInjection inject(OptionalLong deviceId, Message message) {
        if (deviceId.isEmpty()) {
            return new VitsInjection.Refused(Errno.EINVAL, IgnoreReason.NO_DEVICE_ID);
        }
        if (Long.compareUnsigned(message.address() - BASE, SIZE) >= 0) {
            return new VitsInjection.Refused(Errno.EINVAL, IgnoreReason.OUTSIDE_ITS_FRAME);
        }
        Its its = gic.its(NAME).orElseThrow();
        if (!its.enabled()) {
            return new VitsInjection.Refused(Errno.EBUSY, IgnoreReason.ITS_DISABLED);
        }
        WriteOutcome written = its.translate(deviceId, message.data());
        if (written instanceof WriteOutcome.Delivered delivered) {
            return new VitsInjection.Raised(delivered.raised());
        }
        return new VitsInjection.Blocked(((WriteOutcome.Ignored) written).reason());
    }

    int nextVirq() {
        return nextVirq++;
    }

    void handle(int intid, Handler handler) {
        handlers.put(intid, handler);
    }

    /** The guest's handler of LPI {@code intid}. */
    public Optional<Handler> handler(int intid) {
        return Optional.ofNullable(handlers.get(intid));
    }
}
