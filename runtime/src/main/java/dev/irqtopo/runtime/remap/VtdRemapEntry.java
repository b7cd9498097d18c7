package dev.irqtopo.runtime.remap;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.SourceCheck;
import dev.irqtopo.runtime.message.Hex;

import java.util.Objects;
import java.util.Optional;

/**
 * A VT-d interrupt remapping table entry (IRTE). Entries the engine programs are always fixed
 * delivery and edge triggered; the destination mode and the redirection hint are the programming
 * kernel's (the design profile: physical, no hint).
 *
 * @param present     the P bit: a request selecting a non-present entry faults (0x22)
 * @param vector      the host vector the entry delivers in remapped mode
 * @param destination the destination field (IRTE bits 63:32) encoded per APIC mode: the destination id
 *                    (an APIC ID, or with {@code logical} a logical id) itself in x2APIC mode, shifted
 *                    left by 8 in xAPIC mode
 * @param apicMode    how {@code destination} is encoded
 * @param svt         source validation type
 * @param sq          source-id qualifier; the engine always uses 00 (compare every bit)
 * @param sid         source id: a requester id (SVT 01) or start bus 15:8 and end bus 7:0 (SVT 10)
 * @param segment     the PCI segment the SID belongs to; requester ids compare with their segment
 * @param posted      when present the entry is in posted mode and delivers straight to this guest vCPU;
 *                    vector and destination keep the host allocation, which stays reserved meanwhile
 * @param logical     the DM bit (IRTE bit 2): the destination is a logical id rather than an APIC ID
 * @param redirectionHint the RH bit (IRTE bit 3), which Linux sets in every entry it programs
 */
public record VtdRemapEntry(
        boolean present,
        int vector,
        int destination,
        ApicMode apicMode,
        SourceValidation svt,
        int sq,
        int sid,
        int segment,
        Optional<PostedTarget> posted,
        boolean logical,
        boolean redirectionHint) implements RemapEntry {

    public VtdRemapEntry {
        Objects.requireNonNull(apicMode);
        Objects.requireNonNull(svt);
        Objects.requireNonNull(posted);
        if (vector < 0 || vector > 0xFF) {
            throw new IllegalArgumentException("vector " + vector);
        }
        if (sid < 0 || sid > 0xFFFF || sq < 0 || sq > 3 || segment < 0 || segment > 0xFFFF) {
            throw new IllegalArgumentException("SID 0x" + Integer.toHexString(sid) + " SQ " + sq + " segment " + segment);
        }
    }

    /** An entry with physical destination mode and no redirection hint, as the design profile programs them. */
    public VtdRemapEntry(boolean present, int vector, int destination, ApicMode apicMode, SourceValidation svt, int sq,
                         int sid, int segment, Optional<PostedTarget> posted) {
        this(present, vector, destination, apicMode, svt, sq, sid, segment, posted, false, false);
    }

    /**
     * A present entry in remapped mode for {@code requester}, validated as {@code check} says: fixed
     * delivery of {@code vector} to the CPU with {@code apicId}.
     */
    public static VtdRemapEntry remapped(int vector, int apicId, ApicMode apicMode, SourceCheck check, RequesterId requester) {
        return remapped(vector, apicId, apicMode, check, requester, false);
    }

    /**
     * {@link #remapped(int, int, ApicMode, SourceCheck, RequesterId)} for a device that sits behind a
     * bridge when {@code behindBridge}: {@code requester} is then the bridge's alias, and as the alias
     * stands for every device on its bus, Linux can only bind the entry to that bus (SVT 10), unless
     * source validation is off altogether.
     */
    public static VtdRemapEntry remapped(int vector, int apicId, ApicMode apicMode, SourceCheck check, RequesterId requester,
                                         boolean behindBridge) {
        return remapped(vector, apicId, false, false, apicMode, check, requester, behindBridge);
    }

    /**
     * {@link #remapped(int, int, ApicMode, SourceCheck, RequesterId, boolean)} naming the CPU by
     * {@code destinationId}, a logical id when {@code logical} (DM = 1), with the redirection hint
     * {@code redirectionHint} (as Linux's {@code prepare_irte} sets DM from its APIC driver and RH always).
     */
    public static VtdRemapEntry remapped(int vector, int destinationId, boolean logical, boolean redirectionHint,
                                         ApicMode apicMode, SourceCheck check, RequesterId requester, boolean behindBridge) {
        SourceValidation svt = behindBridge && check == SourceCheck.FULL ? SourceValidation.BUS_RANGE : SourceValidation.of(check);
        int sid = switch (svt) {
            case REQUESTER_ID -> requester.sourceId();
            case BUS_RANGE -> requester.bus() << 8 | requester.bus();
            case NONE -> 0;
        };
        int destination = apicMode == ApicMode.X2APIC ? destinationId : (destinationId & 0xFF) << 8;
        return new VtdRemapEntry(true, vector, destination, apicMode, svt, 0, sid, requester.segment(), Optional.empty(),
                logical, redirectionHint);
    }

    /** The same entry switched to posted mode, delivering to {@code target}. */
    public VtdRemapEntry postedTo(PostedTarget target) {
        return new VtdRemapEntry(present, vector, destination, apicMode, svt, sq, sid, segment, Optional.of(target), logical,
                redirectionHint);
    }

    /** The destination id decoded from the destination field: the APIC ID, or with {@code logical} the logical id. */
    public int destinationApicId() {
        return apicMode == ApicMode.X2APIC ? destination : destination >>> 8 & 0xFF;
    }

    /** Whether source validation lets a request carrying {@code requester} use this entry. */
    public boolean accepts(RequesterId requester) {
        return switch (svt) {
            case NONE -> true;
            case REQUESTER_ID -> segment == requester.segment() && sid == requester.sourceId();
            case BUS_RANGE -> segment == requester.segment()
                    && requester.bus() >= sid >>> 8 && requester.bus() <= (sid & 0xFF);
        };
    }

    /** Whether this entry's source validation lets exactly the requesters use it that {@code other}'s does. */
    public boolean acceptsAlike(VtdRemapEntry other) {
        return svt == other.svt && (svt == SourceValidation.NONE || sid == other.sid && segment == other.segment);
    }

    /** {@code "SVT 01 SID 03:00.0"}, {@code "SVT 10 bus 03..03"} or {@code "SVT 00"}: the validation in words. */
    public String sourceValidationLabel() {
        return switch (svt) {
            case NONE -> svt.label();
            case REQUESTER_ID -> svt.label() + " SID " + RequesterId.of(segment, sid >>> 8, sid >>> 3 & 0x1F, sid & 7);
            case BUS_RANGE -> svt.label() + " bus " + (segment == 0 ? "" : Hex.of(segment, 4) + ":")
                    + Hex.of(sid >>> 8, 2) + ".." + Hex.of(sid & 0xFF, 2);
        };
    }

    /** The 128 bits the hardware reads for this entry; a posted one points at its target's descriptor in {@code descriptors}. */
    public Irte irte(PostedDescriptors descriptors) {
        return Irte.of(this, descriptors);
    }
}
