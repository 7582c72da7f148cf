package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.backproplab.engine.BiasMode;
import org.backproplab.lesson.Lessons;
import org.backproplab.session.Speed;
import org.junit.jupiter.api.Test;

/** Both languages have every string the code asks for. */
class BundleTest {
    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundleTest.class.getResourceAsStream("/org/backproplab/ui/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndChineseHaveTheSameKeys() throws IOException {
        assertEquals(new TreeSet<>(load("messages.properties").stringPropertyNames()),
                new TreeSet<>(load("messages_zh_CN.properties").stringPropertyNames()));
    }

    @Test
    void textsAppendedToAnotherKeepTheirLeadingSpace() throws IOException {
        // a properties file drops the blanks after '=': a leading space must be written \u0020
        for (String file : new String[] {"messages.properties", "messages_zh_CN.properties"}) {
            String fps = load(file).getProperty("pg.fps");
            assertTrue(fps.startsWith(" "), file + ": '" + fps + "' follows the epoch text");
        }
    }

    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Pattern literal = Pattern.compile("\"((?:action|control|speed|bias|export|help|curve|stage|layer|inspector|"
                + "table|edit|notice|graph|app|pg|tab|digits)\\.[A-Za-z_.]+)\"");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        for (String id : Lessons.ids()) {
            used.add("lesson." + id + ".title");
            used.add("lesson." + id + ".text");
        }
        for (Speed s : Speed.values()) {
            used.add(s.key());
        }
        for (BiasMode m : BiasMode.values()) {
            used.add("bias." + m.id());
        }
        for (org.backproplab.data.DataShape d : org.backproplab.data.DataShape.values()) {
            used.add("data." + d.id());
        }
        for (org.backproplab.lesson.OutputKind o : org.backproplab.lesson.OutputKind.values()) {
            used.add("output." + o.id());
        }
        for (org.backproplab.lesson.InitKind k : org.backproplab.lesson.InitKind.values()) {
            used.add("init." + k.id());
        }
        for (String id : org.backproplab.lesson.MnistLessons.ids()) {
            used.add("digits." + id);
            used.add(org.backproplab.session.DigitsTexts.aboutKey(id));
        }
        for (String o : new String[] {"sgd", "momentum", "adam"}) {
            used.add("optimizer." + o);
        }
        for (org.backproplab.engine.Regularization.Kind k : org.backproplab.engine.Regularization.Kind.values()) {
            used.add("reg." + k.name().toLowerCase(Locale.ROOT));
        }
        used.removeIf(k -> k.endsWith(".") || k.equals("app.css"));
        assertTrue(used.size() > 60, "keys found: " + used.size());
        for (String key : used) {
            assertTrue(keys.contains(key), "missing key " + key);
        }
    }

    @Test
    void chineseReallyIsChinese() {
        I18n i18n = new I18n(Locale.SIMPLIFIED_CHINESE);
        assertEquals("\u540d\u79f0", i18n.get("table.name"));
        assertNotEquals(new I18n(Locale.ENGLISH).get("stage.iteration", 3), i18n.get("stage.iteration", 3));
        assertEquals(Locale.SIMPLIFIED_CHINESE, I18n.supported(Locale.TRADITIONAL_CHINESE));
        assertEquals(Locale.ENGLISH, I18n.supported(Locale.GERMAN));
    }
}
