package io.tickwire.net.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Points the admin UI's font stylesheets, which its {@code index.html} loads from CDNs, at the copies packaged
 * beside the UI (see {@code net/pom.xml}): Material Design Icons from {@code @mdi/font} at
 * {@code vendor/mdi/}, Roboto from {@code @fontsource/roboto} at {@code vendor/roboto/}, one stylesheet per
 * weight the page asks for. So the UI shows its icons and text face on a machine without internet, and no
 * admin's browser tells a third party where the server is. Stateless.
 */
final class LocalFonts {
    private static final Logger LOG = LoggerFactory.getLogger(LocalFonts.class);
    private static final Pattern ICONS = Pattern.compile(
            "<link rel=\"?stylesheet\"? href=\"?https://cdn\\.jsdelivr\\.net/npm/@mdi/font@[^/\"]+/css/materialdesignicons(\\.min)?\\.css\"?>");
    private static final Pattern ROBOTO = Pattern.compile(
            "<link rel=\"?stylesheet\"? href=\"?https://fonts\\.googleapis\\.com/css\\?family=Roboto:([0-9,]+)\"?>");
    private static final Pattern REMOTE = Pattern.compile("<link[^>]+href=\"?https?://");

    private LocalFonts() {
    }

    /** {@code indexHtml} with the CDN links replaced; a remote link it does not know stays, with a warning. */
    static String rewrite(String indexHtml) {
        String html = ICONS.matcher(indexHtml)
                .replaceAll(Matcher.quoteReplacement("<link rel=\"stylesheet\" href=\"vendor/mdi/css/materialdesignicons.min.css\">"));
        Matcher roboto = ROBOTO.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 256);
        while (roboto.find()) {
            StringBuilder links = new StringBuilder();
            for (String weight : roboto.group(1).split(",")) {
                links.append("<link rel=\"stylesheet\" href=\"vendor/roboto/").append(weight).append(".css\">");
            }
            roboto.appendReplacement(out, Matcher.quoteReplacement(links.toString()));
        }
        roboto.appendTail(out);
        if (REMOTE.matcher(out).find()) {
            LOG.warn("the admin UI's index.html still links a remote file: it loads only with internet access");
        }
        return out.toString();
    }
}
