package dev.irqtopo.compiler.naming;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** How names become Java identifiers. */
class NamingTest {

    @Test
    void classNames() {
        assertThat(Naming.className("ims_in_guest")).isEqualTo("ImsInGuest");
        assertThat(Naming.className("ImsInGuest")).isEqualTo("ImsInGuest");
        assertThat(Naming.className("bareMetal")).isEqualTo("BareMetal");
        assertThat(Naming.className("NIC_VF")).isEqualTo("NicVf");
        assertThat(Naming.className("_1st")).isEqualTo("_1st");
        assertThat(Naming.className("__")).isEqualTo("__");
    }

    @Test
    void accessorNames() {
        assertThat(Naming.accessorName("nic_vf")).isEqualTo("nicVf");
        assertThat(Naming.accessorName("nicVf")).isEqualTo("nicVf");
        assertThat(Naming.accessorName("nicvf")).isEqualTo("nicvf");
        assertThat(Naming.accessorName("VM0")).isEqualTo("vm0");
        assertThat(Naming.accessorName("Vm_0")).isEqualTo("vm0");
        assertThat(Naming.accessorName("_x")).isEqualTo("x");
    }

    @Test
    void collisionsIgnoreCase() {
        assertThat(Naming.collisionKey(Naming.accessorName("nic_vf")))
                .isEqualTo(Naming.collisionKey(Naming.accessorName("nicvf")));
        assertThat(Naming.collisionKey("nicVf")).isNotEqualTo(Naming.collisionKey("nicPf"));
    }

    @Test
    void refusedNames() {
        assertThat(Naming.isRefusedName("class")).isTrue();
        assertThat(Naming.isRefusedName("true")).isTrue();
        assertThat(Naming.isRefusedName("_")).isTrue();
        assertThat(Naming.isRefusedName("var")).isTrue();
        assertThat(Naming.isRefusedName("Int")).isTrue();
        assertThat(Naming.isRefusedName("_int")).isTrue();
        assertThat(Naming.isRefusedName("integer")).isFalse();
        assertThat(Naming.isRefusedName("Class")).isTrue(); // its accessor would be class
        assertThat(Naming.isRefusedName("Klass")).isFalse();
        assertThat(Naming.isJavaReserved("record")).isFalse();
        assertThat(Naming.isJavaReserved("goto")).isTrue();
    }
}
