import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Build step, run by the pom at prepare-package as a single-file source program. JavaFX's macOS
 * x64 and arm64 jars both hold their native libraries at the jar root under the same names
 * (libglass.dylib and six more), so one shaded jar could keep only one of each. This writes, for
 * each, one universal ("fat") Mach-O file holding both libraries unchanged, as Apple's
 * {@code lipo -create} does (for JavaFX 21.0.5 the output is byte for byte that of
 * {@code llvm-lipo -create}); macOS loads the slice of its own architecture. JavaFX extracts the
 * file from the jar root as usual, to ~/.openjfx/cache/VERSION/ARCH/.
 *
 * <p>Usage: java MacUniversal.java X64_JAR ARM64_JAR OUT_DIR
 */
public final class MacUniversal {
    private static final int FAT_MAGIC = 0xCAFEBABE;
    private static final int MH_MAGIC_64 = 0xFEEDFACF;
    private static final int CPU_TYPE_ARM64 = 0x0100000C;

    private MacUniversal() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: MacUniversal X64_JAR ARM64_JAR OUT_DIR");
        }
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        int written = 0;
        try (JarFile x64 = new JarFile(args[0]); JarFile arm64 = new JarFile(args[1])) {
            List<String> names = new ArrayList<>();
            x64.stream().map(JarEntry::getName)
                    .filter(n -> n.endsWith(".dylib") && !n.contains("/")).sorted().forEach(names::add);
            long arm64Count = arm64.stream().map(JarEntry::getName)
                    .filter(n -> n.endsWith(".dylib") && !n.contains("/")).count();
            if (names.isEmpty() || arm64Count != names.size()) {
                throw new IOException("the two jars do not hold the same native libraries: " + names.size()
                        + " and " + arm64Count);
            }
            for (String name : names) {
                JarEntry other = arm64.getJarEntry(name);
                if (other == null) {
                    throw new IOException(args[1] + " has no " + name);
                }
                byte[] fat = fat(read(x64, x64.getJarEntry(name)), read(arm64, other));
                Files.write(out.resolve(name), fat);
                written++;
            }
        }
        System.out.println("MacUniversal: " + written + " universal libraries (x86_64 + arm64) in " + out);
    }

    private static byte[] read(JarFile jar, JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    /** A fat Mach-O file: header, one fat_arch per slice (big-endian), each slice page-aligned. */
    static byte[] fat(byte[]... slices) throws IOException {
        int headerSize = 8 + 20 * slices.length;
        ByteBuffer header = ByteBuffer.allocate(headerSize).order(ByteOrder.BIG_ENDIAN);
        header.putInt(FAT_MAGIC).putInt(slices.length);
        int[] offsets = new int[slices.length];
        int end = headerSize;
        for (int i = 0; i < slices.length; i++) {
            ByteBuffer thin = ByteBuffer.wrap(slices[i]).order(ByteOrder.LITTLE_ENDIAN);
            if (thin.getInt(0) != MH_MAGIC_64) {
                throw new IOException("slice " + i + " is not a 64-bit little-endian Mach-O file");
            }
            int cputype = thin.getInt(4);
            // the page size of each architecture, as lipo aligns: 16 KiB on arm64, 4 KiB on x86_64
            int align = cputype == CPU_TYPE_ARM64 ? 14 : 12;
            int page = 1 << align;
            offsets[i] = (end + page - 1) / page * page;
            end = offsets[i] + slices[i].length;
            header.putInt(cputype).putInt(thin.getInt(8)) // cpusubtype
                    .putInt(offsets[i]).putInt(slices[i].length).putInt(align);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(end);
        bytes.write(header.array());
        for (int i = 0; i < slices.length; i++) {
            bytes.write(new byte[offsets[i] - bytes.size()]);
            bytes.write(slices[i]);
        }
        return bytes.toByteArray();
    }
}
