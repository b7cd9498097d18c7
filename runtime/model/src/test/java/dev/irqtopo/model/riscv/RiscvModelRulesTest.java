package dev.irqtopo.model.riscv;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules each RISC-V model value keeps by itself, with the addresses and bits worked out by hand. */
class RiscvModelRulesTest {

    private static final ImsicPlacement PLACEMENT = new ImsicPlacement(0x2400_0000L, 12, 0x2800_0000L, 12, 24);

    @Test
    void identitiesAreOneLessThanAMultipleOf64From63To2047() {
        for (int n : new int[] {63, 127, 255, 2047}) {
            assertThat(new ImsicGeometry(Harts.of(1), 0, n, n, n, PLACEMENT).supervisorIds()).isEqualTo(n);
        }
        for (int n : new int[] {0, 62, 64, 128, 2048, 2111}) {
            assertThat(assertThrows(IllegalArgumentException.class, () -> new ImsicGeometry(Harts.of(1), 0, 63, n, 63, PLACEMENT)))
                    .hasMessageThat().contains("64k − 1");
        }
    }

    @Test
    void virtPlacesHart3Guest2AfterItsSupervisorPage() {
        // 2 guests: D = 12 + ⌈log2 3⌉ = 14, so each hart has 4 pages: S, G1, G2 and one empty slot
        ImsicGeometry virt = ImsicGeometry.virt(4, 1, 2);
        assertThat(virt.placement().supervisorShift()).isEqualTo(14);
        assertThat(virt.guestIndexBits()).isEqualTo(2);
        // S of hart 3 = 0x2800_0000 + 3·2^14 = 0x2800_C000; guest 2 = + 2·4 KiB
        assertThat(virt.page(InterruptFile.supervisor(3))).isEqualTo(0x2800_C000L);
        assertThat(virt.page(InterruptFile.guest(3, 2))).isEqualTo(0x2800_E000L);
        // M of hart 3 = 0x2400_0000 + 3·2^12
        assertThat(virt.page(InterruptFile.machine(3))).isEqualTo(0x2400_3000L);
        assertThat(virt.fileAt(0x2800_E004L)).hasValue(InterruptFile.guest(3, 2));
        assertThat(virt.fileAt(0x2800_F000L)).isEmpty();
        assertThat(virt.inRegion(0x2800_F000L)).isTrue();
        // the S region is 2^(k+D) = 2^(2+14) = 64 KiB
        assertThat(virt.inRegion(0x2801_0000L)).isFalse();
        assertThat(virt.identities(InterruptFile.guest(0, 1))).isEqualTo(255);
        assertThat(virt.files()).hasSize(4 * 4);
    }

    @Test
    void virtPutsEachSocketIn16MiB() {
        // 2 sockets of 2 harts: hart 3 is hart 1 of group 1; E = 24
        ImsicGeometry virt = ImsicGeometry.virt(4, 2, 2);
        assertThat(virt.page(InterruptFile.supervisor(3))).isEqualTo(0x2800_0000L + (1L << 24) + (1L << 14));
        assertThat(virt.page(InterruptFile.machine(2))).isEqualTo(0x2500_0000L);
        assertThat(virt.fileAt(0x2900_4000L)).hasValue(InterruptFile.supervisor(3));
        assertThat(virt.fileAt(0x2900_8000L)).isEmpty();
        assertThrows(IllegalArgumentException.class, () -> ImsicGeometry.virt(4, 1, 8));
        assertThrows(IllegalArgumentException.class, () -> ImsicGeometry.virt(5, 2, 0));
    }

