package io.callroute.it;

import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The quality checks AdminQualityUiIT makes on every admin page, each asked of the live page in the browser and
 * answered as sentences naming what fails (empty: it holds), so one run lists every problem on every page.
 */
final class PageQuality {

    /** The page is no wider than the window; on failure, the outermost elements sticking out, to fix them quickly. */
    private static final String OVERFLOW = """
            const width = window.innerWidth;
            if (document.documentElement.scrollWidth <= width) {
              return [];
            }
            const describe = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
              + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
            const wide = [...document.body.querySelectorAll('*')]
              .filter((e) => e.getBoundingClientRect().right > width + 1)
              .filter((e) => !(e.parentElement && e.parentElement.getBoundingClientRect().right > width + 1));
            return ['the page is ' + document.documentElement.scrollWidth + ' px wide in a window of ' + width
              + ' px; sticking out: ' + wide.slice(0, 5).map(describe).join(', ')];
            """;

    /** Every visible form control has an accessible name from a label, aria-label or aria-labelledby. */
    private static final String UNLABELLED = """
            const text = (e) => (e && e.textContent || '').trim();
            return [...document.querySelectorAll('input, select, textarea')]
              .filter((e) => e.type !== 'hidden' && e.getClientRects().length > 0
                && getComputedStyle(e).visibility !== 'hidden')
              .filter((e) => ![...(e.labels || [])].some((label) => text(label))
                && !(e.getAttribute('aria-label') || '').trim()
                && !(e.getAttribute('aria-labelledby') || '').split(/\\s+/)
                  .some((id) => id && text(document.getElementById(id))))
              .map((e) => 'unlabelled ' + e.outerHTML.slice(0, 140));
            """;

    private PageQuality() {
    }

    static List<String> overflow(WebDriver driver) {
        return strings(driver, OVERFLOW);
    }

    static List<String> unlabelledControls(WebDriver driver) {
        return strings(driver, UNLABELLED);
    }

    static List<String> headings(WebDriver driver) {
        List<String> h1 = strings(driver, "return [...document.querySelectorAll('h1')].map((e) => e.textContent);");
        return h1.size() == 1 ? List.of() : List.of(h1.size() + " h1 headings " + h1 + " instead of one");
    }

    /** Where the keyboard focus is: the element's tag, id and class, e.g. {@code a.skip} or {@code main#main}. */
    static String focused(WebDriver driver) {
        return (String) ((JavascriptExecutor) driver).executeScript("""
                const e = document.activeElement;
                return e ? e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')
                  : 'nothing';
                """);
    }

    private static List<String> strings(WebDriver driver, String script) {
        Object answer = ((JavascriptExecutor) driver).executeScript(script);
        List<String> result = new ArrayList<>();
        if (answer instanceof List<?> list) {
            list.forEach(item -> result.add(String.valueOf(item)));
        }
        return result;
    }
}
