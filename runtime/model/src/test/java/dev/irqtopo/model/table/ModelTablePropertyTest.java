package dev.irqtopo.model.table;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.testing.PropertyRuns;
import dev.irqtopo.testing.RandomPlatforms;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every model the records accept survives the table: decode(encode(m)) equals m, and the text is stable. */
class ModelTablePropertyTest {

    @Test
    void anyModelRoundTrips() {
        PropertyRuns.forEachSeed(500, random -> {
            PlatformModel model = new RandomModels(random).next();
            String table = ModelTable.encode(model);
            assertThat(table.chars().allMatch(c -> c == '\n' || c >= ' ' && c < 0x7f)).isTrue();
            assertThat(ModelTable.decode(table)).isEqualTo(model);
            assertThat(ModelTable.encode(ModelTable.decode(table))).isEqualTo(table);
        });
    }

    @Test
    void platformsTheCheckerWouldAcceptRoundTrip() {
        PropertyRuns.forEachSeed(200, random -> {
            PlatformModel model = RandomPlatforms.next(random);
            assertThat(ModelTable.decode(ModelTable.encode(model))).isEqualTo(model);
        });
    }

    @Test
    void anyCutIntoPartsDecodesTheSame() {
        PropertyRuns.forEachSeed(200, random -> {
            PlatformModel model = new RandomModels(random).next();
            String table = ModelTable.encode(model);
            List<String> parts = new ArrayList<>();
            int start = 0;
            for (int cuts = random.nextInt(5); cuts > 0; cuts--) {
                int cut = start + random.nextInt(table.length() - start + 1);
                parts.add(table.substring(start, cut));
                start = cut;
            }
            parts.add(table.substring(start));
            assertThat(ModelTable.decode(parts.toArray(String[]::new))).isEqualTo(model);
        });
    }
}
