package io.tickwire.net.admin;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The admin UI's page as served: its CDN stylesheets point at packaged copies, and every file those copies
 * name (the icon font, Roboto's weights) was packaged too.
 */
class LocalFontsTest {
    private static final String UI = "/io/tickwire/net/admin/ui/";

    @Test
    void theUisOwnPageLinksNoRemoteFileAndEveryLocalFontIsPackaged() throws IOException {
        assumeTrue(AdminUiRoute.isPackaged(), "node_modules was not installed when net was built");
        String page = LocalFonts.rewrite(read("index.html"));
        assertFalse(page.contains("https://"), page);
        List<String> stylesheets = matches(Pattern.compile("href=\"(vendor/[^\"]+\\.css)\""), page);
        assertEquals(List.of("vendor/roboto/100.css", "vendor/roboto/300.css", "vendor/roboto/400.css",
                "vendor/roboto/500.css", "vendor/roboto/700.css", "vendor/roboto/900.css",
                "vendor/mdi/css/materialdesignicons.min.css"), stylesheets);
        for (String css : stylesheets) {
            List<String> fonts = matches(Pattern.compile("url\\(\"?([^\")?#]+\\.woff2)"), read(css));
            assertFalse(fonts.isEmpty(), css + " names no woff2 font");
            for (String font : fonts) {
                String path = URI.create(css).resolve(font).getPath();
                assertNotNull(AdminUiRoute.class.getResource(UI + path), css + " names " + font + ", not packaged");
            }
        }
    }

    @Test
    void rewritesEitherCdnLinkAsTheUiWritesIt() {
        assertEquals("<head><link rel=\"stylesheet\" href=\"vendor/roboto/300.css\"><link rel=\"stylesheet\" "
                        + "href=\"vendor/roboto/700.css\"><link rel=\"stylesheet\" href=\"vendor/mdi/css/materialdesignicons.min.css\">"
                        + "<link href=\"css/app.css\" rel=\"stylesheet\"></head>",
                LocalFonts.rewrite("<head><link rel=stylesheet href=https://fonts.googleapis.com/css?family=Roboto:300,700>"
                        + "<link rel=\"stylesheet\" href=\"https://cdn.jsdelivr.net/npm/@mdi/font@7.4.47/css/materialdesignicons.min.css\">"
                        + "<link href=\"css/app.css\" rel=\"stylesheet\"></head>"));
    }

    private static String read(String name) throws IOException {
        try (InputStream in = AdminUiRoute.class.getResourceAsStream(UI + name)) {
            assertNotNull(in, name + " is packaged");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
