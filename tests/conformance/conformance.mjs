// Conformance suite: drives a Bybit-V5-compatible venue (BreakoutBot.Simulator) with two independent
// third-party clients, ccxt (bybit, linear USDT perpetuals) and bybit-api (RestClientV5 / WebsocketClient),
// and asserts the values they hand back.
//
// Output: one line per check, `PASS name` or `FAIL name: reason`, then `N passed, N failed`.
// Exit code 0 only when every check passed. Set CONFORMANCE_TRACE=1 for the HTTP/WS traffic of failing
// checks on stderr.

import { createRequire } from 'node:module';
import ccxt from 'ccxt';
import { RestClientV5, WebsocketClient } from 'bybit-api';

// ---------------------------------------------------------------------------------------------------------------
// Configuration

const env = process.env;
const REST = (env.BYBIT_REST_URL || 'http://127.0.0.1:5399').replace(/\/+$/, '');
const WS_PUBLIC = env.BYBIT_WS_PUBLIC || 'ws://127.0.0.1:5399/v5/public/linear';
const WS_PRIVATE = env.BYBIT_WS_PRIVATE || 'ws://127.0.0.1:5399/v5/private';
const API_KEY = env.BYBIT_API_KEY || 'sim-api-key';
const API_SECRET = env.BYBIT_API_SECRET || 'sim-api-secret';
const CHECK_TIMEOUT_MS = Number(env.CONFORMANCE_CHECK_TIMEOUT_MS || 20_000);
const RUN_TIMEOUT_MS = Number(env.CONFORMANCE_RUN_TIMEOUT_MS || 180_000);
const TRACE = env.CONFORMANCE_TRACE === '1';
const ONLY = env.CONFORMANCE_ONLY ? new RegExp(env.CONFORMANCE_ONLY) : null;

// ccxt works on BTCUSDT, bybit-api on ETHUSDT, so one client's orders and positions never meet the other's
// (both share the simulator's single account).
const CCXT_SYMBOL = 'BTC/USDT:USDT';
const CCXT_MARKET_ID = 'BTCUSDT';
const BYBIT_SYMBOL = 'ETHUSDT';
const WS_WAIT_MS = 12_000;

