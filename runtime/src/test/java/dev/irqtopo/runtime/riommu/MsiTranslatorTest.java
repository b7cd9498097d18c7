package dev.irqtopo.runtime.riommu;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.model.riscv.DeviceContext;
import dev.irqtopo.model.riscv.GuestAddressWidth;
import dev.irqtopo.model.riscv.IommuCapabilities;
import dev.irqtopo.model.riscv.MsiPtMode;
import dev.irqtopo.model.riscv.MsiPte;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The reference model's MSI translation with the bits worked out by hand: a guest with four vCPUs whose
 * virtual IMSIC S pages are 0x2800_0000..0x2800_3000 (pattern 0x28000, mask 0b11), its MSI page table
 * at 0x8000_0000.
 */
class MsiTranslatorTest {

    private static final IommuCapabilities CAPS = new IommuCapabilities(40, GuestAddressWidth.SV39X4, true, true, false);
    private static final long TABLE_PPN = 0x8_0000L;

    private static DeviceContext guest(Map<Long, MsiPte> entries) {
        return DeviceContext.flat(TABLE_PPN, 0b11, 0x28000, entries);
    }

    private static MsiTranslation translate(IommuCapabilities caps, DeviceContext dc, long gpa) {
        return MsiTranslator.translate(caps, dc, gpa);
    }

    private static MsiTranslation fault(MsiFault fault) {
        return new MsiTranslation.Fault(fault);
    }

    @Test
    void extractPacksTheMaskedBitsAsTheSpecificationsExample() {
        // x = a b c d e f g h = 1 1 0 1 0 1 1 0, y = 1 0 1 0 0 1 1 0 → 0 0 0 0 a c f g = 0b1011
        assertThat(Pext.extract(0b1101_0110L, 0b1010_0110L)).isEqualTo(0b1011L);
        // and back: 0b1011 spread to bits 7, 5, 2, 1 gives bits 7, 2, 1
        assertThat(Pext.deposit(0b1011L, 0b1010_0110L)).isEqualTo(0b1000_0110L);
        assertThat(Pext.extract(-1L, 0)).isEqualTo(0);
    }

    @Test
    void basicTranslateReplacesThePageAndKeepsTheOffset() {
        // vCPU 2's page 0x2800_2000 → file number 2 → PTE at 0x8000_0000 | 2·16; it maps host page 0x2800_E000
        DeviceContext dc = guest(Map.of(2L, new MsiPte.Basic(0x2800EL)));
        assertThat(translate(CAPS, dc, 0x2800_2000L)).isEqualTo(new MsiTranslation.Translated(0x2800_E000L));
        assertThat(translate(CAPS, dc, 0x2800_2004L)).isEqualTo(new MsiTranslation.Translated(0x2800_E004L));
        // page 0x28004 has bit 2 set, outside the mask and not in the pattern: no MSI
        assertThat(translate(CAPS, dc, 0x2800_4000L)).isEqualTo(new MsiTranslation.NotMsi());
        // file number 1 has no entry: V = 0
        assertThat(translate(CAPS, dc, 0x2800_1000L)).isEqualTo(fault(MsiFault.MSI_PTE_NOT_VALID));
    }

    @Test
    void theFileNumberIsABitExtractNotAnOffset() {
        // mask 0b1010 (page bits 1 and 3): page 0x2800A has bits 3 and 1 set → file number 0b11 = 3
        DeviceContext dc = DeviceContext.flat(TABLE_PPN, 0b1010, 0x28000, Map.of(3L, new MsiPte.Basic(0x2800CL)));
        assertThat(translate(CAPS, dc, 0x2800_A000L)).isEqualTo(new MsiTranslation.Translated(0x2800_C000L));
        // page 0x28008 → file number 0b10 = 2, no entry
        assertThat(translate(CAPS, dc, 0x2800_8000L)).isEqualTo(fault(MsiFault.MSI_PTE_NOT_VALID));
    }

