package dev.irqtopo.cli;

import dev.irqtopo.compiler.TestSources;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * {@code simulate}, {@code verify}, {@code explain}, {@code dot}, {@code trace}, {@code tables} and
 * {@code diff}, text and JSON, on the arm64 samples,
 * compared character for character with {@code src/test/resources/commands/arm64/}, one file per test
 * method. Regenerate after a deliberate change with {@code -Dirqtopo.updateGoldens=true}, as for
 * {@link CommandGoldenTest}, and review the difference.
 */
class Arm64CommandGoldenTest {

    private static final CommandGoldens GOLDENS = new CommandGoldens(Path.of("src", "test", "resources", "commands", "arm64"));

    private static String sample(String name) {
        return TestSources.resource("samples/" + name + ".irqtopo").toString();
    }

    @Test
    void simulateSriovIts(TestInfo test) throws IOException {
        assertGolden(test, "simulate", sample("sriov-its"));
    }

    @Test
    void simulateSriovItsJson(TestInfo test) throws IOException {
        assertGolden(test, "simulate", sample("sriov-its"), "--json");
    }

    @Test
    void verifySriovIts(TestInfo test) throws IOException {
        assertGolden(test, "verify", sample("sriov-its"));
    }

    @Test
    void verifySriovItsJson(TestInfo test) throws IOException {
        assertGolden(test, "verify", sample("sriov-its"), "--json");
    }

    /** SPIs 80 and 81 on CPU 0; vm0's vectors backed by SPIs 82 and 83 of the same frame. */
    @Test
    void simulateV2mAssigned(TestInfo test) throws IOException {
        assertGolden(test, "simulate", sample("v2m-assigned"));
    }

    @Test
    void simulateV2mAssignedJson(TestInfo test) throws IOException {
        assertGolden(test, "simulate", sample("v2m-assigned"), "--json");
    }

    /** vm0's DMA raises the host's SPI 80 (class no-device-identity), and Linux refuses the function. */
    @Test
    void verifyV2mAssigned(TestInfo test) throws IOException {
        assertGolden(test, "verify", sample("v2m-assigned"));
    }

    @Test
    void verifyV2mAssignedJson(TestInfo test) throws IOException {
        assertGolden(test, "verify", sample("v2m-assigned"), "--json");
    }

    /** fa and fb share DeviceID 0x400, so one ITT: events 0 and 1 are vm0's, 2 and 3 vm1's. */
    @Test
    void simulateMsiMapAlias(TestInfo test) throws IOException {
        assertGolden(test, "simulate", sample("msi-map-alias"));
    }

    @Test
    void verifyMsiMapAlias(TestInfo test) throws IOException {
        assertGolden(test, "verify", sample("msi-map-alias"));
    }

    @Test
    void verifyMsiMapAliasJson(TestInfo test) throws IOException {
        assertGolden(test, "verify", sample("msi-map-alias"), "--json");
    }

    @Test
    void simulateGicv4Vlpi(TestInfo test) throws IOException {
        assertGolden(test, "simulate", sample("gicv4-vlpi"));
    }

    @Test
    void simulateGicv4VlpiJson(TestInfo test) throws IOException {
        assertGolden(test, "simulate", sample("gicv4-vlpi"), "--json");
    }

    @Test
    void verifyGicv4Vlpi(TestInfo test) throws IOException {
        assertGolden(test, "verify", sample("gicv4-vlpi"));
    }

    @Test
    void explainSriovIts(TestInfo test) throws IOException {
        assertGolden(test, "explain", sample("sriov-its"));
    }

    /** A GICv2m frame stops nothing: vm0's DMA raises the host's SPI 80. */
    @Test
    void explainV2mAssigned(TestInfo test) throws IOException {
        assertGolden(test, "explain", sample("v2m-assigned"));
    }

    @Test
    void explainMsiMapAlias(TestInfo test) throws IOException {
        assertGolden(test, "explain", sample("msi-map-alias"));
    }

    @Test
    void explainGicv4Vlpi(TestInfo test) throws IOException {
        assertGolden(test, "explain", sample("gicv4-vlpi"));
    }

    @Test
    void dotSriovIts(TestInfo test) throws IOException {
        assertGolden(test, "dot", sample("sriov-its"));
    }

    @Test
    void dotV2mAssigned(TestInfo test) throws IOException {
        assertGolden(test, "dot", sample("v2m-assigned"));
    }

    /** vf0's own slot 0 as the SMMU sees it: the MSI window's page, its0, the host LPI behind vm0's vector, vm0's vITS. */
    @Test
    void traceSriovItsOwnSlot(TestInfo test) throws IOException {
        assertGolden(test, "trace", sample("sriov-its"), "--device", "vf0", "--message", "0x08000040:0");
    }

    @Test
    void traceSriovItsOwnSlotJson(TestInfo test) throws IOException {
        assertGolden(test, "trace", sample("sriov-its"), "--device", "vf0", "--message", "0x08000040:0", "--json");
    }

    /** fa writes EventID 2 under the DeviceID it shares with fb: vm1's interrupt. */
    @Test
    void traceMsiMapAliasBreach(TestInfo test) throws IOException {
        assertGolden(test, "trace", sample("msi-map-alias"), "--device", "fa", "--message", "0x08000040:2");
    }

    /** An EventID the ITT has no entry for. */
    @Test
    void traceSriovItsUnmappedEvent(TestInfo test) throws IOException {
        assertGolden(test, "trace", sample("sriov-its"), "--device", "vf0", "--message", "0x08000040:3");
    }

    /** Behind the SMMU the GICv2m frame's page is not mapped for vf: a fault before the frame. */
    @Test
    void traceV2mAssignedFault(TestInfo test) throws IOException {
        assertGolden(test, "trace", sample("v2m-assigned"), "--device", "vf", "--message", "0x08020040:0x50");
    }

    @Test
    void traceGicv4Vlpi(TestInfo test) throws IOException {
        assertGolden(test, "trace", sample("gicv4-vlpi"), "--device", "vf", "--message", "0x08000040:1");
    }

    @Test
    void tablesSriovIts(TestInfo test) throws IOException {
        assertGolden(test, "tables", sample("sriov-its"));
    }

    @Test
    void tablesSriovItsJson(TestInfo test) throws IOException {
        assertGolden(test, "tables", sample("sriov-its"), "--json");
    }

    @Test
    void tablesV2mAssigned(TestInfo test) throws IOException {
        assertGolden(test, "tables", sample("v2m-assigned"));
    }

    /** An msi_map_mask of 0xffff gives fb its own DeviceID: the breach is gone. */
    @Test
    void diffMsiMapAliasUnmasked(TestInfo test) throws IOException {
        assertGolden(test, DiffCommand.DIFFERENCES, "diff", sample("msi-map-alias"),
                TestSources.resource("diff/msi-map-alias-unmasked.irqtopo").toString());
    }

    @Test
    void diffMsiMapAliasUnmaskedJson(TestInfo test) throws IOException {
        assertGolden(test, DiffCommand.DIFFERENCES, "diff", sample("msi-map-alias"),
                TestSources.resource("diff/msi-map-alias-unmasked.irqtopo").toString(), "--json");
    }

    private static void assertGolden(TestInfo test, String... args) throws IOException {
        assertGolden(test, IrqtopoCommand.OK, args);
    }

    private static void assertGolden(TestInfo test, int exit, String... args) throws IOException {
        GOLDENS.assertCommand(test, exit, args);
    }
}
