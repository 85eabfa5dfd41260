// Charts drawn with TradingView Lightweight Charts (vendored in lib/lightweight-charts, Apache-2.0).
// Blazor passes plain data; one chart per element, rebuilt on each update.
const charts = new WeakMap();

const theme = {
    layout: { background: { color: '#161c23' }, textColor: '#c9d1d9', fontSize: 12 },
    grid: { vertLines: { color: '#222b35' }, horzLines: { color: '#222b35' } },
    rightPriceScale: { borderColor: '#2d3744' },
    timeScale: { borderColor: '#2d3744', timeVisible: true, secondsVisible: false },
    crosshair: { mode: 0 },
    autoSize: true,
};

function reset(element) {
    const existing = charts.get(element);
    if (existing) {
        existing.remove();
        charts.delete(element);
    }
    const LWC = window.LightweightCharts;
    const chart = LWC.createChart(element, theme);
    charts.set(element, chart);
    return { chart, LWC };
}

export function renderCandles(element, data) {
    const { chart, LWC } = reset(element);
    const candles = chart.addSeries(LWC.CandlestickSeries, {
        upColor: '#26a69a', downColor: '#ef5350', borderVisible: false, wickUpColor: '#26a69a', wickDownColor: '#ef5350',
        priceFormat: { type: 'price', precision: data.precision, minMove: data.minMove },
    });
    candles.setData(data.candles.map(c => ({ time: c.time, open: c.open, high: c.high, low: c.low, close: c.close })));
    candles.priceScale().applyOptions({ scaleMargins: { top: 0.05, bottom: 0.25 } });

    const volume = chart.addSeries(LWC.HistogramSeries, { priceFormat: { type: 'volume' }, priceScaleId: 'volume', lastValueVisible: false, priceLineVisible: false });
    volume.setData(data.candles.map(c => ({ time: c.time, value: c.volume, color: c.close >= c.open ? 'rgba(38,166,154,0.45)' : 'rgba(239,83,80,0.45)' })));
    volume.priceScale().applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });

    for (const line of data.lines) {
        candles.createPriceLine({ price: line.price, color: line.color, lineWidth: line.width, lineStyle: line.style, axisLabelVisible: true, title: line.title });
    }
    if (data.markers.length > 0) {
        LWC.createSeriesMarkers(candles, data.markers);
    }
    chart.timeScale().fitContent();
}

export function renderLines(element, data) {
    const { chart, LWC } = reset(element);
    for (const s of data.series) {
        const series = s.area
            ? chart.addSeries(LWC.AreaSeries, { lineColor: s.color, topColor: s.color + '55', bottomColor: s.color + '08', lineWidth: 2, title: s.name, priceFormat: { type: 'price', precision: s.precision, minMove: Math.pow(10, -s.precision) } })
            : chart.addSeries(LWC.LineSeries, { color: s.color, lineWidth: 2, title: s.name, priceFormat: { type: 'price', precision: s.precision, minMove: Math.pow(10, -s.precision) } });
        series.setData(s.points);
    }
    chart.timeScale().fitContent();
}

export function dispose(element) {
    const existing = charts.get(element);
    if (existing) {
        existing.remove();
        charts.delete(element);
    }
}
