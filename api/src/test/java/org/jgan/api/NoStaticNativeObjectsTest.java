package org.jgan.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;

/**
 * No class of jgan keeps a native object (a Scalar, a Tensor, any JavaCPP pointer) in a static field. A static field
 * is set when its class is first used, and that is often inside a training step: the object joins the step's
 * {@code StepScope} and is freed when the step ends, so the next use fails ("Pointer address ... is NULL"). Found when
 * a static {@code Scalar} of the image-to-image blocks died after the first step that used them.
 */
class NoStaticNativeObjectsTest {
    @Test
    void noStaticFieldHoldsANativeObject() throws Exception {
        List<String> found = new ArrayList<>();
        int classes = 0;
        // one class from each module puts that module's classes on the list
        for (Class<?> anchor : new Class<?>[]{org.jgan.engine.Torch.class, org.jgan.core.train.Trainer.class,
                org.jgan.models.Variants.class, org.jgan.metrics.Fid.class, Jgan.class}) {
            Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (String name : classNames(root)) {
                Class<?> c = Class.forName(name, false, anchor.getClassLoader());  // not initialised
                classes++;
                for (Field fl : c.getDeclaredFields()) {
                    if (Modifier.isStatic(fl.getModifiers()) && Pointer.class.isAssignableFrom(fl.getType())) {
                        found.add(name + "." + fl.getName());
                    }
                }
            }
        }
        assertTrue(classes > 100, "too few classes scanned: " + classes);
        assertTrue(found.isEmpty(), "static native objects: " + found);
    }

    /** The classes in a module's classes folder (a reactor build) or jar (a module built alone). */
    private static List<String> classNames(Path root) throws java.io.IOException {
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".class"))
                        .forEach(f -> names.add(root.relativize(f).toString().replace('/', '.')));
            }
        } else {
            try (JarFile jar = new JarFile(root.toFile())) {
                jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class"))
                        .forEach(n -> names.add(n.replace('/', '.')));
            }
        }
        return names.stream().filter(n -> !n.endsWith("module-info.class"))
                .map(n -> n.substring(0, n.length() - ".class".length())).toList();
    }
}
