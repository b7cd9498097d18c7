package dev.example.app;

import dev.example.fixture.Fixture;

/** Test code sees the test-generate goal's classes. */
final class FixtureUse {

    private FixtureUse() {
    }

    static boolean isolated() {
        return Fixture.boot().verifyIsolation().isolated();
    }
}
