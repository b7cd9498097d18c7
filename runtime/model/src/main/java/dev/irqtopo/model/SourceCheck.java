package dev.irqtopo.model;

/** VT-d source validation: which requester ids may use a remap entry. */
public enum SourceCheck {
    /** SVT 01, SQ 00: exact segment, bus, device and function. */
    FULL("full"),
    /** SVT 10: segment and bus number only. */
    BUS("bus"),
    /** SVT 00: any requester. */
    OFF("off");

    private final String keyword;

    SourceCheck(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }
}