    @Test
    void misconfiguredEntriesAreCause263() {
        long basic = new MsiPte.Basic(0x2800EL).dw0();
        Map<Long, MsiPte> entries = new TreeMap<>();
        entries.put(0L, new MsiPte.Raw(basic | 1L << 63, 0));       // C = 1
        entries.put(1L, new MsiPte.Raw(basic & ~0b110L | 0b100, 0)); // M = 2
        entries.put(2L, new MsiPte.Raw(basic & ~0b110L, 0));         // M = 0
        entries.put(3L, new MsiPte.Raw(basic | 1L << 3, 0));        // reserved dw0 bit 3
        DeviceContext dc = guest(entries);
        for (long page = 0; page < 4; page++) {
            assertThat(translate(CAPS, dc, 0x2800_0000L + page * 0x1000)).isEqualTo(fault(MsiFault.MSI_PTE_MISCONFIGURED));
        }
        assertThat(MsiFault.MSI_PTE_MISCONFIGURED.cause()).isEqualTo(263);
    }

    @Test
    void mrifEntriesNeedTheCapabilityAndDecodeTheirNotice() {
        DeviceContext dc = guest(Map.of(0L, new MsiPte.Mrif(0x8000_0200L, 0x28001L, 0x401)));
        assertThat(translate(CAPS, dc, 0x2800_0000L)).isEqualTo(new MsiTranslation.ToMrif(0x8000_0200L, 0x2800_1000L, 0x401));
        IommuCapabilities noMrif = new IommuCapabilities(40, GuestAddressWidth.SV39X4, true, false, false);
        assertThat(translate(noMrif, dc, 0x2800_0000L)).isEqualTo(fault(MsiFault.MSI_PTE_MISCONFIGURED));
        // a reserved bit of the second doubleword (bit 54)
        MsiPte.Mrif good = new MsiPte.Mrif(0x8000_0200L, 0x28001L, 0x401);
        DeviceContext bad = guest(Map.of(0L, new MsiPte.Raw(good.dw0(), good.dw1() | 1L << 54)));
        assertThat(translate(CAPS, bad, 0x2800_0000L)).isEqualTo(fault(MsiFault.MSI_PTE_MISCONFIGURED));
    }

    @Test
    void aPteBeyondThePhysicalAddressSpaceIsAnAccessFault() {
        // PAS 31: the table at 0x7FFF_F000 holds file 1's entry at 0x7FFF_F010, below 2^31
        IommuCapabilities pas31 = new IommuCapabilities(31, GuestAddressWidth.SV39X4, true, true, false);
        DeviceContext dc = DeviceContext.flat(0x7FFFFL, 0b11, 0x28000, Map.of(1L, new MsiPte.Basic(1)));
        assertThat(translate(pas31, dc, 0x2800_1000L)).isEqualTo(new MsiTranslation.Translated(0x1000L));
        // at 0x8000_0000 every entry is at or above 2^31
        assertThat(translate(pas31, guest(Map.of(1L, new MsiPte.Basic(1))), 0x2800_1000L))
                .isEqualTo(fault(MsiFault.MSI_PTE_LOAD_ACCESS_FAULT));
    }

    @Test
    void offOrBaseFormatContextsRecogniseNothing() {
        DeviceContext dc = guest(Map.of(2L, new MsiPte.Basic(0x2800EL)));
        DeviceContext off = new DeviceContext(MsiPtMode.OFF, TABLE_PPN, 0b11, 0x28000, true, new TreeMap<>(dc.table()));
        assertThat(translate(CAPS, off, 0x2800_2000L)).isEqualTo(new MsiTranslation.NotMsi());
        IommuCapabilities noFlat = new IommuCapabilities(40, GuestAddressWidth.SV39X4, false, true, false);
        assertThat(translate(noFlat, dc, 0x2800_2000L)).isEqualTo(new MsiTranslation.NotMsi());
        DeviceContext bare = new DeviceContext(MsiPtMode.FLAT, TABLE_PPN, 0b11, 0x28000, false, new TreeMap<>(dc.table()));
        assertThat(translate(CAPS, bare, 0x2800_2000L)).isEqualTo(fault(MsiFault.DDT_ENTRY_MISCONFIGURED));
    }

    @Test
    void theMatchIgnoresAddressBitsAboveMgpaw() {
        // PAS 32 and no Sv*x4: MGPAW = 32, so page-number bits 20 and up are not compared
        IommuCapabilities narrow = new IommuCapabilities(32, GuestAddressWidth.PHYSICAL, true, true, false);
        DeviceContext dc = guest(Map.of(2L, new MsiPte.Basic(0x2800EL)));
        assertThat(translate(narrow, dc, 0x1_2800_2000L)).isEqualTo(new MsiTranslation.Translated(0x2800_E000L));
        assertThat(translate(CAPS, dc, 0x1_2800_2000L)).isEqualTo(new MsiTranslation.NotMsi());
    }
}
