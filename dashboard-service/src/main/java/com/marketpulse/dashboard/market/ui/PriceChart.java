package com.marketpulse.dashboard.market.ui;

import com.marketpulse.events.json.EventJson;
import java.util.List;

import com.marketpulse.dashboard.market.ChartData;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;

import tools.jackson.databind.json.JsonMapper;

/**
 * An interactive candlestick chart (zoom, pan, crosshair on hover) of one coin with its alerts as markers,
 * drawn by TradingView Lightweight Charts. The library is a static resource loaded once per page at run time
 * (see {@code META-INF/resources/vendor/lightweight-charts}), so Vaadin's pre-compiled bundle stays in use.
 * New candles are appended with {@code update}, which keeps the person's zoom and scroll position.
 */
public final class PriceChart extends Div {

    static final String LIBRARY = "vendor/lightweight-charts/5.2.1/lightweight-charts.standalone.production.js";
    private static final JsonMapper JSON = EventJson.mapper();

    private static final String DRAW = """
            const el = this;
            const data = JSON.parse($0);
            const markers = JSON.parse($1);
            window.marketPulseCharts = window.marketPulseCharts || new Promise((resolve, reject) => {
              const script = document.createElement('script');
              script.src = $2;
              script.onload = () => resolve(window.LightweightCharts);
              script.onerror = () => {
                window.marketPulseCharts = undefined; // the next refresh tries again
                script.remove();
                reject(new Error('could not load the chart library from ' + script.src));
              };
              document.head.appendChild(script);
            });
            return window.marketPulseCharts.then(LightweightCharts => {
              const textColor = getComputedStyle(el).color;
              if (!el.__chart) {
                el.__chart = LightweightCharts.createChart(el, {
                  autoSize: true,
                  layout: { background: { type: 'solid', color: 'transparent' }, textColor, attributionLogo: true },
                  grid: { vertLines: { visible: false }, horzLines: { color: 'rgba(127,127,127,0.15)' } },
                  timeScale: { timeVisible: true, secondsVisible: false },
                  rightPriceScale: { borderVisible: false },
                });
                el.__series = el.__chart.addSeries(LightweightCharts.CandlestickSeries, {
                  upColor: '#26a69a', downColor: '#ef5350', wickUpColor: '#26a69a', wickDownColor: '#ef5350',
                  borderVisible: false,
                });
                el.__markers = LightweightCharts.createSeriesMarkers(el.__series, []);
                el.__last = -1;
              } else {
                el.__chart.applyOptions({ layout: { textColor } });
              }
              if (el.__last < 0 && data.length > 0) {
                el.__series.setData(data);
                el.__chart.timeScale().fitContent();
              } else {
                for (const candle of data) {
                  if (candle.time >= el.__last) {
                    el.__series.update(candle);
                  }
                }
              }
              if (data.length > 0) {
                el.__last = Math.max(el.__last, data[data.length - 1].time);
              }
              el.__markers.setMarkers(markers);
              el.__markerIds = markers.map(m => m.id);
              return data.length;
            });""";

    private List<ChartData.Candle> candles = List.of();
    private List<ChartData.Marker> markers = List.of();

    public PriceChart(String symbol) {
        setId("chart-" + symbol.replace('/', '-'));
        addClassName("price-chart");
        setWidthFull();
        setHeight("180px");
        getElement().setAttribute("aria-label", "Price chart of " + symbol + " with its alerts");
        getStyle().set("display", "none");
    }

    /**
     * Draws these candles (appending to what is shown) and these markers. Without candles the chart is hidden
     * (its element stays in the page) and nothing is drawn, so no empty axes show.
     */
    public void draw(List<ChartData.Candle> newCandles, List<ChartData.Marker> newMarkers) {
        this.candles = newCandles;
        this.markers = newMarkers;
        if (hasData()) {
            getStyle().remove("display");
        } else {
            getStyle().set("display", "none");
        }
        if (isAttached()) {
            render();
        }
    }

    /** Whether there is at least one candle to draw. */
    public boolean hasData() {
        return !candles.isEmpty();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        // a chart re-attached to a new page starts afresh there
        getElement().executeJs("this.__chart && this.__chart.remove(); this.__chart = undefined;");
        render();
    }

    private void render() {
        if (!hasData()) {
            return;
        }
        String library = getUI().map(ui -> ui.getInternals().getContextRootRelativePath()).orElse("") + LIBRARY;
        getElement().executeJs(DRAW, JSON.writeValueAsString(candles), JSON.writeValueAsString(markers), library);
    }
}
