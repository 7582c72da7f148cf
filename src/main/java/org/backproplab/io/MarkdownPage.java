package org.backproplab.io;

/**
 * The Markdown the app writes (headings, paragraphs, pipe tables, fenced code) as one printable
 * HTML page with its own small style sheet: no script, no outside file.
 */
public final class MarkdownPage {
    private MarkdownPage() {
    }

    /** {@code markdown} as an HTML page; {@code language} goes into its lang attribute. */
    public static String html(String markdown, String language) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"").append(escape(language)).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(escape(title(markdown))).append("</title>\n<style>\n")
                .append("body { font-family: sans-serif; max-width: 52em; margin: 2em auto; line-height: 1.4; }\n")
                .append("pre { font-size: 0.95em; line-height: 1.9; white-space: pre-wrap; }\n")
                .append("table { border-collapse: collapse; } td { border: 1px solid #999; padding: 2px 8px; }\n")
                .append("@media print { h2 { page-break-before: auto; } pre { page-break-inside: auto; } }\n")
                .append("</style>\n</head>\n<body>\n");
        boolean code = false;
        boolean table = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                out.append(code ? "</pre>\n" : "<pre>");
                code = !code;
                continue;
            }
            if (code) {
                out.append(escape(line)).append('\n');
                continue;
            }
            if (line.startsWith("|")) {
                if (!table) {
                    out.append("<table>\n");
                    table = true;
                }
                if (!line.startsWith("|---")) {
                    out.append("<tr>");
                    String[] cells = line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0)).split("\\|");
                    for (String c : cells) {
                        out.append("<td>").append(inline(c.strip())).append("</td>");
                    }
                    out.append("</tr>\n");
                }
                continue;
            }
            if (table) {
                out.append("</table>\n");
                table = false;
            }
            int level = 0;
            while (level < line.length() && line.charAt(level) == '#') {
                level++;
            }
            if (level > 0 && level < line.length() && line.charAt(level) == ' ') {
                out.append("<h").append(level).append('>').append(inline(line.substring(level + 1))).append("</h")
                        .append(level).append(">\n");
            } else if (!line.isBlank()) {
                out.append("<p>").append(inline(line)).append("</p>\n");
            }
        }
        if (table) {
            out.append("</table>\n");
        }
        return out.append("</body>\n</html>\n").toString();
    }

    private static String title(String markdown) {
        for (String line : markdown.split("\n")) {
            if (line.startsWith("# ")) {
                return line.substring(2);
            }
        }
        return "";
    }

    /** Escaped text with `code` spans. */
    private static String inline(String s) {
        String e = escape(s);
        return e.replaceAll("`([^`]*)`", "<code>$1</code>");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
