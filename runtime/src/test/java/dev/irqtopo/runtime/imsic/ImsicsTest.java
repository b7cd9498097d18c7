package dev.irqtopo.runtime.imsic;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.model.riscv.ImsicGeometry;
import dev.irqtopo.model.riscv.InterruptFile;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the IMSIC hardware does with each kind of write, on QEMU's virt placement with 4 harts and 2 guests. */
class ImsicsTest {

    private static final ImsicGeometry VIRT = ImsicGeometry.virt(4, 1, 2);
    private final Imsics le = Imsics.of(VIRT);
    private final Imsics be = new Imsics(VIRT, true);

    /** Hart 2's S page: 0x2800_0000 + 2·2^14. */
    private static final long S2 = 0x2800_8000L;

    @Test
    void anImplementedIdentityBecomesPendingInTheFileOfThePage() {
        assertThat(le.write(S2, 5)).isEqualTo(new ImsicWrite.Pending(InterruptFile.supervisor(2), 5));
        assertThat(le.write(S2, 255)).isEqualTo(new ImsicWrite.Pending(InterruptFile.supervisor(2), 255));
        assertThat(le.write(S2 + 0x2000, 9)).isEqualTo(new ImsicWrite.Pending(InterruptFile.guest(2, 2), 9));
        assertThat(le.write(0x2400_1000L, 9)).isEqualTo(new ImsicWrite.Pending(InterruptFile.machine(1), 9));
        assertThat(le.write(S2, 5).outcome()).isEqualTo("pending");
    }

    @Test
    void identity0AndIdentitiesAboveNAreIgnored() {
        Optional<InterruptFile> s2 = Optional.of(InterruptFile.supervisor(2));
        assertThat(le.write(S2, 0)).isEqualTo(new ImsicWrite.Ignored(S2, s2, ImsicIgnoreReason.IDENTITY_NOT_IMPLEMENTED));
        assertThat(le.write(S2, 256)).isEqualTo(new ImsicWrite.Ignored(S2, s2, ImsicIgnoreReason.IDENTITY_NOT_IMPLEMENTED));
        assertThat(le.write(S2, -1).outcome()).isEqualTo("ignored");
    }

    @Test
    void otherOffsetsAndAccessesAreIgnored() {
        Optional<InterruptFile> s2 = Optional.of(InterruptFile.supervisor(2));
        assertThat(le.write(S2 + 4, 0x0500_0000)).isEqualTo(new ImsicWrite.Ignored(S2, s2, ImsicIgnoreReason.BIG_ENDIAN_PORT_ABSENT));
        // seteipnum_be reads 0x05000000 big-endian: identity 5
        assertThat(be.write(S2 + 4, 0x0500_0000)).isEqualTo(new ImsicWrite.Pending(InterruptFile.supervisor(2), 5));
        assertThat(le.write(S2 + 8, 5)).isEqualTo(new ImsicWrite.Ignored(S2, s2, ImsicIgnoreReason.READ_ONLY_OFFSET));
        assertThat(le.write(S2, 2, 5)).isEqualTo(new ImsicWrite.Ignored(S2, s2, ImsicIgnoreReason.UNSUPPORTED_ACCESS));
        assertThat(le.write(S2 + 2, 4, 5)).isEqualTo(new ImsicWrite.Ignored(S2, s2, ImsicIgnoreReason.UNSUPPORTED_ACCESS));
    }

    @Test
    void emptySlotsAreReadOnlyZeroAndOtherPagesMemory() {
        // with 2 guests each hart has 4 page slots; hart 2's fourth is S2 + 3 pages
        assertThat(le.write(S2 + 0x3000, 5))
                .isEqualTo(new ImsicWrite.Ignored(S2 + 0x3000, Optional.empty(), ImsicIgnoreReason.NO_FILE));
        assertThat(le.write(0x8000_0000L, 5)).isEqualTo(new ImsicWrite.MemoryWrite(0x8000_0000L));
        assertThat(le.write(0x8000_0000L, 5).outcome()).isEqualTo("memory_write");
    }
}
