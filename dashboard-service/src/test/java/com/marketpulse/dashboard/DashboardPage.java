package com.marketpulse.dashboard;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What the browser tests (the dashboard's and local-stack's end-to-end test) read and do on a dashboard page: its
 * elements by id, grids, the portfolio picker, the login and registration forms. Vaadin renders after the page
 * loads, so elements are waited for up to {@code patience}.
 */
public final class DashboardPage {

    private final ChromeDriver driver;
    private final Duration patience;

    public DashboardPage(ChromeDriver driver, Duration patience) {
        this.driver = driver;
        this.patience = patience;
    }

    /** The element, once the page has rendered it. */
    public WebElement waitFor(By by) {
        await("element " + by).atMost(patience).until(() -> !driver.findElements(by).isEmpty());
        return driver.findElement(by);
    }

    /**
     * Clicks the element once rendered, scrolled to the middle of its scroll container first: the page scrolls inside
     * the app layout and a grid inside itself, where the driver's own scrolling may leave it under another element.
     */
    public void click(By by) {
        WebElement element = waitFor(by);
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center'});", element);
        element.click();
    }

    /** The visible text of the first matching element, "" when there is none (yet). */
    public String text(By by) {
        var found = driver.findElements(by);
        return found.isEmpty() ? "" : found.getFirst().getText().trim();
    }

    public Object js(String script) {
        return driver.executeScript(script);
    }

    /** Every cell of a grid, one per line. */
    public String gridText(String gridId) {
        return driver.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
                .map(WebElement::getText)
                .reduce("", (a, b) -> a + "\n" + b);
    }

    /** The portfolio picker's open item with this text, or null while it is not shown. */
    public WebElement visibleItem(String text) {
        return driver.findElements(By.tagName("vaadin-multi-select-combo-box-item")).stream()
                .filter(item -> item.isDisplayed() && item.getText().trim().equals(text))
                .findFirst()
                .orElse(null);
    }

    /** A shown item of an open overlay (a combo box's, a select's, a menu's) by its tag and text, or null. */
    public WebElement visibleItem(String tag, String text) {
        return driver.findElements(By.tagName(tag)).stream()
                .filter(item -> item.isDisplayed() && item.getText().trim().equals(text))
                .findFirst()
                .orElse(null);
    }

    /** The coins the portfolio picker holds, sorted. */
    @SuppressWarnings("unchecked")
    public List<String> selectedCoins() {
        return (List<String>) js("const box = document.getElementById('portfolio-picker');"
                + "return box && box.selectedItems ? box.selectedItems.map(i => i.label ?? String(i)).sort() : [];");
    }

    /** Types a user name and the password twice into the registration form, without submitting it. */
    public void fillRegistration(String username, String password) {
        for (String field : new String[] {"register-username", "register-password", "register-repeat"}) {
            WebElement input = waitFor(By.cssSelector("#" + field + " input"));
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            input.sendKeys(field.equals("register-username") ? username : password);
        }
    }

    /** Fills in the login form and submits it with Enter. */
    public void logIn(String username, String password) {
        WebElement user = waitFor(By.cssSelector("vaadin-login-form input[name='username']"));
        user.clear();
        user.sendKeys(username);
        WebElement secret = driver.findElement(By.cssSelector("vaadin-login-form input[name='password']"));
        secret.clear();
        secret.sendKeys(password, Keys.ENTER);
    }
}
