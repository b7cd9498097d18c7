package dev.irqtopo.runtime.gic;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.irqtopo.model.arm.EventIdOverflow;
import dev.irqtopo.model.arm.ItsModel;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The ITS as hardware: its commands and every way a write to GITS_TRANSLATER ends. */
class ItsTest {

    private static final ItsModel MODEL = ItsModel.atBase("its0", 0x0808_0000L, 4, 5);

    private static Its its() {
        Its its = new Its(MODEL, 2, 16384);
        its.mapc(0, 0, true);
        its.mapc(1, 1, true);
        return its;
    }

    private static WriteOutcome.Ignored ignored(IgnoreReason reason) {
        return new WriteOutcome.Ignored("its0", reason);
    }

    @Test
    void aMappedEventBecomesItsLpiAtTheCollectionsCpu() {
        Its its = its();
        assertThat(its.mapd(3, 1, true)).isEmpty();  // 2 EventID bits: events 0..3
        assertThat(its.mapti(3, 2, 8194, 1)).isEmpty();
        assertThat(its.translate(OptionalLong.of(3), 2))
                .isEqualTo(new WriteOutcome.Delivered("its0", new GicInterrupt.Lpi(8194, 1)));
    }

    @Test
    void everyIgnoredWriteNamesItsReason() {
        Its its = its();
        its.mapd(3, 1, true);
        its.mapti(3, 2, 8194, 7);  // collection 7 is never mapped
        its.mapti(3, 1, 8193, 0);
        assertThat(its.translate(OptionalLong.empty(), 1)).isEqualTo(ignored(IgnoreReason.NO_DEVICE_ID));
        assertThat(its.translate(OptionalLong.of(16), 1)).isEqualTo(ignored(IgnoreReason.DEVICE_ID_TOO_LARGE));
        assertThat(its.translate(OptionalLong.of(4), 1)).isEqualTo(ignored(IgnoreReason.DEVICE_ID_UNMAPPED));
        assertThat(its.translate(OptionalLong.of(3), 4)).isEqualTo(ignored(IgnoreReason.EVENT_ID_OUT_OF_RANGE));
        assertThat(its.translate(OptionalLong.of(3), 0)).isEqualTo(ignored(IgnoreReason.EVENT_ID_UNMAPPED));
        assertThat(its.translate(OptionalLong.of(3), 2)).isEqualTo(ignored(IgnoreReason.COLLECTION_UNMAPPED));
        its.setEnabled(false);
        assertThat(its.translate(OptionalLong.of(3), 1)).isEqualTo(ignored(IgnoreReason.ITS_DISABLED));
        assertThat(IgnoreReason.EVENT_ID_OUT_OF_RANGE.word()).isEqualTo("event_id_out_of_range");
    }

    @Test
    void eventIdBitsAboveIdBitsAreIgnoredOrIgnoreTheWrite() {
        // 5 EventID bits: 0x21 = 32 + 1 has bit 5 set
        Its truncating = its();
        truncating.mapd(3, 1, true);
        truncating.mapti(3, 1, 8193, 0);
        assertThat(truncating.translate(OptionalLong.of(3), 0x21))
                .isEqualTo(new WriteOutcome.Delivered("its0", new GicInterrupt.Lpi(8193, 0)));
        assertThat(truncating.translate(OptionalLong.of(3), 0x8000_0001)).isEqualTo(truncating.translate(OptionalLong.of(3), 1));

        Its strict = new Its(MODEL.withEventIdOverflow(EventIdOverflow.WRITE_IGNORED), 2, 16384);
        strict.mapc(0, 0, true);
        strict.mapd(3, 1, true);
        strict.mapti(3, 1, 8193, 0);
        assertThat(strict.translate(OptionalLong.of(3), 0x21)).isEqualTo(ignored(IgnoreReason.EVENT_ID_BITS_UNSUPPORTED));
        // within ID_bits but beyond the ITT's 2 bits: out of range either way
        assertThat(strict.translate(OptionalLong.of(3), 0x11)).isEqualTo(ignored(IgnoreReason.EVENT_ID_OUT_OF_RANGE));
    }

    @Test
    void mapdRefusesWhatTheItsCannotHoldAndAReMapdDropsTheOldItt() {
        Its its = its();
        assertThat(its.mapd(16, 1, true)).hasValue(ItsCommandError.MAPD_DEVICE_OUT_OF_RANGE);
        // size 5 = 6 EventID bits > 5
        assertThat(its.mapd(3, 5, true)).hasValue(ItsCommandError.MAPD_ITT_SIZE_OUT_OF_RANGE);
        assertThat(its.mapd(3, 4, true)).isEmpty();
        its.mapti(3, 9, 8200, 0);
        assertThat(its.itt(3).orElseThrow().entries()).hasSize(1);
        its.mapd(3, 4, true);
        assertThat(its.itt(3).orElseThrow().entries()).isEmpty();
        assertThat(its.translate(OptionalLong.of(3), 9)).isEqualTo(ignored(IgnoreReason.EVENT_ID_UNMAPPED));
        its.mapd(3, 0, false);
        assertThat(its.itt(3)).isEmpty();
        assertThat(ItsCommandError.MAPD_ITT_SIZE_OUT_OF_RANGE.code()).isEqualTo(0x010802);
    }

