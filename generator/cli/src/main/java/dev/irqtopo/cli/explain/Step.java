package dev.irqtopo.cli.explain;

/** The four steps every interrupt goes through, each done by one level of its stack (semantics §1). */
public enum Step {
    ALLOC("Alloc"),
    COMPOSE("Compose"),
    STORE("Store"),
    USE("Use");

    private final String title;

    Step(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
