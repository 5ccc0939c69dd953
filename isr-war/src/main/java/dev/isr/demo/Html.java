package dev.isr.demo;

/** Minimal HTML page building for the demo; text is always escaped. */
final class Html {

    private Html() {}

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>%s</title>
                <style>body{font-family:sans-serif;max-width:40em;margin:2em auto;line-height:1.5}
                code{background:#eee;padding:0 .2em}</style></head>
                <body>
                %s
                <hr><p><small>Rendered by the application. Check the <code>Cache-Status</code> and
                <code>Age</code> response headers: <code>curl -s -o /dev/null -D - http://127.0.0.1:8080/books/1</code></small></p>
                </body></html>
                """.formatted(escape(title), body);
    }
}
