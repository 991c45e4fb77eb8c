package com.marketpulse.ingestion.alpaca;

import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;

/** Where the stream client hands each event, once: trades, quotes and minute bars (corrections included). */
public interface AlpacaSink {

    void trade(Tick tick);

    void quote(Quote quote);

    void bar(SourceBar bar);
}
