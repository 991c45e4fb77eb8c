package com.marketpulse.dashboard.backtest.ui;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.marketpulse.api.contract.Backtest;
import com.marketpulse.api.contract.BacktestArchiveRequest;
import com.marketpulse.dashboard.api.ApiException;
import com.marketpulse.dashboard.api.BacktestClient;
import com.marketpulse.dashboard.base.ui.UiAccess;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * Starts a run: a file (trades or 1-minute candles, gzipped or not) streamed on to the API as the browser sends it,
 * or a range of the archive; either with the optional detector settings.
 */
final class StartForm extends Div {

    /** What the page does with the outcome of a start. */
    interface Listener {
        void started(Backtest run);

        void failed(String message);
    }

    private final BacktestClient backtests;
    private final String token;
    private final Listener listener;
    private final TextField name = new TextField("Name (optional)");
    private final TextField symbol = new TextField("Symbol (for Binance klines)");
    private final Select<String> format = new Select<>();
    private final SettingsFields settings = new SettingsFields();
    private final MultiSelectComboBox<String> symbols = new MultiSelectComboBox<>("Symbols");
    private final DateTimePicker from = new DateTimePicker("From (UTC)");
    private final DateTimePicker to = new DateTimePicker("To (UTC)");
    private final Upload upload = new Upload();

    StartForm(BacktestClient backtests, String token, Listener listener) {
        this.backtests = backtests;
        this.token = token;
        this.listener = listener;
        setId("backtest-start");
        name.setId("backtest-name");
        symbol.setId("backtest-symbol");
        symbol.setPlaceholder("DOT/USD");
        format.setId("backtest-format");
        format.setLabel("Format");
        format.setItems("auto", "candles", "trades-csv", "trades-parquet");
        format.setValue("auto");
        upload.setId("backtest-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".csv", ".gz", ".parquet", ".txt");
        upload.setUploadButton(new Button("Choose a file and start"));
        upload.setUploadHandler(this::receive);
        var fileTab = new Div(row(name, symbol, format), upload);
        symbols.setId("archive-symbols");
        from.setId("archive-from");
        to.setId("archive-to");
        var start = new Button("Start archive backtest", click -> startArchive());
        start.setId("archive-start");
        start.addThemeVariants(ButtonVariant.PRIMARY);
        var archiveTab = new Div(row(symbols, from, to), start);
        var tabs = new TabSheet();
        tabs.setId("backtest-input");
        tabs.add("File", fileTab);
        tabs.add("Archive range", archiveTab);
        tabs.setWidthFull();
        add(tabs, settings);
    }

    void setSymbols(List<String> known) {
        symbols.setItems(known);
    }

    private static FlexLayout row(com.vaadin.flow.component.Component... fields) {
        var row = new FlexLayout(fields);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.addClassNames(LumoUtility.Gap.MEDIUM, LumoUtility.AlignItems.BASELINE);
        return row;
    }

    /** Runs on the upload's request: the form is read under the page's lock, the file is passed on as it comes. */
    private void receive(UploadEvent event) throws IOException {
        UI ui = event.getUI();
        var fields = new AtomicReference<Map<String, String>>();
        var problem = new AtomicReference<String>();
        ui.accessSynchronously(() -> {
            problem.set(settings.invalid());
            fields.set(uploadFields());
        });
        try (InputStream file = event.getInputStream()) {
            if (problem.get() != null) {
                UiAccess.run(ui, () -> finish(null, problem.get()));
                return;
            }
            Backtest run = backtests.upload(token, event.getFileName(), file, fields.get());
            UiAccess.run(ui, () -> finish(run, null));
        } catch (ApiException e) {
            UiAccess.run(ui, () -> finish(null, Problems.message(e)));
        }
    }

    private Map<String, String> uploadFields() {
        var fields = new LinkedHashMap<String, String>();
        fields.put("name", name.getValue());
        fields.put("symbol", symbol.getValue());
        fields.put("format", "auto".equals(format.getValue()) ? "" : format.getValue());
        fields.putAll(settings.value().formFields());
        return fields;
    }

    private void finish(@org.jspecify.annotations.Nullable Backtest run, @org.jspecify.annotations.Nullable String error) {
        upload.clearFileList();
        if (run != null) {
            listener.started(run);
        } else {
            listener.failed(error == null ? "The backtest could not be started." : error);
        }
    }

    private void startArchive() {
        String problem = settings.invalid();
        if (symbols.getValue().isEmpty() || from.getValue() == null || to.getValue() == null) {
            problem = "Choose at least one symbol and both ends of the range.";
        }
        if (problem != null) {
            listener.failed(problem);
            return;
        }
        var request = new BacktestArchiveRequest(
                new BacktestArchiveRequest.Archive(symbols.getValue().stream().sorted().toList(), utc(from.getValue()),
                        utc(to.getValue())),
                settings.value().overrides(), null);
        try {
            listener.started(backtests.startArchive(token, request));
        } catch (ApiException e) {
            listener.failed(Problems.message(e));
        }
    }

    private static java.time.Instant utc(LocalDateTime time) {
        return time.toInstant(ZoneOffset.UTC);
    }
}
