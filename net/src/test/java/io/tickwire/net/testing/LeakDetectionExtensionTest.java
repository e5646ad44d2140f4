package io.tickwire.net.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeakDetectionExtensionTest {

    @Test
    void failsTheTestThatDroppedAnUnreleasedBuffer() {
        leakOneBuffer();
        AssertionError error = assertThrows(AssertionError.class,
                () -> new LeakDetectionExtension().afterEach(fakeContext()));
        assertTrue(error.getMessage().contains("LEAK"), error.getMessage());
    }

    private static void leakOneBuffer() {
        ByteBuf leaked = ByteBufAllocator.DEFAULT.buffer(16);
        leaked.writeInt(42);
    }

    private static ExtensionContext fakeContext() {
        return (ExtensionContext) java.lang.reflect.Proxy.newProxyInstance(
                ExtensionContext.class.getClassLoader(), new Class<?>[] {ExtensionContext.class},
                (proxy, method, args) -> method.getName().equals("getDisplayName") ? "leaky test" : null);
    }
}
