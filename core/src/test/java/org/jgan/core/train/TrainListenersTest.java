package org.jgan.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every method of {@link TrainListener}, today's and any added later, reaches every composed listener. */
class TrainListenersTest {
    @Test
    void everyCallbackIsForwardedToEveryListenerInOrder() throws Exception {
        List<String> heard = new ArrayList<>();
        TrainListener a = recorder("a", heard);
        TrainListener b = recorder("b", heard);
        TrainListener both = TrainListeners.of(a, b);
        for (Method m : TrainListener.class.getMethods()) {
            heard.clear();
            Object[] args = new Object[m.getParameterCount()];
            for (int i = 0; i < args.length; i++) {
                // primitives cannot be null; every other argument is only passed along
                args[i] = m.getParameterTypes()[i] == long.class ? 0L : m.getParameterTypes()[i] == int.class ? 0
                        : m.getParameterTypes()[i] == double.class ? 0.0 : m.getParameterTypes()[i] == boolean.class
                        ? Boolean.FALSE : null;
            }
            m.invoke(both, args);
            assertEquals(List.of("a." + m.getName(), "b." + m.getName()), heard, m.getName() + " not forwarded");
        }
    }

    private static TrainListener recorder(String name, List<String> heard) {
        return (TrainListener) Proxy.newProxyInstance(TrainListener.class.getClassLoader(),
                new Class<?>[]{TrainListener.class}, (proxy, method, args) -> {
                    heard.add(name + "." + method.getName());
                    return null;
                });
    }
}