    @Test
    void placementRulesOfTheAia() {
        Harts four = Harts.of(4);
        // k = 2: A must be aligned to 2^(2+12)
        assertThat(assertThrows(IllegalArgumentException.class, () -> new ImsicGeometry(four, 0, 63, 63, 63,
                new ImsicPlacement(0x2400_2000L, 12, 0x2800_0000L, 12, 24)))).hasMessageThat().contains("A = 0x24002000");
        // 3 guest files need D ≥ 12 + 2
        assertThat(assertThrows(IllegalArgumentException.class, () -> new ImsicGeometry(four, 3, 63, 63, 63,
                new ImsicPlacement(0x2400_0000L, 12, 0x2800_0000L, 13, 24)))).hasMessageThat().contains("at least 14");
        // groups: E ≥ k + max(C, D) = 2 + 14
        assertThat(assertThrows(IllegalArgumentException.class, () -> new ImsicGeometry(new Harts(4, 2), 3, 63, 63, 63,
                new ImsicPlacement(0x2400_0000L, 12, 0x2800_0000L, 14, 15)))).hasMessageThat().contains("k + max(C, D)");
        // groups: A may have no bit in the group field (bit 24 for two groups with E = 24)
        assertThat(assertThrows(IllegalArgumentException.class, () -> new ImsicGeometry(new Harts(4, 2), 0, 63, 63, 63,
                new ImsicPlacement(0x0100_0000L, 12, 0x2800_0000L, 12, 24)))).hasMessageThat().contains("group field");
        // overlapping M and S regions
        assertThat(assertThrows(IllegalArgumentException.class, () -> new ImsicGeometry(four, 0, 63, 63, 63,
                new ImsicPlacement(0x2800_0000L, 12, 0x2800_0000L, 12, 24)))).hasMessageThat().contains("overlaps");
        assertThrows(IllegalArgumentException.class, () -> new ImsicPlacement(0x2400_0800L, 12, 0x2800_0000L, 12, 24));
        assertThrows(IllegalArgumentException.class, () -> new ImsicPlacement(0x2400_0000L, 11, 0x2800_0000L, 12, 24));
        assertThrows(IllegalArgumentException.class, () -> new ImsicGeometry(four, 64, 63, 63, 63,
                new ImsicPlacement(0x2400_0000L, 12, 0x2800_0000L, 19, 24)));
    }

    @Test
    void interruptFilesAreNamedStably() {
        assertThat(InterruptFile.guest(3, 2).word()).isEqualTo("hart3.guest2");
        assertThat(InterruptFile.supervisor(0).word()).isEqualTo("hart0.supervisor");
        assertThrows(IllegalArgumentException.class, () -> new InterruptFile(0, FileLevel.GUEST, 0));
        assertThrows(IllegalArgumentException.class, () -> new InterruptFile(0, FileLevel.MACHINE, 1));
    }

    @Test
    void msiPtesEncodeTheirFields() {
        // basic: PPN 0x80010 in bits 53:10, M = 3 in bits 2:1, V = 1
        assertThat(new MsiPte.Basic(0x80010L).dw0()).isEqualTo(0x2000_4007L);
        // MRIF 0x8000_0200: bits 55:9 = 0x40_0001 in dw0 bits 53:7; M = 1; V = 1
        MsiPte.Mrif mrif = new MsiPte.Mrif(0x8000_0200L, 0x28000L, 0x401);
        assertThat(mrif.dw0()).isEqualTo(0x2000_0083L);
        // NID 0x401: N[9:0] = 1 in bits 9:0, N10 = 1 in bit 60; NPPN 0x28000 in bits 53:10
        assertThat(mrif.dw1()).isEqualTo(0x1000_0000_0A00_0001L);
        assertThrows(IllegalArgumentException.class, () -> new MsiPte.Mrif(0x8000_0100L, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new MsiPte.Mrif(0x8000_0200L, 0, 2048));
        assertThrows(IllegalArgumentException.class, () -> new MsiPte.Basic(1L << 44));
    }

    @Test
    void msiTablesAreAlignedAsTheAiaRequires() {
        // 9 mask bits: 512 entries of 16 bytes = 8 KiB, so the table must start on an even page
        long mask = 0x1FF;
        assertThat(DeviceContext.flat(2, mask, 0, Map.of()).tableBits()).isEqualTo(9);
        assertThat(assertThrows(IllegalArgumentException.class, () -> DeviceContext.flat(1, mask, 0, Map.of())))
                .hasMessageThat().contains("UNSPECIFIED");
        // 8 mask bits: 256 entries fit a page, any page will do
        assertThat(DeviceContext.flat(1, 0xFF, 0, Map.of()).tableBits()).isEqualTo(8);
        assertThrows(IllegalArgumentException.class, () -> DeviceContext.flat(0, 0b11, 0, Map.of(4L, new MsiPte.Basic(1))));
        assertThrows(IllegalArgumentException.class, () -> DeviceContext.flat(0, 1L << 52, 0, Map.of()));
        assertThat(DeviceContext.flat(0, 0b11, 0, Map.of()).entry(3)).isEqualTo(new MsiPte.Invalid());
    }

    @Test
    void mgpawFollowsTheWidestSecondStageMode() {
        assertThat(new IommuCapabilities(40, GuestAddressWidth.SV39X4, true, true, false).mgpaw()).isEqualTo(41);
        assertThat(new IommuCapabilities(40, GuestAddressWidth.PHYSICAL, true, true, false).mgpaw()).isEqualTo(40);
        assertThat(IommuCapabilities.full().mgpaw()).isEqualTo(59);
    }
}