    @Test
    void maptiMapcMoviAndDiscardRefuseWhatDoesNotExist() {
        Its its = its();
        assertThat(its.mapti(3, 0, 8192, 0)).hasValue(ItsCommandError.MAPTI_UNMAPPED_DEVICE);
        its.mapd(3, 1, true);
        assertThat(its.mapti(3, 4, 8192, 0)).hasValue(ItsCommandError.MAPTI_EVENT_OUT_OF_RANGE);
        assertThat(its.mapti(3, 0, 8191, 0)).hasValue(ItsCommandError.MAPTI_PHYSICAL_ID_OUT_OF_RANGE);
        assertThat(its.mapti(3, 0, 16384, 0)).hasValue(ItsCommandError.MAPTI_PHYSICAL_ID_OUT_OF_RANGE);
        assertThat(its.mapti(3, 0, 8192, 0x10000)).hasValue(ItsCommandError.MAPTI_COLLECTION_OUT_OF_RANGE);
        assertThat(its.mapc(0, 2, true)).hasValue(ItsCommandError.MAPC_PROCESSOR_OUT_OF_RANGE);
        assertThat(its.mapc(0x10000, 0, true)).hasValue(ItsCommandError.MAPC_COLLECTION_OUT_OF_RANGE);
        assertThat(its.movi(3, 0, 1)).hasValue(ItsCommandError.MOVI_UNMAPPED_INTERRUPT);
        assertThat(its.discard(3, 0)).hasValue(ItsCommandError.DISCARD_UNMAPPED_INTERRUPT);
        assertThat(its.mapti(3, 0, 8192, 0)).isEmpty();
        assertThrows(IllegalStateException.class, () -> its.mapti(3, 0, 8193, 0));
        assertThat(its.movi(3, 0, 1)).isEmpty();
        assertThat(its.translate(OptionalLong.of(3), 0).interrupt()).hasValue(new GicInterrupt.Lpi(8192, 1));
        assertThat(its.discard(3, 0)).isEmpty();
        assertThat(its.itt(3).orElseThrow().entries()).isEmpty();
        assertThat(its.mapc(1, 0, false)).isEmpty();
        assertThat(its.collectionTarget(1)).isEqualTo(java.util.OptionalInt.empty());
        assertThat(its.collectionTarget(0)).isEqualTo(java.util.OptionalInt.of(0));
        assertThat(Optional.of(its.name())).hasValue("its0");
    }

    @Test
    void moviAndDiscardAnswerAsKvmsEmulatedItsDoes() {
        Its its = its();
        // an unmapped device has no entry: KVM's find_ite fails, so the error is the command's own
        assertThat(its.movi(5, 0, 1)).hasValue(ItsCommandError.MOVI_UNMAPPED_INTERRUPT);
        assertThat(its.discard(5, 0)).hasValue(ItsCommandError.DISCARD_UNMAPPED_INTERRUPT);
        its.mapd(3, 1, true);
        its.mapti(3, 0, 8192, 0);
        its.mapti(3, 1, 8193, 7);  // collection 7 is never mapped
        assertThat(its.movi(3, 0, 2)).hasValue(ItsCommandError.MOVI_UNMAPPED_COLLECTION);  // target unmapped
        assertThat(its.movi(3, 1, 0)).hasValue(ItsCommandError.MOVI_UNMAPPED_COLLECTION);  // entry's unmapped
        assertThat(its.discard(3, 1)).hasValue(ItsCommandError.DISCARD_UNMAPPED_INTERRUPT);
        assertThat(its.itt(3).orElseThrow().entries()).hasSize(2);
        assertThat(its.movi(3, 0, 1)).isEmpty();
        assertThat(its.translate(OptionalLong.of(3), 0).interrupt()).hasValue(new GicInterrupt.Lpi(8192, 1));
        assertThat(ItsCommandError.MOVI_UNMAPPED_COLLECTION.code()).isEqualTo(0x010109);
        assertThat(ItsCommandError.INT_UNMAPPED_INTERRUPT.code()).isEqualTo(0x010307);
        assertThat(ItsCommandError.INT_UNMAPPED_INTERRUPT.word()).isEqualTo("int_unmapped_interrupt");
    }
}
