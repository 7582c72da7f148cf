package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The one jar carries JavaFX's native parts for Windows x64, macOS x64 and arm64, and Linux x64,
 * at the jar root where JavaFX looks for them (it extracts them to ~/.openjfx/cache/VERSION/ARCH/).
 * The platform jars' own paths come from the pom (failsafe's system properties).
 */
class NativesJarIT {
    private static final Path JAR = Path.of("target", "backprop-lab.jar");
    private static final int CPU_TYPE_X86_64 = 0x01000007;
    private static final int CPU_TYPE_ARM64 = 0x0100000C;

    private static final List<String> WINDOWS = List.of("glass.dll", "prism_d3d.dll", "prism_sw.dll",
            "prism_common.dll", "javafx_font.dll", "javafx_iio.dll", "decora_sse.dll",
            "msvcp140.dll", "vcruntime140.dll", "ucrtbase.dll");
    private static final List<String> MACOS = List.of("libglass.dylib", "libprism_es2.dylib", "libprism_sw.dylib",
            "libprism_common.dylib", "libjavafx_font.dylib", "libjavafx_iio.dylib", "libdecora_sse.dylib");
    private static final List<String> LINUX = List.of("libglass.so", "libglassgtk3.so", "libprism_es2.so",
            "libprism_sw.so", "libprism_common.so", "libjavafx_font.so", "libjavafx_font_freetype.so",
            "libjavafx_font_pango.so", "libjavafx_iio.so", "libdecora_sse.so");

    private static byte[] read(JarFile jar, String name) throws IOException {
        JarEntry entry = jar.getJarEntry(name);
        assertNotNull(entry, "no " + name + " in " + jar.getName());
        try (InputStream in = jar.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static JarFile platformJar(String classifier) throws IOException {
        String path = System.getProperty("javafx.graphics." + classifier);
        assertNotNull(path, "run by failsafe (mvn verify): the pom names javafx-graphics:" + classifier);
        return new JarFile(path);
    }

    private static List<String> nativesAtTheRoot(JarFile jar) {
        return jar.stream().map(JarEntry::getName).filter(n -> !n.contains("/"))
                .filter(n -> n.endsWith(".dll") || n.endsWith(".dylib") || n.endsWith(".so"))
                .sorted().collect(Collectors.toList());
    }

    @Test
    void theJarListsTheNativeLibrariesOfEveryPlatform() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> natives = nativesAtTheRoot(jar);
            for (List<String> platform : List.of(WINDOWS, MACOS, LINUX)) {
                assertTrue(natives.containsAll(platform), "missing " + platform + " in " + natives);
            }
            assertEquals(54, natives.stream().filter(n -> n.endsWith(".dll")).count(), natives.toString());
            assertEquals(7, natives.stream().filter(n -> n.endsWith(".dylib")).count(), natives.toString());
            assertEquals(10, natives.stream().filter(n -> n.endsWith(".so")).count(), natives.toString());
            // the classes that pick and drive each platform's window system and graphics pipeline
            for (String type : List.of("com/sun/glass/ui/win/WinPlatformFactory", "com/sun/prism/d3d/D3DPipeline",
                    "com/sun/glass/ui/mac/MacPlatformFactory", "com/sun/prism/es2/MacGLFactory",
                    "com/sun/glass/ui/gtk/GtkPlatformFactory", "com/sun/prism/es2/X11GLFactory",
                    "com/sun/prism/sw/SWPipeline")) {
                assertNotNull(jar.getEntry(type + ".class"), "no " + type + " in the jar");
            }
        }
    }

    /**
     * JavaFX's mac and mac-aarch64 jars both hold libglass.dylib (and six more) at their root, so
     * the build merges each pair into one universal Mach-O file, as lipo does: macOS loads the
     * slice of its own architecture. Each slice must be the platform jar's library, byte for byte.
     */
    @Test
    void theMacLibrariesAreUniversalWithBothArchitecturesUnchanged() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile()); JarFile x64 = platformJar("mac");
                JarFile arm64 = platformJar("mac-aarch64")) {
            assertEquals(MACOS.stream().sorted().collect(Collectors.toList()), nativesAtTheRoot(x64));
            assertEquals(nativesAtTheRoot(x64), nativesAtTheRoot(arm64));
            for (String name : MACOS) {
                ByteBuffer fat = ByteBuffer.wrap(read(jar, name)).order(ByteOrder.BIG_ENDIAN);
                assertEquals(0xCAFEBABE, fat.getInt(0), name + " is not a universal Mach-O file");
                assertEquals(2, fat.getInt(4), name);
                int[] cpus = new int[2];
                for (int i = 0; i < 2; i++) {
                    int at = 8 + 20 * i;
                    cpus[i] = fat.getInt(at);
                    int offset = fat.getInt(at + 8);
                    int size = fat.getInt(at + 12);
                    int align = fat.getInt(at + 16);
                    assertEquals(0, offset % (1 << align), name + ": slice " + i + " is not aligned");
                    byte[] expected = read(cpus[i] == CPU_TYPE_ARM64 ? arm64 : x64, name);
                    byte[] slice = Arrays.copyOfRange(fat.array(), offset, offset + size);
                    assertArrayEquals(expected, slice, name + ": slice " + i + " differs from JavaFX's");
                }
                assertArrayEquals(new int[] {CPU_TYPE_X86_64, CPU_TYPE_ARM64}, cpus, name);
            }
        }
    }

    /**
     * Every class, native library and resource of each platform's javafx-graphics jar is in the
     * one jar with the same bytes (the pom takes the shared classes from the Linux jar and only
     * each platform's own parts from the others). Left out: the module descriptor and META-INF,
     * which a shaded jar does not keep, the macOS libraries (merged, tested above) and
     * javafx-swt.jar, JavaFX's SWT bridge, which the app does not use.
     */
    @Test
    void everyPartOfEachPlatformsJavafxGraphicsIsInTheJarUnchanged() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            for (String classifier : List.of("linux", "win", "mac", "mac-aarch64")) {
                List<String> problems = new ArrayList<>();
                int checked = 0;
                try (JarFile platform = platformJar(classifier)) {
                    for (JarEntry entry : platform.stream().collect(Collectors.toList())) {
                        String name = entry.getName();
                        if (entry.isDirectory() || name.startsWith("META-INF/") || name.equals("module-info.class")
                                || name.endsWith(".dylib") || name.equals("javafx-swt.jar")) {
                            continue;
                        }
                        checked++;
                        if (jar.getEntry(name) == null) {
                            problems.add("missing " + name);
                        } else if (!Arrays.equals(read(platform, name), read(jar, name))) {
                            problems.add("differs " + name);
                        }
                    }
                }
                assertTrue(checked > 1000, classifier + ": only " + checked + " entries checked");
                assertTrue(problems.isEmpty(), classifier + ": " + problems);
            }
            assertFalse(jar.stream().anyMatch(e -> e.getName().endsWith("module-info.class")));
        }
    }
}
