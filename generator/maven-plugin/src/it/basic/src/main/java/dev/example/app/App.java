package dev.example.app;

import dev.example.irq.ImsInGuest;
import dev.example.more.Bare;
import dev.irqtopo.runtime.message.Message;

/** Uses the generated classes the way an application would. */
public final class App {

    private App() {
    }

    public static int interrupts() {
        ImsInGuest platform = ImsInGuest.boot();
        platform.vm0().nicvf().ims().write(0, Message.of(0xFEE0_0000L, 0x30));
        return platform.host().nic().msix().interrupts().size() + Bare.boot().host().nvme().msix().interrupts().size();
    }
}
