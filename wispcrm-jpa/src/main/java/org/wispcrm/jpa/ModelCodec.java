package org.wispcrm.jpa;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.wispcrm.core.document.DocumentKey;

/**
 * Text forms of an outbox message's template model (a flat JSON object of strings, so it stays one column and
 * one row per message) and of its attachment keys (one per line; a key cannot contain a line break).
 */
final class ModelCodec {
    private ModelCodec() {}

    static String encode(Map<String, String> model) {
        var json = new StringBuilder("{");
        for (var entry : new TreeMap<>(model).entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            quote(json, entry.getKey());
            json.append(':');
            quote(json, entry.getValue());
        }
        return json.append('}').toString();
    }

    static Map<String, String> decode(String json) {
        var parser = new Parser(json);
        return parser.object();
    }

    static String encodeKeys(List<DocumentKey> keys) {
        return String.join("\n", keys.stream().map(DocumentKey::value).toList());
    }

    static List<DocumentKey> decodeKeys(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        return new ArrayList<>(
                Arrays.stream(text.split("\n")).map(DocumentKey::new).toList());
    }

    private static void quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        Map<String, String> object() {
            var map = new TreeMap<String, String>();
            expect('{');
            if (peek() == '}') {
                at++;
                return map;
            }
            while (true) {
                String key = string();
                expect(':');
                map.put(key, string());
                char next = text.charAt(at++);
                if (next == '}') {
                    return map;
                }
                if (next != ',') {
                    throw new IllegalStateException("Malformed outbox model at " + (at - 1));
                }
            }
        }

        private String string() {
            expect('"');
            var out = new StringBuilder();
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = text.charAt(at++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> out.append(e);
                }
            }
        }

        private char peek() {
            return text.charAt(at);
        }

        private void expect(char c) {
            if (text.charAt(at++) != c) {
                throw new IllegalStateException("Malformed outbox model: expected " + c + " at " + (at - 1));
            }
        }
    }
}
