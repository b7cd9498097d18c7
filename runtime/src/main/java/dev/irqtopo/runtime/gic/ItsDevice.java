package dev.irqtopo.runtime.gic;

/**
 * Linux's view of one device on one ITS ({@code struct its_device}): its DeviceID, its ITT size, the
 * LPIs it was given (event {@code e} is LPI {@code lpis.base + e}), which events are handed out, the
 * CPU each activated event targets, and whether another requester shares the DeviceID (then the
 * device is never torn down).
 */
public final class ItsDevice {

    private final long deviceId;
    private final ItsDeviceSize size;
    private final LpiBlock lpis;
    private final EventMap events;
    private final int[] cpuOfEvent;
    private final boolean[] managed;
    private boolean shared;

    ItsDevice(long deviceId, ItsDeviceSize size, LpiBlock lpis, boolean shared) {
        this.deviceId = deviceId;
        this.size = size;
        this.lpis = lpis;
        this.events = new EventMap(lpis.count());
        this.cpuOfEvent = new int[lpis.count()];
        this.managed = new boolean[lpis.count()];
        java.util.Arrays.fill(cpuOfEvent, -1);
        this.shared = shared;
    }

    public long deviceId() {
        return deviceId;
    }

    public ItsDeviceSize size() {
        return size;
    }

    public LpiBlock lpis() {
        return lpis;
    }

    /** The device's LPIs, one event each ({@code event_map.nr_lpis}): fewer than the ITT's entries when the LPI allocator halved. */
    public int events() {
        return lpis.count();
    }

    public boolean isAllocated(int event) {
        return events.isUsed(event);
    }

    /** The CPU an activated event targets; -1 when it is not active. */
    public int cpu(int event) {
        return cpuOfEvent[event];
    }

    public boolean shared() {
        return shared;
    }

    /** The LPI of {@code event}. */
    public int lpi(int event) {
        return lpis.base() + event;
    }

    EventMap eventMap() {
        return events;
    }

    void markShared() {
        shared = true;
    }

    void activate(int event, int cpu, boolean isManaged) {
        cpuOfEvent[event] = cpu;
        managed[event] = isManaged;
    }

    void deactivate(int event) {
        cpuOfEvent[event] = -1;
    }

    boolean isManaged(int event) {
        return managed[event];
    }
}
