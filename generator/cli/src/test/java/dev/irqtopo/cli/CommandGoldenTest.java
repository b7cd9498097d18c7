package dev.irqtopo.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.irqtopo.compiler.TestSources;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * {@code trace}, {@code tables}, {@code simulate} and {@code diff} on the bundled samples, their standard output
 * compared character for character with the text kept in {@code src/test/resources/commands/}, one file
 * named after each test method. After a deliberate change, rewrite them with
 * <pre>./mvnw -B -q -o -pl generator/cli -am test -Dtest=CommandGoldenTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dirqtopo.updateGoldens=true</pre>
 * and review the difference before committing it.
 */
class CommandGoldenTest {

    private static final CommandGoldens GOLDENS = new CommandGoldens(Path.of("src", "test", "resources", "commands"));

    private static String sample(String name) {
        return TestSources.resource("samples/" + name + ".irqtopo").toString();
    }

    /** {@code trace} of nicvf, the function vm0 drives in the ims-in-guest sample, emitting {@code message}. */
    private static void traceNicvf(TestInfo test, String message, String... more) throws IOException {
        String[] args = {"trace", sample("ims-in-guest"), "--device", "nicvf", "--message", message};
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        assertGolden(test, all);
    }

    /** The host's entry 0 (handle 0, sub-handle 0) forged by vm0: SVT 01 binds it to 03:00.0, fault 0x26. */
    @Test
    void traceForgedHostEntry(TestInfo test) throws IOException {
        traceNicvf(test, "0xfee00018:0x0");
    }

    @Test
    void traceForgedHostEntryJson(TestInfo test) throws IOException {
        traceNicvf(test, "0xfee00018:0x0", "--json");
    }

    /** Handle 100 selects an entry no one allocated: fault 0x22. */
    @Test
    void traceEntryNotPresent(TestInfo test) throws IOException {
        traceNicvf(test, "fee00c98:0");
    }

    /** Compatibility format, which VT-d in x2APIC mode always blocks: fault 0x25. */
    @Test
    void traceCompatibilityFormat(TestInfo test) throws IOException {
        traceNicvf(test, "fee00000:21");
    }

    @Test
    void traceCompatibilityFormatJson(TestInfo test) throws IOException {
        traceNicvf(test, "fee00000:21", "--json");
    }

    /** An address outside the interrupt range is DMA into memory. */
    @Test
    void traceMemoryWrite(TestInfo test) throws IOException {
        traceNicvf(test, "0x1000:0xdeadbeef");
    }

    @Test
    void traceMemoryWriteJson(TestInfo test) throws IOException {
        traceNicvf(test, "0x1000:0xdeadbeef", "--json");
    }

    /** What the host stored into nicvf's trapped MSI-X slot 0: entry 4, a host vector that injects vm0's. */
    @Test
    void traceOwnTrappedSlot(TestInfo test) throws IOException {
        traceNicvf(test, "0xFEE00098:0");
    }

    @Test
    void tablesImsInGuest(TestInfo test) throws IOException {
        assertGolden(test, "tables", sample("ims-in-guest"));
    }

    /** Two entries posted to vm0's vCPUs 0 and 1, whose descriptors sit 64 bytes apart at 4 GiB. */
    @Test
    void tablesPosted(TestInfo test) throws IOException {
        assertGolden(test, "tables", sample("posted"));
    }

    @Test
    void tablesPostedJson(TestInfo test) throws IOException {
        assertGolden(test, "tables", sample("posted"), "--json");
    }

    /** AMD-Vi's tables, one per requester id, by requester id then index. */
    @Test
    void tablesAmdVi(TestInfo test) throws IOException {
        assertGolden(test, "tables", sample("amdvi-tables"), "--iommu", "ivhd0");
    }

    @Test
    void tablesAmdViJson(TestInfo test) throws IOException {
        assertGolden(test, "tables", sample("amdvi-tables"), "--json");
    }

    /** Each interrupt's host CPU, APIC ID and host vector, and the entries that post. */
    @Test
    void simulatePosted(TestInfo test) throws IOException {
        assertGolden(test, "simulate", sample("posted"));
    }

    /** The guest-trapped sample against a copy with remapping off: vm0 reaches the host, and Linux sees it. */
    @Test
    void diffRemappingOff(TestInfo test) throws IOException {
        assertDiffGolden(test, "diff", sample("guest-trapped"), remappingOff());
    }

    @Test
    void diffRemappingOffJson(TestInfo test) throws IOException {
        assertDiffGolden(test, "diff", sample("guest-trapped"), remappingOff(), "--json");
    }

    static String remappingOff() {
        return TestSources.resource("diff/guest-trapped-remapping-off.irqtopo").toString();
    }

    private static void assertGolden(TestInfo test, String... args) throws IOException {
        CommandRun run = CommandRun.of(args);
        assertWithMessage("standard error of %s", String.join(" ", args)).that(run.err()).isEmpty();
        assertThat(run.exit()).isEqualTo(IrqtopoCommand.OK);
        assertGolden(test, run);
    }

    /** A {@code diff} that finds differences; the copy with remapping off warns (IRQ106) of what it finds. */
    private static void assertDiffGolden(TestInfo test, String... args) throws IOException {
        CommandRun run = CommandRun.of(args);
        assertWithMessage("standard error of %s", String.join(" ", args)).that(run.err()).doesNotContain(": error:");
        assertThat(run.exit()).isEqualTo(DiffCommand.DIFFERENCES);
        assertGolden(test, run);
    }

    private static void assertGolden(TestInfo test, CommandRun run) throws IOException {
        GOLDENS.assertMatches(test, run);
    }
}