const wsOrigin = new URL(WS_PUBLIC).origin;

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const short = (value, max = 300) => {
  const text = typeof value === 'string' ? value : safeJson(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
};
function safeJson(value) {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
function fail(message) {
  throw new Error(message);
}
function assert(condition, message) {
  if (!condition) fail(message);
}
const num = (value) => (value === undefined || value === null || value === '' ? NaN : Number(value));
const isPositive = (value) => Number.isFinite(num(value)) && num(value) > 0;
const uniqueId = (prefix) => `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const decimals = (step) => {
  const text = String(step);
  return text.includes('.') ? text.split('.')[1].replace(/0+$/, '').length : 0;
};
const roundDown = (value, step) => (Math.floor(value / step + 1e-9) * step).toFixed(decimals(step));
const roundUp = (value, step) => (Math.ceil(value / step - 1e-9) * step).toFixed(decimals(step));

/** Polls fn until it returns a truthy value or the time runs out; returns the last value. */
async function waitFor(fn, timeoutMs, intervalMs = 300) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await fn();
    if (last || Date.now() >= deadline) return last;
    await sleep(intervalMs);
  }
}

/** Rejects after ms with a message; the timer never keeps the process alive. */
function timeout(ms, message) {
  let timer;
  const promise = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
    timer.unref?.();
  });
  promise.cancel = () => clearTimeout(timer);
  return promise;
}

// ---------------------------------------------------------------------------------------------------------------
// Traffic trace (per check): what each client sent and what came back, for the failure reasons.

let trace = [];
const endpointsUsed = new Set();
const record = (entry) => {
  trace.push(entry);
  if (entry.kind === 'http') {
    const [route, query = ''] = entry.path.split('?');
    const queryKeys = [...new URLSearchParams(query).keys()].sort().join('&');
    let bodyKeys = '';
    try {
      bodyKeys = entry.body ? Object.keys(JSON.parse(entry.body)).sort().join(',') : '';
    } catch {
      // not JSON
    }
    endpointsUsed.add(`${entry.client} ${entry.method} ${route}${queryKeys ? `?${queryKeys}` : ''}${bodyKeys ? ` body{${bodyKeys}}` : ''}`);
  }
  return entry;
};
const pathOf = (url) => {
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  } catch {
    return String(url);
  }
};
function lastRequests(count = 2) {
  return trace
    .filter((entry) => entry.kind === 'http')
    .slice(-count)
    .map((entry) => {
      const body = entry.body ? ` body=${short(entry.body, 160)}` : '';
      const answer = entry.error ? `error ${short(entry.error, 220)}` : `${entry.status ?? '?'} ${short(entry.response ?? '', 160)}`;
      return `${entry.method} ${entry.path}${body} -> ${answer}`;
    })
    .join(' ;; ');
}

// bybit-api sends its REST calls through axios' default instance: observe them there.
const requireFromBybitApi = createRequire(createRequire(import.meta.url).resolve('bybit-api'));
const axios = requireFromBybitApi('axios');
(axios.default ?? axios).interceptors.request.use((config) => {
  config.__trace = record({
    kind: 'http',
    client: 'bybit-api',
    method: String(config.method || 'get').toUpperCase(),
    path: pathOf(config.url) + (config.params ? `?${new URLSearchParams(config.params).toString()}` : ''),
    body: config.data,
  });
  return config;
});
(axios.default ?? axios).interceptors.response.use(
  (response) => {
    const entry = response.config.__trace;
    if (entry) {
      entry.status = response.status;
      entry.response = response.data;
    }
    return response;
  },
  (error) => {
    const entry = error?.config?.__trace;
    if (entry) {
      entry.status = error.response?.status;
      entry.error = `${error.response?.status ?? ''} ${short(error.response?.data ?? error.message, 200)}`;
    }
    return Promise.reject(error);
  },
);

// ---------------------------------------------------------------------------------------------------------------
// Client factories

const openResources = new Set();
function track(resource) {
  openResources.add(resource);
  return resource;
}

/**
 * A ccxt bybit instance pointed at the simulator. `startup: 'default'` leaves ccxt's start-up behaviour alone
 * (it fetches /v5/asset/coin/query-info for currencies and /v5/user/query-api + /v5/account/info to learn the
 * account type); `startup: 'bypass'` switches those off so the other checks test their own endpoints.
 */
function makeCcxt({ pro = false, startup = 'bypass' } = {}) {
  const Exchange = pro ? ccxt.pro.bybit : ccxt.bybit;
  const options = {
    defaultType: 'swap',
    defaultSubType: 'linear',
    defaultSettle: 'USDT',
    fetchMarkets: { types: ['linear'] },
    recvWindow: 5000,
  };
  if (startup === 'bypass') {
    // What ccxt itself assumes for demo trading: a Unified Trading Account (UTA 2.0).
    Object.assign(options, { enableUnifiedMargin: false, enableUnifiedAccount: true, unifiedMarginStatus: 6 });
  }
  const exchange = new Exchange({
    apiKey: API_KEY,
    secret: API_SECRET,
    enableRateLimit: false,
    timeout: 15_000,
    options,
  });
  if (startup === 'bypass') exchange.has.fetchCurrencies = false;
  const restUrls = { spot: REST, futures: REST, v2: REST, public: REST, private: REST };
  exchange.urls.api = { ...exchange.urls.api, ...restUrls };
  exchange.urls.test = { ...(exchange.urls.test || {}), ...restUrls };
  exchange.hostname = new URL(REST).host;
  if (pro) {
    exchange.urls.api.ws = {
      public: {
        spot: `${wsOrigin}/v5/public/spot`,
        inverse: `${wsOrigin}/v5/public/inverse`,
        option: `${wsOrigin}/v5/public/option`,
        linear: WS_PUBLIC,
      },
      private: {
        spot: { unified: WS_PRIVATE, nonUnified: `${wsOrigin}/spot/private/v3` },
        contract: WS_PRIVATE,
        usdc: `${wsOrigin}/trade/option/usdc/private/v1`,
        trade: `${wsOrigin}/v5/trade`,
      },
    };
  }
  // Observe every HTTP exchange ccxt makes.
  const originalFetch = exchange.fetch.bind(exchange);
  exchange.fetch = async (url, method = 'GET', headers = undefined, body = undefined) => {
    const entry = record({ kind: 'http', client: 'ccxt', method, path: pathOf(url), body });
    try {
      const response = await originalFetch(url, method, headers, body);
      entry.status = 200;
      entry.response = response;
      return response;
    } catch (error) {
      entry.error = error?.message ?? String(error);
      throw error;
    }
  };
  if (pro) {
    track({ close: () => exchange.close() });
    // Observe WS frames in and out.
    const originalHandle = exchange.handleMessage.bind(exchange);
    exchange.handleMessage = (client, message) => {
      record({ kind: 'ws-in', client: 'ccxt', url: client.url, message });
      return originalHandle(client, message);
    };
  }
  return exchange;
}

/**
 * A ccxt pro bybit instance. ccxt refuses plain ws:// URLs in Node unless its HTTP agent is loaded first
 * ("to use proxy with non-ssl ws:// urls, at first run `await exchange.loadHttpProxyAgent()`").
 */
async function makeCcxtPro(settings = {}) {
  const exchange = makeCcxt({ ...settings, pro: true });
  await exchange.loadHttpProxyAgent();
  return exchange;
}

const quietLogger = {
  trace: () => {},
  info: () => {},
  error: (...params) => record({ kind: 'log', client: 'bybit-api', level: 'error', params: short(params, 400) }),
};

function makeRest() {
  return new RestClientV5({ key: API_KEY, secret: API_SECRET, baseUrl: REST, recv_window: 5000 });
}

function makeWs({ isPrivate, promiseSubscribeRequests = false }) {
  const client = new WebsocketClient(
    {
      key: isPrivate ? API_KEY : undefined,
      secret: isPrivate ? API_SECRET : undefined,
      market: 'v5',
      wsUrl: isPrivate ? WS_PRIVATE : WS_PUBLIC,
      reconnectTimeout: 60_000,
      promiseSubscribeRequests,
    },
    quietLogger,
  );
  const frames = [];
  for (const event of ['update', 'response', 'exception', 'authenticated', 'open', 'close', 'reconnect']) {
    client.on(event, (data) => {
      frames.push({ event, data });
      record({ kind: 'ws-in', client: 'bybit-api', event, message: data });
    });
  }
  track({ close: () => client.closeAll(true) });
  return { client, frames };
}

/** Throws with retCode/retMsg unless a bybit-api answer has retCode 0. */
function ok(response, what) {
  if (!response || response.retCode !== 0) {
    fail(`${what}: retCode=${response?.retCode} retMsg=${short(response?.retMsg ?? response, 200)}`);
  }
  return response.result;
}

// ---------------------------------------------------------------------------------------------------------------
// Shared facts about instruments (read once per client, straight from the venue's answers)

async function ccxtMarketFacts(exchange, symbol = CCXT_SYMBOL) {
  await exchange.loadMarkets();
  const market = exchange.market(symbol);
  const ticker = await exchange.fetchTicker(symbol);
  const bid = num(ticker.bid ?? ticker.last);
  assert(bid > 0, `ticker has no positive bid/last: ${short(ticker.info)}`);
  const tick = num(market.precision.price);
  const step = num(market.precision.amount);
  const minQty = num(market.limits.amount.min ?? step);
  const farPrice = num(roundDown(bid * 0.9, tick));
  const minNotional = num(market.limits.cost?.min ?? 5);
  const qty = Math.max(minQty, num(roundUp((minNotional * 1.2) / farPrice, step)));
  const marketQty = Math.max(minQty, num(roundUp((minNotional * 1.2) / bid, step)));
  return { market, bid, tick, step, minQty, farPrice, qty: num(roundUp(qty, step)), marketQty: num(roundUp(marketQty, step)) };
}

async function bybitMarketFacts(rest, symbol = BYBIT_SYMBOL) {
  const instruments = ok(await rest.getInstrumentsInfo({ category: 'linear', symbol }), 'instruments-info');
  const instrument = instruments.list.find((entry) => entry.symbol === symbol) ?? fail(`${symbol} not in instruments-info`);
  const tickers = ok(await rest.getTickers({ category: 'linear', symbol }), 'tickers');
  const ticker = tickers.list.find((entry) => entry.symbol === symbol) ?? fail(`${symbol} not in tickers`);
  const bid = num(ticker.bid1Price) || num(ticker.lastPrice);
  assert(bid > 0, `ticker has no positive bid1Price/lastPrice: ${short(ticker)}`);
  const tick = num(instrument.priceFilter.tickSize);
  const step = num(instrument.lotSizeFilter.qtyStep);
  const minQty = num(instrument.lotSizeFilter.minOrderQty);
  const minNotional = num(instrument.lotSizeFilter.minNotionalValue ?? 5) || 5;
  const farPrice = roundDown(bid * 0.9, tick);
  const qty = roundUp(Math.max(minQty, (minNotional * 1.2) / num(farPrice)), step);
  const marketQty = roundUp(Math.max(minQty, (minNotional * 1.2) / bid), step);
  return { instrument, bid, tick, step, minQty, farPrice, qty, marketQty };
}

async function ccxtCleanup(exchange, symbol = CCXT_SYMBOL) {
  try {
    await exchange.cancelAllOrders(symbol);
  } catch {
    // best effort
  }
}

async function bybitCleanup(rest, symbol = BYBIT_SYMBOL) {
  try {
    await rest.cancelAllOrders({ category: 'linear', symbol });
  } catch {
    // best effort
  }
}

async function ccxtPositionSize(exchange, symbol = CCXT_SYMBOL) {
  const positions = await exchange.fetchPositions([symbol]);
  const position = positions.find((entry) => entry.symbol === symbol);
  return { size: num(position?.contracts ?? 0) || 0, side: position?.side, position };
}

async function bybitPositionSize(rest, symbol = BYBIT_SYMBOL) {
  const result = ok(await rest.getPositionInfo({ category: 'linear', symbol }), 'position/list');
  const position = (result.list || []).find((entry) => entry.symbol === symbol);
  return { size: num(position?.size ?? 0) || 0, side: position?.side, position };
}

function checkCandles(candles, intervalMs, label) {
  assert(Array.isArray(candles) && candles.length > 0, `${label}: no candles`);
  for (const [timestamp, open, high, low, close, volume] of candles) {
    assert(Number.isFinite(timestamp) && timestamp % intervalMs === 0, `${label}: start ${timestamp} not aligned to ${intervalMs} ms`);
    assert([open, high, low, close].every((value) => value > 0), `${label}: non-positive price in ${safeJson([timestamp, open, high, low, close])}`);
    assert(high >= Math.max(open, close) && low <= Math.min(open, close), `${label}: high/low do not bound open/close in ${safeJson([open, high, low, close])}`);
    assert(volume >= 0, `${label}: negative volume`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Checks

const checks = [];
const check = (name, fn) => checks.push({ name, fn });

// ----- ccxt: start-up, exactly as a user would run it --------------------------------------------------------

check('ccxt.startup.loadMarkets(default: currencies via /v5/asset/coin/query-info)', async () => {
  const exchange = makeCcxt({ startup: 'default' });
  const markets = await exchange.loadMarkets();
  assert(markets[CCXT_SYMBOL], `${CCXT_SYMBOL} missing from markets`);
  assert(exchange.currencies?.USDT, 'USDT missing from currencies');
});

check('ccxt.startup.isUnifiedEnabled(/v5/user/query-api + /v5/account/info)', async () => {
  const exchange = makeCcxt({ startup: 'default' });
  const [unifiedMargin, unifiedAccount] = await exchange.isUnifiedEnabled();
  assert(unifiedAccount === true || unifiedMargin === true,
    `account not detected as unified (enableUnifiedMargin=${unifiedMargin}, enableUnifiedAccount=${unifiedAccount}); ccxt would fall back to classic-account code paths`);
});

check('ccxt.startup.fetchBalance(default start-up)', async () => {
  const exchange = makeCcxt({ startup: 'default' });
  const balance = await exchange.fetchBalance();
  assert(isPositive(balance.USDT?.total), `USDT total not positive: ${short(balance.USDT)}`);
});

// ----- ccxt: public REST -------------------------------------------------------------------------------------

check('ccxt.rest.fetchTime', async () => {
  const exchange = makeCcxt();
  const time = await exchange.fetchTime();
  assert(Number.isFinite(time), `time not a number: ${time}`);
  assert(Math.abs(time - Date.now()) < 60_000, `server time ${time} is ${time - Date.now()} ms from local clock`);
});

check('ccxt.rest.loadMarkets(linear)', async () => {
  const exchange = makeCcxt();
  const markets = await exchange.loadMarkets();
  const market = markets[CCXT_SYMBOL] ?? fail(`${CCXT_SYMBOL} missing; got ${Object.keys(markets).slice(0, 5).join(',')}`);
  assert(market.id === CCXT_MARKET_ID && market.swap && market.linear && market.settle === 'USDT', `unexpected market: ${short(market)}`);
  assert(isPositive(market.precision.price) && isPositive(market.precision.amount), `precision missing: ${short(market.precision)}`);
  assert(isPositive(market.limits.amount.min), `min amount missing: ${short(market.limits)}`);
  assert(market.active === true, `market not active (status ${market.info?.status})`);
  // ccxt asks instruments-info twice (plain and status=PreLaunch) and concatenates both lists; a venue that ignores
  // the status filter makes every market appear twice, and then ccxt cannot map WS order frames to a symbol.
  const byId = exchange.markets_by_id[CCXT_MARKET_ID] ?? [];
  assert(byId.length === 1, `${CCXT_MARKET_ID} appears ${byId.length} times in markets_by_id (instruments-info?status=PreLaunch answered with non-PreLaunch instruments)`);
});

check('ccxt.rest.fetchTicker', async () => {
  const exchange = makeCcxt();
  const ticker = await exchange.fetchTicker(CCXT_SYMBOL);
  assert(ticker.symbol === CCXT_SYMBOL, `symbol ${ticker.symbol}`);
  assert(isPositive(ticker.last), `last not positive: ${ticker.last}`);
  assert(isPositive(ticker.bid) && isPositive(ticker.ask) && ticker.bid < ticker.ask, `bid ${ticker.bid} !< ask ${ticker.ask}`);
  assert(isPositive(ticker.markPrice ?? ticker.info.markPrice), 'markPrice missing');
});

check('ccxt.rest.fetchOrderBook', async () => {
  const exchange = makeCcxt();
  const book = await exchange.fetchOrderBook(CCXT_SYMBOL, 50);
  assert(book.bids.length > 0 && book.asks.length > 0, `empty book: ${book.bids.length} bids, ${book.asks.length} asks`);
  assert(book.bids[0][0] < book.asks[0][0], `best bid ${book.bids[0][0]} !< best ask ${book.asks[0][0]}`);
  for (let i = 1; i < book.bids.length; i++) assert(book.bids[i][0] < book.bids[i - 1][0], 'bids not descending');
  for (let i = 1; i < book.asks.length; i++) assert(book.asks[i][0] > book.asks[i - 1][0], 'asks not ascending');
  assert(Number.isFinite(book.timestamp), 'book has no timestamp (ts)');
});

check('ccxt.rest.fetchOHLCV(1m)', async () => {
  const exchange = makeCcxt();
  const candles = await exchange.fetchOHLCV(CCXT_SYMBOL, '1m', undefined, 50);
  checkCandles(candles, 60_000, '1m');
  for (let i = 1; i < candles.length; i++) assert(candles[i][0] > candles[i - 1][0], '1m candles not ascending');
});

check('ccxt.rest.fetchOHLCV(5m)', async () => {
  const exchange = makeCcxt();
  const candles = await exchange.fetchOHLCV(CCXT_SYMBOL, '5m', undefined, 50);
  checkCandles(candles, 300_000, '5m');
  assert(candles.length >= 10, `only ${candles.length} 5m candles`);
  for (let i = 1; i < candles.length; i++) assert(candles[i][0] > candles[i - 1][0], '5m candles not ascending');
});

check('ccxt.rest.fetchTrades', async () => {
  const exchange = makeCcxt();
  const trades = await exchange.fetchTrades(CCXT_SYMBOL, undefined, 20);
  assert(trades.length > 0, 'no trades');
  for (const trade of trades) {
    assert(isPositive(trade.price) && isPositive(trade.amount), `bad trade ${short(trade.info)}`);
    assert(trade.side === 'buy' || trade.side === 'sell', `bad side ${trade.side}`);
    assert(Number.isFinite(trade.timestamp), 'trade has no timestamp');
  }
});

// ----- ccxt: signed REST -------------------------------------------------------------------------------------

check('ccxt.rest.fetchBalance', async () => {
  const exchange = makeCcxt();
  const balance = await exchange.fetchBalance();
  assert(isPositive(balance.USDT?.total), `USDT total not positive: ${short(balance.USDT)} info=${short(balance.info, 200)}`);
  assert(Number.isFinite(num(balance.USDT.free)), `USDT free not a number: ${balance.USDT.free}`);
});

check('ccxt.rest.createOrder(limit, clientOrderId) + fetchOpenOrders', async () => {
  const exchange = makeCcxt();
  try {
    const facts = await ccxtMarketFacts(exchange);
    const clientOrderId = uniqueId('cfcx');
    const order = await exchange.createOrder(CCXT_SYMBOL, 'limit', 'buy', facts.qty, facts.farPrice, { clientOrderId });
    assert(order.id, `no order id: ${short(order.info)}`);
    assert(order.clientOrderId === clientOrderId, `clientOrderId ${order.clientOrderId} != ${clientOrderId}`);
    const open = await exchange.fetchOpenOrders(CCXT_SYMBOL);
    const found = open.find((entry) => entry.id === order.id) ?? fail(`order ${order.id} not among ${open.length} open orders`);
    assert(found.clientOrderId === clientOrderId, `open order clientOrderId ${found.clientOrderId}`);
    assert(found.status === 'open', `status ${found.status} (orderStatus ${found.info.orderStatus})`);
    assert(found.side === 'buy' && found.type === 'limit', `side/type ${found.side}/${found.type}`);
    assert(Math.abs(found.price - facts.farPrice) < facts.tick / 2, `price ${found.price} != ${facts.farPrice}`);
    assert(Math.abs(found.amount - facts.qty) < facts.step / 2, `amount ${found.amount} != ${facts.qty}`);
  } finally {
    await ccxtCleanup(exchange);
  }
});

check('ccxt.rest.cancelOrder -> reads as canceled', async () => {
  const exchange = makeCcxt();
  try {
    const facts = await ccxtMarketFacts(exchange);
    const clientOrderId = uniqueId('cfcx');
    const order = await exchange.createOrder(CCXT_SYMBOL, 'limit', 'buy', facts.qty, facts.farPrice, { clientOrderId });
    const cancelled = await exchange.cancelOrder(order.id, CCXT_SYMBOL);
    assert(cancelled.id === order.id, `cancel answered id ${cancelled.id}`);
    const open = await exchange.fetchOpenOrders(CCXT_SYMBOL);
    assert(!open.some((entry) => entry.id === order.id), 'cancelled order still listed as open');
    const fetched = await exchange.fetchOrder(order.id, CCXT_SYMBOL, { acknowledged: true });
    assert(fetched.status === 'canceled', `fetchOrder status ${fetched.status} (orderStatus ${fetched.info.orderStatus})`);
  } finally {
    await ccxtCleanup(exchange);
  }
});

check('ccxt.rest.fetchCanceledOrders(history) contains cancelled order', async () => {
  const exchange = makeCcxt();
  try {
    const facts = await ccxtMarketFacts(exchange);
    const order = await exchange.createOrder(CCXT_SYMBOL, 'limit', 'buy', facts.qty, facts.farPrice, { clientOrderId: uniqueId('cfcx') });
    await exchange.cancelOrder(order.id, CCXT_SYMBOL);
    const history = await exchange.fetchCanceledOrders(CCXT_SYMBOL);
    const found = history.find((entry) => entry.id === order.id) ?? fail(`order ${order.id} not among ${history.length} cancelled orders`);
    assert(found.status === 'canceled', `status ${found.status}`);
  } finally {
    await ccxtCleanup(exchange);
  }
});

check('ccxt.rest.duplicateClientOrderId -> 110072 InvalidOrder', async () => {
  const exchange = makeCcxt();
  try {
    const facts = await ccxtMarketFacts(exchange);
    const clientOrderId = uniqueId('cfcx');
    await exchange.createOrder(CCXT_SYMBOL, 'limit', 'buy', facts.qty, facts.farPrice, { clientOrderId });
    let error;
    try {
      await exchange.createOrder(CCXT_SYMBOL, 'limit', 'buy', facts.qty, facts.farPrice, { clientOrderId });
    } catch (caught) {
      error = caught;
    }
    assert(error, 'duplicate clientOrderId accepted');
    assert(error instanceof ccxt.InvalidOrder, `expected InvalidOrder, got ${error.constructor.name}: ${short(error.message)}`);
    assert(/110072/.test(error.message), `no 110072 in ${short(error.message)}`);
  } finally {
    await ccxtCleanup(exchange);
  }
});

check('ccxt.rest.reduceOnly with no position -> 110017 InvalidOrder', async () => {
  const exchange = makeCcxt();
  const facts = await ccxtMarketFacts(exchange);
  const before = await ccxtPositionSize(exchange);
  assert(before.size === 0, `precondition: ${CCXT_SYMBOL} position not flat (size ${before.size})`);
  let error;
  try {
    await exchange.createOrder(CCXT_SYMBOL, 'market', 'sell', facts.marketQty, undefined, { reduceOnly: true });
  } catch (caught) {
    error = caught;
  }
  assert(error, 'reduce-only order with no position accepted');
  assert(error instanceof ccxt.InvalidOrder, `expected InvalidOrder, got ${error.constructor.name}: ${short(error.message)}`);
  assert(/110017/.test(error.message), `no 110017 in ${short(error.message)}`);
});

check('ccxt.rest.market open + reduceOnly close (fetchPositions)', async () => {
  const exchange = makeCcxt();
  const facts = await ccxtMarketFacts(exchange);
  const before = await ccxtPositionSize(exchange);
  assert(before.size === 0, `precondition: position not flat (size ${before.size})`);
  let opened = false;
  try {
    const order = await exchange.createOrder(CCXT_SYMBOL, 'market', 'buy', facts.marketQty);
    opened = true;
    assert(order.id, 'market order has no id');
    const open = await waitFor(async () => {
      const now = await ccxtPositionSize(exchange);
      return now.size > 0 ? now : null;
    }, 5_000);
    assert(open, 'no position after market buy');
    assert(Math.abs(open.size - facts.marketQty) < facts.step / 2, `position size ${open.size} != ${facts.marketQty}`);
    assert(open.side === 'long', `position side ${open.side}`);
    assert(isPositive(open.position.entryPrice), `entryPrice ${open.position.entryPrice}`);
    const close = await exchange.createOrder(CCXT_SYMBOL, 'market', 'sell', facts.marketQty, undefined, { reduceOnly: true });
    assert(close.id, 'close order has no id');
    const flat = await waitFor(async () => ((await ccxtPositionSize(exchange)).size === 0 ? true : null), 5_000);
    assert(flat, 'position not flat after reduce-only close');
    opened = false;
  } finally {
    if (opened) {
      try {
        const now = await ccxtPositionSize(exchange);
        if (now.size > 0) await exchange.createOrder(CCXT_SYMBOL, 'market', now.side === 'long' ? 'sell' : 'buy', now.size, undefined, { reduceOnly: true });
      } catch {
        // best effort
      }
    }
  }
});

check('ccxt.rest.fetchPositions(all, settle USDT)', async () => {
  const exchange = makeCcxt();
  await exchange.loadMarkets();
  const positions = await exchange.fetchPositions();
  assert(Array.isArray(positions), 'not an array');
  for (const position of positions) {
    assert(position.symbol && position.symbol.endsWith(':USDT'), `bad symbol ${position.symbol}`);
    assert(Number.isFinite(num(position.contracts)), `contracts not a number in ${short(position.info)}`);
  }
});

// ----- ccxt pro: public WebSocket ----------------------------------------------------------------------------

check('ccxt.ws.watchTrades(publicTrade)', async () => {
  const exchange = await makeCcxtPro();
  const trades = await exchange.watchTrades(CCXT_SYMBOL);
  assert(trades.length > 0, 'no trades');
  assert(isPositive(trades[0].price) && isPositive(trades[0].amount), `bad trade ${short(trades[0].info)}`);
  assert(trades[0].side === 'buy' || trades[0].side === 'sell', `bad side ${trades[0].side}`);
});

check('ccxt.ws.watchOrderBook(orderbook.50)', async () => {
  const exchange = await makeCcxtPro();
  let book = await exchange.watchOrderBook(CCXT_SYMBOL);
  book = await exchange.watchOrderBook(CCXT_SYMBOL); // a delta on top of the snapshot
  assert(book.bids.length > 0 && book.asks.length > 0, `empty book ${book.bids.length}/${book.asks.length}`);
  assert(book.bids[0][0] < book.asks[0][0], `best bid ${book.bids[0][0]} !< best ask ${book.asks[0][0]}`);
  assert(book.bids.length <= 50 && book.asks.length <= 50, `more than 50 levels: ${book.bids.length}/${book.asks.length}`);
  assert(Number.isFinite(book.timestamp), `no timestamp (ts): ${book.timestamp}`);
});

check('ccxt.ws.watchOrderBook(orderbook.1)', async () => {
  const exchange = await makeCcxtPro();
  const book = await exchange.watchOrderBook(CCXT_SYMBOL, 1);
  assert(book.bids.length === 1 && book.asks.length === 1, `depth ${book.bids.length}/${book.asks.length}`);
  assert(book.bids[0][0] < book.asks[0][0], `best bid ${book.bids[0][0]} !< best ask ${book.asks[0][0]}`);
});

check('ccxt.ws.watchTicker(tickers)', async () => {
  const exchange = await makeCcxtPro();
  const ticker = await exchange.watchTicker(CCXT_SYMBOL);
  assert(ticker.symbol === CCXT_SYMBOL, `symbol ${ticker.symbol}`);
  assert(isPositive(ticker.last), `last ${ticker.last}`);
});

for (const [timeframe, ms] of [['1m', 60_000], ['5m', 300_000]]) {
  check(`ccxt.ws.watchOHLCV(kline.${timeframe === '1m' ? 1 : 5})`, async () => {
    const exchange = await makeCcxtPro();
    const candles = await exchange.watchOHLCV(CCXT_SYMBOL, timeframe);
    checkCandles(candles, ms, `ws ${timeframe}`);
  });
}

// ----- ccxt pro: private WebSocket ---------------------------------------------------------------------------

check('ccxt.ws.watchOrders(auth + order topic) after createOrder', async () => {
  const exchange = await makeCcxtPro();
  try {
    const facts = await ccxtMarketFacts(exchange);
    const clientOrderId = uniqueId('cfcw');
    // No symbol: the 'orders' hash resolves for every order frame, even one ccxt cannot map to a unified symbol.
    let pending = exchange.watchOrders();
    pending.catch(() => {});
    // Wait until ccxt has sent its subscribe (after auth), then place the order.
    const privateClient = () => Object.values(exchange.clients).find((client) => client.url === WS_PRIVATE);
    await waitFor(() => privateClient()?.subscriptions?.orders !== undefined, 5_000, 100);
    await Promise.race([pending.then(() => {}, () => {}), sleep(1_000)]);
    await exchange.createOrder(CCXT_SYMBOL, 'limit', 'buy', facts.qty, facts.farPrice, { clientOrderId });
    const deadline = Date.now() + WS_WAIT_MS;
    for (;;) {
      const orders = await Promise.race([pending, timeout(Math.max(1, deadline - Date.now()), 'no order update on the private stream')]);
      const mine = orders.find((entry) => entry.clientOrderId === clientOrderId);
      if (mine) {
        assert(mine.symbol === CCXT_SYMBOL,
          `order frame parsed with symbol '${mine.symbol}', not '${CCXT_SYMBOL}' (so watchOrders('${CCXT_SYMBOL}') never resolves); ccxt treats an order without 'tpslMode' as spot and needs exactly one market per id`);
        assert(mine.status === 'open', `status ${mine.status}`);
        break;
      }
      pending = exchange.watchOrders();
      pending.catch(() => {});
    }
  } finally {
    await ccxtCleanup(exchange);
  }
});

check('ccxt.ws.ping/pong keep-alive (public + private)', async () => {
  const exchange = await makeCcxtPro();
  exchange.streaming = { ...exchange.streaming, keepAlive: 1_000 };
  await exchange.watchTicker(CCXT_SYMBOL);
  const pendingOrders = exchange.watchOrders();
  pendingOrders.catch(() => {});
  const started = Date.now();
  await sleep(3_500);
  for (const url of [WS_PUBLIC, WS_PRIVATE]) {
    const client = Object.values(exchange.clients).find((entry) => entry.url === url) ?? fail(`no ccxt client for ${url}`);
    assert(client.lastPong && client.lastPong >= started + 500, `${url}: no JSON pong handled since ${started} (lastPong ${client.lastPong}); ccxt sends {"req_id":N,"op":"ping"} and wants ret_msg "pong" (public) or op "pong" (private)`);
  }
  const ticker = await exchange.watchTicker(CCXT_SYMBOL);
  assert(isPositive(ticker.last), 'ticker stream stopped after pings');
});

// ----- bybit-api: public REST --------------------------------------------------------------------------------

check('bybit-api.rest.getServerTime', async () => {
  const rest = makeRest();
  const result = ok(await rest.getServerTime(), 'market/time');
  const seconds = num(result.timeSecond);
  assert(Number.isFinite(seconds) && Math.abs(seconds * 1000 - Date.now()) < 60_000, `timeSecond ${result.timeSecond}`);
  assert(String(result.timeNano).startsWith(String(result.timeSecond)), `timeNano ${result.timeNano} vs timeSecond ${result.timeSecond}`);
});

check('bybit-api.rest.getInstrumentsInfo(linear)', async () => {
  const rest = makeRest();
  const result = ok(await rest.getInstrumentsInfo({ category: 'linear' }), 'instruments-info');
  assert(result.category === 'linear', `category ${result.category}`);
  const instrument = result.list.find((entry) => entry.symbol === BYBIT_SYMBOL) ?? fail(`${BYBIT_SYMBOL} missing`);
  assert(instrument.status === 'Trading' && instrument.contractType === 'LinearPerpetual', `status/contractType ${instrument.status}/${instrument.contractType}`);
  assert(isPositive(instrument.priceFilter?.tickSize) && isPositive(instrument.lotSizeFilter?.qtyStep), 'tickSize/qtyStep missing');
});

check('bybit-api.rest.getTickers', async () => {
  const rest = makeRest();
  const result = ok(await rest.getTickers({ category: 'linear', symbol: BYBIT_SYMBOL }), 'tickers');
  const ticker = result.list?.[0] ?? fail('empty list');
  assert(ticker.symbol === BYBIT_SYMBOL, `symbol ${ticker.symbol}`);
  assert(isPositive(ticker.lastPrice) && isPositive(ticker.markPrice), `lastPrice/markPrice ${ticker.lastPrice}/${ticker.markPrice}`);
  assert(num(ticker.bid1Price) < num(ticker.ask1Price), `bid1Price ${ticker.bid1Price} !< ask1Price ${ticker.ask1Price}`);
});

check('bybit-api.rest.getOrderbook', async () => {
  const rest = makeRest();
  const result = ok(await rest.getOrderbook({ category: 'linear', symbol: BYBIT_SYMBOL, limit: 50 }), 'orderbook');
  assert(result.s === BYBIT_SYMBOL, `s ${result.s}`);
  assert(result.b.length > 0 && result.a.length > 0, 'empty side');
  assert(num(result.b[0][0]) < num(result.a[0][0]), `best bid ${result.b[0][0]} !< best ask ${result.a[0][0]}`);
  assert(Number.isFinite(num(result.ts)) && Number.isFinite(num(result.u)), `ts/u ${result.ts}/${result.u}`);
});

for (const interval of ['1', '5']) {
  check(`bybit-api.rest.getKline(${interval})`, async () => {
    const rest = makeRest();
    const result = ok(await rest.getKline({ category: 'linear', symbol: BYBIT_SYMBOL, interval, limit: 50 }), 'kline');
    const rows = result.list ?? [];
    assert(rows.length > 0, 'no klines');
    const candles = rows.map((row) => row.slice(0, 6).map(Number));
    for (let i = 1; i < candles.length; i++) assert(candles[i][0] < candles[i - 1][0], 'kline list not newest-first');
    checkCandles(candles, Number(interval) * 60_000, `kline ${interval}`);
  });
}

check('bybit-api.rest.getPublicTradingHistory', async () => {
  const rest = makeRest();
  const result = ok(await rest.getPublicTradingHistory({ category: 'linear', symbol: BYBIT_SYMBOL, limit: 20 }), 'recent-trade');
  const trades = result.list ?? [];
  assert(trades.length > 0, 'no trades');
  for (const trade of trades) {
    assert(trade.symbol === BYBIT_SYMBOL && isPositive(trade.price) && isPositive(trade.size), `bad trade ${short(trade)}`);
    assert(trade.side === 'Buy' || trade.side === 'Sell', `side ${trade.side}`);
  }
});

// ----- bybit-api: signed REST --------------------------------------------------------------------------------

check('bybit-api.rest.getWalletBalance(UNIFIED)', async () => {
  const rest = makeRest();
  const result = ok(await rest.getWalletBalance({ accountType: 'UNIFIED', coin: 'USDT' }), 'wallet-balance');
  const account = result.list?.[0] ?? fail('empty list');
  const usdt = (account.coin || []).find((coin) => coin.coin === 'USDT') ?? fail('no USDT coin');
  assert(isPositive(usdt.walletBalance), `USDT walletBalance ${usdt.walletBalance}`);
  assert(isPositive(account.totalEquity), `totalEquity ${account.totalEquity}`);
});

check('bybit-api.rest.submitOrder(limit, orderLinkId) + getActiveOrders', async () => {
  const rest = makeRest();
  try {
    const facts = await bybitMarketFacts(rest);
    const orderLinkId = uniqueId('cfba');
    const created = ok(await rest.submitOrder({ category: 'linear', symbol: BYBIT_SYMBOL, side: 'Buy', orderType: 'Limit', qty: facts.qty, price: facts.farPrice, timeInForce: 'GTC', orderLinkId }), 'order/create');
    assert(created.orderId, 'no orderId');
    assert(created.orderLinkId === orderLinkId, `orderLinkId ${created.orderLinkId}`);
    const active = ok(await rest.getActiveOrders({ category: 'linear', symbol: BYBIT_SYMBOL, openOnly: 0 }), 'order/realtime');
    const found = active.list.find((entry) => entry.orderId === created.orderId) ?? fail(`order not among ${active.list.length} active`);
    assert(found.orderLinkId === orderLinkId, `orderLinkId ${found.orderLinkId}`);
    assert(found.orderStatus === 'New', `orderStatus ${found.orderStatus}`);
    assert(num(found.price) === num(facts.farPrice) && num(found.qty) === num(facts.qty), `price/qty ${found.price}/${found.qty}`);
    const byLink = ok(await rest.getActiveOrders({ category: 'linear', symbol: BYBIT_SYMBOL, orderLinkId }), 'order/realtime by orderLinkId');
    assert(byLink.list.length === 1 && byLink.list[0].orderId === created.orderId, `by orderLinkId: ${byLink.list.length} rows`);
  } finally {
    await bybitCleanup(rest);
  }
});

check('bybit-api.rest.cancelOrder -> reads as Cancelled', async () => {
  const rest = makeRest();
  try {
    const facts = await bybitMarketFacts(rest);
    const orderLinkId = uniqueId('cfba');
    const created = ok(await rest.submitOrder({ category: 'linear', symbol: BYBIT_SYMBOL, side: 'Buy', orderType: 'Limit', qty: facts.qty, price: facts.farPrice, orderLinkId }), 'order/create');
    const cancelled = ok(await rest.cancelOrder({ category: 'linear', symbol: BYBIT_SYMBOL, orderLinkId }), 'order/cancel');
    assert(cancelled.orderId === created.orderId, `cancel answered orderId ${cancelled.orderId}`);
    const realtime = ok(await rest.getActiveOrders({ category: 'linear', symbol: BYBIT_SYMBOL, orderId: created.orderId }), 'order/realtime by orderId');
    const recent = realtime.list.find((entry) => entry.orderId === created.orderId);
    assert(!recent || recent.orderStatus === 'Cancelled', `realtime orderStatus ${recent?.orderStatus}`);
    const history = ok(await rest.getHistoricOrders({ category: 'linear', symbol: BYBIT_SYMBOL, orderId: created.orderId }), 'order/history');
    const found = history.list.find((entry) => entry.orderId === created.orderId) ?? fail('cancelled order not in order/history');
    assert(found.orderStatus === 'Cancelled', `history orderStatus ${found.orderStatus}`);
  } finally {
    await bybitCleanup(rest);
  }
});

check('bybit-api.rest.duplicate orderLinkId -> 110072', async () => {
  const rest = makeRest();
  try {
    const facts = await bybitMarketFacts(rest);
    const orderLinkId = uniqueId('cfba');
    const request = { category: 'linear', symbol: BYBIT_SYMBOL, side: 'Buy', orderType: 'Limit', qty: facts.qty, price: facts.farPrice, orderLinkId };
    ok(await rest.submitOrder(request), 'first order/create');
    const second = await rest.submitOrder(request);
    assert(second.retCode === 110072, `retCode ${second.retCode} retMsg ${second.retMsg}`);
  } finally {
    await bybitCleanup(rest);
  }
});

check('bybit-api.rest.reduceOnly with no position -> 110017', async () => {
  const rest = makeRest();
  const facts = await bybitMarketFacts(rest);
  const before = await bybitPositionSize(rest);
  assert(before.size === 0, `precondition: ${BYBIT_SYMBOL} position not flat (size ${before.size})`);
  const answer = await rest.submitOrder({ category: 'linear', symbol: BYBIT_SYMBOL, side: 'Sell', orderType: 'Market', qty: facts.marketQty, reduceOnly: true });
  assert(answer.retCode === 110017, `retCode ${answer.retCode} retMsg ${answer.retMsg}`);
});

check('bybit-api.rest.market open + reduceOnly close (getPositionInfo)', async () => {
  const rest = makeRest();
  const facts = await bybitMarketFacts(rest);
  const before = await bybitPositionSize(rest);
  assert(before.size === 0, `precondition: position not flat (size ${before.size})`);
  let opened = false;
  try {
    ok(await rest.submitOrder({ category: 'linear', symbol: BYBIT_SYMBOL, side: 'Buy', orderType: 'Market', qty: facts.marketQty, orderLinkId: uniqueId('cfbm') }), 'market order/create');
    opened = true;
    const open = await waitFor(async () => {
      const now = await bybitPositionSize(rest);
      return now.size > 0 ? now : null;
    }, 5_000);
    assert(open, 'no position after market buy');
    assert(open.size === num(facts.marketQty), `size ${open.size} != ${facts.marketQty}`);
    assert(open.side === 'Buy', `side ${open.side}`);
    assert(isPositive(open.position.avgPrice), `avgPrice ${open.position.avgPrice}`);
    ok(await rest.submitOrder({ category: 'linear', symbol: BYBIT_SYMBOL, side: 'Sell', orderType: 'Market', qty: facts.marketQty, reduceOnly: true }), 'reduce-only close');
    const flat = await waitFor(async () => ((await bybitPositionSize(rest)).size === 0 ? true : null), 5_000);
    assert(flat, 'position not flat after reduce-only close');
    opened = false;
  } finally {
    if (opened) {
      try {
        const now = await bybitPositionSize(rest);
        if (now.size > 0) await rest.submitOrder({ category: 'linear', symbol: BYBIT_SYMBOL, side: now.side === 'Buy' ? 'Sell' : 'Buy', orderType: 'Market', qty: String(now.size), reduceOnly: true });
      } catch {
        // best effort
      }
    }
  }
});

check('bybit-api.rest.getPositionInfo(settleCoin USDT)', async () => {
  const rest = makeRest();
  const result = ok(await rest.getPositionInfo({ category: 'linear', settleCoin: 'USDT' }), 'position/list');
  assert(Array.isArray(result.list), 'list not an array');
  assert(result.category === 'linear', `category ${result.category}`);
  for (const position of result.list) assert(Number.isFinite(num(position.size)), `size ${position.size}`);
});

// ----- bybit-api: public WebSocket ---------------------------------------------------------------------------

/** Subscribes one topic on a fresh public connection and resolves with the first data frame for it. */
async function bybitFirstUpdate(topic, accept = () => true) {
  const { client, frames } = makeWs({ isPrivate: false });
  return await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      const answers = frames.filter((frame) => frame.event !== 'update').map((frame) => short(frame.data, 200));
      reject(new Error(`no ${topic} update in ${WS_WAIT_MS} ms; other events: ${answers.join(' | ') || 'none'}`));
    }, WS_WAIT_MS);
    client.on('update', (event) => {
      if (event.topic === topic && accept(event)) {
        clearTimeout(timer);
        resolve(event);
      }
    });
    client.on('exception', (event) => {
      clearTimeout(timer);
      reject(new Error(`exception event: ${short(event, 300)}`));
    });
    client.subscribeV5([topic], 'linear');
  });
}

check('bybit-api.ws.publicTrade', async () => {
  const event = await bybitFirstUpdate(`publicTrade.${BYBIT_SYMBOL}`);
  const trade = event.data?.[0] ?? fail('no data[0]');
  assert(trade.s === BYBIT_SYMBOL && isPositive(trade.p) && isPositive(trade.v), `trade ${short(trade)}`);
  assert(trade.S === 'Buy' || trade.S === 'Sell', `S ${trade.S}`);
});

for (const depth of [1, 50]) {
  check(`bybit-api.ws.orderbook.${depth}`, async () => {
    const event = await bybitFirstUpdate(`orderbook.${depth}.${BYBIT_SYMBOL}`);
    assert(event.type === 'snapshot', `first frame type ${event.type}`);
    const book = event.data;
    assert(book.s === BYBIT_SYMBOL, `s ${book.s}`);
    assert(book.b.length > 0 && book.a.length > 0 && book.b.length <= depth && book.a.length <= depth, `levels ${book.b.length}/${book.a.length}`);
    assert(num(book.b[0][0]) < num(book.a[0][0]), `best bid ${book.b[0][0]} !< best ask ${book.a[0][0]}`);
    assert(Number.isFinite(num(book.u)) && Number.isFinite(num(book.seq)), `u/seq ${book.u}/${book.seq}`);
  });
}

check('bybit-api.ws.tickers', async () => {
  const event = await bybitFirstUpdate(`tickers.${BYBIT_SYMBOL}`);
  assert(event.type === 'snapshot', `first frame type ${event.type}`);
  assert(event.data.symbol === BYBIT_SYMBOL && isPositive(event.data.lastPrice), `data ${short(event.data)}`);
});

for (const interval of ['1', '5']) {
  check(`bybit-api.ws.kline.${interval}`, async () => {
    const event = await bybitFirstUpdate(`kline.${interval}.${BYBIT_SYMBOL}`);
    const bar = event.data?.[0] ?? fail('no data[0]');
    assert(bar.interval === interval, `interval ${bar.interval}`);
    assert(num(bar.start) % (Number(interval) * 60_000) === 0, `start ${bar.start} not aligned`);
    assert(num(bar.high) >= num(bar.low) && isPositive(bar.close), `bar ${short(bar)}`);
    assert(typeof bar.confirm === 'boolean', `confirm ${bar.confirm}`);
  });
}

for (const isPrivate of [false, true]) {
  check(`bybit-api.ws.${isPrivate ? 'private' : 'public'} ping/pong keep-alive`, async () => {
    const { client, frames } = makeWs({ isPrivate });
    // Short ping interval; bybit-api drops the connection when nothing arrives within pongTimeout of a ping.
    client.options.pingInterval = 1_000;
    client.options.pongTimeout = 1_500;
    const pongs = [];
    const originalPong = client.onWsPong.bind(client);
    client.onWsPong = (event, wsKey, source) => {
      pongs.push(event?.data);
      return originalPong(event, wsKey, source);
    };
    client.subscribeV5([isPrivate ? 'order' : `tickers.${BYBIT_SYMBOL}`], 'linear');
    await sleep(4_500);
    const drops = frames.filter((frame) => frame.event === 'reconnect' || frame.event === 'close');
    assert(drops.length === 0, `connection dropped: ${drops.map((frame) => frame.event).join(',')}`);
    assert(pongs.length > 0, 'no pong recognised (bybit-api sends {"op":"ping"}; wants "ret_msg":"pong" (public) or "op":"pong" (private) in the raw text)');
  });
}

for (const isPrivate of [false, true]) {
  check(`bybit-api.ws.${isPrivate ? 'private' : 'public'} subscribe promise resolves (req_id echoed)`, async () => {
    // With promiseSubscribeRequests, bybit-api sends req_id = the topics joined by ',' and resolves the promise
    // only when an answer {op:'subscribe', success:true, req_id:<same>} arrives.
    // The promise only exists once the connection is up (and authenticated, for the private stream).
    const { client, frames } = makeWs({ isPrivate, promiseSubscribeRequests: true });
    const ready = new Promise((resolve) => client.on(isPrivate ? 'authenticated' : 'open', resolve));
    client.subscribeV5([isPrivate ? 'wallet' : `orderbook.1.${BYBIT_SYMBOL}`], 'linear');
    await Promise.race([ready, timeout(6_000, isPrivate ? 'not authenticated' : 'not connected')]);
    await sleep(500);
    const topics = isPrivate ? ['order', 'execution'] : [`tickers.${BYBIT_SYMBOL}`, `publicTrade.${BYBIT_SYMBOL}`];
    const promises = client.subscribeV5(topics, 'linear');
    assert(Array.isArray(promises) && promises.length > 0, 'subscribeV5 returned no promise');
    const done = Promise.all(promises);
    done.catch(() => {});
    try {
      await Promise.race([done, timeout(6_000, 'subscribe promise did not settle')]);
    } catch (error) {
      const answers = frames.filter((frame) => frame.event === 'response' || frame.event === 'authenticated').map((frame) => short(frame.data, 200));
      fail(`${describeError(error)}; sent req_id "${topics.join(',')}", answers seen: ${answers.join(' | ') || 'none'}`);
    }
  });
}

// ----- bybit-api: private WebSocket --------------------------------------------------------------------------

check('bybit-api.ws.private auth + order/execution update', async () => {
  const rest = makeRest();
  const { client, frames } = makeWs({ isPrivate: true });
  try {
    const facts = await bybitMarketFacts(rest);
    const authenticated = new Promise((resolve, reject) => {
      client.on('authenticated', resolve);
      client.on('exception', (event) => reject(new Error(`exception event: ${short(event, 300)}`)));
    });
    authenticated.catch(() => {});
    const subscribed = new Promise((resolve) => {
      client.on('response', (event) => {
        if (event.op === 'subscribe') resolve(event);
      });
    });
    client.subscribeV5(['order', 'execution'], 'linear');
    await Promise.race([authenticated, timeout(6_000, 'no auth answer')]);
    const answer = await Promise.race([subscribed, sleep(4_000).then(() => null)]);
    assert(answer === null || answer.success === true, `subscribe answer ${short(answer)}`);
    const orderLinkId = uniqueId('cfbw');
    const sawOrder = new Promise((resolve) => {
      client.on('update', (event) => {
        if (event.topic === 'order' && (event.data || []).some((entry) => entry.orderLinkId === orderLinkId)) resolve(event);
      });
    });
    ok(await rest.submitOrder({ category: 'linear', symbol: BYBIT_SYMBOL, side: 'Buy', orderType: 'Limit', qty: facts.qty, price: facts.farPrice, orderLinkId }), 'order/create');
    const event = await Promise.race([sawOrder, timeout(WS_WAIT_MS, `no 'order' update for ${orderLinkId}; events: ${frames.map((frame) => frame.event).join(',')}`)]);
    const entry = event.data.find((item) => item.orderLinkId === orderLinkId);
    assert(entry.orderStatus === 'New' && entry.category === 'linear' && entry.symbol === BYBIT_SYMBOL, `order entry ${short(entry)}`);
    assert(answer !== null, 'order update arrived, but no subscribe answer (op=subscribe) was seen');
  } finally {
    await bybitCleanup(rest);
  }
});

check('bybit-api.ws.private execution update after market order', async () => {
  const rest = makeRest();
  const { client } = makeWs({ isPrivate: true });
  let opened = false;
  try {
    const facts = await bybitMarketFacts(rest);
    const before = await bybitPositionSize(rest);
    assert(before.size === 0, `precondition: position not flat (size ${before.size})`);
    const authenticated = new Promise((resolve) => client.on('authenticated', resolve));
    client.subscribeV5(['execution'], 'linear');
    await Promise.race([authenticated, timeout(6_000, 'no auth answer')]);
    await sleep(1_000);
    const orderLinkId = uniqueId('cfbe');
    const sawExecution = new Promise((resolve) => {
      client.on('update', (event) => {
        if (event.topic === 'execution' && (event.data || []).some((entry) => entry.orderLinkId === orderLinkId)) resolve(event);
      });
    });
    ok(await rest.submitOrder({ category: 'linear', symbol: BYBIT_SYMBOL, side: 'Buy', orderType: 'Market', qty: facts.marketQty, orderLinkId }), 'market order/create');
    opened = true;
    const event = await Promise.race([sawExecution, timeout(WS_WAIT_MS, `no 'execution' update for ${orderLinkId}`)]);
    const fill = event.data.find((item) => item.orderLinkId === orderLinkId);
    assert(isPositive(fill.execPrice) && isPositive(fill.execQty) && fill.execType === 'Trade', `fill ${short(fill)}`);
  } finally {
    if (opened) {
      try {
        const now = await bybitPositionSize(rest);
        if (now.size > 0) await rest.submitOrder({ category: 'linear', symbol: BYBIT_SYMBOL, side: now.side === 'Buy' ? 'Sell' : 'Buy', orderType: 'Market', qty: String(now.size), reduceOnly: true });
      } catch {
        // best effort
      }
    }
  }
});

// ---------------------------------------------------------------------------------------------------------------
// Runner

async function closeResources() {
  const resources = [...openResources];
  openResources.clear();
  await Promise.allSettled(resources.map(async (resource) => {
    try {
      await Promise.race([Promise.resolve().then(() => resource.close()), sleep(2_000)]);
    } catch {
      // ignore
    }
  }));
}

function describeError(error) {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return short(error, 400);
}

async function main() {
  const started = Date.now();
  const selected = ONLY ? checks.filter((entry) => ONLY.test(entry.name)) : checks;
  let passed = 0;
  let failed = 0;
  const failures = [];
  for (const { name, fn } of selected) {
    const left = RUN_TIMEOUT_MS - (Date.now() - started);
    if (left <= 0) {
      failed++;
      console.log(`FAIL ${name}: not run, the whole run exceeded ${RUN_TIMEOUT_MS} ms`);
      continue;
    }
    trace = [];
    const limit = timeout(Math.min(CHECK_TIMEOUT_MS, left), `timed out after ${Math.min(CHECK_TIMEOUT_MS, left)} ms`);
    try {
      await Promise.race([Promise.resolve().then(fn), limit]);
      passed++;
      console.log(`PASS ${name}`);
    } catch (error) {
      failed++;
      const requests = lastRequests(2);
      const reason = describeError(error).replace(/\s+/g, ' ');
      console.log(`FAIL ${name}: ${short(reason, 500)}${requests ? ` [last HTTP: ${short(requests.replace(/\s+/g, ' '), 600)}]` : ''}`);
      failures.push({ name, trace: trace.slice() });
    } finally {
      limit.cancel();
      await closeResources();
    }
  }
  if (TRACE) {
    console.error('--- endpoints used per client');
    for (const line of [...endpointsUsed].sort()) console.error(line);
    for (const { name, trace: entries } of failures) {
      console.error(`--- trace of ${name}`);
      for (const entry of entries) console.error(short(entry, 1500));
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

const hardStop = setTimeout(() => {
  console.log(`FAIL run: the whole run exceeded ${RUN_TIMEOUT_MS + 20_000} ms`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}, RUN_TIMEOUT_MS + 20_000);
hardStop.unref();

main().then(
  (code) => process.exit(code),
  (error) => {
    console.log(`FAIL run: ${describeError(error)}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
